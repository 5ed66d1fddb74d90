"""A key longer than any name costs what a key at the cap costs (probe N9), and an unknown
entity's message excerpts it (probe N6): neither grows with the input."""

from __future__ import annotations

import pytest

import icat_data
from icat_data._limits import MAX_NAME


class _CountingHash(str):
    """Text that counts how often it is hashed: hashing costs its length."""

    hashed = 0

    def __hash__(self) -> int:
        type(self).hashed += 1
        return super().__hash__()


@pytest.mark.parametrize("padded", [" " * 10_000 + "UNODC", "UNODC" + " " * 10_000])
def test_a_key_past_the_cap_is_unknown_without_being_hashed(padded: str) -> None:
    icat_data.organizations()  # loaded first: only the lookup is counted
    key = _CountingHash(padded)
    _CountingHash.hashed = 0
    assert icat_data.find_organization(key) is None
    assert _CountingHash.hashed == 0
    with pytest.raises(icat_data.UnknownOrganizationError):
        icat_data.get_organization(key)
    with pytest.raises(icat_data.UnknownOrganizationError):
        icat_data.is_member(key, on=2019)
    assert _CountingHash.hashed == 0


def test_a_key_at_the_cap_is_still_looked_up() -> None:
    key = "UNODC".ljust(MAX_NAME)
    # Surrounding spaces are folded away within the cap, as they always were.
    assert icat_data.find_organization(key) == icat_data.get_organization("UNODC")


@pytest.mark.parametrize("call", [icat_data.to_records, icat_data.to_dataframe])
def test_an_unknown_entity_is_excerpted_in_its_message(call: object) -> None:
    pytest.importorskip("pandas")
    with pytest.raises(ValueError, match="unknown entity") as raised:
        call("x" * 10_000_000)  # type: ignore[operator]
    assert len(str(raised.value)) < 400
    assert "10,000,000 characters" in str(raised.value)
