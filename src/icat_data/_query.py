"""The public query functions: organizations, memberships, chairs, briefs and events.

Each query is written once, as a method of `Queries`, over the dataset its ``_dataset()`` gives:
the module-level functions ask the packaged edition (`current`) and an `Edition` (``_editions``)
its own. The commonest module-level queries first try their memo inline (a call costs more
than the lookup), then ask `current`.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Collection
from typing import TYPE_CHECKING

from . import _load
from ._dataset import Dataset, fold
from ._dates import DateLike, as_int, as_year, to_partial_date
from ._limits import MAX_NAME, check_length, shown
from ._load import dataset
from ._models import (
    Brief,
    ChairTerm,
    Coverage,
    Event,
    Manifest,
    Organization,
    PartialDate,
    Source,
    year_ranges,
)
from ._vocabulary import BRIEF_KINDS, EVENT_KINDS, BriefKind, CitationStyle, EventKind
from .errors import OutOfCoverageError, UnknownBriefError, UnknownOrganizationError

if TYPE_CHECKING:
    from ._cite import Citable

__all__ = [
    "Queries",
    "briefs",
    "chair_terms",
    "chairs_for",
    "cite",
    "coordinator",
    "coverage",
    "current",
    "events",
    "find_organization",
    "get_brief",
    "get_organization",
    "is_member",
    "manifest",
    "members",
    "organizations",
    "partners",
    "search_organizations",
    "sources",
]


class Queries:
    """The queries over one edition's dataset; ``_dataset()`` gives it, loading it on first use.

    Documented as the module-level functions of ``icat_data``, which ask `current`.
    """

    __slots__ = ()

    def _dataset(self) -> Dataset:
        """The dataset these queries answer from."""
        raise NotImplementedError

    def organizations(self) -> tuple[Organization, ...]:
        """Every organization, ordered by id; see ``icat_data.organizations``."""
        return self._dataset().organizations

    def find_organization(self, key: str) -> Organization | None:
        """The organization known by ``key``, or None; see ``icat_data.find_organization``."""
        text = _text(key, "key")
        if len(text) > MAX_NAME:
            # No name is longer. Neither stripped nor hashed: either would cost a padded key
            # its length, where a key at the cap costs a lookup.
            return None
        data = self._dataset()
        found = data.by_exact_name.get(text)  # the name as written; else fold it
        if found is not None:
            return found
        found = data.by_name.get(fold(text))
        if found is not None and text is key:  # the next lookup of this spelling needs no folding
            data.remember_spelling(text, found)
        return found

    def get_organization(self, key: str) -> Organization:
        """The organization known by ``key``; see ``icat_data.get_organization``."""
        if type(key) is str and len(key) <= MAX_NAME:  # a longer key is hashed by no lookup
            data = self._dataset()
            found = data.by_exact_name.get(key) or data.by_spelling.get(key)
            if found is not None:
                return found
        organization = self.find_organization(key)
        if organization is None:
            raise UnknownOrganizationError(key, _close_names(self._dataset(), key))
        return organization

    def search_organizations(self, text: str) -> list[Organization]:
        """Organizations matching ``text``, best first; see ``icat_data.search_organizations``."""
        query = search_key(text)
        if not query:
            return []
        data = self._dataset()
        best: dict[int, int] = {}  # an organization's index to the best rank of its names
        for name, index in data.folded_names:
            rank = _rank(query, name)
            if rank is not None and rank < best.get(index, _NO_MATCH):
                best[index] = rank
        ranked = sorted(
            (rank, data.organizations[index].acronym.casefold(), index)
            for index, rank in best.items()
        )
        return [data.organizations[index] for _, _, index in ranked]

    def members(self, on: DateLike | None = None) -> tuple[Organization, ...]:
        """The members on ``on``; see ``icat_data.members``."""
        data = self._dataset()
        if on is None or type(on) is int:
            found = data.members_on.get(on)
            if found is not None:
                return found
        return data.members_at(on, _span(data, on))

    def partners(self, on: DateLike | None = None) -> tuple[Organization, ...]:
        """The partners on ``on``; see ``icat_data.partners``."""
        data = self._dataset()
        return data.holding("partner", *_span(data, on))

    def is_member(self, acronym: str, on: DateLike | None = None) -> bool:
        """Whether ``acronym``'s organization was a member; see ``icat_data.is_member``."""
        data = self._dataset()
        # A name as written, now or in a year: a dict lookup or two in a memo.
        if on is None:
            answers = data.member_names_now or data.member_names_at(None, _span(data, None))
        elif type(on) is int:
            answers = data.member_names_on.get(on) or data.member_names_at(on, _span(data, on))
        else:
            answers = None
        if answers is not None:
            try:  # (a try costs nothing until it catches; contextlib.suppress costs ~300 ns)
                # No name is longer than MAX_NAME: a longer one is not hashed (see above).
                answer = answers.get(acronym) if len(acronym) <= MAX_NAME else None
            except TypeError:  # no str: the slow path says what is wrong
                answer = None
            if answer is not None:  # only str names are keys: nothing else is answered here
                return answer
        organization = self.get_organization(acronym)
        first, last = _span(data, on)
        return data.held("member", organization, first, last)

    def coordinator(self) -> Organization:
        """ICAT's coordinator at as_of; see ``icat_data.coordinator``."""
        data = self._dataset()
        found = data.holding("coordinator", *_span(data, None))
        if not found:
            raise OutOfCoverageError("no source in the data names ICAT's coordinator at its as_of")
        return found[0]

    def chair_terms(self) -> tuple[ChairTerm, ...]:
        """Every recorded chair term, in time order; see ``icat_data.chair_terms``."""
        return self._dataset().chair_terms

    def chairs_for(self, year: int | str) -> tuple[Organization, ...]:
        """The chair(s) in ``year``; see ``icat_data.chairs_for``."""
        data = self._dataset()
        # A plain int is looked up as it is; only a miss or another type pays for validation.
        wanted = year if type(year) is int else as_year(year)
        chairs = data.chairs_by_year.get(wanted)
        if chairs is None:
            wanted = as_year(wanted)
            raise OutOfCoverageError(
                _chair_gap(data, wanted), year=wanted, covered=data.coverage.chair_years
            )
        return chairs

    def briefs(
        self,
        *,
        kind: BriefKind | None = None,
        year: int | str | None = None,
        topic: str | None = None,
        text: str | None = None,
    ) -> tuple[Brief, ...]:
        """ICAT's publications, optionally filtered; see ``icat_data.briefs``."""
        wanted_kind = None if kind is None else _vocabulary(kind, "kind", BRIEF_KINDS)
        wanted_year = None if year is None else as_year(year)
        wanted_topic = None if topic is None else search_key(topic, "topic", required=True)
        wanted_text = None if text is None else search_key(text, "text", required=True)
        return tuple(
            brief
            for brief in self._dataset().briefs
            if (wanted_kind is None or brief.kind == wanted_kind)
            and (wanted_year is None or (brief.published and brief.published.year == wanted_year))
            and (wanted_topic is None or any(wanted_topic in fold(t) for t in brief.topics))
            and (
                wanted_text is None
                or wanted_text in fold(brief.title)
                or any(wanted_text in fold(t) for t in brief.topics)
            )
        )

    def get_brief(self, number: int) -> Brief:
        """The numbered issue brief ``number``; see ``icat_data.get_brief``."""
        wanted = as_int(number, "number")
        numbered = self._dataset().briefs_by_number
        try:
            return numbered[wanted]
        except KeyError:
            raise UnknownBriefError(wanted, sorted(numbered)) from None

    def events(
        self,
        start: DateLike | None = None,
        end: DateLike | None = None,
        *,
        kind: EventKind | None = None,
        year: int | str | None = None,
        organization: str | None = None,
    ) -> tuple[Event, ...]:
        """Events overlapping ``start`` to ``end``, in ``year``, involving ``organization``;
        see ``icat_data.events``."""
        first = datetime.date.min if start is None else to_partial_date(start, "start").first_day
        last = datetime.date.max if end is None else to_partial_date(end, "end").last_day
        if first > last:
            raise ValueError(f"start {shown(start)} is after end {shown(end)}")
        wanted_kind = None if kind is None else _vocabulary(kind, "kind", EVENT_KINDS)
        wanted_id = (
            None
            if organization is None
            else self.get_organization(_text(organization, "organization")).id
        )
        if year is not None:  # the range asked and the year both: the days in each
            in_year = PartialDate(as_year(year))
            first, last = max(first, in_year.first_day), min(last, in_year.last_day)
            if first > last:
                return ()
        return tuple(
            event
            for event in self._dataset().events
            if event.date.first_day <= last
            and event.last_day >= first
            and (wanted_kind is None or event.kind == wanted_kind)
            and (wanted_id is None or wanted_id in event.organizations)
        )

    def sources(self) -> tuple[Source, ...]:
        """Every source the data cites, ordered by id; see ``icat_data.sources``."""
        return self._dataset().sources

    def coverage(self) -> Coverage:
        """What the data covers; see ``icat_data.coverage``."""
        return self._dataset().coverage

    def manifest(self) -> Manifest:
        """The edition, its files' SHA-256 and counts; see ``icat_data.manifest``."""
        return self._dataset().manifest

    def cite(self, record: Citable | None = None, *, style: CitationStyle = "text") -> str:
        """The citation of this edition, or of the sources ``record`` cites; see
        ``icat_data.cite``."""
        from ._cite import cite

        return cite(self._dataset(), record, style=style)


