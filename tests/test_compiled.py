"""The compiled records (records.pickle) are the reviewed JSON, exactly, and are checked so."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import subprocess
import sys
import textwrap
from collections.abc import Callable

import pytest

import icat_data
from icat_data import DataError
from icat_data._compile import compile_records, load_json
from icat_data._load import (
    COMPILED_FILE,
    DATA_FILES,
    MANIFEST_FILE,
    dataset,
    load_compiled,
    read_packaged,
)


def _records(data: object) -> tuple[object, ...]:
    return tuple(
        getattr(data, field)
        for field in ("sources", "organizations", "chair_terms", "briefs", "events")
    )


def test_the_compiled_records_equal_what_cattrs_makes_of_the_json() -> None:
    compiled = dataset()
    structured = load_json(read_packaged)
    assert _records(compiled) == _records(structured)
    assert compiled.coverage == structured.coverage
    assert compiled.manifest == structured.manifest
    assert compiled.by_name == structured.by_name
    assert compiled.member_names_at(None, (compiled.coverage.as_of,) * 2) == (
        structured.member_names_at(None, (structured.coverage.as_of,) * 2)
    )


@pytest.mark.parametrize("seed", ["0", "1", "4242"])
def test_compiling_gives_the_packaged_bytes_whatever_the_hash_seed(seed: str) -> None:
    # Sets iterate in a hash-seed order: nothing of their order may reach the pickle.
    script = textwrap.dedent(
        """
        import sys
        from icat_data._compile import compile_records, load_json
        from icat_data._load import MANIFEST_FILE, read_packaged
        data = load_json(read_packaged)
        sys.stdout.buffer.write(compile_records(data, read_packaged(MANIFEST_FILE)))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        timeout=60,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": seed},
    )
    assert done.stdout == read_packaged(COMPILED_FILE)


def test_a_first_query_imports_neither_cattrs_nor_json_nor_importlib_resources() -> None:
    script = textwrap.dedent(
        """
        import sys
        import icat_data
        icat_data.chairs_for(2019), icat_data.is_member("UNODC"), icat_data.members(on=2019)
        heavy = ("cattrs", "json", "hashlib", "importlib.resources", "calendar", "pickle")
        print(sorted(name for name in heavy if name in sys.modules))
        """
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


Change = Callable[[dict[str, bytes]], None]


def _load_changed(change: Change, *, vouched: bool = False) -> None:
    """Load after ``change``; ``vouched``: as a package whose code records the changed
    records.pickle's SHA-256 (so the checks after unpickling are reached)."""
    files = {n: read_packaged(n) for n in (*DATA_FILES, MANIFEST_FILE, COMPILED_FILE)}
    change(files)
    expected = hashlib.sha256(files[COMPILED_FILE]).hexdigest() if vouched else None
    load_compiled(files.__getitem__, expected)


def _edit_json(name: str) -> Change:
    def change(files: dict[str, bytes]) -> None:
        files[name] = files[name].replace(b"Counter-Terrorism", b"Counter Terrorism", 1)
        files[name] = files[name].replace(b'"2026', b'"2025', 1)

    return change


def _set_manifest_count(files: dict[str, bytes]) -> None:
    manifest = json.loads(files[MANIFEST_FILE])
    manifest["counts"]["organizations"] = 999
    files[MANIFEST_FILE] = json.dumps(manifest, indent=2).encode()


def _recompile_as(form: object, data: object = None) -> Change:
    def change(files: dict[str, bytes]) -> None:
        _, hashes, loaded = pickle.loads(files[COMPILED_FILE])
        files[COMPILED_FILE] = pickle.dumps((form, hashes, loaded if data is None else data))

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_edit_json("organizations.json"), r"^organizations\.json: its SHA-256 is .* altered"),
        (_edit_json("edition.json"), r"^edition\.json: its SHA-256 is"),
        (_set_manifest_count, r"^manifest\.json: its SHA-256 is"),
        (lambda f: f.__setitem__("events.json", b""), r"^events\.json: its SHA-256 is"),
    ],
)
def test_any_difference_from_what_was_compiled_is_a_data_error(
    change: Change, expected: str
) -> None:
    with pytest.raises(DataError, match=expected):
        _load_changed(change)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda f: f.__setitem__(COMPILED_FILE, b"\x80\x04junk"), r"^records\.pickle: cannot"),
        (lambda f: f.__setitem__(COMPILED_FILE, b""), r"^records\.pickle: cannot be read"),
        (_recompile_as(99), r"^records\.pickle: not compiled by this .* \(form 99\)"),
        (_recompile_as(2, data="records"), r"^records\.pickle: not compiled by this version"),
    ],
)
def test_a_file_the_code_vouches_for_is_still_checked_after_unpickling(
    change: Change, expected: str
) -> None:
    with pytest.raises(DataError, match=expected):
        _load_changed(change, vouched=True)


def test_a_missing_file_is_a_data_error_naming_it() -> None:
    def read(name: str) -> bytes:
        if name == "briefs.json":
            raise FileNotFoundError(2, "No such file or directory", name)
        return read_packaged(name)

    with pytest.raises(DataError, match=r"^briefs\.json: cannot be read"):
        load_compiled(read)


def test_compiled_records_of_another_edition_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("icat_data._load.DATA_VERSION", "1999.01.01")
    with pytest.raises(DataError, match=r"holds data edition '.*', but the package names"):
        load_compiled(read_packaged)


def test_the_data_reads_through_importlib_resources_without_a_package_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Some frozen-application importers give a package no __file__ to find the data beside.
    monkeypatch.setattr(sys.modules["icat_data"], "__file__", None)
    assert read_packaged(COMPILED_FILE) == compile_records(
        load_json(read_packaged), read_packaged(MANIFEST_FILE)
    )
    assert load_compiled(read_packaged).manifest == icat_data.manifest()
