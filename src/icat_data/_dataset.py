"""The loaded dataset: the records plus the indexes every query uses, built once."""

from __future__ import annotations

import datetime
import functools
import unicodedata
from collections.abc import Iterator, Mapping
from types import MappingProxyType

import attrs

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

__all__ = ["Dataset", "fold", "recorded_count"]


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """The lookup key of a name: case, accents, spaces and punctuation removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


@attrs.frozen
class Dataset:
    """Every record of one data edition, with lookup indexes."""

    sources: tuple[Source, ...]
    organizations: tuple[Organization, ...]
    chair_terms: tuple[ChairTerm, ...]
    briefs: tuple[Brief, ...]
    events: tuple[Event, ...]
    coverage: Coverage
    manifest: Manifest
    # Indexes are read-only views (MappingProxyType is as fast as a dict to read).
    by_id: Mapping[str, Organization]
    by_name: Mapping[str, Organization]
    by_exact_name: Mapping[str, Organization]
    chairs_by_year: Mapping[int, tuple[Organization, ...]]
    briefs_by_number: Mapping[int, Brief]
    #: Every name of the members on coverage.as_of, exactly as written: the fast path of
    #: ``is_member`` without a date.
    current_member_names: frozenset[str]
    # Who held a role over a span, memoized: repeated date queries are the common case.
    _held: dict[tuple[str, datetime.date, datetime.date], _Holders] = attrs.field(
        init=False, factory=dict, repr=False, eq=False
    )

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
        """Index validated records; the caller has checked ids and references."""
        organizations = tuple(sorted(organizations, key=lambda o: o.id))
        chair_terms = tuple(sorted(chair_terms, key=lambda t: t.year))
        briefs = tuple(sorted(briefs, key=_brief_order))
        events = tuple(sorted(events, key=lambda e: (e.date, e.last_day, e.id)))
        by_name = {fold(name): org for org in organizations for name in org.names()}
        by_id = {o.id: o for o in organizations}
        coverage = Coverage(
            chair_years=tuple(t.year for t in chair_terms),
            as_of=as_of,
            gaps=known_gaps
            + _count_gaps(organizations, reported_counts)
            + _attested_gaps(organizations),
            reported_counts=tuple(sorted(reported_counts, key=lambda c: c.date)),
            disagreements=disagreements,
        )
        return cls(
            sources=sources,
            organizations=organizations,
            chair_terms=chair_terms,
            briefs=briefs,
            events=events,
            coverage=coverage,
            manifest=manifest,
            by_id=MappingProxyType(by_id),
            by_name=MappingProxyType(by_name),
            by_exact_name=MappingProxyType({n: o for o in organizations for n in o.names()}),
            chairs_by_year=MappingProxyType(
                {t.year: tuple(by_id[c] for c in t.chairs) for t in chair_terms}
            ),
            briefs_by_number=MappingProxyType(
                {b.number: b for b in briefs if b.number is not None}
            ),
            current_member_names=frozenset(
                name
                for o in organizations
                if o.holds("member", as_of, as_of)
                for name in o.names()
            ),
        )

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
            if len(self._held) >= _MEMO_LIMIT:  # callers choose the dates; stay bounded
                self._held.clear()
            holders = tuple(o for o in self.organizations if o.holds(role, first, last))
            found = self._held[key] = _Holders(holders, frozenset(o.id for o in holders))
        return found


_MEMO_LIMIT = 4096


@attrs.frozen
class _Holders:
    organizations: tuple[Organization, ...]
    ids: frozenset[str]


def _brief_order(brief: Brief) -> tuple[datetime.date, int, str]:
    published = brief.published.first_day if brief.published else datetime.date.max
    return (published, brief.number or 0, brief.id)


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
                    f"the data records {recorded} for that time"
                )
        if count.total is not None:
            recorded = recorded_count(organizations, ("member", "partner"), count.date)
            if count.total > recorded:
                gaps.append(
                    f"{count.sources[0].publisher} reported {count.total} organizations in "
                    f"{count.date}; the data records {recorded} members and partners then"
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
        "when these roles began is unknown; each is recorded from the earliest date a source "
        "attests it, and is_member() answers False before that: " + ", ".join(attested),
    )
