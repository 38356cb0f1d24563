"""time_words.tsv, time_rules.yaml and amount_words.yaml: validated at load, with the
errors a user editing them would make."""

from __future__ import annotations

import pytest

from diurna.extract.timex import lexicon as L
from diurna.extract.timex import rules
from diurna.knowledge import amount_words, time_rules


def test_time_words_shipped_file_fills_every_kind():
    lex = L.lexicon()
    for kind in L.KINDS:
        assert list(getattr(lex, kind)), kind


def test_time_words_lookup_ignores_case_dots_and_spacing():
    months = L.lexicon().month
    assert months.get("Sept.") == "9"
    assert L.lexicon().holiday.get("New  Year’s Day") == "01-01"
    assert months.get("septembre") is None


@pytest.mark.parametrize(("row", "message"), [
    (("moon", "full", "1"), "unknown kind"),
    (("month", "March", "3"), "lower case"),
    (("month", "march", "13"), "bad value"),
    (("weekday", "monday", "one"), "bad value"),
    (("tense", "will", "soon"), "bad value"),
    (("untensed_after", "be", "future"), "bad value"),
    (("anaphoric", "following", "2"), "bad value"),
    (("movable_holiday", "passover", "PASSOVER"), "bad value"),
    (("quarter_ordinal", "fifth", "5"), "bad value"),
    (("day_with_part", "next", "2"), "bad value"),
    (("day_phrase", "three days hence", "3"), "bad value"),
    (("day_part", "tonight", "night"), "bad value"),
    (("meridiem", "pm", "pm"), "bad value"),
])
def test_time_words_parse_rejects_bad_rows(row, message):
    with pytest.raises(ValueError, match=message):
        L.parse((row,))


def test_time_words_parse_rejects_a_word_listed_twice():
    with pytest.raises(ValueError, match="listed twice"):
        L.parse((("month", "march", "3"), ("month", "march", "3")))


def test_time_words_parse_accepts_good_rows():
    lex = L.parse((("month", "mars", "3"), ("tense", "will", "future")))
    assert lex.month.get("Mars") == "3" and "will" in lex.tense and "mars" not in lex.weekday


def test_time_rules_shipped_rules_bind_to_handlers():
    names = [r.name for r in rules.RULES]
    assert len(names) == len(set(names)) == len(time_rules.rulebook().rules)
    assert all(r.triggers for r in rules.RULES)
    assert all(r.pattern.pattern == r.source for r in rules.RULES)  # compiled on first use: all compile


def _rule(**change: object) -> dict[str, object]:
    return {"name": "r", "handler": "year", "triggers": ["#"], "pattern": "x"} | change


def _book(**change: object) -> dict[str, object]:
    return {"pieces": {}, "context": {}, "rules": [_rule()]} | change


@pytest.mark.parametrize(("data", "message"), [
    ([], "mapping with the keys"),
    (_book(extra=1), "mapping with the keys"),
    (_book(pieces={"part": "a|b"}), "UPPER_CASE"),
    (_book(context={"ON_BEFORE": ""}), "non-empty regex"),
    (_book(context={"ON_BEFORE": "(?:on"}), "context pattern ON_BEFORE"),
    (_book(rules=[]), "non-empty list"),
    (_book(rules=[_rule(), _rule()]), "listed twice"),
    (_book(rules=[_rule(when="always")]), "unknown keys"),
    (_book(rules=[{"name": "r", "handler": "year", "triggers": ["#"]}]), "missing keys"),
    (_book(rules=[_rule(triggers=[])]), "needs triggers"),
    (_book(rules=[_rule(triggers=["Monday"])]), "lower-case words"),
    (_book(rules=[_rule(pattern=3)]), "non-empty strings"),
])
def test_time_rules_parse_rejects_bad_documents(data, message):
    with pytest.raises(ValueError, match=message):
        time_rules.parse(data)


def test_time_rules_context_patterns_keep_their_flags():
    book = time_rules.parse(_book(context={"ON_BEFORE": r"(?i)\bon\s+$", "NAME_AFTER": r"\s+[A-Z]"}))
    assert book.pattern("ON_BEFORE").search("signed ON ") and not book.pattern("NAME_AFTER").match(" times")
    with pytest.raises(ValueError, match="context pattern MISSING is missing"):
        book.pattern("MISSING")


@pytest.mark.parametrize(("spec", "message"), [
    (time_rules.RuleSpec("r", "no_such_handler", ("#",), (), "x"), "handler"),
    (time_rules.RuleSpec("r", "_cap", ("#",), (), "x"), "handler"),  # private helpers are not handlers
    (time_rules.RuleSpec("r", "timedelta", ("#",), (), "x"), "handler"),  # imported, not defined there
    (time_rules.RuleSpec("r", "year", ("@moons",), (), "x"), "names no time_words.tsv kind"),
])
def test_time_rules_bind_rejects_unknown_names(spec, message):
    with pytest.raises(ValueError, match=message):
        rules.bind(spec)


def test_time_rules_bind_expands_kinds_and_plurals():
    rule = rules.bind(time_rules.RuleSpec("r", "weekday_name", ("@weekday+s", "each"), ("each",), "x"))
    assert {"monday", "mondays", "tues"} <= rule.triggers and "each" not in rule.triggers


def test_amount_words_shipped_file_loads():
    words = amount_words.load()
    assert words.scales["bn"] == 10**9 and words.numbers["dozens of"] is None
    assert "police officers" in words.count_nouns and "more than" in words.approximators


def _amounts(**change: object) -> dict[str, object]:
    return {"scales": {"bn": 10**9}, "numbers": {"two": 2}, "count_nouns": ["people"], "count_modifiers": ["more"],
            "approximators": ["about"]} | change


@pytest.mark.parametrize(("data", "message"), [
    ({"scales": {"bn": 10**9}}, "exactly the keys"),
    (_amounts(extra=[]), "exactly the keys"),
    (_amounts(scales={"bn": "lots"}), "positive number"),
    (_amounts(scales={"bn": 0}), "positive number"),
    (_amounts(numbers={"two": True}), "positive number"),
    (_amounts(count_nouns=[]), "non-empty list"),
    (_amounts(count_nouns=["People"]), "lower-case"),
    (_amounts(count_nouns=["people", "people"]), "listed twice"),
    (_amounts(approximators=["more  than"]), "single spaces"),
])
def test_amount_words_parse_rejects_bad_documents(data, message):
    with pytest.raises(ValueError, match=message):
        amount_words.parse(data)


def test_knowledge_read_yaml_rejects_a_key_written_twice(monkeypatch):
    from diurna import knowledge
    monkeypatch.setattr(knowledge, "read_text", lambda name: "a: 1\nb: 2\na: 3\n")
    with pytest.raises(ValueError, match="written twice"):
        knowledge.read_yaml("x.yaml")
