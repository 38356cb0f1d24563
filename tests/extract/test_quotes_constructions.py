"""Quotes extracted from our own sentences: every construction of issue 7, with
negative cases (titles, scare quotes, so-called terms) that must yield no quote.

Each row: text, then the expected quotes as (kind, words the quote text must contain,
a word of the speaker's name or None, a word of the addressee's name or None). The
extractors run on a parse of the exact text (no clean stage), with the default
extractor chain before "quotes" (entities), and the resolve stage after it.
"""

from __future__ import annotations

import pytest

from diurna.evaluate.quotes import Article, extract_exact
from diurna.model import Quote

Expected = tuple[str, str, str | None, str | None]

DIRECT: list[tuple[str, list[Expected]]] = [
    # cue after the quote
    ("\u201cWe will not back down,\u201d Mr. Ruto said on Monday.",
     [("direct", "We will not back down", "Ruto", None)]),
    # inverted order
    ("\u201cWe will not back down,\u201d said William Ruto.",
     [("direct", "We will not back down", "Ruto", None)]),
    # cue before, with a colon
    ("Emmanuel Macron told reporters: \u201cThe talks went well and we will meet again.\u201d",
     [("direct", "The talks went well", "Macron", "reporters")]),
    # cue before, with a comma
    ("Angela Merkel said, \u201cWe have a plan for the border.\u201d",
     [("direct", "We have a plan", "Merkel", None)]),
    # straight double marks
    ('"The bridge will open in May," the ministry said in a statement.',
     [("direct", "The bridge will open in May", "ministry", None)]),
    # single curly marks, British style
    ("\u2018We are ready to sign,\u2019 Boris Johnson said.",
     [("direct", "We are ready to sign", "Johnson", None)]),
    # guillemets
    ("\u00abNous sommes pr\u00eats,\u00bb said Emmanuel Macron.",
     [("direct", "Nous sommes", "Macron", None)]),
    # typewriter doubles
    ("''The plan is dead,'' Senator John Kerry said.",
     [("direct", "The plan is dead", "Kerry", None)]),
    # a quote spanning several sentences
    ("\u201cThe talks went well. We agreed on trade. We will meet again in May,\u201d Mr. Macron said.",
     [("direct", "We agreed on trade", "Macron", None)]),
    # a quote split by its attribution: both parts are the speaker's
    ("\u201cWe are ready,\u201d Angela Merkel said. \u201cThe talks went well.\u201d",
     [("direct", "We are ready", "Merkel", None), ("direct", "The talks went well", "Merkel", None)]),
    ("\u201cWe are ready,\u201d said Angela Merkel, \u201cand the talks went well.\u201d",
     [("direct", "We are ready", "Merkel", None), ("direct", "the talks went well", "Merkel", None)]),
    # multi-paragraph quote
    ("Boris Johnson spoke at length on Friday.\n\n\u201cThe talks went well. We agreed on trade.\n\n"
     "\u201cWe will meet again in May,\u201d Mr. Johnson said.",
     [("direct", "We will meet again in May", "Johnson", None)]),
    # nested quote inside a direct quote
    ("\u201cHe told me \u2018never again\u2019 and then he left the room,\u201d Angela Merkel said.",
     [("direct", "never again", "Merkel", None)]),
    # the quote in the next sentence inherits the speaker of "X told Y."
    ("William Ruto told Emmanuel Macron. \u201cWe are ready to sign the deal.\u201d",
     [("direct", "We are ready to sign", "Ruto", "Macron")]),
    # the same after a colon on its own line
    ("William Ruto told the crowd:\n\n\u201cWe are ready to sign the deal today.\u201d",
     [("direct", "We are ready to sign", "Ruto", None)]),
    # pronoun speaker
    ("Angela Merkel arrived in Paris on Monday. \u201cWe came to talk about trade,\u201d she told reporters.",
     [("direct", "We came to talk", "Merkel", "reporters")]),
    # the pronoun is the main-clause subject before it, not the reported clause's
    ("Angela Merkel said Boris Johnson had lost the vote. \u201cWe will see,\u201d she told reporters.",
     [("direct", "We will see", "Merkel", "reporters")]),
    # possessive and apposition: the chief of staff speaks, not the president
    ("\u201cThe deal is done,\u201d said Mr. Ruto's chief of staff Felix Koskei.",
     [("direct", "The deal is done", "Koskei", None)]),
    # organisation as speaker
    ("\u201cThe border will reopen on Monday,\u201d the foreign ministry said.",
     [("direct", "The border will reopen", "ministry", None)]),
    # a credit after a dash
    ("\u201cThe debate showed who he really is.\u201d \u2015 Maria Lopez",
     [("direct", "The debate showed", "Lopez", None)]),
    # a quote with no speaker anywhere is still a direct quote
    ("\u201cThe river is rising and the bridge may close tonight.\u201d",
     [("direct", "The river is rising", None, None)]),
    # question mark inside, cue after
    ("\u201cWhy would we pay for that?\u201d asked Boris Johnson.",
     [("direct", "Why would we pay", "Johnson", None)]),
    # added
    ("\u201cWe will be back next year,\u201d Mr. Ruto added.",
     [("direct", "We will be back", "Ruto", None)]),
]

