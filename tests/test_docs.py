"""The examples in README and docs run as written; the data dictionary covers every field."""

from __future__ import annotations

import doctest
import inspect
import re
import struct
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from _tools import load_tool

import icat_data

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
WITH_EXAMPLES = {"README.md", "tutorial.md"}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_examples_run(page: Path) -> None:
    result = doctest.testfile(
        str(page),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.failed == 0
    if page.name in WITH_EXAMPLES:
        assert result.attempted >= 15


@pytest.mark.parametrize("page", sorted((ROOT / "docs").glob("*.md")), ids=lambda p: p.name)
def test_site_examples_paste_as_code(page: Path) -> None:
    # The site's copy button leaves out prompts and output (docs/stylesheets), but a
    # traceback's lines are neither: copied, they would not run. Catch the error instead.
    assert "Traceback (most recent call last)" not in page.read_text(encoding="utf-8")


DICTIONARY = load_tool("data_dictionary")
# Every record class of the public API (attrs classes), which the data dictionary lists.
RECORDS: list[type] = [
    value
    for value in (getattr(icat_data, name) for name in icat_data.__all__)
    if isinstance(value, type) and attrs.has(value)
]


def test_the_data_dictionary_lists_every_record() -> None:
    assert sorted(r.__name__ for r in DICTIONARY.RECORDS) == sorted(r.__name__ for r in RECORDS)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_data_dictionary_lists_every_field(record: type) -> None:
    page = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    section = page.split(f"\n## {record.__name__}\n", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE)
    assert listed == [f.name for f in attrs.fields(record)]


def test_the_reference_shows_every_public_name_once_functions_first() -> None:
    page = (ROOT / "docs" / "reference.md").read_text(encoding="utf-8")
    shown = re.findall(r"^::: icat_data\.(\w+)$", page, flags=re.MULTILINE)
    assert sorted(shown) == sorted(icat_data.__all__)
    functions = [i for i, name in enumerate(shown) if inspect.isfunction(getattr(icat_data, name))]
    classes = [i for i, name in enumerate(shown) if inspect.isclass(getattr(icat_data, name))]
    assert max(functions) < min(classes)


def test_the_data_dictionary_is_written_from_the_field_docstrings() -> None:
    # One description per field: its docstring, which the API reference shows too.
    page = DICTIONARY.PAGE.read_text(encoding="utf-8")
    assert page == DICTIONARY.render(page), "run python tools/data_dictionary.py"
    for record in RECORDS:
        fields = DICTIONARY.field_docs(record)
        assert list(fields) == [f.name for f in attrs.fields(record)], record
        assert all(doc for _, doc in fields.values()), record


@pytest.fixture(scope="module")
def chart() -> Iterator[tuple[ModuleType, Any, bytes]]:
    """tools/docs_chart.py, the figure it draws, and that figure saved as the docs' PNG."""
    pytest.importorskip("matplotlib", reason="the docs extra draws the chart")
    from matplotlib import pyplot

    tool = load_tool("docs_chart")
    figure = tool.figure()
    yield tool, figure, tool.draw()
    pyplot.close(figure)


def test_the_chart_is_drawn_from_the_data(chart: tuple[ModuleType, Any, bytes]) -> None:
    tool, figure, drawn = chart
    assert drawn.startswith(b"\x89PNG")
    assert len(drawn) > 20_000
    assert tool.stamp_of(drawn) == tool.stamp()
    # The legend names every kind of bar drawn: roles from a known start and from an attested
    # one, as the data has them.
    (legend,) = figure.legends
    labels = [" ".join(text.get_text().split()) for text in legend.get_texts()]
    drawn_kinds = {
        (m.role, m.start_attested_only)
        for o in icat_data.organizations()
        for m in o.memberships
        if m.role in tool.ROLES
    }
    for role, attested in drawn_kinds:
        start = "the earliest date a source attests" if attested else "a known start"
        assert any(label.startswith(f"{role}, from {start}") for label in labels), labels
    # and the years without a chair, a chair, the recorded count and a reported one
    assert len(labels) == len(drawn_kinds) + 4


def test_the_chart_reads_at_the_page_width(chart: tuple[ModuleType, Any, bytes]) -> None:
    # The docs show the PNG scaled to their text column: every word must stay readable there
    # (at 0.3.0's size, tick labels came out at 5 pixels), and the legend must leave the
    # plot the page's width (beside it, it took a third).
    from matplotlib.text import Text

    tool, figure, drawn = chart
    width = struct.unpack(">I", drawn[16:20])[0]  # the PNG header's width
    shown = tool.PAGE_WIDTH / width
    texts = [t for t in figure.findobj(Text) if t.get_visible() and t.get_text().strip()]
    assert len(texts) > 40  # tick labels, axis labels, legend, caption
    for text in texts:
        pixels = text.get_fontsize() * tool.DPI / 72 * shown
        assert pixels >= 10, (text.get_text(), round(pixels, 1))
    (legend,) = figure.legends
    renderer = figure.canvas.get_renderer()
    below = min(axes.get_tightbbox(renderer).y0 for axes in figure.axes)
    assert legend.get_window_extent(renderer).y1 <= below
    assert all(axes.get_position().width > 0.75 for axes in figure.axes)


def test_the_chart_caption_explains_the_2011_dip(chart: tuple[ModuleType, Any, bytes]) -> None:
    # The count falls from February to May 2011: DAW and UNIFEM end in January, and UN Women,
    # which they merged into, is a member in the data only from its first attestation.
    for gone in ("DAW", "UNIFEM"):
        assert icat_data.is_member(gone, on="2011-01-31")
        assert not icat_data.is_member(gone, on="2011-02-01")
    assert icat_data.get_organization("UNIFEM").successor == "un-women"
    assert not icat_data.is_member("UN Women", on="2011-05-31")
    assert icat_data.is_member("UN Women", on="2011-06-01")
    assert icat_data.get_organization("UN Women").memberships[0].start_attested_only
    caption = " ".join(" ".join(text.get_text().split()) for text in chart[1].texts)
    assert (
        "The 2011 dip: the memberships of DAW and UNIFEM end in January 2011, and UN Women, "
        "into which they merged, is recorded as a member only from June 2011, the earliest "
        "date a source attests it." in caption
    )


def test_the_committed_chart_names_the_data_it_shows() -> None:
    # The README shows the committed copy (the site draws its own): it must be of this data.
    # Redraw it with `python tools/regenerate.py`.
    chart = load_tool("docs_chart")
    assert chart.stamp().startswith(
        f"icat-data data edition {icat_data.DATA_VERSION}, digest {icat_data.manifest().digest}, "
        "drawn by docs_chart.py "
    )
    committed = (ROOT / "docs" / chart.CHART).read_bytes()
    assert chart.stamp_of(committed) == chart.stamp()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"]({Path('docs') / chart.CHART})" in readme
