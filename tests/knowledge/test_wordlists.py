"""knowledge/wordlists.py: the one validator of word-list knowledge files."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from diurna.knowledge.wordlists import parse_lists, word_list


@dataclass(frozen=True, slots=True)
class _Lists:
    nouns: frozenset[str]
    cues: frozenset[str]


@pytest.mark.parametrize(("value", "one_word", "expected"), [
    (["said", "told"], True, ("said", "told")),
    (["point out", "said"], False, ("point out", "said")),
])
def test_wordlists_word_list_accepts(value, one_word, expected):
    assert word_list(value, "x", one_word=one_word) == expected


@pytest.mark.parametrize(("value", "one_word", "message"), [
    ([], True, "non-empty"),
    ("said", True, "non-empty list"),
    (["Said"], True, "one lower-case word"),
    (["point out"], True, "one lower-case word"),
    ([" said"], False, "without outer spaces"),
    ([False], True, "one lower-case word"),  # an unquoted YAML 1.1 "no"/"off"
    (["said", "said"], True, "listed twice"),
])
def test_wordlists_word_list_rejects(value, one_word, message):
    with pytest.raises(ValueError, match=message):
        word_list(value, "x", one_word=one_word)


def test_wordlists_parse_lists_phrases_only_where_allowed():
    data = {"nouns": ["crowd"], "cues": ["point out"]}
    got = parse_lists(_Lists, data, "t.yaml", phrases=frozenset({"cues"}))
    assert got.cues == frozenset({"point out"}) and got.nouns == frozenset({"crowd"})
    with pytest.raises(ValueError, match="t.yaml:cues"):
        parse_lists(_Lists, data, "t.yaml")


@pytest.mark.parametrize(("data", "message"), [
    ({"nouns": ["crowd"]}, "missing keys"),
    ({"nouns": ["crowd"], "cues": ["said"], "extra": ["x"]}, "unknown keys"),
    (["nouns"], "expected a mapping"),
])
def test_wordlists_parse_lists_rejects_bad_mappings(data, message):
    with pytest.raises(ValueError, match=message):
        parse_lists(_Lists, data, "t.yaml")
