"""The speech cue lists (knowledge/cues.yaml) load and are validated."""

from __future__ import annotations

from diurna.extract.quoting import cues as cue_data


def test_quotes_cues_shipped_file_loads() -> None:
    cues = cue_data.load()
    assert {"say", "tell", "add", "urge", "warn", "note", "insist", "announce"} <= cues.verbs
    assert "tell" in cues.addressee_verbs and "tell" in cues.speech_verbs
    assert "according to" in cues.phrases and ("according", "to") in cues.phrase_words
    assert "so-called" in cues.title_markers
    assert "she" in cues.person_pronouns and "it" in cues.organisation_pronouns and "for" in cues.speaker_prepositions