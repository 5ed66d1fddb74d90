"""The loader on broken copies of the data: every fault is a DataError naming where."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

import icat_data
from icat_data import DataError
from icat_data._load import DATA_FILES, MANIFEST_FILE, load, read_packaged

Edit = Callable[[Any], Any]


def _load_with(name: str, edit: Edit | None = None, raw: bytes | None = None) -> None:
    files = {n: read_packaged(n) for n in (*DATA_FILES, MANIFEST_FILE)}
    if raw is not None:
        files[name] = raw
    elif edit is not None:
        files[name] = json.dumps(edit(json.loads(files[name]))).encode()
    load(files.__getitem__)


def _first(change: Callable[[dict[str, Any]], object]) -> Edit:
    def edit(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        change(rows[0])
        return rows

    return edit


def _set(key: str, value: object) -> Callable[[dict[str, Any]], object]:
    return lambda row: row.__setitem__(key, value)


@pytest.mark.parametrize(
    ("name", "edit", "expected"),
    [
        ("organizations.json", _first(lambda r: r.pop("name")), r"record 0 \(id 'cted'\).*name"),
        ("organizations.json", _first(_set("founded", 1999)), r"unknown field.*founded"),
        ("organizations.json", _first(_set("name", 5)), r"expected str.*\$\[0\]\.name"),
        ("organizations.json", _first(_set("aliases", "CTED2")), r"JSON array.*aliases"),
        ("organizations.json", _first(_set("kind", "club")), r"kind 'club' is not one of: inter"),
        ("chairs.json", _first(_set("year", "2012")), r"expected int.*year"),
        ("chairs.json", _first(_set("chairs", ["nobody"])), r"'nobody'.*no organization id"),
        ("events.json", _first(_set("date", "2019-02-30")), r"day 30.*\$\[0\]\.date"),
        ("events.json", _first(_set("date", "2 May 2019")), r"not an ISO date"),
        ("briefs.json", _first(_set("sources", ["nowhere"])), r"unknown source id 'nowhere'"),
        ("briefs.json", _first(_set("sources", [])), r"'sources' is empty"),
        ("sources.json", _first(_set("accessed", "never")), r"YYYY-MM-DD @ \$\[0\]\.accessed"),
        ("edition.json", lambda d: {**d, "as_of": 2026}, r"edition\.json.*as_of"),
        (MANIFEST_FILE, lambda d: {**d, "data_version": "1999"}, r"regenerate the manifest"),
        (
            "edition.json",
            lambda d: {**d, "disagreements": [{**d["disagreements"][0], "records": ["briefs:x"]}]},
            r"names 'briefs:x', which is no record",
        ),
    ],
)
def test_broken_records_raise_data_error_naming_file_record_and_field(
    name: str, edit: Edit, expected: str
) -> None:
    with pytest.raises(DataError, match=expected) as caught:
        _load_with(name, edit)
    assert str(caught.value).startswith(name)
    assert caught.value.__cause__ is None  # no cattrs traceback chained on


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(DataError, match=r"events\.json: field 'id' repeats"):
        _load_with("events.json", lambda rows: [*rows, rows[0]])


def test_a_name_shared_by_two_organizations_is_rejected() -> None:
    with pytest.raises(DataError, match=r"folds to 'unodc'"):
        _load_with("organizations.json", _first(_set("aliases", ["U.N.O.D.C."])))


def test_invalid_json_and_wrong_shapes_are_rejected() -> None:
    with pytest.raises(DataError, match=r"briefs\.json: not valid JSON"):
        _load_with("briefs.json", raw=b"[{")
    with pytest.raises(DataError, match=r"events\.json: expected a JSON array"):
        _load_with("events.json", raw=b"{}")


def test_a_failed_load_leaves_the_packaged_data_untouched() -> None:
    before = icat_data.organizations()
    with pytest.raises(DataError):
        _load_with("organizations.json", _first(_set("kind", "club")))
    assert icat_data.organizations() is before
