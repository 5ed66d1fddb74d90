"""Make a release, and record it afterwards (CONTRIBUTING.md, "Making a release").

    python tools/release.py prepare VERSION --note TEXT   # the release commit's changes
    python tools/release.py record NEXT_DEV_VERSION       # the next commit's changes

``prepare`` gives the package version and the data edition their final names (the edition
loses its ``.devN``), dates the changelog's ``Unreleased`` entry, writes CITATION.cff for the
release, appends the release to the ledger (its digest, and the SHA-256 of its changelog entry
as tests/test_releases.py measures it) and regenerates what is derived. Commit the result as
the release. ``record``, run in the commit after it, writes that commit's hash into its ledger
entry (a commit cannot hold its own hash), moves main to ``NEXT_DEV_VERSION`` with a new
``Unreleased`` entry and regenerates again. Values that only a fresh interpreter knows (the
digest, the citation's note) are read from one, after regenerating.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERSION_FILE = ROOT / "src" / "icat_data" / "_version.py"
EDITION_FILE = ROOT / "src" / "icat_data" / "data" / "edition.json"
LEDGER_FILE = ROOT / "src" / "icat_data" / "data" / "releases.json"
CHANGELOG = ROOT / "CHANGELOG.md"
CITATION = ROOT / "CITATION.cff"


def changelog_entry(text: str, version: str) -> str:
    """The changelog entry of ``version``, as tests/test_releases.py hashes it."""
    found = re.search(rf"^## {re.escape(version)} - .*?(?=^## |\Z)", text, re.M | re.S)
    if found is None:
        sys.exit(f"CHANGELOG.md has no entry '## {version} - <date>'")
    return found.group(0).rstrip() + "\n"


def prepare(version: str, note: str, date: str) -> None:
    text = VERSION_FILE.read_text(encoding="utf-8")
    dev = re.search(r'^DATA_VERSION = "(.+)"$', text, re.M)[1]  # type: ignore[index]
    final = dev.split(".dev")[0]
    text = re.sub(r'^__version__ = ".+"$', f'__version__ = "{version}"', text, flags=re.M)
    VERSION_FILE.write_text(
        re.sub(r'^DATA_VERSION = ".+"$', f'DATA_VERSION = "{final}"', text, flags=re.M),
        encoding="utf-8",
    )
    edition = EDITION_FILE.read_text(encoding="utf-8")
    EDITION_FILE.write_text(
        edition.replace(f'"data_version": "{dev}"', f'"data_version": "{final}"', 1),
        encoding="utf-8",
    )
    changelog = CHANGELOG.read_text(encoding="utf-8")
    if "\n## Unreleased\n" not in changelog:
        sys.exit("CHANGELOG.md has no '## Unreleased' entry to release")
    head, rest = changelog.split("\n## Unreleased\n", 1)
    entry, _, older = rest.partition("\n## ")
    # The entry names the edition it releases, no longer "in progress".
    entry = entry.replace(f"{dev} (in progress)", final).replace(dev, final)
    CHANGELOG.write_text(f"{head}\n## {version} - {date}\n{entry}\n## {older}", encoding="utf-8")
    _regenerate()
    digest, citation_note = _from_a_fresh_interpreter()
    _write_citation(version, final, date, citation_note)
    ledger = json.loads(LEDGER_FILE.read_text(encoding="utf-8"))
    if any(release["version"] == version for release in ledger):
        sys.exit(f"version {version} is in the ledger already: a released name is final")
    released = changelog_entry(CHANGELOG.read_text(encoding="utf-8"), version)
    ledger.append(
        {
            "version": version,
            "date": date,
            "data_version": final,
            "digest": digest,
            "changelog": hashlib.sha256(released.encode()).hexdigest(),
            "note": note,
        }
    )
    _write_ledger(ledger)
    _regenerate()


def record(next_version: str) -> None:
    ledger = json.loads(LEDGER_FILE.read_text(encoding="utf-8"))
    commit = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    shown = subprocess.run(
        ["git", "show", f"{commit}:src/icat_data/_version.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    if f'__version__ = "{ledger[-1]["version"]}"' not in shown:
        sys.exit(f"HEAD ({commit[:10]}) is not the release of {ledger[-1]['version']}")
    ledger[-1]["commit"] = commit
    _write_ledger(ledger)
    text = VERSION_FILE.read_text(encoding="utf-8")
    VERSION_FILE.write_text(
        re.sub(r'^__version__ = ".+"$', f'__version__ = "{next_version}"', text, flags=re.M),
        encoding="utf-8",
    )
    changelog = CHANGELOG.read_text(encoding="utf-8")
    head, _, rest = changelog.partition("\n## ")
    CHANGELOG.write_text(f"{head}\n## Unreleased\n\n## {rest}", encoding="utf-8")
    _regenerate()


def _write_ledger(ledger: list[dict[str, str]]) -> None:
    LEDGER_FILE.write_text(json.dumps(ledger, indent=2, ensure_ascii=False) + "\n", "utf-8")


def _write_citation(version: str, edition: str, date: str, note: str) -> None:
    text = CITATION.read_text(encoding="utf-8")
    text = re.sub(
        r'(^title: ".+), version [^,]+, data edition [^"]+"$',
        rf'\1, version {version}, data edition {edition}"',
        text,
        flags=re.M,
    )
    text = re.sub(r'^(  )?version: ".+"$', rf'\1version: "{version}"', text, flags=re.M)
    text = re.sub(r'^(  )?date-released: ".+"$', rf'\1date-released: "{date}"', text, flags=re.M)
    text = re.sub(r"Data edition [0-9.]+\.$", f"Data edition {edition}.", text, flags=re.M)
    text = re.sub(r'^  notes: ".+"$', f"  notes: {json.dumps(note)}", text, flags=re.M)
    CITATION.write_text(text, encoding="utf-8")


def _regenerate() -> None:
    subprocess.run([sys.executable, str(ROOT / "tools" / "regenerate.py")], check=True)


def _from_a_fresh_interpreter() -> tuple[str, str]:
    """The packaged edition's digest and the note its citation carries, as a new
    interpreter reads them from the regenerated files."""
    code = (
        "import json, icat_data; "
        "item, = json.loads(icat_data.cite(style='csl-json')); "
        "print(json.dumps([icat_data.manifest().digest, item['note']]))"
    )
    source = str(ROOT / "src")
    found = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {source!r}); {code}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    digest, note = json.loads(found)
    return str(digest), str(note)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    making = commands.add_parser("prepare", help="the release commit's changes")
    making.add_argument("version", help="the version to release, e.g. 0.5.0")
    making.add_argument("--note", required=True, help="the ledger's note on the release")
    making.add_argument(
        "--date", default=datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    )
    recording = commands.add_parser("record", help="the next commit's changes")
    recording.add_argument("next_version", help="main's next .dev version, e.g. 0.5.1.dev0")
    args = parser.parse_args()
    if args.command == "prepare":
        prepare(args.version, args.note, args.date)
    else:
        record(args.next_version)


if __name__ == "__main__":
    main()
