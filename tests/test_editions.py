"""Every released edition, inside the package, with the same API (issue 17, sections 2 and 5)."""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import subprocess
import sys
import textwrap
import threading
from pathlib import Path
from typing import Any

import pytest
from _tools import load_tool
from hypothesis import given, settings
from hypothesis import strategies as st

import icat_data
from icat_data import (
    DataError,
    Edition,
    IcatDataError,
    Release,
    UnknownEditionError,
    _editions,
    _load,
)
from icat_data._load import read_packaged

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
LEDGER: list[dict[str, Any]] = json.loads(read_packaged("releases.json"))
ARCHIVED = sorted({e["data_version"] for e in LEDGER} - {icat_data.DATA_VERSION})

sys.path.insert(0, str(FIXTURES))
from record_rerun import answers  # noqa: E402


def test_an_edition_answers_as_its_release_did() -> None:
    # Recorded by 0.2.0 itself, installed from its release commit (see the fixture's note).
    recorded = json.loads((FIXTURES / "rerun-0.2.0.json").read_text(encoding="utf-8"))
    assert recorded["version"] == "0.2.0"
    edition = icat_data.edition(recorded["data_version"])
    assert answers(edition) == recorded["answers"]
    assert icat_data.edition("0.2.0")._dataset() is edition._dataset()


def test_the_packaged_edition_answers_as_the_module_does() -> None:
    current = icat_data.edition()
    assert current._dataset() is _load.dataset()
    assert answers(current) == answers(icat_data)
    assert current.to_records("memberships") == icat_data.to_records("memberships")


def test_editions_is_the_ledger_as_typed_records() -> None:
    ledger = icat_data.editions()
    assert all(isinstance(r, Release) for r in ledger)
    assert [r.version for r in ledger] == [e["version"] for e in LEDGER]
    for release, entry in zip(ledger, LEDGER, strict=True):
        assert release.data_version == entry["data_version"]
        assert release.date.isoformat() == entry["date"]
        assert release.digest == entry["digest"]
        assert release.note == entry.get("note")
        assert release.commit == entry.get("commit")
    with pytest.raises(AttributeError):
        ledger[0].version = "9.9.9"  # type: ignore[misc]


@pytest.mark.parametrize("release", LEDGER, ids=lambda e: e["version"])
def test_each_release_and_its_edition_name_the_same_data(release: dict[str, Any]) -> None:
    by_version = icat_data.edition(release["version"])
    by_edition = icat_data.edition(release["data_version"])
    assert by_version.data_version == by_edition.data_version == release["data_version"]
    assert by_version.release is not None
    assert by_version.release.version == release["version"]
    assert by_version.manifest().digest == release["digest"]
    assert by_version.manifest().data_version == release["data_version"]
    assert by_version._dataset() is by_edition._dataset()  # loaded once
    assert repr(by_edition).startswith(f"<icat_data.Edition {release['data_version']}, package")


@settings(max_examples=200, deadline=None)
@given(
    year=st.integers(min_value=2000, max_value=2030),
    name=st.sampled_from([n for o in icat_data.organizations() for n in o.names()]),
)
def test_the_packaged_edition_and_the_module_answer_alike(year: int, name: str) -> None:
    current = icat_data.edition()
    assert current.members(on=year) == icat_data.members(on=year)
    assert current.partners(on=str(year)) == icat_data.partners(on=str(year))
    assert current.is_member(name, on=year) is icat_data.is_member(name, on=year)
    assert current.get_organization(name.upper()) is icat_data.get_organization(name.upper())
    assert current.events(year, year) == icat_data.events(year, year)


def test_an_edition_is_named_by_its_last_release() -> None:
    assert icat_data.edition("2026.11.22.1").release == icat_data.edition("0.2.0").release
    current = icat_data.edition()
    assert current.name == current.data_version == icat_data.DATA_VERSION


@pytest.mark.parametrize("data_version", ARCHIVED)
def test_every_archived_edition_loads_through_its_migration(data_version: str) -> None:
    files = _editions._archive_files(data_version)
    assert _editions.migrate(data_version, files) == files  # no schema change yet
    edition = icat_data.edition(data_version)
    assert dict(edition.manifest().counts) == {
        "organizations": len(edition.organizations()),
        "memberships": sum(len(o.memberships) for o in edition.organizations()),
        "chairs": len(edition.chair_terms()),
        "briefs": len(edition.briefs()),
        "events": len(edition.events()),
        "sources": len(edition.sources()),
    }
    assert edition.coverage().as_of < icat_data.coverage().as_of


