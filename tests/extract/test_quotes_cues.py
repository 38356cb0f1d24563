"""The speech cue lists (knowledge/cues.yaml) load and are validated."""

from __future__ import annotations

import pytest

from diurna.extract.quoting import cues as cue_data

_VALID = {
    "verbs": ["say"], "object_verbs": ["deny"], "addressee_verbs": ["tell"], "naming_verbs": ["call"],
    "frame_verbs": ["continue"], "nouns": ["statement"], "phrases": ["according to"],
    "title_markers": ["so-called"], "first_person": ["we"], "person_pronouns": ["he"],
    "organisation_pronouns": ["it"], "speaker_prepositions": ["of"], "addressing_verbs": ["say"],
    "addressee_prepositions": ["to"], "content_pronouns": ["that"], "source_prepositions": ["from"],
    "complementizers": ["that"], "infinitive_markers": ["to"], "title_small_words": ["of"],
}


def test_quotes_cues_shipped_file_loads() -> None:
    cues = cue_data.load()
    assert {"say", "tell", "add", "urge", "warn", "note", "insist", "announce"} <= cues.verbs
    assert "tell" in cues.addressee_verbs and "tell" in cues.speech_verbs
    assert "according to" in cues.phrases and ("according", "to") in cues.phrase_words
    assert "so-called" in cues.title_markers
    assert "she" in cues.person_pronouns and "it" in cues.organisation_pronouns and "for" in cues.speaker_prepositions


def test_quotes_cues_parse_valid() -> None:
    cues = cue_data.parse(_VALID)
    assert cues.verbs == frozenset({"say"})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"verbs": []}, "non-empty list"),
        ({"verbs": ["Say"]}, "lower-case"),
        ({"verbs": ["say", "say"]}, "listed twice"),
        ({"frame_verbs": ["say"]}, "repeats speech verbs"),
        ({"extra": ["x"]}, "unknown keys"),
        ({"nouns": "statement"}, "non-empty list"),
        ({"nouns": ["press release"]}, "one lower-case word"),  # phrases only where a key allows them
        ({"phrases": ["according"]}, "must be two words"),
    ],
)
def test_quotes_cues_parse_rejects(change: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        cue_data.parse({**_VALID, **change})


def test_quotes_cues_parse_rejects_missing_key() -> None:
    data = dict(_VALID)
    del data["verbs"]
    with pytest.raises(ValueError, match="missing keys"):
        cue_data.parse(data)
