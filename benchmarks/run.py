"""Benchmarks for icat-data: startup, per-call cost and scaling, as ratios in one run.

    pip install -e ".[bench]" && python benchmarks/run.py [--rounds 30] [--pythons 3.11 3.12]

Every case is measured the same way: icat_data is built into a wheel and installed, with its
peers (attrs, pycountry), into a fresh virtual environment of each Python version found
(3.10 to 3.13 by default), so all of them run from compiled bytecode. Startup cases run in
fresh interpreters, interleaved round by round; peak RSS is read by ``/usr/bin/time`` (a
small launcher), so that no case's figure is floored by this script's own memory. Figures
are medians over the rounds, with the spread between the 25th and 75th percentiles.
Benchmarks report; they assert nothing. Figures of one run are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP = {
    "bare python": "pass",
    "import attrs": "import attrs",
    "pycountry lookup": "import pycountry; pycountry.countries.get(alpha_2='DE')",
    "icat_data first query": (
        "import icat_data; icat_data.chairs_for(2019); icat_data.is_member('UNODC')"
    ),
}
# GNU time (Debian's package "time") reads a case's peak RSS from a small launcher; without it
# the figures are floored by this script's own memory, and the run says so.
TIMER = "/usr/bin/time"
GOALS = {
    "extra time, icat_data / pycountry": 0.9,
    "extra time, icat_data / import attrs": 1.3,
    "peak RSS, icat_data / pycountry": 0.9,
}


def main() -> None:
    parser = argparse.ArgumentParser(description="icat-data benchmarks")
    parser.add_argument("--rounds", type=int, default=30, help="interleaved rounds per case")
    parser.add_argument("--pythons", nargs="*", help="minor versions (default: 3.10-3.13 found)")
    args = parser.parse_args()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores")
    if not os.path.exists(TIMER):
        print(f"no {TIMER}: peak RSS is floored by this script's own (install GNU time)")
    with tempfile.TemporaryDirectory() as scratch:
        wheel = _wheel(Path(scratch))
        print(f"{wheel.name}, rounds {args.rounds}, medians [25th-75th percentile]\n")
        for version in args.pythons or ["3.10", "3.11", "3.12", "3.13"]:
            interpreter = _interpreter(version)
            if interpreter is None:
                print(f"Python {version}: not on this machine, skipped\n")
                continue
            python = _environment(Path(scratch) / version, interpreter, wheel)
            print(f"Python {version} ({interpreter})")
            startup(python, args.rounds)
            per_call(python, args.rounds)


def _wheel(scratch: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "-w",
            str(scratch),
            str(ROOT),
        ],
        check=True,
    )
    return next(scratch.glob("icat_data-*.whl"))


def _interpreter(version: str) -> str | None:
    found = sorted(Path.home().glob(f".pyenv/versions/{version}.*/bin/python"))
    return str(found[-1]) if found else shutil.which(f"python{version}")


def _environment(where: Path, interpreter: str, wheel: Path) -> str:
    subprocess.run([interpreter, "-m", "venv", str(where)], check=True)
    python = str(where / "bin" / "python")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", f"{wheel}[bench]"],
        check=True,
        env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
    )
    return python


def _spread(values: list[float], scale: float = 1.0, digits: int = 1) -> str:
    quartiles = statistics.quantiles(values, n=4)
    return (
        f"{statistics.median(values) * scale:.{digits}f} "
        f"[{quartiles[0] * scale:.{digits}f}-{quartiles[2] * scale:.{digits}f}]"
    )


def startup(python: str, rounds: int) -> None:
    times: dict[str, list[float]] = {name: [] for name in STARTUP}
    memory: dict[str, list[float]] = {name: [] for name in STARTUP}
    for _ in range(rounds):
        for name, code in STARTUP.items():
            elapsed, peak = _run_fresh(python, code)
            times[name].append(elapsed)
            memory[name].append(peak)
    bare = statistics.median(times["bare python"])
    print("  startup: time in ms, extra over bare python in ms, peak RSS in MiB")
    for name in STARTUP:
        extra = [t - bare for t in times[name]]
        print(
            f"    {name:24s} {_spread(times[name], 1000):>18s}  extra {_spread(extra, 1000):>18s}"
            f"  RSS {_spread(memory[name], 1 / 1024):>16s}"
        )
    ours = [t - bare for t in times["icat_data first query"]]
    ratios = {
        "extra time, icat_data / pycountry": (
            ours,
            statistics.median(times["pycountry lookup"]) - bare,
        ),
        "extra time, icat_data / import attrs": (
            ours,
            statistics.median(times["import attrs"]) - bare,
        ),
        "peak RSS, icat_data / pycountry": (
            memory["icat_data first query"],
            statistics.median(memory["pycountry lookup"]),
        ),
    }
    for label, (values, peer) in ratios.items():
        shown = _spread([v / peer for v in values], digits=2)
        print(f"    ratio {label:38s} {shown:>18s}  (goal <= {GOALS[label]:g})")


def _run_fresh(python: str, code: str) -> tuple[float, int]:
    """Seconds and peak RSS (KiB) of one fresh interpreter running ``code``."""
    if not os.path.exists(TIMER):  # a child forked from this script starts with its memory
        start = time.perf_counter()
        process = subprocess.Popen([python, "-c", code])
        _, status, usage = os.wait4(process.pid, 0)
        if status != 0:
            sys.exit(f"benchmark case failed: {code}")
        return time.perf_counter() - start, usage.ru_maxrss
    with tempfile.NamedTemporaryFile("r") as report:
        start = time.perf_counter()
        subprocess.run([TIMER, "-f", "%M", "-o", report.name, python, "-c", code], check=True)
        elapsed = time.perf_counter() - start
        peak = int(report.read().split()[-1])
    return elapsed, peak


def per_call(python: str, rounds: int) -> None:
    done = subprocess.run(
        [python, str(ROOT / "benchmarks" / "cases.py"), str(max(rounds // 3, 5))],
        check=True,
        capture_output=True,
        text=True,
        cwd=tempfile.gettempdir(),  # the installed package, not the source tree
    )
    results = json.loads(done.stdout)
    print("  per call: ns, and ratio to a plain dict lookup or set test in the same round")
    for name, case in results["per_call"].items():
        print(
            f"    {name:38s} {_spread(case['ns'], digits=0):>14s} ns"
            f"  ratio {_spread(case['ratio'], digits=1):>16s}  (goal <= {case['goal']:g})"
        )
    print("  scaling: synthetic copies of the real organizations (microseconds per call)")
    headers = ("organizations", "members cold", "members warm", "is_member on=", "lookup")
    print("    " + " ".join(f"{h:>14s}" for h in headers))
    for row in results["scaling"]:
        print("    " + f"{int(row[0]):14d} " + " ".join(f"{c:14.2f}" for c in row[1:]))
    print()


if __name__ == "__main__":
    main()
