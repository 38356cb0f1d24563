"""event_words.yaml: the trigger-matching and modality word lists of the event coder,
one validated list per concept."""

from __future__ import annotations

import pytest

from diurna.knowledge import event_words


@pytest.mark.parametrize(("key", "word", "listed"), [
    ("negation_words", "no", True),  # a YAML 1.1 boolean unless quoted
    ("negation_words", "n't", True),
    ("future_auxiliaries", "'ll", True),
    ("future_auxiliaries", "would", False),  # possibility or reported future, not future
    ("possibility_modals", "would", True),
    ("reported_future_modals", "would", True),
    ("schedule_governors", "due", True),
    ("schedule_governors", "say", False),
    ("light_heads", "program", True),
    ("light_heads", "talks", False),
])
def test_event_words_membership(key, word, listed):
    assert (word in getattr(event_words.load(), key)) is listed


def test_event_words_reported_future_is_a_possibility_modal():
    w = event_words.load()
    assert w.reported_future_modals <= w.possibility_modals
    assert not w.future_auxiliaries & w.possibility_modals
