"""The organization-by-year panel agrees with the queries for every year and role."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

import icat_data
from icat_data import Organization, OrganizationYear
from icat_data._load import dataset
from icat_data._panel import organization_years

ROWS = organization_years(dataset())
AS_OF = icat_data.coverage().as_of
# From before ICAT's first records to after the data's last year: no row outside them.
YEARS = range(2000, AS_OF.year + 3)
QUERIES: dict[str, Callable[..., tuple[Organization, ...]]] = {
    "member": icat_data.members,
    "partner": icat_data.partners,
}


def _ids(organizations: tuple[Organization, ...]) -> set[str]:
    return {o.id for o in organizations}


@pytest.mark.parametrize("role", sorted(QUERIES))
@pytest.mark.parametrize("year", YEARS)
def test_every_year_agrees_with_the_queries(year: int, role: str) -> None:
    query = QUERIES[role]
    rows = [r for r in ROWS if r.year == year and r.role == role]
    in_year = _ids(query(on=year)) if year <= AS_OF.year else set()
    assert {r.organization for r in rows} == in_year
    assert {r.organization for r in rows if r.at_start} == (
        _ids(query(on=f"{year}-01-01")) & in_year
    )
    assert {r.organization for r in rows if r.at_end} == (
        _ids(query(on=f"{year}-12-31")) & in_year
    )


def test_the_panel_has_rows_for_both_roles_and_ends_at_as_of() -> None:
    assert {r.role for r in ROWS} >= {"member", "partner"}
    assert max(r.year for r in ROWS) == AS_OF.year
    assert len({(r.organization, r.role, r.year) for r in ROWS}) == len(ROWS)
    assert list(ROWS) == sorted(ROWS)


def test_every_row_starts_at_its_roles_first_year() -> None:
    for org in icat_data.organizations():
        for membership in org.memberships:
            years = [
                r.year for r in ROWS if r.organization == org.id and r.role == membership.role
            ]
            assert years[0] == membership.start.year
            first = next(r for r in ROWS if (r.organization, r.role) == (org.id, membership.role))
            assert first.start_attested_only == membership.start_attested_only


def _row(organization: str, year: int, role: str = "member") -> OrganizationYear:
    (row,) = (r for r in ROWS if (r.organization, r.year, r.role) == (organization, year, role))
    return row


def test_2011_a_year_counts_more_members_than_any_day() -> None:
    # DAW and UNIFEM ended in January 2011 (an end known to the month keeps it all), and UN
    # Women's membership is recorded from its first attestation, June 2011: all three are
    # 2011 members, though no day had all of them.
    rows = [r for r in ROWS if r.year == 2011 and r.role == "member"]
    assert (len(rows), sum(r.at_start for r in rows), sum(r.at_end for r in rows)) == (11, 7, 9)
    assert (_row("daw", 2011).at_start, _row("daw", 2011).at_end) == (True, False)
    assert (_row("unifem", 2011).at_start, _row("unifem", 2011).at_end) == (True, False)
    un_women = _row("un-women", 2011)
    assert (un_women.at_start, un_women.at_end, un_women.start_attested_only) == (
        False,
        True,
        True,
    )
    assert not any(r.organization in {"daw", "unifem"} for r in ROWS if r.year == 2012)


def test_a_row_bears_the_name_of_its_years_end() -> None:
    # The data records DPO (DPKO until 2019-01-01) as a member from 2019 only: its 2018 name
    # is DPKO, but it has no 2018 row; its first row bears the name it had at 2019's end.
    dpo = icat_data.get_organization("DPO")
    assert dpo.acronym_on(2018) == "DPKO"
    assert not any(r.organization == "dpo" and r.year == 2018 for r in ROWS)
    row = _row("dpo", 2019)
    assert (row.acronym, row.name, row.at_start) == ("DPO", "Department of Peace Operations", True)
    assert _row("dppa", 2019).acronym == "DPPA"
    for r in ROWS:
        org = icat_data.get_organization(r.organization)
        assert (r.acronym, r.name) == (org.acronym_on(r.year), org.name_on(r.year))


def test_rows_are_json_ready() -> None:
    assert json.loads(json.dumps([r.to_dict() for r in ROWS])) == [r.to_dict() for r in ROWS]
    assert ROWS[0].to_dict().keys() == {
        "organization",
        "year",
        "role",
        "at_start",
        "at_end",
        "acronym",
        "name",
        "start_attested_only",
    }


def test_the_panel_is_computed_only_when_asked() -> None:
    import subprocess
    import sys

    code = (
        "import sys, icat_data; icat_data.members(); icat_data.to_records('organizations'); "
        "print('icat_data._panel' in sys.modules)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == "False"


def test_the_panel_is_an_entity_of_every_export() -> None:
    assert icat_data.to_records("organization_years") == [r.to_dict() for r in ROWS]
    frame = icat_data.to_dataframe("organization_years")
    assert len(frame) == len(ROWS)
    assert str(frame["year"].dtype) == "int64"  # a plain year, not a date a plot misreads
    assert frame["at_end"].dtype == bool
