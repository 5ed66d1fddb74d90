"""Nothing a caller does can change the packaged data for anyone else."""

from __future__ import annotations

import attrs
import pytest

import icat_data


def test_collections_returned_are_immutable() -> None:
    organizations = icat_data.organizations()
    assert isinstance(organizations, tuple)
    with pytest.raises(TypeError):
        organizations[0] = organizations[1]  # type: ignore[index]
    unodc = icat_data.get_organization("UNODC")
    for value in (unodc.memberships, unodc.sources, unodc.aliases, unodc.former_names):
        assert isinstance(value, tuple)


@pytest.mark.parametrize(
    "record",
    [
        icat_data.get_organization("UNODC"),
        icat_data.get_organization("UNODC").memberships[0],
        icat_data.chair_terms()[0],
        icat_data.get_brief(12),
        icat_data.events()[0],
        icat_data.coverage(),
        icat_data.manifest(),
        icat_data.coverage().disagreements[0],
        icat_data.coverage().reported_counts[0],
        icat_data.get_organization("UNODC").sources[0],
    ],
    ids=lambda r: type(r).__name__,
)
def test_every_record_is_frozen(record: attrs.AttrsInstance) -> None:
    field = attrs.fields(type(record))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, field, None)


def test_manifest_mappings_are_read_only() -> None:
    # The loader's indexes are private dicts (a read-only view costs every lookup); what the
    # API hands out is immutable.
    for mapping in (icat_data.manifest().files, icat_data.manifest().counts):
        with pytest.raises(TypeError):
            mapping["x"] = 0  # type: ignore[index]


def test_exported_rows_are_copies() -> None:
    row = icat_data.to_records("organizations")[0]
    row["name"] = "changed"
    row["aliases"].append("changed")
    fresh = icat_data.to_records("organizations")[0]
    assert fresh["name"] != "changed"
    assert "changed" not in fresh["aliases"]
