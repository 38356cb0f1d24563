"""The data model serialises to CONTRACT.md's shape, and the shipped schema holds it to that."""

from __future__ import annotations

import jsonschema
import pytest

from diurna.model import (
    ActorRef,
    Amount,
    Document,
    Entity,
    ErrorInfo,
    ErrorResult,
    Event,
    Evidence,
    Facts,
    Location,
    Mention,
    Place,
    Plover,
    Quote,
    Result,
    SpeakerRef,
    TimeExpr,
)
from diurna.schema import validate

TEXT = "Bola Tinubu met Emmanuel Macron in Abuja on March 3. Mr Tinubu said: \"We agree.\" It cost €2.5 billion."


def full_result() -> Result:
    """A hand-built result with one of every fact, offsets into TEXT."""
    def span(s: str) -> tuple[int, int]:
        i = TEXT.index(s)
        return i, i + len(s)

    tin, mac, abj, mar = span("Bola Tinubu"), span("Emmanuel Macron"), span("Abuja"), span("March 3")
    quote, money, mr = span("We agree."), span("€2.5 billion"), span("Mr Tinubu")
    ev_span = span("Bola Tinubu met Emmanuel Macron in Abuja on March 3")
    facts = Facts(
        entities=(
            Entity("e1", "Bola Tinubu", "PERSON", (Mention(*tin, "Bola Tinubu", "PERSON"), Mention(*mr, "Mr Tinubu", "coref:surname")),
                   country="NGA", role="President", sector="GOV", actor_code="NGAGOV"),
            Entity("e2", "Emmanuel Macron", "PERSON", (Mention(*mac, "Emmanuel Macron"),), country="FRA", actor_code="FRAGOV"),
        ),
        events=(
            Event("ev1", "040", "04", "Consult", 1, 1.0, Evidence(*ev_span, TEXT[slice(*ev_span)], "met"),
                  "predicates.yaml:meet/verb-subj-obj", 0.8, Plover("CONSULT", "visit"),
                  ActorRef("Bola Tinubu", "e1", "NGA", "NGAGOV"), ActorRef("Emmanuel Macron", "e2", "FRA", "FRAGOV"),
                  "2026-03-03", "day", Location("Abuja", "NGA", 9.06, 7.49), "asserted"),
        ),
        quotes=(Quote("We agree.", "direct", *quote, SpeakerRef("Bola Tinubu", "e1"), "said", None),),
        times=(TimeExpr("March 3", *mar, "DATE", "2026-03-03"),),
        amounts=(Amount("€2.5 billion", *money, 2_500_000_000, "EUR"),),
        places=(Place("Abuja", *abj, "Abuja", "NGA", 9.06, 7.49, "city"),),
    )
    return Result(Document(id="doc1", text=TEXT, published="2026-03-04", agency="Reuters"), facts)


def test_model_result_validates_against_schema():
    out = full_result().to_dict()
    validate(out)
    assert out["schema_version"] == "1"
    assert out["events"][0]["code"] == "040" and out["events"][0]["root_code"] == "04"


def test_model_result_has_every_contract_key():
    out = full_result().to_dict()
    contract = {"schema_version", "id", "url", "title", "published", "publisher", "agency", "dateline",
                "language", "text", "removed", "entities", "events", "quotes", "times", "amounts", "places"}
    assert contract <= set(out)
    assert {"entity", "text", "country", "actor_code"} <= set(out["events"][0]["source"])
    assert {"text", "kind", "start", "end", "speaker", "cue", "addressee"} <= set(out["quotes"][0])


def test_model_offsets_point_at_their_text():
    out = full_result().to_dict()
    for ent in out["entities"]:
        for m in ent["mentions"]:
            assert out["text"][m["start"]:m["end"]] == m["text"]
    for key in ("quotes", "times", "amounts", "places"):
        for item in out[key]:
            assert out["text"][item["start"]:item["end"]] == item["text"]


def test_model_records_are_frozen():
    m = Mention(0, 4, "Bola")
    with pytest.raises(AttributeError):
        m.start = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    "path, bad",
    [
        (("events", 0, "code"), 40),  # a code is a string with its leading zero
        (("events", 0, "root_code"), "4"),
        (("events", 0, "modality"), "maybe"),
        (("events", 0, "quad_class"), 5),
        (("entities", 0, "country"), "ng"),
        (("times", 0, "type"), "WHEN"),
        (("quotes", 0, "kind"), "partial"),
        (("amounts", 0, "currency"), "euro"),
        (("published",), "04/03/2026"),
        (("schema_version",), "2"),
    ],
)
def test_model_schema_rejects_contract_violations(path, bad):
    out = full_result().to_dict()
    target = out
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = bad
    with pytest.raises(jsonschema.ValidationError):
        validate(out)


def test_model_error_result_validates():
    err = ErrorResult(3, ErrorInfo("E001", "empty input: x", "fill it"), id="a1", origin="x")
    out = err.to_dict()
    validate(out)
    assert out["error"]["code"] == "E001" and out["id"] == "a1"
    assert not err.ok and full_result().ok
