"""The command line always says what happened: Ctrl-C, an empty answer at a terminal, a date
past the data's as-of day, and its newer commands (diff, cite, source)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Sequence

import pytest
from test_cli import COMMAND, _env, run

import icat_data
from icat_data import _cli
from icat_data._cli import main


def _interrupt(*_args: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize("where", ["_prepare_streams", "_parser", "_chairs", "_write"])
def test_ctrl_c_anywhere_in_main_is_a_newline_and_130(
    where: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before the old try (streams, parser), in a command, and while printing.
    monkeypatch.setattr(_cli, where, _interrupt)
    try:
        status = main(["chairs"])
    except KeyboardInterrupt:
        pytest.fail("Ctrl-C escaped main()")
    assert status == 130
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", "\n")


def test_ctrl_c_while_python_dash_m_imports_the_command_line() -> None:
    # The one moment main() cannot answer: `from ._cli import main` in __main__.py.
    script = textwrap.dedent(
        """
        import builtins, runpy
        real = builtins.__import__
        def interrupted(name, globals=None, locals=None, fromlist=(), level=0):
            if level == 1 and name == "_cli":
                raise KeyboardInterrupt
            return real(name, globals, locals, fromlist, level)
        builtins.__import__ = interrupted
        runpy.run_module("icat_data", run_name="__main__", alter_sys=True)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "\n")


def test_a_real_sigint_in_main_is_a_newline_and_130() -> None:
    # SIGINT delivered by the kernel while a command runs, as Ctrl-C sends it.
    script = textwrap.dedent(
        """
        import os, signal, sys
        from icat_data import _cli
        def chairs(args):
            os.kill(os.getpid(), signal.SIGINT)
            signal.pause()
        _cli._chairs = chairs
        sys.exit(_cli.main(["chairs"]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "\n")


def _with_terminal_stderr(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command with stdout to a pipe and stderr to a pseudo-terminal."""
    leader, follower = os.openpty()
    try:
        result = subprocess.run(
            [str(COMMAND), *args],
            stdout=subprocess.PIPE,
            stderr=follower,
            text=True,
            timeout=60,
            check=False,
            env=_env(),
        )
    finally:
        os.close(follower)
    said = b""
    try:
        while chunk := os.read(leader, 4096):
            said += chunk
    except OSError:  # the terminal's other end is closed: all is read
        pass
    finally:
        os.close(leader)
    result.stderr = said.decode().replace("\r\n", "\n")
    return result


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("orgs", "xyzzy"), "no organization's name matches 'xyzzy'; try part of a name"),
        (("members", "--on", "1800"), "no member of ICAT is recorded on 1800; the first"),
        (("members", "--partners", "--on", "19"), "no partner of ICAT is recorded on 19"),
        (("briefs", "--topic", "nothing"), "no publication matches; try another --topic"),
        (("events", "--from", "1800", "--to", "1801"), "no event matches; try other dates"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, tuple) else "",
)
def test_an_empty_answer_says_so_in_one_line_at_a_terminal(
    args: tuple[str, ...], said: str
) -> None:
    result = _with_terminal_stderr(*args)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.startswith(f"icat-data: {said}")
    assert result.stderr.count("\n") == 1
    # --json keeps its [] and says nothing more, at a terminal too; a pipe gets nothing.
    as_json = _with_terminal_stderr(*args, "--json")
    assert (as_json.returncode, json.loads(as_json.stdout), as_json.stderr) == (1, [], "")
    assert run(*args).stderr == ""


def test_a_date_after_the_as_of_day_is_answered_with_a_note() -> None:
    as_of = icat_data.coverage().as_of
    note = f"icat-data: the data is as of {as_of}; changes after that day are not known\n"
    for args in (("members", "--on", "2030"), ("members", "--partners", "--on", "2031-01-01")):
        result = run(*args, "--json")
        assert result.returncode == 0
        partners = "--partners" in args
        answer = icat_data.partners(args[-1]) if partners else icat_data.members(args[-1])
        assert [row["id"] for row in json.loads(result.stdout)] == [o.id for o in answer]
        assert result.stderr == note
    # The as-of day itself and the days before are known.
    assert run("members", "--on", str(as_of)).stderr == ""
    assert run("members").stderr == ""


