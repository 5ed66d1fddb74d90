"""Released data editions read from the test fixtures, for tests that compare editions.

``tests/fixtures/edition-<name>.json.gz`` holds the six data files of a release commit as
they were released (tests/fixtures/README.md says how they were made); the tests prove each
is its edition by its digest in the ledger. They are read here rather than from git history
so that the tests run from an installed copy too.
"""

from __future__ import annotations

import functools
import gzip
import json
from pathlib import Path
from unittest import mock

from icat_data import _compile
from icat_data._dataset import Dataset

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def edition_files(name: str) -> dict[str, bytes]:
    """The data files of the released edition ``name``, byte for byte."""
    archive = json.loads(gzip.decompress((FIXTURES / f"edition-{name}.json.gz").read_bytes()))
    return {file: text.encode("utf-8") for file, text in archive["files"].items()}


def load_files(files: dict[str, bytes], data_version: str) -> Dataset:
    """The dataset of ``files``, an edition other than the packaged one."""
    # load_json refuses an edition.json that is not the package's own edition; these are
    # older editions, read as the package reads its own.
    with mock.patch.object(_compile, "DATA_VERSION", data_version):
        return _compile.load_json(files.__getitem__, check_manifest=False)


@functools.cache
def released(name: str) -> Dataset:
    """The dataset of the released edition ``name``, loaded once."""
    return load_files(edition_files(name), name)
