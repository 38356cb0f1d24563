"""grammar.yaml: one validated word list per concept."""

from __future__ import annotations

from diurna.knowledge import grammar


def test_grammar_off_is_a_word_not_a_yaml_boolean():
    assert "off" in grammar.load().locative_prepositions


def test_grammar_place_mention_prepositions_are_locative():
    g = grammar.load()
    assert g.place_mention_prepositions <= g.locative_prepositions
