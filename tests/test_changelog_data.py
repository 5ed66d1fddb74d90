"""The Data section of the changelog names every record that changed since the last edition.

The record-level difference between two editions (``_changes.diff``, the public
``changes()``) says what changed; the changelog's prose says why, and from which source. This
test holds the two together: the ``### Data`` section of the entry that ships the packaged
edition (``## Unreleased`` while it is a ``.dev`` edition) names, in backticks, the id of
every record added, removed or changed since the previous released edition. Known gaps are
sentences without ids, and are left out. Released entries before 0.5.0 predate the rule and
are never edited (tests/test_releases.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import icat_data
from icat_data._changes import diff
from icat_data._editions import edition, editions

CHANGELOG = (Path(__file__).resolve().parent.parent / "CHANGELOG.md").read_text(encoding="utf-8")


#: The first release under this rule; earlier Data sections are prose only.
FIRST = (0, 5, 0)


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3])


def _shipping_entry_and_previous_edition() -> tuple[str, str] | None:
    """The heading of the changelog entry that ships the packaged edition and the edition
    released before it; None where that entry predates the rule."""
    ledger = editions()
    shipped = [i for i, r in enumerate(ledger) if r.data_version == icat_data.DATA_VERSION]
    if not shipped:  # a .dev edition: the next release's entry, still Unreleased
        return "## Unreleased", ledger[-1].data_version
    first = ledger[shipped[0]]
    if _version(first.version) < FIRST or shipped[0] == 0:
        return None
    return f"## {first.version} - ", ledger[shipped[0] - 1].data_version


def test_the_data_section_names_every_record_changed_since_the_last_edition() -> None:
    found = _shipping_entry_and_previous_edition()
    if found is None:
        return
    heading, previous = found
    changed = {
        (c.entity, c.id)
        for c in diff(edition(previous)._dataset(), edition()._dataset())
        if c.entity != "known_gaps"
    }
    if not changed:
        return
    start = CHANGELOG.index(heading)
    end = CHANGELOG.find("\n## ", start + len(heading))
    entry = CHANGELOG[start : end if end != -1 else None]
    assert "\n### Data\n" in entry, "the packaged data changed: the changelog needs a Data section"
    data = entry.split("\n### Data\n", 1)[1].split("\n### ", 1)[0]
    named = {" ".join(name.split()) for name in re.findall(r"`([^`]+)`", data)}
    missing = sorted(f"{entity}:{id}" for entity, id in changed if id not in named)
    assert not missing, (
        f"records changed since edition {previous} that the changelog's Data section does not "
        f"name (as `id`): {', '.join(missing)}"
    )
