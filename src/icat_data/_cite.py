"""Citations of a data edition, or of the sources behind one record, in four formats.

The dataset is cited by the names ``CITATION.cff`` gives (title, authors, licence), with what
identifies the data exactly: the package version, the data edition, its digest and its as-of
day. A record is cited by its sources, one entry each, keyed by source id so that the key of
a source is the same whichever record or edition cites it. No repository address exists, so
none is cited.
"""

from __future__ import annotations

import datetime
import typing
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Literal

import attrs

from ._limits import shown
from ._models import (
    Brief,
    ChairTerm,
    Disagreement,
    Event,
    Membership,
    Organization,
    PartialDate,
    ReportedCount,
    Source,
    record_id,
)
from ._version import __version__
from ._vocabulary import CitationStyle

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["AUTHORS", "LICENSE", "STYLES", "TITLE", "Citable", "cite"]

#: The citation formats `cite()` writes.
STYLES: tuple[str, ...] = typing.get_args(CitationStyle)

#: The dataset's title, authors and licence, as CITATION.cff names them (a test keeps them so).
TITLE = (
    "icat-data: typed, cited data on the Inter-Agency Coordination Group against Trafficking "
    "in Persons (ICAT)"
)
AUTHORS = "The icat-data contributors"
LICENSE = "CC-BY-4.0"
_LICENSE_NAME = "CC BY 4.0"

Citable = (
    Organization | Membership | ChairTerm | Brief | Event | Source | ReportedCount | Disagreement
)
_CITABLE = typing.get_args(Citable)


@attrs.frozen(kw_only=True)
class _Entry:
    """One thing cited, in the terms every format needs."""

    key: str
    kind: Literal["dataset", "webpage"]
    author: str
    title: str
    issued: PartialDate | None
    note: str
    version: str | None = None
    url: str | None = None
    accessed: datetime.date | None = None


def cite(data: Dataset, record: Citable | None = None, *, style: CitationStyle = "text") -> str:
    """The citation of ``data``'s edition, or of the sources ``record`` cites, in ``style``.

    Without a record: one entry for the dataset, naming its title and authors as
    CITATION.cff does, the version of this package (which serves the edition, whichever it
    is), the data edition, its digest, its as-of day (the entry's date) and the data licence
    (CC BY 4.0). With a record (an `Organization` with its memberships, a
    `Membership`, `ChairTerm`, `Brief`, `Event`, `Source`, `ReportedCount` or
    `Disagreement`): one entry per source it cites, each keyed ``icat:<source id>``, with a
    note naming the record and the edition. ``style`` is ``"text"`` (one entry a line, led
    by its key in brackets), ``"bibtex"``, ``"csl-json"`` (a JSON array of CSL items) or
    ``"ris"``. Another style is a ``ValueError`` listing these; anything but a record of
    those kinds is a ``TypeError``.
    """
    write = _WRITERS.get(style) if isinstance(style, str) else None
    if write is None:
        raise ValueError(
            f"unknown citation style {shown(style)}; expected one of: {', '.join(STYLES)}"
        )
    if record is None:
        return write([_dataset_entry(data)])
    if not isinstance(record, _CITABLE):
        kinds = ", ".join(kind.__name__ for kind in _CITABLE)
        raise TypeError(
            f"cannot cite a {type(record).__name__}; cite() takes no record (the dataset) "
            f"or one of: {kinds}"
        )
    note = (
        f"Source of {_label(data, record)} in icat-data, data edition {data.manifest.data_version}"
    )
    return write([_source_entry(source, note) for source in _sources_of(record)])


def _dataset_entry(data: Dataset) -> _Entry:
    edition, as_of = data.manifest.data_version, data.coverage.as_of
    return _Entry(
        key=f"icat-data:{edition}",
        kind="dataset",
        author=AUTHORS,
        title=TITLE,
        issued=PartialDate.from_date(as_of),
        version=__version__,
        note=(
            f"Data edition {edition}, as of {as_of.isoformat()}, SHA-256 "
            f"{data.manifest.digest}; licence {_LICENSE_NAME}"
        ),
    )


def _source_entry(source: Source, note: str) -> _Entry:
    return _Entry(
        key=f"icat:{source.id}",
        kind="webpage",
        author=source.publisher,
        title=source.title,
        issued=source.published,
        note=note,
        url=source.url,
        accessed=source.accessed,
    )


def _sources_of(record: Citable) -> tuple[Source, ...]:
    if isinstance(record, Source):
        return (record,)
    cited = record.sources
    if isinstance(record, Organization):
        # An organization's memberships are part of the record, and cite sources of their own.
        cited += tuple(s for m in record.memberships for s in m.sources)
    return tuple(dict.fromkeys(cited))  # each source once, first citation first