class _Current(Queries):
    __slots__ = ()

    def _dataset(self) -> Dataset:
        return _load.loaded or dataset()


#: The queries over the packaged edition, which the module-level functions ask.
current: Queries = _Current()


def organizations() -> tuple[Organization, ...]:
    """Every organization in the data (members, partners, the coordinator, former members),
    ordered by id."""
    return current.organizations()


def find_organization(key: str) -> Organization | None:
    """The organization known by ``key``, or ``None``.

    ``key`` may be an id, acronym, name, former name or alias, in any case and with any
    spacing or punctuation: "UN Women", "un-women" and "UNWOMEN" are one key.
    """
    return current.find_organization(key)


def get_organization(key: str) -> Organization:
    """Like [`find_organization()`][icat_data.find_organization], but an unknown ``key``
    raises [`UnknownOrganizationError`][icat_data.UnknownOrganizationError] naming the
    closest known names."""
    # A name as written, or as written before: no call (a hot path). A key longer than any
    # name is not hashed (its hash would cost its length): find_organization refuses it.
    if type(key) is str and len(key) <= MAX_NAME:
        data = _load.loaded or dataset()
        found = data.by_exact_name.get(key) or data.by_spelling.get(key)
        if found is not None:
            return found
    return current.get_organization(key)


def search_organizations(text: str) -> list[Organization]:
    """Organizations whose names match ``text``, best match first; ``[]`` when none fits.

    An exact name ranks first, then names that start with ``text``, then names containing it,
    then names that differ by a typo or two.
    """
    return current.search_organizations(text)


