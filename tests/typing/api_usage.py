"""The public API as a user types it: checked by mypy --strict and pyright, never run.

Each assignment states the type a user relies on, so a changed return type fails the check.
Lines the API must reject carry ignore comments; both checkers report an ignore that is no
longer needed, so a loosened signature fails the check too.
"""

from __future__ import annotations

import datetime
import pathlib
from collections.abc import Mapping
from typing import Any

import icat_data
from icat_data import (
    Brief,
    ChairTerm,
    Coverage,
    DataError,
    Disagreement,
    Event,
    FormerName,
    IcatDataError,
    Manifest,
    Membership,
    Organization,
    OutOfCoverageError,
    PartialDate,
    ReportedCount,
    Source,
    UnknownBriefError,
    UnknownOrganizationError,
)

version: str = icat_data.__version__
data_version: str = icat_data.DATA_VERSION

organizations: tuple[Organization, ...] = icat_data.organizations()
unodc: Organization = icat_data.get_organization("UNODC")
maybe: Organization | None = icat_data.find_organization("UN Women")
found: list[Organization] = icat_data.search_organizations("women")
members: tuple[Organization, ...] = icat_data.members()
members_2019: tuple[Organization, ...] = icat_data.members(on=2019)
members_text: tuple[Organization, ...] = icat_data.members(on="2 May 2018")
members_date: tuple[Organization, ...] = icat_data.members(on=datetime.date(2019, 6, 30))
members_datetime: tuple[Organization, ...] = icat_data.partners(on=datetime.datetime(2020, 1, 1))
is_member: bool = icat_data.is_member("DPKO", on="2019-06-30")
coordinator: Organization = icat_data.coordinator()

terms: tuple[ChairTerm, ...] = icat_data.chair_terms()
chairs: tuple[Organization, ...] = icat_data.chairs_for(2019)
cited: tuple[icat_data.Source, ...] = icat_data.sources()

briefs: tuple[Brief, ...] = icat_data.briefs(kind="issue_brief", year=2019, topic="technology")
brief: Brief = icat_data.get_brief(12)
events: tuple[Event, ...] = icat_data.events("2019", "2019-12", kind="meeting")
events_of: tuple[Event, ...] = icat_data.events(year=2019, organization="UNODC", kind="meeting")
titled: tuple[Brief, ...] = icat_data.briefs(text="technology", kind="report", year="2019")
then_events: tuple[Event, ...] = icat_data.edition("0.2.0").events(year=2019, kind="meeting")

rows: list[dict[str, Any]] = icat_data.to_records("organizations")
descriptor: pathlib.Path = icat_data.write_datapackage("icat")
descriptor_again: pathlib.Path = icat_data.write_datapackage(pathlib.Path("icat"))
coverage: Coverage = icat_data.coverage()
as_of: datetime.date = coverage.as_of
counts: tuple[ReportedCount, ...] = coverage.reported_counts
disagreements: tuple[Disagreement, ...] = coverage.disagreements
manifest: Manifest = icat_data.manifest()
hashes: Mapping[str, str] = manifest.files
record_counts: Mapping[str, int] = manifest.counts

membership: Membership = unodc.memberships[0]
start: PartialDate = membership.start
end: PartialDate | None = membership.end
first_day: datetime.date = start.first_day
former: tuple[FormerName, ...] = unodc.former_names
sources: tuple[Source, ...] = unodc.sources
accessed: datetime.date = sources[0].accessed
published: PartialDate | None = brief.published
number: int | None = brief.number

errors: tuple[type[IcatDataError], ...] = (
    UnknownOrganizationError,
    UnknownBriefError,
    OutOfCoverageError,
    DataError,
)
lookup_errors: tuple[type[LookupError], ...] = (
    UnknownOrganizationError,
    UnknownBriefError,
    OutOfCoverageError,
)

chairs_again: tuple[Organization, ...] = icat_data.chairs_for("2019")
icat_data.chairs_for(2019.0)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
icat_data.get_organization(42)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
icat_data.members(on=2019.5)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
icat_data.briefs("issue_brief")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
icat_data.write_datapackage(b"icat")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
unodc.name = "changed"  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]

# Closed vocabularies are Literal types: a record's field is one, and a typo is no member.
role: icat_data.Role = membership.role
brief_kind: icat_data.BriefKind = brief.kind
event_kind: icat_data.EventKind = events[0].kind
organization_kind: icat_data.OrganizationKind = unodc.kind
precision: icat_data.Precision = start.precision
entity: icat_data.Entity = "memberships"
panel_entity: icat_data.Entity = "organization_years"
style: icat_data.CitationStyle = "bibtex"
export_format: icat_data.ExportFormat = "datapackage"
typo_kind: icat_data.BriefKind = "issue brief"  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
typo_entity: icat_data.Entity = "organisations"  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
typo_role: icat_data.Role = "members"  # type: ignore[assignment]  # pyright: ignore[reportAssignmentType]
icat_data.briefs(kind="issue brief")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
icat_data.events(kind="meetings")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
icat_data.edition().briefs(kind="issue brief")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
icat_data.edition().events(kind="meetings")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
icat_data.events(year=2019.0)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
icat_data.events(organization=42)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]

# A partial date compares with a date; an out-of-coverage error says what it refused.
started_before: bool = start < datetime.date(2020, 1, 1)
refused = OutOfCoverageError("no chair is recorded for 2020", year=2020, covered=(2019, 2021))
refused_year: int | None = refused.year
covered_years: tuple[int, ...] | None = refused.covered

# Names as they were, a year of the panel, and every record as JSON-ready data.
name_then: str = unodc.name_on("2018-12-31")
acronym_then: str = unodc.acronym_on(2018)
unodc.name_on(2018.5)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
as_dict: dict[str, Any] = unodc.to_dict()
year_row = icat_data.OrganizationYear(
    organization="unodc",
    year=2019,
    role="member",
    at_start=True,
    at_end=True,
    acronym="UNODC",
    name="United Nations Office on Drugs and Crime",
    start_attested_only=False,
)
row_acronym: str | None = year_row.acronym
row_dict: dict[str, Any] = year_row.to_dict()
# What changed between editions, and citations of an edition or of a record's sources.
changed: tuple[icat_data.Change, ...] = icat_data.changes("0.2.0")
changed_between: tuple[icat_data.Change, ...] = icat_data.changes("0.2.0", until="0.3.0")
changed_field: str | None = changed[0].field
citation: str = icat_data.cite()
cited_brief: str = icat_data.cite(brief, style="bibtex")
cited_then: str = icat_data.edition("0.2.0").cite(unodc, style="csl-json")
icat_data.cite(style="apa")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
icat_data.cite("UNODC")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
icat_data.cite(brief, "bibtex")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
icat_data.changes(None)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
