"""What queries answer from is verified before it is read: records.pickle is never unpickled
unless its SHA-256 is the one the package's code records (issue 17, section 1).

Each tamper test here loads altered data through the real loader; the loader before 0.5.0
(which unpickled first and checked only the JSON files' hashes kept inside the pickle)
served the first three as data, ran the fourth's code, and named a JSON file for the fifth.
"""

from __future__ import annotations

import hashlib
import pickle
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest

from icat_data import DataError
from icat_data._load import (
    COMPILED_FILE,
    DATA_FILES,
    MANIFEST_FILE,
    load_compiled,
    read_packaged,
)

ROOT = Path(__file__).resolve().parent.parent
ORIGINAL = read_packaged(COMPILED_FILE)


def _load_with(compiled: bytes) -> object:
    files = {name: read_packaged(name) for name in (*DATA_FILES, MANIFEST_FILE)}
    files[COMPILED_FILE] = compiled
    return load_compiled(files.__getitem__)


def _flip_bit_in(text: bytes) -> bytes:
    # A bit inside UNODC's name: the flipped file unpickles, as most flips do (probe N1).
    at = ORIGINAL.index(text) + 2
    return ORIGINAL[:at] + bytes([ORIGINAL[at] ^ 0x20]) + ORIGINAL[at + 1 :]


def _one_letter() -> bytes:
    name = b"United Nations Office on Drugs and Crime"
    assert name in ORIGINAL
    return ORIGINAL.replace(name, b"Onited Nations Office on Drugs and Crime", 1)


def _repickled() -> bytes:
    # Records changed and pickled again with the JSON files' hashes kept as they were.
    form, compiled_from, data = pickle.loads(ORIGINAL)
    unodc = next(o for o in data.organizations if o.id == "unodc")
    organizations = tuple(
        attrs.evolve(o, name="Someone Else") if o is unodc else o for o in data.organizations
    )
    args: Any = data.__reduce__()[1]
    changed = type(data)(args[0], organizations, *args[2:])
    return pickle.dumps((form, compiled_from, changed), protocol=4)


class _Payload:
    def __reduce__(self) -> tuple[Callable[..., object], tuple[str]]:
        return (exec, ("import sys; sys.modules['icat_data']._payload_ran = True",))


def _eval_payload() -> bytes:
    form, compiled_from, _ = pickle.loads(ORIGINAL)
    return pickle.dumps((form, compiled_from, _Payload()), protocol=4)


@pytest.mark.parametrize(
    "tampered",
    [
        pytest.param(lambda: _flip_bit_in(b"Office on Drugs"), id="bit flip"),
        pytest.param(_one_letter, id="one letter"),
        pytest.param(_repickled, id="re-pickled records, JSON hashes kept"),
        pytest.param(_eval_payload, id="code payload"),
    ],
)
def test_an_altered_compiled_file_is_refused_before_it_is_unpickled(
    tampered: Callable[[], bytes],
) -> None:
    import icat_data

    compiled = tampered()
    assert compiled != ORIGINAL
    with pytest.raises(DataError, match=r"^records\.pickle: its SHA-256 is [0-9a-f]{64}, not"):
        _load_with(compiled)
    assert not hasattr(icat_data, "_payload_ran")


def test_a_stale_compiled_file_is_refused() -> None:
    # The records.pickle that 0.3.0 shipped: the same edition's data, an older layout.
    try:
        stale = subprocess.run(
            ["git", "show", f"14a9f39:src/icat_data/data/{COMPILED_FILE}"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("no git history here (an installed copy)")
    with pytest.raises(DataError, match=r"^records\.pickle: its SHA-256 is"):
        _load_with(stale)


def test_the_packaged_file_is_the_one_the_code_records() -> None:
    from icat_data import _digests

    assert hashlib.sha256(ORIGINAL).hexdigest() == _digests.COMPILED_SHA256
    assert _load_with(ORIGINAL) is not None


def test_the_compiled_file_holds_no_hash_of_the_files_that_hold_its_own() -> None:
    # No cycle: records.pickle's hash is in _digests.py and SHA256SUMS, so neither may be in it.
    _, compiled_from, _ = pickle.loads(ORIGINAL)
    assert sorted(compiled_from) == sorted((*DATA_FILES, MANIFEST_FILE))
