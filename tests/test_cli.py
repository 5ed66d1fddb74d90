"""The installed ``icat-data`` command, run end to end."""

from __future__ import annotations

import csv
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import icat_data
from icat_data import _cite
from icat_data._load import dataset
from icat_data._rows import ENTITIES

COMMAND = Path(sys.executable).with_name("icat-data")


def _env(**extra: str) -> dict[str, str]:
    # No $COLUMNS unless a test sets one: output to a pipe is then never shortened.
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    return {**env, **extra}


def run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(COMMAND), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=_env(**env),
    )


def test_summary_names_versions_counts_and_chairs() -> None:
    result = run()
    assert result.returncode == 0, result.stderr
    assert f"data_version            {icat_data.DATA_VERSION}" in result.stdout
    assert "latest_chairs           OAS, UNODC" in result.stdout
    summary = json.loads(run("--json").stdout)
    assert summary["data_digest"] == icat_data.manifest().digest
    assert summary["events_recorded"] == len(icat_data.events())
    assert summary["members"] == len(icat_data.members())
    assert summary["chair_years"] == list(icat_data.coverage().chair_years)


def test_python_dash_m_is_the_same_command() -> None:
    module = subprocess.run(
        [sys.executable, "-m", "icat_data", "chairs", "2019", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(module.stdout) == [
        {"year": 2019, "chairs": ["OSCE", "UN Women"], "chair_ids": ["osce", "un-women"]}
    ]


def test_chairs_table_and_json() -> None:
    table = run("chairs").stdout.splitlines()
    assert table[0].split() == ["YEAR", "CHAIRS"]
    assert "2019  OSCE, UN Women" in table
    assert len(table) == 1 + len(icat_data.chair_terms())
    assert json.loads(run("chairs", "--json").stdout)[0] == {
        "year": 2012,
        "chairs": ["UNICEF"],
        "chair_ids": ["unicef"],
    }


def test_members_on_a_date_and_partners() -> None:
    rows = json.loads(run("members", "--on", "September 2006", "--json").stdout)
    assert {r["acronym"] for r in rows} == {o.acronym for o in icat_data.members("2006-09")}
    partners = json.loads(run("members", "--partners", "--json").stdout)
    assert [p["acronym"] for p in partners] == [o.acronym for o in icat_data.partners()]


def test_org_shows_former_names_and_sources() -> None:
    result = run("org", "DPKO")
    assert result.returncode == 0
    assert (
        "  - name: Department of Peacekeeping Operations; acronym: DPKO; until: 2019-01-01"
        in result.stdout
    )
    shown = json.loads(run("org", "un-women", "--json").stdout)
    assert shown["id"] == "un-women"
    assert shown["chair_years"] == [2019]
    assert shown["memberships"][0] == {
        "role": "member",
        "start": "2011-06",
        "start_attested_only": True,
        "end": None,
        "sources": [s.id for s in icat_data.get_organization("un-women").memberships[0].sources],
    }


def test_briefs_and_events_filters() -> None:
    briefs = json.loads(run("briefs", "--kind", "toolkit", "--json").stdout)
    assert [b["title"] for b in briefs] == [
        "A Toolkit for guidance in designing and evaluating counter-trafficking programmes"
    ]
    events = json.loads(run("events", "--from", "2021-11", "--to", "2021-11", "--json").stdout)
    assert [(e["date"], e["end_date"]) for e in events] == [
        ("2021-11-15", None),
        ("2021-11-15", None),
        ("2021-11-22", None),
        ("2021-11-22", "2021-11-23"),
    ]
    # The table keeps a span in one column, as ISO 8601 writes one.
    table = run("events", "--from", "2021-11", "--to", "2021-11").stdout
    assert "2021-11-22/2021-11-23" in table


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (("org", "UNDOC"), 1, "did you mean 'UNODC'"),
        (("chairs", "2020"), 1, "chairs are recorded for 2012, 2014, 2018-2019, 2021-2025"),
        (("chairs", "abc"), 2, "YEAR 'abc' is not a year"),
        (("members", "--on", "03/04/2019"), 2, "--on '03/04/2019' is ambiguous"),
        (("members", "--on", "abc"), 2, "could not read --on 'abc'"),
        (("events", "--from", "someday"), 2, "could not read --from"),
        (("events", "--from", "2020", "--to", "2019"), 2, "--from '2020' is after --to"),
        (("briefs", "--year", "20x9"), 2, "--year '20x9' is not a year"),
        (("briefs", "--topic", "!!!"), 2, "--topic '!!!' has no letters or digits"),
        (("org", "xyzzy"), 1, "try: icat-data orgs TEXT"),
        (("brief", "5"), 1, "no ICAT issue brief numbered 5"),
        (("brief", "five"), 2, "NUMBER 'five' is not a brief number"),
        (("brief", "9" * 5000), 2, "is not a brief number"),
        (("members", "2019"), 2, "icat-data members: error: unrecognized arguments: 2019"),
        (("briefs", "--kind", "memo"), 2, "invalid choice"),
        (("nonsense",), 2, "invalid choice"),
        (("orgs", ""), 2, "TEXT '' has no letters or digits"),
        (("orgs", "!!!"), 2, "TEXT '!!!' has no letters or digits"),
        (("orgs", "a" * 300), 2, "TEXT 'aaa"),
        (("chair", "2019"), 2, "no command is named 'chair'; did you mean 'chairs'?"),
        (("--json", "member"), 2, "did you mean 'members'?"),
        (("--edition", "0.2.0", "sourse", "x"), 2, "did you mean 'source'?"),
        (("source", "icat-2018-05-princip"), 1, "did you mean 'icat-2018-05-principals'"),
        (("source", "nope"), 1, "no source has the id 'nope'; see: icat-data sources"),
        (("cite", "events:nope"), 1, "no event has the id 'nope'"),
        (("cite", "briefs:issue-brief-8"), 1, "did you mean 'issue-brief-08'"),
        (("cite", "chairs:2020"), 1, "chairs are recorded for 2012, 2014, 2018-2019"),
        (("cite", "chairs:twenty"), 2, "is not a year"),
        (("cite", "UNDOC"), 1, "did you mean 'UNODC'"),
        (("cite", "--style", "mla"), 2, "invalid choice"),
        (("diff", "0.2"), 1, "no edition is named '0.2'; did you mean '0.2.0'?"),
        (("diff",), 2, "the following arguments are required: OLD"),
    ],
)
def test_misses_and_bad_input_give_one_line_and_a_status(
    args: tuple[str, ...], status: int, message: str
) -> None:
    result = run(*args)
    assert result.returncode == status
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_writes_one_file_per_entity(fmt: str, tmp_path: Path) -> None:
    result = run("export", "--format", fmt, "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for entity, count in icat_data.manifest().counts.items():
        path = tmp_path / f"{entity}.{fmt}"
        if fmt == "json":
            rows = json.loads(path.read_text(encoding="utf-8"))
        else:
            with path.open(encoding="utf-8", newline="") as file:
                rows = list(csv.DictReader(file))
        assert len(rows) == count, entity
    assert "un-women" in (tmp_path / f"chairs.{fmt}").read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_exports_name_their_edition(fmt: str, tmp_path: Path) -> None:
    result = run("export", "--format", fmt, "--out", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    assert listed[-1] == {
        "entity": "edition",
        "rows": None,
        "file": str(tmp_path / "edition.json"),
    }
    assert [row["entity"] for row in listed[:-1]] == list(ENTITIES)
    assert json.loads((tmp_path / "edition.json").read_text(encoding="utf-8")) == {
        "data_version": icat_data.DATA_VERSION,
        "data_digest": icat_data.manifest().digest,
        "package_version": icat_data.__version__,
        "as_of": icat_data.coverage().as_of.isoformat(),
        "license": "CC-BY-4.0",
        "citation": _cite.cite(dataset()).rstrip("\n"),
    }


def test_csv_export_writes_lists_as_json_never_python_reprs(tmp_path: Path) -> None:
    assert run("export", "--format", "csv", "--out", str(tmp_path)).returncode == 0
    with (tmp_path / "memberships.csv").open(encoding="utf-8", newline="") as file:
        flags = {row["start_attested_only"] for row in csv.DictReader(file)}
    assert flags == {"true", "false"}  # as the data package writes them, not True/False
    with (tmp_path / "chairs.csv").open(encoding="utf-8", newline="") as file:
        cells = [row["chairs"] for row in csv.DictReader(file)]
    assert [json.loads(cell) for cell in cells] == [
        r["chairs"] for r in icat_data.to_records("chairs")
    ]
    for path in tmp_path.glob("*.csv"):
        assert "['" not in path.read_text(encoding="utf-8"), path.name


def test_a_csv_cell_keeps_text_as_it_is() -> None:
    from icat_data._rows import csv_cell

    assert csv_cell(["Côte d'Ivoire", "OSCE"]) == '["Côte d\'Ivoire", "OSCE"]'
    assert (csv_cell(None), csv_cell(True), csv_cell(2019)) == ("", "true", "2019")


def test_export_datapackage_writes_what_write_datapackage_writes(tmp_path: Path) -> None:
    result = run("export", "--format", "datapackage", "--out", str(tmp_path / "cli"), "--json")
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout)
    expected = icat_data.write_datapackage(tmp_path / "python").parent
    assert {p.name: p.read_bytes() for p in (tmp_path / "cli").iterdir()} == {
        p.name: p.read_bytes() for p in expected.iterdir()
    }
    assert [Path(row["file"]).name for row in listed] == [
        *(
            f"{r['name']}.csv"
            for r in json.loads((expected / "datapackage.json").read_text())["resources"]
        ),
        "datapackage.json",
    ]
    assert listed[0] == {
        "entity": "organizations",
        "rows": len(icat_data.organizations()),
        "file": str(tmp_path / "cli" / "organizations.csv"),
    }


def test_export_datapackage_into_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("")
    result = run("export", "--format", "datapackage", "--out", str(tmp_path / "taken"))
    assert result.returncode == 2
    assert "is a file; give a folder" in _one_clean_line(result)


def shell(command: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in bash with ``$ICAT`` as the installed command (for redirections)."""
    return subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=_env(ICAT=str(COMMAND), **env),
    )


def _one_clean_line(result: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("icat-data: ")
    return lines[0]


def test_export_into_an_existing_file_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("")
    result = run("export", "--format", "json", "--out", str(target))
    assert result.returncode == 2
    assert "is a file; give a folder" in _one_clean_line(result)
    devnull = run("export", "--format", "json", "--out", "/dev/null")
    assert devnull.returncode == 2
    _one_clean_line(devnull)


@pytest.mark.parametrize("where", ["below-a-file", "/proc/icat-data-test"])
def test_export_where_no_folder_can_be_made_fails_in_one_line(tmp_path: Path, where: str) -> None:
    if where == "below-a-file":
        (tmp_path / "file").write_text("")
        where = str(tmp_path / "file" / "sub")
    result = run("export", "--format", "csv", "--out", where)
    assert result.returncode == 1
    assert "cannot write the export into" in _one_clean_line(result)


@pytest.mark.parametrize("encoding", ["ascii", "utf-8:strict"])
def test_export_into_a_path_the_output_encoding_cannot_hold(tmp_path: Path, encoding: str) -> None:
    result = shell(
        f'"$ICAT" export --format json --out "{tmp_path}/é"$\'\\xff\'', PYTHONIOENCODING=encoding
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    (folder,) = tmp_path.iterdir()
    assert len(list(folder.iterdir())) == len(ENTITIES) + 1  # and edition.json


@pytest.mark.parametrize("args", ["", "events", "events --json", "chairs", "--help", "--version"])
def test_a_closed_stdout_is_one_line_and_exit_1(args: str) -> None:
    # Output nobody can read is lost output: said as coreutils say it (`ls >&-`).
    result = shell(f'"$ICAT" {args} >&-')
    assert result.returncode == 1
    assert _one_clean_line(result) == "icat-data: cannot write the output: Bad file descriptor"


def test_a_closed_stdout_with_nothing_to_write_is_only_not_found() -> None:
    result = shell('"$ICAT" orgs xyzzy >&-')
    assert (result.returncode, result.stderr) == (1, "")


def test_a_closed_stderr_keeps_errors_off_stdout() -> None:
    result = shell('"$ICAT" org nope 2>&-')
    assert result.returncode == 1
    assert result.stdout == ""


@pytest.mark.parametrize("args", ["events", "events --json", "members --on 2019"])
def test_a_full_device_is_one_line_and_exit_1(args: str) -> None:
    result = shell(f'"$ICAT" {args} >/dev/full')
    assert result.returncode == 1
    assert "cannot write the output: No space left on device" in _one_clean_line(result)


def test_json_stays_valid_json_on_an_ascii_terminal() -> None:
    result = shell('"$ICAT" events --json', PYTHONIOENCODING="ascii")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(run("events", "--json").stdout)


def test_errors_go_to_stderr_when_stdout_is_a_pipe() -> None:
    result = shell('"$ICAT" org UNDOC | cat')
    assert result.stdout == ""
    assert "did you mean 'UNODC'" in _one_clean_line(result)


def test_a_time_zone_name_raises_no_warning() -> None:
    result = run("members", "--on", "2 May 2019 10:00 EST")
    assert result.returncode == 0
    assert result.stderr == ""
    assert "UNODC" in result.stdout


COMMANDS = [
    (),
    ("members",),
    ("members", "--on", "2019"),
    ("orgs",),
    ("orgs", "united nations"),
    ("org", "UNODC"),
    ("chairs",),
    ("briefs",),
    ("brief", "12"),
    ("events",),
    ("sources",),
    ("source", "osce-2019-12-06"),
    ("coverage",),
    ("diff", "0.1.0"),
]


@pytest.mark.parametrize("columns", [100, 80])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_output_fits_the_terminal_and_wide_shows_it_all(
    args: tuple[str, ...], columns: int
) -> None:
    narrow = run(*args, COLUMNS=str(columns))
    assert narrow.returncode == 0, narrow.stderr
    assert max(map(len, narrow.stdout.splitlines())) <= columns
    wide = run(*args, "--wide", COLUMNS=str(columns))
    assert wide.returncode == 0, wide.stderr
    # Never wrapped: as many lines, but for a value moved whole onto a line of its own.
    lines = narrow.stdout.splitlines()
    moved = [
        line
        for above, line in itertools.pairwise(lines)
        if above.endswith(":") and line.startswith("  ") and not line.startswith("  - ")
    ]
    assert len(wide.stdout.splitlines()) == len(lines) - len(moved)


HELPS = sorted(
    {args[:1] for args in COMMANDS}
    | {("export",), ("diff",), ("cite",), ("source",), ("editions",), ("verify",)}
)


@pytest.mark.parametrize("command", HELPS, ids=lambda command: " ".join(command) or "-")
def test_help_fits_80_columns(command: tuple[str, ...]) -> None:
    lines = run(*command, "--help", COLUMNS="80").stdout.splitlines()
    assert max(map(len, lines)) <= 80


def test_a_narrow_terminal_shortens_headers_too() -> None:
    lines = run("members", COLUMNS="40").stdout.splitlines()
    assert max(map(len, lines)) <= 40


@pytest.mark.parametrize("columns", ["40", "80", "100"])
def test_a_digest_is_never_cut_short(columns: str) -> None:
    assert icat_data.manifest().digest in run(COLUMNS=columns).stdout


def test_the_summary_is_whole_at_80_columns() -> None:
    assert "\u2026" not in run(COLUMNS="80").stdout


def test_an_empty_field_is_left_out_and_a_false_flag_unsaid() -> None:
    text = run("org", "DAW").stdout
    assert "start_attested_only" not in text
    assert "note" not in text  # DAW has none
    assert "member; start: 2006-09; end: 2011-01" in text


def test_long_cells_are_shortened_with_a_mark_and_json_keeps_the_full_text() -> None:
    narrow = run("events", COLUMNS="100").stdout
    assert "\u2026" in narrow
    titles = [e["title"] for e in json.loads(run("events", "--json", COLUMNS="100").stdout)]
    assert titles == [e.title for e in icat_data.events()]


def test_orgs_lists_everyone_or_a_ranked_search() -> None:
    everyone = json.loads(run("orgs", "--json").stdout)
    assert sorted(o["id"] for o in everyone) == sorted(o.id for o in icat_data.organizations())
    found = json.loads(run("orgs", "undoc", "--json").stdout)
    assert found[0]["acronym"] == "UNODC"
    # Fields, as `org --json` gives them, not sentences; the table has the sentence.
    assert (
        found[0]["memberships"] == json.loads(run("org", "UNODC", "--json").stdout)["memberships"]
    )
    assert found[0]["memberships"][0]["start"] == "2006-09"
    assert "member from 2006-09" in run("orgs", "undoc").stdout


def test_brief_sources_and_coverage_show_every_part_of_the_data() -> None:
    brief = json.loads(run("brief", "12", "--json").stdout)
    assert brief["title"] == icat_data.get_brief(12).title
    assert brief["sources"][0]["url"].startswith("http")
    sources = json.loads(run("sources", "--json").stdout)
    assert [s["id"] for s in sources] == [s.id for s in icat_data.sources()]
    coverage = json.loads(run("coverage", "--json").stdout)
    assert coverage["gaps"] == list(icat_data.coverage().gaps)
    assert len(coverage["disagreements"]) == len(icat_data.coverage().disagreements)
    assert "known gaps" not in run("coverage").stderr


@pytest.mark.parametrize(
    "args",
    [
        ("members", "--on", "1800"),
        ("briefs", "--topic", "zzzzzz"),
        ("events", "--from", "1800", "--to", "1801"),
        ("orgs", "zzzzzzzz"),
    ],
    ids=" ".join,
)
def test_a_query_that_finds_nothing_prints_nothing_and_exits_1(args: tuple[str, ...]) -> None:
    table = run(*args)
    assert (table.returncode, table.stdout, table.stderr) == (1, "", "")
    as_json = run(*args, "--json")
    assert (as_json.returncode, json.loads(as_json.stdout)) == (1, [])


def test_every_option_has_help_and_the_help_has_examples() -> None:
    from icat_data._cli import _parser

    parser = _parser()
    commands = next(a for a in parser._actions if a.choices and a.dest != "help")
    assert isinstance(commands.choices, dict)
    for sub in [parser, *commands.choices.values()]:
        for action in sub._actions:
            assert action.help, (sub.prog, action.dest)
    assert "examples:" in run("--help").stdout


def test_a_year_is_taken_as_text() -> None:
    assert json.loads(run("chairs", " 2019 ", "--json").stdout)[0]["chairs"] == [
        "OSCE",
        "UN Women",
    ]
