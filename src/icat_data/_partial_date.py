"""`PartialDate`: a date known to the year, the month or the day."""

from __future__ import annotations

import datetime
import operator
import re
from collections.abc import Callable
from typing import Any

import attrs

from ._limits import shown
from ._vocabulary import Precision

__all__ = ["ISO_PARTIAL", "PartialDate", "date_pattern", "days_in_month"]

# [0-9], not \d: \d matches every script's digits, and the data files are ASCII ISO text.
# A pattern, not a compiled one: re compiles it on first use and caches it, so importing the
# package does not pay for it.
ISO_PARTIAL = r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?"


def date_pattern(*, partial: bool) -> str:
    """A pattern (for a JSON Schema or a data package) that matches exactly the ISO text the
    loader reads: the years 0001 to 9999, the months 01 to 12 and the days each month has
    (29 February in leap years only); with ``partial``, a year or a month alone too.

    Written for ECMA-262 regular expressions, which JSON Schema specifies, and Python's alike:
    ``(?![\\s\\S])`` ends the text, where Python's ``$`` would also match before a final
    newline.
    """
    year = "(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
    month = "(?:0[1-9]|1[0-2])"
    leap_year = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
    days = [
        f"{year}-{month}-(?:0[1-9]|1[0-9]|2[0-8])",
        f"{year}-(?:0[13-9]|1[0-2])-(?:29|30)",
        f"{year}-(?:0[13578]|1[02])-31",
        f"{leap_year}-02-29",
    ]
    forms = [f"{year}(?:-{month})?", *days] if partial else days
    return f"^(?:{'|'.join(forms)})(?![\\s\\S])"


def days_in_month(year: int, month: int) -> int:
    """The number of days in ``month`` of ``year``."""
    # calendar.monthrange would do, but importing calendar costs a first query ~1 ms (locale).
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _check(instance: PartialDate, _attribute: object, _value: int) -> None:
    for name in ("year", "month", "day"):
        part = getattr(instance, name)
        # type() rather than isinstance(): True is an int to isinstance, and would be year 1.
        if type(part) is not int and (part is not None or name == "year"):
            raise TypeError(f"{name} must be an int, not {type(part).__name__}")
    if not 1 <= instance.year <= 9999:
        raise ValueError(f"year {shown(instance.year)} is outside 1..9999")
    if instance.month is None:
        if instance.day is not None:
            raise ValueError("a day needs a month")
        return
    if not 1 <= instance.month <= 12:
        raise ValueError(f"month {shown(instance.month)} is outside 1..12")
    if instance.day is not None:
        last = days_in_month(instance.year, instance.month)
        if not 1 <= instance.day <= last:
            raise ValueError(
                f"day {shown(instance.day)} is outside 1..{last} "
                f"for {instance.year}-{instance.month:02}"
            )


@attrs.frozen(repr=False, order=False)
class PartialDate:
    """A date known to the year, the month or the day.

    ``str()`` gives ISO text at the known precision ("2019", "2019-05", "2019-05-02");
    [`from_iso()`][icat_data.PartialDate.from_iso] reads it back. Dates sort by time, a
    coarser one first within its period.

    A `PartialDate` compares with a ``datetime.date`` (or a ``datetime``, by its day) with
    ``<``, ``<=``, ``>`` and ``>=`` when every day it can mean gives the same answer:
    ``PartialDate(2006, 9) < date(2020, 1, 1)`` is true. When the answer depends on the day
    meant (``PartialDate(2019) < date(2019, 6, 1)``) the comparison is a ``TypeError``:
    compare [`first_day`][icat_data.PartialDate.first_day] or
    [`last_day`][icat_data.PartialDate.last_day] instead, whichever the question needs. A
    `PartialDate` never equals a ``date``, as a ``date`` never equals a ``datetime``.
    """

    year: int = attrs.field(validator=_check)
    """1 to 9999."""
    month: int | None = None
    """1 to 12, or ``None`` when only the year is known."""
    day: int | None = None
    """Day of the month, or ``None``."""

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Read "YYYY", "YYYY-MM" or "YYYY-MM-DD"; anything else is a ``ValueError``."""
        match = re.fullmatch(ISO_PARTIAL, text)
        if match is None:
            raise ValueError(f"{text!r} is not an ISO date: expected YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None  # the pattern requires it
        return cls(year, month, day)

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        """A day-precision date."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        """How much of the date is known: "year", "month" or "day"."""
        if self.day is not None:
            return "day"
        return "year" if self.month is None else "month"

    @property
    def first_day(self) -> datetime.date:
        """The first day the date can mean."""
        return datetime.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> datetime.date:
        """The last day the date can mean."""
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return datetime.date(self.year, month, days_in_month(self.year, month))

    def _key(self) -> tuple[int, int, int]:
        # A coarser date sorts first within its period: "2019" < "2019-01" < "2019-01-01".
        return (self.year, self.month or 0, self.day or 0)

    def _compare(
        self, other: PartialDate | datetime.date, compare: Callable[[Any, Any], bool], sign: str
    ) -> bool:
        if isinstance(other, PartialDate):
            return compare(self._key(), other._key())
        day = other.date() if isinstance(other, datetime.datetime) else other
        answer = compare(self.first_day, day)
        if answer != compare(self.last_day, day):
            raise TypeError(
                f"PartialDate {self} {sign} {day} depends on which day of {self} is meant: "
                f"compare its .first_day or .last_day"
            )
        return answer

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate | datetime.date):
            return NotImplemented
        return self._compare(other, operator.lt, "<")

    def __le__(self, other: object) -> bool:
        if not isinstance(other, PartialDate | datetime.date):
            return NotImplemented
        return self._compare(other, operator.le, "<=")

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate | datetime.date):
            return NotImplemented
        return self._compare(other, operator.gt, ">")

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, PartialDate | datetime.date):
            return NotImplemented
        return self._compare(other, operator.ge, ">=")

    def __repr__(self) -> str:
        parts = [self.year, self.month, self.day]
        return f"PartialDate({', '.join(str(p) for p in parts if p is not None)})"

    def __str__(self) -> str:
        text = f"{self.year:04}"
        if self.month is not None:
            text += f"-{self.month:02}"
        if self.day is not None:
            text += f"-{self.day:02}"
        return text
