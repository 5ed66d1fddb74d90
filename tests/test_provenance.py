"""Exported data says which edition it holds and how to cite it (issue 17, section 4)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import icat_data
from icat_data import _cite
from icat_data._editions import edition

pandas = pytest.importorskip("pandas")


def _expected(name: str | None = None) -> dict[str, str]:
    data = edition(name)._dataset()
    return {
        "data_version": data.manifest.data_version,
        "data_digest": data.manifest.digest,
        "package_version": icat_data.__version__,
        "as_of": data.coverage.as_of.isoformat(),
        "license": "CC-BY-4.0",
        "citation": _cite.cite(data).rstrip("\n"),
    }


@pytest.mark.parametrize("entity", ["organizations", "chairs", "organization_years"])
def test_every_frame_carries_its_edition_and_citation(entity: icat_data.Entity) -> None:
    stamp = icat_data.to_dataframe(entity).attrs["icat_data"]
    assert stamp == _expected()
    assert icat_data.DATA_VERSION in stamp["citation"]
    assert stamp["data_digest"] in stamp["citation"]


def test_an_older_editions_frame_names_that_edition() -> None:
    stamp = edition("0.2.0").to_dataframe("chairs").attrs["icat_data"]
    assert stamp == _expected("2026.11.22.1")
    assert "2026.11.22.1" in stamp["citation"]


def test_the_data_package_carries_the_citation(tmp_path: Path) -> None:
    descriptor = json.loads(icat_data.write_datapackage(tmp_path / "p").read_text("utf-8"))
    assert descriptor["edition"] == _expected()


def test_parquet_files_carry_the_citation(tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    folder = icat_data.write_parquet(tmp_path / "q")
    metadata = parquet.read_schema(folder / "chairs.parquet").metadata
    assert metadata[b"citation"].decode("utf-8") == _expected()["citation"]


def test_an_older_edition_exports_every_format_from_its_own_data(tmp_path: Path) -> None:
    older = edition("0.2.0")
    assert older.to_records("chairs") != icat_data.to_records("chairs")
    descriptor = json.loads(older.write_datapackage(tmp_path / "p").read_text("utf-8"))
    assert descriptor["edition"] == _expected("2026.11.22.1")
    pytest.importorskip("pyarrow")
    table = older.to_arrow("chairs")
    assert table.schema.metadata[b"data_version"] == b"2026.11.22.1"
    assert (older.write_parquet(tmp_path / "q") / "chairs.parquet").exists()


def test_the_changes_frame_holds_every_change_and_names_both_editions() -> None:
    found = icat_data.changes("0.2.0", "0.3.0")
    frame = icat_data.changes_frame("0.2.0", "0.3.0")
    assert len(frame) == len(found) > 0
    assert list(frame.columns) == ["entity", "id", "change", "field", "before", "after"]
    assert [tuple(row) for row in frame[["entity", "id", "change"]].astype(object).values] == [
        (c.entity, c.id, c.change) for c in found
    ]
    assert isinstance(frame["change"].dtype, pandas.CategoricalDtype)
    stamps = frame.attrs["icat_data"]
    assert stamps == {"since": _expected("2026.11.22.1"), "until": _expected("2026.12.01")}


def test_a_change_prints_on_one_short_line() -> None:
    changes = icat_data.changes("0.1.0", "0.3.0")
    assert max(len(repr(c)) for c in changes) < 200
    added = next(c for c in changes if c.change == "added")
    assert repr(added).startswith(f"Change(entity={added.entity!r}, id={added.id!r}, ")
    assert "\n" not in repr(added)