def members(on: DateLike | None = None) -> tuple[Organization, ...]:
    """The organizations that were ICAT members on ``on`` (default: ``coverage().as_of``).

    A year or month means "at any time in it". Ordered by id.
    """
    if on is None or type(on) is int:  # the commonest questions: answered from a memo
        found = (_load.loaded or dataset()).members_on.get(on)
        if found is not None:
            return found
    return current.members(on)


def partners(on: DateLike | None = None) -> tuple[Organization, ...]:
    """The organizations that were ICAT partners on ``on`` (default: ``coverage().as_of``)."""
    return current.partners(on)


def is_member(acronym: str, on: DateLike | None = None) -> bool:
    """Whether the organization named ``acronym`` (any of its names, current or former) was a
    member on ``on``; False for partners and for other dates.

    A name that is no organization the data knows raises
    [`UnknownOrganizationError`][icat_data.UnknownOrganizationError] with close matches: the
    data knows it lacks some members, so False would be a claim it cannot make.
    """
    # A name as written, now or in a memoized year: answered here (a hot path).
    data = _load.loaded
    if data is not None:
        answers: dict[str, bool] | None
        if on is None:
            answers = data.member_names_now
        elif type(on) is int:
            answers = data.member_names_on.get(on)
        else:
            answers = None
        if answers:
            try:  # (a try costs nothing until it catches)
                answer = answers.get(acronym) if len(acronym) <= MAX_NAME else None
            except TypeError:  # no str: the general path says what is wrong
                answer = None
            if answer is not None:
                return answer
    return current.is_member(acronym, on)


