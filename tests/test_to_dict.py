"""Every record's to_dict(): JSON-ready, the shape of a to_records() row."""

from __future__ import annotations

import json
from typing import Any

import attrs

import icat_data
from icat_data import _rows
from icat_data._load import dataset
from icat_data._panel import organization_years

# Every record of every entity, with the coverage, manifest, panel rows, releases and checks.
RECORDS: list[Any] = [
    item[1] if isinstance(item, tuple) else item
    for found in _rows.entity_records(dataset()).values()
    for item in found
]
EVERY = [
    *RECORDS,
    *organization_years(dataset()),
    icat_data.coverage(),
    icat_data.manifest(),
    *icat_data.editions(),
    *icat_data.verify(),
    *icat_data.changes("2026.11.22.1", "2026.12.01"),
]


def test_every_kind_of_record_is_tested() -> None:
    tested = {type(r) for r in EVERY}
    public = {
        value
        for value in (getattr(icat_data, name) for name in icat_data.__all__)
        if isinstance(value, type) and attrs.has(value) and value is not icat_data.PartialDate
    }
    assert tested == public


def test_every_record_round_trips_through_json() -> None:
    for record in EVERY:
        shown = record.to_dict()
        assert json.loads(json.dumps(shown)) == shown, record
        assert list(shown) == [f.name for f in attrs.fields(type(record))]


def test_to_dict_writes_dates_as_iso_text_and_sources_as_ids() -> None:
    iom = icat_data.get_organization("IOM").to_dict()
    membership = iom["memberships"][0]
    assert membership["start"] == "2006-09"
    assert all(isinstance(s, str) for s in membership["sources"])
    assert isinstance(iom["aliases"], list)
    dpo = icat_data.get_organization("DPO").to_dict()
    assert dpo["former_names"] == [
        {"name": "Department of Peacekeeping Operations", "acronym": "DPKO", "until": "2019-01-01"}
    ]
    source = icat_data.sources()[0]
    assert source.to_dict()["accessed"] == source.accessed.isoformat()
    coverage = icat_data.coverage().to_dict()
    assert coverage["as_of"] == icat_data.coverage().as_of.isoformat()
    assert coverage["reported_counts"][0]["sources"] == [
        icat_data.coverage().reported_counts[0].sources[0].id
    ]
    assert icat_data.manifest().to_dict()["files"] == dict(icat_data.manifest().files)


def test_to_dict_is_a_fresh_dict_each_time() -> None:
    iom = icat_data.get_organization("IOM")
    shown = iom.to_dict()
    shown["aliases"].append("changed")
    assert iom.to_dict()["aliases"] == list(iom.aliases)
