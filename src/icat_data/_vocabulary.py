"""The closed vocabularies: one ``Literal`` type for checkers and one frozenset at run time each.

Each frozenset is read off its ``Literal`` with ``typing.get_args``, so the two cannot list
different words. The frozensets serve callers a checker does not see (a notebook, a script
without annotations): the records and queries check values against them. A vocabulary
without a frozenset here (entities, styles, formats) is listed in order where it is used, as
``typing.get_args`` of its ``Literal``.
"""

from __future__ import annotations

from typing import Final, Literal, get_args

__all__ = [
    "BRIEF_KINDS",
    "EVENT_KINDS",
    "ORGANIZATION_KINDS",
    "ROLES",
    "BriefKind",
    "CitationStyle",
    "Entity",
    "EventKind",
    "ExportFormat",
    "OrganizationKind",
    "Precision",
    "Role",
]

#: A role an organization can hold in ICAT.
Role = Literal["member", "partner", "coordinator", "working_group"]
#: A kind of organization, by its place in (or outside) the UN system.
OrganizationKind = Literal[
    "un_entity",
    "specialized_agency",
    "related_organization",
    "regional_organization",
    "international_organization",
    "mandate_holder",
]
#: A kind of publication.
BriefKind = Literal[
    "issue_brief", "policy_paper", "report", "toolkit", "statement", "factsheet", "submission"
]
#: A kind of event in the timeline.
EventKind = Literal[
    "meeting",
    "resolution",
    "statement",
    "publication",
    "membership",
    "briefing",
    "chair",
    "milestone",
]
#: An entity of ``to_records()`` and ``to_dataframe()``: one kind of row.
Entity = Literal[
    "organizations",
    "memberships",
    "former_names",
    "chairs",
    "briefs",
    "events",
    "sources",
    "reported_counts",
    "disagreements",
    "organization_years",
]
#: A form a citation can be written in.
CitationStyle = Literal["text", "bibtex", "csl-json", "ris"]
#: A format the data can be exported in.
ExportFormat = Literal["json", "csv", "datapackage", "parquet"]
#: How much of a date is known, coarsest first.
Precision = Literal["year", "month", "day"]

ROLES: Final[frozenset[Role]] = frozenset(get_args(Role))
ORGANIZATION_KINDS: Final[frozenset[OrganizationKind]] = frozenset(get_args(OrganizationKind))
BRIEF_KINDS: Final[frozenset[BriefKind]] = frozenset(get_args(BriefKind))
EVENT_KINDS: Final[frozenset[EventKind]] = frozenset(get_args(EventKind))
