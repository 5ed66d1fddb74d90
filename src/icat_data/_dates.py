"""Reading the dates and years callers pass in (``DateLike``) into :class:`PartialDate`."""

from __future__ import annotations

import datetime
import numbers
from typing import TypeAlias

from ._models import PartialDate

__all__ = ["DateLike", "as_int", "as_year", "to_partial_date"]

DateLike: TypeAlias = "datetime.date | datetime.datetime | int | str"

_EXPECTED = (
    "expected a year (2019), ISO text ('2019', '2019-05', '2019-05-02') "
    "or a date as people write it ('2 May 2019', 'May 2019')"
)
# Two defaults that differ in every field: what a parse leaves at the default was not given.
_DEFAULTS = (datetime.datetime(2000, 1, 1), datetime.datetime(2004, 3, 3))


def as_int(value: object, name: str) -> int:
    """``value`` as an int: any integer (a NumPy one too) but ``bool``."""
    if type(value) is int:  # the common case
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    return int(value)


def as_year(value: object, name: str = "year") -> int:
    """``value`` as a year: an int (see :func:`as_int`) within 1..9999."""
    year = as_int(value, name)
    if not 1 <= year <= 9999:
        raise ValueError(f"{name} {year} is outside 1..9999")
    return year


def to_partial_date(value: object, name: str = "date") -> PartialDate:
    """Read a ``DateLike`` into a :class:`PartialDate` at the precision it carries."""
    if isinstance(value, datetime.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, datetime.date):
        return PartialDate.from_date(value)
    if isinstance(value, str):
        return _parse_text(value, name)
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(
            f"{name} must be a date, datetime, int (a year) or str, not {type(value).__name__}"
        )
    return PartialDate(as_year(value, name))


def _parse_text(text: str, name: str) -> PartialDate:
    stripped = text.strip()
    if stripped[:4].isdigit() and set(stripped) <= set("0123456789-"):
        try:
            return PartialDate.from_iso(stripped)
        except ValueError as error:
            raise ValueError(f"{name} {text!r} is not a valid date: {error}") from None
    return _parse_free_text(text, name)


def _parse_free_text(text: str, name: str) -> PartialDate:
    try:  # an ISO date-time: dateutil would read it day-first too, and call it ambiguous
        return PartialDate.from_date(datetime.datetime.fromisoformat(text.strip()))
    except ValueError:
        pass
    # dateutil costs a few milliseconds to import; only text that is not ISO pays for it.
    from dateutil import parser

    try:
        readings = [
            parser.parse(text, default=default, dayfirst=dayfirst)
            for default in _DEFAULTS
            for dayfirst in (False, True)
        ]
    except (ValueError, OverflowError):
        raise ValueError(f"could not read {name} {text!r}: {_EXPECTED}") from None
    if readings[0] != readings[1]:
        raise ValueError(
            f"{name} {text!r} is ambiguous (day first or month first?): "
            "write it as ISO text, e.g. '2019-05-02', or with the month in words"
        )
    first, second = readings[0], readings[2]
    if first.year != second.year:
        raise ValueError(f"{name} {text!r} has no year: {_EXPECTED}")
    month = first.month if first.month == second.month else None
    day = first.day if first.day == second.day else None
    if month is None and day is not None:
        raise ValueError(f"{name} {text!r} has a day but no month: {_EXPECTED}")
    return PartialDate(first.year, month, day)
