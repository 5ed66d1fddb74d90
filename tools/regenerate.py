"""Regenerate everything derived from the packaged data, so a data change shows its effects.

Run after editing any file in ``src/icat_data/data/``::

    python tools/regenerate.py

It writes ``manifest.json`` (hashes and record counts), the snapshots in ``tests/snapshots/``
(chairs by year, members and partners at each year's end, counts) and ``docs/sources.md``
(coverage, reported counts, disagreements between sources, every source), and the JSON
Schema ``X.schema.json`` shipped beside each data file ``X.json``. The test suite
fails until these agree with the data again, so every data change reaches review as a
readable diff of its consequences.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "icat_data" / "data"
SNAPSHOTS = ROOT / "tests" / "snapshots"
SOURCES_PAGE = ROOT / "docs" / "sources.md"

try:
    import icat_data  # noqa: F401  (an installed or editable copy)
except ImportError:  # a bare checkout
    sys.path.insert(0, str(ROOT / "src"))

from icat_data._dataset import Dataset  # noqa: E402
from icat_data._export import ENTITIES  # noqa: E402
from icat_data._load import DATA_FILES, MANIFEST_FILE, load  # noqa: E402
from icat_data._models import PartialDate  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from json_schema import FILE_RECORDS, schema_for  # noqa: E402


def main() -> None:
    for path, text in render().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")


def render() -> dict[Path, str]:
    """Every derived file and the text it should hold, from the data in the source tree."""
    data = _load_source_tree()
    return {
        DATA / MANIFEST_FILE: _json(_manifest(data)),
        SNAPSHOTS / "chairs.json": _json(
            {str(t.year): [data.by_id[c].acronym for c in t.chairs] for t in data.chair_terms}
        ),
        SNAPSHOTS / "membership_at_year_end.json": _json(_membership_by_year(data)),
        SNAPSHOTS / "counts.json": _json(_counts(data)),
        SOURCES_PAGE: _sources_page(data),
        **{
            DATA / name.replace(".json", ".schema.json"): _json(schema_for(name))
            for name in FILE_RECORDS
        },
    }


def _load_source_tree() -> Dataset:
    # The manifest is derived from the other files, so it cannot be an input here.
    edition = json.loads((DATA / "edition.json").read_text(encoding="utf-8"))
    stub = {"data_version": edition["data_version"], "files": {}, "counts": {}}

    def read(name: str) -> bytes:
        if name == MANIFEST_FILE:
            return json.dumps(stub).encode()
        return (DATA / name).read_bytes()

    return load(read)


def _records(data: Dataset) -> dict[str, tuple[object, ...]]:
    return {
        "organizations": data.organizations,
        "memberships": tuple(m for o in data.organizations for m in o.memberships),
        "chairs": data.chair_terms,
        "briefs": data.briefs,
        "events": data.events,
        "sources": data.sources,
    }


def _manifest(data: Dataset) -> dict[str, object]:
    records = _records(data)
    return {
        "data_version": data.manifest.data_version,
        "files": {
            name: hashlib.sha256((DATA / name).read_bytes()).hexdigest() for name in DATA_FILES
        },
        "counts": {entity: len(records[entity]) for entity in ENTITIES},
    }


def _membership_by_year(data: Dataset) -> dict[str, dict[str, list[str]]]:
    first = min(m.start.year for o in data.organizations for m in o.memberships)
    years = range(first, data.coverage.as_of.year + 1)
    snapshot = {}
    for year in years:
        day = min(datetime.date(year, 12, 31), data.coverage.as_of)
        snapshot[str(year)] = {
            role: [o.acronym for o in data.holding(role, day, day)]
            for role in ("member", "partner", "coordinator")
        }
    return snapshot


def _counts(data: Dataset) -> dict[str, object]:
    return {
        **{entity: len(rows) for entity, rows in _records(data).items()},
        "organizations_by_kind": dict(sorted(Counter(o.kind for o in data.organizations).items())),
        "briefs_by_kind": dict(sorted(Counter(b.kind for b in data.briefs).items())),
        "numbered_issue_briefs": sorted(data.briefs_by_number),
        "events_by_kind": dict(sorted(Counter(e.kind for e in data.events).items())),
        "chair_years": list(data.coverage.chair_years),
        "disagreements": len(data.coverage.disagreements),
    }


def _sources_page(data: Dataset) -> str:
    coverage = data.coverage
    cited = Counter(source.id for _, sources in data.citations() for source in sources)
    lines = [
        "# Sources, coverage and disagreements",
        "",
        "<!-- Generated by tools/regenerate.py from the packaged data; do not edit by hand. -->",
        "",
        f"Data edition {data.manifest.data_version}, current to {coverage.as_of.isoformat()}.",
        "",
        "## Coverage",
        "",
        "Chairs are recorded for: " + ", ".join(map(str, coverage.chair_years)) + ".",
        "",
        "Known gaps:",
        "",
        *[f"- {gap}" for gap in coverage.gaps],
        "",
        "## Organization counts reported over time",
        "",
        "Members, partners and totals as each source reported them; `recorded` is how many",
        "members and partners the data holds for the same date.",
        "",
        "| date | members | partners | total | recorded | source |",
        "| --- | --- | --- | --- | --- | --- |",
        *[
            f"| {c.date} | {_cell(c.members)} | {_cell(c.partners)} | {_cell(c.total)} "
            f"| {_recorded(data, c.date)} | {c.sources[0].publisher}: {c.sources[0].title} |"
            for c in coverage.reported_counts
        ],
        "",
        "## Where sources disagree",
        "",
    ]
    for disagreement in coverage.disagreements:
        lines += [
            f"### {disagreement.topic}",
            "",
            *[f"- {account}" for account in disagreement.accounts],
            "",
            f"Recorded: {disagreement.recorded}",
            "",
        ]
    lines += [
        "## Sources",
        "",
        "Every source below was read for this edition; `cited` counts the records citing it.",
        "",
        "| source | publisher | published | accessed | cited |",
        "| --- | --- | --- | --- | --- |",
        *[
            f"| [{s.title}]({s.url}) | {s.publisher} | {_cell(s.published)} "
            f"| {s.accessed.isoformat()} | {cited[s.id]} |"
            for s in sorted(data.sources, key=lambda s: s.id)
        ],
    ]
    return "\n".join(lines) + "\n"


def _recorded(data: Dataset, date: PartialDate) -> int:
    first, last = date.first_day, date.last_day
    return len({o.id for role in ("member", "partner") for o in data.holding(role, first, last)})


def _cell(value: object) -> str:
    return "" if value is None else str(value).replace("|", "\\|")


def _json(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    main()
