"""Invariants over the whole packaged dataset, and its manifest and versions."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import re
from collections import Counter
from pathlib import Path

import icat_data
from icat_data._dataset import fold
from icat_data._load import DATA_FILES, MANIFEST_FILE, dataset, read_packaged
from icat_data._rows import ENTITIES

ROOT = Path(__file__).resolve().parent.parent


def test_every_record_cites_a_source_with_url_title_publisher_and_access_date() -> None:
    for label, sources in dataset().citations():
        assert sources, label
        for source in sources:
            assert source.url.startswith(("http://", "https://")), label
            assert source.title.strip()
            assert source.publisher.strip()
            assert source.accessed <= icat_data.coverage().as_of


def test_every_source_is_cited_by_some_record() -> None:
    cited = {s.id for _, sources in dataset().citations() for s in sources}
    listed = [row["id"] for row in icat_data.to_records("sources")]
    assert sorted(listed) == sorted(cited)


def test_ids_are_unique_within_each_entity() -> None:
    for entity in ("organizations", "briefs", "events", "sources"):
        ids = Counter(row["id"] for row in icat_data.to_records(entity))
        assert [i for i, n in ids.items() if n > 1] == [], entity
        assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids), entity


def test_every_name_resolves_to_exactly_its_organization() -> None:
    owners: dict[str, str] = {}
    for org in icat_data.organizations():
        for name in org.names():
            assert icat_data.get_organization(name) is org
            assert owners.setdefault(fold(name), org.id) == org.id


def test_references_resolve() -> None:
    ids = {o.id for o in icat_data.organizations()}
    for term in icat_data.chair_terms():
        assert term.chairs
        assert set(term.chairs) <= ids
    for event in icat_data.events():
        assert set(event.organizations) <= ids
    for org in icat_data.organizations():
        assert org.successor is None or org.successor in ids


def test_intervals_are_ordered() -> None:
    for org in icat_data.organizations():
        assert org.memberships, org.id
        for m in org.memberships:
            assert m.end is None or m.start.first_day <= m.end.last_day
        for former in org.former_names:
            assert former.acronym != org.acronym
    for event in icat_data.events():
        assert event.end_date is None or event.date.first_day <= event.end_date.first_day


def test_chairs_were_members_in_their_year() -> None:
    for term in icat_data.chair_terms():
        for chair in icat_data.chairs_for(term.year):
            assert icat_data.is_member(chair.id, on=term.year), (term.year, chair.id)


def test_the_coordinator_role_is_held_by_one_organization_at_a_time() -> None:
    coordinators = [
        o for o in icat_data.organizations() for m in o.memberships if m.role == "coordinator"
    ]
    assert [o.id for o in coordinators] == ["unodc"]


def test_manifest_hashes_match_the_installed_files() -> None:
    manifest = icat_data.manifest()
    assert set(manifest.files) == set(DATA_FILES)
    for name, digest in manifest.files.items():
        assert hashlib.sha256(read_packaged(name)).hexdigest() == digest, (
            f"{name} changed: run python tools/regenerate.py"
        )


def test_manifest_counts_match_the_records() -> None:
    counts = icat_data.manifest().counts
    # The manifest counts the records of the data files; former names, reported counts and
    # disagreements are rows of to_records too, but parts of records the manifest counts, and
    # organization years are derived from the memberships.
    derived = {"former_names", "reported_counts", "disagreements", "organization_years"}
    assert set(counts) == set(ENTITIES) - derived
    for entity in ENTITIES:
        if entity in counts:
            assert counts[entity] == len(icat_data.to_records(entity)), entity


def test_versions_agree() -> None:
    edition = json.loads(read_packaged("edition.json"))
    manifest = json.loads(read_packaged(MANIFEST_FILE))
    assert icat_data.DATA_VERSION == edition["data_version"] == manifest["data_version"]
    assert icat_data.manifest().data_version == icat_data.DATA_VERSION
    assert icat_data.__version__ == importlib.metadata.version("icat-data")


def test_disagreements_name_real_records_and_at_least_two_accounts_or_sources() -> None:
    disagreements = icat_data.coverage().disagreements
    assert disagreements
    rows = {
        e: {str(r.get("id", r.get("year"))) for r in icat_data.to_records(e)}
        for e in ("organizations", "chairs", "briefs", "events")
    }
    for disagreement in disagreements:
        assert disagreement.accounts, disagreement.topic
        assert disagreement.recorded.strip()
        assert len(disagreement.accounts) >= 2 or len(disagreement.sources) == 1
        for reference in disagreement.records:
            entity, _, key = reference.partition(":")
            assert key in rows[entity], reference
    (brief_8,) = [d for d in disagreements if "briefs:issue-brief-08" in d.records]
    assert brief_8.recorded.startswith("2019")
    assert str(icat_data.get_brief(8).published) == "2019"


def test_changelog_counts_for_this_edition_match_the_data() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    section = changelog.split(f"Data edition {icat_data.DATA_VERSION}", 1)[1].split("\n## ", 1)[0]
    counts = icat_data.manifest().counts
    claimed = {
        "sources": r"\((\d+) sources",
        "organizations": r"(\d+) organizations,",
        "briefs": r"(\d+) publications",
        "events": r"(\d+) events",
    }
    for entity, pattern in claimed.items():
        match = re.search(pattern, section)
        assert match, f"CHANGELOG's data section does not state the number of {entity}"
        assert int(match.group(1)) == counts[entity], entity


def test_coverage_names_reported_counts_above_the_recorded_ones() -> None:
    coverage = icat_data.coverage()
    assert coverage.chair_years == (2012, 2014, 2018, 2019, 2021, 2022, 2023, 2024, 2025)
    assert any("reported 16 organizations in 2012-01" in gap for gap in coverage.gaps)
    # 2019's 23 members and 2 partners are all recorded, so 2019 is no gap.
    assert not any(" in 2019;" in gap for gap in coverage.gaps)
