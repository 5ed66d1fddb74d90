"""Grouping a frame by a vocabulary gives the same answer on every supported pandas.

The decision: frames keep every allowed value as a category (so ``value_counts()`` shows a
kind with no record as 0, alike on every pandas), and grouping by one names the choice
pandas 2.x warns about: ``groupby(column, observed=True)``, pandas 3's default, which gives
the values present and their groups on pandas 1.5, 2.x and 3.x alike, without a warning.
pandas 1.5 lists those groups in the order it meets them (a bug pandas 2.0 fixed), so where
the order matters, ``.sort_index()`` puts them in the vocabulary's order everywhere.
"""

from __future__ import annotations

import warnings
from collections import Counter

import pandas
import pytest

import icat_data
from icat_data import Entity
from icat_data._rows import ENTITIES, columns, records

#: Every vocabulary column of every frame: kinds and roles, and each date's precision.
CATEGORIES = [
    (entity, name)
    for entity in ENTITIES
    for column in columns(entity)
    for name in (
        [column.name]
        if column.kind == "vocabulary"
        else [f"{column.name}_precision"]
        if column.kind == "partial_date"
        else []
    )
]


def test_every_vocabulary_is_a_category_of_every_allowed_value() -> None:
    assert ("events", "kind") in CATEGORIES
    assert ("memberships", "start_precision") in CATEGORIES
    for entity, name in CATEGORIES:
        assert isinstance(icat_data.to_dataframe(entity)[name].dtype, pandas.CategoricalDtype)


@pytest.mark.parametrize(("entity", "name"), CATEGORIES)
def test_grouping_by_a_category_with_observed_true_is_the_same_everywhere(
    entity: Entity, name: str
) -> None:
    frame = icat_data.to_dataframe(entity)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pandas 2.x warns when observed= is not given
        sizes = frame.groupby(name, observed=True).size()
    present = Counter(frame[name].dropna())
    assert sizes.to_dict() == present  # the values present, no zero rows, no missing value
    in_order = [c for c in frame[name].cat.categories if c in present]
    assert list(sizes.sort_index().index) == in_order
    if name.endswith("_precision"):
        column = name.removesuffix("_precision")
        assert sum(present.values()) == sum(row[column] is not None for row in records(entity))
    else:
        assert present == Counter(row[name] for row in records(entity))


def test_observed_false_lists_every_category_everywhere() -> None:
    # The other explicit choice is as stable: every allowed kind, with 0 where none is.
    frame = icat_data.to_dataframe("events")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        sizes = frame.groupby("kind", observed=False).size()
    assert list(sizes.index) == list(frame["kind"].cat.categories)
    assert sizes.sum() == len(frame)
    assert frame["kind"].value_counts().to_dict() == sizes.to_dict()
