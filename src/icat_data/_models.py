"""The record classes: frozen, slotted, hashable attrs classes compared by value.

Records hold only tuples, frozensets and read-only mappings, so nothing a caller does to a
record can change what any other caller sees.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Final, Literal, TypeVar

import attrs

from ._limits import shown

__all__ = [
    "BRIEF_KINDS",
    "EVENT_KINDS",
    "ORGANIZATION_KINDS",
    "ROLES",
    "Brief",
    "ChairTerm",
    "Coverage",
    "Disagreement",
    "Event",
    "FormerName",
    "FrozenMap",
    "Manifest",
    "Membership",
    "Organization",
    "PartialDate",
    "ReportedCount",
    "Source",
]

Precision = Literal["year", "month", "day"]
_K = TypeVar("_K")
_V = TypeVar("_V")

#: Roles an organization can hold in ICAT.
ROLES: Final = frozenset({"member", "partner", "coordinator", "working_group"})
#: Kinds of organization, in the sense of their place in (or outside) the UN system.
ORGANIZATION_KINDS: Final = frozenset(
    {
        "un_entity",
        "specialized_agency",
        "related_organization",
        "regional_organization",
        "international_organization",
        "mandate_holder",
    }
)
#: Kinds of publication.
BRIEF_KINDS: Final = frozenset(
    {
        "issue_brief",
        "policy_paper",
        "report",
        "toolkit",
        "statement",
        "factsheet",
        "submission",
    }
)
#: Kinds of event in the timeline.
EVENT_KINDS: Final = frozenset(
    {
        "meeting",
        "resolution",
        "statement",
        "publication",
        "membership",
        "briefing",
        "chair",
        "milestone",
    }
)

# [0-9], not \d: \d matches every script's digits, and the data files are ASCII ISO text.
# A pattern, not a compiled one: re compiles it on first use and caches it, so importing the
# package does not pay for it.
ISO_PARTIAL = r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?"


def _one_of(allowed: frozenset[str]) -> Callable[[object, attrs.Attribute[str], str], None]:
    # Fields using this also carry the vocabulary as metadata ("vocabulary"), from which
    # the JSON Schema of the data files is generated.
    def check(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
        if value not in allowed:
            raise ValueError(
                f"{attribute.name} {value!r} is not one of: {', '.join(sorted(allowed))}"
            )

    return check


def _days_in_month(year: int, month: int) -> int:
    # calendar.monthrange would do, but importing calendar costs a first query ~1 ms (locale).
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class _Record:
    """What every record shares: a one-line repr, an HTML table for Jupyter, and ordering.

    A record's repr names only what identifies it (see ``_identity``), so that a tuple of
    records stays readable; the full record is in its fields. Records with a ``_sort_key``
    sort with ``sorted()``, ``min()`` and ``max()``. Records are equal when they are of one
    class and their fields are equal, and hash alike then.

    Subclasses are ``attrs.frozen(repr=False, eq=False, order=False)``: attrs generates none
    of these methods over the ones here, and each record class defined at import is about
    40% cheaper to define (every ``import icat_data`` pays for the definitions).
    """

    __slots__ = ()

    def _values(self) -> tuple[object, ...]:
        return tuple([getattr(self, field.name) for field in self.__attrs_attrs__])  # type: ignore[attr-defined]

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash((type(self).__name__, self._values()))

    def _identity(self) -> tuple[tuple[str, object], ...]:
        raise NotImplementedError

    def _sort_key(self) -> tuple[Any, ...]:
        raise TypeError(f"{type(self).__name__} records have no natural order")

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={_brief(value)}" for name, value in self._identity())
        return f"{type(self).__name__}({shown})"

    def _details(self) -> tuple[tuple[str, object], ...]:
        # What a table shows: what identifies the record, and what a line had no room for.
        return self._identity()

    def _repr_html_(self) -> str:
        from html import escape

        cells = "".join(
            f"<tr><th style='text-align:left'>{escape(name)}</th>"
            f"<td style='text-align:left'>{escape(_plain(value))}</td></tr>"
            for name, value in self._details()
        )
        return f"<table><caption>{type(self).__name__}</caption>{cells}</table>"

    def __lt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self._sort_key() < other._sort_key())

    def __le__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self._sort_key() <= other._sort_key())

    def __gt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self._sort_key() > other._sort_key())

    def __ge__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return bool(self._sort_key() >= other._sort_key())


def year_ranges(years: Iterable[int]) -> str:
    """Sorted years as runs: "2012, 2018-2019, 2021-2025"."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def _brief(value: object, width: int = 60) -> str:
    """``repr(value)``, with text cut to ``width`` characters and dates as ISO text."""
    if isinstance(value, PartialDate | datetime.date):
        return repr(str(value))
    if isinstance(value, str) and len(value) > width:
        return repr(value[: width - 3] + "...")
    return repr(value)


