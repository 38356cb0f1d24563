"""The boilerplate rules (knowledge/boilerplate.yaml): examples match, counter-examples
(real story sentences) are never removed, and a bad rules file is refused at load."""

from __future__ import annotations

import pytest

from diurna.clean import boilerplate

RULES = boilerplate.rules()
EXAMPLES = [(r.reason, ex) for r in RULES for ex in r.examples]
COUNTER = [(r.reason, ex) for r in RULES for ex in r.counter_examples]


def test_boilerplate_rules_every_rule_has_examples_and_counter_examples():
    for rule in RULES:
        assert rule.examples, rule.reason
        assert rule.counter_examples or rule.reason in {"advertisement"}, rule.reason


@pytest.mark.parametrize("reason,text", EXAMPLES)
def test_boilerplate_rules_example_is_removed_with_its_reason(reason, text):
    # position 0 of 10 is an edge and not the tail; tail-only rules are tried at the end
    position = 9 if reason == "wire-credit" else 0
    assert boilerplate.classify(text, position, 10) == reason


@pytest.mark.parametrize("reason,text", COUNTER)
def test_boilerplate_rules_story_sentence_is_kept_anywhere(reason, text):
    for position in (0, 5, 9):
        assert boilerplate.classify(text, position, 10) is None, (position, text)


@pytest.mark.parametrize("text", [
    "The army said 40 soldiers were killed. Subscribe to our newsletter. Share this article",
    "The army said 40 soldiers were killed. Officials in Minas Tirith said the toll could rise as rescuers "
    "searched the rubble, and a curfew was declared in the city. Photo: AFP",
])
def test_boilerplate_classify_story_sentence_keeps_its_paragraph(text):
    assert boilerplate.classify(text, 3, 10) is None


@pytest.mark.parametrize(("text", "classified"), [
    # the first sentence is story text: the others are never classified
    ("The army said 40 soldiers were killed. Officials in Minas Tirith said the toll could rise. "
     "Subscribe to our newsletter.", 1),
    # boilerplate first: every sentence up to the first story one
    ("Subscribe to our newsletter. The army said 40 soldiers were killed. Officials in Minas Tirith said the "
     "toll could rise as rescuers searched the rubble, and a curfew was declared in the city.", 2),
])
def test_boilerplate_classify_stops_at_the_first_story_sentence(monkeypatch, text, classified):
    seen = []
    real = boilerplate._classify_one
    monkeypatch.setattr(boilerplate, "_classify_one", lambda s, p, c: seen.append(s) or real(s, p, c))
    assert boilerplate.classify(text, 3, 10) is None
    assert len(seen) == classified


def test_boilerplate_classify_paragraph_of_boilerplate_sentences_goes():
    text = "Copyright 2026 The Associated Press. All rights reserved. This material may not be published."
    assert boilerplate.classify(text, 9, 10) == "copyright"


@pytest.mark.parametrize("text,reason", [
    ("The electoral commission rejected the request. This story originated in VOA's Arnorian Service.", "origin-note"),
    ("Talks will resume on Monday. Bard Bowman contributed to this report from Dale.", "additional-reporting"),
    ("Talks will resume on Monday, officials said.", None),
    ("Experts say the talks will resume. Analysts who contributed to this report warned of delays.", None),
])
def test_boilerplate_split_tail_note(text, reason):
    found = boilerplate.split_tail_note(text)
    assert (found[2] if found else None) == reason
    if found:
        assert text.startswith(found[0]) and text.endswith(found[1])


@pytest.mark.parametrize("yaml_text,message", [
    ("rules: 3", "rules"),
    ("rules:\n  - reason: x\n    max_chars: 10\n    patterns: ['(']", "bad pattern"),
    ("rules:\n  - reason: x\n    max_chars: 0\n    patterns: ['a']", "max_chars"),
    ("rules:\n  - reason: x\n    max_chars: 10\n    where: middle\n    patterns: ['a']", "where"),
    ("rules:\n  - reason: x\n    max_chars: 10\n    patterns: []", "patterns"),
    ("rules:\n  - reason: x\n    max_chars: 10\n    patterns: ['a']\n    colour: red", "unknown keys"),
])
def test_boilerplate_parse_rules_refuses_bad_files(yaml_text, message):
    with pytest.raises(ValueError, match=message):
        boilerplate.parse_rules(yaml_text, "test.yaml")


@pytest.mark.parametrize(("text", "bare"), [
    ("▶ Watch the full report", "Watch the full report"),
    ("🔔 Turn on notifications", "Turn on notifications"),
    (">> Sign up for our free politics newsletter <<", "Sign up for our free politics newsletter"),
    ("- Advertisement -", "Advertisement"),
    ("Sign up to our daily briefing ✉️", "Sign up to our daily briefing"),
    ("“We will not sign,” the envoy said.", "“We will not sign,” the envoy said."),  # quotes are no decoration
    ("$5 a month is the minimum wage.", "$5 a month is the minimum wage."),
    ("(AP) — The talks resumed.", "(AP) — The talks resumed."),
    ("→ ←", ""),
])
def test_boilerplate_undecorated(text, bare):
    assert boilerplate.undecorated(text) == bare


@pytest.mark.parametrize(("text", "reason"), [
    ("▶ Watch the full report", "related-link"),
    ("🔔 Turn on notifications so you never miss breaking news", "app-prompt"),
    ("👉 Follow us on Instagram", "follow-topic"),
    ("➡️ Stay in your homes, the governor told residents.", None),
    ("• The army said 40 soldiers were killed.", None),
])
def test_boilerplate_classify_sees_through_decoration(text, reason):
    assert boilerplate.classify(text, 4, 10) == reason
    assert boilerplate.standalone_reason(text) == reason


@pytest.mark.parametrize(("text", "reason"), [
    # a short run of prompts that no pattern takes as a whole: every sentence is one
    ("Get breaking news alerts. Turn on notifications.", "app-prompt"),
    ("Available on the App Store. Get it on Google Play.", "app-prompt"),
    ("Our reporting is free for everyone. If you can, please support us with a one-off or monthly contribution.",
     "reader-offer"),
    # a story sentence beside a prompt keeps the paragraph
    ("Turn on notifications. The army said 40 soldiers were killed.", None),
    ("The army said 40 soldiers were killed. Share this article", None),
    ("Officials declined to comment. Police said the road was closed.", None),
])
def test_boilerplate_classify_short_run_of_sentences(text, reason):
    assert boilerplate.classify(text, 4, 10) == reason
