"""The loaded dataset: the records plus the indexes every query uses, built once."""

from __future__ import annotations

import datetime
import functools
import unicodedata
from collections.abc import Iterator
from typing import TypeVar

from ._models import (
    Brief,
    ChairTerm,
    Coverage,
    Disagreement,
    Event,
    Manifest,
    Organization,
    PartialDate,
    ReportedCount,
    Source,
)

__all__ = ["Dataset", "fold", "record_counts", "recorded_count"]


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """The lookup key of a name: case, accents, spaces and punctuation removed.

    Unicode's compatibility caseless match (D146): a letter whose compatibility form is upper
    case (U+1D414, mathematical bold U) is folded again once decomposed, so every form of a
    letter (fullwidth, circled, mathematical) gives one key.
    """
    normalize = unicodedata.normalize
    decomposed = normalize("NFKD", normalize("NFKD", normalize("NFD", text).casefold()).casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


class Dataset:
    """Every record of one data edition, with the lookup indexes the queries use.

    A plain class, not an attrs one: nothing about it is public, and defining an attrs class
    costs every import. Its indexes are private dicts, since a read-only view costs every
    lookup 25-35 ns; what queries hand out is immutable. It pickles as its records plus what
    is costly to derive (folded names, coverage), so the compiled data (``records.pickle``,
    written by ``tools/regenerate.py``) restores it without folding a name or computing a gap.
    """

    __slots__ = (
        "_held",
        "briefs",
        "briefs_by_number",
        "by_exact_name",
        "by_id",
        "by_name",
        "by_spelling",
        "chair_terms",
        "chairs_by_year",
        "coverage",
        "events",
        "folded_names",
        "manifest",
        "member_names_now",
        "member_names_on",
        "members_on",
        "organizations",
        "sources",
    )

    def __init__(
        self,
        sources: tuple[Source, ...],
        organizations: tuple[Organization, ...],
        chair_terms: tuple[ChairTerm, ...],
        briefs: tuple[Brief, ...],
        events: tuple[Event, ...],
        coverage: Coverage,
        manifest: Manifest,
        folded_names: tuple[tuple[str, int], ...],
    ) -> None:
        """Index records that are already sorted and checked (see `build()`)."""
        self.sources = sources
        self.organizations = organizations
        self.chair_terms = chair_terms
        self.briefs = briefs
        self.events = events
        self.coverage = coverage
        self.manifest = manifest
        #: Every name of every organization folded, with the organization's index: what a
        #: search compares with.
        self.folded_names = folded_names
        self.by_id = {o.id: o for o in organizations}
        self.by_name = {name: organizations[index] for name, index in folded_names}
        self.by_exact_name = {name: o for o in organizations for name in o.names()}
        #: Other spellings already resolved by folding (``"UN-WOMEN"``), so that the next
        #: lookup of one is a dict lookup too.
        self.by_spelling: dict[str, Organization] = {}
        self.chairs_by_year = {t.year: tuple(self.by_id[c] for c in t.chairs) for t in chair_terms}
        self.briefs_by_number = {b.number: b for b in briefs if b.number is not None}
        # Answers memoized by the date asked (None for as_of, or a year): repeated date
        # queries are the common case, and these are read by the queries themselves.
        #: members() by ``on``.
        self.members_on: dict[int | None, tuple[Organization, ...]] = {}
        #: is_member() by ``on``: every name as written to whether its organization was a
        #: member then; for ``on=None`` (as_of), in an attribute of its own.
        self.member_names_on: dict[int | None, dict[str, bool]] = {}
        self.member_names_now: dict[str, bool] = {}
        # Who held a role over a span, memoized for every other date.
        self._held: dict[tuple[str, datetime.date, datetime.date], _Holders] = {}

    @classmethod
    def build(
        cls,
        *,
        sources: tuple[Source, ...],
        organizations: tuple[Organization, ...],
        chair_terms: tuple[ChairTerm, ...],
        briefs: tuple[Brief, ...],
        events: tuple[Event, ...],
        as_of: datetime.date,
        known_gaps: tuple[str, ...],
        reported_counts: tuple[ReportedCount, ...],
        disagreements: tuple[Disagreement, ...],
        manifest: Manifest,
    ) -> Dataset:
        """Sort and index validated records; the caller has checked ids and references."""
        organizations = tuple(sorted(organizations, key=lambda o: o.id))
        coverage = Coverage(
            chair_years=tuple(sorted(t.year for t in chair_terms)),
            as_of=as_of,
            gaps=known_gaps
            + _count_gaps(organizations, reported_counts)
            + _attested_gaps(organizations),
            reported_counts=tuple(sorted(reported_counts, key=lambda c: c.date)),
            disagreements=disagreements,
        )
        return cls(
            sources=tuple(sorted(sources, key=lambda s: s.id)),
            organizations=organizations,
            chair_terms=tuple(sorted(chair_terms, key=lambda t: t.year)),
            briefs=tuple(sorted(briefs, key=_brief_order)),
            events=tuple(sorted(events, key=lambda e: (e.date, e.last_day, e.id))),
            coverage=coverage,
            manifest=manifest,
            folded_names=tuple(
                (fold(name), index)
                for index, org in enumerate(organizations)
                for name in org.names()
            ),
        )

    def __reduce__(self) -> tuple[object, ...]:
        # Tuples only (no sets): the pickle must be the same bytes whatever the hash seed.
        records = (self.sources, self.organizations, self.chair_terms, self.briefs, self.events)
        return (Dataset, (*records, self.coverage, self.manifest, self.folded_names))

    def citations(self) -> Iterator[tuple[str, tuple[Source, ...]]]:
        """Every sourced record as ``("entity:id", sources)``, the data's own and coverage's."""
        for org in self.organizations:
            yield f"organizations:{org.id}", org.sources
            for membership in org.memberships:
                yield f"organizations:{org.id}/{membership.role}", membership.sources
        yield from ((f"chairs:{t.year}", t.sources) for t in self.chair_terms)
        yield from ((f"briefs:{b.id}", b.sources) for b in self.briefs)
        yield from ((f"events:{e.id}", e.sources) for e in self.events)
        yield from ((f"counts:{c.date}", c.sources) for c in self.coverage.reported_counts)
        yield from ((f"disagreements:{d.topic}", d.sources) for d in self.coverage.disagreements)

    def remember_spelling(self, spelling: str, organization: Organization) -> None:
        """Keep ``spelling`` (at most ``MAX_NAME`` long: a caller's) as a way to name it."""
        _remember(self.by_spelling, spelling, organization)

    def members_at(
        self, on: object, span: tuple[datetime.date, datetime.date]
    ) -> tuple[Organization, ...]:
        """The members over ``span``, the span of ``on``; remembered for a year or None."""
        found = self._holders("member", *span).organizations
        if on is None or type(on) is int:
            _remember(self.members_on, on, found)
        return found

    def member_names_at(
        self, on: int | None, span: tuple[datetime.date, datetime.date]
    ) -> dict[str, bool]:
        """Every name as written to whether its organization was a member over ``span``."""
        ids = self._holders("member", *span).ids
        answers = {name: o.id in ids for o in self.organizations for name in o.names()}
        if on is None:
            self.member_names_now = answers
        else:
            _remember(self.member_names_on, on, answers)
        return answers

    def holding(
        self, role: str, first: datetime.date, last: datetime.date
    ) -> tuple[Organization, ...]:
        """The organizations that held ``role`` on any day from ``first`` to ``last``."""
        return self._holders(role, first, last).organizations

    def held(
        self, role: str, organization: Organization, first: datetime.date, last: datetime.date
    ) -> bool:
        """Whether ``organization`` held ``role`` on any day from ``first`` to ``last``."""
        found = self._held.get((role, first, last))  # a memo hit without a call: a hot path
        if found is None:
            found = self._holders(role, first, last)
        return organization.id in found.ids

    def _holders(self, role: str, first: datetime.date, last: datetime.date) -> _Holders:
        key = (role, first, last)
        found = self._held.get(key)
        if found is None:
            holders = tuple(o for o in self.organizations if o.holds(role, first, last))
            found = _remember(self._held, key, _Holders(holders, frozenset(o.id for o in holders)))
        return found


_MEMO_LIMIT = 4096
_K = TypeVar("_K")
_V = TypeVar("_V")


def _remember(memo: dict[_K, _V], key: _K, value: _V) -> _V:
    # Callers choose the dates, so a memo must stay bounded: past its limit it starts afresh.
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value
    return value


class _Holders:
    __slots__ = ("ids", "organizations")

    def __init__(self, organizations: tuple[Organization, ...], ids: frozenset[str]) -> None:
        self.organizations = organizations
        self.ids = ids


def _brief_order(brief: Brief) -> tuple[datetime.date, int, str]:
    published = brief.published.first_day if brief.published else datetime.date.max
    return (published, brief.number or 0, brief.id)


def record_counts(
    sources: tuple[Source, ...],
    organizations: tuple[Organization, ...],
    chair_terms: tuple[ChairTerm, ...],
    briefs: tuple[Brief, ...],
    events: tuple[Event, ...],
) -> dict[str, int]:
    """How many records of each entity the manifest counts."""
    return {
        "organizations": len(organizations),
        "memberships": sum(len(o.memberships) for o in organizations),
        "chairs": len(chair_terms),
        "briefs": len(briefs),
        "events": len(events),
        "sources": len(sources),
    }


def recorded_count(
    organizations: tuple[Organization, ...], roles: tuple[str, ...], date: PartialDate
) -> int:
    """How many organizations held any of ``roles`` at some time within ``date``."""
    first, last = date.first_day, date.last_day
    return sum(any(o.holds(role, first, last) for role in roles) for o in organizations)


def _count_gaps(
    organizations: tuple[Organization, ...], reported: tuple[ReportedCount, ...]
) -> tuple[str, ...]:
    gaps = []
    for count in sorted(reported, key=lambda c: c.date):
        for role, claimed in (("member", count.members), ("partner", count.partners)):
            recorded = recorded_count(organizations, (role,), count.date)
            if claimed is not None and claimed > recorded:
                gaps.append(
                    f"{count.sources[0].publisher} reported {claimed} {role}s in {count.date}; "
                    f"the data records {recorded} for that time."
                )
        if count.total is not None:
            recorded = recorded_count(organizations, ("member", "partner"), count.date)
            if count.total > recorded:
                gaps.append(
                    f"{count.sources[0].publisher} reported {count.total} organizations in "
                    f"{count.date}; the data records {recorded} members and partners then."
                )
    return tuple(gaps)


def _attested_gaps(organizations: tuple[Organization, ...]) -> tuple[str, ...]:
    attested = sorted(
        f"{o.acronym} ({m.role}, from {m.start})"
        for o in organizations
        for m in o.memberships
        if m.start_attested_only
    )
    if not attested:
        return ()
    return (
        "Some roles are recorded only from the earliest date a source attests them, because "
        "no source read says when they began; the data holds none of them before that date: "
        + ", ".join(attested)
        + ".",
    )
