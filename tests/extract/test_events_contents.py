"""Statements coded by their content (eventing/contents.py, knowledge/statement_contents.tsv)."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract.eventing.contents import cues
from diurna.knowledge import cameo

PUBLISHED = "2026-03-02"


@pytest.fixture(scope="module")
def contents_on(with_settings) -> Pipeline:
    return with_settings(statement_contents=True)


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    events = pipeline.process(text, published=PUBLISHED).facts.events
    return [(e.code, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in events if e.rule.startswith(("statements.tsv", "statement_contents.tsv"))]


@pytest.mark.parametrize(("text", "expected"), [
    # accusations: another actor did wrong; the target is that actor
    ("Kenya's foreign ministry said Tanzania was violating the border treaty.", [("112", "KEN", "TZA")]),
    ("Kenyan President Daniel Mwangi said Tanzania is responsible for the attack on the convoy.",
     [("112", "KEN", "TZA")]),
    ("Kenyan President Daniel Mwangi said Tanzania was behind the attack.", [("112", "KEN", "TZA")]),
    # the subject the parser hangs on an auxiliary, or shares with a coordinated verb
    ('Kenyan President Daniel Mwangi said Tanzania is "openly" defying the border treaty.', [("112", "KEN", "TZA")]),
    ("Kenya's foreign ministry said Tanzania reopened the market and ignored the border treaty.",
     [("112", "KEN", "TZA")]),
    # a passive: the doer is the "by" agent, or the subject of a passive-natural verb
    ("Kenyan President Daniel Mwangi said the treaty had been violated by Tanzania.", [("112", "KEN", "TZA")]),
    ("Kenyan President Daniel Mwangi said Tanzanian officials were involved in the smuggling.",
     [("112", "KEN", "TZA")]),
    ("The Kenyan army said it was not involved in the fire at the camp.", [("016", "KEN", None)]),
    # a denial: the speaker's side (an unresolved pronoun is the speaker) did not do it
    ("The Kenyan army said it was not responsible for the fire at the camp.", [("016", "KEN", None)]),
    # an appeal on another actor
    ("Kenyan President Daniel Mwangi said Tanzania should reopen the border.", [("020", "KEN", "TZA")]),
    # a threat and a promise by the speaker's side; the promise is aimed at who it names
    ('"We will not allow violent protests," Kenyan President Daniel Mwangi said.', [("130", "KEN", None)]),
    ("Kenyan President Daniel Mwangi said Kenya will help Uganda rebuild the bridge.", [("030", "KEN", "UGA")]),
    # neutral content: a statement, aimed at its addressee only
    ("Kenyan President Daniel Mwangi said the border would reopen on Friday.", [("010", "KEN", None)]),
    ("Kenyan President Daniel Mwangi said children in Somalia are suffering from the drought.",
     [("010", "KEN", None)]),
    # ... but an international body's or an NGO's is about the state it names
    ("UNICEF said children in Somalia are suffering from the drought.", [("010", "UNO", "SOM")]),
    ("Doctors Without Borders said its teams in Sudan had treated 300 patients.", [("010", "NGO", "SDN")]),
    ("UNICEF said the drought had worsened.", [("010", "UNO", None)]),
    # must stay neutral: a copula with a modal states no act; "should" on the speaker's
    # side is no appeal; an accusation word deeper than the content's head is not read
    ("Kenyan President Daniel Mwangi said Tanzania should be careful.", [("010", "KEN", None)]),
    ("Kenyan President Daniel Mwangi said Kenya should reopen the border.", [("010", "KEN", None)]),
    ("Kenyan President Daniel Mwangi said the men who ignored the warning were rescued.", [("010", "KEN", None)]),
    # an agentless passive names no doer to accuse
    ("Kenyan President Daniel Mwangi said Kenyan workers had been ignored.", [("010", "KEN", None)]),
])
def test_events_contents_code_statements(contents_on: Pipeline, text: str, expected: list[tuple]) -> None:
    assert _statements(contents_on, text) == expected


def test_events_contents_setting_off(pipeline: Pipeline, with_settings) -> None:
    off = with_settings(statement_contents=False)
    text = "Kenya's foreign ministry said Tanzania was violating the border treaty."
    assert _statements(off, text) == [("010", "KEN", None)]
    assert pipeline.settings.statement_contents  # on by default since session 5 (see defaults.toml)


def test_events_contents_act_coded_once(contents_on: Pipeline) -> None:
    """A content act the lexicon codes with the speaker's side as source is one event."""
    events = contents_on.process("Kenyan President Daniel Mwangi said Kenya welcomed the agreement with Uganda.",
                              published=PUBLISHED).facts.events
    assert [(e.code, e.rule.split(":")[0]) for e in events if e.code == "051"] == [("051", "predicates.yaml")]


def test_events_contents_table_valid() -> None:
    table = cues()
    assert table and all(cameo.lookup(c.code) for c in table)
    assert {c.code[:2] for c in table} >= {"11", "01", "02", "13", "05", "03"}


