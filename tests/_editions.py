"""Released data editions as the package ships them, for tests that compare editions.

The packaged edition is read from the packaged files and every other from its archive in
``data/editions/``: both are checked against the ledger's digest when read, so a test of
two editions compares what was released.
"""

from __future__ import annotations

from icat_data import DATA_VERSION, _compile, _editions, edition
from icat_data._dataset import Dataset
from icat_data._load import DATA_FILES, read_packaged


def edition_files(name: str) -> dict[str, bytes]:
    """The data files of the released edition ``name``, byte for byte."""
    if name == DATA_VERSION:
        return {file: read_packaged(file) for file in DATA_FILES}
    return _editions._archive_files(name)


def load_files(files: dict[str, bytes], data_version: str) -> Dataset:
    """The dataset of ``files``, read as the package reads edition ``data_version``."""
    return _compile.load_json(files.__getitem__, check_manifest=False, data_version=data_version)


def released(name: str) -> Dataset:
    """The dataset of the released edition ``name``, loaded once (by ``edition()``)."""
    return edition(name)._dataset()
