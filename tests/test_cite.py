"""Citations of the dataset and of a record's sources, in every style, parsed back; and the
agreement of CITATION.cff, `cite()` and the ledger."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
from _editions import released

import icat_data
from icat_data._cite import AUTHORS, LICENSE, STYLES, TITLE, Citable, cite
from icat_data._load import dataset, read_packaged

ROOT = Path(__file__).resolve().parent.parent
LEDGER: list[dict[str, Any]] = json.loads(read_packaged("releases.json"))


def _records() -> list[Citable]:
    """One record of every kind cite() takes, from the packaged data."""
    org = icat_data.get_organization("UNODC")
    coverage = icat_data.coverage()
    return [
        org,
        org.memberships[0],
        icat_data.chair_terms()[0],
        icat_data.get_brief(8),
        icat_data.events()[0],
        icat_data.sources()[0],
        coverage.reported_counts[0],
        coverage.disagreements[0],
    ]


def _cited_ids(record: Citable) -> list[str]:
    if isinstance(record, icat_data.Source):
        return [record.id]
    ids = [s.id for s in record.sources]
    if isinstance(record, icat_data.Organization):
        ids += [s.id for m in record.memberships for s in m.sources]
    return list(dict.fromkeys(ids))


def _csl(text: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads(text)
    return items


def _bibtex(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """(type, key, fields) of each entry; fails on anything but well-formed entries."""
    entries = []
    rest = text
    while rest.strip():
        head = re.match(r"\s*@(\w+)\{([^,\s{}]+),\n", rest)
        assert head, rest[:80]
        fields: dict[str, str] = {}
        position = head.end()
        while True:
            field = re.compile(r"  (\w+) = \{").match(rest, position)
            if field is None:
                break
            value, position = _braced(rest, field.end())
            assert field[1] not in fields
            fields[field[1]] = value
            if rest.startswith(",\n", position):
                position += 2
        closing = re.compile(r"\n\}\n").match(rest, position)
        assert closing, rest[position : position + 80]
        entries.append((head[1], head[2], fields))
        rest = rest[closing.end() :]
    return entries


def _braced(text: str, start: int) -> tuple[str, int]:
    """The text up to the brace closing one opened just before ``start``, and what follows."""
    depth, index = 1, start
    while depth:
        char = text[index]
        if char == "\\":
            index += 2
            continue
        depth += {"{": 1, "}": -1}.get(char, 0)
        index += 1
    return text[start : index - 1], index


def _ris(text: str) -> list[list[tuple[str, str]]]:
    """The (tag, value) lines of each entry; every line a tag, every entry TY to ER."""
    entries: list[list[tuple[str, str]]] = [[]]
    for line in text.splitlines():
        if not line:
            continue
        match = re.fullmatch(r"([A-Z][A-Z0-9])  - (.*)", line)
        assert match, line
        entries[-1].append((match[1], match[2]))
        if match[1] == "ER":
            entries.append([])
    assert entries.pop() == []
    for entry in entries:
        assert entry[0][0] == "TY"
        assert entry[-1] == ("ER", "")
    return entries


def test_the_dataset_citation_names_what_identifies_the_data() -> None:
    data = dataset()
    text = cite(data)
    for part in (
        TITLE,
        AUTHORS,
        icat_data.__version__,
        icat_data.DATA_VERSION,
        data.manifest.digest,
        data.coverage.as_of.isoformat(),
        "CC BY 4.0",
    ):
        assert part in text, part
    assert "http" not in text  # no repository address exists; none is invented
    assert text.count("\n") == 1


def test_the_dataset_citation_in_csl_json() -> None:
    data = dataset()
    (item,) = _csl(cite(data, style="csl-json"))
    assert item["id"] == f"icat-data:{icat_data.DATA_VERSION}"
    assert item["type"] == "dataset"
    assert item["title"] == TITLE
    assert item["author"] == [{"literal": AUTHORS}]
    assert item["version"] == icat_data.__version__
    as_of = data.coverage.as_of
    assert item["issued"] == {"date-parts": [[as_of.year, as_of.month, as_of.day]]}
    assert data.manifest.digest in item["note"]
    assert "URL" not in item


def test_the_dataset_citation_in_bibtex_and_ris() -> None:
    data = dataset()
    ((kind, key, fields),) = _bibtex(cite(data, style="bibtex"))
    assert (kind, key) == ("misc", f"icat-data:{icat_data.DATA_VERSION}")
    assert fields["author"] == "{" + AUTHORS + "}"
    assert fields["version"] == icat_data.__version__
    assert fields["date"] == data.coverage.as_of.isoformat()
    assert data.manifest.digest in fields["note"]
    (entry,) = _ris(cite(data, style="ris"))
    tags = dict(entry)
    assert tags["TY"] == "DATA"
    assert tags["ID"] == key
    assert tags["TI"] == TITLE
    assert tags["ET"] == icat_data.__version__
    assert data.coverage.as_of.strftime("%Y/%m/%d/") == tags["DA"]


def test_an_older_edition_is_cited_as_itself() -> None:
    old = released("2026.11.22.1")
    (item,) = _csl(cite(old, style="csl-json"))
    assert item["id"] == "icat-data:2026.11.22.1"
    assert old.manifest.digest in item["note"]
    assert item["issued"] == {"date-parts": [[2026, 11, 22]]}


@pytest.mark.parametrize("record", _records(), ids=lambda r: type(r).__name__)
def test_a_record_is_cited_by_each_of_its_sources_in_every_style(record: Citable) -> None:
    data = dataset()
    keys = [f"icat:{id}" for id in _cited_ids(record)]
    assert keys
    items = _csl(cite(data, record, style="csl-json"))
    assert [item["id"] for item in items] == keys
    by_id = {s.id: s for s in data.sources}
    for item in items:
        source = by_id[item["id"].removeprefix("icat:")]
        assert item["title"] == source.title
        assert item["URL"] == source.url
        assert item["author"] == [{"literal": source.publisher}]
        assert icat_data.DATA_VERSION in item["note"]
    assert [key for _, key, _ in _bibtex(cite(data, record, style="bibtex"))] == keys
    assert [dict(entry)["ID"] for entry in _ris(cite(data, record, style="ris"))] == keys
    lines = cite(data, record).splitlines()
    assert [line.split("]", 1)[0] for line in lines] == [f"[{key}" for key in keys]


def test_a_membership_names_its_organization() -> None:
    org = icat_data.get_organization("UNODC")
    (item, *_) = _csl(cite(dataset(), org.memberships[0], style="csl-json"))
    assert "organizations:unodc member membership" in item["note"]


def test_a_sources_key_is_the_same_from_any_record_and_edition() -> None:
    old, new = released("2026.11.22.1"), dataset()
    brief = next(b for b in old.briefs if b.number == 8)
    old_keys = [i["id"] for i in _csl(cite(old, brief, style="csl-json"))]
    new_keys = [i["id"] for i in _csl(cite(new, icat_data.get_brief(8), style="csl-json"))]
    assert old_keys == [f"icat:{s.id}" for s in brief.sources]
    shared = set(old_keys) & set(new_keys)
    assert shared
    # The same source is the same entry, whichever record cites it.
    org = icat_data.get_organization("UNODC")
    by_key = {i["id"]: i for i in _csl(cite(new, org, style="csl-json"))}
    for item in _csl(cite(new, icat_data.get_brief(8), style="csl-json")):
        if item["id"] in by_key:
            assert {**item, "note": ""} == {**by_key[item["id"]], "note": ""}


def test_text_that_bibtex_would_read_as_markup_is_escaped() -> None:
    source = attrs.evolve(icat_data.sources()[0], title=r"50% of A & B_1 {#x} ~ ^ $ \n")
    brief = attrs.evolve(icat_data.get_brief(8), sources=(source,))
    ((_, _, fields),) = _bibtex(cite(dataset(), brief, style="bibtex"))
    assert fields["title"] == (
        r"50\% of A \& B\_1 \{\#x\} \textasciitilde{} \textasciicircum{} \$ \textbackslash{}n"
    )


def test_a_value_with_a_line_break_stays_on_its_ris_line() -> None:
    source = attrs.evolve(icat_data.sources()[0], title="Two\nlines")
    (entry,) = _ris(cite(dataset(), source, style="ris"))
    assert ("TI", "Two lines") in entry


@pytest.mark.parametrize("style", ["apa", "BibTeX", "", None, 3, "x" * 100_000])
def test_an_unknown_style_is_a_value_error_listing_the_styles(style: Any) -> None:
    with pytest.raises(ValueError, match="unknown citation style") as error:
        cite(dataset(), style=style)
    assert all(name in str(error.value) for name in STYLES)
    assert len(str(error.value)) < 200  # a long value is shown as an excerpt


FORMER_NAME = next(o for o in icat_data.organizations() if o.former_names).former_names[0]


@pytest.mark.parametrize(
    "thing",
    ["unodc", 8, icat_data.coverage(), icat_data.manifest(), FORMER_NAME],
    ids=["text", "number", "Coverage", "Manifest", "FormerName"],
)
def test_anything_but_a_citable_record_is_a_type_error(thing: Any) -> None:
    with pytest.raises(TypeError, match="cannot cite a") as error:
        cite(dataset(), thing)
    assert "Organization" in str(error.value)
    assert "Disagreement" in str(error.value)


def _citation_cff() -> tuple[str, dict[str, str]]:
    """CITATION.cff, and the scalar fields of its preferred-citation."""
    text = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    block = text.split("\npreferred-citation:\n", 1)[1]
    fields = {
        match[1]: match[2].strip('"') for match in re.finditer(r"^  ([\w-]+): (.+)$", block, re.M)
    }
    return text, fields


def test_citation_cff_cite_and_the_ledger_agree() -> None:
    text, preferred = _citation_cff()
    latest = LEDGER[-1]
    assert preferred["type"] == "data"
    assert preferred["title"] == TITLE
    assert re.search(r'^title: "(.+)"$', text, re.M)[1].startswith(TITLE + ", ")  # type: ignore[index]
    assert text.count(f'- name: "{AUTHORS}"') == 2  # the software's authors and the data's
    assert preferred["license"] == LICENSE
    assert f"  - {LICENSE}\n" in text
    assert preferred["version"] == latest["version"]
    assert preferred["date-released"] == latest["date"]
    notes = preferred["notes"]
    assert notes.startswith(f"Data edition {latest['data_version']}, ")
    assert latest["digest"] in notes
    assert "http" not in text  # no repository address exists; none is invented
    # The notes are the note cite() writes for that edition.
    if latest["data_version"] == icat_data.DATA_VERSION:
        (item,) = _csl(cite(dataset(), style="csl-json"))
        assert item["note"] == notes
        assert item["issued"]["date-parts"][0] == [int(part) for part in latest["date"].split("-")]