@pytest.mark.parametrize(("text", "expected"), [
    # a judging word anywhere in the content is a criticism, aimed at the other state it names
    ('"It is time to stop the heinous attacks by Tanzania," Kenyan President Daniel Mwangi said.',
     [("111", "KEN", "TZA")]),
    ("Kenyan President Daniel Mwangi said Kenya was deeply disappointed by the Tanzanian decision.",
     [("111", "KEN", "TZA")]),
    # the lexicon codes a judging naming verb itself ("called X 'unconstitutional'"): no statement beside it
    ('Kenyan President Daniel Mwangi called the Tanzanian ruling "unconstitutional."', []),
    # ... or a denial when it calls a claim baseless
    ('"These allegations are baseless," the Kenyan army said.', [("016", "KEN", None)]),
    # ... or a complaint when it names a mistreatment ("say they face discrimination")
    ("Kenyan President Daniel Mwangi said Kenyan traders face harassment by Tanzania.", [("114", "KEN", "TZA")]),
    ("Kenyan President Daniel Mwangi said the Tanzanian treatment of traders was fair.", [("010", "KEN", None)]),
    # ... unless its clause is negated, or no word judges
    ("Kenyan President Daniel Mwangi said the Tanzanian decision was not illegal.", [("010", "KEN", None)]),
    ("Kenyan President Daniel Mwangi said the Tanzanian decision was expected.", [("010", "KEN", None)]),
    # an appeal not to act is an appeal too; a subject that is no actor points at the
    # state its phrase names
    ("Kenyan President Daniel Mwangi said Tanzania should not close the border.", [("020", "KEN", "TZA")]),
    ("Kenyan President Daniel Mwangi said trade with Tanzania should stop.", [("020", "KEN", "TZA")]),
    # a neutral cue reporting an infinitive is an instruction to the addressee
    ("Kenyan President Daniel Mwangi told Tanzanian envoy Amina Hassan to leave the country.",
     [("100", "KEN", "TZA")]),
    # words that judge how an actor governs: a policy "poorly drafted", "a wasted opportunity"
    ('Kenyan opposition leader Peter Odhiambo said the Tanzanian border law was "so poorly drafted".',
     [("111", "KEN", "TZA")]),
    ('Kenyan opposition leader Peter Odhiambo said the Tanzanian budget was a "wasted opportunity".',
     [("111", "KEN", "TZA")]),
    ("Kenyan opposition leader Peter Odhiambo said the Tanzanian border law was not unworkable.",
     [("010", "KEN", None)]),
    # more neutral cues: a tweet, "contended", "described ... as"
    ("Kenyan President Daniel Mwangi tweeted that the border would reopen.", [("010", "KEN", None)]),
    ('Kenyan President Daniel Mwangi contended that Tanzania was "hostile" to Kenyan traders.',
     [("111", "KEN", "TZA")]),
])
def test_events_contents_judgements_and_instructions(contents_on: Pipeline, text: str, expected: list[tuple]) -> None:
    assert _statements(contents_on, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a judging word is aimed at the owner of the act it qualifies, before any other state named
    ('"We stand with Uganda against Tanzania\'s illegal aggression," Kenyan President Daniel Mwangi said.',
     [("111", "KEN", "TZA")]),
    ('"It is time to stop Tanzania\'s heinous and cruel attacks," Kenyan President Daniel Mwangi said.',
     [("111", "KEN", "TZA")]),
    # the speaker's own side owning it is no target
    ('"Kenya\'s illegal logging must end," Kenyan President Daniel Mwangi said.', [("111", "KEN", None)]),
])
def test_events_contents_judged_owner(contents_on: Pipeline, text: str, expected: list[tuple]) -> None:
    assert _statements(contents_on, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # another actor wronged someone: an accusation of the doer (session 9)
    ("Kenya's foreign ministry said Tanzania had rigged the border vote.", [("112", "KEN", "TZA")]),
    ("Kenyan President Daniel Mwangi said Kenyan traders were being intimidated by Tanzanian police.",
     [("112", "KEN", "TZA")]),
    ("Kenyan President Daniel Mwangi said the detention of the traders was arbitrary.", [("111", "KEN", None)]),
    # the speaker's own side, a negated clause or no doer: no accusation
    ("Kenyan President Daniel Mwangi said Kenya would never intimidate its neighbours.", [("010", "KEN", None)]),
    ("Kenyan President Daniel Mwangi said Tanzania did not interfere in the vote.", [("010", "KEN", None)]),
    ("Kenyan President Daniel Mwangi said Kenyan traders had been intimidated.", [("010", "KEN", None)]),
])
def test_events_contents_wrongs_done(contents_on: Pipeline, text: str, expected: list[tuple]) -> None:
    assert _statements(contents_on, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a naming verb pins a quoted label on another's plan: a criticism, aimed at the state it names
    ('The Tanzanian opposition called the Kenyan budget a "fig leaf".', [("111", "TZA", "KEN")]),
    ('Tanzanian opposition leader Amina Hassan called the Kenyan budget "a spend now, borrow later budget".',
     [("111", "TZA", "KEN")]),
    # a judging word in the label is read first
    ('Tanzanian opposition leader Amina Hassan branded the Kenyan plan "a shambles".', [("111", "TZA", "KEN")]),
    # no label pinned: a name given to a thing; an analyst's label says no more than a neutral statement
    ('Kenyan President Daniel Mwangi said the new Kenyan port is called "Gateway One".', [("010", "KEN", None)]),
    ('Health analyst Jon Marsh called the Kenyan targets "reasonably impressive".', []),
])
def test_events_contents_naming_labels(contents_on: Pipeline, text: str, expected: list[tuple]) -> None:
    assert _statements(contents_on, text) == expected
