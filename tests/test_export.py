"""to_records and to_dataframe: flat, JSON-ready rows, and frames with real types."""

from __future__ import annotations

import json
import sys

import numpy
import pandas
import pytest

import icat_data
from icat_data import Entity
from icat_data._rows import ENTITIES, columns


@pytest.mark.parametrize("entity", ENTITIES)
def test_rows_are_plain_json(entity: Entity) -> None:
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
        icat_data.to_records("members")  # type: ignore[arg-type]


def test_former_names_reported_counts_and_disagreements_are_rows_too() -> None:
    assert icat_data.to_records("former_names") == [
        {
            "organization": org.id,
            "name": former.name,
            "acronym": former.acronym,
            "until": str(former.until),
        }
        for org in icat_data.organizations()
        for former in org.former_names
    ]
    assert {
        "organization": "dpo",
        "name": "Department of Peacekeeping Operations",
        "acronym": "DPKO",
        "until": "2019-01-01",
    } in icat_data.to_records("former_names")
    counts = {r["date"]: r for r in icat_data.to_records("reported_counts")}
    assert (counts["2019"]["members"], counts["2019"]["partners"], counts["2019"]["total"]) == (
        23,
        2,
        25,
    )
    assert counts["2020"]["members"] is None
    assert counts["2020"]["sources"] == ["unodc-2020-covid-resources"]
    (brief_8,) = [
        r
        for r in icat_data.to_records("disagreements")
        if r["records"] == ["briefs:issue-brief-08"]
    ]
    assert brief_8["sources"] == ["icat-chairs-report-2019", "icat-network-home"]
    assert len(brief_8["accounts"]) == 2


@pytest.mark.parametrize("entity", ENTITIES)
def test_columns_describe_every_row(entity: Entity) -> None:
    names = [column.name for column in columns(entity)]
    for row in icat_data.to_records(entity):
        assert list(row) == names
        for column in columns(entity):
            value = row[column.name]
            assert value is not None or not column.required, column
            if column.kind == "vocabulary":
                assert value in column.vocabulary


def _plain(value: object) -> object:
    # What a frame's cell holds, as to_records would write it.
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, pandas.Timestamp):
        return value.date().isoformat()
    if not isinstance(value, list) and pandas.isna(value):  # NaN, NA, NaT
        return None
    return value.item() if isinstance(value, numpy.generic) else value


@pytest.mark.parametrize("entity", ENTITIES)
def test_to_dataframe_holds_every_value_of_the_rows(entity: Entity) -> None:
    frame = icat_data.to_dataframe(entity)
    rows = icat_data.to_records(entity)
    assert list(frame.index) == list(range(len(rows)))
    for column in columns(entity):
        if column.kind == "nested":  # an entity of its own (former names)
            assert column.name not in frame.columns
            continue
        assert [_plain(v) for v in frame[column.name]] == [r[column.name] for r in rows], column
        if column.kind == "list":
            assert all(type(v) is tuple for v in frame[column.name])


@pytest.mark.parametrize("entity", ENTITIES)
def test_every_partial_date_has_its_precision_and_first_and_last_day(entity: Entity) -> None:
    frame = icat_data.to_dataframe(entity)
    dates = [c.name for c in columns(entity) if c.kind == "partial_date"]
    for name in dates:
        assert frame[f"{name}_precision"].dtype == "category"
        assert list(frame[f"{name}_precision"].cat.categories) == ["year", "month", "day"]
        for end in ("first", "last"):
            assert pandas.api.types.is_datetime64_dtype(frame[f"{name}_{end}"])
        for text, precision, first, last in frame[
            [name, f"{name}_precision", f"{name}_first", f"{name}_last"]
        ].itertuples(index=False):
            if _plain(text) is None:
                assert _plain(precision) is _plain(first) is _plain(last) is None
                continue
            date = icat_data.PartialDate.from_iso(text)
            assert precision == date.precision
            assert (first.date(), last.date()) == (date.first_day, date.last_day)


def test_dates_filter_by_their_bounds_whatever_their_precision() -> None:
    frame = icat_data.to_dataframe("memberships")
    row = frame[frame.organization == "unifem"].iloc[0]
    assert (row.start, row.start_precision) == ("2006-09", "month")
    assert (str(row.start_first.date()), str(row.start_last.date())) == (
        "2006-09-01",
        "2006-09-30",
    )
    assert (str(row.end_first.date()), str(row.end_last.date())) == ("2011-01-01", "2011-01-31")
    begun = frame[frame.start_first <= "2019-06-30"]
    assert "world-bank" in set(begun.organization)  # start "2019": it may have begun by June
    assert "cbss" not in set(begun.organization)  # start "2020-04"
    surely = frame[frame.start_last <= "2019-06-30"]
    assert "world-bank" not in set(surely.organization)


def test_to_dataframe_dtypes() -> None:
    memberships = icat_data.to_dataframe("memberships")
    assert list(memberships.role.cat.categories) == sorted(icat_data.ROLES)
    assert memberships.start_attested_only.dtype == bool
    briefs = icat_data.to_dataframe("briefs")
    assert briefs.number.dtype == "Int64"
    assert briefs.number.isna().any()
    assert int(briefs.number.max()) == max(b.number or 0 for b in icat_data.briefs())
    assert list(briefs.kind.cat.categories) == sorted(icat_data.BRIEF_KINDS)
    assert list(icat_data.to_dataframe("events").kind.cat.categories) == sorted(
        icat_data.EVENT_KINDS
    )
    organizations = icat_data.to_dataframe("organizations")
    assert list(organizations.kind.cat.categories) == sorted(icat_data.ORGANIZATION_KINDS)
    counts = icat_data.to_dataframe("reported_counts")
    assert {str(counts[c].dtype) for c in ("members", "partners", "total")} == {"Int64"}
    assert counts.members.isna().any()
    assert icat_data.to_dataframe("chairs").year.dtype == "int64"
    assert pandas.api.types.is_datetime64_dtype(icat_data.to_dataframe("sources").accessed)


def test_to_dataframe_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "icat-data\[pandas\]"'):
        icat_data.to_dataframe("organizations")
