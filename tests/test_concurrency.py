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
