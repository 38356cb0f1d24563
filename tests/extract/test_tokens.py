"""tokens_from, where and column: tokens by offset and attribute from one array view of
the Doc, read once per Doc (issue 20); words: every token's lower-cased form and
lemma; head_indices: every token's head; ids: the ids a column holds for some names;
covering: the whole tokens over a character range."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from diurna.extract.tokens import column, covering, head_indices, ids, token_range, tokens_from, where, words

WORDS = ["Arnor", "'s", "envoy", "met", "Gondor", "officials", "in", "Minas", "Tirith", "."]
SPACES = [False, True, True, True, True, True, True, True, False, False]


@pytest.fixture(scope="module")
def doc(blank_nlp) -> Doc:
    return Doc(blank_nlp.vocab, words=WORDS, spaces=SPACES)


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (0, 5, ["Arnor"]),
        (0, 7, ["Arnor", "'s"]),
        (1, 7, ["'s"]),  # a token starting before the range is not in it
        (8, 24, ["envoy", "met", "Gondor"]),
        (18, 100, ["Gondor", "officials", "in", "Minas", "Tirith", "."]),
        (7, 8, []),  # a space: no token starts there
        (12, 12, []),  # empty range
        (30, 10, []),  # end before start
        (100, 200, []),  # past the end
    ],
)
def test_tokens_from_equals_the_walk(doc, start, end, expected):
    found = tokens_from(doc, start, end)
    assert [t.text for t in found] == expected
    assert [t.i for t in found] == [t.i for t in doc if start <= t.idx < end]


def test_tokens_from_every_range_of_a_doc(doc):
    for start in range(-1, len(doc.text) + 2):
        for end in range(start - 1, len(doc.text) + 2):
            assert [t.i for t in tokens_from(doc, start, end)] == [t.i for t in doc if start <= t.idx < end]


@pytest.mark.parametrize(
    "attr, values",
    [
        ("LOWER", ("the",)),
        ("LOWER", ("the", "in")),
        ("ORTH", ("Gondor", "Minas")),
        ("LOWER", ("nowhere",)),  # no token: nothing
        ("LOWER", ()),
    ],
)
def test_tokens_where_equals_the_walk(blank_nlp, attr, values):
    doc = blank_nlp("The envoy of Arnor met the Gondor officials in Minas Tirith in the spring.")
    read = {"LOWER": lambda t: t.lower_, "ORTH": lambda t: t.text}[attr]
    assert where(doc, attr, values) == [t.i for t in doc if read(t) in values]


def test_tokens_where_reads_part_of_speech(blank_nlp):
    doc = Doc(blank_nlp.vocab, words=["Arnor", "troops", "left", "it"], pos=["PROPN", "NOUN", "VERB", "PRON"])
    assert where(doc, "POS", ("NOUN", "PROPN")) == [0, 1]
    assert where(doc, "POS", ("PRON",)) == [3]
    assert where(doc, "POS", ("ADJ",)) == []


@pytest.mark.parametrize("attr", ["IDX", "POS", "LOWER", "ORTH"])
def test_tokens_column_equals_to_array_and_is_read_once(blank_nlp, attr):
    doc = Doc(blank_nlp.vocab, words=["Arnor", "troops", "left", "it"], pos=["PROPN", "NOUN", "VERB", "PRON"])
    values = column(doc, attr)
    assert values == doc.to_array(attr).tolist()
    assert column(doc, attr) is values  # kept with the Doc, not read again


def test_tokens_column_of_an_empty_doc(blank_nlp):
    doc = blank_nlp("")
    assert column(doc, "IDX") == []
    assert list(tokens_from(doc, 0, 10)) == []
    assert where(doc, "LOWER", ("the",)) == []


def test_tokens_column_is_per_doc(blank_nlp):
    """Two Docs never share a view, whatever ran before."""
    first, second = blank_nlp("Arnor met Gondor."), blank_nlp("Rohan  left.")
    assert column(first, "IDX") == [0, 6, 10, 16]
    assert column(second, "IDX") == [0, 6, 7, 11]  # the second space is a token
    assert [t.text for t in tokens_from(second, 7, 20)] == ["left", "."]


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (1, 3, ["Arnor"]),  # part of a token takes the token
        (2, 10, ["Arnor", "'s", "envoy"]),
        (20, 40, ["Gondor", "officials", "in", "Minas"]),
        (44, 51, ["Tirith", "."]),
        (7, 8, []),  # a space alone: no token
        (100, 200, None),  # past the end
    ],
)
def test_tokens_covering_widens_to_whole_tokens(doc, start, end, expected):
    found = covering(doc, start, end)
    assert (None if found is None else [t.text for t in found]) == expected


@pytest.mark.parametrize(
    "words_, lemmas",
    [
        (["Gondor", "Troops", "SHELLED", "posts"], ["Gondor", "troop", "Shell", "post"]),  # lemmas lower-cased
        (["The", "envoy", "met", "them"], ["the", "envoy", "meet", "they"]),
        (["Arnor", "left"], ["", ""]),  # no lemma: the empty string, as lemma_ gives
    ],
)
def test_tokens_words_equal_lower_and_lemma_of_each_token(blank_nlp, words_, lemmas):
    doc = Doc(blank_nlp.vocab, words=words_, lemmas=lemmas if any(lemmas) else None)
    lows, lowered = words(doc)
    assert lows == [t.lower_ for t in doc]
    assert lowered == [t.lemma_.lower() for t in doc]
    assert words(doc) is words(doc)  # kept with the Doc, not read again


def test_tokens_words_of_an_empty_doc(blank_nlp):
    assert words(blank_nlp("")) == ([], [])


@pytest.mark.parametrize(
    "heads",
    [
        [2, 2, 2, 2],  # every token under one root
        [1, 1, 1, 2],  # heads before and after
        [0, 0, 1, 2],  # a chain to the first token
        [3, 3, 3, 3],  # the root last: offsets below zero
    ],
)
def test_tokens_head_indices_equal_each_head(blank_nlp, heads):
    doc = Doc(blank_nlp.vocab, words=["Arnor", "troops", "left", "Gondor"], heads=heads,
              deps=["dep" if h != i else "ROOT" for i, h in enumerate(heads)])
    assert head_indices(doc) == [t.head.i for t in doc] == heads
    assert head_indices(doc) is head_indices(doc)


def test_tokens_head_indices_of_an_empty_doc(blank_nlp):
    assert head_indices(blank_nlp("")) == []


@pytest.mark.parametrize(
    "attr, names, reads",
    [
        ("DEP", frozenset({"nsubj", "dobj"}), lambda t: t.dep_ in ("nsubj", "dobj")),
        ("POS", frozenset({"VERB", "AUX"}), lambda t: t.pos_ in ("VERB", "AUX")),
        ("DEP", frozenset({"a-label-nobody-uses"}), lambda t: False),  # not a symbol: its hash
        ("DEP", frozenset(), lambda t: False),
    ],
)
def test_tokens_ids_select_what_the_attribute_names(blank_nlp, attr, names, reads):
    doc = Doc(blank_nlp.vocab, words=["Arnor", "has", "left", "Gondor"], heads=[2, 2, 2, 2],
              deps=["nsubj", "aux", "ROOT", "dobj"], pos=["PROPN", "AUX", "VERB", "PROPN"])
    found = ids(doc, names)
    assert [v in found for v in column(doc, attr)] == [reads(t) for t in doc]


def test_tokens_token_range_bounds_tokens_from(doc):
    for start in range(-1, len(doc.text) + 2):
        for end in range(start - 1, len(doc.text) + 2):
            i, j = token_range(doc, start, end)
            span = tokens_from(doc, start, end)
            assert (span.start, span.end) == (i, j) if len(span) else i == j
