"""Chairs by year, publications and the event timeline."""

from __future__ import annotations

import datetime
from typing import Any

import numpy as np
import pytest

import icat_data
from icat_data import OutOfCoverageError, UnknownBriefError


def test_chairs_for_recorded_years() -> None:
    assert [o.acronym for o in icat_data.chairs_for(2018)] == ["UNICEF"]
    assert [o.acronym for o in icat_data.chairs_for(2019)] == ["OSCE", "UN Women"]
    assert [o.acronym for o in icat_data.chairs_for(2021)] == ["UNHCR", "UNODC"]
    assert [o.acronym for o in icat_data.chairs_for(2022)] == ["ICMPD", "UNODC"]
    assert [o.acronym for o in icat_data.chairs_for(2024)] == ["IOM", "OSRSG-VAC"]
    assert [o.acronym for o in icat_data.chairs_for(2025)] == ["OAS", "UNODC"]
    # Typed as int, but a NumPy integer (say, from a DataFrame column) works as well.
    year: Any = np.int64(2012)
    assert [o.acronym for o in icat_data.chairs_for(year)] == ["UNICEF"]


def test_chair_terms_are_in_time_order_and_match_coverage() -> None:
    years = [t.year for t in icat_data.chair_terms()]
    assert years == sorted(years)
    assert tuple(years) == icat_data.coverage().chair_years


@pytest.mark.parametrize(
    ("year", "reason"),
    [(1999, "before ICAT existed"), (2020, "no source"), (2999, "after the data's last")],
)
def test_chairs_outside_coverage_name_the_covered_years(year: int, reason: str) -> None:
    with pytest.raises(OutOfCoverageError) as caught:
        icat_data.chairs_for(year)
    message = str(caught.value)
    assert reason in message
    assert "2012, 2014, 2018-2019, 2021-2025" in message
    assert isinstance(caught.value, LookupError)


@pytest.mark.parametrize("year", [2019.0, True, None, datetime.date(2019, 5, 1)])
def test_chairs_for_needs_a_year(year: object) -> None:
    with pytest.raises(TypeError, match="year must be an int"):
        icat_data.chairs_for(year)  # type: ignore[arg-type]


@pytest.mark.parametrize("year", ["2019", " 2019 ", np.int64(2019)])
def test_a_year_is_taken_as_people_give_it(year: object) -> None:
    assert icat_data.chairs_for(year) == icat_data.chairs_for(2019)  # type: ignore[arg-type]
    assert icat_data.briefs(year=year) == icat_data.briefs(year=2019)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "year", ["2019.0", "MMXIX", "-2019", "20190", "", "\N{ARABIC-INDIC DIGIT TWO}019"]
)
def test_text_that_is_not_a_year_is_a_value_error(year: str) -> None:
    with pytest.raises(ValueError, match="is not a year: expected one such as 2019"):
        icat_data.chairs_for(year)
    with pytest.raises(ValueError, match="is not a year"):
        icat_data.briefs(year=year)


def test_get_brief_by_number() -> None:
    brief = icat_data.get_brief(12)
    assert brief.title == "Addressing vulnerabilities to trafficking in persons"
    assert brief.kind == "issue_brief"


def test_unknown_brief_number_lists_the_recorded_numbers() -> None:
    with pytest.raises(UnknownBriefError, match=r"recorded numbers: .*12") as caught:
        icat_data.get_brief(99)
    assert isinstance(caught.value, KeyError)
    with pytest.raises(TypeError):
        icat_data.get_brief("12")  # type: ignore[arg-type]


def test_briefs_filter_by_kind_year_and_topic() -> None:
    assert {b.id for b in icat_data.briefs(kind="toolkit")} == {"toolkit-2016"}
    in_2019 = icat_data.briefs(year=2019)
    assert in_2019
    assert all(b.published is not None and b.published.year == 2019 for b in in_2019)
    tech = {b.id for b in icat_data.briefs(topic="Technology")}
    assert {"issue-brief-07", "wdat-call-2022"} <= tech
    both = icat_data.briefs(kind="issue_brief", topic="technology")
    assert [b.id for b in both] == ["issue-brief-07"]
    assert [b.title for b in icat_data.briefs(kind="factsheet")] == ["ICAT Factsheet 2020"]


def test_briefs_are_in_publication_order_undated_last() -> None:
    dated = [b.published for b in icat_data.briefs() if b.published is not None]
    assert dated == sorted(dated)
    assert icat_data.briefs()[-1].published is None


