"""The speech cues (knowledge/cues.py loads and validates cues.yaml) and how a token is
one."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ...knowledge.cues import FILE as FILE
from ...knowledge.cues import Cues as Cues
from ...knowledge.cues import load as load
from ...knowledge.cues import parse as parse

if TYPE_CHECKING:
    from spacy.tokens import Token


def cue_of(tok: Token, words: frozenset[str]) -> str | None:
    """The cue text if `tok` is one of `words` (lemmas; "point out" is a lemma with a
    particle or preposition child), else None. Auxiliaries and nouns are not verb cues."""
    if tok.pos_ not in ("VERB",):
        return None
    lemma = tok.lemma_.lower()
    if lemma in words:
        return tok.text
    if lemma not in _phrase_starts(words):
        return None  # no cue phrase starts with the lemma: its children go unwalked
    for child in tok.children:
        if child.dep_ in ("prt", "prep") and f"{lemma} {child.lower_}" in words:
            return f"{tok.text} {child.text}"
    return None


@lru_cache(maxsize=64)
def _phrase_starts(words: frozenset[str]) -> frozenset[str]:
    """Every part of a cue before one of its spaces ("point" of "point out"): a lemma
    outside these starts no "lemma child" phrase of `words`."""
    return frozenset(w[:k] for w in words for k, ch in enumerate(w) if ch == " ")
