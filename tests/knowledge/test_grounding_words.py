"""grounding_words.yaml: one validated word list per concept of event grounding."""

from __future__ import annotations

import pytest

from diurna.knowledge import grammar, grounding_words


def test_grounding_words_shipped_file_loads_every_key():
    words = grounding_words.load()
    for key in grounding_words.KEYS:
        assert getattr(words, key), key


def test_grounding_words_yaml_booleans_stay_words():
    words = grounding_words.load()
    assert "on" in words.phrase_prepositions and "on" in words.inner_prepositions


def test_grounding_words_threat_marks_are_condition_marks():
    words = grounding_words.load()
    assert words.threat_condition_marks <= words.condition_marks


def test_grounding_words_event_places_are_locative():
    # a narrower list of grammar.yaml's concept, not a rival copy of it
    assert grounding_words.load().event_place_prepositions <= grammar.load().locative_prepositions


def _good() -> dict[str, list[str]]:
    return {k: ["word"] for k in grounding_words.KEYS}


@pytest.mark.parametrize(("change", "message"), [
    ({"stance_nouns": []}, "non-empty"),
    ({"stance_nouns": ["Defiance"]}, "one lower-case word"),
    ({"talks_nouns": ["talks", "talks"]}, "listed twice"),
    ({"phrase_prepositions": [True]}, "one lower-case word"),  # an unquoted YAML 1.1 "on"
    ({"agent_nouns": ["peace envoy"]}, "one lower-case word"),
    ({"extra": ["word"]}, "unknown keys"),
])
def test_grounding_words_parse_rejects_bad_lists(change, message):
    with pytest.raises(ValueError, match=message):
        grounding_words.parse(_good() | change)


def test_grounding_words_parse_rejects_missing_key():
    data = _good()
    del data["pronouns"]
    with pytest.raises(ValueError, match="missing keys"):
        grounding_words.parse(data)
