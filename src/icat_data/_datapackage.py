"""The rows as a Frictionless data package: typed, linked CSV tables for tools outside Python.

One CSV per entity and a ``datapackage.json`` (Frictionless Data Package v1, the version R's
``frictionless``, Python's ``frictionless`` and open-data portals all read) with a Table
Schema for each: field types, primary keys and foreign keys. A list of references (a chair
term's organizations, a record's sources) becomes a link table with one row per reference,
since a foreign key cannot point from inside a list.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._cite import LICENSE
from ._load import dataset
from ._rows import (
    ENTITIES,
    PRECISIONS,
    Column,
    columns,
    csv_cell,
    date_parts,
    edition,
    records,
)

if TYPE_CHECKING:
    from pathlib import Path

    from ._dataset import Dataset

# csv, hashlib, io, json and pathlib are imported where they are used: this module is imported
# with the package, and importing them would cost every program that never exports.

__all__ = ["DESCRIPTOR", "write"]

#: The descriptor's file name, as the standard fixes it.
DESCRIPTOR = "datapackage.json"

#: What identifies a row of each entity.
_KEYS = {
    "organizations": ("id",),
    "memberships": ("organization", "role", "start"),
    "former_names": ("organization", "name"),
    "chairs": ("year",),
    "briefs": ("id",),
    "events": ("id",),
    "sources": ("id",),
    "reported_counts": ("date",),
    "disagreements": ("topic",),
    "organization_years": ("organization", "role", "year"),
}
#: Columns that hold ids of another entity's rows (one id, or a list of them), by name.
_REFERENCES = {
    "organization": "organizations",
    "successor": "organizations",
    "chairs": "organizations",
    "organizations": "organizations",
    "sources": "sources",
}
#: A row of each entity, as a link table's name and columns call it.
_SINGULAR = {
    "organizations": "organization",
    "memberships": "membership",
    "chairs": "chair",
    "briefs": "brief",
    "events": "event",
    "sources": "source",
    "reported_counts": "reported_count",
    "disagreements": "disagreement",
}
_DESCRIPTIONS = {
    "organizations": "Organizations that have been part of ICAT (their roles: memberships).",
    "memberships": "One role an organization held in ICAT over one interval; the interval is "
    "closed at start and open at end (empty: no end recorded).",
    "former_names": "Names an organization used until the first day they no longer applied.",
    "chairs": "The years whose chair or co-chairs a source records (who: chair_organizations).",
    "briefs": "ICAT's issue briefs and its other publications.",
    "events": "Dated events in ICAT's history.",
    "sources": "The public documents the facts were read from.",
    "reported_counts": "How many organizations a source said ICAT had at a date.",
    "disagreements": "Where sources disagree about a fact, and what the data records.",
    "organization_years": "One row per organization, role and year in which it held the role, "
    "to the year of the data's as-of day; at_start and at_end: held on 1 January and on "
    "31 December; acronym and name as borne on 31 December.",
}
# Table Schema patterns match the whole value (they are XML Schema regular expressions).
_PARTIAL_DATE_PATTERN = "[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"
_CC_BY = {
    "name": LICENSE,
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0 International",
}


@attrs.frozen
class _Table:
    """One resource: its Table Schema and its CSV cells, header first."""

    name: str
    description: str
    schema: dict[str, Any]
    cells: tuple[tuple[str, ...], ...]


def write(directory: Path, data: Dataset | None = None) -> list[tuple[str, int | None, Path]]:
    """Write the package of ``data`` (default: the packaged edition's); return
    ``(resource, rows, path)`` for each file, descriptor last."""
    import hashlib
    import json

    data = data or dataset()
    directory.mkdir(parents=True, exist_ok=True)
    resources = []
    written: list[tuple[str, int | None, Path]] = []
    for table in _tables(data):
        path = directory / f"{table.name}.csv"
        content = _csv(table.cells)
        path.write_bytes(content)
        resources.append(
            {
                "name": table.name,
                "path": path.name,
                "profile": "tabular-data-resource",
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": len(content),
                "hash": f"sha256:{hashlib.sha256(content).hexdigest()}",
                "schema": table.schema,
            }
        )
        written.append((table.name, len(table.cells) - 1, path))
    path = directory / DESCRIPTOR
    text = json.dumps(_descriptor(resources, data), indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    written.append(("datapackage", None, path))
    return written


def _descriptor(resources: list[dict[str, Any]], data: Dataset) -> dict[str, Any]:
    return {
        "profile": "tabular-data-package",
        "name": "icat-data",
        "title": "ICAT: organizations, chairs, publications and events",
        "description": "Typed, cited data on ICAT, the Inter-Agency Coordination Group against "
        "Trafficking in Persons. Every record's sources are in the <entity>_sources tables; "
        "dates are ISO text at their precision, with the first and last day they can mean.",
        "version": data.manifest.data_version,
        "licenses": [_CC_BY],
        "sources": [{"title": s.title, "path": s.url} for s in data.sources],
        "keywords": ["ICAT", "human trafficking", "United Nations", "UNODC"],
        # Not part of the standard, which allows further properties: what edition.json says
        # beside the other exports, so every export names its data the same way.
        "edition": edition(data),
        "resources": resources,
    }


def _tables(data: Dataset) -> Iterator[_Table]:
    links = []
    for entity in ENTITIES:
        rows = records(entity, data)
        kept = []
        for column in columns(entity):
            if column.kind == "list" and column.name in _REFERENCES:
                links.append(_link_table(entity, column, rows))
            elif column.kind != "nested":  # an entity of its own (former names)
                kept.append(column)
        fields = [field for column in kept for field in _fields(column)]
        references = [c.name for c in kept if c.name in _REFERENCES]
        schema = {
            "fields": fields,
            "primaryKey": list(_KEYS[entity]),
            "foreignKeys": [_foreign_key([n], _REFERENCES[n], entity) for n in references],
        }
        cells = tuple(tuple(c for column in kept for c in _cells(column, row)) for row in rows)
        header = tuple(field["name"] for field in fields)
        yield _Table(entity, _DESCRIPTIONS[entity], schema, (header, *cells))
    yield from links


def _link_table(entity: str, column: Column, rows: list[dict[str, Any]]) -> _Table:
    target = _REFERENCES[column.name]
    key = _KEYS[entity]
    # A key column "id" is named after its entity ("brief"), others keep their names.
    names = [_SINGULAR[entity] if k == "id" else k for k in key]
    by_name = {c.name: c for c in columns(entity)}
    fields = [
        {**_fields(attrs.evolve(by_name[k], required=True))[0], "name": name}
        for k, name in zip(key, names, strict=True)
    ]
    fields.append(_field(_SINGULAR[target], "string", {"required": True}))
    header = tuple(f["name"] for f in fields)
    cells = tuple(
        (*(csv_cell(row[k]) for k in key), reference)
        for row in rows
        for reference in row[column.name]
    )
    schema = {
        "fields": fields,
        "primaryKey": list(header),
        "foreignKeys": [
            {"fields": names, "reference": {"resource": entity, "fields": list(key)}},
            _foreign_key([_SINGULAR[target]], target, None),
        ],
    }
    name = f"{_SINGULAR[entity]}_{target}"
    description = (
        f"The {column.name} list of each row of {entity}, one {_SINGULAR[target]} id per row."
    )
    return _Table(name, description, schema, (header, *cells))


def _foreign_key(names: list[str], target: str, entity: str | None) -> dict[str, Any]:
    # The standard names a table's own rows with the empty resource name.
    resource = "" if target == entity else target
    return {"fields": names, "reference": {"resource": resource, "fields": list(_KEYS[target])}}


def _fields(column: Column) -> list[dict[str, Any]]:
    """The Table Schema fields that hold ``column``: four for a partial date."""
    name = column.name
    required = {"required": True} if column.required else {}
    if column.kind == "partial_date":
        iso = "ISO date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD"
        return [
            _field(name, "string", {**required, "pattern": _PARTIAL_DATE_PATTERN}, iso),
            _field(
                f"{name}_precision",
                "string",
                {**required, "enum": list(PRECISIONS)},
                f"how much of {name} is known",
            ),
            _field(f"{name}_first", "date", required, f"the first day {name} can mean"),
            _field(f"{name}_last", "date", required, f"the last day {name} can mean"),
        ]
    if column.kind == "vocabulary":
        return [_field(name, "string", {**required, "enum": list(column.vocabulary)})]
    if column.kind == "list":
        return [_field(name, "array", required, "a JSON array of text")]
    if column.kind == "boolean":
        return [_field(name, "boolean", required, trueValues=["true"], falseValues=["false"])]
    types = {"text": "string", "integer": "integer", "day": "date"}
    return [_field(name, types[column.kind], required)]


def _field(
    name: str,
    type_: str,
    constraints: dict[str, Any],
    description: str | None = None,
    **properties: Any,
) -> dict[str, Any]:
    field = {"name": name, "type": type_, **properties}
    if description is not None:
        field["description"] = description
    if constraints:
        field["constraints"] = constraints
    return field


def _cells(column: Column, row: dict[str, Any]) -> tuple[str, ...]:
    value = row[column.name]
    if column.kind != "partial_date":
        return (csv_cell(value),)
    return tuple(csv_cell(part) for part in (value, *date_parts(value)))


def _csv(cells: tuple[tuple[str, ...], ...]) -> bytes:
    import csv
    import io

    text = io.StringIO()
    csv.writer(text).writerows(cells)  # the standard's default dialect: comma, CRLF, '"'
    return text.getvalue().encode("utf-8")
