"""Every packaged data file keeps its records in one canonical order, so diffs stay reviewable.

The orders, one per file (each is the order the API returns the records in, where it has one):

- ``organizations.json``: by ``id``.
- ``chairs.json``: by ``year``.
- ``briefs.json``: by publication date, then ``number`` (none as 0), then ``id``; a date known
  only to the year or month counts from its first day, and undated briefs come last.
- ``events.json``: by ``date`` (a coarser date first within its period: "2010" before
  "2010-07" before "2010-07-30"), then the last day the event can cover (``end_date``, or the
  last day of ``date``), then ``id``.
- ``sources.json``: by ``id``.
- ``edition.json``: ``reported_counts`` by ``date`` as above, then the first source's id;
  ``known_gaps`` and ``disagreements`` are prose and keep the order they were written in.

A new record goes in its place in that order, never at the end of the file; this test fails
until it does.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

import icat_data
from icat_data import PartialDate
from icat_data._load import read_packaged


def _rows(name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(read_packaged(name))
    return rows


def _date(text: str) -> PartialDate:
    return PartialDate.from_iso(text)


def _brief_key(row: dict[str, Any]) -> tuple[int, str, int, str]:
    published = row["published"]
    first_day = "" if published is None else _date(published).first_day.isoformat()
    return (published is None, first_day, row["number"] or 0, row["id"])


def _event_key(row: dict[str, Any]) -> tuple[PartialDate, str, str]:
    last = _date(row["end_date"] or row["date"]).last_day.isoformat()
    return (_date(row["date"]), last, row["id"])


def _count_key(row: dict[str, Any]) -> tuple[PartialDate, str]:
    return (_date(row["date"]), row["sources"][0])


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("organizations.json", lambda row: row["id"]),
        ("chairs.json", lambda row: row["year"]),
        ("briefs.json", _brief_key),
        ("events.json", _event_key),
        ("sources.json", lambda row: row["id"]),
    ],
)
def test_each_data_file_is_in_its_canonical_order(name: str, key: Any) -> None:
    rows = _rows(name)
    keys = [key(row) for row in rows]
    misplaced = [
        rows[i + 1].get("id", rows[i + 1].get("year"))
        for i in range(len(keys) - 1)
        if keys[i] >= keys[i + 1]
    ]
    assert misplaced == [], f"{name}: these records are out of order (or repeat a key)"


def test_reported_counts_are_in_date_order() -> None:
    counts = json.loads(read_packaged("edition.json"))["reported_counts"]
    keys = [_count_key(row) for row in counts]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)


def test_the_files_hold_records_in_the_order_the_api_returns_them() -> None:
    assert [r["id"] for r in _rows("organizations.json")] == [
        o.id for o in icat_data.organizations()
    ]
    assert [r["year"] for r in _rows("chairs.json")] == [t.year for t in icat_data.chair_terms()]
    assert [r["id"] for r in _rows("briefs.json")] == [b.id for b in icat_data.briefs()]
    assert [r["id"] for r in _rows("events.json")] == [e.id for e in icat_data.events()]
    assert [str(c.date) for c in icat_data.coverage().reported_counts] == [
        r["date"] for r in json.loads(read_packaged("edition.json"))["reported_counts"]
    ]


def test_a_coarser_date_sorts_first_within_its_period() -> None:
    # The event order above relies on this, as the API does.
    assert _date("2010") < _date("2010-07") < _date("2010-07-30") < _date("2010-08")
