"""The record classes: frozen, slotted, hashable attrs classes compared by value.

Records hold only tuples, frozensets and read-only mappings, so nothing a caller does to a
record can change what any other caller sees. Each field's docstring is its one description:
the API reference shows it, and ``tools/data_dictionary.py`` writes the data dictionary from it.

`PartialDate` (``_partial_date``), `FrozenMap` (``_frozen``) and the vocabularies
(``_vocabulary``) live in modules of their own; they are imported here too, for the modules
that take every record type from this one.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import attrs

from ._dates import DateLike, to_partial_date
from ._frozen import FrozenMap
from ._limits import shown
from ._partial_date import ISO_PARTIAL, PartialDate
from ._vocabulary import (
    BRIEF_KINDS,
    EVENT_KINDS,
    ORGANIZATION_KINDS,
    ROLES,
    BriefKind,
    EventKind,
    OrganizationKind,
    Precision,
    Role,
)
from .errors import OutOfCoverageError

__all__ = [
    "BRIEF_KINDS",
    "EVENT_KINDS",
    "ISO_PARTIAL",
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
    "OrganizationYear",
    "PartialDate",
    "Precision",
    "ReportedCount",
    "Source",
    "record_id",
    "year_ranges",
]


def _one_of(allowed: frozenset[str]) -> Callable[[object, attrs.Attribute[str], str], None]:
    # For callers who build records without a type checker: the Literal type says the same
    # to those with one.
    def check(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
        if value not in allowed:
            raise ValueError(
                f"{attribute.name} {value!r} is not one of: {', '.join(sorted(allowed))}"
            )

    return check


class _Record:
    """What every record shares: a one-line repr, an HTML table for Jupyter, ordering and a
    JSON-ready dict.

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

    def to_dict(self) -> dict[str, Any]:
        """The record as a JSON-ready dict, the shape of a [`to_records()`][icat_data.to_records]
        row: every field by name, dates as ISO text at their precision, sources as their ids,
        tuples as lists and records inside it as dicts of their own.

        ``json.dumps(record.to_dict())`` works for every record, where
        ``json.dumps(attrs.asdict(record))`` fails on its dates.
        """
        return {
            field.name: _json_ready(getattr(self, field.name))
            for field in self.__attrs_attrs__  # type: ignore[attr-defined]
        }

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


def record_id(record: object) -> str:
    """What names a record within its entity, as text: its ``id``; a chair term's year, a
    reported count's date and a disagreement's topic (the records without an ``id``)."""
    if isinstance(record, ChairTerm):
        return str(record.year)
    if isinstance(record, ReportedCount):
        return str(record.date)
    if isinstance(record, Disagreement):
        return record.topic
    return str(getattr(record, "id"))  # noqa: B009  (every other record has an id)


def year_ranges(years: Iterable[int]) -> str:
    """Sorted years as runs: "2012, 2018-2019, 2021-2025"."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def _json_ready(value: object) -> Any:
    """``value`` as JSON holds it; a `Source` inside a record as its id (a source's own dict
    is its ``to_dict()``)."""
    if isinstance(value, Source):
        return value.id
    if isinstance(value, _Record):
        return value.to_dict()
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_json_ready(item) for item in value]
    if isinstance(value, Mapping):
        return {key: _json_ready(item) for key, item in value.items()}
    return value


def _brief(value: object, width: int = 60) -> str:
    """``repr(value)``, with text cut to ``width`` characters and a long tuple to its first
    items, each marked by "..." where it was cut."""
    if isinstance(value, str) and len(value) > width:
        return repr(value[: width - 3] + "...")
    if isinstance(value, tuple) and len(repr(value)) > width:
        items: list[str] = []
        for item in value:
            items.append(_brief(item, width))
            if sum(len(i) + 2 for i in items) > width:
                break
        return f"({', '.join(items[:-1] or items)}, ...)"
    return repr(value)


def _plain(value: object) -> str:
    """``value`` as a person reads it in a table cell: text as it is, nothing for ``None``."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    return str(value)


@attrs.frozen(repr=False, eq=False, order=False)
class Source(_Record):
    """A public document a fact was read from."""

    id: str
    """Slug that records use to cite it."""
    url: str
    """Address of the page or document read."""
    title: str
    """Its title."""
    publisher: str
    """Who published it."""
    published: PartialDate | None
    """Publication date, where the page gives it."""
    accessed: datetime.date
    """The day it was read."""

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (("id", self.id), ("publisher", self.publisher), ("published", self.published))

    def _details(self) -> tuple[tuple[str, object], ...]:
        return (*self._identity(), ("title", self.title), ("url", self.url))


