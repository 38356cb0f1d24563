"""knowledge/wordlists.py: the one validator of word-list knowledge files, and every
word-list file's parser refusing the same bad documents (one table)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

import pytest

from diurna.knowledge import argument_words, cues, event_words, grammar, grounding_words, place_names, read_yaml
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


# ------------------------------------------------ the word-list knowledge files, one table
# Every word-list file is read by parse_lists, so each refuses the same bad shapes with
# the same message; one table over all of them (a file's own checks, such as cues.yaml's
# two-word phrases, are rows of it too). `good` is a document each parser accepts.

_DROP = object()  # a change that removes the key


def _words(keys: tuple[str, ...]) -> Callable[[], dict[str, object]]:
    return lambda: {k: ["word"] for k in keys}


def _keys(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_CUES = {
    "verbs": ["say"], "object_verbs": ["deny"], "addressee_verbs": ["tell"], "naming_verbs": ["call"],
    "frame_verbs": ["continue"], "nouns": ["statement"], "phrases": ["according to"],
    "title_markers": ["so-called"], "first_person": ["we"], "person_pronouns": ["he"],
    "organisation_pronouns": ["it"], "speaker_prepositions": ["of"], "addressing_verbs": ["say"],
    "addressee_prepositions": ["to"], "content_pronouns": ["that"], "source_prepositions": ["from"],
    "complementizers": ["that"], "infinitive_markers": ["to"], "title_small_words": ["of"],
}

# file: (its parser, a document it accepts)
FILES: dict[str, tuple[Callable[[object], object], Callable[[], dict[str, object]]]] = {
    "grammar": (grammar.parse, _words(grammar.KEYS)),
    "grounding_words": (grounding_words.parse, _words(grounding_words.KEYS)),
    "argument_words": (argument_words.parse, _words(_keys(argument_words.ArgumentWords))),
    "event_words": (lambda data: parse_lists(event_words.EventWords, data, event_words.FILE),
                    lambda: dict(read_yaml(event_words.FILE))),
    "place_names": (lambda data: parse_lists(place_names.PlaceNames, data, place_names.FILE),
                    lambda: {"particles": ["de"], "capital_after": ["mc"]}),
    "cues": (cues.parse, lambda: dict(_CUES)),
}


@pytest.mark.parametrize(("file", "change", "message"), [
    ("grammar", {"hedges": []}, "non-empty"),
    ("grammar", {"hedges": ["Mostly"]}, "one lower-case word"),
    ("grammar", {"hedges": ["mostly", "mostly"]}, "listed twice"),
    ("grammar", {"hedges": [False]}, "one lower-case word"),  # an unquoted YAML 1.1 "off"
    ("grammar", {"hedges": ["two words"]}, "one lower-case word"),
    ("grammar", {"extra": ["word"]}, "unknown keys"),
    ("grammar", {"hedges": _DROP}, "missing keys"),
    ("grammar", ["hedges"], "expected a mapping"),  # a list, not a mapping: the whole document
    ("grounding_words", {"stance_nouns": []}, "non-empty"),
    ("grounding_words", {"stance_nouns": ["Defiance"]}, "one lower-case word"),
    ("grounding_words", {"talks_nouns": ["talks", "talks"]}, "listed twice"),
    ("grounding_words", {"phrase_prepositions": [True]}, "one lower-case word"),  # an unquoted YAML 1.1 "on"
    ("grounding_words", {"agent_nouns": ["peace envoy"]}, "one lower-case word"),
    ("grounding_words", {"extra": ["word"]}, "unknown keys"),
    ("grounding_words", {"pronouns": _DROP}, "missing keys"),
    ("argument_words", {"measure_nouns": []}, "non-empty"),
    ("argument_words", {"measure_nouns": ["Day"]}, "one lower-case word"),
    ("argument_words", {"measure_nouns": ["day", "day"]}, "listed twice"),
    ("argument_words", {"event_location_prepositions": [True]}, "one lower-case word"),  # an unquoted "on"
    ("argument_words", {"coming_verbs": ["two words"]}, "one lower-case word"),
    ("argument_words", {"extra": ["word"]}, "unknown keys"),
    ("event_words", {"copulas": []}, "non-empty"),
    ("event_words", {"copulas": ["Be"]}, "one lower-case word"),
    ("event_words", {"copulas": ["be", "be"]}, "listed twice"),
    ("event_words", {"negation_words": [False]}, "one lower-case word"),  # an unquoted YAML 1.1 "no"
    ("event_words", {"light_heads": ["aid program"]}, "one lower-case word"),
    ("event_words", {"extra": ["word"]}, "unknown keys"),
    ("place_names", {"capital_after": _DROP}, "missing keys"),
    ("place_names", {"particles": ["De"]}, "one lower-case word"),
    ("place_names", {"extra": ["x"]}, "unknown keys"),
    ("cues", {"verbs": []}, "non-empty list"),
    ("cues", {"verbs": ["Say"]}, "lower-case"),
    ("cues", {"verbs": ["say", "say"]}, "listed twice"),
    ("cues", {"frame_verbs": ["say"]}, "repeats speech verbs"),
    ("cues", {"extra": ["x"]}, "unknown keys"),
    ("cues", {"nouns": "statement"}, "non-empty list"),
    ("cues", {"nouns": ["press release"]}, "one lower-case word"),  # phrases only where a key allows them
    ("cues", {"phrases": ["according"]}, "must be two words"),
    ("cues", {"verbs": _DROP}, "missing keys"),
])
def test_wordlists_files_reject_bad_documents(file: str, change: object, message: str) -> None:
    parse, good = FILES[file]
    data = {k: v for k, v in (good() | change).items() if v is not _DROP} if isinstance(change, dict) else change
    with pytest.raises(ValueError, match=message):
        parse(data)


@pytest.mark.parametrize("file", list(FILES))
def test_wordlists_files_accept_a_good_document(file: str) -> None:
    parse, good = FILES[file]
    data = good()
    parsed = parse(data)
    for key, words in data.items():
        assert getattr(parsed, key) == frozenset(words), key


# the shipped files: (file, its loader)
LOADERS: dict[str, Callable[[], object]] = {
    "grammar": grammar.load, "grounding_words": grounding_words.load, "argument_words": argument_words.load,
    "event_words": event_words.load, "place_names": place_names.load, "cues": cues.load,
}


@pytest.mark.parametrize("file", list(LOADERS))
def test_wordlists_shipped_files_load_every_key(file: str) -> None:
    words = LOADERS[file]()
    assert fields(words)
    for field in fields(words):
        assert getattr(words, field.name), field.name
