"""A speaker's description: analysts, scholars, witnesses and relatives make no neutral statement."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract.eventing.describing import BODY, ROLE, quiet_sectors, speaker_words

PUBLISHED = "2026-03-02"


@pytest.fixture(scope="module")
def by_content(with_settings) -> Pipeline:
    return with_settings(statement_contents=True)


def _statements(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    result = pipeline.process(text, published=PUBLISHED)
    return [(e.code, e.source.text if e.source else None) for e in result.facts.events if e.root_code == "01"]


@pytest.mark.parametrize(("text", "expected"), [
    # the title's head, the apposition's head, the body named after the name
    ('"The timing is poor," said analyst Jon Marsh of Ridgeway Partners.', []),
    ("Jon Marsh, a senior fellow at the Ridgeway Center, said the border with Tanzania would reopen.", []),
    ('"Prices will rise," said Jon Marsh of the Ridgeway Institute in Nairobi.', []),
    ("Mary Wanjiru, a mother of three, said the school had turned her children away.", []),
    # the body decides over a title inside it; the press reports, it makes no statement
    ('"Prices will rise," said Jon Marsh, the Africa chair at the Ridgeway Institute.', []),
    ("Coastline Weekly, an outlet covering Kenyan news, reported that the border with Tanzania would reopen.", []),
    # a later mention ("he", the surname) is described by the first one
    ("Jon Marsh, an economist at Ridgeway Partners, studies the region. "
     "He said the border with Tanzania would reopen.", []),
    # must keep the statement: an office, no description at all, someone else's relation
    ("Jon Marsh, Kenya's foreign minister, said the border with Tanzania would reopen.", [("010", "Jon Marsh")]),
    ("Jon Marsh said the border with Tanzania would reopen.", [("010", "Jon Marsh")]),
    ("Jon Marsh, his wife and his son were charged on Monday. Marsh said the charges were false.",
     [("010", "Marsh")]),
])
def test_events_describing_quiet_speakers(by_content: Pipeline, text: str, expected: list[tuple]) -> None:
    assert _statements(by_content, text) == expected


def test_events_describing_table_gives_quiet_sectors() -> None:
    table = speaker_words()
    assert set(table) == {ROLE, BODY}
    assert table[ROLE][("analyst",)] == "EDU" and table[BODY][("think", "tank")] == "EDU"
    assert {s for words in table.values() for s in words.values()} <= quiet_sectors()
    assert ("minister",) not in table[ROLE] and ("spokesman",) not in table[ROLE]
