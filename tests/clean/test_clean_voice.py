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


# Session 9's model (setting voice_model = "s9"): the reading interface, the page
# pointing at itself, a question then the answer, a short navigation label. The
# default (session 8) model keeps these.
S9_PROMPTS = [
    "Rotate your phone to see the whole map.",
    "Trending now",
    "Spot a typo in this article? Tell us.",  # the default catches these two as well
    "Prefer reading offline? Download this edition as a PDF.",
]


@pytest.mark.parametrize("line", S9_PROMPTS)
def test_clean_voice_s9_prompt_lines(line):
    assert voice.is_prompt(line, voice.model("s9"))


# Session 10's model (setting voice_model = "s10", the default): comment moderation, a
# credit opening with a participle, rights lines, affiliate notes, the media player.
# Session 8's model keeps these.
S10_PROMPTS = [
    "Your reply is awaiting moderation.",
    "Edited by the Bugle night desk",
    "Articles may not be reproduced without permission.",
    "Affiliate links on this page earn us a small fee.",
    "Unmute the video",
]


@pytest.mark.parametrize("line", S10_PROMPTS)
def test_clean_voice_s10_prompt_lines(line):
    assert voice.is_prompt(line, voice.model("s10"))
    assert not voice.is_prompt(line, voice.model(""))


def test_clean_voice_default_model_judges_as_session_8():
    """The default model weighs the session-9 features 0 and reads no session-9 cue
    words: those lines stay, as they did."""
    assert not any(voice.is_prompt(line) for line in S9_PROMPTS[:2])
    assert voice.model().cue_files == () and voice.model("s9").cue_files


@pytest.mark.parametrize("line", [
    "The minister urged citizens to sign up for the vaccine.",
    '"Follow us to the square," the protest leader told the crowd.',
    "Rebels said they would share the ceasefire map with mediators.",
    "The ruling party's app was downloaded 2 million times, officials said.",
    "Police asked residents to stay indoors on Tuesday.",
    "The government's video channel was suspended for a week.",
    "Join the army, the poster read.",  # a reporting clause closes it
    "Call for calm",  # a sub-heading: no reader, no publication in it
    "Follow us to the square, union leaders told the crowd.",  # a two-word plural subject reports it
    "Related talks in Geneva stalled on Thursday.",
    "The rally was sponsored by a trade union, organisers said.",
    "Trending topics on the day included the strike.",  # a sentence, not a label
    "Latest figures show prices rising for a fifth month.",
    "He expects few will closely follow this trial.",  # "this trial" is not the page
    "Why did the talks fail?",
    "Copyright disputes between the two studios reached the court.",
    "Talks lasted 3 hours.",  # a duration, no stamp word
    "The first 100 days",
    "Killed by a landmine, the soldier was buried on Sunday.",
    "Privacy campaigners warned the new law could be abused.",
    "Moderators deleted the posts, the company said.",
    "Foreign policy",
    "Careers advice for graduates fell by half.",
    "",
])
@pytest.mark.parametrize("name", ["", "s9", "s10"])
def test_clean_voice_story_lines(line, name):
    assert not voice.is_prompt(line, voice.model(name))


def test_clean_voice_never_judges_a_long_line():
    line = "Sign up for our newsletter and follow us on every app you use. " * 8
    assert len(line) > voice.model().max_chars and not voice.is_prompt(line)


