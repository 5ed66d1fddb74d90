"""The loader on broken copies of the data: every fault is a DataError naming where."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

import icat_data
from icat_data import DataError
from icat_data._compile import load_json
from icat_data._load import DATA_FILES, MANIFEST_FILE, read_packaged

Edit = Callable[[Any], Any]


def _load_with(name: str, edit: Edit | None = None, raw: bytes | None = None) -> None:
    files = {n: read_packaged(n) for n in (*DATA_FILES, MANIFEST_FILE)}
    if raw is not None:
        files[name] = raw
    elif edit is not None:
        files[name] = json.dumps(edit(json.loads(files[name]))).encode()
    load_json(files.__getitem__)


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
        ("organizations.json", _first(lambda r: r.pop("name")), r"record 0 \(id 'cbss'\).*name"),
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


def _where(key: str, value: object, change: Callable[[dict[str, Any]], object]) -> Edit:
    def edit(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        change(next(row for row in rows if row.get(key) == value))
        return rows

    return edit


def _digits(text: str, zero: int) -> str:
    """``text`` with its digits written in another script (fullwidth, Arabic-Indic...)."""
    return text.translate({ord("0") + i: zero + i for i in range(10)})


def _count(field: str, value: object) -> Edit:
    def edit(edition: dict[str, Any]) -> dict[str, Any]:
        edition["reported_counts"][0][field] = value
        return edition

    return edit


@pytest.mark.parametrize(
    ("name", "edit", "expected"),
    [
        ("chairs.json", _first(_set("chairs", [])), r"chairs is empty"),
        ("chairs.json", _first(_set("chairs", ["unicef", "unicef"])), r"repeats an id"),
        ("chairs.json", _first(_set("year", 0)), r"outside ICAT's recorded life"),
        ("chairs.json", _first(_set("year", 99999)), r"outside ICAT's recorded life"),
        ("chairs.json", _first(_set("year", 1990)), r"outside ICAT's recorded life \(2006-"),
        ("briefs.json", _where("number", 1, _set("number", -1)), r"not a positive brief"),
        ("briefs.json", _where("number", 1, _set("number", 0)), r"not a positive brief"),
        ("briefs.json", _where("kind", "report", _set("number", 99)), r"only issue briefs"),
        ("edition.json", _count("total", -5), r"total -5 is negative"),
        ("edition.json", _count("members", -1), r"members -1 is negative"),
        ("sources.json", _first(_set("accessed", "20190502")), r"expected YYYY-MM-DD"),
        ("sources.json", _first(_set("accessed", "2019-W01-1")), r"expected YYYY-MM-DD"),
        (
            "sources.json",
            _first(_set("accessed", _digits("2019-05-02", 0xFF10))),
            r"expected YYYY-MM-DD",
        ),
        ("sources.json", _first(_set("published", _digits("2019", 0x0660))), r"not an ISO date"),
        ("events.json", _first(_set("date", _digits("2019-05", 0xFF10))), r"not an ISO date"),
        ("organizations.json", _first(_set("aliases", ["x" * 201])), r"over 200 characters"),
        ("briefs.json", _where("number", 1, _set("topics", ["t" * 201])), r"over 200 char"),
        ("edition.json", lambda d: {**d, "data_version": "1999.1.1"}, r"must agree"),
    ],
)
def test_every_promise_of_the_api_is_checked_on_load(name: str, edit: Edit, expected: str) -> None:
    with pytest.raises(DataError, match=expected) as caught:
        _load_with(name, edit)
    assert str(caught.value).startswith(name)


@pytest.mark.parametrize("name", [*DATA_FILES, MANIFEST_FILE])
def test_absurdly_nested_json_is_a_data_error(name: str) -> None:
    with pytest.raises(DataError, match=rf"^{name}: nested too deeply"):
        _load_with(name, raw=b"[" * 100_000 + b"]" * 100_000)


def test_a_repeated_json_key_is_a_data_error() -> None:
    raw = read_packaged("organizations.json").replace(b'"name":', b'"name": "x", "name":', 1)
    with pytest.raises(DataError, match=r"organizations\.json: field 'name' appears twice"):
        _load_with("organizations.json", raw=raw)


def _manifest(change: Callable[[dict[str, Any]], object]) -> Edit:
    def edit(manifest: dict[str, Any]) -> dict[str, Any]:
        change(manifest)
        return manifest

    return edit


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (
            _manifest(lambda m: m["files"].__setitem__("organizations.json", "0" * 64)),
            r"^organizations\.json: its SHA-256 is [0-9a-f]{64} but manifest\.json records '0+'",
        ),
        (
            _manifest(lambda m: m["files"].__setitem__("sources.json", "zzz")),
            r"^sources\.json: its SHA-256 is .* records 'zzz'",
        ),
        (_manifest(lambda m: m["files"].pop("events.json")), r"'files' lacks 'events\.json'"),
        (
            _manifest(lambda m: m["files"].__setitem__("evil.json", "0" * 64)),
            r"'files' names 'evil\.json', which is not packaged",
        ),
        (
            _manifest(lambda m: m["counts"].__setitem__("organizations", 999)),
            r"'counts' says 999 organizations but the data holds 30",
        ),
        (
            _manifest(lambda m: m["counts"].__setitem__("events", -1)),
            r"'counts' says -1 events but the data holds",
        ),
        (_manifest(lambda m: m.__setitem__("digest", "0" * 64)), r"'digest' is '0+' but"),
    ],
)
def test_the_manifest_must_describe_the_data_read(edit: Edit, expected: str) -> None:
    with pytest.raises(DataError, match=expected):
        _load_with(MANIFEST_FILE, edit)


def test_a_data_file_edited_after_the_manifest_was_made_is_refused() -> None:
    # A change that is valid data but not the data the edition names.
    original = read_packaged("organizations.json")
    raw = original.replace(b"Counter-Terrorism", b"Counter Terrorism", 1)
    assert raw != original
    with pytest.raises(DataError, match=r"^organizations\.json: its SHA-256 is .* altered"):
        _load_with("organizations.json", raw=raw)


def test_the_manifest_is_measured_from_what_was_read() -> None:
    import hashlib

    manifest = icat_data.manifest()
    for name in DATA_FILES:
        assert manifest.files[name] == hashlib.sha256(read_packaged(name)).hexdigest()
    listing = "".join(f"{manifest.files[n]}  {n}\n" for n in sorted(DATA_FILES))
    assert manifest.digest == hashlib.sha256(listing.encode()).hexdigest()
