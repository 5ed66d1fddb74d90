"""The ``icat-data`` command line (also ``python -m icat_data``).

Tables for people, ``--json`` for programs. A miss exits 1 and bad input exits 2, each with one
line on stderr saying what was wrong and what would be right; never a traceback.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from . import _datapackage, _export, _query
from ._limits import shown
from ._models import BRIEF_KINDS, EVENT_KINDS, Organization
from ._version import DATA_VERSION, __version__
from .errors import IcatDataError

__all__ = ["main"]

Row = dict[str, Any]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse would print the whole usage block; one line is easier to read and to grep.
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    _prepare_streams()
    args = _parser().parse_args(argv)
    try:
        result: Row | list[Row] = args.handler(args)
    except _Failure as failure:
        return _fail(failure.status, str(failure))
    except IcatDataError as error:  # unknown names, uncovered years: not found
        return _fail(1, str(error))
    except (ValueError, TypeError) as error:  # unreadable dates and the like: usage
        return _fail(2, str(error))
    except OSError as error:  # the file system refused (export): say so, no traceback
        return _fail(1, f"{error.strerror or error}: {shown(str(error.filename))}")
    if args.json:
        text = json.dumps(result, indent=2, ensure_ascii=not _writes_unicode(sys.stdout)) + "\n"
    elif isinstance(result, list):
        text = _table(result)
    else:
        text = _mapping(result)
    return _write(text)


class _Failure(Exception):
    """A command that cannot do what it was asked, with the exit status to report."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _prepare_streams() -> None:
    # A stream closed by the shell (`icat-data >&-`) is None in Python: nobody can read what
    # would go there, so it goes nowhere, and the exit status still tells what happened.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
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
    # message of its own: point the descriptor at devnull so that flush succeeds.
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _parser() -> argparse.ArgumentParser:
    as_json = _Parser(add_help=False)
    as_json.add_argument(
        "--json", action="store_true", default=argparse.SUPPRESS, help="print JSON"
    )
    parser = _Parser(
        prog="icat-data",
        description="Cited data on ICAT, the Inter-Agency Coordination Group against "
        "Trafficking in Persons. Without a command: a summary of the data.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--version", action="version", version=_version_line())
    parser.set_defaults(handler=_summary)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)

    def command(name: str, handler: Callable[[argparse.Namespace], Any], text: str) -> Any:
        sub = commands.add_parser(name, parents=[as_json], help=text, description=text)
        sub.set_defaults(handler=handler)
        return sub

    chairs = command("chairs", _chairs, "ICAT's chair or co-chairs, for one year or every year")
    chairs.add_argument("year", nargs="?", type=int, help="a year, e.g. 2019")
    members = command("members", _members, "ICAT's members (or partners) on a date")
    members.add_argument("--on", metavar="DATE", help="a date or year (default: the data's as-of)")
    members.add_argument("--partners", action="store_true", help="list partners instead")
    org = command("org", _organization, "one organization: names, memberships and sources")
    org.add_argument("key", help="an acronym, name, former name or alias")
    briefs = command("briefs", _briefs, "ICAT's issue briefs and other publications")
    briefs.add_argument("--kind", choices=sorted(BRIEF_KINDS))
    briefs.add_argument("--year", type=int)
    briefs.add_argument("--topic", metavar="TEXT")
    events = command("events", _events, "the timeline of ICAT's key events")
    events.add_argument("--from", dest="start", metavar="DATE")
    events.add_argument("--to", dest="end", metavar="DATE")
    events.add_argument("--kind", choices=sorted(EVENT_KINDS))
    export = command(
        "export",
        _export_files,
        "write every entity as JSON or CSV files, or as a Frictionless data package",
    )
    export.add_argument(
        "--format",
        choices=("json", "csv", "datapackage"),
        required=True,
        help="datapackage: CSV files and datapackage.json (typed fields, keys, licence, "
        "edition); json and csv: one file per entity and edition.json",
    )
    export.add_argument(
        "--out", metavar="DIR", type=Path, required=True, help="the folder to write into"
    )
    return parser


def _version_line() -> str:
    return f"icat-data {__version__} (data {DATA_VERSION})"


def _summary(_args: argparse.Namespace) -> Row:
    coverage = _query.coverage()
    manifest = _query.manifest()  # measured from the data loaded, not manifest.json's claims
    latest = coverage.chair_years[-1] if coverage.chair_years else None
    return {
        "package_version": __version__,
        "data_version": DATA_VERSION,
        "data_digest": manifest.digest,
        "as_of": coverage.as_of.isoformat(),
        "members": len(_query.members()),
        "partners": len(_query.partners()),
        "coordinator": _query.coordinator().acronym,
        "latest_chair_year": latest,
        "latest_chairs": [] if latest is None else _acronyms(_query.chairs_for(latest)),
        "chair_years": list(coverage.chair_years),
        **{f"{entity}_recorded": n for entity, n in manifest.counts.items()},
        "known_gaps": len(coverage.gaps),
    }


