"""Events (issue 16, session 11): roots the news gold missed or coded wrongly in speech
and modality: perpetrators tied to a state (an accusation of it), force the speaker's
side will use (a threat), "no longer" (a refusal), and reported "must" clauses that
demand nothing. Our own sentences, each table with cases that must not fire."""

from __future__ import annotations

import pytest

from diurna import Pipeline

PUBLISHED = "2026-03-02"


def _coded(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    events = pipeline.process(text, published=PUBLISHED).facts.events
    return [(e.code, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events]


@pytest.mark.parametrize(("text", "expected"), [
    # those who did the attack are tied to another state: an accusation of that state
    ("Kenya's army said the attackers were based in Tanzania.", ("112", "KEN", "TZA")),
    ("Kenya's army said the handlers of Tuesday's attack are based in Tanzania.", ("112", "KEN", "TZA")),
    ("Kenya's army said those involved in the bombing came from Tanzania.", ("112", "KEN", "TZA")),
    ("Kenya's army said the gunmen collaborated with partners in Tanzania.", ("112", "KEN", "TZA")),
    # a violent act planned by others: the target is the state their phrase names
    ("Kenya's foreign minister said the attack was orchestrated by militants with bases in Tanzania.",
     ("112", "KEN", "TZA")),
    # force the speaker's side will use
    ("Kenya's army chief said the rebels will be crushed by Kenyan security forces.", ("138", "KEN", None)),
])
def test_events_roots_speech_content(pipeline: Pipeline, text: str, expected: tuple) -> None:
    assert expected in _coded(pipeline, text)


@pytest.mark.parametrize("text", [
    # no perpetrators: a company, a ministry based somewhere accuse no one
    "Kenya's army said the company is based in Tanzania.",
    "Kenya's army said the new ministry will be based in Nairobi.",
    # perpetrators with no tie to a state; the speaker's own side
    "Kenya's army said the attackers were killed on Tuesday.",
    "Kenya's army said we came from Tanzania after the attack.",
    # force the speaker's side used is reported, not threatened
    "Kenya's army chief said the rebels were crushed by Kenyan security forces last year.",
])
def test_events_roots_speech_content_not_fired(pipeline: Pipeline, text: str) -> None:
    assert not any(code in ("112", "138") for code, _, _ in _coded(pipeline, text)), _coded(pipeline, text)


@pytest.mark.parametrize(("text", "code"), [
    # "no longer" negates: an announced refusal, not an intent
    ("Somali opposition leaders said they will no longer recognize the president.", "120"),
    # a reported "must" on a named actor demands
    ("Kenya's foreign minister said Tanzania must withdraw its troops.", "106"),
])
def test_events_roots_speech_modality(pipeline: Pipeline, text: str, code: str) -> None:
    assert any(c == code for c, _, _ in _coded(pipeline, text)), _coded(pipeline, text)


@pytest.mark.parametrize(("text", "root"), [
    ("Somali opposition leaders said they will no longer recognize the president.", "03"),
    # the speaker's own resolve, a thing, and a guess at a past act demand nothing
    ("Kenya's foreign minister said we must realize the danger.", "10"),
    ("Kenya's foreign minister said talks with Tanzania must continue.", "10"),
    ("Kenya's foreign minister suggested members of the Tanzanian government must have given the orders.", "10"),
    # a measure signed at home is no agreement
    ("The Kenyan president signed a measure extending his term by two years.", "05"),
    ("The Kenyan president signed the bill on Monday.", "05"),
])
def test_events_roots_speech_not_fired(pipeline: Pipeline, text: str, root: str) -> None:
    assert not any(c.startswith(root) for c, _, _ in _coded(pipeline, text)), _coded(pipeline, text)


@pytest.mark.parametrize(("text", "expected"), [
    # concerns shared are voiced (111); a minister lobbying a body to act appeals to it
    ("Kenya and Uganda shared concerns over Tanzania's expansion of its navy.", ("111", "KEN", "TZA")),
    ("Kenya's trade minister lobbied the European Union to abandon the tariffs.", ("020", "KEN", "EUR")),
])
def test_events_roots_speech_senses(pipeline: Pipeline, text: str, expected: tuple) -> None:
    assert expected in _coded(pipeline, text), _coded(pipeline, text)
