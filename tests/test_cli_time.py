"""The command line asks the questions of time the Python API answers: events by year and by
organization, combined with --from, --to and --kind as events() combines them."""

from __future__ import annotations

import json

import pytest
from test_cli import run

import icat_data


def _ids(*args: str) -> list[str]:
    result = run("events", *args, "--json")
    assert result.returncode in (0, 1), result.stderr
    return [row["id"] for row in json.loads(result.stdout)]


@pytest.mark.parametrize(
    ("args", "query"),
    [
        (("--year", "2019"), {"year": 2019}),
        (("--org", "OSCE"), {"organization": "OSCE"}),
        (("--org", "un women"), {"organization": "un women"}),
        (("--year", "2019", "--org", "UNODC"), {"year": 2019, "organization": "UNODC"}),
        (("--year", "2019", "--kind", "meeting"), {"year": 2019, "kind": "meeting"}),
        (("--year", "2019", "--from", "2019-06"), {"year": 2019, "start": "2019-06"}),
        (("--year", "2019", "--to", "2018"), {"year": 2019, "end": "2018"}),
    ],
)
def test_events_by_year_and_organization_answer_as_events_does(
    args: tuple[str, ...], query: dict[str, object]
) -> None:
    expected = [e.id for e in icat_data.events(**query)]  # type: ignore[arg-type]
    assert _ids(*args) == expected
    assert expected or args[-1] == "2018"  # each case but the disjoint one finds something


def test_an_organizations_events_in_a_year_are_those_it_took_part_in() -> None:
    osce = icat_data.get_organization("OSCE").id
    found = [e for e in icat_data.events() if e.date.year == 2019 and osce in e.organizations]
    assert found
    assert _ids("--year", "2019", "--org", "osce") == [e.id for e in found]


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (("--org", "UNDOC"), 1, "did you mean 'UNODC'"),
        (("--org", "zzzzqq"), 1, "try: icat-data orgs TEXT"),
        (("--year", "2019x"), 2, "--year '2019x' is not a year"),
        (("--year", "0"), 2, "--year 0 is outside"),
    ],
)
def test_an_unknown_organization_or_a_bad_year_is_one_line(
    args: tuple[str, ...], status: int, message: str
) -> None:
    result = run("events", *args)
    assert (result.returncode, result.stdout) == (status, "")
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_diff_answers_as_changes_does() -> None:
    result = run("diff", "0.1.0", "0.3.0", "--json")
    assert result.returncode == 0, result.stderr
    expected = [change.to_dict() for change in icat_data.changes("0.1.0", "0.3.0")]
    assert expected
    assert json.loads(result.stdout) == expected
