"""The JSON Schemas shipped beside the data files: valid, satisfied, and true to the records."""

from __future__ import annotations

import json
from typing import Any

import attrs
import jsonschema
import pytest

from icat_data import Brief, ChairTerm, Event, Organization, Source
from icat_data._load import DATA_FILES, MANIFEST_FILE, read_packaged

FILES = (*DATA_FILES, MANIFEST_FILE)
RECORDS: dict[str, type] = {
    "sources.json": Source,
    "organizations.json": Organization,
    "chairs.json": ChairTerm,
    "briefs.json": Brief,
    "events.json": Event,
}


def _schema(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(read_packaged(name.replace(".json", ".schema.json")))
    return schema


def _validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        _schema(name), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@pytest.mark.parametrize("name", FILES)
def test_each_file_validates_against_its_shipped_schema(name: str) -> None:
    jsonschema.Draft202012Validator.check_schema(_schema(name))
    errors = [e.message for e in _validator(name).iter_errors(json.loads(read_packaged(name)))]
    assert errors == []


@pytest.mark.parametrize(("name", "record"), RECORDS.items())
def test_schema_fields_are_the_record_fields(name: str, record: type) -> None:
    definition = _schema(name)["$defs"][record.__name__]
    fields = [f.name for f in attrs.fields(record)]
    assert list(definition["properties"]) == fields
    assert set(definition["required"]) == {
        f.name for f in attrs.fields(record) if f.default is attrs.NOTHING
    }
    assert definition["additionalProperties"] is False


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("chairs.json", {"founded": 2006}),
        ("events.json", {"date": "2 May 2018"}),
        ("events.json", {"kind": "party"}),
        ("sources.json", {"accessed": "2026-13-45"}),
        ("briefs.json", {"number": "12"}),
    ],
)
def test_schemas_reject_broken_records(name: str, change: dict[str, object]) -> None:
    rows = json.loads(read_packaged(name))
    rows[0] = {**rows[0], **change}
    assert list(_validator(name).iter_errors(rows))
