"""Each closed vocabulary is one Literal type, and its run-time set is read off it."""

from __future__ import annotations

import typing

import attrs
import pytest

import icat_data
from icat_data import _vocabulary

# The Literal of each run-time set, and the record fields typed with it.
VOCABULARIES: dict[str, tuple[str, list[tuple[type, str]]]] = {
    "ROLES": ("Role", [(icat_data.Membership, "role")]),
    "ORGANIZATION_KINDS": ("OrganizationKind", [(icat_data.Organization, "kind")]),
    "BRIEF_KINDS": ("BriefKind", [(icat_data.Brief, "kind")]),
    "EVENT_KINDS": ("EventKind", [(icat_data.Event, "kind")]),
}


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
def test_a_vocabulary_set_holds_the_words_of_its_literal(name: str) -> None:
    alias, fields = VOCABULARIES[name]
    literal = getattr(icat_data, alias)
    assert getattr(icat_data, name) == frozenset(typing.get_args(literal))
    for record, field in fields:
        assert typing.get_type_hints(record)[field] == literal
        assert attrs.fields_dict(record)[field].metadata["vocabulary"] == getattr(icat_data, name)


def test_every_literal_is_exported_from_the_package() -> None:
    literals = [
        name
        for name, value in vars(_vocabulary).items()
        if typing.get_origin(value) is typing.Literal
    ]
    # Every type _vocabulary exports is a Literal (its sets are the upper-case names).
    assert sorted(literals) == sorted(n for n in _vocabulary.__all__ if not n.isupper())
    assert len(literals) == 8
    for name in literals:
        assert name in icat_data.__all__
        assert getattr(icat_data, name) is getattr(_vocabulary, name)


def test_the_entity_names_are_those_to_records_takes() -> None:
    for entity in typing.get_args(icat_data.Entity):
        assert isinstance(icat_data.to_records(entity), list)
