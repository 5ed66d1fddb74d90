"""The ``icat-data`` command line (also ``python -m icat_data``).

Tables for people, ``--json`` for programs. Exit status: 0 when the command found what it
was asked for; 1 when it found nothing, when a name, number, id or year is not in the data
(one line on stderr says what is, with close matches), or when the output or a file cannot be
written (a closed stdout, a full disk); 2 for bad input, with one line on stderr saying what
was wrong and what would be right; 130 on Ctrl-C, with only a newline on stderr. Never a
traceback.

A listing that finds nothing prints nothing (``[]`` with ``--json``) and exits 1; when stderr
is a terminal, one line there says that nothing matched and what to try. ``diff`` is the
exception: two editions without changes are an answer, so it prints a line saying so (``[]``
with ``--json``) and exits 0. ``members --on`` a date past the data's as-of day answers, and
says on stderr that later changes are not known. ``export`` writes into a new or empty
folder, whole or not at all; one that holds anything is refused (exit 2) unless ``--force``.

Tables fit ``$COLUMNS`` or the terminal; in a pipe or a file they are whole, except ``diff``'s,
whose cells (a known gap is named by its sentence) are cut at 60 characters with a mark unless
``--wide``: one change stays one line that ``less`` and ``grep`` can handle. ``--json`` is
always whole.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import errno
import io
import json
import os
import shutil
import sys
import typing
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from . import _cite, _export, _query, _rows
from ._dates import as_year, to_partial_date
from ._limits import shown
from ._models import BRIEF_KINDS, EVENT_KINDS, Membership, Organization, Source, record_id
from ._version import DATA_VERSION, __version__
from ._vocabulary import ExportFormat
from ._write import ExportTargetError, replacing
from .errors import IcatDataError, UnknownEditionError, UnknownOrganizationError

if TYPE_CHECKING:
    from _typeshed import SupportsWrite

    from ._dataset import Dataset

__all__ = ["main"]

Row = dict[str, Any]
_T = TypeVar("_T")

# The entities `cite` takes as ENTITY:ID, in the names of to_records(): all but those with no
# id (a membership is cited with its organization) or no kind of record cite() takes.
_CITED = tuple(
    e for e in _rows.ENTITIES if e not in ("memberships", "former_names", "organization_years")
)
#: The longest a cell of diff's table runs, unless --wide (see the module's docstring).
_DIFF_CELL = 60

EXAMPLES = """examples:
  icat-data                          a summary of the data
  icat-data chairs 2019              who chaired ICAT in 2019
  icat-data members --on 2019-06-30  the members on a day
  icat-data orgs women               organizations whose names match "women"
  icat-data org UNODC                one organization, its roles and sources
  icat-data brief 12                 one issue brief
  icat-data events --from 2018 --to 2019 --kind meeting
  icat-data events --year 2019 --org OSCE   one organization's events in a year
  icat-data coverage                 what the data covers and what it lacks
  icat-data --edition 0.2.0 members --on 2019   as package 0.2.0's data answered
  icat-data editions                 every packaged edition; verify checks them
  icat-data diff 0.2.0               what changed since package 0.2.0's data
  icat-data cite --style bibtex      how to cite the data
  icat-data cite chairs:2019         the sources behind one record
  icat-data source osce-2019-12-06   one source, as org and sources name it
  icat-data export --format datapackage --out icat
  icat-data export --format parquet --out icat --force  replace an export
Add --json after a command for JSON, --wide for cells at full length."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse would print the whole usage block; one line is easier to read and to grep.
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        # argparse drops a write error, so `--help >/dev/full` would exit 0 having printed
        # nothing: help and --version report it as any other output does.
        if file is None or file is sys.stderr:
            with contextlib.suppress(OSError):
                super()._print_message(message, sys.stderr)
        elif message and (status := _write(message)):
            self.exit(status)


