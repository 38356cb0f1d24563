"""Event coding rules of the coder: which event a sentence reports when several fire
(subordinate clauses rank below the clause they elaborate), and the codes of
reported obligations, permissions, readiness and announced decisions (fictional
actors and invented sentences)."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.mark.parametrize(
    ("text", "root"),
    [
        # the content of an agreement is what was agreed, not a separate appeal
        ("Arnorian and Gondorian ministers agreed on Monday that their governments should work together "
         "to encourage Rohirrim exiles to go home.", "03"),
        # a participial adjunct elaborates the riot
        ("Rohirrim inmates rioted on Friday at a prison in Edoras, setting fire to their beds.", "14"),
        # a temporal clause dates the sanction; the shooting is background
        ("Gondor announced a suspension of flights to Mordor on Tuesday, a day after a Mordor jet "
         "shot down an airliner.", "16"),
        ("Arnor expelled two Gondorian diplomats when Gondor arrested its consul.", "16"),
        # negatives: the main clause still wins when the side clause is the same kind of
        # event, and a clause of reason or condition is no temporal background
        ("Gondorian troops shelled Edoras, killing ten civilians.", "19"),
        ("Gondor attacked Rohan after Arnor agreed to mediate.", "19"),
    ],
)
def test_events_coder_subordinate_clauses_rank_below(pipeline: Pipeline, top_event_of, text: str, root: str) -> None:
    top = top_event_of(pipeline, text)
    assert top is not None and top.root_code == root


@pytest.mark.parametrize(
    ("text", "code", "source", "target"),
    [
        # a reported obligation is a demand on the clause's subject, whatever its verb
        ("Arnor declared on Monday that Gondor must open its ports to Arnorian ships.", "100", "Arnor", "Gondor"),
        ("The Rohan council concluded that Gondor must spend more on the dykes.", "100", "Rohan council", "Gondor"),
        # a clause verb with an entry of its own keeps its own code
        ("Arnor said Gondor must return the captured ship.", "1053", "Arnor", "Gondor"),
    ],
)
def test_events_coder_reported_obligation_is_a_demand(
    pipeline: Pipeline, text: str, code: str, source: str, target: str,
) -> None:
    events = pipeline.process(text, published="2026-03-04").facts.events
    assert (code, source, target) in {(e.code, e.source and e.source.text, e.target and e.target.text)
                                      for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Gondor must open its ports.",  # nobody states it: no demand
        "Arnor said Gondor may open its ports.",  # a possibility is no obligation
        "Arnor said Gondor must be careful.",  # a copula states no act
    ],
)
def test_events_coder_unreported_obligation_is_no_demand(pipeline: Pipeline, text: str) -> None:
    assert not any(e.code.startswith("10") for e in pipeline.process(text, published="2026-03-04").facts.events)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # permission given to people is a concession; announced, an intent to yield
        ("The Gondorian high court decided to allow candidate Faramir Hurin to run in the election.", "080"),
        ("Rohan allowed opposition leader Eomer Eadig to hold a rally in Edoras.", "080"),
        ("Gondor will allow 3,000 Rohirrim refugees who fled the war to go home.", "035"),
        # "have sworn to fight" parsed as a purpose clause is still a vow: a threat
        ("Rohirrim rebels have sworn to fight until they win back their villages.", "138"),
        # returning something is a release; travelling back somewhere is not
        ("Gondor returned the captured ship to Arnor.", "0841"),
        ("Arnorian and Gondorian negotiators return to Edoras this week for talks on the border.", "046"),
    ],
)
def test_events_coder_permission_vow_and_return(pipeline: Pipeline, top_event_of, text: str, code: str) -> None:
    top = top_event_of(pipeline, text)
    assert top is not None and top.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The Gondorian envoy returned to Minas Tirith on Friday.", "0841"),
        ("Arnor allowed the import of Gondorian wine.", "080"),  # no person is allowed anything
        ("Rohan has sworn in a new cabinet.", "138"),
    ],
)
def test_events_coder_permission_vow_and_return_negatives(pipeline: Pipeline, codes_of, text: str, code: str) -> None:
    assert code not in codes_of(pipeline, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # an announced measure of reduced relations is the measure itself, still to come
        ("Gondor announced on Friday it would cut all aid to the Rohirrim rebels.", "162"),
        # a condition or a threat verb makes it a threat
        ("Gondor said it would cut all aid to Rohan unless the rebels disarm.", "1311"),
        ("Gondor threatened to cut all aid to Rohan.", "1311"),
        # announced force stays a threat
        ("Gondor said it would attack Rohan.", "138"),
        # extraditing a person is judicial cooperation, not a deportation
        ("Arnor extradited the suspected militant Beren Barahir to Gondor on Sunday.", "063"),
    ],
)
def test_events_coder_announced_measures(pipeline: Pipeline, top_event_of, text: str, code: str) -> None:
    top = top_event_of(pipeline, text)
    assert top is not None and top.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a complaint with a clause is a criticism; what it says ranks below it
        ("The Arnorian rights league protested on Monday that Gondor is failing to protect the refugees.", "111"),
        # an allegation reports its content
        ("The Rohirrim alliance claims gunmen abducted eight of its members last week.", "181"),
        # admitting refugees is asylum; refusing to, announced, a refusal
        ("Gondor will not accept any more refugees if the war spreads to Rohan.", "122"),
        ("Arnor took in 2,000 refugees from Rohan last year.", "075"),
        # a petition drive is political dissent
        ("The Rohirrim farmers' union began collecting signatures to force a referendum.", "140"),
        # widening political freedoms eases restrictions on them
        ("The Gondorian king has taken steps to enhance political freedoms in the south.", "0811"),
    ],
)
def test_events_coder_complaints_refugees_petitions_freedoms(pipeline: Pipeline, top_event_of, text: str,
                                                             code: str) -> None:
    top = top_event_of(pipeline, text)
    assert top is not None and top.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Smugglers were arrested for taking migrants to Gondor.", "075"),  # carrying people is no asylum
        ("The Gondorian scouts collected samples in the north.", "140"),
        ("Rohan protested to Gondor over the border incident.", "111"),  # no clause: an official complaint
    ],
)
def test_events_coder_complaints_refugees_petitions_freedoms_negatives(
    pipeline: Pipeline, codes_of, text: str, code: str,
) -> None:
    assert code not in codes_of(pipeline, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # readiness to cooperate is an intent (an offer), with or without a condition
        ("Arnor is willing to send military material to help defend Gondor if it is invaded.", "0332"),
        ("Gondor is ready to send aid to Rohan if asked.", "033"),
        # readiness to strike stays a threat
        ("Gondor is ready to attack Rohan.", "138"),
        # a purpose infinitive says what the main act is for and ranks below it
        ("Rohirrim protesters marched in Edoras on Sunday to denounce the Gondorian raids.", "141"),
        # a side phrase's event does not outrank a purpose clause's
        ("The Gondorian king, after the peace deal, has taken steps to enhance political freedoms.", "0811"),
    ],
)
def test_events_coder_readiness_and_purpose(pipeline: Pipeline, top_event_of, text: str, code: str) -> None:
    top = top_event_of(pipeline, text)
    assert top is not None and top.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # preparing a blow is a force posture; being prepared to strike is a threat
        ("The Gondorian army prepared to resume shelling the Rohirrim positions on Monday.", "150"),
        ("Gondor said it is prepared to impose martial law in the north.", "1324"),
        ("The Gondorian army shelled the Rohirrim positions on Monday.", "194"),
    ],
)
def test_events_coder_preparation_is_force_posture(pipeline: Pipeline, top_event_of, text: str, code: str) -> None:
    top = top_event_of(pipeline, text)
    assert top is not None and top.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # holding someone responsible is blame, not an arrest
        ("The Rohan council held Gondorian minister Denethor Ecthelion responsible for the riots.", "112"),
        ("Police held three Rohirrim men in Edoras.", "173"),
    ],
)
def test_events_coder_hold_responsible(pipeline: Pipeline, top_event_of, text: str, code: str) -> None:
    top = top_event_of(pipeline, text)
    assert top is not None and top.code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # an infinitive's inferred controller is not the object of the main verb
        ("The Gondorian minister tried to compare the two reports.", "173"),
        ("Rohirrim pilgrims tried to proceed towards the temple.", "173"),
    ],
)
def test_events_coder_controller_is_no_object(pipeline: Pipeline, codes_of, text: str, code: str) -> None:
    assert code not in codes_of(pipeline, text)


def test_events_coder_firing_to_disperse_keeps_the_firing(pipeline: Pipeline, codes_of) -> None:
    codes = codes_of(pipeline, "Three men died when the police resorted to firing to disperse a mob in Edoras.")
    assert "193" in codes


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # coordinated countries before the noun: one actor each, adjective or name
        ("Senior Kenyan and Tanzanian officials met in Arusha on Monday.", {"KEN", "TZA"}),
        ("U.S. and Russian negotiators met in Geneva on Monday.", {"USA", "RUS"}),
        # negative: one country is one actor
        ("Russian negotiators met in Geneva on Monday.", {"RUS"}),
    ],
)
def test_events_coder_coordinated_countries_are_actors(pipeline: Pipeline, text: str, sources: set[str]) -> None:
    events = pipeline.process(text, published="2026-03-04").facts.events
    assert {e.source.country for e in events if e.code.startswith("04") and e.source} == sources


@pytest.fixture(scope="module")
def unrealised(with_settings) -> Pipeline:
    return with_settings(unrealised_acts=True)


@pytest.fixture(scope="module")
def purposes(with_settings) -> Pipeline:
    return with_settings(unrealised_purposes=True)


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # a request's clause chain beyond its inner event is asked for, not done
        ("Kenya urged Tanzania to invest in its police and to speed up investigations into the riots.",
         "0211", "090"),
        ("Kenya urged Tanzania to reopen the border and resume talks with Uganda.", "020", "046"),
        # negatives: reported acts, a noun in the chain naming something real, a purpose
        # (the setting unrealised_purposes)
        ("Tanzania said Kenya attacked the border post on Monday.", "190", ""),
        ("Kenya urged Tanzania to end its support for the Ugandan war against Somalia.", "190", ""),
        ("Kenyan envoys travelled to Tanzania on Monday to meet Tanzanian officials.", "040", ""),
    ],
)
def test_events_coder_requested_acts_are_no_events(unrealised: Pipeline, codes_of, text: str, kept: str,
                                                   dropped: str) -> None:
    codes = codes_of(unrealised, text)
    assert any(c.startswith(kept) for c in codes)
    assert not dropped or dropped not in codes


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        # a purpose adjunct's act is aimed at, not done
        ("Kenyan envoys travelled to Tanzania on Monday to meet Tanzanian officials.", "042", "040"),
        ("The Kenyan army attacked Somalia on Monday to seize the port of Kismayo.", "190", "192"),
        ("Tanzanian protesters marched in Dodoma on Sunday to denounce the Kenyan raids.", "141", "111"),
        # negatives: a reported act, a purpose that is itself a protest
        ("Tanzania said Kenya attacked the border post on Monday.", "190", ""),
        ("Kenyan traders held a sit-in in Nairobi on Monday to protest the new border fees.", "14", ""),
    ],
)
def test_events_coder_unrealised_purposes_are_no_events(purposes: Pipeline, codes_of, text: str, kept: str,
                                                        dropped: str) -> None:
    codes = codes_of(purposes, text)
    assert any(c.startswith(kept) for c in codes)
    assert not dropped or dropped not in codes


def test_events_coder_unrealised_acts_off_keeps_them(pipeline: Pipeline, codes_of) -> None:
    assert "040" in codes_of(pipeline, "Kenyan envoys travelled to Tanzania on Monday to meet Tanzanian officials.")
    assert "090" in codes_of(pipeline, "Kenya urged Tanzania to invest in its police and to speed up "
                                       "investigations into the riots.")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # an event noun named by its own modifier, performed by no verb, refers to an act
        ("Kenya marked the anniversary of the Arusha agreement on Monday.", ""),
        ("Kenyan President Daniel Mwangi spoke about the Ugandan occupation in a speech on Monday.", ""),
        # negatives: a verb performs it, a clause reports it, or it names its target
        ("Kenya and Tanzania signed the Arusha agreement on Monday.", "057"),
        ("Tanzanian riots against Kenyan policies are still continuing.", "145"),
        ("Kenya marked the anniversary of Uganda's attack on Tanzania.", "190"),
    ],
)
def test_events_coder_named_reference_is_no_event(pipeline: Pipeline, codes_of, text: str, code: str) -> None:
    codes = codes_of(pipeline, text)
    assert codes == ({code} if code else set())


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # agreeing with someone, with no act and no clause wrapped, shares an opinion
        ("Kenyan President Daniel Mwangi said he agreed with the Tanzanian president.", ""),
        ("Kenyan ministers agree with Tanzania.", ""),
        # negatives: an act or a clause wrapped, or a deal agreed to
        ("Kenya agreed with Tanzania on Monday to reopen the border.", "030"),
        ("Kenya agrees with Tanzania that the dispute must go to arbitration.", "030"),
        ("Kenya agreed to a ceasefire with Tanzania on Monday.", "0356"),
    ],
)
def test_events_coder_shared_opinion_is_no_event(pipeline: Pipeline, codes_of, text: str, code: str) -> None:
    intents = {c for c in codes_of(pipeline, text) if c.startswith("03")}
    assert intents == ({code} if code else set())
