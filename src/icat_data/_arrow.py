"""The rows as Arrow tables with real types, and as Parquet files, for columnar tools.

Polars, DuckDB, R's arrow and Spark read Arrow and Parquet with their types, where a CSV file
leaves them to guess. Each column is typed from its ``_rows.Column`` kind, as the pandas frames
are, so both show a record's fields the same way:

- text: ``string``; integers: ``int64``; flags: ``bool``; a day (a source's ``accessed``):
  ``date32``;
- a date at its precision (``start``): the ISO text as ``string``, then ``start_precision``
  (a vocabulary), ``start_first`` and ``start_last`` (``date32``: the first and last day it
  can mean), as in the frames and the data package;
- a closed vocabulary (``kind``, ``role``): ``dictionary<int32, string>`` whose dictionary is
  every allowed value in the vocabulary's order, like a pandas category;
- a list (``aliases``, ``sources``, ``organizations``): ``list<string>``;
- a nested entity (an organization's ``former_names``) is left out, as in the frames and the
  data package: it is an entity of its own, joined on ``organization``, so that no table
  holds its rows twice in two shapes.

A column that may be missing is a nullable field; one that may not is not. The edition
(``_rows.edition()``: data version, digest, package version, as-of day, licence) is the
schema's metadata, so a Parquet file written from the table carries it too.

pyarrow is imported on first use: it is an optional extra, and a program that never asks for
a table must not pay for it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ._rows import PRECISIONS, Column, columns, date_parts

if TYPE_CHECKING:
    from pathlib import Path

    import pyarrow

__all__ = ["PARQUET", "SUFFIX", "table", "write_parquet"]

#: What needs pyarrow when Parquet files are written (said by the ImportError without it).
PARQUET = "the Parquet export"
#: The file name suffix of each entity's Parquet file.
SUFFIX = ".parquet"


def table(
    entity: str,
    rows: Sequence[Mapping[str, Any]],
    edition: Mapping[str, str],
    *,
    needed_by: str = "to_arrow()",
) -> pyarrow.Table:
    """The Arrow table of ``rows`` of ``entity`` (as ``_rows.records`` gives them), typed by
    ``columns(entity)``, with ``edition`` as its schema's metadata; without pyarrow, an
    ImportError saying that ``needed_by`` needs it."""
    pa = _pyarrow(needed_by)
    fields = []
    arrays = []
    for column in columns(entity):
        for field, array in _typed(pa, column, [row[column.name] for row in rows]):
            fields.append(field)
            arrays.append(array)
    schema = pa.schema(fields, metadata=dict(edition))
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(
    directory: Path, tables: Mapping[str, pyarrow.Table]
) -> list[tuple[str, int | None, Path]]:
    """Write each table as ``<entity>.parquet`` into ``directory``, which must exist; return
    ``(entity, rows, path)`` for each file, as ``_datapackage.write`` does.

    Each file's key-value metadata holds the table's schema metadata (the edition), and the
    Arrow schema, so pyarrow and polars read the dictionaries back as such.
    """
    _pyarrow(PARQUET)
    import pyarrow.parquet

    written: list[tuple[str, int | None, Path]] = []
    for entity, arrow in tables.items():
        path = directory / f"{entity}{SUFFIX}"
        # Statistics and dictionary pages are on by default; zstd is smaller than snappy and
        # read by every current Parquet reader (DuckDB, polars, R's arrow, Spark).
        pyarrow.parquet.write_table(arrow, path, compression="zstd")
        written.append((entity, arrow.num_rows, path))
    return written


def _pyarrow(needed_by: str) -> Any:
    try:
        import pyarrow
    except ImportError:
        raise ImportError(f'{needed_by} needs pyarrow: pip install "icat-data[arrow]"') from None
    return pyarrow


def _typed(pa: Any, column: Column, values: list[Any]) -> list[tuple[Any, Any]]:
    """The Arrow fields and arrays that hold ``column``: none for a nested entity, four for a
    date at its precision, else one."""
    name = column.name
    nullable = not column.required
    if column.kind == "nested":
        return []
    if column.kind == "partial_date":
        parts = [date_parts(value) for value in values]
        return [
            (pa.field(name, pa.string(), nullable), pa.array(values, pa.string())),
            _vocabulary(pa, f"{name}_precision", nullable, PRECISIONS, [p[0] for p in parts]),
            _day(pa, f"{name}_first", nullable, [p[1] for p in parts]),
            _day(pa, f"{name}_last", nullable, [p[2] for p in parts]),
        ]
    if column.kind == "vocabulary":
        return [_vocabulary(pa, name, nullable, column.vocabulary, values)]
    if column.kind == "day":
        return [_day(pa, name, nullable, [date_parts(value)[1] for value in values])]
    types = {
        "text": pa.string(),
        "integer": pa.int64(),
        "boolean": pa.bool_(),
        "list": pa.list_(pa.field("item", pa.string(), nullable=False)),
    }
    type_ = types[column.kind]
    return [(pa.field(name, type_, nullable), pa.array(values, type_))]


def _vocabulary(
    pa: Any, name: str, nullable: bool, vocabulary: Sequence[str], values: list[str | None]
) -> tuple[Any, Any]:
    # Indices into the whole vocabulary, not only the values present: a reader sees every
    # allowed value, as a pandas category lists them.
    index = {value: i for i, value in enumerate(vocabulary)}
    indices = pa.array([None if v is None else index[v] for v in values], pa.int32())
    array = pa.DictionaryArray.from_arrays(indices, pa.array(vocabulary, pa.string()))
    return pa.field(name, array.type, nullable), array


def _day(pa: Any, name: str, nullable: bool, days: list[datetime.date | None]) -> tuple[Any, Any]:
    return pa.field(name, pa.date32(), nullable), pa.array(days, pa.date32())