class _Failure(Exception):
    """A command that cannot do what it was asked, with the exit status to report."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class _Listing(list[Row]):
    """Rows, as JSON gives them, for a table: ``columns`` are those it shows, ``cells`` draws
    the cell of a column that is not simply one field (a date with its end), and ``whole``
    columns are never shortened while others can give way (ids, which other commands take).

    ``cap``, unless --wide, is the longest any cell may run, wherever the table goes.

    ``none()`` says, in one line, that nothing matched and what to try (worked out only when
    nothing did, since saying what to try may query the data again): on stderr when it is
    a terminal, with exit status 1; or, if ``none_is_an_answer`` (no changes between two
    editions), on stdout with status 0.
    """

    def __init__(
        self,
        rows: list[Row],
        columns: Sequence[str],
        cells: dict[str, Callable[[Row], str]] | None = None,
        *,
        none: Callable[[], str] = lambda: "nothing matched",
        none_is_an_answer: bool = False,
        whole: Collection[str] = (),
        cap: int | None = None,
    ) -> None:
        super().__init__(rows)
        self.columns = list(columns)
        self.cells = cells or {}
        self.none = none
        self.none_is_an_answer = none_is_an_answer
        self.whole = frozenset(whole)
        self.cap = cap


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        return _run(argv)
    except KeyboardInterrupt:
        return _interrupted()


def _interrupted() -> int:
    """Ctrl-C: a newline (the ^C the terminal echoed stays on its own line), no traceback,
    and the shell's status for a command ended by SIGINT (128 + 2)."""
    with contextlib.suppress(OSError, AttributeError):  # stderr may be gone too
        sys.stderr.write("\n")
        sys.stderr.flush()
    return 130


def _run(argv: Sequence[str] | None) -> int:
    _prepare_streams()
    parser = _parser()
    words = list(sys.argv[1:] if argv is None else argv)
    args, extra = parser.parse_known_args(_spelled(words, parser))
    if extra:  # name the command the stray words were given to, not the top level
        args.parser.error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        args.source = _source_of(args.edition)
        result: Row | _Listing | str = args.handler(args)
    except _Failure as failure:
        return _fail(failure.status, str(failure))
    except UnknownOrganizationError as error:
        if error.suggestions:
            return _fail(1, str(error))
        # The error's own hint names Python functions; a shell user wants a command.
        return _fail(
            1,
            f"no ICAT organization is known as {shown(error.key)}; "
            "try: icat-data orgs TEXT (a search) or icat-data orgs (all of them)",
        )
    except UnknownEditionError as error:  # its list of every name would not fit a line
        hint = f"did you mean {error.closest!r}? " if error.closest else ""
        return _fail(1, f"no edition is named {shown(error.name)}; {hint}see: icat-data editions")
    except IcatDataError as error:  # unknown numbers, uncovered years: not found
        return _fail(1, str(error))
    except (ValueError, TypeError) as error:  # unreadable dates and the like: usage
        return _fail(2, str(error))
    except OSError as error:  # the file system refused (export): say so, no traceback
        return _fail(1, f"{error.strerror or error}: {shown(str(error.filename))}")
    if isinstance(result, str):  # text in a format of its own (a citation)
        text = result
    elif args.json:
        text = json.dumps(result, indent=2, ensure_ascii=not _writes_unicode(sys.stdout)) + "\n"
    elif isinstance(result, _Listing) and not result and result.none_is_an_answer:
        text = result.none() + "\n"
    elif isinstance(result, _Listing):
        text = _table(result, _width(args.wide), None if args.wide else result.cap)
    else:
        text = _mapping(result, _width(args.wide))
    status = _write(text)
    if (
        status == 0
        and isinstance(result, _Listing)
        and not result
        and not result.none_is_an_answer
    ):
        # Found nothing: nothing printed (or []), and the status says so; a person at a
        # terminal is told so too, since a bare prompt does not say whether it worked.
        if not args.json and _is_terminal(sys.stderr):
            _note(result.none())
        return 1
    return status


