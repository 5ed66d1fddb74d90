"""Property-based tests of the query API: any input meets only the documented errors."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import icat_data
from icat_data._dataset import fold
from icat_data._limits import MAX_NAME
from icat_data._rows import ENTITIES

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(),
    st.binary(),
    st.dates(),
    st.lists(st.integers(), max_size=2),
)
organization = st.sampled_from(icat_data.organizations())
covered_year = st.sampled_from(icat_data.coverage().chair_years)


def _punctuate(text: str, draw: Any) -> str:
    # The same name with its case, spaces and punctuation changed must find the same record.
    pieces = [draw(st.sampled_from(["", " ", "-", ".", "_"])) + ch for ch in text]
    return "".join(ch.upper() if draw(st.booleans()) else ch.lower() for ch in "".join(pieces))


@given(st.text())
def test_any_text_either_resolves_or_raises_unknown(key: str) -> None:
    found = icat_data.find_organization(key)
    try:
        assert icat_data.get_organization(key) is found
    except icat_data.UnknownOrganizationError as error:
        assert found is None
        assert error.key == key
        with pytest.raises(icat_data.UnknownOrganizationError):
            icat_data.is_member(key)
    else:
        assert isinstance(icat_data.is_member(key), bool)
    if len(key) > MAX_NAME:  # longer than any name: refused before any work
        with pytest.raises(ValueError, match="too long"):
            icat_data.search_organizations(key)
    else:
        assert isinstance(icat_data.search_organizations(key), list)


@given(organization, st.data())
def test_every_name_of_every_organization_finds_it(org: icat_data.Organization, data: Any) -> None:
    for name in org.names():
        assert icat_data.get_organization(_punctuate(name, data.draw)) is org


@given(anything)
def test_any_value_as_a_year_meets_only_documented_errors(value: object) -> None:
    try:
        result = icat_data.chairs_for(value)  # type: ignore[arg-type]
    except (TypeError, ValueError, icat_data.OutOfCoverageError):
        return
    assert result


@given(covered_year)
def test_chairs_for_every_covered_year_is_non_empty(year: int) -> None:
    assert len(icat_data.chairs_for(year)) >= 1


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_chairs_for_any_int_is_non_empty_or_out_of_coverage(year: int) -> None:
    try:
        assert icat_data.chairs_for(year)
    except icat_data.OutOfCoverageError as error:
        assert "recorded for" in str(error)
    except ValueError as error:
        assert not 1 <= year <= 9999
        assert "outside 1..9999" in str(error)


@given(anything)
def test_any_value_as_a_date_meets_only_documented_errors(value: object) -> None:
    try:
        members = icat_data.members(on=value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return
    assert all(isinstance(o, icat_data.Organization) for o in members)


@given(st.dates(), st.dates())
def test_events_ranges_are_inclusive_and_ordered(a: datetime.date, b: datetime.date) -> None:
    start, end = min(a, b), max(a, b)
    found = icat_data.events(start, end)
    assert [e.date for e in found] == sorted(e.date for e in found)
    for event in icat_data.events():
        overlaps = event.date.first_day <= end and event.last_day >= start
        assert (event in found) is overlaps


@given(st.dates())
def test_is_member_agrees_with_members(on: datetime.date) -> None:
    members = icat_data.members(on=on)
    for org in icat_data.organizations():
        assert icat_data.is_member(org.acronym, on=on) is (org in members)


@given(anything)
def test_get_brief_meets_only_documented_errors(value: object) -> None:
    try:
        brief = icat_data.get_brief(value)  # type: ignore[arg-type]
    except (TypeError, icat_data.UnknownBriefError):
        return
    assert brief.number == value


@given(st.one_of(st.none(), st.text(max_size=12)), st.one_of(st.none(), st.text(max_size=8)))
def test_briefs_filters_meet_only_documented_errors(kind: str | None, topic: str | None) -> None:
    try:
        found = icat_data.briefs(kind=kind, topic=topic)  # type: ignore[arg-type]
    except ValueError as error:
        assert "unknown kind" in str(error) or "no letters or digits to match" in str(error)
        return
    assert all(kind is None or b.kind == kind for b in found)
    if topic is not None:  # a topic that matched must hold letters or digits to match on
        assert fold(topic)


@given(anything)
def test_partners_and_events_meet_only_documented_errors(value: object) -> None:
    for call in (
        lambda: icat_data.partners(on=value),  # type: ignore[arg-type]
        lambda: icat_data.events(start=value),  # type: ignore[arg-type]
        lambda: icat_data.events(end=value),  # type: ignore[arg-type]
        lambda: icat_data.briefs(year=value),  # type: ignore[arg-type]
    ):
        try:
            result = call()
        except (TypeError, ValueError):
            continue
        assert isinstance(result, tuple)


@given(st.one_of(anything, st.sampled_from(["organizations", "events", "Events", "chair"])))
def test_to_records_takes_only_the_listed_entities(entity: object) -> None:
    try:
        rows = icat_data.to_records(entity)  # type: ignore[arg-type]
    except ValueError as error:
        assert "expected one of" in str(error)
        return
    assert entity in ENTITIES
    assert rows
