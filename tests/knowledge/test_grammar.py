"""grammar.yaml: one validated word list per concept."""

from __future__ import annotations

from diurna.knowledge import grammar


def test_grammar_off_is_a_word_not_a_yaml_boolean():
    assert "off" in grammar.load().locative_prepositions


def test_grammar_place_mention_prepositions_are_locative():
    g = grammar.load()
    assert g.place_mention_prepositions <= g.locative_prepositions


def test_grammar_narrower_lists_sit_inside_their_wider_ones():
    g = grammar.load()
    assert g.motion_prepositions <= g.locative_prepositions  # "to"/"from": places only after motion
    assert g.definite_articles <= g.definite_determiners


def test_grammar_only_leader_roles_hold_phrases():
    assert "head of state" in grammar.load().leader_roles
    data = {k: sorted(getattr(grammar.load(), k)) for k in grammar.KEYS}
    try:
        grammar.parse({**data, "plural_nouns": ["head of state"]})
    except ValueError as e:
        assert "plural_nouns" in str(e)
    else:
        raise AssertionError("a phrase in a one-word list must be refused")
