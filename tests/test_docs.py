"""The examples in README and docs run as written; the data dictionary covers every field."""

from __future__ import annotations

import doctest
import inspect
import re
from pathlib import Path

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


def test_the_chart_is_drawn_from_the_data() -> None:
    pytest.importorskip("matplotlib", reason="the docs extra draws the chart")
    chart = load_tool("docs_chart")
    drawn = chart.draw()
    assert drawn.startswith(b"\x89PNG")
    assert len(drawn) > 20_000
    assert chart.stamp_of(drawn) == chart.stamp()
    # The legend names every kind of bar drawn: roles from a known start and from an attested
    # one, as the data has them.
    from matplotlib import pyplot

    figure = chart.figure()
    labels = [text.get_text() for text in figure.axes[0].get_legend().get_texts()]
    pyplot.close(figure)
    drawn_kinds = {
        (m.role, m.start_attested_only)
        for o in icat_data.organizations()
        for m in o.memberships
        if m.role in chart.ROLES
    }
    for role, attested in drawn_kinds:
        start = "the earliest date a source attests" if attested else "a known start"
        assert any(label.startswith(f"{role}, from {start}") for label in labels), labels
    assert len(labels) == len(drawn_kinds) + 2  # and the years without a chair, and a chair


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