def test_unknown_brief_kind_suggests_the_right_one() -> None:
    with pytest.raises(ValueError, match="did you mean 'issue_brief'"):
        icat_data.briefs(kind="issue-brief")  # type: ignore[arg-type]  # as untyped code may


def test_events_in_a_year_include_month_and_day_precision_events() -> None:
    ids = {e.id for e in icat_data.events(2019, 2019)}
    assert {"technology-brief-2019", "unga74-briefing-2019", "dpko-dpa-renamed-2019"} <= ids
    assert all(e.date.year == 2019 for e in icat_data.events(2019, 2019))


def test_events_range_is_inclusive_and_ordered() -> None:
    day = icat_data.events("2018-05-02", "2018-05-02")
    # The election is known only to the year 2018, so it overlaps every day of it.
    assert [e.id for e in day] == ["co-chairs-elected-2018", "principals-2018"]
    assert "principals-2018" in {e.id for e in icat_data.events(start="May 2018", end="May 2018")}
    everything = icat_data.events()
    assert [e.date for e in everything] == sorted(e.date for e in everything)


def test_the_second_principals_meeting_is_dated_to_its_day() -> None:
    # The 2020 listening sessions are dated to the year only, so they overlap every 2020 day.
    on_the_day = icat_data.events("2020-12-15", "2020-12-15", kind="meeting")
    (meeting,) = [e for e in on_the_day if e.date.precision == "day"]
    assert meeting.id == "principals-2020"
    assert "cbss" in meeting.organizations
    later = icat_data.events("2020-12-16", "2020-12-31", kind="meeting")
    assert [e.id for e in later] == ["covid-listening-sessions-2020"]


def test_multi_day_events_overlap_ranges_that_touch_their_last_day() -> None:
    assert [e.id for e in icat_data.events("2021-11-23", "2021-11-30")] == ["ga-hlm-gpa-2021"]


def test_events_filter_by_kind_and_reject_reversed_ranges() -> None:
    meetings = icat_data.events(kind="meeting")
    assert meetings
    assert all(e.kind == "meeting" for e in meetings)
    with pytest.raises(ValueError, match="after end"):
        icat_data.events(2020, 2019)
    with pytest.raises(ValueError, match="unknown kind"):
        icat_data.events(kind="party")  # type: ignore[arg-type]


def test_resolution_events_are_dated_to_the_day_unless_sources_disagree() -> None:
    # A resolution is dated by the day of its adoption; only a recorded disagreement between
    # sources about that day may leave it coarser.
    disputed = {r for d in icat_data.coverage().disagreements for r in d.records}
    for event in icat_data.events(kind="resolution"):
        assert event.date.precision == "day" or f"events:{event.id}" in disputed, event.id


def test_resolution_61_180_and_icat_establishment_are_two_events() -> None:
    (adopted,) = [e for e in icat_data.events(kind="resolution") if e.id == "ga-61-180"]
    assert str(adopted.date) == "2006-12-20"
    (established,) = [e for e in icat_data.events(kind="milestone") if "61/180" in e.title]
    assert str(established.date) == "2007-03"
    assert str(icat_data.events("2006-07-27", "2006-07-27")[0].date) == "2006-07-27"


def test_the_global_plan_was_adopted_and_launched_on_separate_days() -> None:
    adopted = icat_data.events("2010-07-30", "2010-07-30", kind="resolution")
    assert [e.id for e in adopted] == ["ga-64-293"]
    on_the_day = icat_data.events("2010-08-31", "2010-08-31", kind="meeting")
    (launch,) = [e for e in on_the_day if e.date.precision == "day"]
    assert launch.kind == "meeting"
    assert launch.location == "New York"


def test_events_known_only_by_a_later_report_keep_the_precision_sources_give() -> None:
    (sixth,) = [e for e in icat_data.events(2010, 2010) if e.id == "sixth-meeting-2010"]
    assert sixth.date.precision == "year"
    assert sixth.note is not None
    assert "13 December 2010" in sixth.note
    (tokyo,) = icat_data.events("2006-09", "2006-09")
    assert "first ICAT meeting" not in tokyo.title
    assert "vdocument-icat-2010-side-event" in {s.id for s in tokyo.sources}


def test_issue_briefs_10_and_11() -> None:
    assert icat_data.get_brief(10).id == "public-procurement-brief-2021"
    organ = icat_data.get_brief(11)
    assert organ.title == "Trafficking in persons for the purpose of organ removal"
    assert organ.published is None
    note = icat_data.get_brief(1).note
    assert note is not None
    assert note.startswith("Weakly attested")
