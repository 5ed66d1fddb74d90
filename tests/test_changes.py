"""What changed between two editions: `diff()` on the released editions 2026.11.22.1 (0.2.0)
and 2026.12.01 (0.3.0), read from the fixtures of their release commits."""

from __future__ import annotations

import json
import re
from typing import Any

import attrs
import pytest
from _editions import edition_files, load_files, released
from hypothesis import given, settings
from hypothesis import strategies as st

from icat_data._changes import (
    CHANGE_ENTITIES,
    CHANGE_KINDS,
    Change,
    ChangeKind,
    change_rows,
    diff,
)
from icat_data._dataset import Dataset
from icat_data._load import DATA_FILES, read_packaged

OLD, NEW = "2026.11.22.1", "2026.12.01"
LEDGER: list[dict[str, Any]] = json.loads(read_packaged("releases.json"))


def _changes() -> tuple[Change, ...]:
    return diff(released(OLD), released(NEW))


def _one(entity: str, id: str, field: str | None = None) -> Change:
    (found,) = [c for c in _changes() if (c.entity, c.id, c.field) == (entity, id, field)]
    return found


@pytest.mark.parametrize("name", [OLD, NEW])
def test_the_editions_compared_are_the_released_ones(name: str) -> None:
    assert sorted(edition_files(name)) == sorted(DATA_FILES)
    digests = {entry["digest"] for entry in LEDGER if entry["data_version"] == name}
    assert digests == {released(name).manifest.digest}


def test_records_added_since_0_2_0_are_added_changes_with_their_rows() -> None:
    brief = _one("briefs", "issue-brief-11")
    assert (brief.change, brief.before) == ("added", None)
    assert brief.after["number"] == 11
    assert brief.after["kind"] == "issue_brief"
    assert all(isinstance(s, str) for s in brief.after["sources"])  # sources as ids
    event = _one("events", "political-declaration-2017")
    assert event.change == "added"
    assert re.fullmatch(r"2017(-[0-9]{2}){0,2}", event.after["date"])  # ISO text
    assert _one("reported_counts", "2016-07").change == "added"
    assert _one("sources", "belta-2019-11-16").change == "added"
    assert _one("disagreements", "Length of the OSCE's co-chairing").change == "added"


def test_a_changed_field_is_one_change_with_both_values() -> None:
    name = _one("organizations", "unaids", "name")
    assert (name.change, name.before, name.after) == (
        "changed",
        "United Nations Joint Programme on HIV/AIDS",
        "Joint United Nations Programme on HIV/AIDS",
    )
    note = _one("organizations", "dppa", "note")
    assert note.before is None
    assert note.after.startswith("Formed on 1 January 2019")
    chairs = _one("chairs", "2019", "sources")
    assert chairs.before == ["icat-chairs-report-2019", "icat-brochure", "osce-2019-12-06"]
    assert chairs.after[:3] == chairs.before
    assert "belta-2019-11-16" in chairs.after
    # Fields that did not change give no Change.
    assert not [c for c in _changes() if c.entity == "organizations" and c.id == "unodc"]


def test_a_changed_membership_is_a_change_of_the_organizations_memberships() -> None:
    change = _one("organizations", "unfpa", "memberships")
    assert [m["start"] for m in change.before] == ["2019"]
    assert [m["start"] for m in change.after] == ["2018-10-05"]
    assert {c.field for c in _changes() if c.id == "unfpa"} == {"memberships", "sources"}


def test_a_reworded_gap_is_one_removed_and_one_added() -> None:
    removed = [c.id for c in _changes() if c.entity == "known_gaps" and c.change == "removed"]
    added = [c.id for c in _changes() if c.entity == "known_gaps" and c.change == "added"]
    assert any(g.startswith("Issue briefs 5, 6, 9, 10 and 11 are not identified") for g in removed)
    assert any(g.startswith("Issue briefs 5, 6 and 9 are not identified") for g in added)
    # Nothing but gap sentences was removed between these editions.
    assert {c.entity for c in _changes() if c.change == "removed"} == {"known_gaps"}


def test_changes_are_ordered_by_entity_id_and_field() -> None:
    found = _changes()
    keys = [(c.entity, c.id, c.field or "") for c in found]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    assert {c.entity for c in found} <= set(CHANGE_ENTITIES)
    assert {c.change for c in found} == set(CHANGE_KINDS)
    for change in found:
        assert (change.field is None) == (change.change != "changed"), change


def _with_nulls(raw: bytes) -> bytes:
    """``raw`` with every optional field the data leaves out written as null."""
    optional = {"note", "successor"}
    rows = json.loads(raw)
    for row in rows:
        for field in optional & _fields_of(row):
            row.setdefault(field, None)
    return json.dumps(rows).encode()


def _fields_of(row: dict[str, Any]) -> set[str]:
    # Every record of these files has "note"; only organizations have "successor".
    return {"note", "successor"} if "memberships" in row else {"note"}


def test_a_field_absent_in_one_edition_and_null_in_the_other_is_no_change() -> None:
    files = edition_files(NEW)
    nulls = dict(files)
    for name in ("organizations.json", "briefs.json", "events.json", "chairs.json"):
        nulls[name] = _with_nulls(files[name])
    assert b'"note": null' in nulls["organizations.json"]
    assert b'"successor": null' in nulls["organizations.json"]
    assert diff(released(NEW), load_files(nulls, NEW)) == ()
    assert diff(load_files(nulls, NEW), released(NEW)) == ()


