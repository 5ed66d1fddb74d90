"""A cold first use from many threads loads once and gives every thread the same answers."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


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
