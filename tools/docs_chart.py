"""Draw ICAT over time from the packaged data: who was in it, who chaired, how many.

It runs as an mkdocs hook on every docs build, which serves a chart drawn then (so the site's
picture can never drift from the data) and writes nothing into the docs folder. The copy
committed for the README, ``docs/assets/icat-over-time.png``, is redrawn by
``python tools/regenerate.py`` (or ``python tools/docs_chart.py OUT.png``); it names the
edition and digest it was drawn from, and this file's hash, in its PNG metadata, and a test
holds it to both.
It draws what the data knows and marks what it does not:

- one row per organization, one bar per membership interval, solid where the start is a
  known join date and hatched where it is only the earliest date a source attests the role
  (the real start is earlier or unknown); an open end runs to the data's as-of date;
- a star on an organization's row in each year it chaired or co-chaired ICAT; years no
  source names a chair for are shaded;
- below, the members and partners the data records on each day, against the totals sources
  reported (a bar across the period a count's date covers).

Coordinator and working-group roles are not drawn: they say how ICAT works, not who is in it.
"""

from __future__ import annotations

import datetime
import io
import struct
import sys
from pathlib import Path
from typing import Any

CHART = Path("assets") / "icat-over-time.png"
ROLES = {"member": "#1f77b4", "partner": "#ff7f0e"}
#: The PNG text key that names the data a chart was drawn from.
STAMP_KEY = "Source"


def on_files(files: Any, config: Any) -> Any:
    """mkdocs hook: the site serves a chart drawn now, in place of the committed copy."""
    from mkdocs.structure.files import File

    committed = files.get_file_from_path(CHART.as_posix())
    if committed is not None:
        files.remove(committed)
    files.append(File.generated(config, CHART.as_posix(), content=draw()))
    return files


def stamp() -> str:
    """What a chart says it was drawn from: the data's edition and digest, and this code."""
    import hashlib

    import icat_data

    code = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
    return (
        f"icat-data data edition {icat_data.DATA_VERSION}, "
        f"digest {icat_data.manifest().digest}, drawn by docs_chart.py {code}"
    )


def stamp_of(png: bytes) -> str | None:
    """The stamp a PNG carries (see `stamp()`), or None."""
    at = 8  # after the signature: chunks of length, type, data and CRC
    while at + 8 <= len(png):
        length, kind = struct.unpack(">I4s", png[at : at + 8])
        if kind == b"tEXt":
            key, _, text = png[at + 8 : at + 8 + length].partition(b"\0")
            if key.decode("latin-1") == STAMP_KEY:
                return text.decode("latin-1")
        at += 12 + length
    return None


