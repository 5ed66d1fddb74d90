"""The JSON Schemas shipped beside the data files: valid, satisfied, and true to the records."""

from __future__ import annotations

import json
from typing import Any

import attrs
import jsonschema
import pytest

from icat_data import Brief, ChairTerm, Event, Organization, Source, _convert
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


def _date_corpus() -> list[str]:
    """Good and bad dates: every month 00 to 13 and day 00 to 32 of years at the edges of the
    calendar's rules (leap years, centuries, the first and last year), and other shapes."""
    years = ["0000", "0001", "0004", "0100", "0400", "1900", "2000", "2019", "2020", "9999"]
    texts = [*years, "10000", "201", "2019-1", "2019-001", "2019-05-2", "2019/05", "2019-05-"]
    texts += [
        "2019\n",
        " 2019",
        "2019-05-02\n",
        "2019-05-02T10:00",
        "\uff12\uff10\uff11\uff19",
        "2 May 2019",
        "",
    ]
    for year in years:
        for month in range(14):
            texts.append(f"{year}-{month:02}")
            texts.extend(f"{year}-{month:02}-{day:02}" for day in range(33))
    return texts


def _loader_reads(read: Any, text: str) -> bool:
    try:
        read(text, None)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize(
    ("name", "field", "read"),
    [
        ("events.json", "date", _convert._structure_partial_date),
        ("sources.json", "accessed", _convert._structure_date),
    ],
)
def test_a_schema_accepts_the_dates_the_loader_reads_and_no_other(
    name: str, field: str, read: Any
) -> None:
    rows = json.loads(read_packaged(name))
    # The pattern alone, as a validator that asserts no format sees it.
    validator = jsonschema.Draft202012Validator(_schema(name))
    corpus = _date_corpus()
    differ = [
        text
        for text in corpus
        if validator.is_valid([{**rows[0], field: text}]) != _loader_reads(read, text)
    ]
    assert differ == []
    assert sum(_loader_reads(read, text) for text in corpus) > 1000  # the corpus has both