@attrs.frozen(repr=False, eq=False, order=False)
class FormerName(_Record):
    """A name an organization used until ``until`` (the first day it no longer applied)."""

    name: str
    """The earlier name."""
    acronym: str | None
    """The earlier acronym."""
    until: PartialDate
    """The first day the name no longer applied."""

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

    role: Role = attrs.field(validator=_one_of(ROLES), metadata={"vocabulary": ROLES})
    """The role held."""
    start: PartialDate = attrs.field(validator=_check_interval)
    """When the role began, or the earliest date a source attests it."""
    end: PartialDate | None
    """First day without the role (a year or month end covers that period); ``None``: no end
    recorded."""
    start_attested_only: bool
    """``True`` when ``start`` is only the earliest attestation."""
    sources: tuple[Source, ...]
    """Where the membership is attested."""
    note: str | None = None
    """Context in our words."""

    def overlaps(self, first: datetime.date, last: datetime.date) -> bool:
        """Whether the role held on any day from ``first`` to ``last`` (both included).

        A start known only to the year or month counts from its first day; an end known only
        to the year or month keeps that whole period inside, and an end known to the day is
        the first day without the role. `members()` and `is_member()` answer with this.
        """
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
    """Permanent slug, never reused (``"un-women"``)."""
    acronym: str
    """The organization's acronym, or its usual short name where it has none
    (``"World Bank"``)."""
    name: str
    """Current full name."""
    kind: OrganizationKind = attrs.field(
        validator=_one_of(ORGANIZATION_KINDS), metadata={"vocabulary": ORGANIZATION_KINDS}
    )
    """Its place in (or outside) the UN system."""
    website: str | None
    """Website as a source gives it; ``None`` for organizations that no longer exist."""
    former_names: tuple[FormerName, ...]
    """Earlier names, each with the day it stopped applying."""
    aliases: tuple[str, ...]
    """Other names sources use."""
    memberships: tuple[Membership, ...]
    """Every role held in ICAT, dated."""
    sources: tuple[Source, ...]
    """Where the organization's facts come from."""
    successor: str | None = None
    """Id of the organization that took it over, where it ceased to exist."""
    note: str | None = None
    """Context in our words."""

    def holds(self, role: str, first: datetime.date, last: datetime.date) -> bool:
        """Whether the organization held ``role`` on any day from ``first`` to ``last`` (both
        included), by [`Membership.overlaps()`][icat_data.Membership.overlaps]."""
        return any(m.role == role and m.overlaps(first, last) for m in self.memberships)

    def name_on(self, on: DateLike) -> str:
        """The full name the organization bore on ``on`` (a ``DateLike``, as in `members()`).

        A year or month answers the name borne on its last day, so a year in which it was
        renamed answers the new name. A date before its earliest recorded name stopped applying
        answers that earliest name: the data records when names stopped applying, not when
        an organization was founded, so it cannot say that one did not exist yet. Where a
        rename is dated only to a year or month and ``on`` ends inside that period before its
        last day, the data cannot tell which name applied:
        [`OutOfCoverageError`][icat_data.OutOfCoverageError].
        """
        former = self._former_name_on(on)
        return self.name if former is None else former.name

    def acronym_on(self, on: DateLike) -> str:
        """The acronym the organization bore on ``on``, by the rules of
        [`name_on()`][icat_data.Organization.name_on].

        A former name recorded without an acronym is an
        [`OutOfCoverageError`][icat_data.OutOfCoverageError], not the current acronym: every
        rename the data records changed the acronym too (DPKO to DPO, DPA to DPPA).
        """
        former = self._former_name_on(on)
        if former is None:
            return self.acronym
        if former.acronym is None:
            raise OutOfCoverageError(
                f"the data records no acronym for {former.name!r}, the name {self.acronym} "
                f"bore on {to_partial_date(on, 'on')}"
            )
        return former.acronym

    def _former_name_on(self, on: DateLike) -> FormerName | None:
        """The former name borne on the last day of ``on``; ``None`` for the current name."""
        asked = to_partial_date(on, "on")
        day = asked.last_day
        for former in sorted(self.former_names, key=lambda f: f.until):
            if day < former.until.first_day:
                return former
            # ``until`` is a day within its period: on the period's last day the change has
            # happened, on any earlier day of it the data cannot tell.
            if day < former.until.last_day:
                raise OutOfCoverageError(
                    f"the data dates {self.acronym}'s change from the name {former.name!r} "
                    f"only to {former.until}, so its name on {asked} is not known; ask about "
                    f"{former.until} as a whole (the name at its end) or a date outside it"
                )
        return None

    def names(self) -> Iterator[str]:
        """Every name it is known by, in this order: acronym, name, former acronyms and names,
        aliases and id. [`find_organization()`][icat_data.find_organization] matches these."""
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
    """The year of the term."""
    chairs: tuple[str, ...] = attrs.field(validator=_check_chairs)
    """Organization ids of the chair or co-chairs."""
    sources: tuple[Source, ...]
    """Where the term is recorded."""
    note: str | None = None
    """Context in our words."""

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (("year", self.year), ("chairs", self.chairs))

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
    """Permanent slug (``"issue-brief-12"``)."""
    kind: BriefKind = attrs.field(
        validator=_one_of(BRIEF_KINDS), metadata={"vocabulary": BRIEF_KINDS}
    )
    """The kind of publication."""
    number: int | None = attrs.field(validator=_check_number)
    """Issue brief number, where a source gives it."""
    title: str
    """Exact title; a descriptive one where sources quote none (the note says so)."""
    published: PartialDate | None
    """Publication date at the precision known."""
    topics: tuple[str, ...]
    """Subject keywords."""
    url: str | None
    """Address of the publication itself, where known."""
    sources: tuple[Source, ...]
    """Where its facts come from."""
    note: str | None = None
    """Context in our words."""

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
    """Permanent slug."""
    date: PartialDate = attrs.field(validator=_check_event_span)
    """When it happened (or began)."""
    end_date: PartialDate | None
    """Last day of an event spanning several days."""
    title: str
    """What happened, in our words."""
    kind: EventKind = attrs.field(
        validator=_one_of(EVENT_KINDS), metadata={"vocabulary": EVENT_KINDS}
    )
    """The kind of event."""
    location: str | None
    """Where, if a source says."""
    organizations: tuple[str, ...]
    """Ids of organizations involved, as sources name them."""
    sources: tuple[Source, ...]
    """Where it is recorded."""
    note: str | None = None
    """Context in our words."""

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
    """When the count applied."""
    members: int | None = attrs.field(validator=_not_negative)
    """Members, where the source separates them."""
    partners: int | None = attrs.field(validator=_not_negative)
    """Partners, where the source separates them."""
    total: int | None = attrs.field(validator=_not_negative)
    """Organizations in all, as reported."""
    sources: tuple[Source, ...]
    """Who reported it."""
    note: str | None = None
    """Context in our words."""

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
    """The fact in dispute."""
    records: tuple[str, ...]
    """The records concerned, as ``"entity:id"``."""
    accounts: tuple[str, ...]
    """What each source says."""
    recorded: str
    """What the data records, and why."""
    sources: tuple[Source, ...]
    """The sources that disagree."""

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (("topic", self.topic), ("records", self.records))