def coordinator() -> Organization:
    """ICAT's coordinator as of ``coverage().as_of`` (UNODC)."""
    return current.coordinator()


def chair_terms() -> tuple[ChairTerm, ...]:
    """Every recorded chair term, in time order."""
    return current.chair_terms()


def chairs_for(year: int | str) -> tuple[Organization, ...]:
    """The organization(s) that chaired or co-chaired ICAT in ``year`` (an int, a NumPy
    integer or text such as ``"2019"``).

    Raises [`OutOfCoverageError`][icat_data.OutOfCoverageError], naming the covered years,
    for a year no source in the data records a chair for.
    """
    if type(year) is int:  # a plain int is looked up as it is (a hot path)
        chairs = (_load.loaded or dataset()).chairs_by_year.get(year)
        if chairs is not None:
            return chairs
    return current.chairs_for(year)


def briefs(
    *,
    kind: BriefKind | None = None,
    year: int | str | None = None,
    topic: str | None = None,
    text: str | None = None,
) -> tuple[Brief, ...]:
    """ICAT's publications, optionally only of one ``kind``, published in ``year``, with a
    topic containing ``topic``, or with a title or topic containing ``text`` (both case- and
    punctuation-insensitive, as names are searched). In publication order; undated ones last.

    An unknown ``kind`` is a ``ValueError`` naming the known ones; so is a ``topic`` or
    ``text`` over 200 characters (as given or once folded) or with no letters or digits.
    """
    return current.briefs(kind=kind, year=year, topic=topic, text=text)


def get_brief(number: int) -> Brief:
    """The numbered ICAT issue brief ``number``; [`UnknownBriefError`][icat_data.UnknownBriefError]
    (listing the recorded numbers) when the data has none with that number."""
    return current.get_brief(number)


def events(
    start: DateLike | None = None,
    end: DateLike | None = None,
    *,
    kind: EventKind | None = None,
    year: int | str | None = None,
    organization: str | None = None,
) -> tuple[Event, ...]:
    """Events overlapping the range from ``start``'s first day to ``end``'s last day
    (either may be left open), in time order; optionally only those of one ``kind``, those
    dated in ``year`` (as ``events("2019", "2019")``), and those whose ``organizations``
    include the organization ``organization`` names (any key
    [`get_organization()`][icat_data.get_organization] takes).

    Filters combine: with ``year`` and ``start`` or ``end``, an event must overlap the days
    both cover, and none does where they share no day. An unknown ``organization`` raises
    [`UnknownOrganizationError`][icat_data.UnknownOrganizationError] with close matches; an
    unknown ``kind`` is a ``ValueError`` naming the known ones.
    """
    return current.events(start, end, kind=kind, year=year, organization=organization)


def sources() -> tuple[Source, ...]:
    """Every source the data cites, ordered by id."""
    return current.sources()


def coverage() -> Coverage:
    """What the data covers: chair years, the day it is current to, and known gaps."""
    return current.coverage()


def manifest() -> Manifest:
    """The data edition, each packaged file's SHA-256 and the record counts."""
    return current.manifest()


def cite(record: Citable | None = None, *, style: CitationStyle = "text") -> str:
    """The citation of the data this package ships, or of the sources ``record`` cites.

    Without a record: one entry for the dataset, with its title and authors as
    ``CITATION.cff`` names them, the package version, the data edition, its digest, its
    as-of day and the data licence (CC BY 4.0). With a record (an `Organization`, with its
    memberships' sources, a `Membership`, `ChairTerm`, `Brief`, `Event`, `Source`,
    `ReportedCount` or `Disagreement`): one entry per source it cites, keyed
    ``icat:<source id>`` whichever record or edition cites it. ``style`` is ``"text"``,
    ``"bibtex"``, ``"csl-json"`` or ``"ris"``; another is a ``ValueError`` listing these,
    and anything but such a record a ``TypeError``. An older edition cites itself:
    ``edition("0.2.0").cite()``.
    """
    return current.cite(record, style=style)


