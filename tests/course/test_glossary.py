"""The bilingual glossary: every term has both languages, a definition, and a notebook."""

from __future__ import annotations

import pytest

import csat_lab as cl
from csat_lab.course import glossary as g
from csat_lab.errors import CsatInputError


def test_every_term_is_bilingual_and_defined() -> None:
    en = g.glossary(language="en")
    zh = g.glossary(language="zh-CN")
    assert len(en) == len(zh) == len(g._TERMS)
    assert en["English"].str.len().min() > 1 and en["Chinese"].str.len().min() > 0
    # Chinese terms contain CJK characters (or are the acronym the trainers use)
    assert (en["Chinese"].str.contains(r"[\u4e00-\u9fff]") | en["Chinese"].str.isupper()).all()
    assert (zh["定义"] != en["Definition"]).all()


def test_each_notebook_has_terms_and_terms_point_to_real_notebooks() -> None:
    for number in g.NOTEBOOKS:
        assert len(g.glossary(number)) >= 3, number
    assert all(set(where) <= set(g.NOTEBOOKS) for where in g._TERMS.values())


def test_trainers_terms_from_sources() -> None:
    # Chinese terms as SOURCES.md gives them
    table = g.glossary(language="en")
    assert table.loc["churn_rate", "Chinese"] == "客户流失率"
    assert table.loc["internal_customer", "Chinese"] == "内部客户"
    assert table.loc["key_account", "Chinese"] == "大客户管理"
    assert table.loc["potential_customer", "Chinese"] == "潜在客户"


def test_lookup_in_both_languages() -> None:
    assert "churn_rate" in g.lookup("churn rate").index
    assert "churn_rate" in g.lookup("流失率").index
    assert "retention_rate" in g.lookup("1 minus the churn").index
    with pytest.raises(CsatInputError, match="non-empty"):
        g.lookup("  ")


def test_unknown_notebook() -> None:
    with pytest.raises(CsatInputError, match="notebooks are: 00, 01"):
        g.glossary("42")


def test_reachable_from_exercises_module() -> None:
    assert cl.exercises.glossary is g.glossary


@pytest.mark.parametrize("query, term", [("投诉", "complaint"), ("二八", "pareto"), ("留存", "retention_rate"),
                                         ("复购", "repurchase_rate"), ("LTV", "lifetime_value")])
def test_lookup_finds_terms_by_common_synonyms(query: str, term: str) -> None:
    assert term in cl.glossary.lookup(query).index


def test_synonyms_name_known_terms() -> None:
    from csat_lab.course.glossary import _TERMS, SYNONYMS

    assert set(SYNONYMS) <= set(_TERMS)


def test_definitions_are_shown_in_full() -> None:
    table = g.glossary("04", language="en")
    longest = max(table.iloc[:, 2], key=len)
    assert len(longest) > 50  # pandas would cut it at 50 characters with "..."
    assert longest in table._repr_html_() and longest in repr(table)
    assert isinstance(cl.glossary.lookup("churn"), g.GlossaryTable)
