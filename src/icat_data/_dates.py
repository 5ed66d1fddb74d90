"""Reading the dates and years callers pass in (``DateLike``) into `PartialDate`."""

from __future__ import annotations

import datetime
import re
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeAlias, TypeGuard

if TYPE_CHECKING:
    import numbers

from ._limits import MAX_DATE_TEXT, check_length, shown
from ._partial_date import ISO_PARTIAL, PartialDate

__all__ = ["DateLike", "as_int", "as_year", "to_partial_date"]

DateLike: TypeAlias = "datetime.date | datetime.datetime | int | str"

_EXPECTED = (
    "expected a year (2019), ISO text ('2019', '2019-05', '2019-05-02') "
    "or a date as people write it ('2 May 2019', 'May 2019')"
)
# A time of day and a zone, which do not change the day written; only a time that can be one
# (hours to 23, minutes and seconds to 59, a zone within a day). Like ISO_PARTIAL, compiled
# by re on first use, not at import.
_HOURS = r"(?:[01][0-9]|2[0-3])"
_TIME = (
    rf"(?:[T ]{_HOURS}:[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]+)?)?"
    rf"(?: ?(?:Z|[A-Z]{{2,5}}|[+-]{_HOURS}(?::?[0-5][0-9])?))?)?"
)
# A year-first date: never ambiguous.
_YEAR_FIRST_DAY = r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})" + _TIME
_YEAR_FIRST_MONTH = r"([0-9]{4})[-/.]([0-9]{1,2})"
# Dates in digits alone that are not year first are read by dateutil only in these forms,
# the year last and in full ("02/05/2019", "05/2019"): it would expand a short year ("19"),
# and read other punctuation ("2019,05,02", "2019--05") as something else without a word.
_YEAR_LAST = r"[0-9]{1,2}([-/.])(?:[0-9]{1,2}\1)?[0-9]{4}" + _TIME
# A zone offset at the end of free text: dateutil ignores one past a day's length (+99:00).
_OFFSET = r"[+-]([0-9]{2}):?([0-9]{2})$"
# Two defaults that differ in every field: what a parse leaves at the default was not given.
_DEFAULTS = (datetime.datetime(2000, 1, 1), datetime.datetime(2004, 3, 3))


def _is_integer(value: object) -> TypeGuard[numbers.Integral]:
    """Any integer (a NumPy one too) but ``bool`` and NumPy's ``timedelta64``, a duration
    that NumPy registers as an integer."""
    import numbers  # here, not at import: only values that are not a plain int pay for it

    return (
        not isinstance(value, bool)
        and isinstance(value, numbers.Integral)
        and type(value).__name__ != "timedelta64"
    )


def as_int(value: object, name: str) -> int:
    """``value`` as an int: any integer (a NumPy one too) but ``bool``."""
    if type(value) is int:  # the common case
        return value
    if not _is_integer(value):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    return int(value)


def as_year(value: object, name: str = "year") -> int:
    """``value`` as a year within 1..9999: an int (see `as_int()`), or text that is one
    ("2019", as a CSV column or a command line gives it)."""
    if isinstance(value, str):
        text = value.strip()
        if not (text.isascii() and text.isdigit() and len(text) <= 4):
            raise ValueError(f"{name} {shown(value)} is not a year: expected one such as 2019")
        value = int(text)
    year = as_int(value, name)
    if not 1 <= year <= 9999:
        raise ValueError(f"{name} {shown(year)} is outside 1..9999")
    return year


def to_partial_date(value: object, name: str = "date") -> PartialDate:
    """Read a ``DateLike`` into a `PartialDate` at the precision it carries.

    A NumPy ``datetime64`` and a pandas ``Period`` are read too, at their own precision, so
    that a value taken from a frame can be passed as it is in a notebook. Type checkers do
    not see them in ``DateLike``: naming them there would import NumPy's and pandas' types
    into every user's checks (and make ``on`` accept anything where pandas has no types).
    """
    if isinstance(value, datetime.date):
        if value != value:  # pandas' NaT, a datetime subclass that equals nothing
            raise ValueError(f"{name} is NaT, a missing date: {_EXPECTED}")
        if isinstance(value, datetime.datetime):
            value = value.date()
        return PartialDate.from_date(value)
    if isinstance(value, str):
        return _parse_text(value, name)
    if _is_integer(value):
        return PartialDate(as_year(value, name))
    library, class_name = type(value).__module__.partition(".")[0], type(value).__name__
    kind = _FOREIGN.get((library, class_name))
    # The library's own class, not one that takes its names: only it has what is read.
    genuine = getattr(sys.modules.get(library), class_name, None)
    if kind is None or not (isinstance(genuine, type) and isinstance(value, genuine)):
        raise TypeError(
            f"{name} must be a date, datetime, int (a year), str, NumPy datetime64 or pandas "
            f"Period, not {type(value).__name__}"
        )
    return kind(value, name)