def test_a_migration_step_applies_to_the_editions_before_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def rename(files: dict[str, bytes]) -> dict[str, bytes]:
        return {**files, "sources.json": files["sources.json"].replace(b"UNODC", b"UNODC*")}

    monkeypatch.setattr(_editions, "MIGRATIONS", (("2026.11.22.1", rename),))
    old = {"sources.json": b"UNODC"}
    assert _editions.migrate("2026.11.22", old) == {"sources.json": b"UNODC*"}
    assert _editions.migrate("2026.11.22.1", old) == old
    assert _editions.migrate("2026.12.01.dev0", old) == old


def test_every_ledger_entry_has_its_archive_and_each_archive_its_digest() -> None:
    assert ARCHIVED, "the ledger names editions other than the packaged one"
    for data_version in ARCHIVED:
        files = _editions._archive_files(data_version)
        digests = {e["digest"] for e in LEDGER if e["data_version"] == data_version}
        assert digests == {_editions.files_digest(files)}
    assert load_tool("editions").main(["--check"]) == 0


def _with_archive(monkeypatch: pytest.MonkeyPatch, data_version: str, raw: bytes | None) -> None:
    name = _editions.archive_name(data_version)

    def read(wanted: str) -> bytes:
        if wanted == name:
            if raw is None:
                raise FileNotFoundError(2, "No such file", wanted)
            return raw
        return read_packaged(wanted)

    monkeypatch.setattr(_editions, "read_packaged", read)
    monkeypatch.setattr(_editions, "_loaded", {})


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def test_an_altered_archive_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    files = _editions._archive_files("2026.11.22")
    files["chairs.json"] = files["chairs.json"].replace(b"2019", b"2018", 1)
    altered = _editions.pack(files)
    _with_archive(monkeypatch, "2026.11.22", altered)
    # Its bytes are checked against SHA256SUMS (pinned by the code) before they are read.
    differs = r"^editions/2026\.11\.22\.json\.gz: SHA-256 differs from SHA256SUMS"
    with pytest.raises(DataError, match=differs):
        icat_data.edition("0.1.0").members()
    with pytest.raises(DataError, match=differs):
        icat_data.verify()
    # Listed with its new hash too, its files' digest is still not the ledger's.
    listed = {**_editions._sums(), _editions.archive_name("2026.11.22"): _sha256(altered)}
    monkeypatch.setattr(_editions, "_sums", lambda: listed)
    with pytest.raises(DataError, match=r"^editions/2026\.11\.22\.json\.gz: its files' digest"):
        icat_data.edition("0.1.0").members()


def test_an_altered_ledger_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    ledger = read_packaged("releases.json").replace(b'"0.2.0"', b'"0.2.9"')

    def read(wanted: str) -> bytes:
        return ledger if wanted == "releases.json" else read_packaged(wanted)

    monkeypatch.setattr(_editions, "read_packaged", read)
    _editions.editions.cache_clear()
    try:
        with pytest.raises(DataError, match=r"^releases\.json: SHA-256 differs from SHA256SUMS"):
            icat_data.editions()
    finally:
        monkeypatch.undo()
        _editions.editions.cache_clear()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, r"missing, so edition 2026\.11\.22 cannot"), (b"junk", r"SHA-256 differs")],
)
def test_a_missing_or_unreadable_archive_is_a_data_error(
    monkeypatch: pytest.MonkeyPatch, raw: bytes | None, expected: str
) -> None:
    _with_archive(monkeypatch, "2026.11.22", raw)
    with pytest.raises(DataError, match=rf"^editions/2026\.11\.22\.json\.gz: {expected}"):
        icat_data.edition("2026.11.22").organizations()


def test_an_archive_holds_its_files_exactly_and_no_timestamp() -> None:
    files = _editions._archive_files("2026.11.22.1")
    raw = _editions.pack(files)
    assert raw == _editions.pack(dict(reversed(files.items())))
    assert raw[4:8] == b"\0\0\0\0"  # no modification time
    assert raw[9] == 0xFF  # the same header on every Python version
    assert _editions.unpack(raw, "x") == files


