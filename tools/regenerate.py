"""Regenerate what is derived from the packaged data: ``manifest.json`` (hashes and counts).

Run after editing any file in ``src/icat_data/data/``::

    python tools/regenerate.py

Tests fail until the derived files agree with the data again, so every data change shows up
in review together with its effect.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "icat_data" / "data"
sys.path.insert(0, str(ROOT / "src"))

from icat_data._export import ENTITIES  # noqa: E402
from icat_data._load import DATA_FILES, MANIFEST_FILE, load  # noqa: E402


def main() -> None:
    edition = json.loads((DATA / "edition.json").read_text(encoding="utf-8"))
    stub = {"data_version": edition["data_version"], "files": {}, "counts": {}}

    def read(name: str) -> bytes:
        if name == MANIFEST_FILE:
            return json.dumps(stub).encode()
        return (DATA / name).read_bytes()

    data = load(read)
    records = {
        "organizations": data.organizations,
        "memberships": [m for o in data.organizations for m in o.memberships],
        "chairs": data.chair_terms,
        "briefs": data.briefs,
        "events": data.events,
        "sources": data.sources,
    }
    manifest = {
        "data_version": edition["data_version"],
        "files": {
            name: hashlib.sha256((DATA / name).read_bytes()).hexdigest() for name in DATA_FILES
        },
        "counts": {entity: len(records[entity]) for entity in ENTITIES},
    }
    write_json(DATA / MANIFEST_FILE, manifest)


def write_json(path: Path, value: object) -> None:
    text = json.dumps(value, indent=2, ensure_ascii=False) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