def _from_datetime64(value: Any, name: str) -> PartialDate:
    import numpy  # already imported: the value is one of its

    # A datetime64 is a span of its unit ("2019" in years is the year 2019): read it by its
    # first and last day, as a Period is. Its text tells its year and day exactly whatever
    # the unit, where NumPy's arithmetic near the ends of a fine unit's range overflows (or,
    # on NumPy 1, wraps round without a word).
    if numpy.isnat(value):
        raise ValueError(f"{name} is NaT, a missing date: {_EXPECTED}")
    try:
        text = str(value)
    except OverflowError:  # a count of units past what NumPy itself can show
        raise ValueError(f"{name} is a datetime64 outside the years 1..9999") from None
    if not re.match(r"[0-9]{4}(?:[-T]|$)", text) or text.startswith("0000"):
        raise ValueError(f"{name} {value!r} is outside the years 1..9999")
    unit, count = numpy.datetime_data(value.dtype)

    def plus(n: int) -> Any:
        return value + numpy.array(n).astype(f"timedelta64[{unit}]")

    try:
        if unit in ("Y", "M", "W", "D"):  # it ends the day before its next step begins
            first = value.astype("datetime64[D]").item()
            last = (plus(count).astype("datetime64[D]") - numpy.timedelta64(1, "D")).item()
        else:  # a unit within a day: the span ends count - 1 units on
            first = last = datetime.date.fromisoformat(text[:10])
            if count > 1:
                last = datetime.date.fromisoformat(str(plus(count - 1))[:10])
    except (OverflowError, ValueError):
        last = None
    if not isinstance(last, datetime.date) or last < first:
        raise ValueError(f"{name} {value!r} runs past what its unit can hold")
    return _from_span(first, last, value, name)


def _from_period(value: Any, name: str) -> PartialDate:
    # Its days, not start_time and end_time: those are Timestamps, which end in 2262.
    first, last = (value.asfreq("D", how) for how in ("start", "end"))
    try:
        start, end = (datetime.date(day.year, day.month, day.day) for day in (first, last))
    except ValueError:
        raise ValueError(f"{name} {value!r} is outside the years 1..9999") from None
    return _from_span(start, end, value, name)


def _from_span(start: datetime.date, end: datetime.date, value: object, name: str) -> PartialDate:
    # A span is read at the precision whose period it is exactly, and a span within one day
    # (an hour, an instant) as that day, as a datetime is; a quarter, a week or a fiscal year
    # is no year, month or day, and is refused rather than rounded.
    for date in (PartialDate(start.year), PartialDate(start.year, start.month)):
        if (date.first_day, date.last_day) == (start, end):
            return date
    if start != end:
        raise ValueError(
            f"{name} {value!r} spans {start} to {end}, which is no single year, month or "
            "day: pass the year, month or day meant"
        )
    return PartialDate.from_date(start)


# Values of optional libraries, told apart by module and class name so that neither is imported.
_FOREIGN: dict[tuple[str, str], Callable[[Any, str], PartialDate]] = {
    ("numpy", "datetime64"): _from_datetime64,
    ("pandas", "Period"): _from_period,
}


