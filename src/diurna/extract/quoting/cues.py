"""The speech cues (knowledge/cues.py loads and validates cues.yaml) and how a token is
one."""

from __future__ import annotations

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
    for child in tok.children:
        if child.dep_ in ("prt", "prep") and f"{lemma} {child.lower_}" in words:
            return f"{tok.text} {child.text}"
    return None
