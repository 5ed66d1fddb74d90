"""Per-call and scaling cases, run by ``run.py`` inside a fresh environment of one Python.

Prints one JSON object: for each per-call case, its cost and its ratio to a plain dict lookup
or set test, per round (``run.py`` takes medians and spreads); and the scaling table.
"""

from __future__ import annotations

import json
import sys
import timeit
from collections.abc import Callable

import attrs

import icat_data
from icat_data import _load
from icat_data._dataset import Dataset

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 30


def _cost(call: Callable[[], object], number: int) -> float:
    return min(timeit.repeat(call, number=number, repeat=3)) / number


def per_call() -> dict[str, dict[str, object]]:
    icat_data.chairs_for(2019)  # load once, outside the timings
    table = {2019: ("osce", "un-women")}
    names = frozenset({"UNODC"})

    def dict_lookup() -> object:
        return table[2019]

    def set_test() -> bool:
        return "UNODC" in names

    baselines = {"dict": dict_lookup, "set": set_test}
    cases: list[tuple[str, Callable[[], object], str, float]] = [
        ("chairs_for(2019)", lambda: icat_data.chairs_for(2019), "dict", 3),
        ("is_member('UNODC')", lambda: icat_data.is_member("UNODC"), "set", 3),
        (
            "get_organization('un-women')",
            lambda: icat_data.get_organization("un-women"),
            "dict",
            4,
        ),
        (
            "get_organization('UN-WOMEN'), folded",
            lambda: icat_data.get_organization("UN-WOMEN"),
            "dict",
            4,
        ),
        ("is_member('UNODC', on=2019)", lambda: icat_data.is_member("UNODC", on=2019), "set", 6),
        ("members(on=2019)", lambda: icat_data.members(on=2019), "dict", 15),
    ]
    ns: dict[str, list[float]] = {name: [] for name, *_ in cases}
    ratio: dict[str, list[float]] = {name: [] for name, *_ in cases}
    for _ in range(ROUNDS):  # each case timed right beside its baseline, round after round
        for name, call, base, _ in cases:
            baseline = _cost(baselines[base], 20_000)
            cost = _cost(call, 20_000)
            ns[name].append(cost * 1e9)
            ratio[name].append(cost / baseline)
    return {
        name: {"baseline": base, "goal": goal, "ns": ns[name], "ratio": ratio[name]}
        for name, _, base, goal in cases
    }


def scaling() -> list[list[float]]:
    real = _load.dataset()
    rows = []
    try:
        for factor in (1, 10, 100):
            data = _synthetic(real, factor)
            _load.loaded = data
            last = data.organizations[-1].acronym

            def cold(data: Dataset = data) -> object:
                data._held.clear()  # time the scan itself, not the memos
                data.members_on.clear()
                return icat_data.members(on=2019)

            rows.append(
                [
                    len(data.organizations),
                    *(
                        _cost(call, number) * 1e6
                        for call, number in (
                            (cold, 100),
                            (lambda: icat_data.members(on=2019), 2_000),
                            (lambda name=last: icat_data.is_member(name, on=2019), 2_000),
                            (lambda name=last: icat_data.get_organization(name), 2_000),
                        )
                    ),
                ]
            )
    finally:
        _load.loaded = real
    return rows


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
    print(json.dumps({"per_call": per_call(), "scaling": scaling()}))