def test_a_value_set_where_there_was_none_is_a_change() -> None:
    # The counterpart of the rule above: null to a value is a change.
    rows = json.loads(edition_files(NEW)["briefs.json"])
    index, row = next((i, r) for i, r in enumerate(rows) if "note" not in r)
    rows[index] = {**row, "note": "A note."}
    files = {**edition_files(NEW), "briefs.json": json.dumps(rows).encode()}
    assert diff(released(NEW), load_files(files, NEW)) == (
        Change("briefs", row["id"], "changed", "note", None, "A note."),
    )


def test_changes_are_json_ready_rows() -> None:
    rows = change_rows(_changes())
    assert len(rows) == len(_changes())
    assert list(rows[0]) == ["entity", "id", "change", "field", "before", "after"]
    assert json.loads(json.dumps(rows)) == rows  # nothing but JSON values


def test_a_change_compares_by_value_and_says_it_cannot_be_hashed() -> None:
    change = _one("organizations", "unaids", "name")
    assert change == attrs.evolve(change)
    assert change != attrs.evolve(change, after="UNAIDS")
    with pytest.raises(TypeError, match="unhashable"):
        hash(change)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        change.after = "UNAIDS"  # type: ignore[misc]


def test_changes_frame_is_typed() -> None:
    pandas = pytest.importorskip("pandas")
    from icat_data._changes import changes_frame

    df = changes_frame(_changes())
    assert list(df.columns) == ["entity", "id", "change", "field", "before", "after"]
    assert len(df) == len(_changes())
    assert isinstance(df["entity"].dtype, pandas.CategoricalDtype)
    assert list(df["entity"].cat.categories) == list(CHANGE_ENTITIES)
    assert list(df["change"].cat.categories) == list(CHANGE_KINDS)
    row = df[(df["id"] == "unfpa") & (df["field"] == "memberships")].iloc[0]
    assert row["before"][0]["start"] == "2019"  # a list cell stays one list
    added = df[df["change"] == "added"]
    assert added["field"].isna().all()
    empty = changes_frame(())
    assert list(empty.columns) == list(df.columns)
    assert empty.dtypes.to_dict() == df.dtypes.to_dict()


# Property tests: datasets mixing the two editions' records, each record absent or in
# either edition's version, so that every kind of change occurs.


def _pool(entity: str) -> dict[str, tuple[Any, ...]]:
    versions: dict[str, list[Any]] = {}
    for data in (released(OLD), released(NEW)):
        for record in _records(data)[entity]:
            key = getattr(record, "id", None) or str(getattr(record, "year", "")) or str(record)
            if record not in versions.setdefault(key, []):
                versions[key].append(record)
    return {key: tuple(found) for key, found in versions.items()}


def _records(data: Dataset) -> dict[str, tuple[Any, ...]]:
    return {
        "organizations": data.organizations,
        "chair_terms": data.chair_terms,
        "briefs": data.briefs,
        "events": data.events,
        "sources": data.sources,
        "reported_counts": data.coverage.reported_counts,
        "disagreements": data.coverage.disagreements,
    }


@st.composite
def mixed_datasets(draw: st.DrawFn) -> Dataset:
    chosen: dict[str, tuple[Any, ...]] = {}
    for entity in _records(released(NEW)):
        picked = []
        for versions in _pool(entity).values():
            # Organizations stay (chair terms index their chairs); any other record may go.
            low = 0 if entity == "organizations" else -1
            index = draw(st.integers(low, len(versions) - 1))
            if index >= 0:
                picked.append(versions[index])
        chosen[entity] = tuple(picked)
    return _built(chosen)


def _built(records: dict[str, tuple[Any, ...]]) -> Dataset:
    """A dataset of ``records`` (by the entity names of `_records()`), as of 2026.12.01."""
    return Dataset.build(
        sources=records["sources"],
        organizations=records["organizations"],
        chair_terms=records["chair_terms"],
        briefs=records["briefs"],
        events=records["events"],
        as_of=released(NEW).coverage.as_of,
        known_gaps=(),
        reported_counts=records["reported_counts"],
        disagreements=records["disagreements"],
        manifest=released(NEW).manifest,
    )


def _mirror(change: Change) -> Change:
    opposite: dict[ChangeKind, ChangeKind] = {"added": "removed", "removed": "added"}
    kind = opposite.get(change.change, change.change)
    return attrs.evolve(change, change=kind, before=change.after, after=change.before)


@settings(max_examples=40, deadline=None)
@given(mixed_datasets(), mixed_datasets())
def test_diff_of_an_edition_with_itself_is_empty_and_reversing_mirrors(
    a: Dataset, b: Dataset
) -> None:
    assert diff(a, a) == ()
    forward = diff(a, b)
    assert diff(b, a) == tuple(_mirror(c) for c in forward)


def test_two_records_with_one_id_are_told_apart_by_their_place() -> None:
    # The loader keeps ids unique but not a reported count's date: a second count of one
    # date is a record of its own, not lost.
    new = released(NEW)
    count = new.coverage.reported_counts[0]
    second = attrs.evolve(count, total=(count.total or 0) + 1)
    records = _records(new)
    doubled = _built({**records, "reported_counts": (*records["reported_counts"], second)})
    added = [c for c in diff(_built(records), doubled) if c.entity == "reported_counts"]
    assert [(c.id, c.change, c.after["total"]) for c in added] == [
        (f"{count.date} (2)", "added", second.total)
    ]