def _chairs(args: argparse.Namespace) -> list[Row]:
    years = _query.coverage().chair_years if args.year is None else (args.year,)
    return [{"year": year, "chairs": _acronyms(_query.chairs_for(year))} for year in years]


def _members(args: argparse.Namespace) -> list[Row]:
    role = "partner" if args.partners else "member"
    found = (_query.partners if args.partners else _query.members)(args.on)
    return [
        {
            "acronym": org.acronym,
            "name": org.name,
            "kind": org.kind,
            "since": min(str(m.start) for m in org.memberships if m.role == role),
        }
        for org in found
    ]


def _organization(args: argparse.Namespace) -> Row:
    org = _query.get_organization(args.key)
    return {
        "id": org.id,
        "acronym": org.acronym,
        "name": org.name,
        "kind": org.kind,
        "website": org.website,
        "former_names": [f"{f.name} ({f.acronym}) until {f.until}" for f in org.former_names],
        "aliases": list(org.aliases),
        "memberships": [
            f"{m.role} from {m.start}"
            + (" (earliest attested)" if m.start_attested_only else "")
            + (f" until {m.end}" if m.end else "")
            for m in org.memberships
        ],
        "successor": org.successor,
        "sources": [f"{s.title} ({s.publisher}) {s.url}" for s in org.sources],
    }


def _briefs(args: argparse.Namespace) -> list[Row]:
    return [
        {
            "published": None if b.published is None else str(b.published),
            "kind": b.kind,
            "number": b.number,
            "title": b.title,
        }
        for b in _query.briefs(kind=args.kind, year=args.year, topic=args.topic)
    ]


def _events(args: argparse.Namespace) -> list[Row]:
    return [
        {
            "date": str(e.date) + (f"/{e.end_date}" if e.end_date else ""),
            "kind": e.kind,
            "title": e.title,
            "location": e.location,
        }
        for e in _query.events(args.start, args.end, kind=args.kind)
    ]


def _export_files(args: argparse.Namespace) -> list[Row]:
    out: Path = args.out
    if out.exists() and not out.is_dir():
        raise _Failure(2, f"--out {shown(str(out))} is a file; give a folder to write into")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _Failure(
            1, f"cannot create the folder {shown(str(out))} (--out): {error.strerror or error}"
        ) from None
    written: list[tuple[str, int | None, Path]]
    if args.format == "datapackage":
        written = _datapackage.write(out)
    else:
        written = []
        for entity in _export.ENTITIES:
            rows = _export.to_records(entity)
            path = out / f"{entity}.{args.format}"
            with path.open("w", encoding="utf-8", newline="") as file:
                if args.format == "json":
                    _write_json(file, rows)
                else:
                    _write_csv(file, rows)
            written.append((entity, len(rows), path))
        # Files outlive the package that wrote them: each export says which data it holds.
        path = out / "edition.json"
        with path.open("w", encoding="utf-8") as file:
            _write_json(file, _export.edition())
        written.append(("edition", None, path))
    return [{"entity": name, "rows": rows, "file": str(path)} for name, rows, path in written]


def _write_json(file: Any, value: object) -> None:
    json.dump(value, file, indent=2, ensure_ascii=False)
    file.write("\n")


def _write_csv(file: Any, rows: list[Row]) -> None:
    writer = csv.DictWriter(file, fieldnames=list(rows[0]))
    writer.writeheader()
    for row in rows:
        # Lists and objects go into one cell as JSON, so every cell reads back unambiguously.
        writer.writerow(
            {k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in row.items()}
        )


def _acronyms(organizations: Sequence[Organization]) -> list[str]:
    return [o.acronym for o in organizations]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _table(rows: list[Row]) -> str:
    if not rows:
        return "(nothing recorded)\n"
    columns = list(rows[0])
    cells = [[_cell(row[c]) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    return "".join(
        "  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip()
        + "\n"
        for line in ([c.upper() for c in columns], *cells)
    )


def _mapping(row: Row) -> str:
    width = max(len(key) for key in row)
    lines = []
    for key, value in row.items():
        if isinstance(value, list) and value and key not in ("latest_chairs", "chair_years"):
            lines.append(f"{key}:")
            lines += [f"  - {item}" for item in value]
        else:
            lines.append(f"{key.ljust(width)}  {_cell(value)}")
    return "\n".join(lines) + "\n"


def _fail(status: int, message: str) -> int:
    # If stderr itself is gone, the exit status is all that is left to tell.
    with contextlib.suppress(OSError):
        print(f"icat-data: {message}", file=sys.stderr, flush=True)
    return status
