"""Archive every released data edition the package does not ship as its own data.

    python tools/editions.py          # write any missing archive, from git history
    python tools/editions.py --check  # exit 1 if one is missing or differs from the ledger

Each release in the ledger (``src/icat_data/data/releases.json``) names its data edition, the
digest of its reviewed JSON and the commit that holds it. The packaged edition is served from
the packaged files; every other released edition ships as ``data/editions/<edition>.json.gz``,
written here from ``git show <commit>:src/icat_data/data/<file>`` for each data file that
commit's ``manifest.json`` lists, and refused unless those files have the ledger's digest.
Run by the release procedure (CONTRIBUTING.md) once main's data has moved on from a released
edition; then run ``tools/regenerate.py``, which lists the archive in ``SHA256SUMS``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "icat_data" / "data"

try:
    import icat_data  # noqa: F401  (an installed or editable copy)
except ImportError:  # a bare checkout
    sys.path.insert(0, str(ROOT / "src"))

from icat_data import DATA_VERSION  # noqa: E402
from icat_data._editions import (  # noqa: E402
    LEDGER_FILE,
    archive_name,
    files_digest,
    pack,
    read_ledger,
    unpack,
)


def main(argv: list[str] | None = None) -> int:
    check = (sys.argv[1:] if argv is None else argv) == ["--check"]
    problems = []
    for data_version, (digest, commit) in _archived().items():
        path = DATA / archive_name(data_version)
        if path.exists():
            found = files_digest(unpack(path.read_bytes(), path.name))
            if found != digest:
                problems.append(f"{path.name}: digest {found}, the ledger's is {digest}")
            continue
        if check:
            problems.append(f"{path.name}: missing (python tools/editions.py writes it)")
            continue
        if commit is None:
            problems.append(f"edition {data_version}: the ledger names no commit to read")
            continue
        files = _files_at(commit)
        found = files_digest(files)
        if found != digest:
            problems.append(f"edition {data_version} at {commit}: digest {found}, not {digest}")
            continue
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(pack(files))
        print(f"wrote {path.relative_to(ROOT)} from {commit[:10]}")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _archived() -> dict[str, tuple[str, str | None]]:
    """Each released edition but the packaged one: its digest and the commit that holds it."""
    found: dict[str, tuple[str, str | None]] = {}
    # The ledger as it is on disk: this runs before tools/regenerate.py lists it anew.
    for release in read_ledger((DATA / LEDGER_FILE).read_bytes()):
        if release.data_version != DATA_VERSION:  # the last release of an edition made it final
            found[release.data_version] = (release.digest, release.commit)
    return found


def _files_at(commit: str) -> dict[str, bytes]:
    manifest = json.loads(_git_show(commit, "manifest.json"))
    return {name: _git_show(commit, name) for name in manifest["files"]}


def _git_show(commit: str, name: str) -> bytes:
    return subprocess.run(
        ["git", "show", f"{commit}:src/icat_data/data/{name}"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout


if __name__ == "__main__":
    sys.exit(main())
