"""The memoized fast paths of the commonest queries answer exactly as the general ones do."""

from __future__ import annotations

import numpy as np
import pytest

import icat_data
from icat_data._dataset import _MEMO_LIMIT
from icat_data._load import dataset


@pytest.mark.parametrize("year", [None, *range(2005, 2028)])
def test_is_member_and_members_agree_for_every_name_and_year(year: int | None) -> None:
    members = icat_data.members(on=year)
    for org in icat_data.organizations():
        expected = org in members
        for name in org.names():
            assert icat_data.is_member(name, on=year) is expected, (name, year)
            assert icat_data.is_member(name.upper(), on=year) is expected, (name, year)
    assert icat_data.members(on=year) is members  # the memo answers the second time


def test_a_spelling_resolved_by_folding_resolves_the_same_next_time() -> None:
    first = icat_data.get_organization(" u.n.-women ")
    assert icat_data.get_organization(" u.n.-women ") is first
    assert first.id == "un-women"


@pytest.mark.parametrize(
    ("on", "error"),
    [(2019.0, TypeError), (True, TypeError), ([2019], TypeError), (0, ValueError)],
)
def test_the_fast_paths_refuse_what_the_general_ones_refuse(on: object, error: type) -> None:
    icat_data.is_member("UNODC", on=2019)  # a memoized year that 2019.0 would equal
    with pytest.raises(error):
        icat_data.is_member("UNODC", on=on)  # type: ignore[arg-type]
    with pytest.raises(error):
        icat_data.members(on=on)  # type: ignore[arg-type]


def test_an_unhashable_name_is_the_usual_type_error() -> None:
    with pytest.raises(TypeError, match="key must be a str, not list"):
        icat_data.is_member(["UNODC"])  # type: ignore[arg-type]


def test_a_numpy_year_is_a_year() -> None:
    assert icat_data.is_member("ICMPD", on=np.int64(2016))
    assert icat_data.members(on=np.int32(2019)) == icat_data.members(on=2019)


def test_the_memos_stay_bounded_whatever_the_years_asked() -> None:
    data = dataset()
    for year in range(1, _MEMO_LIMIT + 200):
        icat_data.members(on=year)
        icat_data.is_member("UNODC", on=year)
    assert len(data.members_on) <= _MEMO_LIMIT
    assert len(data.member_names_on) <= _MEMO_LIMIT
