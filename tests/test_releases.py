"""The immutable-edition rule: a released version and data edition name one content forever.

``src/icat_data/data/releases.json`` is the ledger of releases: each names its package
version, its data edition, the digest of that edition's data (``manifest().digest``) and the
SHA-256 of its changelog entry. While work is in progress, main carries a ``.dev`` version
(and a ``.dev`` edition once the data changes); the commit that releases sets the final names
and appends to the ledger.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

import icat_data
from icat_data._load import read_packaged

ROOT = Path(__file__).resolve().parent.parent
LEDGER: list[dict[str, Any]] = json.loads(read_packaged("releases.json"))
CHANGELOG = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
RELEASED_EDITIONS = {entry["data_version"]: entry for entry in LEDGER}
RELEASED_VERSIONS = {entry["version"]: entry for entry in LEDGER}


def _is_dev(name: str) -> bool:
    return ".dev" in name


def _changelog_entry(version: str) -> str:
    found = re.search(rf"^## {re.escape(version)} - .*?(?=^## |\Z)", CHANGELOG, re.M | re.S)
    assert found, f"CHANGELOG.md has no entry '## {version} - <date>'"
    return found.group(0).rstrip() + "\n"


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def test_the_ledger_is_in_release_order_without_repeats() -> None:
    versions = [entry["version"] for entry in LEDGER]
    assert versions == sorted(versions, key=_version_key)
    assert len(set(versions)) == len(versions)
    for entry in LEDGER:
        assert not _is_dev(entry["version"]), entry
        assert not _is_dev(entry["data_version"]), entry
        assert re.fullmatch(r"[0-9a-f]{64}", entry["digest"]), entry
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"]), entry


def test_a_released_edition_always_holds_the_same_data() -> None:
    released = RELEASED_EDITIONS.get(icat_data.DATA_VERSION)
    if released is None:
        assert _is_dev(icat_data.DATA_VERSION), (
            f"data edition {icat_data.DATA_VERSION} is neither released nor a .dev edition"
        )
        return
    assert icat_data.manifest().digest == released["digest"], (
        f"the packaged data is not the data released as edition {icat_data.DATA_VERSION}: "
        "a released edition names one content forever; name a new .dev edition "
        "(src/icat_data/_version.py and edition.json) and run tools/regenerate.py"
    )


def test_versions_are_development_names_or_recorded_releases() -> None:
    version, edition = icat_data.__version__, icat_data.DATA_VERSION
    if _is_dev(version):
        assert version not in RELEASED_VERSIONS
        assert CHANGELOG.split("\n## ", 2)[1].startswith("Unreleased"), (
            "while main carries a .dev version, CHANGELOG.md opens with '## Unreleased'"
        )
        return
    assert not _is_dev(edition), f"release {version} cannot ship the development edition"
    assert version in RELEASED_VERSIONS, f"release {version} is missing from releases.json"
    assert RELEASED_VERSIONS[version]["data_version"] == edition
    assert re.search(r"^## (\S+) - ", CHANGELOG, re.M)[1] == version  # type: ignore[index]


@pytest.mark.parametrize("entry", LEDGER, ids=lambda entry: entry["version"])
def test_released_changelog_entries_are_never_edited(entry: dict[str, Any]) -> None:
    text = _changelog_entry(entry["version"])
    assert text.startswith(f"## {entry['version']} - {entry['date']}\n")
    assert hashlib.sha256(text.encode()).hexdigest() == entry["changelog"], (
        f"the released CHANGELOG entry for {entry['version']} was edited: correct it in a new "
        "entry instead"
    )


def test_citation_names_the_latest_release_and_its_edition() -> None:
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    latest = LEDGER[-1]
    assert re.search(r'^version: "(.+)"$', text, re.M)[1] == latest["version"]  # type: ignore[index]
    assert f"Data edition {latest['data_version']}." in text
    # BibTeX made from CITATION.cff keeps only the title of these: it must name both.
    title = re.search(r'^title: "(.+)"$', text, re.M)[1]  # type: ignore[index]
    assert title.endswith(f"version {latest['version']}, data edition {latest['data_version']}")


def test_public_docstrings_use_one_style_that_the_docs_render() -> None:
    # The API reference renders Markdown with mkdocstrings cross-references; Sphinx roles
    # such as :func:`x` would show raw on the page.
    for path in sorted((ROOT / "src" / "icat_data").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r":(func|class|meth|attr|mod|data):`", text), path.name
