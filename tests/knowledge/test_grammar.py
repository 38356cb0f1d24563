"""grammar.yaml: one validated word list per concept."""

from __future__ import annotations

import pytest

from diurna.knowledge import grammar


def test_grammar_shipped_file_loads_every_key():
    g = grammar.load()
    for key in grammar.KEYS:
        assert getattr(g, key), key


def test_grammar_off_is_a_word_not_a_yaml_boolean():
    assert "off" in grammar.load().locative_prepositions


def test_grammar_place_mention_prepositions_are_locative():
    g = grammar.load()
    assert g.place_mention_prepositions <= g.locative_prepositions


def _good() -> dict[str, list[str]]:
    return {k: ["word"] for k in grammar.KEYS}


@pytest.mark.parametrize(("change", "message"), [
    ({"hedges": []}, "non-empty"),
    ({"hedges": ["Mostly"]}, "one lower-case word"),
    ({"hedges": ["mostly", "mostly"]}, "listed twice"),
    ({"hedges": [False]}, "one lower-case word"),  # an unquoted YAML 1.1 "off"
    ({"hedges": ["two words"]}, "one lower-case word"),
    ({"extra": ["word"]}, "unknown keys"),
])
def test_grammar_parse_rejects_bad_lists(change, message):
    data = _good() | change
    with pytest.raises(ValueError, match=message):
        grammar.parse(data)


def test_grammar_parse_rejects_missing_key():
    data = _good()
    del data["hedges"]
    with pytest.raises(ValueError, match="missing keys"):
        grammar.parse(data)


def test_grammar_parse_rejects_non_mapping():
    with pytest.raises(ValueError, match="expected a mapping"):
        grammar.parse(["hedges"])


def test_grammar_parse_accepts_good_lists():
    assert grammar.parse(_good()).hedges == frozenset({"word"})