def _plain(value: object) -> str:
    """``value`` as a person reads it in a table cell: text as it is, nothing for ``None``."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    return str(value)


def _none_first(value: int | None) -> int:
    # A coarser date sorts first within its period: "2019" < "2019-01" < "2019-01-01".
    return 0 if value is None else value


def _check_partial_date(instance: PartialDate, _attribute: object, _value: int) -> None:
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
        last = _days_in_month(instance.year, instance.month)
        if not 1 <= instance.day <= last:
            raise ValueError(
                f"day {shown(instance.day)} is outside 1..{last} "
                f"for {instance.year}-{instance.month:02}"
            )


@attrs.frozen(order=True, repr=False)
class PartialDate:
    """A date known to the year, the month or the day.

    ``str()`` gives ISO text at the known precision ("2019", "2019-05", "2019-05-02");
    [`from_iso()`][icat_data.PartialDate.from_iso] reads it back. Dates sort by time, a
    coarser one first within its period.
    """

    year: int = attrs.field(validator=_check_partial_date)
    month: int | None = attrs.field(default=None, order=_none_first)
    day: int | None = attrs.field(default=None, order=_none_first)

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
        return datetime.date(self.year, month, _days_in_month(self.year, month))

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


@attrs.frozen(repr=False, eq=False, order=False)
class Source(_Record):
    """A public document a fact was read from."""

    id: str
    url: str
    title: str
    publisher: str
    published: PartialDate | None
    accessed: datetime.date

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (("id", self.id), ("publisher", self.publisher), ("published", self.published))

    def _details(self) -> tuple[tuple[str, object], ...]:
        return (*self._identity(), ("title", self.title), ("url", self.url))


@attrs.frozen(repr=False, eq=False, order=False)
class FormerName(_Record):
    """A name an organization used until ``until`` (the first day it no longer applied)."""

    name: str
    acronym: str | None
    until: PartialDate

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (("acronym", self.acronym), ("name", self.name), ("until", self.until))


def _check_interval(instance: Membership, _attribute: object, _value: PartialDate) -> None:
    if instance.end is not None and instance.end.last_day < instance.start.first_day:
        raise ValueError(f"end {instance.end} is before start {instance.start}")


@attrs.frozen(repr=False, eq=False, order=False)
class Membership(_Record):
    """One role an organization held in ICAT over one interval.

    The interval is closed at ``start`` and open at ``end`` (``None``: no end is recorded).
    A start or end known only to the year or month covers that whole period. When
    ``start_attested_only`` is true, ``start`` is the earliest date a source attests the role,
    not the day it began.
    """

    role: str = attrs.field(validator=_one_of(ROLES), metadata={"vocabulary": ROLES})
    start: PartialDate = attrs.field(validator=_check_interval)
    end: PartialDate | None
    start_attested_only: bool
    sources: tuple[Source, ...]
    note: str | None = None

    def overlaps(self, first: datetime.date, last: datetime.date) -> bool:
        """Whether the role held on any day from ``first`` to ``last`` (inclusive)."""
        if self.start.first_day > last:
            return False
        if self.end is None:
            return True
        # A day-precision end is the first day without the role; a coarser one keeps the
        # whole year or month inside.
        if self.end.precision == "day":
            return self.end.first_day > first
        return self.end.last_day >= first

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (
            ("role", self.role),
            ("start", self.start),
            ("end", self.end),
            ("start_attested_only", self.start_attested_only),
        )

    def _sort_key(self) -> tuple[Any, ...]:
        return (self.start, self.role)


@attrs.frozen(repr=False, eq=False, order=False)
class Organization(_Record):
    """An organization that has been part of ICAT, with its dated roles and former names."""

    id: str
    acronym: str
    name: str
    kind: str = attrs.field(
        validator=_one_of(ORGANIZATION_KINDS), metadata={"vocabulary": ORGANIZATION_KINDS}
    )
    website: str | None
    former_names: tuple[FormerName, ...]
    aliases: tuple[str, ...]
    memberships: tuple[Membership, ...]
    sources: tuple[Source, ...]
    #: id of the organization that took this one over, where it ceased to exist.
    successor: str | None = None
    note: str | None = None

    def holds(self, role: str, first: datetime.date, last: datetime.date) -> bool:
        """Whether the organization held ``role`` on any day from ``first`` to ``last``."""
        return any(m.role == role and m.overlaps(first, last) for m in self.memberships)

    def names(self) -> Iterator[str]:
        """Every name it is known by: acronym, name, former names, aliases and id."""
        yield self.acronym
        yield self.name
        for former in self.former_names:
            if former.acronym is not None:
                yield former.acronym
            yield former.name
        yield from self.aliases
        yield self.id

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (("id", self.id), ("acronym", self.acronym), ("name", self.name))

    def _sort_key(self) -> tuple[Any, ...]:
        return (self.acronym.casefold(), self.id)


def _check_chairs(_instance: object, _attribute: object, chairs: tuple[str, ...]) -> None:
    # chairs_for promises a non-empty answer: a year without a known chair has no term at all.
    if not chairs:
        raise ValueError("chairs is empty; a term names at least one chair")
    if len(set(chairs)) != len(chairs):
        raise ValueError(f"chairs repeats an id: {', '.join(chairs)}")


@attrs.frozen(repr=False, eq=False, order=False)
class ChairTerm(_Record):
    """The organizations that chaired (or co-chaired) ICAT in ``year``, by id."""

    year: int
    chairs: tuple[str, ...] = attrs.field(validator=_check_chairs)
    sources: tuple[Source, ...]
    note: str | None = None

    def _identity(self) -> tuple[tuple[str, object], ...]:
        # The chairs as people name them: the packaged data's acronyms for these ids (loading
        # it if no query has yet, so that a term prints the same whenever it is printed). An
        # id the data lacks stays an id, and so does every id if the data fails to load: a
        # repr never raises.
        from ._load import dataset
        from .errors import IcatDataError

        try:
            by_id = dataset().by_id
        except IcatDataError:
            by_id = {}
        acronyms = tuple(by_id[c].acronym if c in by_id else c for c in self.chairs)
        return (("year", self.year), ("chairs", acronyms))

    def _sort_key(self) -> tuple[Any, ...]:
        return (self.year,)


def _check_number(instance: Brief, _attribute: object, number: int | None) -> None:
    # get_brief(n) answers with the issue brief numbered n: only issue briefs carry numbers.
    if number is None:
        return
    if number < 1:
        raise ValueError(f"number {shown(number)} is not a positive brief number")
    if instance.kind != "issue_brief":
        raise ValueError(f"number is set on a {instance.kind}; only issue briefs are numbered")


@attrs.frozen(repr=False, eq=False, order=False)
class Brief(_Record):
    """An ICAT publication: a numbered issue brief or another paper, report or statement."""

    id: str
    kind: str = attrs.field(validator=_one_of(BRIEF_KINDS), metadata={"vocabulary": BRIEF_KINDS})
    number: int | None = attrs.field(validator=_check_number)
    title: str
    published: PartialDate | None
    topics: tuple[str, ...]
    url: str | None
    sources: tuple[Source, ...]
    note: str | None = None

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (
            ("id", self.id),
            ("number", self.number),
            ("published", self.published),
            ("title", self.title),
        )

    def _sort_key(self) -> tuple[Any, ...]:
        # Undated publications last, as briefs() orders them.
        published = self.published.first_day if self.published else datetime.date.max
        return (published, self.number or 0, self.id)


def _check_event_span(instance: Event, _attribute: object, _value: PartialDate) -> None:
    if instance.end_date is not None and instance.end_date.last_day < instance.date.first_day:
        raise ValueError(f"end_date {instance.end_date} is before date {instance.date}")


@attrs.frozen(repr=False, eq=False, order=False)
class Event(_Record):
    """A dated event in ICAT's history; ``end_date`` is set for events spanning several days."""

    id: str
    date: PartialDate = attrs.field(validator=_check_event_span)
    end_date: PartialDate | None
    title: str
    kind: str = attrs.field(validator=_one_of(EVENT_KINDS), metadata={"vocabulary": EVENT_KINDS})
    location: str | None
    organizations: tuple[str, ...]
    sources: tuple[Source, ...]
    note: str | None = None

    @property
    def last_day(self) -> datetime.date:
        """The last day the event can have run."""
        return (self.end_date or self.date).last_day

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (("id", self.id), ("date", self.date), ("kind", self.kind), ("title", self.title))

    def _sort_key(self) -> tuple[Any, ...]:
        return (self.date, self.last_day, self.id)


