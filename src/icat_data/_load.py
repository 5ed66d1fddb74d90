"""Loading the packaged dataset, once, on first use.

Queries read the records compiled at build time (``records.pickle``, see ``_compile``), not
the JSON: a first query imports neither cattrs nor json. The compiled file's SHA-256 is
checked before it is unpickled, against a constant in ``_digests`` (code, written by
``tools/regenerate.py``), so an edited, damaged, stale or replaced file is never unpickled.
Files are read through the package's loader, so the data loads from a wheel, a zip file or a
frozen application alike. Loading is lazy (``import icat_data`` reads nothing) and guarded by
a lock, so the first use from many threads loads once and every thread sees the same records.
"""

from __future__ import annotations

import importlib
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

from . import _digests
from ._dataset import Dataset, record_counts
from ._limits import shown
from ._version import DATA_VERSION
from .errors import DataError

__all__ = [
    "COMPILED_FILE",
    "COMPILED_FORM",
    "DATA_FILES",
    "MANIFEST_FILE",
    "Reader",
    "dataset",
    "load_compiled",
    "read_packaged",
]

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
#: The records compiled from the data files by ``tools/regenerate.py``.
COMPILED_FILE = "records.pickle"
#: The layout of the compiled file; a change of it makes every older compiled file stale.
COMPILED_FORM = 2

Reader = Callable[[str], bytes]

_lock = threading.Lock()
#: The loaded dataset once a query has loaded it. Hot queries read this first
#: (``_load.loaded or dataset()``): an attribute read is cheaper than a call.
loaded: Dataset | None = None


def _new_lock_in_child() -> None:
    # A fork copies the lock as it is: held, if another thread was loading at that moment,
    # and then never released in the child, whose copy of that thread does not exist.
    global _lock
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
    os.register_at_fork(after_in_child=_new_lock_in_child)


def read_packaged(name: str) -> bytes:
    """The bytes of one packaged data file (``name`` relative to ``data/``, with ``/``).

    Read through the package's own loader, as ``pkgutil.get_data`` does: zip-safe, and
    without importing ``importlib.resources`` (pathlib, zipfile, tempfile...), which would
    cost a first query several milliseconds. Loaders without ``get_data`` get the fallback.
    """
    package = sys.modules[__package__]
    loader: Any = package.__spec__.loader if package.__spec__ is not None else None
    where = getattr(package, "__file__", None)
    if where is not None and hasattr(loader, "get_data"):
        path = os.path.join(os.path.dirname(where), "data", *name.split("/"))
        data: bytes = loader.get_data(path)
        return data
    from importlib.resources import files

    return files(__package__).joinpath("data", *name.split("/")).read_bytes()


def dataset() -> Dataset:
    """The packaged dataset, loaded on first call and shared afterwards."""
    global loaded
    found = loaded
    if found is None:
        with _lock:
            if loaded is None:
                loaded = load_compiled(read_packaged)
            found = loaded
    return found


def load_compiled(read: Reader, expected: str | None = None) -> Dataset:
    """The records compiled by ``tools/regenerate.py``, checked against the files they were
    compiled from; raise `DataError` naming the file on any difference.

    ``records.pickle`` must hash to ``expected`` (default: the SHA-256 recorded in
    ``_digests`` when it was compiled) before a byte of it is unpickled: unpickling runs code
    named in the file, so only the file the package was built with is trusted as its ``.py``
    files are.
    The SHA-256 of the JSON files (and of ``manifest.json``), kept inside it, are then
    checked against the files beside it, so the compiled records and the reviewed JSON never
    disagree silently.
    """
    raw = _read(read, COMPILED_FILE)
    expected = expected or _digests.COMPILED_SHA256
    sha256 = _sha256()
    actual = sha256(raw).hexdigest()
    if actual != expected:
        raise DataError(
            f"{COMPILED_FILE}: its SHA-256 is {actual}, not the {expected} the package was "
            "built with: it was altered, damaged, replaced or is stale, and is not read "
            "(python tools/regenerate.py rebuilds it in a checkout; else reinstall)"
        )
    try:
        form, compiled_from, data = _unpickle()(raw)
    except Exception as error:  # a damaged file can fail in any way while unpickling
        raise DataError(
            f"{COMPILED_FILE}: cannot be read ({type(error).__name__}); "
            "regenerate it with python tools/regenerate.py"
        ) from None
    if form != COMPILED_FORM or not isinstance(data, Dataset):
        raise DataError(
            f"{COMPILED_FILE}: not compiled by this version of icat_data (form {shown(form)}); "
            "regenerate it with python tools/regenerate.py"
        )
    for name in (*DATA_FILES, MANIFEST_FILE):
        digest = sha256(_read(read, name)).hexdigest()
        if digest != compiled_from.get(name):
            raise DataError(
                f"{name}: its SHA-256 is {digest}, not that of the file the packaged records "
                f"were compiled from: it was altered or damaged after the edition was made "
                f"(or {COMPILED_FILE} is stale: python tools/regenerate.py)"
            )
    manifest = data.manifest
    if manifest.data_version != DATA_VERSION:
        raise DataError(
            f"{COMPILED_FILE}: holds data edition {shown(manifest.data_version)}, but the "
            f"package names its data {DATA_VERSION!r}; regenerate it"
        )
    loaded = record_counts(
        data.sources, data.organizations, data.chair_terms, data.briefs, data.events
    )
    if loaded != dict(manifest.counts):
        raise DataError(f"{COMPILED_FILE}: its counts {dict(manifest.counts)} are not {loaded}")
    return data


def _unpickle() -> Callable[[bytes], Any]:
    try:
        from _pickle import loads  # the C unpickler without pickle.py's imports (re, struct)
    except ImportError:  # not CPython
        from pickle import loads
    return loads


def _sha256() -> Callable[[bytes], Any]:
    # CPython's own SHA-256 (_sha2 from 3.12, _sha256 before): hashlib loads OpenSSL first,
    # which costs a first query about 2 ms.
    for module in ("_sha2", "_sha256"):
        try:
            found: Callable[[bytes], Any] = importlib.import_module(module).sha256
        except (ImportError, AttributeError):
            continue
        return found
    from hashlib import sha256

    return sha256


def _read(read: Reader, name: str) -> bytes:
    try:
        return read(name)
    except OSError as error:
        raise DataError(f"{name}: cannot be read: {error}") from None
