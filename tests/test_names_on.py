"""Organization.name_on() and acronym_on(): the name and acronym borne on a date."""

from __future__ import annotations

import datetime

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import icat_data
from icat_data import FormerName, Organization, OutOfCoverageError, PartialDate

RENAMED = [o for o in icat_data.organizations() if o.former_names]
FORMER = [(o, f) for o in RENAMED for f in o.former_names]


def _renamed(*former: FormerName) -> Organization:
    """DPO with other former names: the data's renames are all dated to the day."""
    return attrs.evolve(icat_data.get_organization("DPO"), former_names=former)


def test_the_data_has_renames_to_test() -> None:
    assert {(o.acronym, f.acronym) for o, f in FORMER} == {("DPO", "DPKO"), ("DPPA", "DPA")}


@pytest.mark.parametrize(("organization", "former"), FORMER, ids=lambda x: getattr(x, "id", ""))
def test_every_former_name_is_borne_until_its_until(
    organization: Organization, former: FormerName
) -> None:
    until = former.until
    before = until.first_day - datetime.timedelta(days=1)
    assert organization.name_on(before) == former.name
    assert organization.acronym_on(before) == former.acronym
    # its last year and month, and any date before them, answer the former name
    assert organization.name_on(before.year) == former.name
    assert organization.name_on(before.strftime("%Y-%m")) == former.name
    assert organization.name_on(1990) == former.name
    # until is the first day it no longer applied
    assert organization.name_on(until.first_day) == organization.name
    assert organization.acronym_on(until.last_day) == organization.acronym
    assert organization.name_on(icat_data.coverage().as_of) == organization.name


def test_dpko_became_dpo_on_1_january_2019() -> None:
    dpo = icat_data.get_organization("DPKO")
    assert dpo.name_on(2018) == "Department of Peacekeeping Operations"
    assert dpo.acronym_on("31 December 2018") == "DPKO"
    assert dpo.acronym_on("2019-01-01") == "DPO"
    assert dpo.name_on(2019) == "Department of Peace Operations"


def test_dpa_became_dppa_on_1_january_2019() -> None:
    dppa = icat_data.get_organization("DPPA")
    assert dppa.acronym_on(datetime.date(2018, 6, 1)) == "DPA"
    assert dppa.acronym_on(datetime.datetime(2019, 1, 1, 9)) == "DPPA"


def test_an_organization_never_renamed_bears_its_name_at_any_date() -> None:
    iom = icat_data.get_organization("IOM")
    assert (iom.name_on(1800), iom.acronym_on("2030-05")) == (iom.name, iom.acronym)


def test_a_period_spanning_a_rename_answers_the_name_at_its_end() -> None:
    org = _renamed(FormerName("Old Name", "ON", PartialDate(2015, 3, 10)))
    assert org.acronym_on(2015) == org.acronym
    assert org.acronym_on("2015-03") == org.acronym
    assert org.acronym_on("2015-02") == "ON"
    assert org.acronym_on("2015-03-09") == "ON"


@pytest.mark.parametrize("until", [PartialDate(2015), PartialDate(2015, 3)])
def test_a_rename_dated_to_a_period_is_unknown_inside_it(until: PartialDate) -> None:
    org = _renamed(FormerName("Old Name", "ON", until))
    assert org.name_on(until.first_day - datetime.timedelta(days=1)) == "Old Name"
    assert org.name_on(str(until)) == org.name  # the whole period: the name at its end
    assert org.name_on(until.last_day) == org.name
    for inside in (until.first_day, until.last_day - datetime.timedelta(days=1)):
        with pytest.raises(OutOfCoverageError, match=f"only to {until}"):
            org.name_on(inside)
        with pytest.raises(OutOfCoverageError):
            org.acronym_on(inside)
    if until.month is None:
        with pytest.raises(OutOfCoverageError):
            org.name_on("2015-06")


def test_several_renames_answer_in_turn_whatever_their_order() -> None:
    org = _renamed(
        FormerName("Second", "S", PartialDate(2010, 1, 1)),
        FormerName("First", "F", PartialDate(2000, 1, 1)),
    )
    assert [org.acronym_on(y) for y in (1999, 2000, 2009, 2010)] == ["F", "S", "S", "DPO"]


def test_a_former_name_without_an_acronym_says_so() -> None:
    org = _renamed(FormerName("Old Name", None, PartialDate(2015, 1, 1)))
    assert org.name_on(2014) == "Old Name"
    with pytest.raises(OutOfCoverageError, match="no acronym for 'Old Name'"):
        org.acronym_on(2014)
    assert org.acronym_on(2015) == "DPO"


def test_a_bad_date_is_the_usual_error() -> None:
    dpo = icat_data.get_organization("DPO")
    with pytest.raises(ValueError, match="on"):
        dpo.name_on("not a date")
    with pytest.raises(TypeError):
        dpo.acronym_on(1.5)  # type: ignore[arg-type]


day = st.dates(datetime.date(1, 1, 1), datetime.date(9999, 12, 31))
period = st.one_of(
    day.map(PartialDate.from_date),
    day.map(lambda d: PartialDate(d.year, d.month)),
    day.map(lambda d: PartialDate(d.year)),
)


@given(st.sampled_from(FORMER), day)
def test_any_day_answers_the_name_its_until_says(
    pair: tuple[Organization, FormerName], on: datetime.date
) -> None:
    organization, former = pair
    expected = former if on < former.until.first_day else None
    assert organization.name_on(on) == (expected.name if expected else organization.name)
    assert organization.acronym_on(on) == (expected.acronym if expected else organization.acronym)


@given(
    st.sampled_from([PartialDate(2015), PartialDate(2015, 3), PartialDate(2015, 3, 10)]), period
)
def test_any_period_answers_the_name_of_its_last_day_or_says_it_cannot(
    until: PartialDate, on: PartialDate
) -> None:
    org = _renamed(FormerName("Old Name", "ON", until))
    try:
        by_day = org.name_on(on.last_day)
    except OutOfCoverageError:
        assert until.first_day <= on.last_day < until.last_day
        with pytest.raises(OutOfCoverageError):
            org.name_on(str(on))
        return
    assert org.name_on(str(on)) == by_day
    assert by_day == ("Old Name" if on.last_day < until.first_day else org.name)
