"""Many threads, and forked processes, get the same answers as one: a cold first use loads
once, and the memos that answer repeated questions stay right while threads fill and clear them."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from typing import TypeAlias

import pytest

import icat_data
from icat_data import _dataset

#: A question the memo test asks: the query, a name and a year.
Question: TypeAlias = tuple[str, str, int | None]


def test_cold_start_from_32_threads() -> None:
    script = textwrap.dedent(
        """
        import json, threading
        import icat_data
        from icat_data import _load

        barrier = threading.Barrier(32)
        results, errors = [], []

        def work():
            barrier.wait()
            try:
                results.append((
                    [o.id for o in icat_data.chairs_for(2019)],
                    len(icat_data.members(on=2019)),
                    icat_data.is_member("DPKO", on="2019-06-30"),
                    id(_load.dataset()),
                ))
            except Exception as error:
                errors.append(repr(error))

        threads = [threading.Thread(target=work) for _ in range(32)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(json.dumps({"results": results, "errors": errors}))
        """
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    report = json.loads(completed.stdout)
    assert report["errors"] == []
    assert len(report["results"]) == 32
    first = report["results"][0]
    assert first[:3] == [["osce", "un-women"], 23, True]
    assert all(result == first for result in report["results"])  # one dataset object too


def test_a_fork_while_another_thread_loads_leaves_the_child_able_to_load() -> None:
    # multiprocessing's "fork" start method does this when a pool starts while another thread
    # is on its first query: the child inherits the load lock held, by a thread it lacks.
    script = textwrap.dedent(
        """
        import os, signal, threading, warnings
        import icat_data
        from icat_data import _load

        holding, release = threading.Event(), threading.Event()

        def loader():
            with _load._lock:  # as a first query does while it reads the data
                holding.set()
                release.wait()

        threading.Thread(target=loader).start()
        holding.wait()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # fork with threads, on 3.12+
            pid = os.fork()
        if pid == 0:
            signal.alarm(20)  # a deadlock ends the child instead of the test run
            os._exit(0 if icat_data.members(on=2019) else 3)
        release.set()
        _, status = os.waitpid(pid, 0)
        print(os.waitstatus_to_exitcode(status))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == "0", done.stderr


def test_threads_agree_while_the_query_memos_fill_and_clear(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Repeated questions are answered from memos that one query writes and others read; each
    # is bounded, and cleared whole when full. With room for 16 answers, 16 threads asking
    # about every year and name clear them while other threads read them: every answer must
    # still be the one a single thread gets, and no thread may fail.
    monkeypatch.setattr(_dataset, "_MEMO_LIMIT", 16)
    names = [name for o in icat_data.organizations() for name in (o.acronym, o.id.upper())]
    years: list[int | None] = [None, *range(2006, 2027)]

    def ask(rounds: int) -> Iterator[tuple[Question, object]]:
        for year in years * rounds:
            yield ("members", "", year), [o.id for o in icat_data.members(on=year)]
            yield ("partners", "", year), [o.id for o in icat_data.partners(on=year)]
            for name in names:
                yield ("is_member", name, year), icat_data.is_member(name, on=year)
                yield ("get_organization", name, year), icat_data.get_organization(name).id

    expected = dict(ask(1))
    wrong: list[tuple[Question, object]] = []
    errors: list[str] = []
    start = threading.Barrier(16)

    def work() -> None:
        start.wait()
        try:
            wrong.extend((asked, got) for asked, got in ask(3) if got != expected[asked])
        except Exception as error:
            errors.append(repr(error))

    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as CPython will
    try:
        threads = [threading.Thread(target=work) for _ in range(16)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch)
    assert errors == []
    assert wrong == []
