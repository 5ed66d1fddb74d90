"""Build the sdist and wheel, check what the wheel holds, install it fresh and smoke-test it.

Run from the repository root (CI does)::

    python tools/check_package.py

It fails (exit 1) unless the wheel holds ``py.typed``, every packaged data file and its
schema, the ``icat-data`` command's launcher module, and no tests; and unless the wheel,
installed into a new virtual environment, answers from a directory outside the source tree,
through the API and the ``icat-data`` command.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "icat_data" / "data"

SMOKE = """
import icat_data, pathlib, sys
assert "site-packages" in icat_data.__file__, icat_data.__file__
assert [o.acronym for o in icat_data.chairs_for(2019)] == ["OSCE", "UN Women"]
assert icat_data.is_member("DPKO", on="2019-06-30")
assert icat_data.manifest().data_version == icat_data.DATA_VERSION
assert icat_data.verify() and icat_data.edition("0.2.0").chairs_for(2019)
print("smoke test passed:", icat_data.__version__, icat_data.DATA_VERSION)
"""


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        run([sys.executable, "-m", "build", "--outdir", str(out / "dist"), str(ROOT)])
        wheel = next((out / "dist").glob("*.whl"))
        sdist = next((out / "dist").glob("*.tar.gz"))
        print(f"built {wheel.name} and {sdist.name}")
        problems = check_wheel(wheel)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 1
        venv.create(out / "venv", with_pip=True)
        python = out / "venv" / "bin" / "python"
        run([str(python), "-m", "pip", "install", "--quiet", str(wheel)])
        elsewhere = out / "elsewhere"
        elsewhere.mkdir()
        run([str(python), "-I", "-c", SMOKE], cwd=elsewhere)
        command = out / "venv" / "bin" / "icat-data"
        chairs = run([str(command), "chairs", "2019", "--json"], cwd=elsewhere)
        if [row["chairs"] for row in json.loads(chairs)] != [["OSCE", "UN Women"]]:
            print(f"icat-data chairs 2019 answered {chairs!r}", file=sys.stderr)
            return 1
    print("package check passed")
    return 0


def check_wheel(wheel: Path) -> list[str]:
    """What is wrong with the wheel's contents, one line each (empty when nothing is)."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = next(
            archive.read(n).decode() for n in names if n.endswith(".dist-info/METADATA")
        )
    # The launcher sits beside the package, so that it runs before the package imports.
    expected = {"icat_data/py.typed", "icat_data/data/records.pickle", "icat_data_launcher.py"} | {
        f"icat_data/data/{path.relative_to(DATA).as_posix()}"
        for pattern in ("*.json", "SHA256SUMS", "editions/*.json.gz")
        for path in DATA.glob(pattern)
    }
    problems = [f"wheel lacks {name}" for name in sorted(expected - names)]
    problems += [f"wheel holds test file {n}" for n in sorted(names) if n.startswith("tests/")]
    # The wheel ships MIT code and CC BY 4.0 data; PEP 639 deprecates licence classifiers.
    if "License-Expression: MIT AND CC-BY-4.0\n" not in metadata:
        problems.append("wheel metadata lacks License-Expression: MIT AND CC-BY-4.0")
    problems += [
        f"wheel metadata keeps a licence classifier: {line}"
        for line in metadata.splitlines()
        if line.startswith("Classifier: License ::")
    ]
    return problems


def run(command: list[str], cwd: Path | None = None) -> str:
    completed = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{completed.stdout}\n{completed.stderr}")
    return completed.stdout


if __name__ == "__main__":
    sys.exit(main())
