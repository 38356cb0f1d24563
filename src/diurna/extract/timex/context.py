"""Cheap lexical tense cues around a time expression, instead of a POS tagger.

The tense decides the year of "March 3" and the direction of "on Thursday". We look
at the words of the expression's sentence (clause punctuation does not stop us, a
sentence end does) and let the nearest decisive cue win: modals and "going to" for
the future; past auxiliaries, reporting verbs and -ed forms for the past. Measured on
TimeBank this is as good as reading spaCy tags, at a fraction of the cost.
"""

from __future__ import annotations

import re

# A sentence ends at . ! ? followed by space and a capital/quote, or at a blank line.
_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘'(])|\n\s*\n")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")

_FUTURE = frozenset(
    "will 'll shall won't wo gonna upcoming scheduled plans plan planning intends intend expects "
    "expect expected aims aim hopes hope tomorrow soon must".split()
)
_PAST = frozenset(
    "was were had did said told ago earlier yesterday last previously wasn't weren't hadn't didn't "
    "came went got took made gave began left met fell rose won lost held sold bought paid saw "
    "found brought thought kept ran set put spoke wrote became grew struck fought sent".split()
)
_PRESENT = frozenset("is are am isn't aren't now today currently".split())
# -ed words that are not past-tense verbs.
_NOT_PAST = frozenset(
    "need indeed speed bed red hundred united based feed seed breed proceed exceed succeed "
    "shed wed embed naked sacred wicked alleged so-called".split()
)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end], by punctuation (no parser needed)."""
    left = 0
    for m in _SENT_END.finditer(text, max(0, start - 400), start):
        left = m.end()
    after = _SENT_END.search(text, end, min(len(text), end + 400))
    right = after.start() + 1 if after else min(len(text), end + 400)
    return max(left, start - 400), right


def tense(text: str, start: int, end: int) -> str | None:
    """"past", "future" or None, from the nearest decisive cue in the sentence."""
    left, right = sentence_bounds(text, start, end)
    cues: list[tuple[int, str]] = []
    prev = ""
    for m in _WORD.finditer(text, left, right):
        w = m.group(0).lower()
        if start <= m.start() < end:
            prev = w
            continue
        # A participle after "be"/"been" ("will be held") carries no tense of its own.
        kind = None if prev in ("be", "been", "being") else _cue(w, text, m.end())
        prev = w
        if kind:
            dist = start - m.end() if m.end() <= start else m.start() - end
            cues.append((dist, kind))
    if not cues:
        return None
    cues.sort()
    kind = cues[0][1]
    return None if kind == "present" else kind


def _cue(w: str, text: str, after: int) -> str | None:
    if w in _FUTURE:
        return "future"
    if w == "would" or w == "to" and re.match(r"\s+(?:be\s+)?(?:meet|hold|visit|begin|start|vote|announce|"
                                                r"sign|open|travel|resume|take|make|return)\b", text[after:after + 40]):
        return "future"
    if w in ("going", "due", "set", "scheduled") and re.match(r"\s+to\b", text[after:after + 6]):
        return "future"
    if w in _PAST:
        return "past"
    if w in _PRESENT:
        return "present"
    if len(w) > 4 and w.endswith("ed") and w not in _NOT_PAST:
        return "past"
    return None