def _spelled(words: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """The words with ``help [COMMAND]`` read as ``[COMMAND] --help``; a command word that
    is no command but close to one is a usage error naming it."""
    at = _command_at(words)
    if at is None:
        return words
    names = _command_names(parser)
    word = words[at]
    if word == "help":
        return [*words[:at], *words[at + 1 : at + 2], "--help"]
    if word in names:
        return words
    from difflib import get_close_matches

    close = get_close_matches(word[:100], names, n=1)
    if close:
        parser.error(f"no command is named {shown(word)}; did you mean {close[0]!r}?")
    return words  # argparse names the choices


def _command_at(words: Sequence[str]) -> int | None:
    """Where the command word is: the first word that is neither an option nor --edition's
    value."""
    skip = False
    for at, word in enumerate(words):
        if skip:
            skip = False
        elif word == "--edition":
            skip = True
        elif word == "--":
            return at + 1 if at + 1 < len(words) else None
        elif not word.startswith("-"):
            return at
    return None


def _command_names(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _is_terminal(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty()) if callable(isatty) else False
    except (OSError, ValueError):
        return False


def _source_of(name: str | None) -> _query.Queries:
    """What the queries answer from: the packaged edition, or the one --edition names
    (whose machinery is imported only then)."""
    if name is None:
        return _query.current
    from ._editions import edition

    return edition(name)


def _width(wide: bool) -> int | None:
    """How wide a line may be: $COLUMNS, or a terminal's width; unlimited for --wide and
    for output that goes to a pipe or file (programs get whole lines; use --json)."""
    if wide:
        return None
    if os.environ.get("COLUMNS", "").isdigit() or sys.stdout.isatty():
        return max(shutil.get_terminal_size().columns, 20)
    return None


class _Closed(io.TextIOBase):
    """A standard stream the shell closed (``icat-data >&-``): writing to it fails, as it
    does for coreutils (\"write error: Bad file descriptor\"), rather than losing the output."""

    def write(self, text: str) -> int:
        if text:
            raise OSError(errno.EBADF, os.strerror(errno.EBADF))
        return 0


def _prepare_streams() -> None:
    # A stream closed by the shell is None in Python. Output that nobody can read is an error
    # the exit status and stderr report; errors that nobody can read leave the status alone.
    if sys.stdout is None:
        sys.stdout = _Closed()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    # Text the output encoding cannot hold (an ASCII terminal, a path that is not UTF-8) is
    # escaped rather than a UnicodeEncodeError after half the output.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def _writes_unicode(stream: object) -> bool:
    encoding = getattr(stream, "encoding", None) or "ascii"
    return codecs.lookup(encoding).name in ("utf-8", "utf-16", "utf-32")


def _write(text: str) -> int:
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader left early (`icat-data events | head`): not an error worth a message.
        _discard_stdout()
        return 0
    except OSError as error:  # a full disk (`>/dev/full`), a vanished file system
        _discard_stdout()
        return _fail(1, f"cannot write the output: {error.strerror or error}")
    return 0


def _discard_stdout() -> None:
    # What is still buffered would fail again when Python flushes stdout at exit, with a
    # message of its own: point the descriptor at devnull so that flush succeeds. A closed
    # stdout has no descriptor and nothing buffered.
    if isinstance(sys.stdout, _Closed):
        return
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _parser() -> argparse.ArgumentParser:
    as_json = _Parser(add_help=False)
    as_json.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON"
    )
    output = _Parser(add_help=False, parents=[as_json])
    output.add_argument(
        "--wide",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print cells at full length (tables otherwise fit $COLUMNS or the terminal)",
    )
    parser = _Parser(
        prog="icat-data",
        # Raw text (for the examples), so broken by hand to fit an 80-column terminal.
        description="Cited data on ICAT, the Inter-Agency Coordination Group against\n"
        "Trafficking in Persons. Without a command: a summary of the data.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--wide", action="store_true", help="print lines at full length")
    parser.add_argument("--version", action="version", version=_version_line())
    parser.add_argument(
        "--edition",
        metavar="NAME",
        help="answer from a released data edition (2026.11.22.1) or package version (0.2.0)",
    )
    parser.set_defaults(handler=_summary, parser=parser)
    commands = parser.add_subparsers(
        title="commands", metavar="COMMAND", parser_class=_Parser, help="one of these"
    )

    def command(
        name: str,
        handler: Callable[[argparse.Namespace], Any],
        text: str,
        parents: Sequence[_Parser] = (output,),
    ) -> Any:
        sub = commands.add_parser(name, parents=list(parents), help=text, description=text)
        sub.set_defaults(handler=handler, parser=sub)
        return sub

    chairs = command("chairs", _chairs, "ICAT's chair or co-chairs, for one year or every year")
    chairs.add_argument("year", nargs="?", metavar="YEAR", help="a year, e.g. 2019")
    members = command("members", _members, "ICAT's members (or partners) on a date")
    members.add_argument(
        "--on", metavar="DATE", help="a date or year, e.g. 2019-06-30 (default: the data's as-of)"
    )
    members.add_argument("--partners", action="store_true", help="list partners instead")
    orgs = command("orgs", _organizations, "every organization, or those whose names match TEXT")
    orgs.add_argument("text", nargs="?", metavar="TEXT", help="a name or part of one, e.g. women")
    org = command("org", _organization, "one organization: names, roles and sources")
    org.add_argument("key", metavar="KEY", help="an acronym, name, former name or alias")
    briefs = command("briefs", _briefs, "ICAT's issue briefs and other publications")
    briefs.add_argument(
        "--kind",
        choices=sorted(BRIEF_KINDS),
        metavar="KIND",
        help=f"only publications of a kind: {', '.join(sorted(BRIEF_KINDS))}",
    )
    briefs.add_argument("--year", metavar="YEAR", help="only those published in a year")
    briefs.add_argument("--topic", metavar="TEXT", help="only those with a topic containing TEXT")
    brief = command("brief", _brief, "one numbered issue brief")
    brief.add_argument("number", metavar="NUMBER", help="its number, e.g. 12")
    events = command("events", _events, "the timeline of ICAT's key events")
    events.add_argument("--from", dest="start", metavar="DATE", help="from this date or year")
    events.add_argument("--to", dest="end", metavar="DATE", help="up to this date or year")
    events.add_argument(
        "--kind",
        choices=sorted(EVENT_KINDS),
        metavar="KIND",
        help=f"only events of a kind: {', '.join(sorted(EVENT_KINDS))}",
    )
    events.add_argument("--year", metavar="YEAR", help="only events dated in a year")
    events.add_argument(
        "--org", metavar="KEY", help="only events involving an organization (name, acronym, id)"
    )
    command("sources", _sources, "every source the data cites")
    source = command("source", _source_shown, "one source: publisher, date, title, address")
    source.add_argument("id", metavar="ID", help="its id, as sources and org print it")
    command("coverage", _coverage, "chair years, known gaps, reported counts, disagreements")
    export = command(
        "export",
        _export_files,
        "write every entity as JSON, CSV or Parquet files, or as a Frictionless data "
        "package, into a new or empty folder, whole or not at all",
        parents=(as_json,),  # its table's paths are never shortened: no --wide to offer
    )
    export.add_argument(
        "--format",
        choices=typing.get_args(ExportFormat),
        required=True,
        help="datapackage: CSV files and datapackage.json (typed fields, keys, licence, "
        "edition); json and csv: one file per entity and edition.json; parquet: one typed "
        'file per entity, the edition in its metadata (pip install "icat-data[arrow]")',
    )
    export.add_argument(
        "--out", metavar="DIR", type=Path, required=True, help="the folder to write into"
    )
    export.add_argument(
        "--force",
        action="store_true",
        help="replace a folder that holds files (an earlier export) whole",
    )
    command(
        "editions",
        _editions_listed,
        "every released data edition, all in the package, and the packaged one if unreleased",
    )
    command("verify", _verify, "check every packaged file and edition against its SHA-256")
    diff = command(
        "diff",
        _diff,
        "what changed, record by record, from edition OLD to NEW (exit 0 even if nothing); "
        f"cells longer than {_DIFF_CELL} characters are cut short unless --wide",
    )
    diff.add_argument("old", metavar="OLD", help="an edition or package version, e.g. 0.2.0")
    diff.add_argument(
        "new", nargs="?", metavar="NEW", help="another (default: the packaged edition)"
    )
    cite = command(
        "cite", _cite_shown, "how to cite the data, or the sources of one record", parents=()
    )
    cite.add_argument(
        "--style",
        choices=_cite.STYLES,
        default="text",
        metavar="STYLE",
        help=f"one of: {', '.join(_cite.STYLES)} (default: text)",
    )
    cite.add_argument(
        "id",
        nargs="?",
        metavar="ID",
        help="a record as ENTITY:ID (briefs:issue-brief-08, chairs:2019, events:ID, "
        "sources:ID, organizations:unodc, reported_counts:2012-01, disagreements:TOPIC) "
        "or an organization's name",
    )
    return parser


def _version_line() -> str:
    return f"icat-data {__version__} (data {DATA_VERSION})"


def _summary(args: argparse.Namespace) -> Row:
    coverage = args.source.coverage()
    manifest = args.source.manifest()  # measured from the data loaded, not manifest.json's claims
    latest = coverage.chair_years[-1] if coverage.chair_years else None
    return {
        "package_version": __version__,
        "data_version": manifest.data_version,
        "data_digest": manifest.digest,
        "as_of": coverage.as_of.isoformat(),
        "members": len(args.source.members()),
        "partners": len(args.source.partners()),
        "coordinator": args.source.coordinator().acronym,
        "latest_chair_year": latest,
        "latest_chairs": [] if latest is None else _acronyms(args.source.chairs_for(latest)),
        "chair_years": list(coverage.chair_years),
        **{f"{entity}_recorded": n for entity, n in manifest.counts.items()},
        "known_gaps": len(coverage.gaps),
        "next": "icat-data --help; icat-data coverage for the gaps",
    }


def _chairs(args: argparse.Namespace) -> _Listing:
    years = (
        args.source.coverage().chair_years if args.year is None else (as_year(args.year, "YEAR"),)
    )
    rows = []
    for year in years:
        chairs = args.source.chairs_for(year)
        # "chairs" stays acronyms, as the table shows them; "chair_ids" are what records hold.
        rows.append(
            {"year": year, "chairs": _acronyms(chairs), "chair_ids": [o.id for o in chairs]}
        )
    return _Listing(rows, ["year", "chairs"])


def _members(args: argparse.Namespace) -> _Listing:
    role = "partner" if args.partners else "member"
    as_of = args.source.coverage().as_of
    # Read here so that a bad date is named by the flag the user typed.
    if args.on is not None and to_partial_date(args.on, "--on").last_day > as_of:
        _note(f"the data is as of {as_of}; changes after that day are not known")
    found = (args.source.partners if args.partners else args.source.members)(args.on)
    rows = []
    for org in found:
        first = min((m for m in org.memberships if m.role == role), key=lambda m: m.start)
        rows.append(
            {
                "id": org.id,
                "acronym": org.acronym,
                "name": org.name,
                "kind": org.kind,
                "since": str(first.start),
                # The start of a role no source dates is only when it was first attested.
                "since_attested_only": first.start_attested_only,
            }
        )
    since = {"since": lambda row: _start(row["since"], row["since_attested_only"])}
    return _Listing(
        rows, ["acronym", "name", "kind", "since"], since, none=lambda: _no_holder(args, role)
    )


def _no_holder(args: argparse.Namespace, role: str) -> str:
    """What `members` says when nothing matched (worked out only then)."""
    starts = [
        m.start for o in args.source.organizations() for m in o.memberships if m.role == role
    ]
    as_of = args.source.coverage().as_of
    when = f"on {args.on}" if args.on is not None else f"on {as_of} (the as-of day)"
    first = f"; the first is recorded from {min(starts)}" if starts else ""
    return f"no {role} of ICAT is recorded {when}{first}"


def _organizations(args: argparse.Namespace) -> _Listing:
    # Text with nothing to search by would find nothing and say nothing: a usage error, as
    # for --topic, named by the argument the user typed.
    if args.text is not None:
        _query.search_key(args.text, "TEXT", required=True)
    found = (
        sorted(args.source.organizations())
        if args.text is None
        else args.source.search_organizations(args.text)
    )
    rows = [
        {
            "id": org.id,
            "acronym": org.acronym,
            "name": org.name,
            "kind": org.kind,
            "memberships": [_membership(m) for m in org.memberships],
        }
        for org in found
    ]
    roles = {"roles": lambda row: ", ".join(map(_role, row["memberships"]))}
    none = (
        f"no organization's name matches {shown(args.text)}; try part of a name, "
        "or icat-data orgs for all of them"
    )
    return _Listing(rows, ["acronym", "name", "kind", "roles"], roles, none=lambda: none)


def _organization(args: argparse.Namespace) -> Row:
    org = args.source.get_organization(args.key)
    return {
        "id": org.id,
        "acronym": org.acronym,
        "name": org.name,
        "kind": org.kind,
        "website": org.website,
        "former_names": [
            {"name": f.name, "acronym": f.acronym, "until": str(f.until)} for f in org.former_names
        ],
        "aliases": list(org.aliases),
        "memberships": [_membership(m) for m in org.memberships],
        "chair_years": [t.year for t in args.source.chair_terms() if org.id in t.chairs],
        "successor": org.successor,
        "note": org.note,
        "sources": [_source(s) for s in org.sources],
    }


def _briefs(args: argparse.Namespace) -> _Listing:
    year = None if args.year is None else as_year(args.year, "--year")
    if args.topic is not None:
        _query.search_key(args.topic, "--topic", required=True)  # name the flag in any error
    rows = [_brief_row(b) for b in args.source.briefs(kind=args.kind, year=year, topic=args.topic)]

    def none() -> str:
        return (
            "no publication matches; try another --topic or --year, "
            f"or icat-data briefs for all {len(args.source.briefs())}"
        )

    return _Listing(rows, ["published", "kind", "number", "title"], none=none)


def _brief(args: argparse.Namespace) -> Row:
    text = args.number.strip()
    # No brief number has ten digits, and int() refuses text of thousands of digits.
    if not (text.isascii() and text.isdigit() and len(text) < 10):
        raise ValueError(f"NUMBER {shown(args.number)} is not a brief number, e.g. 12")
    brief = args.source.get_brief(int(text))
    return {
        **_brief_row(brief),
        "note": brief.note,
        "sources": [_source(s) for s in brief.sources],
    }


def _brief_row(brief: Any) -> Row:
    return {
        "id": brief.id,
        "published": None if brief.published is None else str(brief.published),
        "kind": brief.kind,
        "number": brief.number,
        "title": brief.title,
        "topics": list(brief.topics),
        "url": brief.url,
    }


def _events(args: argparse.Namespace) -> _Listing:
    # Read here, not by events(), so that an error names the flag the user typed; the range
    # runs from --from's first day to --to's last, as events() reads it.
    first = None if args.start is None else to_partial_date(args.start, "--from").first_day
    last = None if args.end is None else to_partial_date(args.end, "--to").last_day
    if first is not None and last is not None and first > last:
        raise ValueError(f"--from {args.start!r} is after --to {args.end!r}")
    year = None if args.year is None else as_year(args.year, "--year")
    rows = [
        {
            "id": e.id,
            "date": str(e.date),
            "end_date": None if e.end_date is None else str(e.end_date),
            "kind": e.kind,
            "title": e.title,
            "location": e.location,
        }
        for e in args.source.events(first, last, kind=args.kind, year=year, organization=args.org)
    ]
    # A span as ISO 8601 writes one, in one column: the table keeps one line per event.
    span = {"date": lambda row: "/".join(filter(None, (row["date"], row["end_date"])))}

    def none() -> str:
        every = args.source.events()
        known = f" (recorded from {every[0].date} to {every[-1].date})" if every else ""
        return f"no event matches; try other dates, kinds or --org{known}, or icat-data events"

    return _Listing(rows, ["date", "kind", "title", "location"], span, none=none)


def _sources(args: argparse.Namespace) -> _Listing:
    rows = [_source(s) for s in args.source.sources()]
    return _Listing(rows, ["id", "publisher", "published", "title"], whole=["id"])


def _source_shown(args: argparse.Namespace) -> Row:
    return _source(_find("sources", args.id, {s.id: s for s in args.source.sources()}))


def _find(entity: str, key: str, records: dict[str, _T]) -> _T:
    """The record of ``entity`` whose id is ``key``, or a not-found failure naming the
    closest ids and the command that lists them all."""
    found = records.get(key)
    if found is not None:
        return found
    from difflib import get_close_matches

    close = get_close_matches(key[:100], list(records), n=3)
    hint = f"did you mean {', '.join(map(repr, close))}? " if close else ""
    command = _LISTED_BY.get(entity, entity)
    what = entity[:-1].replace("_", " ")
    raise _Failure(1, f"no {what} has the id {shown(key)}; {hint}see: icat-data {command}")


# The command that lists an entity's ids, where it is not the entity's name.
_LISTED_BY = {
    "organizations": "orgs",
    "reported_counts": "coverage",
    "disagreements": "coverage",
}


def _diff(args: argparse.Namespace) -> _Listing:
    from ._editions import changes, edition

    # NEW defaults to the edition --edition names, or else the packaged one.
    old = args.old
    until = args.new if args.new is not None else args.edition
    rows = [change.to_dict() for change in changes(old, until)]
    columns = ["entity", "id", "change", "field", "before", "after"]

    def none() -> str:
        return f"no changes from {edition(old).data_version} to {edition(until).data_version}"

    return _Listing(rows, columns, none=none, none_is_an_answer=True, cap=_DIFF_CELL)


def _cite_shown(args: argparse.Namespace) -> str:
    source: _query.Queries = args.source  # the edition --edition names cites itself
    record = None if args.id is None else _citable(source, args.id)
    return source.cite(record, style=args.style)


def _citable(source: _query.Queries, text: str) -> _cite.Citable:
    """The record ``ENTITY:ID`` names, or the organization a bare name, acronym or alias
    names (an organization's name can hold a colon only where no entity precedes it).

    A membership is cited with its organization, which cites its memberships' sources: a
    membership has no id to name it by."""
    entity, colon, key = text.partition(":")
    if not colon or entity not in _CITED:
        try:
            return source.get_organization(text)
        except UnknownOrganizationError as error:
            if error.suggestions:
                raise
            raise _Failure(1, _not_citable(source, text)) from None
    if entity == "chairs":
        year = as_year(key, "chairs:YEAR")
        term = next((t for t in source.chair_terms() if t.year == year), None)
        if term is None:
            source.chairs_for(year)  # raises, saying which years are recorded
            raise _Failure(1, f"no chair term is recorded for {year}")
        return term
    return _find(entity, key, _citables(source)[entity])


def _citables(source: _query.Queries) -> dict[str, dict[str, _cite.Citable]]:
    """Every record `cite` takes as ENTITY:ID but chair terms (read as years), by entity and
    id (a reported count's id is its date, a disagreement's its topic)."""
    data = source._dataset()
    return {
        entity: {record_id(record): record for record in _rows._RECORDS_OF[entity](data)}
        for entity in _CITED
        if entity != "chairs"
    }


def _not_citable(source: _query.Queries, text: str) -> str:
    """What `cite` says of a word that names no organization and is not ENTITY:ID: the
    records whose id it is (or is close to), and the forms it takes."""
    ids = {f"{e}:{key}": key for e, records in _citables(source).items() for key in records}
    ids.update({f"chairs:{t.year}": str(t.year) for t in source.chair_terms()})
    _, colon, after = text.partition(":")
    word = after if colon else text  # brief:ID, a misspelt entity, names the id after it
    close = [label for label, key in ids.items() if key == word]
    if not close:
        from difflib import get_close_matches

        close = get_close_matches(text[:100], list(ids), n=2)
    hint = f"did you mean {' or '.join(map(repr, close[:2]))}? " if close else ""
    return (
        f"no record or organization is known as {shown(text)}; {hint}cite takes an "
        f"organization's name or ENTITY:ID, ENTITY one of: {', '.join(_CITED)}"
    )


def _coverage(args: argparse.Namespace) -> Row:
    coverage = args.source.coverage()
    return {
        "data_version": args.source.manifest().data_version,
        "as_of": coverage.as_of.isoformat(),
        "chair_years": list(coverage.chair_years),
        "gaps": list(coverage.gaps),
        "reported_counts": [
            {
                "date": str(c.date),
                "members": c.members,
                "partners": c.partners,
                "total": c.total,
                "source": c.sources[0].publisher,
            }
            for c in coverage.reported_counts
        ],
        "disagreements": [
            {"topic": d.topic, "recorded": d.recorded, "records": list(d.records)}
            for d in coverage.disagreements
        ],
    }


def _editions_listed(_args: argparse.Namespace) -> _Listing:
    from ._editions import editions

    ledger = editions()
    rows = [
        {
            "version": r.version,
            "data_version": r.data_version,
            "date": r.date.isoformat(),
            "released": True,
            "packaged": r.data_version == DATA_VERSION,
            "commit": r.commit,
            "digest": r.digest,
            "note": r.note,
        }
        for r in ledger
    ]
    if all(r.data_version != DATA_VERSION for r in ledger):
        # A development edition: what this package serves, though no release holds it yet.
        rows.append(
            {
                "version": __version__,
                "data_version": DATA_VERSION,
                "date": None,
                "released": False,
                "packaged": True,
                "commit": None,
                "digest": _query.current.manifest().digest,
                "note": "unreleased: the development edition this package serves",
            }
        )
    cells = {
        "date": lambda row: row["date"] if row["released"] else "unreleased",
        "commit": lambda row: (row["commit"] or "")[:10],
    }
    return _Listing(rows, ["version", "data_version", "date", "packaged", "commit"], cells)


def _verify(_args: argparse.Namespace) -> _Listing:
    from ._editions import verify

    rows = [{"checked": c.subject, "sha256": c.sha256, "against": c.against} for c in verify()]
    return _Listing(rows, ["checked", "against"])


def _membership(membership: Membership) -> Row:
    return {
        "role": membership.role,
        "start": str(membership.start),
        "start_attested_only": membership.start_attested_only,
        "end": None if membership.end is None else str(membership.end),
        "sources": [s.id for s in membership.sources],
    }


def _role(membership: Row) -> str:
    end = f" until {membership['end']}" if membership["end"] else ""
    start = _start(membership["start"], membership["start_attested_only"])
    return f"{membership['role']} from {start}{end}"


def _start(start: str, attested_only: bool) -> str:
    # A start no source dates is only the earliest a source attests the role.
    return f"{start} (attested)" if attested_only else start


def _source(source: Source) -> Row:
    return {
        "id": source.id,
        "publisher": source.publisher,
        "published": None if source.published is None else str(source.published),
        "title": source.title,
        "url": source.url,
        "accessed": source.accessed.isoformat(),
    }


def _export_files(args: argparse.Namespace) -> _Listing:
    out: Path = args.out
    data = args.source._dataset()
    try:
        if args.format == "datapackage":
            written = _export.datapackage_files(out, data, force=args.force)
        elif args.format == "parquet":
            try:
                written = _export.parquet_files(
                    out, data, force=args.force, needed_by="--format parquet"
                )
            except ImportError as error:  # pyarrow is missing: the message names the extra
                raise _Failure(1, str(error)) from None
        else:
            written = _files_written(out, data, args.format, force=args.force)
    except ExportTargetError as error:  # a file, or a folder holding something: usage
        raise _Failure(2, str(error)) from None
    except OSError as error:
        raise _Failure(
            1, f"cannot write the export into {shown(str(out))} (--out): {error.strerror or error}"
        ) from None
    rows = [{"entity": name, "rows": rows, "file": str(path)} for name, rows, path in written]
    return _Listing(rows, ["entity", "rows", "file"], whole=["file"])


def _files_written(
    out: Path, data: Dataset, fmt: str, *, force: bool
) -> list[tuple[str, int | None, Path]]:
    """Write one JSON or CSV file per entity and ``edition.json``, whole or not at all."""
    written: list[tuple[str, int | None, Path]] = []
    with replacing(out, force=force) as folder:
        for entity in _rows.ENTITIES:
            rows = _rows.records(entity, data)
            with (folder / f"{entity}.{fmt}").open("w", encoding="utf-8", newline="") as file:
                if fmt == "json":
                    _write_json(file, rows)
                else:
                    _write_csv(file, rows)
            written.append((entity, len(rows), out / f"{entity}.{fmt}"))
        # Files outlive the package that wrote them: each export says which data it holds.
        with (folder / "edition.json").open("w", encoding="utf-8") as file:
            _write_json(file, _rows.edition(data))
        written.append(("edition", None, out / "edition.json"))
    return written


def _write_json(file: Any, value: object) -> None:
    json.dump(value, file, indent=2, ensure_ascii=False)
    file.write("\n")


def _write_csv(file: Any, rows: list[Row]) -> None:
    writer = csv.DictWriter(file, fieldnames=list(rows[0]))
    writer.writeheader()
    # Cells as the data package writes them: a list as a JSON array, true and false.
    writer.writerows({k: _rows.csv_cell(v) for k, v in row.items()} for row in rows)


def _acronyms(organizations: Sequence[Organization]) -> list[str]:
    return [o.acronym for o in organizations]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_cell(v)}" for k, v in value.items() if _cell(v))
    if isinstance(value, list):
        return ", ".join(map(_cell, value))
    return str(value)


