"""write_datapackage: a Frictionless data package that other tools read with its types and keys."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path
from typing import Any

import duckdb
import frictionless
import pandas
import pytest

import icat_data
from icat_data._rows import ENTITIES, edition

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return icat_data.write_datapackage(tmp_path_factory.mktemp("package") / "icat")


def _descriptor(package: Path) -> dict[str, Any]:
    return json.loads(package.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _resources(package: Path) -> dict[str, dict[str, Any]]:
    return {r["name"]: r for r in _descriptor(package)["resources"]}


def _errors(report: frictionless.Report) -> list[str]:
    return [
        f"{task.name}: {error.type}: {error.note}"
        for task in report.tasks
        for error in task.errors
    ]


def test_it_is_a_valid_frictionless_package(package: Path) -> None:
    assert package.name == "datapackage.json"
    report = frictionless.validate(str(package))
    assert report.valid, _errors(report)
    assert len(report.tasks) == len(_resources(package))


def test_validation_checks_the_keys_and_the_files(package: Path, tmp_path: Path) -> None:
    # The keys are declared, not decoration: an unknown organization fails the package.
    copy = tmp_path / "icat"
    shutil.copytree(package.parent, copy)
    memberships = copy / "memberships.csv"
    memberships.write_bytes(memberships.read_bytes().replace(b"\r\nunodc,", b"\r\nunodoc,"))
    errors = _errors(frictionless.validate(str(copy / "datapackage.json")))
    assert any(e.startswith("memberships: hash-count") for e in errors), errors
    assert any(e.startswith("memberships: foreign-key") and '"unodoc"' in e for e in errors), (
        errors
    )
    assert any(e.startswith("membership_sources: foreign-key") for e in errors), errors


def test_the_descriptor_names_edition_licence_and_sources(package: Path) -> None:
    descriptor = _descriptor(package)
    assert descriptor["profile"] == "tabular-data-package"
    assert descriptor["version"] == icat_data.DATA_VERSION
    assert descriptor["edition"] == edition()
    assert descriptor["edition"]["data_digest"] == icat_data.manifest().digest
    assert [license["name"] for license in descriptor["licenses"]] == ["CC-BY-4.0"]
    cited = {s.url for o in icat_data.organizations() for s in o.sources}
    assert cited <= {source["path"] for source in descriptor["sources"]}
    assert len(descriptor["sources"]) == icat_data.manifest().counts["sources"]


def test_every_entity_is_a_table_with_a_primary_key(package: Path) -> None:
    resources = _resources(package)
    assert list(resources)[: len(ENTITIES)] == list(ENTITIES)
    for name, resource in resources.items():
        assert resource["path"] == f"{name}.csv"
        fields = [field["name"] for field in resource["schema"]["fields"]]
        assert resource["schema"]["primaryKey"], name
        assert set(resource["schema"]["primaryKey"]) <= set(fields), name
        with (package.parent / resource["path"]).open(encoding="utf-8", newline="") as file:
            assert next(csv.reader(file)) == fields, name
    for entity in ENTITIES:
        assert (
            resources[entity]["schema"]["fields"][0]["name"]
            in resources[entity]["schema"]["primaryKey"]
        )


def _references(resource: dict[str, Any]) -> dict[str, str]:
    """Each foreign key of a resource: its fields joined by ',' to the resource it points to."""
    return {
        ",".join(key["fields"]): key["reference"]["resource"] or resource["name"]
        for key in resource["schema"]["foreignKeys"]
    }


def test_foreign_keys_link_every_reference(package: Path) -> None:
    resources = _resources(package)
    assert _references(resources["memberships"]) == {"organization": "organizations"}
    assert _references(resources["former_names"]) == {"organization": "organizations"}
    assert _references(resources["organizations"]) == {"successor": "organizations"}
    assert _references(resources["chair_organizations"]) == {
        "year": "chairs",
        "organization": "organizations",
    }
    assert _references(resources["event_organizations"]) == {
        "event": "events",
        "organization": "organizations",
    }
    # Every record's sources are a link table whose "source" points to sources.
    cited = {name for name, r in resources.items() if "source" in _references(r)}
    assert cited == {
        "organization_sources",
        "membership_sources",
        "chair_sources",
        "brief_sources",
        "event_sources",
        "reported_count_sources",
        "disagreement_sources",
    }
    assert _references(resources["membership_sources"])["organization,role,start"] == "memberships"
    for resource in resources.values():
        fields = {field["name"] for field in resource["schema"]["fields"]}
        assert "sources" not in fields, resource["name"]  # never a list of ids in a cell


def _rows(package: Path, name: str) -> list[dict[str, str]]:
    with (package.parent / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_link_tables_hold_every_reference(package: Path) -> None:
    assert {
        (int(r["year"]), r["organization"]) for r in _rows(package, "chair_organizations")
    } == {(term.year, chair) for term in icat_data.chair_terms() for chair in term.chairs}
    assert {(r["brief"], r["source"]) for r in _rows(package, "brief_sources")} == {
        (brief.id, source.id) for brief in icat_data.briefs() for source in brief.sources
    }
    assert {
        (r["organization"], r["role"], r["start"], r["source"])
        for r in _rows(package, "membership_sources")
    } == {
        (org.id, m.role, str(m.start), source.id)
        for org in icat_data.organizations()
        for m in org.memberships
        for source in m.sources
    }


def _cell(value: object) -> str:
    # The documented cells: empty for none, true/false, a JSON array for a list.
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def test_entity_tables_hold_the_rows_of_to_records(package: Path) -> None:
    for entity in ENTITIES:
        rows = icat_data.to_records(entity)
        written = _rows(package, entity)
        assert len(written) == len(rows), entity
        for row, cells in zip(rows, written, strict=True):
            for name, value in row.items():
                if name in cells:
                    expected = _cell(value)
                    assert cells[name] == expected, (entity, name)


def test_dates_are_typed(package: Path) -> None:
    for resource in _resources(package).values():
        fields = {field["name"]: field for field in resource["schema"]["fields"]}
        for name, field in fields.items():
            if f"{name}_first" in fields:  # an ISO date at its precision
                assert field["type"] == "string"
                assert "pattern" in field["constraints"]
                assert fields[f"{name}_precision"]["constraints"]["enum"] == [
                    "year",
                    "month",
                    "day",
                ]
                assert fields[f"{name}_first"]["type"] == fields[f"{name}_last"]["type"] == "date"
    sources = {f["name"]: f for f in _resources(package)["sources"]["schema"]["fields"]}
    assert sources["accessed"]["type"] == "date"
    briefs = {f["name"]: f for f in _resources(package)["briefs"]["schema"]["fields"]}
    assert briefs["number"]["type"] == "integer"
    assert set(briefs["kind"]["constraints"]["enum"]) == icat_data.BRIEF_KINDS
    # frictionless reads the typed values back as Python values.
    # Any: frictionless 5.7 types this a Resource; newer ones read rows from a TableResource.
    table: Any = frictionless.Package(str(package)).get_resource("memberships")
    first = table.read_rows()[0]
    cbss = icat_data.get_organization("cbss").memberships[0]
    assert (first["organization"], first["start_first"], first["start_last"]) == (
        "cbss",
        cbss.start.first_day,
        cbss.start.last_day,
    )
    assert first["start_attested_only"] is False


def test_pandas_loads_it_with_types_and_joins_it(package: Path) -> None:
    def load(name: str) -> pandas.DataFrame:
        fields = _resources(package)[name]["schema"]["fields"]
        dates = [f["name"] for f in fields if f["type"] == "date"]
        return pandas.read_csv(package.parent / f"{name}.csv", parse_dates=dates)

    memberships = load("memberships")
    assert pandas.api.types.is_datetime64_dtype(memberships.start_first)
    assert memberships.start_attested_only.dtype == bool
    joined = memberships.merge(load("organizations"), left_on="organization", right_on="id")
    founders = joined[(joined.role == "member") & (joined.start_last <= "2006-12-31")]
    assert set(founders.acronym) == {o.acronym for o in icat_data.members(on="2006-09")}


def test_duckdb_loads_it_with_types_and_joins_it(package: Path) -> None:
    db = duckdb.connect()
    csv_of = f"read_csv('{package.parent}/{{}}.csv')".format
    described = db.sql(f"DESCRIBE SELECT * FROM {csv_of('memberships')}").fetchall()
    types = {row[0]: row[1] for row in described}
    assert (types["start_first"], types["end_last"]) == ("DATE", "DATE")
    assert types["start_attested_only"] == "BOOLEAN"
    chairs = db.sql(
        f"SELECT o.acronym FROM {csv_of('chair_organizations')} c "
        f"JOIN {csv_of('organizations')} o ON o.id = c.organization "
        "WHERE c.year = 2019 ORDER BY o.acronym"
    ).fetchall()
    assert [row[0] for row in chairs] == [o.acronym for o in icat_data.chairs_for(2019)]


def test_the_duckdb_example_in_the_docs_runs(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (ROOT / "docs" / "outside-python.md").read_text(encoding="utf-8")
    (sql,) = re.findall(r"```sql\n(.*?)```", page, flags=re.DOTALL)
    monkeypatch.chdir(package.parent.parent)
    assert package.parent.name == "icat"  # the folder the example reads
    db = duckdb.connect()
    rows = db.sql(sql).fetchall()
    assert {row[0] for row in rows} == {o.acronym for o in icat_data.members(on="2006-09")}


def test_it_writes_into_a_folder_it_creates_and_replaces_it_only_when_forced(
    tmp_path: Path,
) -> None:
    target = tmp_path / "a" / "b"
    first = icat_data.write_datapackage(target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    with pytest.raises(FileExistsError, match="is not empty"):
        icat_data.write_datapackage(target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    forced = icat_data.write_datapackage(str(target), force=True)
    assert forced == first == target / "datapackage.json"
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before  # same edition: same bytes


def test_a_file_where_the_folder_should_be_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("")
    with pytest.raises(FileExistsError):
        icat_data.write_datapackage(tmp_path / "taken")
    with pytest.raises(TypeError):
        icat_data.write_datapackage(3)  # type: ignore[arg-type]
