"""Reading the dates callers pass: ``DateLike`` into a partial date."""

from __future__ import annotations

import datetime

import numpy as np
import pytest

from icat_data._dates import as_year, to_partial_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2019, "2019"),
        (np.int64(2019), "2019"),
        (datetime.date(2019, 5, 2), "2019-05-02"),
        (datetime.datetime(2019, 5, 2, 23, 59), "2019-05-02"),
        ("2019", "2019"),
        ("2019-05", "2019-05"),
        (" 2019-05-02 ", "2019-05-02"),
        ("2 May 2019", "2019-05-02"),
        ("May 2, 2019", "2019-05-02"),
        ("May 2019", "2019-05"),
        ("september 2006", "2006-09"),
        ("2019-05-02T10:30", "2019-05-02"),
    ],
)
def test_reads_every_date_like(value: object, expected: str) -> None:
    assert str(to_partial_date(value)) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("01/02/2019", "ambiguous"),
        ("May", "no year"),
        ("someday", "could not read"),
        ("2019-02-30", "not a valid date"),
        ("", "could not read"),
        (0, "outside 1..9999"),
        (10000, "outside 1..9999"),
    ],
)
def test_unreadable_dates_say_what_was_expected(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        to_partial_date(value)


@pytest.mark.parametrize("value", [True, 2019.0, None, b"2019", [2019]])
def test_other_types_are_type_errors(value: object) -> None:
    with pytest.raises(TypeError, match="must be"):
        to_partial_date(value)


def test_a_bool_is_not_a_year_but_a_numpy_integer_is() -> None:
    with pytest.raises(TypeError):
        as_year(False)
    assert as_year(np.int32(2022)) == 2022
