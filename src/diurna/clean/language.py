"""Offline language identification (py3langid), guarded for short English texts.

A naive-Bayes identifier is unreliable on a headline or a two-line story full of
names ("Ruto wins Kenya vote" reads as Kinyarwanda). English function words settle
those: text in which they are frequent is English whatever the model says. Text that
is too short to tell and has no such words is taken as English unless the model is
confident; longer text gets the model's answer, so non-English is labelled, not coded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

SAMPLE = 3000  # characters looked at; the start of a story is representative
# Frequent in English, rare as words in the other languages of the news (so not "a",
# "in", "is", "was", "will", "die", "he", "on": they are words elsewhere too).
_FUNCTION_WORDS = frozenset(
    "the of and to said for that with from has have she its are were this not but they "
    "who which by would been their after".split()
)
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_RATIO = 0.08
_SHORT_WORDS = 20
_CONFIDENT = 0.9


@lru_cache(maxsize=1)
def _identifier() -> Any:
    # Loaded once per process from the model file inside the package: no download.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str:
    """An ISO 639 code ("en", "fr", ...) for `text`."""
    sample = text[:SAMPLE]
    words = [w.lower() for w in _WORD.findall(sample)]
    if not words:
        return "en"  # digits and punctuation only: nothing to tell, nothing to lose
    ratio = sum(w in _FUNCTION_WORDS for w in words) / len(words)
    if ratio >= _ENGLISH_RATIO:
        return "en"
    lang, prob = _identifier().classify(sample)
    if lang == "en":
        return "en"
    if len(words) < _SHORT_WORDS and prob < _CONFIDENT and _mostly_latin(sample):
        return "en"
    return lang


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch < "\u0250" for ch in letters) >= 0.8 * len(letters) if letters else True
