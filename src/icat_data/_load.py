"""Reading the packaged JSON into a validated :class:`Dataset`, once, on first use.

Files are read through ``importlib.resources`` so the data loads from a wheel, a zip file or a
frozen application alike. Loading is lazy (``import icat_data`` reads nothing, and the modules
only loading needs, cattrs among them, are imported on first use) and guarded by a lock, so
the first use from many threads loads once and every thread sees the same records.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from ._dataset import Dataset, fold
from ._models import (
    Brief,
    ChairTerm,
    Event,
    FrozenMap,
    Manifest,
    Organization,
    Source,
)
from .errors import DataError

if TYPE_CHECKING:
    import cattrs

__all__ = ["DATA_FILES", "MANIFEST_FILE", "Reader", "dataset", "load", "read_packaged"]

#: The packaged data files, in the order they are read.
DATA_FILES = (
    "sources.json",
    "organizations.json",
    "chairs.json",
    "briefs.json",
    "events.json",
    "edition.json",
)
MANIFEST_FILE = "manifest.json"

Reader = Callable[[str], bytes]
_T = TypeVar("_T")

_lock = threading.Lock()
_loaded: Dataset | None = None


def read_packaged(name: str) -> bytes:
    """The bytes of one packaged data file."""
    from importlib.resources import files

    return files("icat_data").joinpath("data").joinpath(name).read_bytes()


def dataset() -> Dataset:
    """The packaged dataset, loaded on first call and shared afterwards."""
    global _loaded
    loaded = _loaded
    if loaded is None:
        with _lock:
            if _loaded is None:
                _loaded = load(read_packaged)
            loaded = _loaded
    return loaded


def load(read: Reader) -> Dataset:
    """Read, structure and check every data file; raise :class:`DataError` on any fault."""
    from ._convert import EditionFile, ManifestFile, structure_source

    plain = _Converters({})
    sources = _structure_each(
        _json_array(read, "sources.json"),
        "sources.json",
        Source,
        structure_source(plain.fast),
        lambda: structure_source(plain.detailed()),
    )
    _unique(sources, "sources.json", "id", lambda s: s.id)
    by_id = {s.id: s for s in sources}

    converters = _Converters(by_id)
    organizations = _records(read, "organizations.json", converters, Organization)
    chair_terms = _records(read, "chairs.json", converters, ChairTerm)
    briefs = _records(read, "briefs.json", converters, Brief)
    events = _records(read, "events.json", converters, Event)
    edition = _one(read, "edition.json", converters, EditionFile)
    manifest_file = _one(read, MANIFEST_FILE, converters, ManifestFile)

    _check_organizations(organizations)
    org_ids = {o.id for o in organizations}
    _unique(chair_terms, "chairs.json", "year", lambda t: t.year)
    _unique(briefs, "briefs.json", "id", lambda b: b.id)
    _unique(
        [b for b in briefs if b.number is not None], "briefs.json", "number", lambda b: b.number
    )
    _unique(events, "events.json", "id", lambda e: e.id)
    for term in chair_terms:
        _resolve(term.chairs, org_ids, "chairs.json", f"year {term.year}", "chairs")
        _sourced(term.sources, "chairs.json", f"year {term.year}")
    for brief in briefs:
        _sourced(brief.sources, "briefs.json", f"id {brief.id!r}")
    for event in events:
        _resolve(event.organizations, org_ids, "events.json", f"id {event.id!r}", "organizations")
        _sourced(event.sources, "events.json", f"id {event.id!r}")
    for count in edition.reported_counts:
        _sourced(count.sources, "edition.json", f"reported count of {count.date}")
    known_records = {
        *(f"organizations:{o.id}" for o in organizations),
        *(f"chairs:{t.year}" for t in chair_terms),
        *(f"briefs:{b.id}" for b in briefs),
        *(f"events:{e.id}" for e in events),
    }
    for disagreement in edition.disagreements:
        record = f"disagreement {disagreement.topic!r}"
        _sourced(disagreement.sources, "edition.json", record)
        for reference in disagreement.records:
            if reference not in known_records:
                raise DataError(
                    f"edition.json: record {record}: field 'records' names {reference!r}, "
                    "which is no record (expected 'entity:id', e.g. 'briefs:issue-brief-08')"
                )
    if manifest_file.data_version != edition.data_version:
        raise DataError(
            f"{MANIFEST_FILE}: field 'data_version' is {manifest_file.data_version!r} but "
            f"edition.json says {edition.data_version!r}; regenerate the manifest"
        )

    return Dataset.build(
        sources=sources,
        organizations=organizations,
        chair_terms=chair_terms,
        briefs=briefs,
        events=events,
        as_of=edition.as_of,
        known_gaps=edition.known_gaps,
        reported_counts=edition.reported_counts,
        disagreements=edition.disagreements,
        manifest=Manifest(
            data_version=manifest_file.data_version,
            files=FrozenMap(manifest_file.files),
            counts=FrozenMap(manifest_file.counts),
        ),
    )


def _parse(read: Reader, name: str) -> Any:
    import json

    try:
        raw = read(name)
    except OSError as error:
        raise DataError(f"{name}: cannot be read: {error}") from None
    try:
        return json.loads(raw)
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
        raise DataError(f"{name}: not valid JSON: {error}") from None


def _json_array(read: Reader, name: str) -> list[Any]:
    rows = _parse(read, name)
    if not isinstance(rows, list):
        raise DataError(f"{name}: expected a JSON array of records, got {type(rows).__name__}")
    return rows


class _Converters:
    """A fast converter, and a detailed one made only when an error needs wording."""

    def __init__(self, sources: dict[str, Source]) -> None:
        from ._convert import structure_converter

        self._sources = sources
        self.fast = structure_converter(sources, detailed=False)
        self._detailed: cattrs.Converter | None = None

    def detailed(self) -> cattrs.Converter:
        from ._convert import structure_converter

        if self._detailed is None:
            self._detailed = structure_converter(self._sources, detailed=True)
        return self._detailed


def _records(read: Reader, name: str, converters: _Converters, cls: type[_T]) -> tuple[_T, ...]:
    return _structure_each(
        _json_array(read, name),
        name,
        cls,
        converters.fast.structure,
        lambda: converters.detailed().structure,
    )


def _one(read: Reader, name: str, converters: _Converters, cls: type[_T]) -> _T:
    raw = _parse(read, name)
    try:
        return converters.fast.structure(raw, cls)
    except Exception as error:
        message = _explain(error, raw, cls, converters.detailed().structure, "$")
        raise DataError(f"{name}: {message}") from None


def _structure_each(
    rows: list[Any],
    name: str,
    cls: type[_T],
    structure: Callable[[Any, type[_T]], _T],
    detailed: Callable[[], Callable[[Any, type[_T]], _T]],
) -> tuple[_T, ...]:
    records = []
    for index, row in enumerate(rows):
        try:
            records.append(structure(row, cls))
        except Exception as error:
            # Any exception from a hook or validator is a fault in this one record.
            message = _explain(error, row, cls, detailed(), f"$[{index}]")
            raise DataError(f"{name}: {_label(row, index)}: {message}") from None
    return tuple(records)


def _explain(
    error: Exception,
    raw: object,
    cls: type[_T],
    detailed: Callable[[Any, type[_T]], _T],
    path: str,
) -> str:
    """Word ``error`` with the path to the faulty field, by structuring ``raw`` in detail."""
    from ._convert import describe_error

    try:
        detailed(raw, cls)
    except Exception as located:
        return describe_error(located, path)
    return describe_error(error, path)  # only the fast converter objected: say what it said


def _label(row: object, index: int) -> str:
    if isinstance(row, dict):
        for key in ("id", "year"):
            if key in row:
                return f"record {index} ({key} {row[key]!r})"
    return f"record {index}"


def _unique(records: Iterable[_T], name: str, field: str, key: Callable[[_T], object]) -> None:
    from collections import Counter

    repeated = [value for value, n in Counter(map(key, records)).items() if n > 1]
    if repeated:
        raise DataError(f"{name}: field {field!r} repeats {repeated[0]!r}; it must be unique")


def _resolve(ids: Iterable[str], known: set[str], name: str, record: str, field: str) -> None:
    for value in ids:
        if value not in known:
            raise DataError(
                f"{name}: record {record}: field {field!r} names {value!r}, "
                "which is no organization id in organizations.json"
            )


def _sourced(sources: tuple[Source, ...], name: str, record: str) -> None:
    if not sources:
        raise DataError(f"{name}: record {record}: field 'sources' is empty; cite a source")


def _check_organizations(organizations: tuple[Organization, ...]) -> None:
    name = "organizations.json"
    _unique(organizations, name, "id", lambda o: o.id)
    ids = {o.id for o in organizations}
    owner: dict[str, str] = {}
    for org in organizations:
        record = f"id {org.id!r}"
        _sourced(org.sources, name, record)
        if not org.memberships:
            raise DataError(f"{name}: record {record}: field 'memberships' is empty")
        for membership in org.memberships:
            _sourced(membership.sources, name, f"{record} ({membership.role} membership)")
        if org.successor is not None:
            _resolve([org.successor], ids, name, record, "successor")
        for key in {fold(n) for n in org.names()}:
            if not key:
                raise DataError(f"{name}: record {record}: a name has no letters or digits")
            other = owner.setdefault(key, org.id)
            if other != org.id:
                raise DataError(
                    f"{name}: record {record}: a name or alias folds to {key!r}, "
                    f"which already names {other!r}; names must pick out one organization"
                )
