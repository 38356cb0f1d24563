"""The publication-voice line classifier (clean/voice.py): lines a page speaks to its
reader in go, story lines that use the same words stay; its cue lists and fitted model
are validated data."""

from __future__ import annotations

import copy
import json

import pytest

from diurna import knowledge
from diurna.clean import voice


@pytest.mark.parametrize("line", [
    "Enjoyed this piece? Share it with your friends.",
    "Sign up for the Harrowgate Bugle breakfast email",
    "Follow us on Mastodon for more",
    "Download our free app today",
    "Help us keep our reporting free: give what you can.",
    "Tap the bell to get notified when we go live.",
])
def test_clean_voice_prompt_lines(line):
    assert voice.is_prompt(line)


@pytest.mark.parametrize("line", [
    "The minister urged citizens to sign up for the vaccine.",
    '"Follow us to the square," the protest leader told the crowd.',
    "Rebels said they would share the ceasefire map with mediators.",
    "The ruling party's app was downloaded 2 million times, officials said.",
    "Police asked residents to stay indoors on Tuesday.",
    "The government's video channel was suspended for a week.",
    "Join the army, the poster read.",  # a reporting clause closes it
    "Call for calm",  # a sub-heading: no reader, no publication in it
    "",
])
def test_clean_voice_story_lines(line):
    assert not voice.is_prompt(line)


def test_clean_voice_never_judges_a_long_line():
    line = "Sign up for our newsletter and follow us on every app you use. " * 8
    assert len(line) > voice.model().max_chars and not voice.is_prompt(line)


@pytest.mark.parametrize(("line", "on", "off"), [
    ('"Follow us," he said.', {"attribution", "quoted"}, {"first_person_plural", "imperative_start"}),
    ("▶ Watch our report", {"decorated", "imperative_start", "first_person_plural"}, {"quoted"}),
    ("Share: Facebook | X | Email", {"pipes", "platform", "label_colon"}, {"attribution"}),
    ("Write to tips@example.org", {"link", "imperative_start"}, {"second_person"}),
    ('You can\'t win every time," the coach said.', {"attribution", "quoted"}, {"second_person"}),
])
def test_clean_voice_features(line, on, off):
    values = voice.features(line)
    assert set(values) == set(voice.FEATURES)
    assert {f for f in on if values[f]} == on
    assert not {f for f in off if values[f]}


def test_clean_voice_shipped_files_load():
    assert voice.words().imperative_verbs and 0.5 <= voice.model().threshold < 1.0


def _model() -> dict[str, object]:
    return json.loads(knowledge.read_text(voice.WEIGHTS))


@pytest.mark.parametrize(("change", "message"), [
    (lambda m: m["weights"].pop("link"), "missing"),
    (lambda m: m["weights"].update(unknown=1.0), "unknown"),
    (lambda m: m.update(threshold=1.5), "threshold"),
    (lambda m: m.update(max_chars=0), "max_chars"),
    (lambda m: m.update(bias="high"), "bias"),
])
def test_clean_voice_model_rejects(change, message):
    bad = copy.deepcopy(_model())
    change(bad)
    with pytest.raises(ValueError, match=message):
        voice.parse_model(bad)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.pop("second_person"), "missing keys"),
    (lambda d: d.update(extra=["x"]), "unknown keys"),
    (lambda d: d.update(second_person=["you", "you"]), "listed twice"),
    (lambda d: d.update(imperative_verbs=["Sign"]), "lower-case"),
    (lambda d: d.update(imperative_verbs=["sign up"]), "lower-case"),  # phrases only in *_phrases
])
def test_clean_voice_words_reject(change, message):
    data = copy.deepcopy(knowledge.read_yaml(voice.FILE))
    change(data)
    with pytest.raises(ValueError, match=message):
        voice.parse_words(data)