@attrs.frozen(repr=False, eq=False, order=False)
class Coverage(_Record):
    """What the data covers, and where it is known to fall short."""

    chair_years: tuple[int, ...]
    """Years whose chairs are recorded."""
    as_of: datetime.date
    """The day the data is current to; the default date of queries."""
    gaps: tuple[str, ...]
    """What is known to be missing, in words."""
    reported_counts: tuple[ReportedCount, ...] = ()
    """Organization counts sources reported over time."""
    disagreements: tuple[Disagreement, ...] = ()
    """Where sources disagree."""

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (
            ("as_of", self.as_of),
            ("chair_years", self.chair_years),
            ("len(gaps)", len(self.gaps)),
            ("len(reported_counts)", len(self.reported_counts)),
            ("len(disagreements)", len(self.disagreements)),
        )


@attrs.frozen(repr=False, eq=False, order=False)
class Manifest(_Record):
    """The data edition, the SHA-256 of every packaged data file and the record counts.

    ``digest`` names the edition's content in one value: the SHA-256 of the lines
    ``"<sha256>  <file>"`` for every data file, sorted by file name (what ``sha256sum`` prints).
    The loader computes every hash from the bytes it read, and refuses data whose hashes or
    counts differ from ``manifest.json``.
    """

    data_version: str
    """The data edition."""
    files: Mapping[str, str]
    """Packaged data file name to its SHA-256."""
    counts: Mapping[str, int]
    """Records per entity."""
    digest: str
    """The SHA-256 naming the edition's content: over ``sha256sum``'s lines for the data files,
    sorted by name (see [versioning](versioning.md#checking-the-data-you-have))."""

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (
            ("data_version", self.data_version),
            ("digest", self.digest[:12] + "..."),  # cut, as long text is
            ("counts", self.counts),
        )


@attrs.frozen(repr=False, eq=False, order=False)
class OrganizationYear(_Record):
    """One organization in one role in one year in which it held that role, the row of the
    ``organization_years`` panel.

    Each row agrees with the queries: ``at_start`` with ``members(on="YYYY-01-01")`` (or
    `partners()`), ``at_end`` with ``members(on="YYYY-12-31")``, and the row itself with
    ``members(on=YYYY)``, which counts every organization that held the role on any day of
    the year.
    """

    organization: str
    """Id of the organization."""
    year: int
    """The year."""
    role: Role = attrs.field(validator=_one_of(ROLES), metadata={"vocabulary": ROLES})
    """The role held in that year."""
    at_start: bool
    """Whether it held the role on 1 January."""
    at_end: bool
    """Whether it held the role on 31 December (for the year of ``coverage().as_of``: as far
    as the data knows on that day)."""
    acronym: str | None
    """The acronym borne on 31 December, by
    [`Organization.acronym_on()`][icat_data.Organization.acronym_on]; ``None`` where the data
    records no acronym for the name borne then."""
    name: str
    """The full name borne on 31 December, by
    [`Organization.name_on()`][icat_data.Organization.name_on]."""
    start_attested_only: bool
    """``True`` when the role held that year is a membership whose start is only its earliest
    attestation, so the role may have begun before the data's first row of it."""

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (
            ("organization", self.organization),
            ("year", self.year),
            ("role", self.role),
            ("at_start", self.at_start),
            ("at_end", self.at_end),
        )

    def _sort_key(self) -> tuple[Any, ...]:
        return (self.organization, self.role, self.year)
