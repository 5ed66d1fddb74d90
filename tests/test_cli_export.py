"""``icat-data export`` writes every format whole or not at all, into a new or empty folder
unless --force, from the edition --edition names."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from test_cli import run

import icat_data
from icat_data._cli import main
from icat_data._rows import ENTITIES

FORMATS = ["json", "csv", "datapackage", "parquet"]


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_folder_that_holds_anything_is_refused_and_left_untouched(
    fmt: str, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    (out / "organizations.csv").write_text("an older export\n", encoding="utf-8")
    before = _contents(out)
    result = run("export", "--format", fmt, "--out", str(out))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.count("\n") == 1
    assert "is not empty" in result.stderr
    assert "--force" in result.stderr
    assert _contents(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no partial folder left beside


@pytest.mark.parametrize("fmt", FORMATS)
def test_force_replaces_the_folder_whole(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("export", "--format", "json", "--out", str(out)).returncode == 0
    (out / "notes.txt").write_text("stale\n", encoding="utf-8")
    result = run("export", "--format", fmt, "--out", str(out), "--force", "--json")
    assert result.returncode == 0, result.stderr
    listed = {Path(row["file"]).name for row in json.loads(result.stdout)}
    assert {p.name for p in out.iterdir()} == listed  # nothing of the json export is left
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_parquet_lists_its_files_and_leaves_no_temporary_folder(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow.parquet

    out = tmp_path / "parquet"
    result = run("export", "--format", "parquet", "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert listed == [
        {
            "entity": entity,
            "rows": len(icat_data.to_records(entity)),
            "file": str(out / f"{entity}.parquet"),
        }
        for entity in ENTITIES
    ]
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{e}.parquet" for e in ENTITIES)
    assert [p.name for p in tmp_path.iterdir()] == ["parquet"]
    metadata = pyarrow.parquet.read_schema(out / "chairs.parquet").metadata
    assert metadata[b"data_version"].decode() == icat_data.DATA_VERSION


def test_parquet_without_pyarrow_names_the_extra_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in [m for m in sys.modules if m == "pyarrow" or m.startswith("pyarrow.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow: ImportError
    out = tmp_path / "out"
    assert main(["export", "--format", "parquet", "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        'icat-data: --format parquet needs pyarrow: pip install "icat-data[arrow]"\n'
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["json", "csv", "datapackage"])
def test_an_export_from_an_older_edition_holds_that_edition(fmt: str, tmp_path: Path) -> None:
    old = icat_data.edition("0.2.0")
    assert old.data_version != icat_data.DATA_VERSION
    out = tmp_path / "old"
    result = run("--edition", "0.2.0", "export", "--format", fmt, "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    listed = {row["entity"]: row["rows"] for row in json.loads(result.stdout)}
    assert listed["events"] == len(old.events()) != len(icat_data.events())
    if fmt == "datapackage":
        descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
        assert descriptor["version"] == old.data_version
    else:
        stamp = json.loads((out / "edition.json").read_text(encoding="utf-8"))
        assert stamp["data_version"] == old.data_version
        assert stamp["citation"] == old.cite().rstrip("\n")