def test_members_answer_from_the_edition_named() -> None:
    # CBSS's membership differs between the editions: not the packaged answer.
    old = icat_data.edition("0.1.0")
    rows = json.loads(run("--edition", "0.1.0", "members", "--on", "2021", "--json").stdout)
    assert [row["id"] for row in rows] == [o.id for o in old.members(2021)]
    assert [o.id for o in old.members(2021)] != [o.id for o in icat_data.members(2021)]


def test_help_runs_the_help() -> None:
    assert run("help").stdout == run("--help").stdout
    assert run("help", "diff").stdout == run("diff", "--help").stdout
    assert run("help").returncode == 0


def test_diff_lists_changes_as_table_and_json() -> None:
    from icat_data import _changes

    changes = _changes.diff(
        icat_data.edition("0.1.0")._dataset(), icat_data.edition("0.3.0")._dataset()
    )
    rows = json.loads(run("diff", "0.1.0", "0.3.0", "--json").stdout)
    assert rows == _changes.change_rows(changes)
    assert set(rows[0]) == {"entity", "id", "change", "field", "before", "after"}
    to_packaged = _changes.diff(
        icat_data.edition("0.1.0")._dataset(), icat_data.edition()._dataset()
    )
    packaged_rows = _changes.change_rows(to_packaged)
    assert json.loads(run("diff", "0.1.0", "--json").stdout) == packaged_rows  # NEW: packaged
    # ... or the one --edition names.
    assert run("--edition", "0.2.0", "diff", "0.1.1").stdout.startswith("no changes from")
    table = run("diff", "0.1.0", COLUMNS="80")
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["ENTITY", "ID", "CHANGE", "FIELD", "BEFORE", "AFTER"]
    assert len(lines) == 1 + len(to_packaged)
    assert max(map(len, lines)) <= 80


def test_diff_without_changes_says_so_and_exits_0() -> None:
    result = run("diff", "0.1.1", "0.2.0")  # one edition, two package versions
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "no changes from 2026.11.22.1 to 2026.11.22.1\n"
    as_json = run("diff", "0.1.1", "0.2.0", "--json")
    assert (as_json.returncode, json.loads(as_json.stdout)) == (0, [])


@pytest.mark.parametrize("style", ["text", "bibtex", "csl-json", "ris"])
def test_cite_prints_the_dataset_or_a_records_sources(style: str) -> None:
    assert run("cite", "--style", style).stdout == icat_data.cite(style=style)  # type: ignore[arg-type]
    unodc = icat_data.get_organization("UNODC")
    for key in ("organizations:unodc", "UNODC", "United Nations Office on Drugs and Crime"):
        result = run("cite", "--style", style, key)
        assert result.returncode == 0, result.stderr
        assert result.stdout == icat_data.cite(unodc, style=style)  # type: ignore[arg-type]


def _record(key: str) -> object:
    entity, _, ident = key.partition(":")
    if entity == "chairs":
        return next(t for t in icat_data.chair_terms() if str(t.year) == ident)
    listed: dict[str, Sequence[icat_data.Brief | icat_data.Event | icat_data.Source]] = {
        "briefs": icat_data.briefs(),
        "events": icat_data.events(),
        "sources": icat_data.sources(),
    }
    return next(r for r in listed[entity] if r.id == ident)


@pytest.mark.parametrize(
    "key",
    [
        "briefs:issue-brief-08",
        "chairs:2019",
        f"events:{icat_data.events()[0].id}",
        "sources:osce-2019-12-06",
    ],
)
def test_cite_takes_entity_and_id(key: str) -> None:
    result = run("cite", key)
    assert result.returncode == 0, result.stderr
    assert result.stdout == icat_data.cite(_record(key))  # type: ignore[arg-type]


def test_cite_answers_from_the_edition_named() -> None:
    old = icat_data.edition("0.1.0")
    assert run("--edition", "0.1.0", "cite").stdout == old.cite() != icat_data.cite()


def test_source_shows_every_field() -> None:
    source = next(s for s in icat_data.sources() if s.id == "osce-2019-12-06")
    shown = json.loads(run("source", source.id, "--json").stdout)
    assert shown == next(
        row for row in json.loads(run("sources", "--json").stdout) if row["id"] == source.id
    )
    assert set(shown) == {"id", "publisher", "published", "title", "url", "accessed"}
    assert source.url in run("source", source.id, COLUMNS="80").stdout


