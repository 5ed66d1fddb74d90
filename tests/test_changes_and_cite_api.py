"""The public changes() and cite(): editions named as edition() takes them, the packaged
edition by default, and neither module read by ``import icat_data``."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

import icat_data
from icat_data import _changes, _cite


def test_changes_name_editions_as_edition_does() -> None:
    by_edition = icat_data.changes("2026.11.22.1", "2026.12.01")
    assert by_edition
    assert icat_data.changes("0.2.0", "0.3.0") == by_edition
    assert by_edition == _changes.diff(
        icat_data.edition("0.2.0")._dataset(), icat_data.edition("0.3.0")._dataset()
    )
    assert all(isinstance(change, icat_data.Change) for change in by_edition)


def test_until_none_is_the_packaged_edition() -> None:
    assert icat_data.changes("0.2.0") == icat_data.changes("0.2.0", icat_data.DATA_VERSION)
    assert icat_data.changes(icat_data.DATA_VERSION) == ()
    # and the way back is the same changes turned round
    forth, back = icat_data.changes("0.2.0", "0.3.0"), icat_data.changes("0.3.0", "0.2.0")
    flipped = {"added": "removed", "removed": "added", "changed": "changed"}
    for one, other in zip(forth, back, strict=True):
        assert (one.entity, one.id, one.field) == (other.entity, other.id, other.field)
        assert (flipped[one.change], one.before, one.after) == (
            other.change,
            other.after,
            other.before,
        )


@pytest.mark.parametrize(("since", "until"), [("0.2", None), ("0.2.0", "2026.12.1")])
def test_an_unknown_edition_is_named_with_the_closest(since: str, until: str | None) -> None:
    with pytest.raises(icat_data.UnknownEditionError) as caught:
        icat_data.changes(since, until)
    assert caught.value.name == (until or since)
    assert caught.value.closest in caught.value.known


@pytest.mark.parametrize(
    ("since", "until", "name"), [(None, None, "since"), ("0.2.0", 2, "until")]
)
def test_editions_are_named_by_text(since: object, until: object, name: str) -> None:
    with pytest.raises(TypeError, match=f"{name} must be a str"):
        icat_data.changes(since, until)  # type: ignore[arg-type]


def test_cite_cites_the_packaged_edition_and_an_edition_cites_itself() -> None:
    text = icat_data.cite()
    assert icat_data.DATA_VERSION in text
    assert icat_data.manifest().digest in text
    assert text == icat_data.edition().cite()
    then = icat_data.edition("0.2.0")
    older = then.cite(style="csl-json")
    (item,) = json.loads(older)
    assert item["id"] == "icat-data:2026.11.22.1"
    assert then.manifest().digest in item["note"]
    assert icat_data.manifest().digest not in older


@pytest.mark.parametrize("style", _cite.STYLES)
def test_cite_a_record_in_every_style(style: icat_data.CitationStyle) -> None:
    brief = icat_data.get_brief(8)
    written = icat_data.cite(brief, style=style)
    assert written == _cite.cite(icat_data.edition()._dataset(), brief, style=style)
    assert all(f"icat:{source.id}" in written for source in brief.sources)
    assert "briefs:issue-brief-08" in written


def test_cite_refuses_an_unknown_style_and_a_non_record() -> None:
    with pytest.raises(ValueError, match="unknown citation style 'apa'"):
        icat_data.cite(style="apa")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="cannot cite a str"):
        icat_data.cite("UNODC")  # type: ignore[arg-type]


def test_import_reads_neither_the_diff_nor_the_citations() -> None:
    script = textwrap.dedent(
        """
        import sys
        import icat_data
        icat_data.Change, icat_data.changes, icat_data.cite
        print(sorted(m for m in ("icat_data._cite", "icat_data._rows") if m in sys.modules))
        """
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
