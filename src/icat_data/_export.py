"""The export functions of the public API, light to import.

Each imports its machinery on its first call: the rows and their columns (``_rows``), the
typed pandas frames (``_frames``), Arrow tables and Parquet files (``_arrow``) and the
Frictionless data package (``_datapackage``), so that ``import icat_data`` does not pay for
exports a program may never make. Each public function is the packaged edition's; the
``*_of`` functions take the dataset, and serve an older edition's methods too
(``edition("0.2.0").to_records(...)``), so no export is written twice.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    import pandas
    import pyarrow

    from ._dataset import Dataset
    from ._vocabulary import Entity

    #: What an export wrote: each entity (or resource) with its rows, and the file's path.
    Written = list[tuple[str, int | None, Path]]

__all__ = [
    "arrow_of",
    "datapackage_files",
    "datapackage_of",
    "frame_of",
    "parquet_files",
    "parquet_of",
    "records_of",
    "to_arrow",
    "to_dataframe",
    "to_records",
    "write_datapackage",
    "write_parquet",
]


def to_records(entity: Entity) -> list[dict[str, Any]]:
    """One row per record of ``entity``, as plain JSON-ready values.

    Dates are ISO text at their precision ("2019", "2019-05", "2019-05-02"), sources are their
    ids (join with ``to_records("sources")``), and an organization's memberships and former
    names are rows of their own in ``"memberships"`` and ``"former_names"``, keyed by
    ``organization``. Another entity name is a ``ValueError`` listing these.
    """
    return records_of(entity, None)


def to_dataframe(entity: Entity) -> pandas.DataFrame:
    """The rows of [`to_records()`][icat_data.to_records] as a pandas DataFrame with real types.

    Beside each date's ISO text (``start``: "2019", "2019-05" or "2019-05-02") are
    ``start_precision`` (category: year, month, day) and ``start_first`` / ``start_last``
    (``datetime64``: the first and last day the date can mean), so
    ``df[df.start_first <= "2019-06-30"]`` works whatever the precision. A date always known
    to the day (a source's ``accessed``) is ``datetime64`` itself. Optional integers are
    ``Int64``, closed vocabularies (kind, role) ``category`` with every allowed value as a
    category (group with ``groupby(column, observed=True)``: the same groups on every
    pandas), lists tuples. An organization's former names are the entity
    ``"former_names"``, not a column. Needs the ``pandas`` extra.
    """
    return frame_of(entity, None)


def to_arrow(entity: Entity) -> pyarrow.Table:
    """The rows of [`to_records()`][icat_data.to_records] as a pyarrow Table with real types.

    Columns are typed as in [`to_dataframe()`][icat_data.to_dataframe]: a date's ``_first``
    and ``_last`` days are ``date32``, integers ``int64``, flags ``bool``, lists
    ``list<string>``, closed vocabularies dictionary-encoded with every allowed value; an
    organization's former names are the entity ``"former_names"``, not a column. The schema's
    metadata holds the edition (``data_version``, ``data_digest``, ``package_version``,
    ``as_of``, ``license``). Needs the ``arrow`` extra.
    """
    return arrow_of(entity, None)


def write_parquet(directory: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write one Parquet file per entity, typed as [`to_arrow()`][icat_data.to_arrow] types
    it and with the edition in its metadata, into ``directory``; return the folder.

    The folder is written whole or not at all, and refused when it holds anything unless
    ``force``, as by [`write_datapackage()`][icat_data.write_datapackage]. Needs the
    ``arrow`` extra.
    """
    return parquet_of(directory, None, force=force)


def write_datapackage(directory: str | os.PathLike[str], *, force: bool = False) -> Path:
    """Write the data as a Frictionless data package into ``directory``; return the descriptor.

    ``directory`` (created if missing) receives one CSV per entity of
    [`to_records()`][icat_data.to_records], link tables for lists of references
    (``chair_organizations``, ``event_organizations``, ``<entity>_sources``) and
    ``datapackage.json`` (Frictionless Data Package v1): a Table Schema for every CSV with
    typed fields, primary and foreign keys, each file's size and SHA-256, the data licence
    (CC BY 4.0), the sources and ``version``, the data edition (``DATA_VERSION``).
    R, DuckDB, spreadsheets and ``frictionless`` read it.

    The package is written whole or not at all: into a new folder beside ``directory``,
    renamed to it once complete, so an interrupted run leaves the old folder or the new one,
    never a mix. A ``directory`` that holds anything is refused with a ``FileExistsError``
    unless ``force``, which replaces it whole.
    """
    return datapackage_of(directory, None, force=force)


def records_of(entity: Entity, data: Dataset | None) -> list[dict[str, Any]]:
    """``to_records(entity)`` from ``data`` (``None``: the packaged edition)."""
    from ._rows import records

    return records(entity, data)


def frame_of(entity: Entity, data: Dataset | None) -> pandas.DataFrame:
    """``to_dataframe(entity)`` from ``data`` (``None``: the packaged edition)."""
    from ._frames import frame

    return frame(entity, data)


def arrow_of(entity: Entity, data: Dataset | None) -> pyarrow.Table:
    """``to_arrow(entity)`` from ``data`` (``None``: the packaged edition)."""
    from ._arrow import table
    from ._rows import edition, records

    return table(entity, records(entity, data), edition(data))


def parquet_of(
    directory: str | os.PathLike[str], data: Dataset | None, *, force: bool = False
) -> Path:
    """``write_parquet(directory)`` from ``data`` (``None``: the packaged edition)."""
    from pathlib import Path

    parquet_files(directory, data, force=force)
    return Path(directory)


def datapackage_of(
    directory: str | os.PathLike[str], data: Dataset | None, *, force: bool = False
) -> Path:
    """``write_datapackage(directory)`` from ``data`` (``None``: the packaged edition)."""
    from pathlib import Path

    from ._datapackage import DESCRIPTOR

    datapackage_files(directory, data, force=force)
    return Path(directory) / DESCRIPTOR


def parquet_files(
    directory: str | os.PathLike[str],
    data: Dataset | None,
    *,
    force: bool = False,
    needed_by: str | None = None,
) -> Written:
    """Write the Parquet export; return ``(entity, rows, path)`` for each file written, as
    it is named once in place. ``needed_by`` names the caller in the ImportError without
    pyarrow (default: the Parquet export)."""
    from ._arrow import PARQUET, table, write_parquet
    from ._rows import ENTITIES, edition, records
    from ._write import replacing

    stamp = edition(data)
    # Every table is built before the folder is touched: without pyarrow, nothing is written.
    tables: dict[str, pyarrow.Table] = {
        entity: table(entity, records(entity, data), stamp, needed_by=needed_by or PARQUET)
        for entity in ENTITIES
    }
    with replacing(directory, force=force) as folder:
        written = write_parquet(folder, tables)
    return _in_place(written, directory)


def datapackage_files(
    directory: str | os.PathLike[str], data: Dataset | None, *, force: bool = False
) -> Written:
    """Write the data package; return ``(resource, rows, path)`` for each file written, as
    it is named once in place, the descriptor last."""
    from ._datapackage import write
    from ._write import replacing

    with replacing(directory, force=force) as folder:
        written = write(folder, data)
    return _in_place(written, directory)


def _in_place(written: Written, directory: str | os.PathLike[str]) -> Written:
    # Files are written into a folder beside the target, which then takes its name.
    from pathlib import Path

    return [(name, rows, Path(directory) / path.name) for name, rows, path in written]
