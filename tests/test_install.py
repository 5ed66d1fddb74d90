"""Installs a pinned analysis relies on: missing dependencies fail at import, and clearly."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("module", "distribution"),
    [("attrs", "attrs"), ("cattrs", "cattrs"), ("dateutil", "python-dateutil")],
)
def test_a_missing_dependency_fails_at_import_naming_what_to_install(
    module: str, distribution: str
) -> None:
    # As after `pip install --no-deps icat-data`: the module cannot be found at all.
    script = textwrap.dedent(
        f"""
        import sys
        class Hide:
            def __init__(self, finder):
                self.finder = finder
            def find_spec(self, name, path=None, target=None):
                if name == {module!r} or name.startswith({module!r} + "."):
                    return None
                return self.finder.find_spec(name, path, target)
        sys.meta_path[:] = [Hide(finder) for finder in sys.meta_path]
        try:
            import icat_data
        except ImportError as error:
            print(type(error).__name__, error)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stderr == ""
    assert done.stdout.startswith(f"ImportError icat_data needs {distribution}, not installed")
    assert f"pip install {distribution}" in done.stdout


def test_every_runtime_dependency_is_checked_at_import() -> None:
    requires = importlib.metadata.requires("icat-data") or []
    names = {re.split(r"[<>=!~;\[ ]", r)[0] for r in requires if "extra ==" not in r}
    assert names
    init = (ROOT / "src" / "icat_data" / "__init__.py").read_text(encoding="utf-8")
    checked = re.search(r"_require\(\{(.*?)\}\)", init, re.S)
    assert checked
    assert set(re.findall(r'"[\w.]+": "([\w-]+)"', checked[1])) == names
