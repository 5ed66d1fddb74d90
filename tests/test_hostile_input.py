"""Hostile input costs little and fails cleanly: bounded work, short messages, typed errors."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import icat_data
from icat_data import PartialDate
from icat_data._dataset import fold
from icat_data._dates import to_partial_date
from icat_data._load import dataset

HUGE_TEXT = "a" * 1_000_000
HUGE_INT = 10**5000  # str() of it exceeds Python's int-to-str limit


def test_a_huge_key_is_not_an_organization_and_is_never_folded() -> None:
    icat_data.get_organization("un-women")  # loaded, and every known name folded
    before = fold.cache_info().currsize
    assert icat_data.find_organization(HUGE_TEXT) is None
    with pytest.raises(icat_data.UnknownOrganizationError) as caught:
        icat_data.get_organization(HUGE_TEXT)
    assert len(str(caught.value)) < 300  # the key is shown as an excerpt, not echoed whole
    assert caught.value.key == HUGE_TEXT
    with pytest.raises(icat_data.UnknownOrganizationError):
        icat_data.is_member(HUGE_TEXT, on=2019)
    assert fold.cache_info().currsize == before  # nothing of it is kept


def test_a_name_padded_past_the_cap_is_unknown_and_costs_no_more_than_a_capped_key() -> None:
    # Stripping megabytes of spaces would cost their length: a key over the cap is unknown
    # as it is, whatever it holds, and is neither folded nor remembered.
    icat_data.get_organization("UNODC")
    misses = fold.cache_info().misses
    for padded in (" " * 10_000_000 + "UNODC" + " " * 100, "UNODC" + " " * 10_000_000):
        assert icat_data.find_organization(padded) is None
        with pytest.raises(icat_data.UnknownOrganizationError) as caught:
            icat_data.get_organization(padded)
        assert caught.value.suggestions == ()
        assert padded not in dataset().by_spelling
    assert fold.cache_info().misses == misses
    # Within the cap, padding is no part of the name.
    assert icat_data.get_organization(" " * 195 + "UNODC").id == "unodc"


@pytest.mark.parametrize(
    "call",
    [
        lambda: icat_data.search_organizations(HUGE_TEXT),
        lambda: icat_data.briefs(topic=HUGE_TEXT),
        lambda: icat_data.briefs(text=HUGE_TEXT),
        lambda: icat_data.briefs(kind=HUGE_TEXT),  # type: ignore[arg-type]
        lambda: icat_data.events(kind=HUGE_TEXT),  # type: ignore[arg-type]
        lambda: icat_data.members(on=HUGE_TEXT),
        lambda: icat_data.events(start=HUGE_TEXT),
    ],
)
def test_huge_text_is_refused_before_any_work(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match="too long") as caught:
        call()
    assert len(str(caught.value)) < 300


def test_a_huge_brief_number_is_an_unknown_brief() -> None:
    with pytest.raises(icat_data.UnknownBriefError, match="an integer of 16610 bits") as caught:
        icat_data.get_brief(HUGE_INT)
    assert caught.value.number == HUGE_INT


@pytest.mark.parametrize(
    "call",
    [
        lambda: icat_data.chairs_for(HUGE_INT),
        lambda: icat_data.members(on=HUGE_INT),
        lambda: icat_data.partners(on=-HUGE_INT),
        lambda: icat_data.is_member("UNODC", on=HUGE_INT),
        lambda: icat_data.briefs(year=HUGE_INT),
        lambda: icat_data.events(start=HUGE_INT),
        lambda: PartialDate(HUGE_INT),
        lambda: PartialDate(2019, HUGE_INT),
    ],
)
def test_huge_integers_never_leak_the_int_to_str_limit(call: Callable[[], object]) -> None:
    with pytest.raises(ValueError, match="an integer of 16610 bits is outside"):
        call()


def test_a_topic_with_nothing_to_match_is_refused() -> None:
    with pytest.raises(ValueError, match="no letters or digits"):
        icat_data.briefs(topic="!!!")
    assert icat_data.briefs(topic="tech")


@pytest.mark.parametrize(
    "make",
    [
        lambda: PartialDate(2019.5),  # type: ignore[arg-type]
        lambda: PartialDate(True),
        lambda: PartialDate(2019, 2.5),  # type: ignore[arg-type]
        lambda: PartialDate(2019, 5, False),
        lambda: PartialDate(None),  # type: ignore[arg-type]
        lambda: PartialDate("2019"),  # type: ignore[arg-type]
    ],
)
def test_partial_date_parts_must_be_ints(make: Callable[[], object]) -> None:
    with pytest.raises(TypeError, match="must be an int"):
        make()


@pytest.mark.parametrize(
    "text",
    [
        "2019".translate({ord("0") + i: 0x0660 + i for i in range(10)}),  # Arabic-Indic
        "2019-05".translate({ord("0") + i: 0xFF10 + i for i in range(10)}),  # fullwidth
        "20190502",
        "2019-W01-1",
    ],
)
def test_from_iso_reads_only_ascii_iso_text(text: str) -> None:
    with pytest.raises(ValueError, match="not an ISO date"):
        PartialDate.from_iso(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-05-02 10:00 UTC", "2019-05-02"),
        ("2019-05-02T10:00Z", "2019-05-02"),
        ("2019-05-02T10:00:00.000Z", "2019-05-02"),
        ("2019-05-02T23:30+05:30", "2019-05-02"),
        ("2019/05/02", "2019-05-02"),
        ("2 May 2019 10:00 EST", "2019-05-02"),
        ("2 May 2019 10:00 XYZ", "2019-05-02"),
        ("Thursday 2 May 2019", "2019-05-02"),
        ("2\N{NO-BREAK SPACE}May 2019", "2019-05-02"),
    ],
)
def test_unambiguous_dates_read_alike_on_every_python(text: str, expected: str) -> None:
    # No datetime.fromisoformat: it reads more forms on 3.11+ than on 3.10.
    assert str(to_partial_date(text)) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-2019", "could not read"),
        ("+2019", "could not read"),
        ("2019\x00", "could not read"),
        ("Tuesday 2019", "names a weekday but no day"),
        ("Tuesday 2 May 2019", "2019-05-02 was a Thursday"),
        ("2019-W01", "could not read"),
        ("2019.05.02 \N{DEVANAGARI DIGIT TWO}019", "could not read"),
    ],
)
def test_dates_that_are_not_unambiguous_are_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        to_partial_date(text)


_TOKENS = st.sampled_from(
    [
        "2019", "05", "2", "30", "May", "September", "Tuesday", "Thu", "UTC", "EST", "XYZ",
        "+05:30", "Z", "T", "10:00", "-", "/", ".", ",", " ", "\N{DEVANAGARI DIGIT ONE}",
        "\N{FULLWIDTH DIGIT TWO}", "\x00", "of", "the", "2nd",
    ]
)  # fmt: skip


@given(st.lists(_TOKENS, max_size=8).map("".join))
def test_any_date_text_is_a_date_or_a_value_error_and_never_a_warning(text: str) -> None:
    # pytest turns warnings into errors here (pyproject's filterwarnings), as -W error would.
    try:
        date = to_partial_date(text)
    except ValueError:
        return
    assert isinstance(date.first_day, datetime.date)