MIXED: list[tuple[str, list[Expected]]] = [
    ("Mr. Macron said Paris and Abuja should \u201cwork hand in hand to build peace\u201d in the region.",
     [("mixed", "work hand in hand", "Macron", None)]),
    ("Emmanuel Macron urged Nigeria to \u201cshow restraint and calm\u201d after the vote.",
     [("mixed", "show restraint", "Macron", "Nigeria")]),
    ("Angela Merkel described the deal as \u201cthe worst ever signed\u201d in Europe.",
     [("mixed", "the worst ever signed", "Merkel", None)]),
    ("Boris Johnson called the plan \u201ca total disgrace\u201d on Tuesday.",
     [("mixed", "a total disgrace", "Johnson", None)]),
    ("The ministry said the talks had been \u201cfrank and useful\u201d and would go on.",
     [("mixed", "frank and useful", "ministry", None)]),
]

INDIRECT: list[tuple[str, list[Expected]]] = [
    ("Mr. Ruto's chief of staff Felix Koskei said the talks had gone well.",
     [("indirect", "the talks had gone well", "Koskei", None)]),
    ("Emmanuel Macron said the talks with Nigeria had shown real progress.",
     [("indirect", "talks with Nigeria had shown", "Macron", None)]),
    ("The talks went well, Angela Merkel said on Monday.",
     [("indirect", "The talks went well", "Merkel", None)]),
    ("Angela Merkel told Emmanuel Macron that Germany would support the plan.",
     [("indirect", "Germany would support the plan", "Merkel", "Macron")]),
    # "adding" hung on the reported clause speaks for the subject of "said", not the clause's
    ("Kenyan President Daniel Mwangi said the border would reopen, adding that Tanzania had violated the treaty.",
     [("indirect", "the border would reopen", "Mwangi", None), ("indirect", "Tanzania had violated", "Mwangi", None)]),
    ("Boris Johnson urged the European Union to reopen the talks.",
     [("indirect", "to reopen the talks", "Johnson", "European Union")]),
    ("Emmanuel Macron warned that the deal could collapse within weeks.",
     [("indirect", "the deal could collapse", "Macron", None)]),
    ("Angela Merkel insisted that the budget was balanced.",
     [("indirect", "the budget was balanced", "Merkel", None)]),
    ("Boris Johnson noted that exports had risen by ten percent.",
     [("indirect", "exports had risen", "Johnson", None)]),
    ("The foreign ministry announced that the embassy would reopen in June.",
     [("indirect", "the embassy would reopen", "ministry", None)]),
    ("According to the foreign ministry, the border will reopen on Monday.",
     [("indirect", "the border will reopen", "ministry", None)]),
    ("The border will reopen on Monday, according to the foreign ministry.",
     [("indirect", "The border will reopen", "ministry", None)]),
    ("In a statement, the ministry said the embassy staff were safe.",
     [("indirect", "the embassy staff were safe", "ministry", None)]),
    ("Angela Merkel arrived on Monday. She added that the talks would continue.",
     [("indirect", "the talks would continue", "Merkel", None)]),
    ("Boris Johnson, who said the vote was rigged, left the hall.",
     [("indirect", "the vote was rigged", "Johnson", None)]),
    ("Mr. Ruto's claim that the vote was rigged angered the court.",
     [("indirect", "the vote was rigged", "Ruto", None)]),
    ("Emmanuel Macron smiled and said the summit had been a success.",
     [("indirect", "the summit had been a success", "Macron", None)]),
    ("The opposition called for an independent inquiry into the vote.",
     [("indirect", "an independent inquiry", "opposition", None)]),
    ("The army denied the report of attacks on civilians.",
     [("indirect", "the report of attacks", "army", None)]),
]

