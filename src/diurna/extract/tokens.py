"""Tokens by character offset, found by binary search instead of a walk of the Doc.

Iterating a spaCy Doc makes a Python Token object for every token, so an extractor
that gathers "the tokens of this mention" with `[t for t in doc if start <= t.idx <
end]` pays for the whole document each time; once per event or quote that was about a
quarter of the events extractor's time on news text (issue 20). Token offsets rise
with the token index, so a binary search over `doc[i].idx` finds the same tokens
touching only about log2(len(doc)) of them.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def _idx(tok: Token) -> int:
    return tok.idx


def tokens_from(doc: Doc, start: int, end: int) -> Span:
    """The tokens whose first character lies in [start, end), in order (an empty span
    when there are none): what `[t for t in doc if start <= t.idx < end]` lists."""
    i = bisect_left(doc, start, key=_idx)
    return doc[i : bisect_left(doc, end, lo=i, key=_idx)]