def _not_negative(
    _instance: object, attribute: attrs.Attribute[int | None], value: int | None
) -> None:
    if value is not None and value < 0:
        raise ValueError(f"{attribute.name} {shown(value)} is negative; a count is 0 or more")


@attrs.frozen(repr=False, eq=False, order=False)
class ReportedCount(_Record):
    """How many members, partners or entities in all a source said ICAT had at a date."""

    date: PartialDate
    members: int | None = attrs.field(validator=_not_negative)
    partners: int | None = attrs.field(validator=_not_negative)
    total: int | None = attrs.field(validator=_not_negative)
    sources: tuple[Source, ...]
    note: str | None = None

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (
            ("date", self.date),
            ("members", self.members),
            ("partners", self.partners),
            ("total", self.total),
        )

    def _sort_key(self) -> tuple[Any, ...]:
        return (self.date,)


@attrs.frozen(repr=False, eq=False, order=False)
class Disagreement(_Record):
    """Sources that disagree about one fact: what each says and what the data records.

    ``records`` names the records concerned as ``"entity:id"`` (``"briefs:issue-brief-08"``,
    ``"chairs:2025"``), with the entity names of [`to_records()`][icat_data.to_records].
    """

    topic: str
    records: tuple[str, ...]
    accounts: tuple[str, ...]
    recorded: str
    sources: tuple[Source, ...]

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (("topic", self.topic), ("records", ", ".join(self.records)))


