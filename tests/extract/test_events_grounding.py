"""Events: unnamed groups, counted people and complements grounded to countries;
announced, conditional and demanded acts coded as CAMEO codes them."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.mark.parametrize(
    ("text", "root", "side", "country"),
    [
        # a count stands for the people counted
        ("Thousands of Kenyan farmers protested outside the parliament on Friday.", "14", "source", "KEN"),
        # an unnamed group takes the country its phrase names
        ("Opposition groups in Chile are demanding that the president resign.", "10", "source", "CHL"),
        # ... or the country of the place the act happens in
        ("Prisoners rioted at a jail in Peru on Monday.", "14", "source", "PER"),
        # a target with no country: the first actor with one among the complements
        ("Norway threatened further action against Sweden.", "13", "target", "SWE"),
        ("Chile rejected recent calls by Peru's rulers for new talks.", "12", "target", "PER"),
        # a protest with no named target is aimed at the place it happens in
        ("Angry farmers blocked highways in the northern city of Arequipa, Peru.", "14", "target", "PER"),
    ],
)
def test_events_grounding_countries(pipeline: Pipeline, events_of, side_countries, text: str, root: str, side: str,
                                    country: str) -> None:
    events = events_of(pipeline, text, root)
    assert country in side_countries(events, side)


@pytest.mark.parametrize(
    ("text", "side", "country"),
    [
        # a place in the speaker's phrase says where the speaker is, not the event
        ("Rebels shelled the town of Kaya, officials in Nairobi said.", "target", "KEN"),
        ("Rebels shelled the town of Kaya, officials in Nairobi said.", "source", "KEN"),
        # a target owned by a pronoun is not given the source's country
        ("Chile said it would deepen its ties.", "target", "CHL"),
    ],
)
def test_events_grounding_negatives(pipeline: Pipeline, events_of, side_countries, text: str, side: str,
                                    country: str) -> None:
    # the events coded from the sentence's act, not the report of it ("officials ... said")
    events = [e for e in events_of(pipeline, text) if e.root_code != "01"]
    assert country not in side_countries(events, side)


@pytest.mark.parametrize(
    ("text", "code", "modality"),
    [
        ("The Chilean president will visit Peru next week.", "036", "future"),  # intent to meet
        ("Norway said it would meet the Swedish envoy if he apologised.", "036", "hypothetical"),
        ("The party said it will boycott the elections unless the president resigns.", "133", "asserted"),
        ("Chile has vowed to fight on until the border is restored.", "138", "asserted"),
        ("Peru plans to impose sanctions on Chile.", "1312", "asserted"),
        ("Chile reiterated its demand that Peru withdraw its troops.", "106", "asserted"),
        ("Norway is opposed to the Swedish plan.", "120", "asserted"),
        ("Chile closed its border with Peru.", "163", "asserted"),
        ("Peru withdrew its monitors from Chile.", "166", "asserted"),
    ],
)
def test_events_grounding_codes(pipeline: Pipeline, events_of, text: str, code: str, modality: str) -> None:
    found = {(e.code, e.modality) for e in events_of(pipeline, text)}
    assert (code, modality) in found, found


@pytest.fixture(scope="module")
def both_ways(with_settings) -> Pipeline:
    # mutual_both_ways = true, as eval plover and eval petr score: a symmetric act each way
    return with_settings(mutual_both_ways=True)


@pytest.mark.parametrize(("mutual", "pairs"), [(True, {("CHL", "PER"), ("PER", "CHL")}), (False, {("CHL", "PER")})])
def test_events_grounding_frame_over_mutual_act_is_mutual(pipeline: Pipeline, events_of, both_ways: Pipeline,
                                                          mutual: bool, pairs: set) -> None:
    events = events_of(both_ways if mutual else pipeline, "Chile and Peru failed to reach an agreement on Sunday.", "12")
    assert {(e.source.country, e.target.country) for e in events if e.source and e.target} >= pairs


def test_events_grounding_stopping_work_is_no_end_of_a_strike(pipeline: Pipeline, codes_of) -> None:
    codes = codes_of(pipeline, "Dock workers stopped work on the first day of a strike.")
    assert "143" in codes and "082" not in codes


@pytest.mark.parametrize(
    ("text", "code", "pairs"),
    [
        # "the leaders", "both leaders": the pair of the last dyadic event, each way
        ("Chile and Peru signed a trade deal on Monday. The leaders met again in Lima.", "040",
         {("CHL", "PER"), ("PER", "CHL")}),
        ("The Chilean president met the Peruvian president in Lima. Both leaders pledged to expand trade.", "030",
         {("CHL", "PER"), ("PER", "CHL")}),
    ],
)
def test_events_grounding_participants(both_ways: Pipeline, events_of, text: str, code: str, pairs: set) -> None:
    events = [e for e in events_of(both_ways, text) if e.code == code]
    found = {(e.source.country, e.target.country) for e in events if e.source and e.target}
    assert found == pairs  # and no place ("Lima") taken for a participant


@pytest.mark.parametrize(
    ("text", "code", "modality"),
    [
        ("Police charged him with murder.", "173", "asserted"),  # a legal charge
        ("Arnor charged Gondor with backtracking on its promises.", "112", "asserted"),  # an accusation
        ("The police have not been able to arrest the kidnappers.", "173", "negated"),
        ("Police denied that any arrest had been made.", "173", "negated"),
        ("The leaders may be put under house arrest.", "173", "hypothetical"),
    ],
)
def test_events_grounding_arrest_readings(pipeline: Pipeline, events_of, text: str, code: str, modality: str) -> None:
    found = {(e.code, e.modality) for e in events_of(pipeline, text)}
    assert (code, modality) in found, found


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Residents were apprehending trouble after the rally.", "173"),  # apprehending is fearing here
        ("An arrest warrant was prepared for the leader.", "173"),  # a modifier, not an arrest
        ("The rapid action force took a flag march in the walled city.", "192"),  # no city taken
        ("Arnor charged Gondor with backtracking on its promises.", "173"),
    ],
)
def test_events_grounding_no_such_event(pipeline: Pipeline, codes_of, text: str, code: str) -> None:
    assert code not in codes_of(pipeline, text)


@pytest.mark.parametrize(
    ("text", "root", "side", "country"),
    [
        # a participle ties a group to a body or a place
        ("Some 5,000 workers affiliated with the Chilean Workers' Union stopped work on Monday.", "14", "source",
         "CHL"),
        ("A newspaper based in Lima has defied a ban by the army.", "12", "source", "PER"),
        # a place built for people belongs to them
        ("A camp for Peruvian refugees was attacked by Chilean militiamen.", "19", "target", "PER"),
        # the subject of an "unless"/"if" condition is whom a threat is aimed at
        ("Chilean farmers threatened to hold a general strike unless Peru rescinded its decision.", "13", "target",
         "PER"),
        ("Norway has threatened to stop negotiations if Sweden goes ahead with the deployment.", "13", "target",
         "SWE"),
        # a wrapped request's clause, parsed as an infinitival relative, is a complement
        ("The United Nations rejected a call for its peacekeeping forces to be deployed in Peru.", "12", "target",
         "PER"),
        # "in defiance of X" names whom an act answers before the place it happens in does
        ("Thousands of people blocked streets in Lima in defiance of Chilean authorities.", "14", "target", "CHL"),
        # an act that follows talks answers the other side of the talks
        ("The Chilean teachers union called off a strike after talks with the Peruvian government.", "08",
         "target", "PER"),
        # a protest's participle clause states its claim, and whom it is aimed at
        ("Prisoners rioted at a jail in Lima on Monday joining demonstrators in demanding independence from "
         "Chilean rule.", "14", "target", "CHL"),
        ("Workers marched through Lima, demanding the resignation of the Chilean president.", "14", "target", "CHL"),
        # a group operating or living in a country is of that country
        ("Rebels operating in Peru attacked a police station.", "19", "source", "PER"),
    ],
)
def test_events_grounding_ties_and_conditions(pipeline: Pipeline, events_of, side_countries, text: str, root: str,
                                              side: str, country: str) -> None:
    events = events_of(pipeline, text, root)
    assert country in side_countries(events, side), [(e.code, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    ("text", "root", "side", "country"),
    [
        # a participle that ties nothing ("protesting in Lima") gives no country to its group
        ("Miners protesting near Lima stopped work.", "143", "source", "PER"),
        # "for" on a thing that is not a place for people ties nothing
        ("Chile rejected a plan for Peruvian elections.", "12", "source", "PER"),
        # a condition's subject is no target when the event has its own
        ("Chile will meet the Peruvian envoy if Bolivia agrees.", "03", "target", "BOL"),
        # a relative clause that is not infinitival is no complement
        ("Chile rejected the man who lives in Peru.", "12", "target", "PER"),
        # an act before talks does not answer them
        ("The Chilean teachers union called off a strike before talks with the Peruvian government.", "08",
         "target", "PER"),
    ],
)
def test_events_grounding_ties_negatives(pipeline: Pipeline, events_of, side_countries, text: str, root: str,
                                         side: str, country: str) -> None:
    events = events_of(pipeline, text, root)
    assert country not in side_countries(events, side)


@pytest.mark.parametrize(
    ("text", "country", "named"),
    [
        # a doer with a country acts on a named person: the person is the target, not an
        # actor in the act's complements (the meeting's body)
        ("Jorge Salinas, a lawyer, was criticized by Norwegian and Swedish representatives at a U.N. "
         "Security Council meeting.", None, "Jorge Salinas"),
        # no doer: the complements still say where the act happens
        ("Jorge Salinas, a lawyer, has been held in solitary confinement in Peru since 2020.", "PER", "Jorge Salinas"),
    ],
)
def test_events_grounding_named_undergoer_kept(pipeline: Pipeline, events_of, text: str, country: str | None,
                                               named: str) -> None:
    events = [e for e in events_of(pipeline, text) if e.root_code in ("11", "17")]
    assert events
    assert {(e.target.text, e.target.country) for e in events if e.target} == {(named, country)}


# a story about Kenya: the country is named twice before the act
_KENYA = ("Kenya's government said on Monday that the vote would go ahead. Kenyan officials expect a large "
          "turnout in the capital. ")


@pytest.mark.parametrize(
    ("text", "target", "country"),
    [
        # criticism of an act no one in the sentence owns: the story's country
        (_KENYA + "Opposition lawmakers have denounced the decision.", "decision", "KEN"),
        (_KENYA + "Amnesty International condemned the move.", "move", "KEN"),
        # an owner named in the sentence wins
        (_KENYA + "Opposition lawmakers have denounced Uganda's decision.", "Uganda", "UGA"),
        # no story country: no guess
        ("Opposition lawmakers have denounced the decision.", "decision", None),
    ],
)
def test_events_grounding_criticised_thing_takes_the_story(pipeline: Pipeline, events_of, text: str, target: str,
                                                            country: str | None) -> None:
    events = events_of(pipeline, text, "11")
    assert {(e.target.text, e.target.country) for e in events if e.target} == {(target, country)}


def test_events_grounding_criticised_thing_not_the_critics_own_state(pipeline: Pipeline, events_of) -> None:
    # the story's own government condemns what others did to it
    text = (_KENYA + "The European Union imposed sanctions on Kenyan officials on Monday. "
            "Kenya's government condemned the decision.")
    events = [e for e in events_of(pipeline, text, "11") if e.source and e.source.country == "KEN"]
    assert events and all(e.target is None or e.target.country != "KEN" for e in events)
