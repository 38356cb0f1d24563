"""grounding_words.yaml: one validated word list per concept of event grounding."""

from __future__ import annotations

from diurna.knowledge import grammar, grounding_words


def test_grounding_words_yaml_booleans_stay_words():
    words = grounding_words.load()
    assert "on" in words.phrase_prepositions and "on" in words.inner_prepositions


def test_grounding_words_threat_marks_are_condition_marks():
    words = grounding_words.load()
    assert words.threat_condition_marks <= words.condition_marks


def test_grounding_words_event_places_are_locative():
    # a narrower list of grammar.yaml's concept, not a rival copy of it
    assert grounding_words.load().event_place_prepositions <= grammar.load().locative_prepositions