def _shorten(text: str, width: int | None) -> str:
    # Shortened, never wrapped: one record stays one line, and --wide or --json has it all.
    if width is None or len(text) <= width:
        return text
    mark = "\u2026" if _writes_unicode(sys.stdout) else "~"
    return text[: max(width - 1, 0)] + mark


def _table(listing: _Listing, width: int | None, cap: int | None = None) -> str:
    if not listing:
        return ""  # found nothing: nothing to print (the exit status says so)
    header = [c.upper() for c in listing.columns]
    cells = [
        [listing.cells[c](row) if c in listing.cells else _cell(row[c]) for c in listing.columns]
        for row in listing
    ]
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    if cap is not None:
        widths = [min(w, max(cap, len(h))) for w, h in zip(widths, header, strict=True)]
    if width is not None:
        whole = [c in listing.whole for c in listing.columns]
        widths = _fit(widths, [len(h) for h in header], width, whole)
    return "".join(
        "  ".join(
            _shorten(text, w).ljust(w) for text, w in zip(line, widths, strict=True)
        ).rstrip()
        + "\n"
        for line in (header, *cells)
    )


def _fit(widths: list[int], header_widths: list[int], width: int, whole: list[bool]) -> list[int]:
    """Column widths that fit ``width`` with two spaces between: the widest give way first,
    down to their header's width (or 6); in a terminal too narrow for that, down to 3. A
    ``whole`` column never gives way: like a digest, an id or a path cut short would invite
    a wrong copy, so a terminal too narrow for it wraps the line instead."""
    widths = list(widths)
    budget = width - 2 * (len(widths) - 1)
    kept = [w if keep else 3 for w, keep in zip(widths, whole, strict=True)]
    for floors in ([max(k, h, 6) for k, h in zip(kept, header_widths, strict=True)], kept):
        while sum(widths) > budget:
            above = [i for i, w in enumerate(widths) if w > floors[i]]
            if not above:
                break  # this floor gives no more
            widths[max(above, key=lambda i: widths[i])] -= 1
    return widths


def _mapping(row: Row, width: int | None) -> str:
    key_width = max(len(key) for key in row)
    lines = []
    for key, value in row.items():
        if isinstance(value, list) and value and key not in ("latest_chairs", "chair_years"):
            lines.append(f"{key}:")
            lines += [_shorten(f"  - {_cell(item)}", width) for item in value]
        elif text := _cell(value):  # a field with nothing in it is left out, as a cell is
            line = f"{key.ljust(key_width)}  {text}"
            if width is not None and len(line) > width and " " not in text:
                # One token (a digest, an address) cut short would invite a wrong copy: it
                # goes whole on a line of its own, which a narrower terminal still may wrap.
                lines += [_shorten(f"{key}:", width), f"  {text}"]
            else:
                lines.append(_shorten(line, width))
    return "\n".join(lines) + "\n"


def _fail(status: int, message: str) -> int:
    _note(message)
    return status


def _note(message: str) -> None:
    # If stderr itself is gone, the exit status is all that is left to tell.
    with contextlib.suppress(OSError):
        print(f"icat-data: {message}", file=sys.stderr, flush=True)
