"""The site's home page starts a newcomer as the README does, and its code fits the page."""

from __future__ import annotations

import re
from pathlib import Path

from _tools import load_tool

ROOT = Path(__file__).resolve().parent.parent
HOME = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
#: Characters of code the site's text column shows without scrolling (at 0.3.0's home page,
#: a longer line was cut off at the right).
CODE_WIDTH = 75


def _blocks(page: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", page, flags=re.MULTILINE | re.DOTALL)


def _quick_start(page: str) -> list[str]:
    section = page.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    return _blocks(section, "bash")


def test_the_quick_start_is_the_readmes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert _quick_start(HOME) == _quick_start(readme)
    assert len(_quick_start(HOME)) == 1


def test_no_code_line_is_wider_than_the_page() -> None:
    code = [line for block in _blocks(HOME, r"\w*") for line in block.splitlines()]
    assert code
    assert [line for line in code if len(line) > CODE_WIDTH] == []


def test_the_home_page_shows_the_chart() -> None:
    assert f"]({load_tool('docs_chart').CHART.as_posix()})" in HOME
