"""Flat, JSON-ready rows of the data for pandas, spreadsheets and other tools."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import attrs

from ._load import dataset

if TYPE_CHECKING:
    import cattrs
    import pandas

    from ._dataset import Dataset

__all__ = ["ENTITIES", "entity_records", "to_dataframe", "to_records"]

#: The entity names to_records() and to_dataframe() accept.
ENTITIES = ("organizations", "memberships", "chairs", "briefs", "events", "sources")


def to_records(entity: str) -> list[dict[str, Any]]:
    """One row per record of ``entity``, as plain JSON-ready values.

    Dates are ISO text at their precision ("2019", "2019-05", "2019-05-02"), sources are their
    ids (join with ``to_records("sources")``), and an organization's memberships are rows of
    their own in ``"memberships"``, keyed by ``organization``. Another entity name is a
    ``ValueError`` listing these.
    """
    if entity not in ENTITIES:
        raise ValueError(f"unknown entity {entity!r}; expected one of: {', '.join(ENTITIES)}")
    records = entity_records(dataset())[entity]
    if entity == "memberships":
        return [{"organization": org.id, **_row(membership)} for org, membership in records]
    return [_row(record, exclude=("memberships",)) for record in records]


def entity_records(data: Dataset) -> dict[str, tuple[Any, ...]]:
    """The records of each entity; memberships as ``(organization, membership)`` pairs."""
    return {
        "organizations": data.organizations,
        "memberships": tuple((o, m) for o in data.organizations for m in o.memberships),
        "chairs": data.chair_terms,
        "briefs": data.briefs,
        "events": data.events,
        "sources": data.sources,
    }


def to_dataframe(entity: str) -> pandas.DataFrame:
    """[`to_records()`][icat_data.to_records] as a pandas DataFrame; needs the ``pandas`` extra."""
    try:
        import pandas
    except ImportError:
        raise ImportError('to_dataframe() needs pandas: pip install "icat-data[pandas]"') from None
    return pandas.DataFrame.from_records(to_records(entity))


def _row(record: Any, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    # Field by field, so that a record's own sources stay full objects only in "sources".
    converter = _converter()
    return {
        field.name: converter.unstructure(getattr(record, field.name))
        for field in attrs.fields(type(record))
        if field.name not in exclude
    }


@functools.cache
def _converter() -> cattrs.Converter:
    from ._convert import unstructure_converter

    return unstructure_converter()
