"""argument_words.yaml: one validated word list per concept of the argument finder."""

from __future__ import annotations

from dataclasses import fields

from diurna.knowledge import argument_words, grammar

KEYS = tuple(f.name for f in fields(argument_words.ArgumentWords))


def test_argument_words_on_is_a_word_not_a_yaml_boolean():
    assert "on" in argument_words.load().event_location_prepositions


def test_argument_words_count_particles_are_two_word_phrases():
    assert all(len(p.split()) == 2 for p in argument_words.load().count_particle_phrases)


def test_argument_words_generic_actor_heads_differ_from_grammar_generic_heads():
    # two concepts on purpose: merging them changes output and must be measured
    assert argument_words.load().generic_actor_heads != grammar.load().generic_heads


def _good() -> dict[str, list[str]]:
    return {k: ["word"] for k in KEYS}


def test_argument_words_parse_accepts_phrases_only_where_allowed():
    assert argument_words.parse(_good() | {"count_particle_phrases": ["up to"]}).count_particle_phrases \
        == frozenset({"up to"})
