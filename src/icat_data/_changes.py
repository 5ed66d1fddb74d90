"""What changed between two data editions, record by record and field by field.

`diff()` compares two loaded datasets through the rows every export writes (``_rows``), so a
value in a `Change` is what ``to_records()`` and ``--json`` show: ISO text for dates, lists
for tuples, ids for sources and organizations. Nothing here reads packaged files: callers
pass the datasets, whichever editions they come from.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._models import _brief, record_id

if TYPE_CHECKING:
    import pandas

    from ._dataset import Dataset

__all__ = [
    "CHANGE_ENTITIES",
    "CHANGE_KINDS",
    "Change",
    "ChangeEntity",
    "ChangeKind",
    "change_rows",
    "changes_frame",
    "diff",
]

ChangeKind = Literal["added", "changed", "removed"]
#: What a `Change` can say happened to a record.
CHANGE_KINDS: tuple[ChangeKind, ...] = typing.get_args(ChangeKind)

ChangeEntity = Literal[
    "briefs",
    "chairs",
    "disagreements",
    "events",
    "known_gaps",
    "organizations",
    "reported_counts",
    "sources",
]
#: The entities a `Change` can concern, in the order changes are listed.
CHANGE_ENTITIES: tuple[ChangeEntity, ...] = typing.get_args(ChangeEntity)


# Unhashable by design (unsafe_hash=False): its values are lists and dicts, and attrs would
# otherwise write a __hash__ that fails only when first called.
@attrs.frozen(unsafe_hash=False)
class Change:
    """One difference between two data editions.

    ``entity`` is one of `CHANGE_ENTITIES`: the entity names of ``to_records()`` for records
    (``"organizations"``, ``"chairs"``, ``"briefs"``, ``"events"``, ``"sources"``,
    ``"reported_counts"``, ``"disagreements"``) and ``"known_gaps"`` for the sentences of
    ``coverage().gaps``. ``id`` identifies the record within its entity: its ``id``; a chair
    term's year, a reported count's date, as text; a disagreement's topic; a gap's sentence.

    An added or removed record is one `Change` with ``field`` ``None`` and the whole record's
    row as ``after`` (added) or ``before`` (removed). A changed record is one `Change` per
    field whose value differs, with both values; a changed membership or former name is a
    change of the organization's ``memberships`` or ``former_names`` field. A field absent in
    one edition and null in the other is no change (records read both as ``None``).

    Values are JSON-ready, as ``to_records()`` writes them: a `Change` holds lists and
    dicts, so it compares by value but cannot be hashed.
    """

    entity: ChangeEntity
    """What kind of record changed: ``"organizations"``, ``"chairs"``, ``"briefs"``,
    ``"events"``, ``"sources"``, ``"reported_counts"``, ``"disagreements"`` (entities of
    ``to_records()``) or ``"known_gaps"`` (a sentence of ``coverage().gaps``)."""
    id: str
    """The record's id within its entity, as text (a chair term's year, a gap's sentence)."""
    change: ChangeKind
    """``"added"``, ``"removed"`` or ``"changed"``."""
    field: str | None
    """The field that changed; ``None`` for a record added or removed."""
    before: Any
    """The value in the older edition, as ``to_records()`` writes it (the whole record's row
    for a removed record; ``None`` for an added one)."""
    after: Any
    """The value in the newer edition (the whole row for an added record; ``None`` for a
    removed one)."""

    def __repr__(self) -> str:
        # One line whatever the values (a whole record's row can run to thousands of
        # characters): long values are cut and marked, as other records' reprs are.
        shown = ", ".join(
            f"{name}={_cut(getattr(self, name))}"
            for name in ("entity", "id", "change", "field", "before", "after")
        )
        return f"Change({shown})"

    def to_dict(self) -> dict[str, Any]:
        """The change as a JSON-ready dict, one row of ``icat-data diff --json``."""
        return attrs.asdict(self, recurse=False)


def _cut(value: object, width: int = 32) -> str:
    if isinstance(value, str):
        return _brief(value, width)  # the text cut, then quoted: still a str's repr
    shown = repr(value)
    return shown if len(shown) <= width else shown[: width - 3] + "..."


def diff(old: Dataset, new: Dataset) -> tuple[Change, ...]:
    """Every `Change` from ``old`` to ``new``, ordered by entity, id and field.

    An added or removed record sorts before changes of its fields would; within a record,
    fields sort by name.
    """
    found: list[Change] = []
    for entity in CHANGE_ENTITIES:
        before, after = _keyed(entity, old), _keyed(entity, new)
        for key in sorted(before.keys() | after.keys()):
            if key not in after:
                found.append(Change(entity, key, "removed", None, before[key], None))
            elif key not in before:
                found.append(Change(entity, key, "added", None, None, after[key]))
            else:
                found.extend(_changed(entity, key, before[key], after[key]))
    return tuple(found)


def _changed(entity: ChangeEntity, key: str, before: Any, after: Any) -> Iterable[Change]:
    if not isinstance(before, dict):  # a gap is its sentence: it can only come and go
        return ()
    return (
        Change(entity, key, "changed", field, before.get(field), after.get(field))
        for field in sorted(before.keys() | after.keys())
        if before.get(field) != after.get(field)
    )


def _keyed(entity: ChangeEntity, data: Dataset) -> dict[str, Any]:
    """The JSON-ready value of each record of ``entity``, by its id as text."""
    if entity == "known_gaps":
        return _unique((gap, gap) for gap in data.coverage.gaps)
    # The export rows and each entity's records: imported only when editions are compared.
    from ._rows import _RECORDS_OF
    from ._rows import _row as row

    return _unique((record_id(record), row(record)) for record in _RECORDS_OF[entity](data))


def _unique(pairs: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    # The loader keeps ids unique, but not a count's date, a topic or a gap's sentence: a
    # repeat is told apart by its place ("2019 (2)") rather than lost.
    keyed: dict[str, Any] = {}
    for key, value in pairs:
        n, unique = 1, key
        while unique in keyed:
            n += 1
            unique = f"{key} ({n})"
        keyed[unique] = value
    return keyed


def change_rows(changes: Iterable[Change]) -> list[dict[str, Any]]:
    """One JSON-ready row per change: entity, id, change, field, before, after."""
    return [change.to_dict() for change in changes]


def changes_frame(changes: Iterable[Change]) -> pandas.DataFrame:
    """The changes as a pandas DataFrame typed as ``to_dataframe()`` types its frames.

    ``entity`` and ``change`` are categories with every allowed value as a category,
    ``id`` and ``field`` text (``field`` is missing for an added or removed record), and
    ``before`` and ``after`` objects holding the JSON-ready values as they are. Needs pandas.
    """
    try:
        import pandas
    except ImportError:
        raise ImportError(
            'changes_frame() needs pandas: pip install "icat-data[pandas]"'
        ) from None
    import numpy

    rows = change_rows(changes)
    series: dict[str, Any] = {
        "entity": pandas.Categorical([r["entity"] for r in rows], categories=CHANGE_ENTITIES),
        "id": pandas.Series([r["id"] for r in rows], dtype=object),
        "change": pandas.Categorical([r["change"] for r in rows], categories=CHANGE_KINDS),
        "field": pandas.Series([r["field"] for r in rows], dtype=object),
    }
    for column in ("before", "after"):
        # One cell at a time: from equal-length lists pandas would build a 2-D array.
        cells = numpy.empty(len(rows), dtype=object)
        for index, each in enumerate(rows):
            cells[index] = each[column]
        series[column] = pandas.Series(cells, dtype=object)
    return pandas.DataFrame(series, index=pandas.RangeIndex(len(rows)))
