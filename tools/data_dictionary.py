"""Write the record tables of ``docs/data-dictionary.md`` from the records' field docstrings.

A field's docstring (the string under it in the record's class, in ``src/icat_data``) is
its one description: the API reference shows it, and this script
writes it into the data dictionary, with the field's type as annotated and, for a vocabulary,
its words. Run after changing a record::

    python tools/data_dictionary.py

The test suite fails while the page differs from what this writes. Only the part between the
two markers is written; the rest of the page is edited by hand.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import sys
import typing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "data-dictionary.md"
BEGIN = "<!-- The tables below are written by tools/data_dictionary.py from the records. -->"
END = "<!-- End of the tables written by tools/data_dictionary.py. -->"

try:
    import icat_data
except ImportError:  # a bare checkout
    sys.path.insert(0, str(ROOT / "src"))
    import icat_data

from icat_data import _vocabulary  # noqa: E402

#: The records, in the order the page lists them.
RECORDS: tuple[type, ...] = (
    icat_data.Organization,
    icat_data.FormerName,
    icat_data.Membership,
    icat_data.OrganizationYear,
    icat_data.ChairTerm,
    icat_data.Brief,
    icat_data.Event,
    icat_data.Source,
    icat_data.PartialDate,
    icat_data.ReportedCount,
    icat_data.Disagreement,
    icat_data.Coverage,
    icat_data.Manifest,
    icat_data.Release,
    icat_data.Check,
    icat_data.Change,
)


def field_docs(record: type) -> dict[str, tuple[str, str]]:
    """Each field of ``record``: its annotation as written and its docstring, from its source."""
    module = sys.modules[record.__module__]
    tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
    body = next(
        node.body
        for node in tree.body
        if isinstance(node, ast.ClassDef) and node.name == record.__name__
    )
    fields = {}
    for node, following in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            doc = inspect.cleandoc(following.value.value)
            fields[node.target.id] = (ast.unparse(node.annotation), doc)
    return fields


def _markdown(text: str) -> str:
    # Docstrings quote code as ``x`` (for mkdocstrings and Python alike); a table cell is one
    # Markdown line.
    return " ".join(text.split()).replace("``", "`")


def _vocabulary_words(annotation: str) -> str:
    literal = getattr(_vocabulary, annotation, None)
    if typing.get_origin(literal) is not typing.Literal:
        return ""
    words = typing.get_args(literal)
    named = [
        name
        for name in _vocabulary.__all__
        if name.isupper() and getattr(_vocabulary, name) == frozenset(words)
    ]
    listed = ", ".join(f"`{word}`" for word in words)
    return f" One of `{named[0]}`: {listed}." if named else f" One of {listed}."


def section(record: type) -> str:
    """The data dictionary's section on ``record``."""
    lines = [f"## {record.__name__}", "", "| field | type | meaning |", "| --- | --- | --- |"]
    for name, (annotation, doc) in field_docs(record).items():
        kind = annotation.replace("|", "\\|")
        lines.append(f"| `{name}` | `{kind}` | {_markdown(doc)}{_vocabulary_words(annotation)} |")
    properties = [
        f"- `{name}`: {_markdown(inspect.getdoc(value) or '')}"
        for name, value in vars(record).items()
        if isinstance(value, property) and not name.startswith("_")
    ]
    if properties:
        lines += ["", "Properties:", "", *properties]
    return "\n".join(lines) + "\n"


def render(page: str) -> str:
    """``page`` with its generated part written afresh."""
    before, rest = page.split(BEGIN, 1)
    after = rest.split(END, 1)[1]
    tables = "\n".join(section(record) for record in RECORDS)
    return f"{before}{BEGIN}\n\n{tables}\n{END}{after}"


def main() -> None:
    page = PAGE.read_text(encoding="utf-8")
    written = render(page)
    if written != page:
        PAGE.write_text(written, encoding="utf-8")
        print(f"wrote {PAGE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
