"""The files derived from the data (manifest, snapshots, docs/sources.md) are current."""

from __future__ import annotations

from pathlib import Path

import pytest
from _tools import load_tool

ROOT = Path(__file__).resolve().parent.parent


RENDERED = load_tool("regenerate").render()


@pytest.mark.parametrize("path", sorted(RENDERED), ids=lambda p: str(p.relative_to(ROOT)))
def test_derived_file_matches_the_data(path: Path) -> None:
    assert path.exists(), f"{path} is missing: run python tools/regenerate.py"
    expected = RENDERED[path]
    wanted = expected.encode() if isinstance(expected, str) else expected
    assert path.read_bytes() == wanted, (
        f"{path.relative_to(ROOT)} is stale: run python tools/regenerate.py and review the diff"
    )
