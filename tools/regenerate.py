"""Regenerate everything derived from the packaged data, so a data change shows its effects.

Run after editing any file in ``src/icat_data/data/``::

    python tools/regenerate.py

It writes ``manifest.json`` (hashes and record counts), ``records.pickle`` (the records
compiled from the JSON, which queries read: see ``icat_data._compile``), ``SHA256SUMS`` (every
other packaged data file's SHA-256, archived editions included) and ``_digests.py`` (the
SHA-256 of ``records.pickle`` and of ``SHA256SUMS``, which the code checks), the snapshots in
``tests/snapshots/`` (chairs by year, members and partners at each year's end, counts) and
``docs/sources.md`` (coverage, reported counts, disagreements between sources, every source),
and the JSON Schema ``X.schema.json`` shipped beside each data file ``X.json``. The test suite
fails until these agree with the data again, so every data change reaches review as a
readable diff of its consequences. Then it redraws the README's chart where it no longer names
the data's edition and digest (this needs matplotlib, from the ``docs`` extra).
"""

from __future__ import annotations

import datetime
import hashlib
import importlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "icat_data"
DATA = PACKAGE / "data"
DIGESTS = PACKAGE / "_digests.py"
SNAPSHOTS = ROOT / "tests" / "snapshots"
SOURCES_PAGE = ROOT / "docs" / "sources.md"
CHART = ROOT / "docs" / "assets" / "icat-over-time.png"

try:
    import icat_data
except ImportError:  # a bare checkout
    sys.path.insert(0, str(ROOT / "src"))

import icat_data._digests  # noqa: E402
from icat_data._compile import compile_records, load_json, sha256sum_listing  # noqa: E402
from icat_data._dataset import Dataset, recorded_count  # noqa: E402
from icat_data._editions import SUMS_FILE  # noqa: E402
from icat_data._load import COMPILED_FILE, MANIFEST_FILE  # noqa: E402
from icat_data._rows import entity_records  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docs_chart  # noqa: E402
from json_schema import FILE_RECORDS, schema_for  # noqa: E402


def main() -> None:
    for path, content in render().items():
        data = _bytes(content)
        if not path.exists() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)}")
    importlib.reload(icat_data._digests)  # the chart is drawn from the records just written
    _redraw_chart()


def _redraw_chart() -> None:
    # Not in render(): a PNG's bytes differ between matplotlib versions, so the test holds the
    # committed chart to the data by the stamp it carries, not byte for byte.
    if CHART.exists() and docs_chart.stamp_of(CHART.read_bytes()) == docs_chart.stamp():
        return
    try:
        png = docs_chart.draw()
    except ImportError as error:
        sys.exit(
            f"{CHART.relative_to(ROOT)} is stale and drawing it needs {error.name}: "
            'pip install -e ".[docs]"'
        )
    CHART.write_bytes(png)
    print(f"wrote {CHART.relative_to(ROOT)}")


def render() -> dict[Path, str | bytes]:
    """Every derived file and what it should hold, from the data in the source tree."""
    data = _load_source_tree()
    manifest = _json(_manifest(data))
    compiled = compile_records(data, manifest.encode())
    derived: dict[Path, str | bytes] = {
        DATA / MANIFEST_FILE: manifest,
        DATA / COMPILED_FILE: compiled,
        **{
            DATA / name.replace(".json", ".schema.json"): _json(schema_for(name))
            for name in FILE_RECORDS
        },
    }
    sums = _sums(derived)
    return {
        **derived,
        DATA / SUMS_FILE: sums,
        DIGESTS: _digests(compiled, sums.encode()),
        SNAPSHOTS / "chairs.json": _json(
            {str(t.year): [data.by_id[c].acronym for c in t.chairs] for t in data.chair_terms}
        ),
        SNAPSHOTS / "membership_at_year_end.json": _json(_membership_by_year(data)),
        SNAPSHOTS / "counts.json": _json(_counts(data)),
        SOURCES_PAGE: _sources_page(data),
    }


def _sums(derived: dict[Path, str | bytes]) -> str:
    # Every packaged data file but the listing itself, as it will be once derived is written.
    files = {}
    for path in sorted(p for p in DATA.rglob("*") if p.is_file() and p.name != SUMS_FILE):
        content = derived.get(path)
        raw = path.read_bytes() if content is None else _bytes(content)
        files[path.relative_to(DATA).as_posix()] = hashlib.sha256(raw).hexdigest()
    return sha256sum_listing(files)


def _digests(compiled: bytes, sums: bytes) -> str:
    return (
        "# Written by tools/regenerate.py; do not edit. The SHA-256 that the package's own code\n"
        "# vouches for: records.pickle is checked against it before it is unpickled, and\n"
        "# SHA256SUMS (every other packaged file's SHA-256) by verify().\n"
        f'COMPILED_SHA256 = "{hashlib.sha256(compiled).hexdigest()}"\n'
        f'SUMS_SHA256 = "{hashlib.sha256(sums).hexdigest()}"\n'
    )


def _bytes(content: str | bytes) -> bytes:
    return content.encode() if isinstance(content, str) else content


def _load_source_tree() -> Dataset:
    # The manifest is derived from the other files: load measures it, and it is written out.
    return load_json(lambda name: (DATA / name).read_bytes(), check_manifest=False)


def _manifest(data: Dataset) -> dict[str, object]:
    manifest = data.manifest
    return {
        "data_version": manifest.data_version,
        "files": dict(manifest.files),
        "counts": dict(manifest.counts),
        "digest": manifest.digest,
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
        **{entity: len(rows) for entity, rows in entity_records(data).items()},
        "organizations_by_kind": dict(sorted(Counter(o.kind for o in data.organizations).items())),
        "briefs_by_kind": dict(sorted(Counter(b.kind for b in data.briefs).items())),
        "numbered_issue_briefs": sorted(data.briefs_by_number),
        "events_by_kind": dict(sorted(Counter(e.kind for e in data.events).items())),
        "chair_years": list(data.coverage.chair_years),
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
            f"| {recorded_count(data.organizations, ('member', 'partner'), c.date)} "
            f"| {c.sources[0].publisher}: {c.sources[0].title} |"
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


def _cell(value: object) -> str:
    return "" if value is None else str(value).replace("|", "\\|")


def _json(value: object) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    main()
