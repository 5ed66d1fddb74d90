"""Benchmarks for icat-data: startup, per-call cost and scaling, as ratios in one run.

    pip install -e ".[bench]" && python benchmarks/run.py

Benchmarks report; they assert nothing. Figures of one run are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
import timeit
from collections.abc import Callable

import attrs

import icat_data
from icat_data import _load
from icat_data._dataset import Dataset

STARTUP = {
    "bare python": "pass",
    "import attrs": "import attrs",
    "pycountry lookup": "import pycountry; pycountry.countries.get(alpha_2='DE')",
    "icat_data first query": (
        "import icat_data; icat_data.chairs_for(2019); icat_data.is_member('UNODC')"
    ),
}


def main() -> None:
    parser = argparse.ArgumentParser(description="icat-data benchmarks")
    parser.add_argument("--runs", type=int, default=30, help="fresh interpreters per case")
    args = parser.parse_args()
    python = platform.python_version()
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {python}")
    print(f"icat-data {icat_data.__version__}, data {icat_data.DATA_VERSION}\n")
    startup(args.runs)
    per_call()
    scaling()


def startup(runs: int) -> None:
    print(f"startup: median of {runs} fresh interpreters; extra = time over bare python")
    times: dict[str, float] = {}
    memory: dict[str, float] = {}
    for name, code in STARTUP.items():
        samples = [_run_fresh(code) for _ in range(runs)]
        times[name] = statistics.median(s[0] for s in samples)
        memory[name] = statistics.median(s[1] for s in samples)
    bare = times["bare python"]
    for name in STARTUP:
        extra = (times[name] - bare) * 1000
        print(
            f"  {name:24s} {times[name] * 1000:7.1f} ms  extra {extra:6.1f} ms"
            f"  peak RSS {memory[name] / 1024:6.1f} MiB"
        )
    ours, peer = times["icat_data first query"], times["pycountry lookup"]
    ratios = [
        ("extra time, icat_data / pycountry", (ours - bare) / (peer - bare), 1.0),
        ("total time, icat_data / import attrs", ours / times["import attrs"], 1.25),
        (
            "peak RSS, icat_data / pycountry",
            memory["icat_data first query"] / memory["pycountry lookup"],
            1.0,
        ),
    ]
    for label, ratio, goal in ratios:
        print(f"  ratio {label:38s} {ratio:5.2f}  (goal <= {goal:g})")
    print()


def _run_fresh(code: str) -> tuple[float, int]:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code])
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"benchmark case failed: {code}")
    return elapsed, usage.ru_maxrss  # KiB on Linux


def _best(call: Callable[[], object], number: int = 20_000) -> float:
    return min(timeit.repeat(call, number=number, repeat=7)) / number


def per_call() -> None:
    icat_data.chairs_for(2019)  # load once, outside the timings
    table = {2019: ("osce", "un-women")}
    names = frozenset({"UNODC"})

    def dict_lookup() -> object:
        return table[2019]

    def set_test() -> bool:
        return "UNODC" in names

    baseline = {"dict": _best(dict_lookup), "set": _best(set_test)}
    cases: list[tuple[str, Callable[[], object], str, float]] = [
        ("chairs_for(2019)", lambda: icat_data.chairs_for(2019), "dict", 3),
        ("is_member('UNODC')", lambda: icat_data.is_member("UNODC"), "set", 3),
        (
            "get_organization('un-women')",
            lambda: icat_data.get_organization("un-women"),
            "dict",
            5,
        ),
        ("is_member('UNODC', on=2019)", lambda: icat_data.is_member("UNODC", on=2019), "set", 10),
        ("members(on=2019)", lambda: icat_data.members(on=2019), "dict", 30),
    ]
    print("per call: best of 7 x 20,000 calls; ratio to a plain dict lookup or set test")
    print(f"  {'plain dict lookup':32s} {baseline['dict'] * 1e9:8.0f} ns")
    print(f"  {'plain frozenset test':32s} {baseline['set'] * 1e9:8.0f} ns")
    for name, call, base, goal in cases:
        cost = _best(call)
        ratio = cost / baseline[base]
        print(f"  {name:32s} {cost * 1e9:8.0f} ns  ratio {ratio:6.1f}  (goal <= {goal:g})")
    print()


def scaling() -> None:
    real = _load.dataset()
    print("scaling: synthetic data of copies of the real organizations (microseconds per call)")
    headers = ("organizations", "members cold", "members warm", "is_member on=", "lookup")
    print("  " + " ".join(f"{h:>14s}" for h in headers))
    try:
        for factor in (1, 10, 100):
            data = _synthetic(real, factor)
            _load.loaded = data
            last = data.organizations[-1].acronym

            def cold(data: Dataset = data) -> object:
                data._held.clear()  # time the scan itself, not the memo
                return icat_data.members(on=2019)

            def member(name: str = last) -> object:
                return icat_data.is_member(name, on=2019)

            def lookup(name: str = last) -> object:
                return icat_data.get_organization(name)

            costs = [
                _best(cold, number=100),
                _best(lambda: icat_data.members(on=2019), number=2_000),
                _best(member, number=2_000),
                _best(lookup, number=2_000),
            ]
            cells = [f"{len(data.organizations):14d}", *(f"{c * 1e6:14.2f}" for c in costs)]
            print("  " + " ".join(cells))
    finally:
        _load.loaded = real
    print()


def _synthetic(real: Dataset, factor: int) -> Dataset:
    copies = tuple(
        attrs.evolve(
            org,
            id=f"{org.id}-{n}",
            acronym=f"{org.acronym} {n}",
            name=f"{org.name} {n}",
            former_names=(),
            aliases=(),
        )
        for n in range(1, factor)
        for org in real.organizations
    )
    return Dataset.build(
        sources=real.sources,
        organizations=real.organizations + copies,
        chair_terms=real.chair_terms,
        briefs=real.briefs,
        events=real.events,
        as_of=real.coverage.as_of,
        known_gaps=(),
        reported_counts=(),
        disagreements=(),
        manifest=real.manifest,
    )


if __name__ == "__main__":
    main()
