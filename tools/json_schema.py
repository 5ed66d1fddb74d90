"""JSON Schemas (draft 2020-12) of the packaged data files, generated from the record classes.

Generating them from the attrs classes keeps the schemas and the loader in step: a field
added to a record appears in the schema of its file at the next ``tools/regenerate.py``.
"""

from __future__ import annotations

import datetime
import types
import typing
from typing import Any

import attrs

from icat_data._convert import EditionFile, ManifestFile
from icat_data._models import (
    Brief,
    ChairTerm,
    Event,
    Organization,
    PartialDate,
    Source,
)
from icat_data._partial_date import date_pattern

__all__ = ["FILE_RECORDS", "schema_for"]

#: Each data file and the record type it holds: a list of records, or one object.
FILE_RECORDS: dict[str, tuple[type, bool]] = {
    "sources.json": (Source, True),
    "organizations.json": (Organization, True),
    "chairs.json": (ChairTerm, True),
    "briefs.json": (Brief, True),
    "events.json": (Event, True),
    "edition.json": (EditionFile, False),
    "manifest.json": (ManifestFile, False),
}

# A URN, not a URL: the schemas ship inside the package and are not served from anywhere.
_BASE = "urn:icat-data:schema:"

_PARTIAL_DATE = {
    "type": "string",
    "pattern": date_pattern(partial=True),
    "description": "A date at the precision known: YYYY, YYYY-MM or YYYY-MM-DD.",
}
_DATE = {"type": "string", "format": "date", "pattern": date_pattern(partial=False)}
_SOURCE_ID = {"type": "string", "description": "The id of a source in sources.json."}


def schema_for(file_name: str) -> dict[str, Any]:
    """The JSON Schema of one packaged data file."""
    record, is_list = FILE_RECORDS[file_name]
    definitions: dict[str, Any] = {}
    body = _object(record, definitions, top_level=file_name == "sources.json")
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": _BASE + file_name.removesuffix(".json"),
        "title": f"icat-data {file_name}",
    }
    if is_list:
        definitions[record.__name__] = body
        schema |= {"type": "array", "items": {"$ref": f"#/$defs/{record.__name__}"}}
    else:
        schema |= body
    if definitions:
        schema["$defs"] = dict(sorted(definitions.items()))
    return schema


def _object(cls: type, definitions: dict[str, Any], *, top_level: bool = False) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    properties = {}
    for field in attrs.fields(cls):
        vocabulary = field.metadata.get("vocabulary")
        if vocabulary is not None:
            properties[field.name] = {"type": "string", "enum": sorted(vocabulary)}
        else:
            properties[field.name] = _type(hints[field.name], definitions, top_level)
    required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
    described = {"description": cls.__doc__.split("\n\n")[0].strip()} if cls.__doc__ else {}
    return {
        "type": "object",
        **described,
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def _type(hint: Any, definitions: dict[str, Any], top_level: bool) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        options = [_type(a, definitions, top_level) for a in args if a is not type(None)]
        if type(None) in args:
            options.append({"type": "null"})
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is tuple:
        return {"type": "array", "items": _type(args[0], definitions, top_level)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type(args[1], definitions, top_level)}
    if hint is Source and not top_level:
        return _SOURCE_ID
    if hint is PartialDate:
        return _PARTIAL_DATE
    if hint is datetime.date:
        return _DATE
    simple = {str: "string", int: "integer", bool: "boolean"}
    if hint in simple:
        return {"type": simple[hint]}
    if attrs.has(hint):
        definitions.setdefault(hint.__name__, _object(hint, definitions))
        return {"$ref": f"#/$defs/{hint.__name__}"}
    raise TypeError(f"no JSON Schema mapping for {hint!r}")
