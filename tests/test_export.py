"""to_records and to_dataframe: flat, JSON-ready rows."""

from __future__ import annotations

import json
import sys

import pytest

import icat_data
from icat_data._export import ENTITIES


@pytest.mark.parametrize("entity", ENTITIES)
def test_rows_are_plain_json(entity: str) -> None:
    rows = icat_data.to_records(entity)
    assert rows
    assert json.loads(json.dumps(rows)) == rows


def test_organization_rows_carry_ids_for_sources_and_omit_memberships() -> None:
    (row,) = [r for r in icat_data.to_records("organizations") if r["id"] == "dpo"]
    assert row["acronym"] == "DPO"
    assert row["former_names"] == [
        {"name": "Department of Peacekeeping Operations", "acronym": "DPKO", "until": "2019-01-01"}
    ]
    assert "memberships" not in row
    assert "unint-peace-security-reform" in row["sources"]


def test_membership_rows_are_keyed_by_organization_with_iso_dates() -> None:
    rows = [r for r in icat_data.to_records("memberships") if r["organization"] == "unifem"]
    assert rows == [
        {
            "organization": "unifem",
            "role": "member",
            "start": "2006-09",
            "end": "2011-01",
            "start_attested_only": False,
            "sources": ["icat-about", "ungift-about-icat", "ungift-about-icat2"],
            "note": rows[0]["note"],
        }
    ]


def test_source_rows_are_full_records() -> None:
    (row,) = [r for r in icat_data.to_records("sources") if r["id"] == "icmpd-news-2021-11-16"]
    assert row["published"] == "2021-11-16"
    assert row["accessed"] == "2026-11-22"
    assert row["publisher"] == "ICMPD"


def test_chair_rows() -> None:
    rows = {r["year"]: r["chairs"] for r in icat_data.to_records("chairs")}
    assert rows[2019] == ["osce", "un-women"]
    assert rows[2023] == ["iom", "osrsg-vac"]
    assert list(rows) == sorted(rows)


def test_rows_are_fresh_copies() -> None:
    icat_data.to_records("chairs")[0]["chairs"].append("someone")
    assert icat_data.to_records("chairs")[0]["chairs"] == ["unicef"]


def test_unknown_entity_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="expected one of: organizations, memberships"):
        icat_data.to_records("members")


@pytest.mark.parametrize("entity", ENTITIES)
def test_to_dataframe_has_one_row_per_record(entity: str) -> None:
    frame = icat_data.to_dataframe(entity)
    rows = icat_data.to_records(entity)
    assert len(frame) == len(rows)
    assert list(frame.columns) == list(rows[0])
    # pandas shows a missing value as NaN where the rows have None.
    assert frame.astype(object).where(frame.notna(), None).to_dict("records") == rows


def test_to_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "icat-data\[pandas\]"'):
        icat_data.to_dataframe("organizations")
