"""Name search and lookup stay bounded on hostile text: the cap applies to the folded text,
the fuzzy pass runs only where a name could be close enough, and folding is Unicode's
compatibility caseless match."""

from __future__ import annotations

import difflib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import icat_data
from icat_data import _query
from icat_data._dataset import fold
from icat_data._limits import MAX_NAME

# U+FDFA decomposes into 18 characters (15 letters once spaces are dropped).
EXPANDING = "\ufdfa"


def _bold(text: str) -> str:
    """``text`` in mathematical bold letters and digits (U+1D400...)."""
    out = []
    for ch in text:
        if "A" <= ch <= "Z":
            out.append(chr(0x1D400 + ord(ch) - ord("A")))
        elif "a" <= ch <= "z":
            out.append(chr(0x1D41A + ord(ch) - ord("a")))
        elif "0" <= ch <= "9":
            out.append(chr(0x1D7CE + ord(ch) - ord("0")))
        else:
            out.append(ch)
    return "".join(out)


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def test_mathematical_bold_fullwidth_and_circled_forms_find_unodc() -> None:
    circled = "\u24ca\u24c3\u24c4\u24b9\u24b8"
    for key in (_bold("UNODC"), _fullwidth("UNODC"), circled, _bold("unodc")):
        found = icat_data.find_organization(key)
        assert found is not None, key
        assert found.id == "unodc"


@pytest.mark.parametrize("org", icat_data.organizations(), ids=lambda o: o.id)
def test_every_acronym_in_compatibility_forms_is_its_organization(
    org: icat_data.Organization,
) -> None:
    assert icat_data.get_organization(_bold(org.acronym)) == org
    assert icat_data.get_organization(_fullwidth(org.acronym)) == org
    assert icat_data.search_organizations(_bold(org.acronym))[0] == org


def test_the_search_cap_applies_to_the_folded_text() -> None:
    fits = MAX_NAME // len(fold(EXPANDING))
    assert len(fold(EXPANDING * fits)) <= MAX_NAME < len(fold(EXPANDING * (fits + 1)))
    assert icat_data.search_organizations(EXPANDING * fits) == []
    for text in (EXPANDING * (fits + 1), EXPANDING * MAX_NAME, "ﬃ" * MAX_NAME):
        assert len(text) <= MAX_NAME  # within the cap as given
        with pytest.raises(ValueError, match="too long: it normalizes to") as caught:
            icat_data.search_organizations(text)
        assert len(str(caught.value)) < 300
    with pytest.raises(ValueError, match="too long"):
        icat_data.briefs(topic=EXPANDING * MAX_NAME)


@pytest.fixture
def matchers(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The texts each difflib.SequenceMatcher built during the test compared."""
    built: list[tuple[str, str]] = []
    real = difflib.SequenceMatcher

    def counting(isjunk: Any = None, a: Any = "", b: Any = "", autojunk: bool = True) -> Any:
        built.append((a, b))
        return real(isjunk, a, b, autojunk)

    monkeypatch.setattr(difflib, "SequenceMatcher", counting)
    return built


def test_no_fuzzy_comparison_for_a_query_too_long_to_match_any_name(
    matchers: list[tuple[str, str]],
) -> None:
    longest = max(len(name) for name, _ in icat_data._load.dataset().folded_names)
    too_long = "x" * (longest * 5 // 3 + 1)
    for text in ("a" * MAX_NAME, _bold("A") * MAX_NAME, "unodc" * 40, too_long):
        assert icat_data.search_organizations(text) == []
    assert matchers == []
    assert icat_data.search_organizations("unicfe")[0].acronym == "UNICEF"  # a typo still is
    assert matchers
    # Only names whose length allows a close match are compared.
    assert all(_query._may_be_close(len(a), len(b)) for a, b in matchers)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.text(max_size=40))
def test_the_length_bound_never_skips_a_close_pair(a: str, b: str) -> None:
    if not _query._may_be_close(len(a), len(b)):
        assert difflib.SequenceMatcher(None, a, b).ratio() < _query._CLOSE


def _reference_search(text: str) -> list[icat_data.Organization]:
    """The search as it was written before it was bounded: every name, fuzzily."""
    query = fold(text)
    if not query:
        return []
    ranked = []
    for org in icat_data.organizations():
        ranks = []
        for name in map(fold, org.names()):
            if name == query:
                ranks.append(0)
            elif name.startswith(query):
                ranks.append(1)
            elif query in name:
                ranks.append(2)
            elif len(query) >= 3 and difflib.SequenceMatcher(None, query, name).ratio() >= 0.75:
                ranks.append(3)
        if ranks:
            ranked.append((min(ranks), org.acronym.casefold(), org))
    ranked.sort(key=lambda item: item[:2])
    return [org for _, _, org in ranked]


NAMES = sorted({name for org in icat_data.organizations() for name in org.names()})


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=30),
        st.sampled_from(NAMES),
        st.builds(
            lambda n, i, j: n[i:j], st.sampled_from(NAMES), st.integers(0, 8), st.integers(3, 80)
        ),
        st.builds(
            lambda n, c, i: n[:i] + c + n[i + 1 :],
            st.sampled_from(NAMES),
            st.characters(),
            st.integers(0, 20),
        ),
    )
)
def test_the_bounded_search_ranks_as_the_unbounded_one(text: str) -> None:
    assert icat_data.search_organizations(text) == _reference_search(text)
