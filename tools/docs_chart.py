"""mkdocs hook: draw ICAT over time (chairs by year, recorded membership by year) from the
packaged data at every docs build, so the picture can never drift from the data."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

CHART = Path("assets") / "icat-over-time.png"


def on_pre_build(config: Any) -> None:
    """Write the chart into the docs folder before mkdocs collects its files."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    import icat_data

    terms = icat_data.chair_terms()
    chairs = sorted({c for t in terms for c in t.chairs})
    coverage = icat_data.coverage()
    years = list(range(2006, coverage.as_of.year + 1))

    figure, (top, bottom) = pyplot.subplots(2, 1, figsize=(10, 8), constrained_layout=True)
    for term in terms:
        for chair in term.chairs:
            top.scatter(term.year, chairs.index(chair), s=120, color="#1f77b4")
    top.set_yticks(range(len(chairs)), [icat_data.get_organization(c).acronym for c in chairs])
    top.set_xticks(years, [str(y) for y in years], rotation=90)
    top.set_title("Chair and co-chairs by year (years with no recorded chair are blank)")
    top.grid(axis="x", alpha=0.3)

    def recorded(year: int, role: str) -> int:
        day = min(datetime.date(year, 12, 31), coverage.as_of)
        return len(icat_data.members(day) if role == "member" else icat_data.partners(day))

    bottom.step(years, [recorded(y, "member") for y in years], where="mid", label="members")
    bottom.step(years, [recorded(y, "partner") for y in years], where="mid", label="partners")
    reported = [c for c in coverage.reported_counts if c.total is not None]
    bottom.scatter(
        [c.date.first_day.year + c.date.first_day.timetuple().tm_yday / 366 for c in reported],
        [c.total for c in reported],
        marker="x",
        color="black",
        label="total reported by a source",
    )
    bottom.set_xticks(years, [str(y) for y in years], rotation=90)
    bottom.set_title("Organizations recorded at each year's end, and totals sources reported")
    bottom.legend()
    bottom.grid(alpha=0.3)

    path = Path(config["docs_dir"]) / CHART
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)
    pyplot.close(figure)
