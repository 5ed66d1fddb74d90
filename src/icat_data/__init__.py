"""Typed, cited data on ICAT, the Inter-Agency Coordination Group against Trafficking in Persons.

Every record says where its facts come from (``sources``); [`coverage()`][icat_data.coverage]
says what the data covers and where it is known to fall short. The public API is the names in
``__all__``.
"""

import sys as _sys


def _require(modules: dict[str, str]) -> None:
    # Each dependency is imported only when first needed (cattrs at the first query), so a
    # missing one (pip install --no-deps) would otherwise surface late, inside some query.
    # Asking the import system's finders is cheap; importing importlib.util is not.
    missing = [
        distribution
        for module, distribution in modules.items()
        if module not in _sys.modules
        and not any(finder.find_spec(module, None) for finder in _sys.meta_path)
    ]
    if missing:
        raise ImportError(
            f"icat_data needs {' and '.join(missing)}, not installed here: "
            f"pip install {' '.join(missing)} (or install icat-data without --no-deps)"
        )


_require({"attrs": "attrs", "cattrs": "cattrs", "dateutil": "python-dateutil"})

from ._changes import Change
from ._dates import DateLike
from ._editions import (
    Check,
    Edition,
    Release,
    changes,
    changes_frame,
    edition,
    editions,
    verify,
)
from ._export import to_arrow, to_dataframe, to_records, write_datapackage, write_parquet
from ._models import (
    BRIEF_KINDS,
    EVENT_KINDS,
    ORGANIZATION_KINDS,
    ROLES,
    Brief,
    ChairTerm,
    Coverage,
    Disagreement,
    Event,
    FormerName,
    Manifest,
    Membership,
    Organization,
    OrganizationYear,
    PartialDate,
    ReportedCount,
    Source,
)
from ._query import (
    briefs,
    chair_terms,
    chairs_for,
    cite,
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
    sources,
)
from ._version import DATA_VERSION, __version__
from ._vocabulary import (
    BriefKind,
    CitationStyle,
    Entity,
    EventKind,
    ExportFormat,
    OrganizationKind,
    Precision,
    Role,
)
from .errors import (
    DataError,
    IcatDataError,
    OutOfCoverageError,
    UnknownBriefError,
    UnknownEditionError,
    UnknownOrganizationError,
)

__all__ = [
    "BRIEF_KINDS",
    "DATA_VERSION",
    "EVENT_KINDS",
    "ORGANIZATION_KINDS",
    "ROLES",
    "Brief",
    "BriefKind",
    "ChairTerm",
    "Change",
    "Check",
    "CitationStyle",
    "Coverage",
    "DataError",
    "DateLike",
    "Disagreement",
    "Edition",
    "Entity",
    "Event",
    "EventKind",
    "ExportFormat",
    "FormerName",
    "IcatDataError",
    "Manifest",
    "Membership",
    "Organization",
    "OrganizationKind",
    "OrganizationYear",
    "OutOfCoverageError",
    "PartialDate",
    "Precision",
    "Release",
    "ReportedCount",
    "Role",
    "Source",
    "UnknownBriefError",
    "UnknownEditionError",
    "UnknownOrganizationError",
    "__version__",
    "briefs",
    "chair_terms",
    "chairs_for",
    "changes",
    "changes_frame",
    "cite",
    "coordinator",
    "coverage",
    "edition",
    "editions",
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
    "sources",
    "to_arrow",
    "to_dataframe",
    "to_records",
    "verify",
    "write_datapackage",
    "write_parquet",
]
