"""Every released data edition inside the package, answering with today's code; `verify()`.

The ledger of releases (``releases.json``) names each release's package version, data edition
and digest (the SHA-256 over its reviewed JSON files, see ``_compile.edition_digest``). The
packaged edition is served from the packaged files; every other released edition is archived
as ``editions/<data_version>.json.gz`` (its reviewed JSON exactly as released, written from git
history by ``tools/editions.py``), checked against the ledger's digest, migrated to today's
schema (`migrate()`) and loaded with the compile-time loader, once, on first use.

``import icat_data`` defines the classes here (about 1 ms, mostly the two record classes) and
reads nothing: an edition's files and the compile-time loader are read on its first use, and
a query of the packaged edition never touches this module. The package imports it rather than
resolving its names on first use, since a module ``__getattr__`` would make every
``icat_data.<name>`` lookup, hot queries' included, some 30 ns slower.
"""

from __future__ import annotations

import datetime
import functools
import os
import threading
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from . import _load
from ._dataset import Dataset
from ._digests import COMPILED_SHA256, SUMS_SHA256
from ._export import arrow_of, datapackage_of, frame_of, parquet_of, records_of
from ._load import COMPILED_FILE, DATA_FILES, read_packaged
from ._models import _Record
from ._query import Queries
from ._version import DATA_VERSION, __version__
from .errors import DataError, UnknownEditionError

if TYPE_CHECKING:
    from pathlib import Path

    import pandas
    import pyarrow

    from ._changes import Change
    from ._vocabulary import Entity

__all__ = [
    "ARCHIVES",
    "LEDGER_FILE",
    "MIGRATIONS",
    "SUMS_FILE",
    "Check",
    "Edition",
    "Release",
    "archive_name",
    "changes",
    "edition",
    "editions",
    "files_digest",
    "migrate",
    "pack",
    "unpack",
    "verify",
]

LEDGER_FILE = "releases.json"
#: Every packaged data file's SHA-256 but its own, as ``sha256sum`` writes them.
SUMS_FILE = "SHA256SUMS"
#: The folder, under ``data/``, of the archived editions.
ARCHIVES = "editions"


@attrs.frozen(repr=False, eq=False, order=False)  # _Record gives these, cheaper to define
class Release(_Record):
    """One entry of the ledger of releases: a package version and the data it shipped.

    ``digest`` is the SHA-256 naming the edition's content, as ``manifest().digest`` gives it;
    ``commit`` the git commit that holds the release (for 0.1.0 and 0.1.1, released before
    the immutable-edition rule, the commit holding the content the ledger records).
    """

    version: str
    """The package version released (``"0.2.0"``)."""
    data_version: str
    """The data edition it shipped (``"2026.11.22.1"``)."""
    date: datetime.date
    """The day of the release."""
    digest: str
    """The SHA-256 naming the edition's content, as ``manifest().digest`` gives it."""
    note: str | None = None
    """What is worth knowing about the release, in our words."""
    commit: str | None = None
    """The full hash of the git commit that holds the release, where known."""

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (("version", self.version), ("data_version", self.data_version))

    def _details(self) -> tuple[tuple[str, object], ...]:
        return (*self._identity(), ("date", self.date), ("digest", self.digest))


@attrs.frozen(repr=False, eq=False, order=False)
class Check(_Record):
    """One check `verify()` made: ``subject`` (a packaged file, or ``"edition X"``) has
    the SHA-256 ``sha256``, as ``against`` records it."""

    subject: str
    """What was checked: a packaged file's name, or ``"edition X"``."""
    sha256: str
    """The SHA-256 it has, which is the one recorded."""
    against: str
    """Where that SHA-256 is recorded (``"SHA256SUMS"``, the package's code, the ledger)."""

    def _identity(self) -> tuple[tuple[str, object], ...]:
        return (("subject", self.subject), ("against", self.against))


def archive_name(data_version: str) -> str:
    """The packaged path, under ``data/``, of an archived edition."""
    return f"{ARCHIVES}/{data_version}.json.gz"


def pack(files: Mapping[str, bytes]) -> bytes:
    """An archive of an edition's reviewed JSON files (name to bytes), as `unpack()` reads it.

    gzip, which every CPython build has (lzma may be missing), of one JSON object from file
    name to text; no timestamp, so the same files give the same bytes with the same zlib.
    """
    import gzip
    import json

    text = json.dumps({name: files[name].decode() for name in sorted(files)}, ensure_ascii=False)
    raw = gzip.compress(text.encode(), compresslevel=9, mtime=0)
    # The header's operating-system byte differs between Python versions (3 or 255): always
    # 255, "unknown" (RFC 1952), which no checksum covers.
    return raw[:9] + b"\xff" + raw[10:]


