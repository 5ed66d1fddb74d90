"""What CI tests the package on, derived from ``pyproject.toml`` so the two cannot drift.

    python tools/matrix.py pythons           # each Python minor version the metadata claims
    python tools/matrix.py lowest            # constraints pinning every floor CI proves
    python tools/matrix.py lowest --runtime  # only [project] dependencies' floors

``lowest`` pins ``[project] dependencies``, the ``pandas`` and ``arrow`` extras (what
``to_dataframe`` and ``to_arrow`` run on),
NumPy, whose version pandas' binary wheels must be paired with (its floor is in the ``test``
extra), and the two tools the data package is proven with (``frictionless``, ``duckdb``).
CI installs with those constraints on the oldest claimed Python, and with the
runtime floors on the newest, and runs the whole suite, so every ``>=`` is a tested fact.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PINNED_FROM_TEST = ("numpy", "frictionless", "duckdb")


def _pyproject() -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib

        return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    sys.exit("tools/matrix.py reads pyproject.toml with tomllib: run it on Python 3.11+")


def pythons(pyproject: dict[str, Any]) -> list[str]:
    """The minor versions named by the ``Programming Language :: Python :: 3.N`` classifiers."""
    found = [
        match[1]
        for classifier in pyproject["project"]["classifiers"]
        if (match := re.fullmatch(r"Programming Language :: Python :: (3\.\d+)", classifier))
    ]
    return sorted(found, key=lambda v: int(v.split(".")[1]))


def floors(pyproject: dict[str, Any], *, runtime_only: bool = False) -> dict[str, str]:
    """Each pinned requirement's name and the version its ``>=`` names."""
    project = pyproject["project"]
    extras = project["optional-dependencies"]
    requirements = list(project["dependencies"])
    if not runtime_only:
        requirements += extras["pandas"] + extras["arrow"]
        requirements += [r for r in extras["test"] if r.split(">=")[0] in PINNED_FROM_TEST]
    found = {}
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9][0-9A-Za-z.]*)(?:,.*)?", requirement)
        if match is None:
            sys.exit(f"{requirement!r} has no '>=' floor; every runtime dependency needs one")
        found[match[1]] = match[2]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("pythons", help="the Python versions the metadata claims")
    lowest = commands.add_parser("lowest", help="constraints pinning the declared floors")
    lowest.add_argument("--runtime", action="store_true", help="only [project] dependencies")
    args = parser.parse_args()
    pyproject = _pyproject()
    if args.command == "pythons":
        print("\n".join(pythons(pyproject)))
    else:
        for name, version in floors(pyproject, runtime_only=args.runtime).items():
            print(f"{name}=={version}")


if __name__ == "__main__":
    main()
