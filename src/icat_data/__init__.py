"""Typed, cited data on ICAT, the Inter-Agency Coordination Group against Trafficking in Persons.

Every record says where its facts come from (``sources``); :func:`coverage` says what the data
covers and where it is known to fall short. The public API is the names in ``__all__``.
"""

from ._dates import DateLike
from ._export import to_dataframe, to_records
from ._models import (
    BRIEF_KINDS,
    EVENT_KINDS,
    ORGANIZATION_KINDS,
    ROLES,
    Brief,
    ChairTerm,
    Coverage,
    Event,
    FormerName,
    Manifest,
    Membership,
    Organization,
    PartialDate,
    ReportedCount,
    Source,
)
from ._query import (
    briefs,
    chair_terms,
    chairs_for,
    coordinator,
    coverage,
    events,
    find_organization,
    get_brief,
    get_organization,
    is_member,
    manifest,
    members,
    organizations,
    partners,
    search_organizations,
)
from ._version import DATA_VERSION, __version__
from .errors import (
    DataError,
    IcatDataError,
    OutOfCoverageError,
    UnknownBriefError,
    UnknownOrganizationError,
)

__all__ = [
    "BRIEF_KINDS",
    "DATA_VERSION",
    "EVENT_KINDS",
    "ORGANIZATION_KINDS",
    "ROLES",
    "Brief",
    "ChairTerm",
    "Coverage",
    "DataError",
    "DateLike",
    "Event",
    "FormerName",
    "IcatDataError",
    "Manifest",
    "Membership",
    "Organization",
    "OutOfCoverageError",
    "PartialDate",
    "ReportedCount",
    "Source",
    "UnknownBriefError",
    "UnknownOrganizationError",
    "__version__",
    "briefs",
    "chair_terms",
    "chairs_for",
    "coordinator",
    "coverage",
    "events",
    "find_organization",
    "get_brief",
    "get_organization",
    "is_member",
    "manifest",
    "members",
    "organizations",
    "partners",
    "search_organizations",
    "to_dataframe",
    "to_records",
]