def unpack(raw: bytes, name: str) -> dict[str, bytes]:
    """The files of the archive ``name`` holding ``raw``; `DataError` naming it if unreadable."""
    import gzip
    import json
    import zlib

    try:
        files = json.loads(gzip.decompress(raw))
    except (OSError, EOFError, zlib.error, ValueError) as error:
        raise DataError(f"{name}: not an archived edition ({error})") from None
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        raise DataError(f"{name}: not an archived edition (expected file names to their text)")
    return {file: text.encode() for file, text in files.items()}


#: The schema changes since the first edition, oldest first: the first data edition written
#: in the new form, and the step that rewrites the files of any older edition into it. None
#: yet: today's loader reads every archived edition as it was released (tests/test_editions.py
#: loads each through `migrate()`). A change to the JSON schema adds its step here.
MIGRATIONS: tuple[tuple[str, Callable[[dict[str, bytes]], dict[str, bytes]]], ...] = ()


def migrate(data_version: str, files: dict[str, bytes]) -> dict[str, bytes]:
    """The files of edition ``data_version`` rewritten into today's schema, step by step."""
    for first, step in MIGRATIONS:
        if _edition_order(data_version) < _edition_order(first):
            files = step(files)
    return files


def _edition_order(data_version: str) -> tuple[int, ...]:
    # "2026.11.22.1" after "2026.11.22"; a development edition's ".devN" sorts as its number.
    return tuple(int(part.removeprefix("dev")) for part in data_version.split("."))


@functools.lru_cache(maxsize=1)
def editions() -> tuple[Release, ...]:
    """The ledger of released editions, oldest first (``data/releases.json``), checked
    against ``SHA256SUMS`` before it is read."""
    return read_ledger(_verified(LEDGER_FILE))


def read_ledger(raw: bytes) -> tuple[Release, ...]:
    """The releases ``raw`` (the bytes of a ``releases.json``) lists, oldest first."""
    import json

    try:
        entries = json.loads(raw)
        return tuple(
            Release(
                version=entry["version"],
                data_version=entry["data_version"],
                date=datetime.date.fromisoformat(entry["date"]),
                digest=entry["digest"],
                note=entry.get("note"),
                commit=entry.get("commit"),
            )
            for entry in entries
        )
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise DataError(f"{LEDGER_FILE}: not a readable ledger ({error!r})") from None


@functools.lru_cache(maxsize=1)
def _sums() -> dict[str, str]:
    """``SHA256SUMS``, once its own SHA-256 is the one the package's code records."""
    raw = _load._read(read_packaged, SUMS_FILE)
    _check(SUMS_FILE, _load._sha256()(raw).hexdigest(), SUMS_SHA256, "the code (_digests.py)")
    return _parse_sums(raw)


def _verified(name: str) -> bytes:
    """The bytes of the packaged file ``name``, once their SHA-256 is the one ``SHA256SUMS``
    lists: the ledger and the archives are checked before they are read, as records.pickle
    is, so an older edition is never answered from altered bytes."""
    raw = read_packaged(name)  # OSError for a missing file: the caller says what it means
    expected = _sums().get(name)
    if expected is None:
        raise DataError(f"{name}: not listed in {SUMS_FILE}, so it cannot be checked")
    _check(name, _load._sha256()(raw).hexdigest(), expected, SUMS_FILE)
    return raw


class Edition(Queries):
    """One data edition, with the query functions of ``icat_data`` answering from its data.

    Get one from [`edition()`][icat_data.edition]. ``name`` is what it was asked by,
    ``data_version`` its data edition, ``release`` the ledger entry it stands for (``None``
    for a development edition not yet released). Its data loads on first use, once.
    """

    __slots__ = ("data_version", "name", "release")

    def __init__(self, name: str, data_version: str, release: Release | None) -> None:
        self.name = name
        self.data_version = data_version
        self.release = release

    def __repr__(self) -> str:
        released = f", package {self.release.version}" if self.release else ", unreleased"
        return f"<icat_data.Edition {self.data_version}{released}>"

    def _dataset(self) -> Dataset:
        """The dataset of this edition, loaded on first use."""
        return _dataset_of(self.data_version)

    def to_records(self, entity: Entity) -> list[dict[str, Any]]:
        """As ``icat_data.to_records``, from this edition."""
        return records_of(entity, self._dataset())

    def to_dataframe(self, entity: Entity) -> pandas.DataFrame:
        """As ``icat_data.to_dataframe``, from this edition."""
        return frame_of(entity, self._dataset())

    def to_arrow(self, entity: Entity) -> pyarrow.Table:
        """As ``icat_data.to_arrow``, from this edition."""
        return arrow_of(entity, self._dataset())

    def write_datapackage(self, directory: str | os.PathLike[str], *, force: bool = False) -> Path:
        """As ``icat_data.write_datapackage``, from this edition."""
        return datapackage_of(directory, self._dataset(), force=force)

    def write_parquet(self, directory: str | os.PathLike[str], *, force: bool = False) -> Path:
        """As ``icat_data.write_parquet``, from this edition."""
        return parquet_of(directory, self._dataset(), force=force)


