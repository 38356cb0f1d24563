"""The events extractor on sentences written for these tests (fictional actors)."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract.eventing import lexicon


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        ("Arnor imposed sanctions on Gondor.", "163", "Arnor", "Gondor"),
        ("Mordor fired missiles at Gondor.", "195", "Mordor", "Gondor"),
        ("Police arrested three protesters in Edoras.", "173", "Police", "three protesters"),
        ("Five protesters were detained by police.", "173", "police", "Five protesters"),
        ("The Rohirrim urged Gondor to release the prisoners.", "0253", "Rohirrim", "Gondor"),
        ("Gondor threatened to cut off gas supplies to Rohan.", "1312", "Gondor", "Rohan"),
        ("Talks between Arnor and Gondor resumed.", "046", "Arnor", "Gondor"),
        ("Rohan accused Minas Tirith of using energy as a weapon.", "112", "Rohan", "Minas Tirith"),
    ],
)
def test_events_codes_and_dyad(pipeline: Pipeline, dyads_of, text: str, code: str, source: str, target: str) -> None:
    assert (code, source, target) in dyads_of(pipeline, text)


@pytest.mark.parametrize(
    "text",
    ["The weather was nice in Edoras on Tuesday.", "Gondor's economy grew by three percent.",
     "The two leaders will be in Edoras on March 3.",  # "March" the month is no march
     "Gondor's budget for May was published."],
)
def test_events_none_where_nothing_happens(pipeline: Pipeline, events_of, text: str) -> None:
    assert events_of(pipeline, text) == ()


def test_events_reported_speech_is_a_statement_not_its_content(pipeline: Pipeline, events_of) -> None:
    # what was said is no event; saying it is a 010 statement (setting statement_events)
    events = events_of(pipeline, "Arnor said the harvest in the north was good.")
    assert [(e.code, e.source.text if e.source else None, e.evidence.trigger) for e in events] == [
        ("010", "Arnor", "said")]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Arnor did not sign the treaty with Gondor.", "negated"),
        ("Gondor could send troops to Rohan if the talks fail.", "hypothetical"),
        ("The Gondorian king will visit Arnor next week.", "future"),
        ("The Gondorian king visited Arnor.", "asserted"),
    ],
)
def test_events_modality(pipeline: Pipeline, events_of, text: str, modality: str) -> None:
    events = events_of(pipeline, text)
    assert events and events[0].modality == modality


@pytest.mark.parametrize(
    ("text", "trigger", "modality"),
    [
        # a verb that is an act of its own keeps its negation: the invasion, the arrest happened
        ("Arnor never condemned Gondor's invasion of Rohan.", "invasion", "asserted"),
        ("Arnor did not praise the arrest of the Gondorian envoy.", "arrest", "asserted"),
        ("Arnor did not praise the arrest of the Gondorian envoy.", "praise", "negated"),
        # negative cases: a support verb's negation is its object's (knowledge: support_verbs)
        ("Mordor never launched the attack on Gondor.", "attack", "negated"),
        ("Arnor did not sign the treaty with Gondor.", "treaty", "negated"),
        ("Arnor will not allow protests in Minas Tirith.", "protests", "negated"),
    ],
)
def test_events_modality_negation_of_object_noun(pipeline: Pipeline, events_of, text: str, trigger: str,
                                                   modality: str) -> None:
    events = [e for e in events_of(pipeline, text) if trigger in e.evidence.trigger]
    assert events and {e.modality for e in events} == {modality}


def test_events_coordinated_subjects_meet_each_other(with_settings, events_of) -> None:
    # mutual_both_ways = true (eval plover and petr): once per direction, as PETRARCH and PLOVER code it
    both = with_settings(mutual_both_ways=True)
    events = events_of(both, "Arnor and Gondor met in Minas Tirith.")
    dyads = {(e.source.text, e.target.text) for e in events if e.code == "040"}
    assert dyads == {("Arnor", "Gondor"), ("Gondor", "Arnor")}


@pytest.fixture(scope="module")
def one_way(with_settings) -> Pipeline:
    return with_settings(mutual_both_ways=False)


@pytest.mark.parametrize(("text", "code", "dyads"), [
    # mutual_both_ways = false: a symmetric act is ONE event, the first named the source
    # (docs/coding-guide.md)
    ("Arnor and Gondor met in Minas Tirith.", "040", {("Arnor", "Gondor")}),
    ("Arnor met with Gondor in Minas Tirith.", "040", {("Arnor", "Gondor")}),
    ("Gondor held talks with Arnor on Monday.", "046", {("Gondor", "Arnor")}),
    ("Talks between Arnor and Gondor resumed on Monday.", "046", {("Arnor", "Gondor")}),
    ("Chile, Peru and Bolivia met in Lima.", "040", {("Chile", "Peru"), ("Chile", "Bolivia")}),
    # negative cases: a one-way act keeps its one direction, and no actor meets itself
    ("Arnor attacked Gondor on Monday.", "190", {("Arnor", "Gondor")}),
    ("Arnor met Arnor in Bree.", "040", set()),
    # "the leaders": the last pair, once; what both pledge each does towards the other
    ("Chile and Peru signed a trade deal on Monday. The leaders met again in Lima.", "040", {("Chile", "Peru")}),
])
def test_events_symmetric_act_is_one_event(one_way: Pipeline, events_of, text: str, code: str, dyads: set) -> None:
    events = events_of(one_way, text)
    got = {(e.source.text, e.target.text) for e in events if e.code == code and e.source and e.target}
    assert got == dyads, [(e.code, e.source, e.target) for e in events]


def test_events_offsets_rules_and_fallback_date(pipeline: Pipeline) -> None:
    result = pipeline.process("Arnor imposed sanctions on Gondor.", published="2026-03-04")
    text = result.document.text
    for ev in result.facts.events:
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
        assert ev.rule.startswith("predicates.yaml:") and 0 < ev.confidence <= 1
        assert (ev.date, ev.date_precision, ev.date_source) == ("2026-03-04", "day", "published")
        assert ev.id.startswith("ev") and ev.plover is not None


def test_events_same_occurrence_merges(pipeline: Pipeline, events_of) -> None:
    text = "Arnor imposed sanctions on Gondor. Later, Arnor imposed sanctions on Gondor."
    events = [e for e in events_of(pipeline, text) if e.code == "163"]
    assert len(events) == 1 and len(events[0].mentions) == 2


def test_events_deterministic(pipeline: Pipeline, events_of) -> None:
    text = "Arnor and Gondor met. Mordor fired missiles at Gondor. Police arrested two men."
    assert events_of(pipeline, text) == events_of(pipeline, text)


def test_events_lexicon_rejects_unknown_codes() -> None:
    with pytest.raises(ValueError, match="not a CAMEO code"):
        lexicon.parse({"predicates": [{"id": "x", "pos": "verb", "lemmas": ["meet"], "code": "999"}]}, "t")


def test_events_lexicon_rejects_boolean_prepositions() -> None:
    with pytest.raises(ValueError, match="quote on"):
        lexicon.parse({"predicates": [{"id": "x", "pos": "verb", "lemmas": ["meet"], "code": "040",
                                       "target": [True]}]}, "t")


def test_events_lexicon_covers_every_root() -> None:
    lex = lexicon.load()
    roots = {p.code[:2] for ps in (*lex.verbs.values(), *lex.nouns.values()) for p in ps}
    roots |= {c[:2] for f in lex.frames.values() for c in (f.default, *f.by_code.values())}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize(("text", "kept"), [
    ("Two men were arrested on Monday.", False),  # no actor on either side: a mention, dropped
    ("An explosion killed four people near the market.", False),
    ("Kenyan police arrested two men on Monday.", True),  # a source with a country
    ("Two Kenyan journalists were arrested on Monday.", True),  # a target with a country
])
def test_events_actorless_dropped_when_set(pipeline: Pipeline, events_of, with_settings, text: str, kept: bool) -> None:
    dropping = with_settings(actorless_events=False)
    assert events_of(pipeline, text)  # the rules code it either way; the setting keeps it
    assert bool(events_of(dropping, text)) is kept
