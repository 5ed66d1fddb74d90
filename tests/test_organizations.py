"""Organizations: lookup by any name, dated membership, partners and the coordinator."""

from __future__ import annotations

import datetime

import pytest

import icat_data
from icat_data import UnknownOrganizationError


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("UN Women", "un-women"),
        ("un-women", "un-women"),
        ("UNWOMEN", "un-women"),
        ("  un women ", "un-women"),
        ("United Nations Entity for Gender Equality and the Empowerment of Women", "un-women"),
        ("unodc", "unodc"),
        ("DPKO", "dpo"),
        ("Department of Peacekeeping Operations", "dpo"),
        ("DPA", "dppa"),
        ("UNDAW", "daw"),
        ("World Bank", "world-bank"),
        ("the world bank", "world-bank"),
        ("SRSG-SVC", "osrsg-svc"),
        ("Organization for Security and Co-operation in Europe", "osce"),
        # Short forms the bodies use, and the long forms the acronyms held before 2026.12.04.
        ("UNSRTIP", "sr-tip"),
        ("Special Rapporteur on trafficking in persons", "sr-tip"),
        ("CoE", "coe"),
        ("Council of Europe", "coe"),
    ],
)
def test_any_name_finds_its_organization(key: str, expected: str) -> None:
    assert icat_data.get_organization(key).id == expected
    found = icat_data.find_organization(key)
    assert found is not None
    assert found.id == expected


def test_unknown_name_raises_with_close_matches() -> None:
    with pytest.raises(UnknownOrganizationError) as caught:
        icat_data.get_organization("UNDOC")
    assert caught.value.suggestions[0] == "UNODC"
    assert "did you mean 'UNODC'" in str(caught.value)
    assert isinstance(caught.value, KeyError)
    assert isinstance(caught.value, LookupError)
    assert isinstance(caught.value, icat_data.IcatDataError)


def test_unknown_name_with_nothing_close_still_says_what_to_do() -> None:
    with pytest.raises(UnknownOrganizationError, match="search_organizations"):
        icat_data.get_organization("Zzzzzzzz")
    assert icat_data.find_organization("Zzzzzzzz") is None


@pytest.mark.parametrize("key", [None, 42, b"UNODC", ["UNODC"]])
def test_non_string_keys_are_type_errors(key: object) -> None:
    with pytest.raises(TypeError, match="key must be a str"):
        icat_data.get_organization(key)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        icat_data.find_organization(key)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        icat_data.is_member(key)  # type: ignore[arg-type]


def test_search_ranks_exact_then_prefix_then_substring() -> None:
    assert icat_data.search_organizations("UNICEF")[0].id == "unicef"
    women = [o.id for o in icat_data.search_organizations("women")]
    assert set(women) == {"un-women", "unifem", "daw", "sr-tip"}
    assert icat_data.search_organizations("Interpool")[0].id == "interpol"  # a typo
    assert icat_data.search_organizations("") == []
    assert icat_data.search_organizations("qqqqqq") == []


def test_members_in_2019_are_the_23_of_the_chairs_report() -> None:
    members = icat_data.members(on=2019)
    assert len(members) == 23
    assert {"dpo", "dppa", "icmpd", "unodc", "world-bank", "un-women"} <= {o.id for o in members}
    assert [o.id for o in icat_data.partners(on=2019)] == ["coe", "sr-tip"]


def test_members_at_founding_are_the_seven_participants_of_september_2006() -> None:
    founders = {o.acronym for o in icat_data.members(on="September 2006")}
    assert founders == {"ILO", "IOM", "UNICEF", "UNIFEM", "DAW", "UNHCR", "UNODC"}
    assert icat_data.members(on=2005) == ()


def test_merged_organizations_stop_being_members() -> None:
    assert icat_data.is_member("UNIFEM", on="2010-12-31")
    assert icat_data.is_member("UNIFEM", on="2011-01-15")  # a month end covers its month
    assert not icat_data.is_member("UNIFEM", on="2011-02-01")
    assert not icat_data.is_member("UNIFEM")
    assert icat_data.get_organization("UNIFEM").successor == "un-women"


def test_is_member_answers_for_the_organization_behind_a_former_name() -> None:
    assert icat_data.is_member("DPKO", on="2019-06-30")
    assert icat_data.is_member("DPO", on=datetime.date(2019, 6, 30))
    assert icat_data.is_member("ICMPD", on=2016)
    assert not icat_data.is_member("ICMPD", on=2015)


def test_a_membership_known_to_the_month_covers_that_whole_month() -> None:
    # The CBSS joined in April 2020: members() grows by one from the first day of that month.
    assert not icat_data.is_member("CBSS", on="2020-03-31")
    assert icat_data.is_member("Council of the Baltic Sea States", on="2020-04-01")
    assert len(icat_data.members(on="2020-04-01")) == len(icat_data.members(on="2020-03-31")) + 1


def test_is_member_is_false_for_partners_and_other_dates() -> None:
    assert not icat_data.is_member("Council of Europe", on=2019)
    assert not icat_data.is_member("OSCE", on=2017)
    assert icat_data.is_member("UNODC")


@pytest.mark.parametrize("on", [None, 2019, "2019-06-30"])
def test_is_member_refuses_a_name_the_data_does_not_know(on: object) -> None:
    # The data knows it lacks some members: False for an unknown name would be a claim.
    with pytest.raises(icat_data.UnknownOrganizationError, match=r"'UNDOC'; did you mean 'UNODC'"):
        icat_data.is_member("UNDOC", on=on)  # type: ignore[arg-type]
    with pytest.raises(icat_data.UnknownOrganizationError, match="'NATO'"):
        icat_data.is_member("NATO", on=on)  # type: ignore[arg-type]


def test_is_member_without_a_date_agrees_with_members_for_every_name() -> None:
    current = set(icat_data.members())
    for org in icat_data.organizations():
        for name in org.names():
            for spelling in (name, name.lower(), f" {name.upper()} "):
                assert icat_data.is_member(spelling) is (org in current), spelling


def test_default_date_is_coverage_as_of() -> None:
    as_of = icat_data.coverage().as_of
    assert icat_data.members() == icat_data.members(on=as_of)
    assert icat_data.partners() == icat_data.partners(on=as_of)


def test_bad_dates_are_value_errors() -> None:
    with pytest.raises(ValueError, match="ambiguous"):
        icat_data.members(on="03/04/2019")
    with pytest.raises(TypeError):
        icat_data.members(on=True)


def test_coordinator_is_unodc() -> None:
    assert icat_data.coordinator().acronym == "UNODC"


def test_organizations_lists_everyone_once_in_id_order() -> None:
    ids = [o.id for o in icat_data.organizations()]
    assert ids == sorted(ids)
    assert len(ids) == len(set(ids)) == icat_data.manifest().counts["organizations"]


def test_former_names_are_dated() -> None:
    (former,) = icat_data.get_organization("DPO").former_names
    assert (former.acronym, str(former.until)) == ("DPKO", "2019-01-01")


def test_unfpa_is_a_member_from_the_briefing_of_5_october_2018() -> None:
    assert icat_data.is_member("UNFPA", on="2018-10-05")
    assert not icat_data.is_member("UNFPA", on="2018-10-04")
    unaids = icat_data.get_organization("UNAIDS")
    assert unaids.name == "Joint United Nations Programme on HIV/AIDS"


def test_dppa_records_its_merger_and_no_predecessor_without_a_source() -> None:
    dppa = icat_data.get_organization("DPPA")
    assert dppa.note is not None
    assert "Peacebuilding Support Office" in dppa.note
    assert icat_data.find_organization("Peacebuilding Support Office") is None