def edition(name: str | None = None) -> Edition:
    """The data edition ``name`` (``"2026.11.22.1"``) or the one a released package version
    shipped (``"0.2.0"``); ``None`` is the packaged edition.

    Every edition in the ledger ships inside the package and answers with today's code. An
    unknown ``name`` raises [`UnknownEditionError`][icat_data.UnknownEditionError] naming
    the known ones and the closest.
    """
    ledger = editions()
    # The installed package's own version names its packaged edition, released or not.
    if name is None or name in (DATA_VERSION, __version__):
        return Edition(name or DATA_VERSION, DATA_VERSION, _release_of(DATA_VERSION))
    if not isinstance(name, str):
        raise TypeError(f"name must be a str or None, not {type(name).__name__}")
    for release in ledger:
        if name == release.version:
            return Edition(name, release.data_version, release)
    final = _release_of(name)
    if final is not None:
        return Edition(name, name, final)
    known = _known_names(ledger)
    from difflib import get_close_matches

    # A name a known one starts with ("2026.12.04" for "2026.12.04.dev0") is the closest.
    close = [k for k in known if k.startswith(name)] or get_close_matches(
        name[:100], known, n=1, cutoff=0.0
    )
    raise UnknownEditionError(name, known, close[0] if close else None)


def changes(since: str, until: str | None = None) -> tuple[Change, ...]:
    """Every difference between the data editions ``since`` and ``until``, record by record:
    one [`Change`][icat_data.Change] per record added or removed and per field changed,
    ordered by entity, id and field.

    Each is named as [`edition()`][icat_data.edition] takes it: a data edition
    (``"2026.11.22.1"``) or the package version that released it (``"0.2.0"``); ``until``
    ``None`` is the packaged edition. An unknown name raises
    [`UnknownEditionError`][icat_data.UnknownEditionError].
    """
    for name, value in (("since", since), ("until", until)):
        if not isinstance(value, str) and (name == "since" or value is not None):
            raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    old, new = edition(since), edition(until)
    from ._changes import diff

    return diff(old._dataset(), new._dataset())


def changes_frame(since: str, until: str | None = None) -> pandas.DataFrame:
    """[`changes()`][icat_data.changes] as a pandas DataFrame, one row per change.

    ``entity`` and ``change`` are categories listing every allowed value, ``id`` and
    ``field`` text (``field`` is missing for a record added or removed), ``before`` and
    ``after`` the JSON-ready values as they are. ``df.attrs["icat_data"]`` names both
    editions (``"since"`` and ``"until"``, each as a frame's own stamp). Needs pandas.
    """
    from ._changes import changes_frame as frame
    from ._rows import edition as stamp

    found = frame(changes(since, until))
    found.attrs["icat_data"] = {
        "since": stamp(edition(since)._dataset()),
        "until": stamp(edition(until)._dataset()),
    }
    return found


def _known_names(ledger: tuple[Release, ...]) -> list[str]:
    names = dict.fromkeys(name for r in ledger for name in (r.data_version, r.version))
    names[DATA_VERSION] = None
    names[__version__] = None
    return list(names)


_lock = threading.Lock()
#: Each edition's dataset once loaded, by data edition.
_loaded: dict[str, Dataset] = {}


def _new_lock_in_child() -> None:
    global _lock  # as in _load: a fork copies a held lock that nothing would release
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_new_lock_in_child)


def _dataset_of(data_version: str) -> Dataset:
    found = _loaded.get(data_version)
    if found is None:
        with _lock:
            found = _loaded.get(data_version)
            if found is None:
                found = _loaded[data_version] = (
                    _packaged() if data_version == DATA_VERSION else _load_archive(data_version)
                )
    return found


def _packaged() -> Dataset:
    # The packaged edition is served from the packaged files, and must be what the ledger says.
    data = _load.loaded or _load.dataset()
    release = _release_of(DATA_VERSION)
    if release is not None and release.digest != data.manifest.digest:
        raise DataError(
            f"{_load.COMPILED_FILE}: the packaged edition {DATA_VERSION} has the digest "
            f"{data.manifest.digest}, not the ledger's {release.digest}"
        )
    return data


