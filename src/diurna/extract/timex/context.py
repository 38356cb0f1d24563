"""Cheap lexical tense cues around a time expression, instead of a POS tagger.

The tense decides the year of "March 3" and the direction of "on Thursday". We look
at the words of the expression's sentence (clause punctuation does not stop us, a
sentence end does) and let the nearest decisive cue win: modals and "going to" for
the future; past auxiliaries, reporting verbs and -ed forms for the past. Measured on
TimeBank this is as good as reading spaCy tags, at a fraction of the cost.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...knowledge.regex_cache import regex
from .lexicon import FUTURE, NO_TENSE, PAST, PRESENT, lexicon

# A sentence ends at . ! ? followed by space and a capital/quote, or at a blank line.
_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘'(])|\n\s*\n")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end], by punctuation (no parser needed)."""
    left = 0
    for m in _SENT_END.finditer(text, max(0, start - 400), start):
        left = m.end()
    after = _SENT_END.search(text, end, min(len(text), end + 400))
    right = after.start() + 1 if after else min(len(text), end + 400)
    return max(left, start - 400), right


def tense(text: str, start: int, end: int) -> str | None:
    """PAST, FUTURE or None, from the nearest decisive cue in the sentence."""
    left, right = sentence_bounds(text, start, end)
    cues: list[tuple[int, str]] = []
    untensed = lexicon().untensed_after.values
    prev = ""
    for m in _WORD.finditer(text, left, right):
        w = m.group(0).lower()
        if start <= m.start() < end:
            prev = w
            continue
        # A participle after "be"/"been" ("will be held") carries no tense of its own.
        kind = None if prev in untensed else _cue(w, text, m.end())
        prev = w
        if kind:
            dist = start - m.end() if m.end() <= start else m.start() - end
            cues.append((dist, kind))
    if not cues:
        return None
    cues.sort()
    kind = cues[0][1]
    return None if kind == PRESENT else kind


@lru_cache(maxsize=1)
def _after_to() -> re.Pattern[str]:
    """What makes "to" a future cue: one of the verbs of intent ("to meet", "to be held")."""
    return regex(rf"\s+(?:be\s+)?(?:{lexicon().tense_after_to.alternation()})\b")


_TO = re.compile(r"\s+to\b")


def _cue(w: str, text: str, after: int) -> str | None:
    lex = lexicon()
    kind = lex.tense.values.get(w)
    if kind == FUTURE:
        return FUTURE
    if w == "to" and _after_to().match(text[after:after + 40]):
        return FUTURE
    if w in lex.tense_before_to.values and _TO.match(text[after:after + 6]):
        return FUTURE
    if kind in (PAST, PRESENT):
        return kind
    if len(w) > 4 and w.endswith("ed") and kind != NO_TENSE:
        return PAST
    return None
