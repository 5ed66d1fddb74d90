"""Compiling the reviewed JSON into the records queries read (the build step).

The JSON files are the source of truth that people review. `load_json()` structures them
into records with cattrs, checking every promise the API makes about the data, and
`compile_records()` pickles the resulting `Dataset` with the SHA-256 of each file it
came from; ``tools/regenerate.py`` writes that into the package as ``records.pickle``, as
tzdata compiles its zone files. At run time ``_load`` only unpickles and checks the hashes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from ._dataset import Dataset, fold, record_counts
from ._limits import MAX_NAME, shown
from ._load import COMPILED_FORM, DATA_FILES, MANIFEST_FILE, Reader, _read
from ._models import (
    Brief,
    ChairTerm,
    Event,
    FrozenMap,
    Manifest,
    Organization,
    Source,
)
from ._version import DATA_VERSION
from .errors import DataError

if TYPE_CHECKING:
    import cattrs

    from ._convert import ManifestFile

__all__ = ["compile_records", "edition_digest", "load_json", "sha256sum_listing"]

_T = TypeVar("_T")


def compile_records(data: Dataset, manifest: bytes) -> bytes:
    """The compiled form of ``data`` (from `load_json()`), with ``manifest``, the bytes of
    the ``manifest.json`` beside it: the records and the SHA-256 of every file they came from.

    The same bytes whatever the hash seed or Python version (protocol 4, no sets inside), so
    a test can prove the packaged file current by compiling again. Its own SHA-256 is kept
    outside it (``_digests.py``, ``SHA256SUMS``), in files it holds no hash of: no cycle.
    """
    import hashlib
    import pickle

    # The data files' hashes were measured as they were read; only the manifest's is new.
    compiled_from = {**data.manifest.files, MANIFEST_FILE: hashlib.sha256(manifest).hexdigest()}
    return pickle.dumps((COMPILED_FORM, compiled_from, data), protocol=4)


def load_json(
    read: Reader, *, check_manifest: bool = True, data_version: str = DATA_VERSION
) -> Dataset:
    """Read, structure and check every data file; raise `DataError` on any fault.

    The dataset's manifest is measured from the bytes read and the records loaded; with
    ``check_manifest`` it must equal what ``manifest.json`` claims (``tools/regenerate.py``
    passes ``False``, since it writes that file from the measured manifest, and so does an
    archived edition, which has none). ``edition.json`` must name ``data_version``: the
    package's own edition, or the ledger's name for an archived one.
    """
    from ._convert import EditionFile, ManifestFile, structure_source

    raw = {name: _read(read, name) for name in DATA_FILES}
    plain = _Converters({})
    sources = _structure_each(
        _json_array(raw, "sources.json"),
        "sources.json",
        Source,
        structure_source(plain.fast),
        lambda: structure_source(plain.detailed()),
    )
    _unique(sources, "sources.json", "id", lambda s: s.id)
    by_id = {s.id: s for s in sources}

    converters = _Converters(by_id)
    organizations = _records(raw, "organizations.json", converters, Organization)
    chair_terms = _records(raw, "chairs.json", converters, ChairTerm)
    briefs = _records(raw, "briefs.json", converters, Brief)
    events = _records(raw, "events.json", converters, Event)
    edition = _one(
        _parse(raw["edition.json"], "edition.json"), "edition.json", converters, EditionFile
    )

    if edition.data_version != data_version:
        raise DataError(
            f"edition.json: field 'data_version' is {shown(edition.data_version)} but the "
            f"package names this data {data_version!r}; the two must agree"
        )
    _check_organizations(organizations)
    org_ids = {o.id for o in organizations}
    _unique(chair_terms, "chairs.json", "year", lambda t: t.year)
    _unique(briefs, "briefs.json", "id", lambda b: b.id)
    _unique(
        [b for b in briefs if b.number is not None], "briefs.json", "number", lambda b: b.number
    )
    _unique(events, "events.json", "id", lambda e: e.id)
    founded = min(m.start.year for o in organizations for m in o.memberships)
    for term in chair_terms:
        record = f"year {term.year}"
        if not founded <= term.year <= edition.as_of.year:
            raise DataError(
                f"chairs.json: record {record}: field 'year' is outside ICAT's recorded life "
                f"({founded}-{edition.as_of.year}, from its earliest membership to as_of)"
            )
        _resolve(term.chairs, org_ids, "chairs.json", record, "chairs")
        _sourced(term.sources, "chairs.json", record)
    for brief in briefs:
        _sourced(brief.sources, "briefs.json", f"id {brief.id!r}")
        for topic in brief.topics:
            _named(topic, "briefs.json", f"id {brief.id!r}", "topic")
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

    measured = _measure(
        edition.data_version,
        raw,
        record_counts(sources, organizations, chair_terms, briefs, events),
    )
    if check_manifest:
        claimed = _one(
            _parse(_read(read, MANIFEST_FILE), MANIFEST_FILE), MANIFEST_FILE, plain, ManifestFile
        )
        _check_manifest(claimed, measured)

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
        manifest=measured,
    )


def edition_digest(files: Mapping[str, str]) -> str:
    """The SHA-256 naming an edition's content: over ``sha256sum``'s lines for its files."""
    import hashlib

    return hashlib.sha256(sha256sum_listing(files).encode()).hexdigest()


def sha256sum_listing(files: Mapping[str, str]) -> str:
    """What ``sha256sum`` prints for files of these SHA-256 (file name to hex digest), sorted:
    ``sha256sum -c`` checks such a listing (``SHA256SUMS``) without Python."""
    return "".join(f"{files[name]}  {name}\n" for name in sorted(files))


def _measure(data_version: str, raw: Mapping[str, bytes], counts: dict[str, int]) -> Manifest:
    import hashlib

    files = {name: hashlib.sha256(raw[name]).hexdigest() for name in DATA_FILES}
    return Manifest(
        data_version=data_version,
        files=FrozenMap(files),
        counts=FrozenMap(counts),
        digest=edition_digest(files),
    )


def _check_manifest(claimed: ManifestFile, measured: Manifest) -> None:
    """Every claim of ``manifest.json`` must be what was measured, or the data was altered."""
    where = f"{MANIFEST_FILE}: field"
    if claimed.data_version != measured.data_version:
        raise DataError(
            f"{where} 'data_version' is {shown(claimed.data_version)} but edition.json says "
            f"{measured.data_version!r}; regenerate the manifest"
        )
    for field, claims, actual in (
        ("files", claimed.files, measured.files),
        ("counts", claimed.counts, measured.counts),
    ):
        missing = [key for key in actual if key not in claims]
        extra = [key for key in claims if key not in actual]
        if missing or extra:
            problem = (
                f"lacks {missing[0]!r}"
                if missing
                else f"names {shown(extra[0])}, which is not packaged data"
            )
            raise DataError(f"{where} {field!r} {problem}; expected exactly: {', '.join(actual)}")
    for name, digest in claimed.files.items():
        if digest != measured.files[name]:
            raise DataError(
                f"{name}: its SHA-256 is {measured.files[name]} but {MANIFEST_FILE} records "
                f"{shown(digest)}: the file was altered or damaged after the edition was made"
            )
    for entity, count in claimed.counts.items():
        if count != measured.counts[entity]:
            raise DataError(
                f"{where} 'counts' says {shown(count)} {entity} but the data holds "
                f"{measured.counts[entity]}; regenerate the manifest"
            )
    if claimed.digest != measured.digest:
        raise DataError(
            f"{where} 'digest' is {shown(claimed.digest)} but the files' digest is "
            f"{measured.digest}; regenerate the manifest"
        )


def _parse(raw: bytes, name: str) -> Any:
    import json

    try:
        return json.loads(raw, object_pairs_hook=_without_repeats)
    except _RepeatedKeyError as error:
        raise DataError(f"{name}: {error}") from None
    except ValueError as error:  # JSONDecodeError and UnicodeDecodeError
        raise DataError(f"{name}: not valid JSON: {error}") from None
    except RecursionError:
        raise DataError(f"{name}: nested too deeply to be a data file") from None


class _RepeatedKeyError(Exception):
    pass


def _without_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last of two equal keys and drops the other unseen; in a reviewed data
    # file a repeated key is a mistake (two values for one field), never an override.
    obj = dict(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _RepeatedKeyError(f"field {shown(key)} appears twice in one object")
            seen.add(key)
    return obj


def _json_array(raw: Mapping[str, bytes], name: str) -> list[Any]:
    rows = _parse(raw[name], name)
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


def _records(
    raw: Mapping[str, bytes], name: str, converters: _Converters, cls: type[_T]
) -> tuple[_T, ...]:
    return _structure_each(
        _json_array(raw, name),
        name,
        cls,
        converters.fast.structure,
        lambda: converters.detailed().structure,
    )


def _one(raw: Any, name: str, converters: _Converters, cls: type[_T]) -> _T:
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
        for each in org.names():
            _named(each, name, record, "a name")
        for key in {fold(n) for n in org.names()}:
            if not key:
                raise DataError(f"{name}: record {record}: a name has no letters or digits")
            other = owner.setdefault(key, org.id)
            if other != org.id:
                raise DataError(
                    f"{name}: record {record}: a name or alias folds to {key!r}, "
                    f"which already names {other!r}; names must pick out one organization"
                )


def _named(text: str, name: str, record: str, field: str) -> None:
    # Queries refuse longer text before any work (_limits): a longer name could never be found.
    if len(text) > MAX_NAME:
        raise DataError(
            f"{name}: record {record}: {field} {shown(text)} is over {MAX_NAME} characters"
        )
