"""The files derived from the data (manifest, snapshots, docs/sources.md) are current."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _regenerate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("regenerate", ROOT / "tools" / "regenerate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RENDERED = _regenerate().render()


@pytest.mark.parametrize("path", sorted(RENDERED), ids=lambda p: str(p.relative_to(ROOT)))
def test_derived_file_matches_the_data(path: Path) -> None:
    assert path.exists(), f"{path} is missing: run python tools/regenerate.py"
    expected = RENDERED[path]
    wanted = expected.encode() if isinstance(expected, str) else expected
    assert path.read_bytes() == wanted, (
        f"{path.relative_to(ROOT)} is stale: run python tools/regenerate.py and review the diff"
    )
