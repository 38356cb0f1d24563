"""Tokens by character offset and by attribute, read from one array view of the Doc.

Iterating a spaCy Doc makes a Python Token object for every token, so an extractor
that gathers "the tokens of this mention" with `[t for t in doc if start <= t.idx <
end]` pays for the whole document each time; once per event or quote that was about a
quarter of the events extractor's time on news text (issue 20). Token offsets rise
with the token index, so a binary search over the offsets finds the same tokens.

The extractors share one view of each Doc (`column`): an attribute of every token,
read with `Doc.to_array` the first time any extractor asks and kept in the Doc's
`user_data`, so it lives and dies with the Doc. It is a pure function of the annotated
Doc (no extractor changes a Doc), so a kept column is what a fresh read would give.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


_COLUMNS = "diurna.tokens.columns"  # the Doc's user_data key: spaCy attribute name -> values


def column(doc: Doc, attr: str) -> list[int]:
    """`attr` (a spaCy attribute name: IDX, POS, LOWER, ...) of every token, in order:
    what `doc.to_array(attr)` gives, as a list read once per Doc."""
    columns = doc.user_data.get(_COLUMNS)
    if columns is None:
        columns = doc.user_data[_COLUMNS] = {}
    values = columns.get(attr)
    if values is None:
        values = columns[attr] = doc.to_array(attr).tolist() if len(doc) else []
    return values


_WORDS = "diurna.tokens.words"  # the Doc's user_data key: (lower-cased forms, lower-cased lemmas)


def words(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's `lower_` and its lemma lower-cased (`lemma_.lower()`), in order, read
    once per Doc and kept like the columns: a pass that tests each word of a sentence
    against a word list reads two lists instead of making a Token per word (and two
    string look-ups per Token). A lemma is lower-cased once per distinct lemma."""
    kept = doc.user_data.get(_WORDS)
    if kept is None:
        strings = doc.vocab.strings
        lowered: dict[int, str] = {}
        lemmas = []
        for h in column(doc, "LEMMA"):
            lemma = lowered.get(h)
            if lemma is None:
                lemma = lowered[h] = strings[h].lower()
            lemmas.append(lemma)
        kept = doc.user_data[_WORDS] = ([strings[h] for h in column(doc, "LOWER")], lemmas)
    return kept


_IDS: dict[frozenset[str], frozenset[int]] = {}


def ids(doc: Doc, names: frozenset[str]) -> frozenset[int]:
    """The ids a column holds for `names` (dependency labels, tags, parts of speech, words): a
    symbol's fixed id or the string's hash, the same in every vocabulary, so each set of
    names is looked up once per process."""
    found = _IDS.get(names)
    if found is None:
        strings = doc.vocab.strings
        found = _IDS[names] = frozenset(strings[n] for n in names)
    return found


_HEADS = "diurna.tokens.heads"  # the Doc's user_data key: every token's head index


def head_indices(doc: Doc) -> list[int]:
    """Every token's `head.i`, in order, read once per Doc (HEAD is stored as an offset
    from the token: its array is unsigned, so it is read signed and added to the index)."""
    kept = doc.user_data.get(_HEADS)
    if kept is None:
        import numpy

        offsets = doc.to_array("HEAD").astype(numpy.int64)
        kept = doc.user_data[_HEADS] = (numpy.arange(len(doc), dtype=numpy.int64) + offsets).tolist()
    return kept


def tokens_from(doc: Doc, start: int, end: int) -> Span:
    """The tokens whose first character lies in [start, end), in order (an empty span
    when there are none): what `[t for t in doc if start <= t.idx < end]` lists."""
    i, j = token_range(doc, start, end)
    return doc[i:j]


def token_range(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The first index and the index past the last of `tokens_from(doc, start, end)`: a
    caller that needs only how many tokens, or one of them, makes no Span."""
    starts = column(doc, "IDX")
    i = bisect_left(starts, start)
    return i, bisect_left(starts, end, lo=i)


def where(doc: Doc, attr: str, values: Iterable[str]) -> list[int]:
    """The indices, in order, of the tokens whose `attr` (a spaCy attribute name: POS,
    LOWER, ORTH, ...) is one of `values`: what `[t.i for t in doc if t.pos_ in values]`
    gives, read from one array of the Doc instead of a Token object per token. A pass
    that only looks at some kinds of token walks those alone."""
    wanted = ids(doc, frozenset(values))
    return [i for i, v in enumerate(column(doc, attr)) if v in wanted]


def covering(doc: Doc, start: int, end: int) -> Span | None:
    """The whole tokens covering the characters [start, end) (a part of a token takes the
    token): spaCy's `doc.char_span(start, end, alignment_mode="expand")`, named once. None
    when the range holds no token."""
    return doc.char_span(start, end, alignment_mode="expand")
