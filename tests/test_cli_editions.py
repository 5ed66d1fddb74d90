"""The command line's editions: --edition NAME, ``icat-data editions`` and ``icat-data verify``."""

from __future__ import annotations

import json

import pytest
from test_cli import run

import icat_data
from icat_data import _editions
from icat_data._cli import main
from icat_data._load import read_packaged


def test_edition_before_a_command_answers_from_that_edition() -> None:
    old = icat_data.edition("2026.11.22.1")
    result = run("--edition", "2026.11.22.1", "members", "--on", "2019", "--json")
    assert result.returncode == 0, result.stderr
    assert [row["id"] for row in json.loads(result.stdout)] == [o.id for o in old.members(2019)]
    by_version = run("--edition", "0.2.0", "members", "--on", "2019", "--json")
    assert by_version.stdout == result.stdout
    summary = json.loads(run("--edition", "0.1.0", "--json").stdout)
    assert summary["data_version"] == "2026.11.22"
    assert summary["data_digest"] == icat_data.edition("0.1.0").manifest().digest
    assert summary["events_recorded"] == len(icat_data.edition("0.1.0").events())


def test_an_unknown_edition_is_one_line_naming_the_closest() -> None:
    result = run("--edition", "0.2", "chairs")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "icat-data: no edition is named '0.2'; did you mean '0.2.0'? see: icat-data editions\n"
    )
    assert len(result.stderr.rstrip("\n")) <= 90  # the name is the user's; the rest fits 80


def test_editions_lists_the_ledger() -> None:
    rows = [r for r in json.loads(run("editions", "--json").stdout) if r["released"]]
    assert [r["version"] for r in rows] == [r.version for r in icat_data.editions()]
    assert [r["digest"] for r in rows] == [r.digest for r in icat_data.editions()]
    table = run("editions", COLUMNS="80").stdout.splitlines()
    assert table[0].split() == ["VERSION", "DATA_VERSION", "DATE", "PACKAGED", "COMMIT"]
    assert all(len(line) <= 80 for line in table)


def test_verify_prints_one_line_per_check() -> None:
    result = run("verify", COLUMNS="80")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + len(icat_data.verify())  # a header, then one line per check
    assert all(len(line) <= 80 for line in lines)
    assert lines[1].split()[0] == "SHA256SUMS"


def test_verify_fails_with_one_line_naming_the_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def read(name: str) -> bytes:
        raw = read_packaged(name)
        return raw.replace(b"OSCE", b"OSCF") if name == "chairs.json" else raw

    monkeypatch.setattr(_editions, "read_packaged", read)
    assert main(["verify"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "icat-data: chairs.json: SHA-256 differs from SHA256SUMS\n"
    assert captured.err.count("\n") == 1


def test_editions_marks_the_packaged_one_even_unreleased() -> None:
    rows = json.loads(run("editions", "--json").stdout)
    packaged = [row for row in rows if row["packaged"]]
    assert [row["data_version"] for row in packaged] == [icat_data.DATA_VERSION]
    assert packaged[0]["digest"] == icat_data.manifest().digest
    released = {r.data_version for r in icat_data.editions()}
    assert packaged[0]["released"] is (icat_data.DATA_VERSION in released)
    table = run("editions", COLUMNS="80").stdout.splitlines()
    marked = [line for line in table if " yes" in line]
    assert [line.split()[1] for line in marked] == [icat_data.DATA_VERSION]
    if icat_data.DATA_VERSION not in released:  # a development edition says so
        assert marked[0].split()[:3] == [
            icat_data.__version__,
            icat_data.DATA_VERSION,
            "unreleased",
        ]
    assert all(len(line) <= 80 for line in table)


def test_the_package_version_names_the_packaged_edition() -> None:
    assert run("--edition", icat_data.__version__, "--json").stdout == run("--json").stdout
    result = run("diff", icat_data.__version__)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"no changes from {icat_data.DATA_VERSION} to {icat_data.DATA_VERSION}\n"
    )


def test_an_unknown_edition_suggests_a_name_it_begins() -> None:
    # difflib alone would rank a released 2026.12.01 above 2026.12.04.dev0 for "2026.12.04".
    result = run("--edition", "0.2", "chairs")
    assert result.returncode == 1
    assert "did you mean '0.2.0'?" in result.stderr
