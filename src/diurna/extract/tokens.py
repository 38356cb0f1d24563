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
from collections.abc import Iterable
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


def where(doc: Doc, attr: str, values: Iterable[str]) -> list[int]:
    """The indices, in order, of the tokens whose `attr` (a spaCy attribute name: POS,
    LOWER, ORTH, ...) is one of `values`: what `[t.i for t in doc if t.pos_ in values]`
    gives, read from one array of the Doc instead of a Token object per token. A pass
    that only looks at some kinds of token walks those alone."""
    import numpy

    wanted = [doc.vocab.strings[v] for v in values]
    return numpy.flatnonzero(numpy.isin(doc.to_array(attr), wanted)).tolist()
