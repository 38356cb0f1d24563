"""Statement events: an attributed quote is also a CAMEO 01x event by its speaker."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract.eventing.statements import cue_codes, quiet_sectors
from diurna.knowledge import cameo
from diurna.knowledge.gazetteer import SECTORS

PUBLISHED = "2026-03-02"


@pytest.fixture(scope="module")
def by_content(with_settings) -> Pipeline:
    return with_settings(statement_contents=True)


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None, str]]:
    result = pipeline.process(text, published=PUBLISHED)
    return [(e.code, e.source.text if e.source else None, e.target.text if e.target else None, e.rule)
            for e in result.facts.events if e.root_code == "01"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenyan President Daniel Mwangi told Tanzanian envoy Amina Hassan that the border would reopen on Friday.",
     [("010", "Daniel Mwangi", "Amina Hassan", "statements.tsv:tell/quote-indirect")]),
    ('"The border will reopen on Friday," Kenyan President Daniel Mwangi said on Monday.',
     [("010", "Daniel Mwangi", None, "statements.tsv:say/quote-direct")]),
    ("The Kenyan army admitted that its soldiers had fired on the camp.",
     [("015", "Kenyan army", None, "statements.tsv:admit/quote-indirect")]),
    # the same speaker saying two things on the same day: one statement (two spans)
    ('Kenyan President Daniel Mwangi said the border would reopen. "We are ready," Mwangi said.',
     [("010", "Daniel Mwangi", None, "statements.tsv:say/quote-indirect")]),
    # must yield nothing: a negated cue, a cue the lexicon codes itself (an appeal), no
    # speaker, no quote at all
    ("Kenyan President Daniel Mwangi did not say when the border would reopen.", []),
    ("Kenyan President Daniel Mwangi urged Tanzania to reopen the border.", []),
    ('"The border will reopen on Friday."', []),
    ("Kenyan President Daniel Mwangi met Tanzanian envoy Amina Hassan in Nairobi on Monday.", []),
])
def test_events_statements_from_quotes(pipeline: Pipeline, text: str, expected: list[tuple]) -> None:
    assert _statements(pipeline, text) == expected


def test_events_statements_merge_and_evidence(pipeline: Pipeline) -> None:
    text = 'Kenyan President Daniel Mwangi said the border would reopen. "We are ready," Mwangi said.'
    result = pipeline.process(text, published=PUBLISHED)
    (ev,) = [e for e in result.facts.events if e.root_code == "01"]
    assert ev.plover is None  # PLOVER has no statement type
    assert ev.source is not None and ev.source.entity is not None and ev.source.country == "KEN"
    assert [m.text for m in ev.mentions] == ["Kenyan President Daniel Mwangi said the border would reopen.",
                                             '"We are ready," Mwangi said.']
    assert all(text[m.start:m.end] == m.text for m in (ev.evidence, *ev.mentions))
    assert (ev.date, ev.date_source) == (PUBLISHED, "published")
    assert [e.id for e in result.facts.events] == [f"ev{n}" for n in range(1, len(result.facts.events) + 1)]


def test_events_statements_setting_off(pipeline: Pipeline, with_settings) -> None:
    quiet = with_settings(statement_events=False)
    text = "Kenyan President Daniel Mwangi told Tanzanian envoy Amina Hassan that the border would reopen."
    assert _statements(pipeline, text) and _statements(quiet, text) == []


def test_events_statements_quiet_sectors_are_sectors() -> None:
    quiet = quiet_sectors()
    assert {"CVL", "MED"} <= quiet and quiet <= SECTORS
    assert not {"GOV", "MIL", "REB", "OPP", "IGO"} & quiet


def test_events_statements_table_is_cameo_01() -> None:
    table = cue_codes()
    assert table["say"] == "010" and table["deny"] == "016"
    assert all(code.startswith("01") and cameo.lookup(code) for code in table.values())
    assert "urge" not in table and "warn" not in table  # the lexicon codes those


@pytest.mark.parametrize(("text", "expected"), [
    # the news media a speaker talks to are an audience, not a target
    ("Kenyan President Daniel Mwangi told VOA that the border would reopen.",
     [("010", "Daniel Mwangi", None, "statements.tsv:tell/quote-indirect")]),
    # a directed act the speaker's side does in the quote is the statement: no 010 beside it
    ('"We urge Tanzania to reopen the border," Kenyan President Daniel Mwangi said.', []),
    # ... but an undirected mention is no act of the speaker's: the 010 stays
    ('"We see growing threats in the region," Kenyan President Daniel Mwangi said.',
     [("010", "Daniel Mwangi", None, "statements.tsv:say/quote-direct")]),
    # speakers must be actors: no statement by witnesses or analysts; a pronoun left
    # unresolved may stand for an actor and is kept
    ("Witnesses said the police fired on the crowd near Garissa.", []),
    ("Analysts say the Kenyan government will struggle to pay its debts.", []),
    ("Kenyan police said officers fired on the crowd near Garissa.",
     [("010", "Kenyan police", None, "statements.tsv:say/quote-indirect")]),
    ("He said the border with Tanzania would reopen.", [("010", "He", None, "statements.tsv:say/quote-indirect")]),
    # ... and so is an act of another actor of the speaker's country
    ("Rebel fighters attacked an army post near Garissa, killing 14 soldiers, the Kenyan army said.",
     [("010", "Kenyan army", None, "statements.tsv:say/quote-indirect")]),
])
def test_events_statements_give_way(by_content: Pipeline, text: str, expected: list[tuple]) -> None:
    assert _statements(by_content, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a political actor is required (knowledge/statement_speakers.tsv): a named person
    # with no country and no role, or a speaker of a sector whose statements are no
    # events (residents, reporters, professors), makes none, even with a country
    ("Peter Odhiambo said the border with Tanzania would reopen.", []),
    ("Kenyan residents said the border with Tanzania would reopen.", []),
    ("A Kenyan reporter said the border with Tanzania would reopen.", []),
    ("Witnesses said the police fired on the crowd near Garissa.", []),
    ("Kenyan opposition leader Peter Odhiambo said the border with Tanzania would reopen.",
     [("010", "Peter Odhiambo", None, "statements.tsv:say/quote-indirect")]),
    ("Kenyan police said officers fired on the crowd near Garissa.",
     [("010", "Kenyan police", None, "statements.tsv:say/quote-indirect")]),
    # a pronoun not yet resolved is kept (the resolve stage links it later)
    ("He said the border with Tanzania would reopen.", [("010", "He", None, "statements.tsv:say/quote-indirect")]),
])
def test_events_statements_political_speakers(with_settings, text: str, expected: list[tuple]) -> None:
    political = with_settings(statement_contents=True, political_speakers=True)
    assert _statements(political, text) == expected


_KENYA = "Kenya closed its border with Somalia on Monday. Kenyan President Daniel Mwangi said the border would stay closed. "


@pytest.mark.parametrize(("text", "expected"), [
    # a person with no role whose country is only the story's guess (setting
    # story_people) makes no neutral statement ...
    (_KENYA + "Peter Odhiambo said the border would open again soon.", []),
    # ... but an accusation or a criticism is a political act whoever makes it
    (_KENYA + "Peter Odhiambo said the closure was unacceptable.",
     [("111", "Peter Odhiambo", None, "statement_contents.tsv:unacceptable/say/quote-indirect")]),
])
def test_events_statements_political_speakers_story_guess(with_settings, text: str, expected: list[tuple]) -> None:
    political = with_settings(statement_contents=True, political_speakers=True, story_people=True)
    result = political.process(text, published=PUBLISHED)
    found = [(e.code, e.source.text if e.source else None, e.target.text if e.target else None, e.rule)
             for e in result.facts.events if e.rule.startswith("statement") and e.source and e.source.text != "Daniel Mwangi"]
    assert found == expected


def test_events_statements_political_speakers_off_keeps_entities(by_content: Pipeline) -> None:
    assert _statements(by_content, "Peter Odhiambo said the border with Tanzania would reopen.") == [
        ("010", "Peter Odhiambo", None, "statements.tsv:say/quote-indirect")]


@pytest.mark.parametrize(("text", "expected"), [
    # the cue elaborates an act the lexicon coded for the speaker ("denied ..., saying"):
    # that act is the statement, no 010 beside it
    ("The Kenyan army denied involvement in the attack, saying its soldiers were in their barracks.",
     [("016", "KEN", None, "predicates.yaml", 0)]),
    # ... but a second act in coordination is a statement of its own
    ("Kenyan President Daniel Mwangi visited Tanzania and told Tanzanian President Amina Hassan that the border "
     "would reopen.", [("010", "KEN", "TZA", "statements.tsv", 0)]),
])
def test_events_statements_elaborating_an_act(by_content: Pipeline, text: str, expected: list[tuple]) -> None:
    assert _coded(by_content, text) == expected


def test_events_statements_off_by_content_keep_every_statement(with_settings) -> None:
    """Without `statement_contents` a statement is one per attributed quote, as before."""
    pipeline = with_settings(statement_contents=False)
    assert _statements(pipeline, "Kenyan President Daniel Mwangi told VOA that the border would reopen.") == [
        ("010", "Daniel Mwangi", "VOA", "statements.tsv:tell/quote-indirect")]
    assert len(_statements(pipeline, '"We urge Tanzania to reopen the border," Kenyan President Daniel Mwangi said.')) == 1
    assert len(_statements(pipeline, "Witnesses said the police fired on the crowd near Garissa.")) == 1


def _coded(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None, str, int]]:
    return [(e.code, e.source.country if e.source else None, e.target.country if e.target else None,
             e.rule.split(":")[0], len(e.mentions))
            for e in pipeline.process(text, published=PUBLISHED).facts.events if e.code[:2] in ("01", "11")]


@pytest.mark.parametrize(("text", "expected"), [
    # one statement per speaker and sentence: the content-coded one ("adding" speaks for
    # the subject of "said", not of the reported clause it hangs on)
    ("Kenyan President Daniel Mwangi said the border would reopen, adding that Tanzania had violated the treaty.",
     [("112", "KEN", "TZA", "statement_contents.tsv", 0)]),
    # one accusation per speaker side and target in an article (two mentions) ...
    ('Kenyan President Daniel Mwangi said Tanzania had violated the treaty. "Tanzania is ignoring the treaty," '
     "Kenyan Foreign Minister Amina Odhiambo said.", [("112", "KEN", "TZA", "statement_contents.tsv", 2)]),
    # ... but two targets are two accusations
    ('Kenyan President Daniel Mwangi said Tanzania had violated the treaty. "Uganda is ignoring the treaty," '
     "Kenyan Foreign Minister Amina Odhiambo said.",
     [("112", "KEN", "TZA", "statement_contents.tsv", 0), ("112", "KEN", "UGA", "statement_contents.tsv", 0)]),
    # the lexicon coded the same act elsewhere in the article: not coded again
    ("Kenya accused Tanzania of violating the treaty on Monday. Kenyan President Daniel Mwangi said Tanzania had "
     "ignored the treaty.", [("112", "KEN", "TZA", "predicates.yaml", 0)]),
])
def test_events_statements_once_per_speaker_and_topic(by_content: Pipeline, text: str,
                                                     expected: list[tuple]) -> None:
    assert _coded(by_content, text) == expected


@pytest.mark.parametrize(("text", "codes"), [
    # a speaker of a quiet sector (residents, academics, reporters) makes no neutral
    # statement even with a country; officials, police and an IGO's head do
    ("A Kenyan resident said the border town was calm on Monday.", []),
    ("A Kenyan professor said the election was fair.", []),
    ("A Kenyan reporter said the border town was calm on Monday.", []),
    ("Kenyan Foreign Minister Musalia Mudavadi said the border town was calm on Monday.", ["010"]),
    ("Kenyan police said the border town was calm on Monday.", ["010"]),
    ("The head of UNICEF, Catherine Russell, said children in Sudan are suffering.", ["010"]),
    # ... and an accusation is a political act whoever makes it
    ("A Kenyan resident accused Tanzania of closing the border.", ["112"]),
])
def test_events_statements_quiet_speakers_make_no_neutral_statement(by_content: Pipeline, text: str,
                                                                   codes: list[str]) -> None:
    found = by_content.process(text, published=PUBLISHED).facts.events
    assert [e.code for e in found if e.root_code in ("01", "11")] == codes
