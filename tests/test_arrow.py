"""Arrow tables and Parquet files of the rows: real types, the edition in their metadata, and
readers outside pandas (DuckDB, pyarrow, polars) that see those types."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pyarrow
import pyarrow.parquet
import pytest

import icat_data
from icat_data import _arrow
from icat_data._rows import ENTITIES, PRECISIONS, columns, date_parts, edition, records
from icat_data._write import replacing

ROOT = Path(__file__).resolve().parent.parent


def _table(entity: str) -> pyarrow.Table:
    return _arrow.table(entity, records(entity), edition())


@pytest.fixture(scope="module")
def parquet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Parquet export, written as the command line writes it, into ``icat-parquet``."""
    target = tmp_path_factory.mktemp("parquet") / "icat-parquet"
    with replacing(target) as folder:
        _arrow.write_parquet(folder, {e: _table(e) for e in ENTITIES})
    return target


def _expected(entity: str) -> list[dict[str, Any]]:
    """The rows of ``entity`` as the table should give them back: nested entities left out,
    a date at its precision beside its precision, first and last day."""
    expected = []
    for row in records(entity):
        out: dict[str, Any] = {}
        for column in columns(entity):
            value = row[column.name]
            if column.kind == "nested":
                continue
            if column.kind == "partial_date":
                precision, first, last = date_parts(value)
                out[column.name] = value
                out[f"{column.name}_precision"] = precision
                out[f"{column.name}_first"] = first
                out[f"{column.name}_last"] = last
            elif column.kind == "day":
                out[column.name] = datetime.date.fromisoformat(value)
            else:
                out[column.name] = value
        expected.append(out)
    return expected


@pytest.mark.parametrize("entity", ENTITIES)
def test_a_table_holds_every_row_and_value(entity: str) -> None:
    table = _table(entity)
    assert table.num_rows == len(records(entity)) > 0
    assert table.to_pylist() == _expected(entity)


@pytest.mark.parametrize("entity", ENTITIES)
def test_each_kind_of_column_has_its_arrow_type(entity: str) -> None:
    schema = _table(entity).schema
    for column in columns(entity):
        name = column.name
        if column.kind == "nested":
            assert name not in schema.names
            continue
        field = schema.field(name)
        assert field.nullable is not column.required, name
        if column.kind == "partial_date":
            assert field.type == pyarrow.string()
            for end in ("first", "last"):
                assert schema.field(f"{name}_{end}").type == pyarrow.date32()
            precision = schema.field(f"{name}_precision").type
            assert pyarrow.types.is_dictionary(precision)
        else:
            expected = {
                "text": pyarrow.string(),
                "integer": pyarrow.int64(),
                "boolean": pyarrow.bool_(),
                "day": pyarrow.date32(),
                "list": pyarrow.list_(pyarrow.field("item", pyarrow.string(), nullable=False)),
            }.get(column.kind)
            if expected is None:
                assert column.kind == "vocabulary"
                assert pyarrow.types.is_dictionary(field.type)
            else:
                assert field.type == expected, name


def test_vocabularies_are_dictionaries_of_every_allowed_value() -> None:
    # As pandas categories: a value no row holds is still one a reader can expect.
    (kind,) = [c for c in columns("events") if c.name == "kind"]
    one = _arrow.table("events", records("events")[:1], edition())
    chunk = one.column("kind").combine_chunks()
    assert chunk.dictionary.to_pylist() == list(kind.vocabulary)
    assert chunk.to_pylist() == [icat_data.events()[0].kind]
    assert one.column("date_precision").combine_chunks().dictionary.to_pylist() == list(PRECISIONS)
    counts = Counter(_table("events").column("kind").to_pylist())
    assert counts == Counter(e.kind for e in icat_data.events())


def test_the_schema_carries_the_edition() -> None:
    for entity in ENTITIES:
        metadata = _table(entity).schema.metadata
        assert {k.decode(): v.decode() for k, v in metadata.items()} == edition()
    assert edition()["data_version"] == icat_data.DATA_VERSION


def test_dates_compare_as_dates() -> None:
    # The question a frame answers with start_last: members by the end of 2006.
    memberships = _table("memberships").to_pylist()
    by_2006 = {
        m["organization"]
        for m in memberships
        if m["role"] == "member" and m["start_last"] <= datetime.date(2006, 12, 31)
    }
    assert {o.id for o in icat_data.members(on="2006-09")} <= by_2006


def test_without_pyarrow_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # an import of it now fails
    with pytest.raises(
        ImportError, match=r'^to_arrow\(\) needs pyarrow: pip install "icat-data\[arrow\]"$'
    ):
        _table("events")
    with pytest.raises(
        ImportError, match=r'^the Parquet export needs pyarrow: pip install "icat-data\[arrow\]"$'
    ):
        _arrow.write_parquet(Path("unused"), {})
    # The public call names itself, and writes nothing: the tables are built first.
    with pytest.raises(ImportError, match=r"^the Parquet export needs pyarrow"):
        icat_data.write_parquet(Path("never-written"))
    assert not Path("never-written").exists()


