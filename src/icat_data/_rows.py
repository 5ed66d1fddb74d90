"""Flat, JSON-ready rows of the data, and what each column holds, for every other format.

Rows are the one source of the exports: ``_frames`` types them for pandas and
``_datapackage`` writes them as a Frictionless data package, each reading the
``columns()`` described here, so a field added to a record reaches every format at once.
"""

from __future__ import annotations

import datetime
import functools
import types
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

import attrs

from ._limits import shown
from ._load import dataset
from ._models import (
    Brief,
    ChairTerm,
    Disagreement,
    Event,
    FormerName,
    Membership,
    Organization,
    OrganizationYear,
    PartialDate,
    Precision,
    ReportedCount,
    Source,
)
from ._version import __version__
from ._vocabulary import Entity

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = [
    "ENTITIES",
    "PRECISIONS",
    "Column",
    "columns",
    "csv_cell",
    "edition",
    "entity_records",
    "records",
]

#: The entity names records() and to_dataframe() accept, in the order exports list them.
ENTITIES: tuple[Entity, ...] = typing.get_args(Entity)

#: How much of a date is known, coarsest first.
PRECISIONS: tuple[str, ...] = typing.get_args(Precision)

#: The record class behind each entity's rows.
_RECORD_TYPES: dict[str, type] = {
    "organizations": Organization,
    "memberships": Membership,
    "former_names": FormerName,
    "chairs": ChairTerm,
    "briefs": Brief,
    "events": Event,
    "sources": Source,
    "reported_counts": ReportedCount,
    "disagreements": Disagreement,
    "organization_years": OrganizationYear,
}
# Records that belong to an organization: their rows start with its id, as "organization".
_OWNED = frozenset({"memberships", "former_names"})
# An organization's memberships are rows of their own; its former names are both (the
# organization rows have carried them since 0.1, and "former_names" rows can be joined).
_LEFT_OUT = {"organizations": ("memberships",)}

Kind = Literal["text", "integer", "boolean", "day", "partial_date", "vocabulary", "list", "nested"]


@attrs.frozen
class Column:
    """What one column of an entity's rows holds, as every export needs to know it.

    ``kind`` is one of: ``"text"``; ``"integer"``; ``"boolean"``; ``"day"`` (an ISO date,
    always to the day); ``"partial_date"`` (ISO text at its precision: "2019", "2019-05" or
    "2019-05-02"); ``"vocabulary"`` (text from the closed set ``vocabulary``); ``"list"`` (a
    list of text, ids where the column is ``sources`` or names organizations); ``"nested"``
    (a list of objects that are an entity of their own, such as an organization's former
    names). ``required`` is false where a row may hold ``None``.
    """

    name: str
    kind: Kind
    required: bool
    vocabulary: tuple[str, ...] = ()


def records(entity: str, data: Dataset | None = None) -> list[dict[str, Any]]:
    """The rows of ``to_records(entity)`` (documented there, in ``_export``), from ``data``
    (default: the packaged edition's)."""
    _check_entity(entity)
    found = _RECORDS_OF[entity](data or dataset())
    if entity in _OWNED:
        return [{"organization": org.id, **_row(record)} for org, record in found]
    return [_row(record, exclude=_LEFT_OUT.get(entity, ())) for record in found]


def entity_records(data: Dataset) -> dict[str, tuple[Any, ...]]:
    """The records of each entity; an organization's own as ``(organization, record)`` pairs."""
    return {entity: records_of(data) for entity, records_of in _RECORDS_OF.items()}


def _organization_years(data: Dataset) -> tuple[OrganizationYear, ...]:
    from ._panel import organization_years  # here: only the panel's rows pay for computing it

    return organization_years(data)


#: How each entity's records are read from a dataset: one entity's rows compute only its own.
_RECORDS_OF: dict[str, Callable[[Dataset], tuple[Any, ...]]] = {
    "organizations": lambda data: data.organizations,
    "memberships": lambda data: tuple((o, m) for o in data.organizations for m in o.memberships),
    "former_names": lambda data: tuple((o, f) for o in data.organizations for f in o.former_names),
    "chairs": lambda data: data.chair_terms,
    "briefs": lambda data: data.briefs,
    "events": lambda data: data.events,
    "sources": lambda data: data.sources,
    "reported_counts": lambda data: data.coverage.reported_counts,
    "disagreements": lambda data: data.coverage.disagreements,
    "organization_years": _organization_years,
}


@functools.cache
def columns(entity: str) -> tuple[Column, ...]:
    """The columns of ``records()`` rows of ``entity``, in their order."""
    _check_entity(entity)
    record = _RECORD_TYPES[entity]
    hints = typing.get_type_hints(record)
    owner = (Column("organization", "text", required=True),) if entity in _OWNED else ()
    return owner + tuple(
        _column(field, hints[field.name])
        for field in attrs.fields(record)
        if field.name not in _LEFT_OUT.get(entity, ())
    )


def date_parts(
    iso: str | None,
) -> tuple[str | None, datetime.date | None, datetime.date | None]:
    """A row's date's precision and the first and last day it can mean; ``None`` for none.

    Frames and tables write them beside the date as ``<date>_precision``, ``<date>_first``
    and ``<date>_last``.
    """
    if iso is None:
        return None, None, None
    date = PartialDate.from_iso(iso)
    return date.precision, date.first_day, date.last_day


def csv_cell(value: object) -> str:
    """A row's value as one CSV cell, alike in every CSV file the package writes: nothing for
    a missing value (the Frictionless default), ``true``/``false``, a list as a JSON array, a
    date as ISO text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        import json  # here: only an export pays for it

        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def edition(data: Dataset | None = None) -> dict[str, str]:
    """Which data an export holds: edition, content digest, package version, as-of day,
    licence and the text citation of the dataset.

    Written beside the JSON and CSV exports as ``edition.json``, into a data package's
    ``datapackage.json``, a Parquet file's metadata and a frame's ``attrs["icat_data"]``, so
    that data read long after it was exported still says what it is and how to cite it.
    """
    from ._cite import LICENSE, cite

    data = data or dataset()
    return {
        "data_version": data.manifest.data_version,
        "data_digest": data.manifest.digest,
        "package_version": __version__,
        "as_of": data.coverage.as_of.isoformat(),
        "license": LICENSE,
        "citation": cite(data).rstrip("\n"),  # a value, not a file: no final newline
    }


def _check_entity(entity: str) -> None:
    if entity not in ENTITIES:
        raise ValueError(f"unknown entity {shown(entity)}; expected one of: {', '.join(ENTITIES)}")


def _column(field: attrs.Attribute[Any], hint: Any) -> Column:
    args = typing.get_args(hint)
    required = True
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        (hint,) = (a for a in args if a is not type(None))
        required = False
    vocabulary = field.metadata.get("vocabulary")
    if vocabulary is not None:
        return Column(field.name, "vocabulary", required, tuple(sorted(vocabulary)))
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        # Sources are written as their ids; other records inside a record are an entity.
        return Column(
            field.name, "nested" if attrs.has(item) and item is not Source else "list", required
        )
    kind = _KINDS.get(hint)
    if kind is None:
        raise TypeError(f"no column kind for field {field.name!r} of type {hint!r}")
    return Column(field.name, kind, required)


_KINDS: dict[Any, Kind] = {
    str: "text",
    int: "integer",
    bool: "boolean",
    datetime.date: "day",
    PartialDate: "partial_date",
}


def _row(record: Any, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    row: dict[str, Any] = record.to_dict()
    for name in exclude:
        del row[name]
    return row