NEGATIVE: list[str] = [
    # scare quotes, titles and so-called terms are not quotes
    "The so-called \u201czero-Covid\u201d policy was dropped in December.",
    "She watched the film \u201cArnor Rising\u201d twice last week.",
    "The song \u201cRiver of Gondor\u201d topped the charts in May.",
    "Critics mocked the \u201creform\u201d as a tax rise in disguise.",
    "Arnor's army and Gondor's riders met at the river.",
    "The talks went well and the leaders left Paris on Monday.",
    "The government will announce its budget next week.",
    "His book \u201cThe Long Road\u201d was published in 2019.",
    "The bill, dubbed \u201cthe Big Fix\u201d, passed the senate.",
    "A new \u201cpeace dividend\u201d was expected by investors.",
    # a nickname inside a name, a quoted sub-heading alone on its line
    "Senator Robert C. \u201cBobby\u201d Scott opened the meeting.",
    "The envoys left Gondor on Monday.\n\n\u2018All Bets Are Off.\u2019\n\nThe markets fell sharply.",
]


def _quotes(pipeline, text: str) -> tuple[Quote, ...]:
    ((_, quotes),) = list(extract_exact(pipeline, [Article("test", text, ())]))
    return quotes


def _check(pipeline, text: str, expected: list[Expected]) -> None:
    quotes = _quotes(pipeline, text)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    for kind, words, speaker, addressee in expected:
        hits = [q for q in quotes if words in q.text]
        assert hits, f"no quote with {words!r} in {[q.text for q in quotes]}"
        q = hits[0]
        assert q.kind == kind, (q.text, q.kind, q.rule)
        if speaker is None:
            assert q.speaker is None, q.speaker
        else:
            assert q.speaker is not None and speaker in q.speaker.name, (q.speaker, q.rule)
        if addressee is not None:
            assert q.addressee is not None and addressee in q.addressee.name, (q.addressee, q.rule)


@pytest.mark.parametrize(("text", "expected"), DIRECT)
def test_quotes_direct(pipeline, text: str, expected: list[Expected]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), MIXED)
def test_quotes_mixed(pipeline, text: str, expected: list[Expected]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize(("text", "expected"), INDIRECT)
def test_quotes_indirect(pipeline, text: str, expected: list[Expected]) -> None:
    _check(pipeline, text, expected)


@pytest.mark.parametrize("text", NEGATIVE)
def test_quotes_negative(pipeline, text: str) -> None:
    assert _quotes(pipeline, text) == ()


def test_quotes_split_direct_quote_counts_once_per_part(pipeline) -> None:
    quotes = _quotes(pipeline, "\u201cWe are ready,\u201d Angela Merkel said. \u201cThe talks went well.\u201d")
    assert [q.kind for q in quotes] == ["direct", "direct"]
    assert all(q.rule and q.rule.startswith("direct/") for q in quotes)


def test_quotes_cue_of_direct_quote_is_not_indirect(pipeline) -> None:
    quotes = _quotes(pipeline, "\u201cWe will not back down,\u201d said William Ruto.")
    assert [q.kind for q in quotes] == ["direct"]

