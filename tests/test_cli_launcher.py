"""Ctrl-C while the command imports the package is answered as Ctrl-C is once it runs: a
newline on stderr and exit 130, never a traceback (issue 18 §5)."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
import textwrap

import pytest
from test_cli import run

# A real SIGINT, sent by the process to itself as the import system looks for ``module``:
# the moment a Ctrl-C pressed while the package loads reaches it, without timing.
SCRIPT = textwrap.dedent(
    """
    import os, signal, sys

    module = sys.argv[1]

    class Interrupt:
        def find_spec(self, name, path=None, target=None):
            if name == module:
                sys.meta_path.remove(self)
                os.kill(os.getpid(), signal.SIGINT)
            return None

    sys.meta_path.insert(0, Interrupt())
    sys.argv[1:] = ["chairs"]
    import icat_data_launcher
    sys.exit(icat_data_launcher.main())
    """
)

MODULES = [
    "icat_data",
    "icat_data._version",
    "icat_data._models",
    "icat_data._query",
    "icat_data._cli",
    "attrs",
    "attr._make",
]


@pytest.mark.skipif(os.name != "posix", reason="a process signals itself with os.kill")
@pytest.mark.parametrize("module", MODULES)
def test_ctrl_c_while_the_package_imports_is_a_newline_and_130(module: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, module],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (130, "", "\n")


def test_the_launcher_loads_nothing_of_the_package_before_its_guard() -> None:
    script = "import sys, icat_data_launcher; print(sorted(m for m in sys.modules if 'icat' in m))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout == "['icat_data_launcher']\n"


def test_the_command_is_the_launcher_and_answers_as_before() -> None:
    (script,) = importlib.metadata.entry_points(group="console_scripts", name="icat-data")
    assert script.value == "icat_data_launcher:main"
    result = run("chairs", "2019", "--json")
    assert (result.returncode, result.stderr) == (0, "")
    assert '"OSCE"' in result.stdout