def _text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    return value


def search_key(text: object, name: str = "text", *, required: bool = False) -> str:
    """What a name or topic is searched by: folded text, refused when too long (as given, so
    that nothing is spent on huge text, and once folded, since decomposing can make a
    character many: U+FDFA is 18 letters), and when ``required`` and nothing is left to
    match ("" is in every topic: it would silently match every brief)."""
    folded = fold(check_length(_text(text, name), name))
    if len(folded) > MAX_NAME:
        raise ValueError(
            f"{name} {shown(text)} is too long: it normalizes to {len(folded):,} letters and "
            f"digits, and no value it could match has over {MAX_NAME}"
        )
    if required and not folded:
        raise ValueError(f"{name} {shown(text)} has no letters or digits to match")
    return folded


def _span(data: Dataset, on: DateLike | None) -> tuple[datetime.date, datetime.date]:
    if on is None:
        as_of = data.coverage.as_of
        return as_of, as_of
    if type(on) is int:
        return _year_span(on)
    date = to_partial_date(on, "on")
    return date.first_day, date.last_day


@functools.lru_cache(maxsize=1024)
def _year_span(year: int) -> tuple[datetime.date, datetime.date]:
    # Years are the commonest `on`: each is checked and bounded once (a bad one raises every
    # time, since lru_cache keeps only results).
    date = PartialDate(as_year(year, "on"))
    return date.first_day, date.last_day


def _vocabulary(value: object, name: str, allowed: Collection[str]) -> str:
    text = _text(value, name)
    if text not in allowed:
        from difflib import get_close_matches

        close = get_close_matches(check_length(text, name), allowed, n=2)
        hint = f"did you mean {' or '.join(map(repr, close))}? " if close else ""
        raise ValueError(
            f"unknown {name} {shown(text)}; {hint}known: {', '.join(sorted(allowed))}"
        )
    return text


def _close_names(data: Dataset, key: str) -> list[str]:
    from difflib import get_close_matches

    if len(key) > MAX_NAME:
        return []
    names: dict[str, str] = {}
    for org in data.organizations:
        for name in org.names():
            names.setdefault(fold(name), name)
    close = get_close_matches(fold(key), names, n=3, cutoff=0.6)
    return [names[c] for c in close]


#: How alike (difflib's ratio) a name must be to a search text to rank as a typo of it.
_CLOSE = 0.75
#: A rank worse than any `_rank()` gives.
_NO_MATCH = 4


def _rank(query: str, name: str) -> int | None:
    if name == query:
        return 0
    if name.startswith(query):
        return 1
    if query in name:
        return 2
    if len(query) >= 3 and _may_be_close(len(query), len(name)):
        from difflib import SequenceMatcher

        matcher = SequenceMatcher(None, query, name)
        if matcher.quick_ratio() >= _CLOSE and matcher.ratio() >= _CLOSE:
            return 3
    return None


def _may_be_close(a: int, b: int) -> bool:
    """Whether texts of lengths ``a`` and ``b`` can be `_CLOSE`: a ratio is twice the letters
    matched over both lengths, and at most the shorter can match (difflib's
    ``real_quick_ratio``, without building a matcher; comparing costs up to their product)."""
    return 2 * min(a, b) >= _CLOSE * (a + b)


def _chair_gap(data: Dataset, year: int) -> str:
    years = sorted(data.coverage.chair_years)
    where = f"chairs are recorded for {year_ranges(years)}" if years else "no chairs recorded"
    if years and year > years[-1]:
        return f"no chair is recorded for {year}, after the data's last chair year; {where}"
    founded = min(
        (m.start.year for o in data.organizations for m in o.memberships),
        default=year,
    )
    if year < founded:
        return f"{year} is before ICAT existed (its records begin in {founded}); {where}"
    return f"no source in the data names ICAT's chair for {year}; {where}"
