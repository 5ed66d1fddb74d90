"""The record classes: partial dates, intervals, immutability and value semantics."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import attrs
import pytest

import icat_data
from icat_data import Membership, PartialDate
from icat_data._models import FrozenMap


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2019", "year", datetime.date(2019, 1, 1), datetime.date(2019, 12, 31)),
        ("2020-02", "month", datetime.date(2020, 2, 1), datetime.date(2020, 2, 29)),
        ("2019-02", "month", datetime.date(2019, 2, 1), datetime.date(2019, 2, 28)),
        ("2018-05-02", "day", datetime.date(2018, 5, 2), datetime.date(2018, 5, 2)),
    ],
)
def test_partial_date_bounds_and_precision(
    text: str, precision: str, first: datetime.date, last: datetime.date
) -> None:
    date = PartialDate.from_iso(text)
    assert date.precision == precision
    assert (date.first_day, date.last_day) == (first, last)
    assert str(date) == text


@pytest.mark.parametrize(
    "text", ["19", "2019-13", "2019-02-30", "2019-5", "2019/05", "May 2019", "", "0000"]
)
def test_partial_date_rejects_what_is_not_an_iso_date(text: str) -> None:
    with pytest.raises(ValueError, match=r"ISO|outside"):
        PartialDate.from_iso(text)


def test_partial_date_needs_a_month_for_a_day() -> None:
    with pytest.raises(ValueError, match="a day needs a month"):
        PartialDate(2019, None, 5)


def test_partial_dates_sort_by_time_coarser_first() -> None:
    dates = [PartialDate.from_iso(t) for t in ["2019-01-01", "2018", "2019-01", "2019", "2020"]]
    assert [str(d) for d in sorted(dates)] == ["2018", "2019", "2019-01", "2019-01-01", "2020"]


def _membership(start: str, end: str | None) -> Membership:
    return Membership(
        role="member",
        start=PartialDate.from_iso(start),
        end=None if end is None else PartialDate.from_iso(end),
        start_attested_only=False,
        sources=(),
    )


@pytest.mark.parametrize(
    ("start", "end", "day", "inside"),
    [
        ("2016", None, "2016-01-01", True),  # a year start covers the whole year
        ("2016", None, "2016-03-01", True),
        ("2016", None, "2015-12-31", False),
        ("2016-03-10", None, "2016-03-09", False),
        ("2016", "2018-06-30", "2018-06-29", True),
        ("2016", "2018-06-30", "2018-06-30", False),  # a day-precision end is exclusive
        ("2006-09", "2011-01", "2011-01-31", True),  # a month end covers its month
        ("2006-09", "2011-01", "2011-02-01", False),
    ],
)
def test_membership_interval_semantics(
    start: str, end: str | None, day: str, inside: bool
) -> None:
    on = datetime.date.fromisoformat(day)
    assert _membership(start, end).overlaps(on, on) is inside


def test_membership_rejects_an_end_before_its_start() -> None:
    with pytest.raises(ValueError, match="before start"):
        _membership("2019", "2018")


def test_membership_rejects_an_unknown_role() -> None:
    with pytest.raises(ValueError, match="role"):
        attrs.evolve(_membership("2019", None), role="observer")  # type: ignore[arg-type]


def test_records_are_frozen_hashable_and_compared_by_value() -> None:
    org = icat_data.get_organization("UNODC")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        org.name = "changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        org.extra = 1  # type: ignore[attr-defined]
    assert isinstance(org.memberships, tuple)
    assert isinstance(org.sources, tuple)
    assert hash(org) == hash(attrs.evolve(org))
    assert org == attrs.evolve(org)
    assert org != attrs.evolve(org, name="Other")
    assert hash(org) != hash(attrs.evolve(org, name="Other"))
    assert "UNODC" in repr(org)


def test_records_of_different_classes_are_never_equal() -> None:
    source = icat_data.get_organization("UNODC").sources[0]
    twin = icat_data.FormerName("x", None, icat_data.PartialDate(2019))
    assert source != twin
    assert (source == twin) is False
    assert len({source, attrs.evolve(source), twin}) == 2
    assert icat_data.get_brief(12) != "issue-brief-12"


def test_manifest_mappings_are_read_only_and_hashable() -> None:
    manifest = icat_data.manifest()
    with pytest.raises(TypeError):
        manifest.files["x.json"] = "0"  # type: ignore[index]
    with pytest.raises(AttributeError):
        manifest.counts.clear()  # type: ignore[attr-defined]
    assert hash(manifest) == hash(attrs.evolve(manifest))
    assert FrozenMap({"a": 1}) == {"a": 1}
    assert FrozenMap({"a": 1}) != FrozenMap({"a": 2})


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("PartialDate(2006, 9) < date(2020, 1, 1)", True),
        ("PartialDate(2006, 9) > date(2006, 8, 31)", True),
        ("PartialDate(2006, 9) >= date(2006, 9, 1)", True),
        ("PartialDate(2006, 9) <= date(2006, 9, 30)", True),
        ("PartialDate(2019, 5, 2) <= date(2019, 5, 2)", True),
        ("PartialDate(2019, 5, 2) < datetime(2019, 5, 2, 23, 59)", False),
        ("date(2020, 1, 1) > PartialDate(2006, 9)", True),
        ("date(2005, 1, 1) >= PartialDate(2006)", False),
        ("PartialDate(2019, 5, 2) == date(2019, 5, 2)", False),
    ],
)
def test_a_partial_date_compares_with_a_date_where_every_day_agrees(
    expression: str, expected: bool
) -> None:
    names = {"PartialDate": PartialDate, "date": datetime.date, "datetime": datetime.datetime}
    assert eval(expression, names) is expected


@pytest.mark.parametrize(
    "compare",
    [
        lambda: PartialDate(2019) < datetime.date(2019, 6, 1),
        lambda: PartialDate(2019, 6) >= datetime.date(2019, 6, 15),
        lambda: datetime.date(2019, 6, 1) > PartialDate(2019),
    ],
)
def test_a_comparison_that_depends_on_the_day_meant_says_how_to_ask(
    compare: Callable[[], bool],
) -> None:
    with pytest.raises(
        TypeError, match=r"depends on which day of 2019.* \.first_day or \.last_day"
    ):
        compare()


def test_a_partial_date_still_refuses_other_types() -> None:
    with pytest.raises(TypeError):
        _ = PartialDate(2019) < 2020