def test_pyarrow_loads_only_when_a_table_is_asked_for() -> None:
    code = (
        "import sys, icat_data, icat_data._arrow, icat_data._write\n"
        "icat_data.organizations()\n"
        "assert 'pyarrow' not in sys.modules, 'pyarrow imported'\n"
        "icat_data._arrow.table('chairs', [], {})\n"
        "assert 'pyarrow' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_an_empty_table_keeps_its_types() -> None:
    table = _arrow.table("memberships", [], edition())
    assert table.num_rows == 0
    assert table.schema == _table("memberships").schema


def test_parquet_files_one_per_entity_with_the_edition(parquet: Path) -> None:
    assert sorted(p.name for p in parquet.iterdir()) == sorted(f"{e}.parquet" for e in ENTITIES)
    for entity in ENTITIES:
        metadata = pyarrow.parquet.read_metadata(parquet / f"{entity}.parquet").metadata
        assert {k: metadata[k.encode()].decode() for k in edition()} == edition()


def test_parquet_written_lists_each_file(tmp_path: Path) -> None:
    written = _arrow.write_parquet(tmp_path, {"chairs": _table("chairs")})
    assert written == [("chairs", len(records("chairs")), tmp_path / "chairs.parquet")]


@pytest.mark.parametrize("entity", ENTITIES)
def test_pyarrow_reads_parquet_back_as_written(parquet: Path, entity: str) -> None:
    read = pyarrow.parquet.read_table(parquet / f"{entity}.parquet")
    table = _table(entity)
    assert read.schema.names == table.schema.names
    assert read.to_pylist() == table.to_pylist()
    for field in table.schema:  # the same types, dictionaries included
        assert read.schema.field(field.name).type == field.type, field.name


def test_duckdb_reads_parquet_with_its_types(parquet: Path) -> None:
    db = duckdb.connect()
    file = f"'{parquet}/{{}}.parquet'".format

    def types(entity: str) -> dict[str, str]:
        return {
            row[0]: row[1] for row in db.sql(f"DESCRIBE SELECT * FROM {file(entity)}").fetchall()
        }

    memberships = types("memberships")
    assert (memberships["start_first"], memberships["end_last"]) == ("DATE", "DATE")
    assert memberships["start_attested_only"] == "BOOLEAN"
    assert memberships["sources"] == "VARCHAR[]"
    assert types("chairs")["year"] == "BIGINT"
    assert types("sources")["accessed"] == "DATE"
    assert types("reported_counts")["members"] == "BIGINT"
    for entity in ENTITIES:
        [(count,)] = db.sql(f"SELECT count(*) FROM {file(entity)}").fetchall()
        assert count == len(records(entity))
    # Lists are lists: unnest them and join, as the data package's link tables allow.
    chairs = db.sql(
        f"SELECT o.acronym FROM (SELECT unnest(chairs) AS id FROM {file('chairs')} "
        f"WHERE year = 2019) c JOIN {file('organizations')} o USING (id) ORDER BY o.acronym"
    ).fetchall()
    assert [row[0] for row in chairs] == sorted(o.acronym for o in icat_data.chairs_for(2019))
    # The edition, from each file's key-value metadata.
    metadata = db.sql(
        f"SELECT decode(key), decode(value) FROM parquet_kv_metadata({file('events')})"
    ).fetchall()
    assert dict(metadata)["data_version"] == icat_data.DATA_VERSION


def test_polars_reads_parquet_with_its_types(parquet: Path) -> None:
    polars = pytest.importorskip("polars")  # not a dependency: checked where it is installed
    memberships = polars.read_parquet(parquet / "memberships.parquet")
    assert memberships.height == len(records("memberships"))
    assert memberships.schema["start_first"] == polars.Date
    assert memberships.schema["sources"] == polars.List(polars.String)
    assert memberships.schema["start_attested_only"] == polars.Boolean
    assert memberships.schema["role"] in (polars.Categorical, polars.Enum)
    assert polars.read_parquet(parquet / "chairs.parquet").schema["year"] == polars.Int64


def _section(page: str, heading: str) -> str:
    return page.split(heading, 1)[1].split("\n## ", 1)[0]


def test_the_parquet_examples_in_the_docs_run(
    parquet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (ROOT / "docs" / "outside-python.md").read_text(encoding="utf-8")
    section = _section(page, "## Parquet")
    assert "--format parquet --out icat-parquet" in section
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert len(blocks) == 2  # polars and DuckDB; R is not run here
    monkeypatch.chdir(parquet.parent)
    for block in sorted(blocks, key=lambda b: "polars" in b):  # DuckDB first: always run
        if "polars" in block:
            pytest.importorskip("polars")
        exec(compile(block, "outside-python.md", "exec"), {})