@pytest.mark.parametrize(
    ("name", "closest"), [("0.2", "0.2.0"), ("2026.11.23", "2026.11.22"), ("latest", None)]
)
def test_an_unknown_edition_names_the_known_ones_and_the_closest(
    name: str, closest: str | None
) -> None:
    with pytest.raises(UnknownEditionError) as caught:
        icat_data.edition(name)
    error = caught.value
    assert isinstance(error, IcatDataError)
    assert isinstance(error, LookupError)
    assert "2026.11.22.1" in error.known
    assert "0.2.0" in error.known
    if closest is not None:
        assert error.closest == closest
        assert f"did you mean {closest!r}?" in str(error)
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_an_edition_name_must_be_text() -> None:
    with pytest.raises(TypeError, match="name must be a str or None, not int"):
        icat_data.edition(2026)  # type: ignore[arg-type]


def test_an_edition_loads_once_whatever_the_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_editions, "_loaded", {})
    barrier = threading.Barrier(8)
    seen: list[object] = []

    def ask() -> None:
        barrier.wait()
        seen.append(icat_data.edition("0.1.0")._dataset())

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(seen) == 8
    assert all(found is seen[0] for found in seen)


def test_an_older_edition_exports_its_own_data(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    old = icat_data.edition("0.1.0")
    assert len(old.to_records("events")) == old.manifest().counts["events"]
    frame = old.to_dataframe("organizations")
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame["id"]) == [o.id for o in old.organizations()]
    descriptor = json.loads(old.write_datapackage(tmp_path).read_text(encoding="utf-8"))
    assert descriptor["version"] == "2026.11.22"
    assert descriptor["edition"]["data_digest"] == old.manifest().digest


def test_no_edition_is_read_by_the_import_or_a_first_query() -> None:
    script = textwrap.dedent(
        """
        import sys
        import icat_data
        from icat_data import _editions
        icat_data.chairs_for(2019), icat_data.members(on=2019), icat_data.manifest()
        print(_editions._loaded, sorted(m for m in ("json", "cattrs", "gzip") if m in sys.modules))
        """
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "{} []"


def test_verify_checks_every_packaged_file_and_edition() -> None:
    checks = icat_data.verify()
    subjects = [c.subject for c in checks]
    listed = read_packaged(_editions.SUMS_FILE).decode().splitlines()
    assert subjects[:2] == ["SHA256SUMS", "records.pickle"]
    assert subjects[2 : 2 + len(listed)] == [line.split("  ")[1] for line in listed]
    assert f"edition {icat_data.DATA_VERSION}" in subjects or ".dev" in icat_data.DATA_VERSION
    for data_version in ARCHIVED:
        assert f"edition {data_version}" in subjects


@pytest.mark.parametrize("name", ["SHA256SUMS", "records.pickle", "chairs.schema.json"])
def test_verify_names_the_first_file_that_differs(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    def read(wanted: str) -> bytes:
        raw = read_packaged(wanted)
        return raw + b" " if wanted == name else raw

    monkeypatch.setattr(_editions, "read_packaged", read)
    with pytest.raises(DataError, match=rf"^{re.escape(name)}: SHA-256 differs from"):
        icat_data.verify()


def _git(*args: str) -> str:
    try:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("no git history here (an installed copy, or a shallow clone)")


@pytest.mark.parametrize("release", LEDGER, ids=lambda e: e["version"])
def test_each_recorded_commit_holds_its_release(release: dict[str, Any]) -> None:
    commit = release.get("commit")
    if commit is None:
        # A commit cannot hold its own hash: the release commit's entry gets it in the next
        # commit, so only the newest entry, and only in the release commit itself, lacks it.
        assert release is LEDGER[-1], "only the newest release may lack its commit"
        assert icat_data.__version__ == release["version"], (
            "record the release commit in the ledger in the commit after the release"
        )
        return
    assert re.fullmatch(r"[0-9a-f]{40}", commit)
    version = _git("show", f"{commit}:src/icat_data/_version.py")
    assert f'__version__ = "{release["version"]}"' in version
    assert f'DATA_VERSION = "{release["data_version"]}"' in version


def test_an_edition_is_an_edition() -> None:
    assert isinstance(icat_data.edition(), Edition)


def test_the_installed_version_names_the_packaged_edition() -> None:
    assert icat_data.edition(icat_data.__version__).data_version == icat_data.DATA_VERSION


def test_a_name_a_known_one_starts_with_is_the_closest() -> None:
    prefix = icat_data.DATA_VERSION.split(".dev")[0] if ".dev" in icat_data.DATA_VERSION else None
    if prefix is None:
        pytest.skip("the packaged edition is released: no .dev name to complete")
    with pytest.raises(icat_data.UnknownEditionError) as raised:
        icat_data.edition(prefix)
    assert raised.value.closest == icat_data.DATA_VERSION