@pytest.mark.parametrize(("line", "on", "off"), [
    ('"Follow us," he said.', {"attribution", "quoted"}, {"first_person_plural", "imperative_start"}),
    ("▶ Watch our report", {"decorated", "imperative_start", "first_person_plural"}, {"quoted"}),
    ("Share: Facebook | X | Email", {"pipes", "platform", "label_colon"}, {"attribution"}),
    ("Write to tips@example.org", {"link", "imperative_start"}, {"second_person"}),
    ('You can\'t win every time," the coach said.', {"attribution", "quoted"}, {"second_person"}),
    ("See the map below", {"document_deixis", "imperative_start"}, {"navigation"}),
    ("Enjoyed these photos? Share them.", {"document_deixis", "question_lead"}, {"past_tense"}),
    ("Prices dropped below zero.", {"past_tense"}, {"document_deixis"}),
    ("The line below the bridge", set(), {"document_deixis"}),
    ("Most shared today", {"navigation", "no_end_stop"}, {"sponsorship"}),
    ("Unrelated charges were dropped.", {"past_auxiliary"}, {"navigation"}),
    ("Sponsored by Tallow Bank", {"sponsorship"}, {"navigation"}),
    ("Switch to night mode in settings", {"interface"}, {"sponsorship"}),
    ("Help keep us independent", {"support", "first_person_plural"}, {"interface"}),
    ("Get notified when we publish", {"imperative_start", "participle"}, {"question_lead"}),
    ("Rebels seized the town", {"past_tense"}, {"participle"}),
    ("Rebels seized the town", {"past_tense"}, {"question_lead"}),
    ("Why did the talks fail?", {"question"}, {"question_lead"}),
    ("Photo © Tallow Media 2025", {"rights"}, {"community", "privacy"}),
    ("© Tallow Media. All rights reserved.", {"rights", "decorated"}, set()),  # a leading sign is decoration
    ("Comments are moderated", {"community", "publication_noun"}, {"rights"}),
    ("Manage your privacy preferences", {"privacy", "second_person"}, {"policy_label"}),
    ("Careers", {"policy_label", "no_end_stop"}, {"stamp"}),
    ("The new policy was announced on Monday.", set(), {"policy_label"}),  # a sentence, not a label
    ("Updated 12 minutes ago", {"stamp"}, {"policy_label"}),
    ("Length: 3 min 20 s", {"stamp", "label_colon"}, set()),
    ("Talks lasted 3 hours.", set(), {"stamp"}),  # a duration with no stamp word or label
    ("The first 100 days", set(), {"stamp"}),  # days are no stamp unit
    ("Edited by the Bugle night desk", {"credit_opening"}, {"stamp"}),
    ("Rebels killed by the army were buried.", {"past_tense"}, {"credit_opening"}),
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
    (lambda m: m.update(address=["nowhere"]), "address"),
    (lambda m: m.update(address=[]), "address"),
    (lambda m: m.update(cue_files=["cues.txt"]), "cue_files"),
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


@pytest.mark.parametrize(("extension", "message"), [
    ({"imperative_verbs": ["sign"]}, "already in"),  # a word the base list has
    ({"imperative_verbs": ["Book"]}, "lower-case"),
    ({"verbs": ["book"]}, "unknown keys"),
    ({}, "expected a mapping"),
])
def test_clean_voice_extend_words_rejects(extension, message):
    with pytest.raises(ValueError, match=message):
        voice.extend_words(voice.words(), extension, "extension.yaml")


def test_clean_voice_extend_words_adds():
    more = voice.extend_words(voice.words(), {"imperative_verbs": ["book"]}, "extension.yaml")
    assert "book" in more.imperative_verbs and "book" not in voice.words().imperative_verbs
    assert more.second_person == voice.words().second_person


def test_clean_voice_unknown_model_name_is_a_file_error():
    with pytest.raises(OSError):
        voice.model("no-such-model.json")


def _page(line: str) -> str:
    return ("Gondor extends emergency rule\n\nLawmakers in Gondor voted on Tuesday to extend the emergency.\n\n"
            f"{line}\n\nThe measure passed by 212 votes to 140 after a long debate.\n")


@pytest.mark.parametrize(("name", "gone"), [("", False), ("s9", True), ("s10", True)])
def test_clean_voice_setting_chooses_the_model(settings, name, gone):
    from diurna.clean import clean
    from diurna.read import read_texts

    line = "Rotate your phone to see the whole map."
    raw = next(iter(read_texts([{"text": _page(line)}])))
    doc = clean(raw, settings.replace(voice_model=name))
    assert (line not in doc.text) is gone
    assert "The measure passed by 212 votes to 140" in doc.text


def test_clean_voice_setting_unknown_model_is_e011(settings):
    from diurna.clean import clean
    from diurna.errors import DiurnaError
    from diurna.read import read_texts

    raw = next(iter(read_texts([{"text": _page("Trending now")}])))
    with pytest.raises(DiurnaError, match="voice_model"):
        clean(raw, settings.replace(voice_model="/no/such/voice-model.json"))