@attrs.frozen(repr=False, eq=False, order=False)
class Coverage(_Record):
    """What the data covers, and where it is known to fall short."""

    chair_years: tuple[int, ...]
    as_of: datetime.date
    gaps: tuple[str, ...]
    reported_counts: tuple[ReportedCount, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (
            ("as_of", self.as_of),
            ("chair_years", year_ranges(self.chair_years)),
            ("len(gaps)", len(self.gaps)),
            ("len(reported_counts)", len(self.reported_counts)),
            ("len(disagreements)", len(self.disagreements)),
        )


class FrozenMap(Mapping[_K, _V]):
    """A read-only, hashable mapping (``types.MappingProxyType`` is not hashable)."""

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[_K, _V]) -> None:
        self._items = dict(items)

    def __getitem__(self, key: _K) -> _V:
        return self._items[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self._items) == dict(other)

    def __repr__(self) -> str:
        return f"FrozenMap({self._items!r})"

    def __reduce__(self) -> tuple[object, ...]:
        # Slots without __getstate__ defeat pickle protocols 0 and 1; rebuild from the items.
        return (type(self), (self._items,))


@attrs.frozen(repr=False, eq=False, order=False)
class Manifest(_Record):
    """The data edition, the SHA-256 of every packaged data file and the record counts.

    ``digest`` names the edition's content in one value: the SHA-256 of the lines
    ``"<sha256>  <file>"`` for every data file, sorted by file name (what ``sha256sum`` prints).
    The loader computes every hash from the bytes it read, and refuses data whose hashes or
    counts differ from ``manifest.json``.
    """

    data_version: str
    files: Mapping[str, str]
    counts: Mapping[str, int]
    digest: str

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (
            ("data_version", self.data_version),
            ("digest", self.digest[:12] + "..."),
            ("counts", dict(self.counts)),
        )
