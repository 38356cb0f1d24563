"""Events: who does an act the parse does not give a subject (purpose clauses, gerunds
under a preposition, clauses on a message, event nouns under a measure or a time
adjunct, the means of a passive act of violence), and each person of a coordinated count."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.mark.parametrize(
    ("text", "root", "side", "country"),
    [
        # a purpose infinitive is done by the main clause's subject (the sender's side)
        ("The United Nations has sent twenty monitors to Peru to investigate the killings.", "09", "source", "UNO"),
        # a gerund under a preposition: the subject of the adjective or verb it hangs on ...
        ("Both the Chilean army and the rebels are guilty of violating the ceasefire.", "19", "source", "CHL"),
        # ... or its object after "praise X for", "keep X from" (what "accused X of" alleges
        # is no event: test_events_senses_alleged_acts_are_no_events)
        ("Chile praised Peru for respecting the ceasefire.", "08", "source", "PER"),
        # a clause on a message says what its issuer does
        ("The Peruvian party issued a statement demanding that the government resign.", "10", "source", "PER"),
        # an event noun under a measure is done by the verb's subject
        ("Chilean warships on Monday launched ten days of war games in the Pacific.", "06", "source", "CHL"),
        # an event noun in a time adjunct is done by the clause's subject
        ("Chilean troops retook the village after fierce fighting with the rebels.", "19", "source", "CHL"),
        ("Peruvian youths threw stones during demonstrations against the new law.", "14", "source", "PER"),
        # the means of a passive act of violence stands for its unnamed doer, of the place
        ("A journalist has been killed in a car bomb explosion in Lima.", "18", "source", "PER"),
        # a count of coordinated people counts each of them
        ("Security forces in Chile have tortured scores of Peruvian and Bolivian refugees.", "18", "target", "BOL"),
        # a participle clause on a noun is done by that noun (a reduced relative)
        ("Chilean police dispersed Peruvian demonstrators protesting the election results.", "14", "source", "PER"),
        # a pronoun told what it must do stands for the one it is told to
        ("The Chilean president issued a stern reminder to Peru that it must cooperate with the inspectors.", "10",
         "target", "PER"),
        ("Chile told Peru that it must withdraw its troops.", "10", "target", "PER"),
        # "The Red Cross operating in X said", parsed with the participle as the subject
        ("The Red Cross operating in Peru said Chilean forces must ensure security.", "10", "source", "NGO"),
        # a gerund's doer through a participle misparsed as a modifier of the subject
        ("Peruvian youths resorted to throwing stones during demonstrations.", "14", "source", "PER"),
        # "up to 16 advisers", parsed as a particle and a preposition, is the object
        ("Chilean rebels have kidnapped up to 16 Peruvian advisers from a market.", "18", "target", "PER"),
        # those who come somewhere for talks hold them
        ("Peruvian and Chilean negotiators return to Geneva this week for talks on missiles.", "04", "source",
         "CHL"),
        # a purpose both parties pursue: the named object takes part too
        ("The Chilean minister telephoned the Peruvian foreign minister to discuss the border.", "040", "source",
         "PER"),
        # "they" after a collective of people stands for the people it counts
        ("A group of Nigerian leaders announced that they are willing to forgive the Chadian president.", "03",
         "source", "NGA"),
    ],
)
def test_events_arguments_roles_found(pipeline: Pipeline, events_of, side_countries, text: str, root: str, side: str,
                                      country: str) -> None:
    events = events_of(pipeline, text, root)
    assert country in side_countries(events, side), [(e.code, e.source, e.target) for e in events]


@pytest.mark.parametrize(
    ("text", "root", "side", "country"),
    [
        # probing or reporting an act does not make one its doer
        ("Peru investigated the attack on the embassy.", "19", "source", "PER"),
        ("The United Nations sent monitors to Peru to investigate the massacre.", "20", "source", "UNO"),
        # a participle on a person object is that person's act, not the arrester's
        ("Chilean police arrested protesters demanding reforms.", "10", "source", "CHL"),
        # a place with no means of violence ("in a landslide") is no doer
        ("The Peruvian minister was elected in a landslide.", "", "source", "PER"),
        # a participle of purpose is no doer: the talks do not wage the war
        ("Peruvian rebels held talks with Chile aimed at ending the civil war.", "19", "source", "PER"),
        # without an obligation the pronoun stays the speaker's reading
        ("Chile told Peru that it would withdraw its troops.", "03", "target", "PER"),
        # thanking someone for aid does not make the thanker the giver
        ("Chile thanked Peru for its aid.", "07", "source", "CHL"),
        # troops sent to investigate are the sender's side, not a party to a joint purpose
        ("Chile sent troops to Peru to discuss the border.", "040", "source", "PER"),
        # "up to" a count with no verb of acting on people makes no object
        ("Chilean prices rose up to 16 percent.", "", "target", "CHL"),
    ],
)
def test_events_arguments_roles_negatives(pipeline: Pipeline, events_of, side_countries, text: str, root: str,
                                          side: str, country: str) -> None:
    assert country not in side_countries(events_of(pipeline, text, root), side)