def _year(day: datetime.date) -> float:
    """``day`` as a fractional year, for a time axis."""
    start = datetime.date(day.year, 1, 1)
    length = (datetime.date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / length


def _bar_style(role: str, attested_only: bool) -> dict[str, Any]:
    """How a role's bar looks, in the chart and its legend alike: hatched where its start is
    only the earliest date a source attests it."""
    return {
        "facecolor": "white" if attested_only else ROLES[role],
        "edgecolor": ROLES[role],
        "hatch": "///" if attested_only else None,
    }


def draw() -> bytes:
    """The chart of the packaged data, as PNG bytes stamped with what it was drawn from."""
    from matplotlib import pyplot

    chart = figure()
    png = io.BytesIO()
    chart.savefig(png, format="png", dpi=90, bbox_inches="tight", metadata={STAMP_KEY: stamp()})
    pyplot.close(chart)
    return png.getvalue()


def figure() -> Any:
    """The chart of the packaged data, as a matplotlib figure (close it when done)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    import icat_data

    coverage = icat_data.coverage()
    end_of_data = _year(coverage.as_of)
    rows = sorted(
        (o for o in icat_data.organizations() if any(m.role in ROLES for m in o.memberships)),
        key=lambda o: (min(m.start for m in o.memberships if m.role in ROLES), o.acronym),
    )
    chart, (timeline, counts) = pyplot.subplots(
        2, 1, figsize=(13, 12), height_ratios=(3, 1), sharex=True, constrained_layout=True
    )
    first_year = min(m.start.year for o in rows for m in o.memberships)
    chaired = set(coverage.chair_years)
    for year in range(first_year, coverage.as_of.year + 1):
        if year not in chaired:
            timeline.axvspan(year, year + 1, color="0.93", zorder=0)
    for row, organization in enumerate(rows):
        for membership in organization.memberships:
            if membership.role not in ROLES:
                continue
            start = _year(membership.start.first_day)
            end = end_of_data
            if membership.end is not None:
                # A day-precision end is the first day without the role; a coarser one keeps
                # its whole period inside (as the API's intervals do).
                last = (
                    membership.end.first_day
                    if membership.end.precision == "day"
                    else (membership.end.last_day + datetime.timedelta(days=1))
                )
                end = _year(last)
            timeline.barh(
                row,
                end - start,
                left=start,
                height=0.6,
                **_bar_style(membership.role, membership.start_attested_only),
            )
    for term in icat_data.chair_terms():
        for chair in term.chairs:
            row = next(i for i, o in enumerate(rows) if o.id == chair)
            timeline.scatter(term.year + 0.5, row, marker="*", s=160, color="black", zorder=3)
    timeline.set_yticks(range(len(rows)), [o.acronym for o in rows], fontsize=8)
    timeline.invert_yaxis()
    timeline.axvline(end_of_data, color="0.4", linestyle=":")
    timeline.set_ylabel("organization (ordered by first recorded role)")
    timeline.set_title(f"ICAT over time, data edition {icat_data.DATA_VERSION}")
    drawn = sorted(
        {(m.role, m.start_attested_only) for o in rows for m in o.memberships if m.role in ROLES},
        key=lambda kind: (list(ROLES).index(kind[0]), kind[1]),
    )
    timeline.legend(
        handles=[
            *(
                Patch(
                    **_bar_style(role, attested),
                    label=f"{role}, from the earliest date a source attests (start unknown)"
                    if attested
                    else f"{role}, from a known start",
                )
                for role, attested in drawn
            ),
            Patch(color="0.93", label="year with no recorded chair"),
            Line2D([], [], marker="*", color="black", linestyle="", label="chair that year"),
        ],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        fontsize=8,
    )

    days = [coverage.as_of]
    day = datetime.date(first_year, 1, 1)
    while day < coverage.as_of:
        days.append(day)
        day += datetime.timedelta(days=14)
    days.sort()
    recorded = [len(icat_data.members(d)) + len(icat_data.partners(d)) for d in days]
    counts.step([_year(d) for d in days], recorded, where="post", label="recorded in the data")
    for count in coverage.reported_counts:
        total = count.total
        if total is None and count.members is not None:
            total = count.members + (count.partners or 0)
        if total is None:
            continue
        start, end = _year(count.date.first_day), _year(count.date.last_day)
        counts.plot([start, end + 1 / 365], [total, total], color="black", linewidth=3)
    counts.plot([], [], color="black", linewidth=3, label="total a source reported (its period)")
    counts.set_ylabel("members and partners")
    counts.set_xlabel("year")
    counts.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8)
    counts.grid(alpha=0.3)
    chart.text(
        0.01,
        -0.02,
        "Recorded counts are a floor: memberships are known from lists of 2019 and earlier and "
        "from sources naming later joins, and no departure after 2019 is recorded.\n"
        "Where a source reports more organizations than the data holds, the data is missing "
        "members (see coverage().gaps); the 2019 jump is when lists were first read, not joins. "
        "Coordinator and working-group roles are not drawn.",
        fontsize=8,
        va="top",
    )
    return chart


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tools/docs_chart.py OUT.png")
    Path(sys.argv[1]).write_bytes(draw())