def _label(data: Dataset, record: Citable) -> str:
    """The record as ``entity:id``, in the entity names of ``to_records()``."""
    if isinstance(record, Membership):
        # By identity: two organizations can hold equal memberships (same role, dates, sources).
        owner = next(
            (o.id for o in data.organizations if any(m is record for m in o.memberships)), None
        )
        where = f"organizations:{owner}" if owner else "an organization's"
        return f"{where} {record.role} membership from {record.start}"
    return f"{_ENTITIES[type(record)]}:{record_id(record)}"


#: The entity, in the names of ``to_records()``, of each kind of record cited by its id.
_ENTITIES: dict[type, str] = {
    Organization: "organizations",
    ChairTerm: "chairs",
    Brief: "briefs",
    Event: "events",
    Source: "sources",
    ReportedCount: "reported_counts",
    Disagreement: "disagreements",
}


def _text(entries: Iterable[_Entry]) -> str:
    lines = []
    for entry in entries:
        issued = str(entry.issued) if entry.issued else "n.d."
        parts = [f"[{entry.key}] {entry.author} ({issued}). {entry.title}."]
        if entry.version is not None:
            parts.append(f"Version {entry.version} [Data set].")
        if entry.url is not None:
            parts.append(f"{entry.url}")
        if entry.accessed is not None:
            parts.append(f"(accessed {entry.accessed.isoformat()}).")
        parts.append(f"{entry.note}.")
        lines.append(" ".join(parts))
    return "\n".join(lines) + "\n"


# Characters BibTeX reads as commands or markup, and how to write each as itself.
_BIBTEX_ESCAPES = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def _bibtex(entries: Iterable[_Entry]) -> str:
    blocks = []
    for entry in entries:
        fields: list[tuple[str, str]] = [
            # Doubled braces: a corporate author, not a surname and given names.
            ("author", "{" + _bib(entry.author) + "}"),
            ("title", _bib(entry.title)),
        ]
        if entry.issued is not None:
            fields += [("year", str(entry.issued.year)), ("date", str(entry.issued))]
        if entry.version is not None:
            fields.append(("version", _bib(entry.version)))
        if entry.url is not None:
            # A URL is read verbatim by the url package; only braces could break the entry.
            fields.append(("url", entry.url.replace("{", "%7B").replace("}", "%7D")))
        if entry.accessed is not None:
            fields.append(("urldate", entry.accessed.isoformat()))
        fields.append(("note", _bib(entry.note)))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        blocks.append(f"@misc{{{entry.key},\n{body}\n}}\n")
    return "\n".join(blocks)


def _bib(text: str) -> str:
    return text.translate(_BIBTEX_ESCAPES)


def _csl_json(entries: Iterable[_Entry]) -> str:
    import json

    items = []
    for entry in entries:
        item: dict[str, object] = {
            "id": entry.key,
            "type": entry.kind,
            "author": [{"literal": entry.author}],
            "title": entry.title,
        }
        if entry.issued is not None:
            item["issued"] = {"date-parts": [_date_parts(entry.issued)]}
        if entry.version is not None:
            item["version"] = entry.version
        if entry.url is not None:
            item["URL"] = entry.url
        if entry.accessed is not None:
            item["accessed"] = {"date-parts": [_date_parts(PartialDate.from_date(entry.accessed))]}
        item["note"] = entry.note
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def _date_parts(date: PartialDate) -> list[int]:
    return [part for part in (date.year, date.month, date.day) if part is not None]


def _ris(entries: Iterable[_Entry]) -> str:
    blocks = []
    for entry in entries:
        tags: list[tuple[str, str]] = [
            ("TY", "DATA" if entry.kind == "dataset" else "ELEC"),
            ("ID", entry.key),
            ("AU", entry.author),
            ("TI", entry.title),
        ]
        if entry.issued is not None:
            tags.append(("PY", str(entry.issued.year)))
            parts = [
                f"{p:02}" if p is not None else "" for p in (entry.issued.month, entry.issued.day)
            ]
            tags.append(("DA", f"{entry.issued.year:04}/{parts[0]}/{parts[1]}/"))
        if entry.version is not None:
            tags.append(("ET", entry.version))
        if entry.url is not None:
            tags.append(("UR", entry.url))
        if entry.accessed is not None:
            tags.append(("Y2", entry.accessed.strftime("%Y/%m/%d/")))
        tags += [("N1", entry.note), ("ER", "")]
        # One line per tag: a line break inside a value would start a tag of its own.
        blocks.append("".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in tags))
    return "\n".join(blocks)


_WRITERS: dict[str, Callable[[list[_Entry]], str]] = {
    "text": _text,
    "bibtex": _bibtex,
    "csl-json": _csl_json,
    "ris": _ris,
}
