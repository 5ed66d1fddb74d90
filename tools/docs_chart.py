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
  reported (a bar across the period a count's date covers);
- under both, one legend, and a caption that says, from the data's own dates, why the count
  dips where members end before the organization they merged into is recorded as one.

It is drawn for the docs' text column (`PAGE_WIDTH`): shown there, every text is about 11
pixels high.

Coordinator and working-group roles are not drawn: they say how ICAT works, not who is in it.
"""

from __future__ import annotations

import datetime
import io
import struct
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from icat_data import PartialDate

CHART = Path("assets") / "icat-over-time.png"
ROLES = {"member": "#1f77b4", "partner": "#ff7f0e"}
LINE = "#1f77b4"  # the recorded count, in the line and its legend entry
#: The width the docs show the chart at (the README's and the site's text column), in pixels,
#: and the size the chart is drawn for it: every text at least `FONT` points, and the PNG
#: `DPI` dots per inch, twice what that width needs, for sharp text on high-density screens.
PAGE_WIDTH = 680
WIDTH = 7.6  # inches
DPI = 180
FONT = 9  # points; shown at PAGE_WIDTH this is about 11 pixels
CAPTION_WIDTH = 100  # characters a caption line holds at FONT across WIDTH
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


def _first_day_without(end: PartialDate) -> datetime.date:
    """The first day a role ending at ``end`` is no longer held: a day-precision end is that
    day; a coarser one keeps its whole period inside (as the API's intervals do)."""
    if end.precision == "day":
        return end.first_day
    return end.last_day + datetime.timedelta(days=1)


def _when(date: PartialDate) -> str:
    """``date`` as people write it, at its precision: "2011", "January 2011", "1 June 2011"."""
    if date.precision == "year":
        return str(date.year)
    day = date.first_day
    return f"{day:%B %Y}" if date.precision == "month" else f"{day.day} {day:%B %Y}"


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _dips() -> list[str]:
    """Why the member count dips: where members end before the organization they merged into
    is recorded as one, a sentence from the data's own dates."""
    import icat_data

    ended: dict[tuple[str, PartialDate], list[str]] = {}
    for organization in icat_data.organizations():
        for membership in organization.memberships:
            if (
                organization.successor
                and membership.role == "member"
                and membership.end is not None
            ):
                key = (organization.successor, membership.end)
                ended.setdefault(key, []).append(organization.acronym)
    sentences = []
    for (successor_id, end), acronyms in sorted(ended.items(), key=lambda item: item[0][1]):
        successor = icat_data.get_organization(successor_id)
        starts = [m for m in successor.memberships if m.role == "member"]
        if not starts:
            continue  # a fall, not a dip
        joined = min(starts, key=lambda m: m.start)
        if joined.start.first_day <= _first_day_without(end):
            continue  # the successor is a member by then
        ends, merged = (
            (f"{acronyms[0]}'s membership ends", "it")
            if len(acronyms) == 1
            else (f"the memberships of {_and(sorted(acronyms))} end", "they")
        )
        attested = ", the earliest date a source attests it" if joined.start_attested_only else ""
        sentences.append(
            f"The {_first_day_without(end).year} dip: {ends} in {_when(end)}, and "
            f"{successor.acronym}, into which {merged} merged, is recorded as a member only "
            f"from {_when(joined.start)}{attested}."
        )
    return sentences


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
    chart.savefig(png, format="png", dpi=DPI, bbox_inches="tight", metadata={STAMP_KEY: stamp()})
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
        2, 1, figsize=(WIDTH, 10), height_ratios=(3.3, 1), sharex=True, layout="constrained"
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
                end = _year(_first_day_without(membership.end))
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
            timeline.scatter(term.year + 0.5, row, marker="*", s=60, color="black", zorder=3)
    # A long name goes on two lines, so that it does not take the bars' width.
    labels = [textwrap.fill(o.acronym, 22) for o in rows]
    timeline.set_yticks(range(len(rows)), labels, fontsize=FONT, linespacing=0.9)
    timeline.set_ylim(len(rows) - 0.4, -0.6)
    timeline.axvline(end_of_data, color="0.4", linestyle=":")
    timeline.set_ylabel("organization (ordered by first recorded role)", fontsize=FONT)
    timeline.set_title(f"ICAT over time, data edition {icat_data.DATA_VERSION}", fontsize=11)

    days = [coverage.as_of]
    day = datetime.date(first_year, 1, 1)
    while day < coverage.as_of:
        days.append(day)
        day += datetime.timedelta(days=14)
    days.sort()
    recorded = [len(icat_data.members(d)) + len(icat_data.partners(d)) for d in days]
    counts.step([_year(d) for d in days], recorded, where="post", color=LINE)
    for count in coverage.reported_counts:
        total = count.total
        if total is None and count.members is not None:
            total = count.members + (count.partners or 0)
        if total is None:
            continue
        start, end = _year(count.date.first_day), _year(count.date.last_day)
        counts.plot([start, end + 1 / 365], [total, total], color="black", linewidth=3)
    counts.set_ylabel("members and partners", fontsize=FONT)
    counts.set_xlabel("year", fontsize=FONT)
    counts.grid(alpha=0.3)
    for axes in (timeline, counts):
        axes.tick_params(labelsize=FONT)

    drawn = sorted(
        {(m.role, m.start_attested_only) for o in rows for m in o.memberships if m.role in ROLES},
        key=lambda kind: (list(ROLES).index(kind[0]), kind[1]),
    )
    # One legend for both parts, below them (beside the plot it took a third of the width),
    # and the caption below it. Constrained layout places neither: both hang below the figure,
    # which the saved PNG is cropped to include.
    legend = chart.legend(
        handles=[
            *(
                Patch(
                    **_bar_style(role, attested),
                    label=f"{role}, from the earliest date a source\nattests (start unknown)"
                    if attested
                    else f"{role}, from a known start",
                )
                for role, attested in drawn
            ),
            Patch(color="0.93", label="year with no recorded chair"),
            Line2D([], [], marker="*", color="black", linestyle="", label="chair that year"),
            Line2D([], [], color=LINE, label="members and partners recorded"),
            Line2D(
                [], [], color="black", linewidth=3, label="total a source reported (its period)"
            ),
        ],
        loc="upper center",
        bbox_to_anchor=(0.5, 0),
        ncols=2,  # filled a column at a time: the bars, then the rest
        fontsize=FONT,
        frameon=False,
    )
    caption = [
        "Recorded counts are a floor: memberships are known from lists of 2019 and earlier and "
        "from sources naming later joins, and no departure after 2019 is recorded. Where a "
        "source reports more organizations than the data holds, the data is missing members "
        "(see coverage().gaps); the 2019 jump is when lists were first read, not joins.",
        *_dips(),
        "Coordinator and working-group roles are not drawn.",
    ]
    chart.draw_without_rendering()  # lays the axes out, which places the legend
    below_legend = legend.get_window_extent().transformed(chart.transFigure.inverted()).y0
    chart.text(
        0.01,
        below_legend - 0.01,
        textwrap.fill(" ".join(caption), CAPTION_WIDTH),
        fontsize=FONT,
        va="top",
    )
    return chart


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tools/docs_chart.py OUT.png")
    Path(sys.argv[1]).write_bytes(draw())
