"""pandas DataFrames of the rows, with a dtype for what each column holds."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._rows import PRECISIONS, columns, date_parts, edition, records

if TYPE_CHECKING:
    import pandas

    from ._dataset import Dataset

__all__ = ["frame"]


def frame(entity: str, data: Dataset | None = None) -> pandas.DataFrame:
    """The frame of ``to_dataframe(entity)`` (documented there, in ``_export``), from
    ``data`` (default: the packaged edition's)."""
    try:
        import pandas
    except ImportError:
        raise ImportError('to_dataframe() needs pandas: pip install "icat-data[pandas]"') from None
    rows = records(entity, data)
    series: dict[str, Any] = {}
    for column in columns(entity):
        if column.kind == "nested":
            continue
        values = [row[column.name] for row in rows]
        if column.kind == "partial_date":
            parts = [date_parts(v) for v in values]
            series[column.name] = pandas.Series(values)
            series[f"{column.name}_precision"] = pandas.Categorical(
                [p[0] for p in parts], categories=PRECISIONS
            )
            series[f"{column.name}_first"] = _datetimes(pandas, [p[1] for p in parts])
            series[f"{column.name}_last"] = _datetimes(pandas, [p[2] for p in parts])
        elif column.kind == "day":
            series[column.name] = _datetimes(pandas, [date_parts(v)[1] for v in values])
        elif column.kind == "vocabulary":
            series[column.name] = pandas.Categorical(values, categories=column.vocabulary)
        elif column.kind == "integer":
            # Int64 (capital I) is pandas' integer with a missing value; NaN would make floats.
            series[column.name] = pandas.Series(
                values, dtype="int64" if column.required else "Int64"
            )
        elif column.kind == "list":
            series[column.name] = _tuples(pandas, values)
        elif column.kind == "boolean":
            series[column.name] = pandas.Series(values, dtype=bool)
        else:  # text: pandas' own string dtype where it has one (pandas 3), else object
            series[column.name] = pandas.Series(values)
    table = pandas.DataFrame(series, index=pandas.RangeIndex(len(rows)))
    # Provenance travels with the frame (pandas keeps attrs through most operations).
    table.attrs["icat_data"] = edition(data)
    return table


def _datetimes(pandas: Any, days: Sequence[datetime.date | None]) -> Any:
    # datetime64 at the unit pandas picks for dates (nanoseconds before pandas 3); None is NaT.
    return pandas.to_datetime(pandas.Series(days, dtype=object))


def _tuples(pandas: Any, values: list[list[str]]) -> Any:
    # Filled one cell at a time: given equal-length sequences, NumPy and pandas would build
    # a two-dimensional array, and an empty one would vanish.
    import numpy

    cells = numpy.empty(len(values), dtype=object)
    for index, value in enumerate(values):
        cells[index] = tuple(value)
    return pandas.Series(cells, dtype=object)
