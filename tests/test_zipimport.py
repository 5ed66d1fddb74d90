"""The data reads from a zip file, as in frozen apps and zipapps (no plain file paths)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import icat_data


def test_package_imported_from_a_zip_reads_its_data(tmp_path: Path) -> None:
    package = Path(icat_data.__file__).parent
    archive = tmp_path / "bundle.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                bundle.write(path, Path("icat_data") / path.relative_to(package))
    script = (
        f"import sys; sys.path.insert(0, {str(archive)!r}); "
        "import icat_data; "
        "assert '.zip' in icat_data.__file__, icat_data.__file__; "
        "print([o.acronym for o in icat_data.chairs_for(2019)], len(icat_data.organizations()))"
    )
    completed = subprocess.run(
        [sys.executable, "-I", "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    expected = f"['OSCE', 'UN Women'] {len(icat_data.organizations())}"
    assert completed.stdout.strip() == expected
