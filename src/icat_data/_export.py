"""The export functions of the public API, light to import.

Each imports its machinery on its first call: the rows and their columns (``_rows``), the
typed pandas frames (``_frames``) and the Frictionless data package (``_datapackage``), so
that ``import icat_data`` does not pay for exports a program may never make.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    import pandas

__all__ = ["to_dataframe", "to_records", "write_datapackage"]


def to_records(entity: str) -> list[dict[str, Any]]:
    """One row per record of ``entity``, as plain JSON-ready values.

    Dates are ISO text at their precision ("2019", "2019-05", "2019-05-02"), sources are their
    ids (join with ``to_records("sources")``), and an organization's memberships and former
    names are rows of their own in ``"memberships"`` and ``"former_names"``, keyed by
    ``organization``. Another entity name is a ``ValueError`` listing these.
    """
    from ._rows import records

    return records(entity)


def to_dataframe(entity: str) -> pandas.DataFrame:
    """The rows of [`to_records()`][icat_data.to_records] as a pandas DataFrame with real types.

    Beside each date's ISO text (``start``: "2019", "2019-05" or "2019-05-02") are
    ``start_precision`` (category: year, month, day) and ``start_first`` / ``start_last``
    (``datetime64``: the first and last day the date can mean), so
    ``df[df.start_first <= "2019-06-30"]`` works whatever the precision. A date always known
    to the day (a source's ``accessed``) is ``datetime64`` itself. Optional integers are
    ``Int64``, closed vocabularies (kind, role) ``category`` with every allowed value as a
    category, lists tuples. An organization's former names are the entity
    ``"former_names"``, not a column. Needs the ``pandas`` extra.
    """
    from ._frames import frame

    return frame(entity)


def write_datapackage(directory: str | os.PathLike[str]) -> Path:
    """Write the data as a Frictionless data package into ``directory``; return the descriptor.

    ``directory`` (created if missing) receives one CSV per entity of
    [`to_records()`][icat_data.to_records], link tables for lists of references
    (``chair_organizations``, ``event_organizations``, ``<entity>_sources``) and
    ``datapackage.json`` (Frictionless Data Package v1): a Table Schema for every CSV with
    typed fields, primary and foreign keys, each file's size and SHA-256, the data licence
    (CC BY 4.0), the sources and ``version``, the data edition (``DATA_VERSION``). Files of
    the same names are replaced. R, DuckDB, spreadsheets and ``frictionless`` read it.
    """
    from pathlib import Path

    from ._datapackage import DESCRIPTOR, write

    path = Path(directory)
    write(path)
    return path / DESCRIPTOR
