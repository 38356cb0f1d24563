"""The speech cue lists (knowledge/cues.yaml) load and are validated."""

from __future__ import annotations

import pytest

from diurna.extract.quoting import cues as cue_data
from diurna.extract.quoting.cues import cue_of


def test_quotes_cues_shipped_file_loads() -> None:
    cues = cue_data.load()
    assert {"say", "tell", "add", "urge", "warn", "note", "insist", "announce"} <= cues.verbs
    assert "tell" in cues.addressee_verbs and "tell" in cues.speech_verbs
    assert "according to" in cues.phrases and ("according", "to") in cues.phrase_words
    assert "so-called" in cues.title_markers
    assert "she" in cues.person_pronouns and "it" in cues.organisation_pronouns and "for" in cues.speaker_prepositions

@pytest.mark.parametrize(
    "words, lemma, child, expected",
    [
        (frozenset({"say"}), "say", "up", "Said"),  # the lemma itself
        (frozenset({"point out"}), "point", "out", "Pointed out"),  # lemma + particle
        (frozenset({"point out"}), "point", "to", None),  # another particle: no cue
        (frozenset({"point out", "say"}), "add", "out", None),  # no phrase starts with "add"
        (frozenset({"set out the plan"}), "set", "out the plan", "Pointed out the plan"),  # a part before any space
    ],
)
def test_quotes_cues_cue_of_reads_phrases_only_from_their_first_words(blank_nlp, words, lemma, child, expected):
    from spacy.tokens import Doc

    form = "Said" if lemma == "say" else "Pointed"
    doc = Doc(blank_nlp.vocab, words=[form, child], spaces=[True, False], pos=["VERB", "ADP"],
              lemmas=[lemma, child], heads=[0, 0], deps=["ROOT", "prt"])
    assert cue_of(doc[0], words) == expected


def test_quotes_cues_cue_of_passes_over_nouns(blank_nlp):
    from spacy.tokens import Doc

    doc = Doc(blank_nlp.vocab, words=["Says"], pos=["NOUN"], lemmas=["say"])
    assert cue_of(doc[0], frozenset({"say"})) is None
