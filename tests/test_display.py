"""Records read well: one-line reprs that identify them, HTML for Jupyter, natural order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import icat_data
from icat_data._load import dataset


def _every_record() -> Iterator[object]:
    data = dataset()
    yield from data.organizations
    for organization in data.organizations:
        yield from organization.memberships
        yield from organization.former_names
    yield from data.chair_terms
    yield from data.briefs
    yield from data.events
    yield from data.sources
    yield from data.coverage.reported_counts
    yield from data.coverage.disagreements
    yield data.coverage
    yield data.manifest


@pytest.mark.parametrize("record", list(_every_record()), ids=lambda r: type(r).__name__)
def test_every_repr_is_one_short_line(record: object) -> None:
    text = repr(record)
    assert "\n" not in text
    assert len(text) <= 200, text
    assert text.startswith(f"{type(record).__name__}(")


def test_reprs_name_what_identifies_a_record() -> None:
    unodc = icat_data.get_organization("UNODC")
    assert repr(unodc) == (
        "Organization(id='unodc', acronym='UNODC', "
        "name='United Nations Office on Drugs and Crime')"
    )
    assert "sources" not in repr(unodc)  # long fields stay on the record, out of the repr
    assert repr(icat_data.PartialDate(2019, 5)) == "PartialDate(2019, 5)"
    assert eval(repr(icat_data.PartialDate(2019, 5, 2)), vars(icat_data)) == (
        icat_data.PartialDate(2019, 5, 2)
    )


def test_a_repr_shows_each_value_as_the_field_holds_it() -> None:
    # What a repr shows is what a filter written from it matches: ids as ids, dates as dates.
    (term,) = [t for t in icat_data.chair_terms() if t.year == 2019]
    assert repr(term) == "ChairTerm(year=2019, chairs=('osce', 'un-women'))"
    assert "osce" in term.chairs
    membership = icat_data.get_organization("IOM").memberships[0]
    assert repr(membership) == (
        "Membership(role='member', start=PartialDate(2006, 9), end=None, "
        "start_attested_only=False)"
    )
    assert membership.start == eval("PartialDate(2006, 9)", vars(icat_data))
    dpo = icat_data.get_organization("DPO")
    assert repr(dpo.former_names[0]) == (
        "FormerName(acronym='DPKO', name='Department of Peacekeeping Operations', "
        "until=PartialDate(2019, 1, 1))"
    )
    assert repr(icat_data.get_brief(12)).startswith(
        "Brief(id='issue-brief-12', number=12, published=PartialDate(2022, 5), title='Addressing"
    )
    # A tuple is a tuple, and the as-of day a date; counts say they are counts.
    coverage = icat_data.coverage()
    assert repr(coverage).startswith(
        f"Coverage(as_of={coverage.as_of!r}, chair_years={coverage.chair_years!r}, "
        f"len(gaps)={len(coverage.gaps)}, "
    )
    disagreement = coverage.disagreements[0]
    assert f"records={disagreement.records!r}" in repr(disagreement)
    assert "counts=FrozenMap({" in repr(icat_data.manifest())


def test_a_long_tuple_is_cut_where_a_repr_says_so() -> None:
    source = icat_data.sources()[0]
    ids = tuple(f"organization-{n}" for n in range(40))
    term = icat_data.ChairTerm(2019, ids, (source,))
    assert repr(term) == (
        "ChairTerm(year=2019, chairs=('organization-0', 'organization-1', 'organization-2', ...))"
    )


def test_whole_query_results_stay_readable() -> None:
    assert len(repr(icat_data.members())) < 6_000  # 47 kB in 0.1.1
    assert len(repr(icat_data.events())) < 150 * len(icat_data.events())
    assert len(repr(icat_data.coverage())) < 200


def test_records_show_as_html_tables_in_jupyter() -> None:
    html = icat_data.get_organization("un-women")._repr_html_()
    assert html.startswith("<table><caption>Organization</caption>")
    assert "<td style='text-align:left'>UN Women</td>" in html
    as_of = icat_data.coverage().as_of
    escaped = icat_data.Source("x", "u", "title", "<b>A & B</b>", None, as_of)._repr_html_()
    assert "<td style='text-align:left'>&lt;b&gt;A &amp; B&lt;/b&gt;</td>" in escaped
    # A table has room for what a one-line repr leaves out: a source's title and address.
    source = icat_data.sources()[0]
    assert source.title in source._repr_html_()
    assert source.url in source._repr_html_()


def test_records_sort_the_way_their_queries_list_them() -> None:
    assert list(icat_data.briefs()) == sorted(icat_data.briefs())
    assert list(icat_data.events()) == sorted(icat_data.events())
    assert list(icat_data.chair_terms()) == sorted(icat_data.chair_terms())
    acronyms = [o.acronym for o in sorted(icat_data.members(on=2006))]
    assert acronyms == ["DAW", "ILO", "IOM", "UNHCR", "UNICEF", "UNIFEM", "UNODC"]
    assert min(icat_data.events()).id == icat_data.events()[0].id


def test_records_without_a_natural_order_say_so() -> None:
    sources = icat_data.get_organization("UNODC").sources
    with pytest.raises(TypeError, match="Source records have no natural order"):
        sorted(sources)
    with pytest.raises(TypeError):
        _ = icat_data.get_organization("UNODC") < icat_data.get_brief(12)