def _parse_text(text: str, name: str) -> PartialDate:
    # Unicode spaces (a no-break space pasted from a web page) are spaces; anything else that
    # is not printable ASCII (a NUL, other scripts' digits) is no date this package can read.
    words = " ".join(check_length(text, name, MAX_DATE_TEXT).split())
    if not (words.isascii() and words.isprintable()) or words[:1] in ("-", "+"):
        raise ValueError(f"could not read {name} {shown(text)}: {_EXPECTED}")
    if words.isdigit():  # a year, read as everywhere a year is taken ("02019" is none)
        if len(words) > 4:  # "20190502" too: compact dates are not read
            raise ValueError(f"could not read {name} {shown(text)}: {_EXPECTED}")
        return PartialDate(as_year(words, name))
    if re.fullmatch(ISO_PARTIAL, words):
        return _valid(text, name, lambda: PartialDate.from_iso(words))
    day = re.fullmatch(_YEAR_FIRST_DAY, words)
    if day is not None:  # year first, then month and day: never ambiguous
        year, month, day_of_month = (int(part) for part in day.groups())
        return _valid(text, name, lambda: PartialDate(year, month, day_of_month))
    month_only = re.fullmatch(_YEAR_FIRST_MONTH, words)
    if month_only is not None:
        year, month = (int(part) for part in month_only.groups())
        return _valid(text, name, lambda: PartialDate(year, month))
    if not re.search("[A-Za-z]", words) and not re.fullmatch(_YEAR_LAST, words):
        raise ValueError(f"could not read {name} {shown(text)}: {_EXPECTED}")
    return _parse_free_text(words, text, name)


def _valid(text: str, name: str, make: Callable[[], PartialDate]) -> PartialDate:
    try:
        return make()
    except ValueError as error:
        raise ValueError(f"{name} {shown(text)} is not a valid date: {error}") from None


def _parse_free_text(words: str, text: str, name: str) -> PartialDate:
    # dateutil ignores a zone offset of a day or more ("+99:00") where it ignores every zone.
    offset = re.search(_OFFSET, words)
    if offset is not None and (int(offset[1]) > 23 or int(offset[2]) > 59):
        raise ValueError(f"could not read {name} {shown(text)}: {_EXPECTED}")
    # dateutil costs a few milliseconds to import; only text that is not ISO pays for it.
    from dateutil import parser

    try:
        # ignoretz: a zone never changes which day was written, and an unknown zone name would
        # otherwise be an UnknownTimezoneWarning (an error under -W error).
        readings = [
            parser.parse(words, default=default, dayfirst=dayfirst, ignoretz=True)
            for default in _DEFAULTS
            for dayfirst in (False, True)
        ]
    except (ValueError, OverflowError) as error:
        # dateutil read a day and a month but they do not make a date ("30 Feb 2019"): say
        # so, as ISO text's check does, rather than that nothing could be read. The cause is
        # datetime's own error, whose words differ between Python versions; each names the day.
        if isinstance(error.__cause__, ValueError) and "day" in str(error.__cause__):
            raise ValueError(
                f"{name} {shown(text)} is not a valid date: its month has no such day"
            ) from None
        raise ValueError(f"could not read {name} {shown(text)}: {_EXPECTED}") from None
    if readings[0] != readings[1]:
        raise ValueError(
            f"{name} {shown(text)} is ambiguous (day first or month first?): "
            "write it as ISO text, e.g. '2019-05-02', or with the month in words"
        )
    first, second = readings[0], readings[2]
    if first.year != second.year:
        raise ValueError(f"{name} {shown(text)} has no year: {_EXPECTED}")
    # The year as written in full, without a sign: dateutil expands "19" and "0" to a year
    # of this century, and drops the sign of "-5" and "-2019".
    if not re.search(rf"(?<![0-9]){first.year:04}(?![0-9])", words) or re.search(
        rf"(?:^|\s)[-+]\s*{first.year:04}(?![0-9])", words
    ):
        raise ValueError(f"could not read {name} {shown(text)}: {_EXPECTED}")
    month = first.month if first.month == second.month else None
    day = first.day if first.day == second.day else None
    if month is None and day is not None:
        raise ValueError(f"{name} {shown(text)} has a day but no month: {_EXPECTED}")
    _check_weekday(words, text, name, first if day is not None else None, parser.parserinfo())
    return PartialDate(first.year, month, day)


def _check_weekday(
    words: str, text: str, name: str, day: datetime.datetime | None, info: Any
) -> None:
    # dateutil moves a date without a day to the next such weekday after its default, and
    # ignores a weekday beside a day: either way "Tuesday 2019" would silently mean 2019.
    for word in re.findall(r"[A-Za-z]+", words):
        weekday = info.weekday(word)
        if weekday is None:
            continue
        if day is None:
            raise ValueError(f"{name} {shown(text)} names a weekday but no day: {_EXPECTED}")
        if day.weekday() != weekday:
            raise ValueError(f"{name} {shown(text)} says {word}, but {day.date()} was a {day:%A}")
