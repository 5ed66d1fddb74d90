"""The organization-by-year panel: every year each organization held each of its roles.

Computed from a loaded dataset when asked, never at import, with the same rules as the
queries (`Organization.holds`), so that a row and ``members(on=...)`` cannot disagree.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from ._models import Organization, OrganizationYear
from ._vocabulary import Role
from .errors import OutOfCoverageError

if TYPE_CHECKING:
    from ._dataset import Dataset

__all__ = ["organization_years"]


def organization_years(data: Dataset) -> tuple[OrganizationYear, ...]:
    """One row per organization, role and year in which it held the role, from the first year
    of each role to the year of ``coverage().as_of``; ordered by organization, role and year.
    """
    last_year = data.coverage.as_of.year
    return tuple(
        row
        for organization in data.organizations
        for role in sorted({m.role for m in organization.memberships})
        for row in _rows(organization, role, last_year)
    )


def _rows(organization: Organization, role: Role, last_year: int) -> list[OrganizationYear]:
    held = [m for m in organization.memberships if m.role == role]
    rows = []
    for year in range(min(m.start.year for m in held), last_year + 1):
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        that_year = [m for m in held if m.overlaps(first, last)]
        if not that_year:
            continue
        rows.append(
            OrganizationYear(
                organization=organization.id,
                year=year,
                role=role,
                at_start=any(m.overlaps(first, first) for m in that_year),
                at_end=any(m.overlaps(last, last) for m in that_year),
                acronym=_acronym(organization, year),
                name=organization.name_on(year),
                start_attested_only=any(m.start_attested_only for m in that_year),
            )
        )
    return rows


def _acronym(organization: Organization, year: int) -> str | None:
    try:
        return organization.acronym_on(year)
    except OutOfCoverageError:  # a former name recorded without an acronym: unknown
        return None
