"""events() by year and organization, briefs() by a word of the title, and what chairs_for()
refuses, on the real data."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import icat_data
from icat_data._dataset import fold

ORGANIZATIONS = icat_data.organizations()
KEYS = sorted({name for org in ORGANIZATIONS for name in org.names()})
EVENT_YEARS = sorted({e.date.year for e in icat_data.events()})
years = st.integers(EVENT_YEARS[0] - 2, EVENT_YEARS[-1] + 2)
dates = st.dates(
    datetime.date(EVENT_YEARS[0] - 2, 1, 1), datetime.date(EVENT_YEARS[-1] + 2, 12, 31)
)


@settings(max_examples=60, deadline=None)
@given(years, st.sampled_from([None, *icat_data.EVENT_KINDS]))
def test_events_in_a_year_are_the_events_from_its_first_to_its_last_day(
    year: int, kind: icat_data.EventKind | None
) -> None:
    found = icat_data.events(year=year, kind=kind)
    assert found == icat_data.events(str(year), str(year), kind=kind)
    assert found == icat_data.events(year=str(year), kind=kind)
    for event in found:
        assert event.date.first_day.year <= year <= event.last_day.year


def test_events_in_a_year_are_not_those_from_it_on() -> None:
    # events("2019") means "from 2019 on"; year=2019 is 2019 alone
    in_2019 = icat_data.events(year=2019)
    assert in_2019
    assert len(in_2019) < len(icat_data.events("2019"))
    assert {e.date.year for e in in_2019} == {2019}
    assert icat_data.events(year=1990) == ()


@settings(max_examples=100, deadline=None)
@given(years, dates, dates)
def test_a_year_with_start_and_end_is_the_days_in_both(
    year: int, one: datetime.date, other: datetime.date
) -> None:
    start, end = min(one, other), max(one, other)
    found = icat_data.events(start, end, year=year)
    first, last = max(start, datetime.date(year, 1, 1)), min(end, datetime.date(year, 12, 31))
    if first > last:
        assert found == ()  # no day is in both: no event is
    else:
        assert found == icat_data.events(first, last)
    assert set(found) <= set(icat_data.events(start, end)) & set(icat_data.events(year=year))


def test_a_year_outside_the_range_asked_gives_no_event() -> None:
    assert icat_data.events(year=2019)
    assert icat_data.events(start="2020")
    assert icat_data.events(start="2020", year=2019) == ()
    assert icat_data.events(end="2018-12-31", year=2019) == ()
    # a range within the year narrows it
    may = icat_data.events("2019-05", "2019-05")
    assert icat_data.events("2019-05", "2019-05", year=2019) == may


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(KEYS), st.sampled_from([None, *icat_data.EVENT_KINDS]))
def test_events_of_an_organization_name_it_by_any_of_its_keys(
    key: str, kind: icat_data.EventKind | None
) -> None:
    org = icat_data.get_organization(key)
    found = icat_data.events(organization=key, kind=kind)
    assert all(org.id in event.organizations for event in found)
    assert found == tuple(e for e in icat_data.events(kind=kind) if org.id in e.organizations)
    assert found == icat_data.events(organization=key.upper(), kind=kind)


def test_events_of_unodc_are_found_by_its_former_name_and_in_a_year() -> None:
    unodc = icat_data.events(organization="UNODC")
    assert unodc
    assert icat_data.events(organization="unodc") == unodc
    in_2019 = icat_data.events(organization="UNODC", year=2019)
    assert in_2019 == tuple(e for e in icat_data.events(year=2019) if "unodc" in e.organizations)


def test_an_unknown_organization_is_an_error_with_close_matches() -> None:
    with pytest.raises(icat_data.UnknownOrganizationError) as caught:
        icat_data.events(organization="UNDOC")
    assert "UNODC" in caught.value.suggestions
    with pytest.raises(TypeError, match="organization must be a str"):
        icat_data.events(organization=42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("year", "error"),
    [("10000", ValueError), (0, ValueError), (2019.0, TypeError), ("x", ValueError)],
)
def test_a_year_that_is_no_year_is_refused(year: object, error: type[Exception]) -> None:
    with pytest.raises(error, match="year"):
        icat_data.events(year=year)  # type: ignore[arg-type]


def _words(title: str) -> list[str]:
    return [word for word in title.split() if len(fold(word)) >= 4]


BRIEFS = icat_data.briefs()


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(BRIEFS), st.data())
def test_a_word_of_a_title_or_a_topic_finds_the_brief(
    brief: icat_data.Brief, data: st.DataObject
) -> None:
    words = _words(brief.title) + list(brief.topics)
    word = data.draw(st.sampled_from(words))
    found = icat_data.briefs(text=word)
    assert brief in found
    wanted = fold(word)
    for each in found:
        assert wanted in fold(each.title) or any(wanted in fold(t) for t in each.topics)
    assert found == icat_data.briefs(text=word.upper())


def test_text_combines_with_the_other_filters_and_topic_is_within_it() -> None:
    assert icat_data.briefs(text="technology", kind="issue_brief") == tuple(
        b for b in icat_data.briefs(text="technology") if b.kind == "issue_brief"
    )
    for topic in {t for b in BRIEFS for t in b.topics}:
        assert set(icat_data.briefs(topic=topic)) <= set(icat_data.briefs(text=topic))
    assert icat_data.briefs(text="xyzzy") == ()


@pytest.mark.parametrize("text", ["", "!!!", " ", "a" * 201, "\ufdfa" * 200])
def test_text_has_the_bounds_and_errors_of_topic(text: str) -> None:
    with pytest.raises(ValueError, match=r"^text ") as by_text:
        icat_data.briefs(text=text)
    with pytest.raises(ValueError, match=r"^topic ") as by_topic:
        icat_data.briefs(topic=text)
    assert str(by_text.value).replace("text", "topic", 1) == str(by_topic.value)
    with pytest.raises(TypeError, match="text must be a str"):
        icat_data.briefs(text=b"technology")  # type: ignore[arg-type]


@pytest.mark.parametrize("year", [1990, 2013, "2030", 9999])
def test_out_of_coverage_says_the_year_refused_and_the_years_covered(year: int | str) -> None:
    with pytest.raises(icat_data.OutOfCoverageError) as caught:
        icat_data.chairs_for(year)
    assert caught.value.year == int(year)
    assert caught.value.covered == icat_data.coverage().chair_years
    with pytest.raises(icat_data.OutOfCoverageError) as again:
        icat_data.edition().chairs_for(year)
    assert (again.value.year, again.value.covered) == (caught.value.year, caught.value.covered)