def _load_archive(data_version: str) -> Dataset:
    files = _archive_files(data_version)
    migrated = migrate(data_version, files)

    def read(name: str) -> bytes:
        try:
            return migrated[name]
        except KeyError:
            raise OSError(f"not in {archive_name(data_version)}") from None

    from ._compile import load_json  # the compile-time loader: only an edition's first use

    return load_json(read, check_manifest=False, data_version=data_version)


def _archive_files(data_version: str) -> dict[str, bytes]:
    """The files of an archived edition, as released: their digest must be the ledger's."""
    name = archive_name(data_version)
    try:
        raw = _verified(name)
    except OSError:
        raise _missing(data_version) from None
    return _released_files(data_version, raw)


def _missing(data_version: str) -> DataError:
    return DataError(
        f"{archive_name(data_version)}: missing, so edition {data_version} cannot be read "
        "(python tools/editions.py writes it from git history)"
    )


def _released_files(data_version: str, raw: bytes) -> dict[str, bytes]:
    """The files the archive ``raw`` of ``data_version`` holds, if their digest is the
    ledger's for that edition."""
    name = archive_name(data_version)
    files = unpack(raw, name)
    digest = files_digest(files)
    release = _release_of(data_version)
    if release is None or digest != release.digest:
        raise DataError(
            f"{name}: its files' digest is {digest}, not the ledger's "
            f"{release.digest if release else '(none)'} for edition {data_version}: the "
            "archive was altered or damaged"
        )
    return files


def _release_of(data_version: str) -> Release | None:
    """The release that made ``data_version`` final (the last to ship it), or None."""
    found = [r for r in editions() if r.data_version == data_version]
    return found[-1] if found else None


def files_digest(files: Mapping[str, bytes]) -> str:
    """The digest naming an edition of these files (name to bytes), as the ledger records it."""
    from ._compile import edition_digest

    sha256 = _load._sha256()
    return edition_digest({name: sha256(raw).hexdigest() for name, raw in files.items()})


def verify() -> tuple[Check, ...]:
    """Check every packaged file against ``SHA256SUMS`` (itself and ``records.pickle``
    against the SHA-256 the package's code records), the packaged edition against the ledger,
    and every archived edition against the ledger; return the checks made, in order.

    The first difference raises `DataError` naming the file.
    """
    sha256 = _load._sha256()
    code = "the code (_digests.py)"
    sums = _load._read(read_packaged, SUMS_FILE)
    checks = [_check(SUMS_FILE, sha256(sums).hexdigest(), SUMS_SHA256, code)]
    # Each file is read once; the editions below are measured from the bytes checked here.
    listed = _parse_sums(sums)
    read = {name: _load._read(read_packaged, name) for name in listed}
    checks.append(
        _check(
            COMPILED_FILE,
            sha256(_load._read(read_packaged, COMPILED_FILE)).hexdigest(),
            COMPILED_SHA256,
            code,
        )
    )
    checks += [
        _check(name, sha256(read[name]).hexdigest(), expected, SUMS_FILE)
        for name, expected in listed.items()
    ]
    shipped = _release_of(DATA_VERSION)
    if shipped is not None:
        current = files_digest(
            {name: read.get(name) or read_packaged(name) for name in DATA_FILES}
        )
        checks.append(
            _check(
                f"edition {DATA_VERSION}",
                current,
                shipped.digest,
                f"{LEDGER_FILE} (package {shipped.version})",
            )
        )
    # Each edition once, with the release that made it final (the last to ship it).
    for data_version, release in {r.data_version: r for r in editions()}.items():
        if data_version != DATA_VERSION:
            raw = read.get(archive_name(data_version))
            if raw is None:
                raise _missing(data_version)
            digest = files_digest(_released_files(data_version, raw))
            checks.append(
                Check(
                    f"edition {data_version}", digest, f"{LEDGER_FILE} (package {release.version})"
                )
            )
    return tuple(checks)


def _check(subject: str, actual: str, expected: str, against: str) -> Check:
    if actual != expected:
        # One short line: the command line prints it as it is (sha256sum shows the values).
        raise DataError(f"{subject}: SHA-256 differs from {against}")
    return Check(subject, actual, against)


def _parse_sums(raw: bytes) -> dict[str, str]:
    listed = {}
    for line in raw.decode("ascii", "replace").splitlines():
        digest, separator, name = line.partition("  ")
        if not separator or len(digest) != 64 or not name:
            raise DataError(f"{SUMS_FILE}: line {line[:80]!r} is not '<sha256>  <file>'")
        listed[name] = digest
    return listed