def test_sources_keep_every_id_whole_at_80_columns() -> None:
    lines = run("sources", COLUMNS="80").stdout.splitlines()[1:]
    assert [line.split()[0] for line in lines] == [s.id for s in icat_data.sources()]
    assert max(map(len, lines)) <= 80


def test_chairs_json_gives_ids_beside_acronyms() -> None:
    rows = json.loads(run("chairs", "--json").stdout)
    assert [row["chair_ids"] for row in rows] == [list(t.chairs) for t in icat_data.chair_terms()]
    assert [row["chairs"] for row in rows] == [
        [o.acronym for o in icat_data.chairs_for(t.year)] for t in icat_data.chair_terms()
    ]


def test_export_offers_no_wide_and_keeps_paths_whole(tmp_path: os.PathLike[str]) -> None:
    assert "--wide" not in run("export", "--help").stdout
    assert "--wide" in run("events", "--help").stdout
    deep = os.path.join(tmp_path, "a-folder-with-a-rather-long-name" * 2)
    result = run("export", "--format", "json", "--out", deep, COLUMNS="80")
    assert result.returncode == 0, result.stderr
    assert os.path.join(deep, "organizations.json") in result.stdout


def test_every_command_has_help_and_examples_name_the_new_ones() -> None:
    parser = _cli._parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert {"diff", "cite", "source"} <= set(commands.choices)
    for name in ("diff", "cite", "source"):
        assert f"icat-data {name}" in _cli.EXAMPLES


def test_diff_in_a_pipe_cuts_long_cells_and_wide_and_json_keep_them() -> None:
    # A known gap is named by its sentence: whole, it padded every row to thousands of columns.
    rows = json.loads(run("diff", "0.2.0", "0.3.0", "--json").stdout)
    sentence = max((row["id"] for row in rows), key=len)
    assert len(sentence) > _cli._DIFF_CELL
    piped = run("diff", "0.2.0", "0.3.0")
    assert piped.returncode == 0, piped.stderr
    lines = piped.stdout.splitlines()
    assert len(lines) == 1 + len(rows)
    assert max(map(len, lines)) <= 6 * _cli._DIFF_CELL + 5 * 2
    assert sentence[: _cli._DIFF_CELL - 1] + "\u2026" in piped.stdout
    assert sentence not in piped.stdout
    assert sentence in run("diff", "0.2.0", "0.3.0", "--wide").stdout


@pytest.mark.parametrize(
    ("key", "record"),
    [
        ("reported_counts:2012-01", icat_data.coverage().reported_counts[0]),
        (
            f"disagreements:{icat_data.coverage().disagreements[0].topic}",
            icat_data.coverage().disagreements[0],
        ),
    ],
)
def test_cite_takes_reported_counts_and_disagreements(key: str, record: object) -> None:
    result = run("cite", key)
    assert result.returncode == 0, result.stderr
    assert result.stdout == icat_data.cite(record)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("key", "hint"),
    [
        ("2019", "did you mean 'reported_counts:2019' or 'chairs:2019'?"),
        ("issue-brief-01", "did you mean 'briefs:issue-brief-01'?"),
        ("brief:issue-brief-01", "did you mean 'briefs:issue-brief-01'?"),
        ("xyzzy", ""),
    ],
)
def test_cite_of_nothing_known_names_the_forms_it_takes(key: str, hint: str) -> None:
    result = run("cite", key)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.count("\n") == 1
    assert hint in result.stderr
    forms = "organizations, chairs, briefs, events, sources, reported_counts, disagreements"
    assert f"cite takes an organization's name or ENTITY:ID, ENTITY one of: {forms}\n" in (
        result.stderr
    )


def test_cite_of_an_unknown_reported_count_points_to_coverage() -> None:
    result = run("cite", "reported_counts:2012-13")
    assert result.returncode == 1
    assert result.stderr.startswith("icat-data: no reported count has the id '2012-13'; ")
    assert result.stderr.endswith("see: icat-data coverage\n")
