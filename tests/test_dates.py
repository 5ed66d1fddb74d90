"""Reading the dates callers pass: ``DateLike`` into a partial date."""

from __future__ import annotations

import datetime
import re

import numpy as np
import pandas as pd
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
        ("201", "0201"),
        ("19", "0019"),
        # Values taken from a frame, as they are: each at its own precision.
        (pd.Timestamp("2019-05-02 10:30"), "2019-05-02"),
        (np.datetime64("2019"), "2019"),
        (np.datetime64("2019-05"), "2019-05"),
        (np.datetime64("2019-05-02"), "2019-05-02"),
        (np.datetime64("2019-05-02T23:59:59.999"), "2019-05-02"),
        (pd.Period("2019", "Y"), "2019"),
        (pd.Period("2019-05", "M"), "2019-05"),
        (pd.Period("2019-05-02", "D"), "2019-05-02"),
        (pd.Period("2019-05-02 10:00", "h"), "2019-05-02"),
        # A span is read at the precision whose period it is exactly, from either library.
        (pd.Period("2019-01", "12M"), "2019"),
        (np.datetime64("2019-01", ("M", 12)), "2019"),
        (np.datetime64("9999-12-31"), "9999-12-31"),
        (np.datetime64("9999"), "9999"),
        # At the ends of pandas' nanosecond range, where NumPy arithmetic overflows or wraps.
        (pd.Timestamp.min.to_datetime64(), "1677-09-21"),
        (pd.Timestamp.max.to_datetime64(), "2262-04-11"),
        # Periods beyond it: pandas 1's Timestamps end in 2262.
        (pd.Period("9999-12-31", "D"), "9999-12-31"),
        (pd.Period("1600", freq=pd.offsets.YearEnd()), "1600"),
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
        # The same check as ISO text gets, not "could not read".
        ("30 Feb 2019", "not a valid date: its month has no such day"),
        ("Feb 30 2019", "not a valid date: its month has no such day"),
        # A missing value says it is one, not "year nan".
        (pd.NaT, "NaT, a missing date"),
        (np.datetime64("NaT", "D"), "NaT, a missing date"),
        # Spans that are no single year, month or day are not rounded to one.
        (pd.Period("2019Q2"), "spans 2019-04-01 to 2019-06-30, which is no single year"),
        (pd.Period("2019", freq=pd.offsets.YearEnd(month=6)), "spans 2018-07-01 to 2019-06-30"),
        (np.datetime64("2019-05-02", "W"), "which is no single year, month or day"),
        (np.datetime64("2010", ("Y", 10)), "which is no single year, month or day"),
        (np.datetime64("2019-05-02T00", ("h", 48)), "spans 2019-05-02 to 2019-05-03"),
        (np.datetime64("-0001-01-01"), "outside the years 1..9999"),
        (np.datetime64("10000-01-01"), "outside the years 1..9999"),
        # Digits alone are a year, by the rule chairs_for() and briefs(year=) follow; more
        # than four are no year, and no compact date either.
        ("0", "outside 1..9999"),
        ("02019", "could not read"),
        ("20190502", "could not read"),
    ],
)
def test_unreadable_dates_say_what_was_expected(value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        to_partial_date(value)


# Text that dateutil reads as some date, silently: a short year it expands ("19", "0"), a
# sign it drops, punctuation it reads as something else, a time or zone that cannot be.
MISREAD = [
    "19-05-02",
    "19 May 02",
    "2 May 19",
    "May 2 19",
    "2 May 0",
    "Jan 1 1",
    "2 May -5",
    "2 May -2019",
    "2019,05,02",
    "2019--05",
    "2019-05-02T25:00",
    "2019-05-02T10:61",
    "2019-05-02T10:00:61",
    "2019-05-02 99:99",
    "2019-05-02T10:00+99:00",
    "2 May 2019 10:00 +9900",
    "99:99",
]


@pytest.mark.parametrize("text", MISREAD)
def test_text_that_would_be_misread_is_refused(text: str) -> None:
    expected = f"could not read date {text!r}: expected a year (2019), ISO text"
    with pytest.raises(ValueError, match=re.escape(expected)):
        to_partial_date(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019/05", "2019-05"),
        ("2019.05", "2019-05"),  # dateutil read this as the year 2019
        ("2019-5", "2019-05"),
        ("05/2019", "2019-05"),
        ("May-2019", "2019-05"),
        ("25/12/2019", "2019-12-25"),
        ("2019/5/2", "2019-05-02"),
        ("2 May 2019 10:00 +0200", "2019-05-02"),
        ("2019-05-02T23:59:59+14:00", "2019-05-02"),
        ("2019-05-02 10:00 UTC", "2019-05-02"),
    ],
)
def test_dates_written_in_full_are_still_read(text: str, expected: str) -> None:
    assert str(to_partial_date(text)) == expected


@pytest.mark.parametrize(
    "value", [True, 2019.0, None, b"2019", [2019], np.timedelta64(1, "D"), pd.Timedelta(days=1)]
)
def test_other_types_are_type_errors(value: object) -> None:
    with pytest.raises(TypeError, match="must be"):
        to_partial_date(value)


def _posing_as(module: str, name: str) -> object:
    # A class that takes a library's names without being its class.
    impostor = type(name, (), {"__module__": module})
    return impostor()


@pytest.mark.parametrize(
    ("module", "name"),
    [("pandas._libs.tslibs.period", "Period"), ("pandas", "Period"), ("numpy", "datetime64")],
)
def test_an_object_posing_as_a_library_date_is_a_type_error(module: str, name: str) -> None:
    with pytest.raises(TypeError, match=f"must be a date.*not {name}"):
        to_partial_date(_posing_as(module, name))


def test_a_bool_is_not_a_year_but_a_numpy_integer_is() -> None:
    with pytest.raises(TypeError):
        as_year(False)
    assert as_year(np.int32(2022)) == 2022


def test_a_frame_value_asks_what_its_text_asks() -> None:
    import icat_data

    assert icat_data.members(on=np.datetime64("2011-03")) == icat_data.members(on="2011-03")
    assert icat_data.is_member("UNODC", on=pd.Period("2011", "Y"))
    assert icat_data.events(pd.Period("2019-12", "M"), np.datetime64("2019-12-31")) == (
        icat_data.events("2019-12", "2019-12-31")
    )


def test_a_duration_is_no_year() -> None:
    # NumPy registers timedelta64 as an integer; it is a duration all the same.
    with pytest.raises(TypeError, match="year must be an int, not timedelta64"):
        as_year(np.timedelta64(2019, "D"))
