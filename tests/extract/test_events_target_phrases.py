"""Events: whom an act is done to, read off the phrases around it: a passive's "by"
phrase is its doer, never its target; the purpose clause of an act someone does names
whom it is aimed at when the act is done to no one of its own; the owners of a thing
aimed at count each of their conjuncts; things coordinated in one act are no further
targets of it (one act, one event). All with the setting target_phrases (on by default since session 12)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from diurna import Pipeline
from diurna.extract.eventing import sides as S


@pytest.fixture(scope="module")
def phrased(with_settings) -> Pipeline:
    return with_settings(target_phrases=True)


def _target_countries(pipeline: Pipeline, text: str, code: str) -> set[str | None]:
    """The target countries of the events whose code starts with `code`."""
    events = pipeline.process(text, published="2026-03-04").facts.events
    return {e.target.country for e in events if e.code.startswith(code) and e.target is not None}


@pytest.mark.parametrize(
    ("text", "code", "country"),
    [
        # the sources' own phrase (its nationality words, the meeting they spoke at) is no target
        ("The mayor was condemned by Amnesty International, Peruvian and Chilean officials at an African "
         "Union meeting in Lima.", "11", "PER"),
        ("The mayor was condemned by Amnesty International, Peruvian and Chilean officials at an African "
         "Union meeting in Lima.", "11", "CHL"),
        # the act is done to someone of its own: the purpose's people are not its target
        ("The police arrested a journalist to silence critics of Peru.", "173", "PER"),
    ],
)
def test_events_target_phrases_negatives(phrased: Pipeline, text: str, code: str, country: str) -> None:
    assert country not in _target_countries(phrased, text, code)


@pytest.mark.parametrize(
    ("text", "code", "country"),
    [
        # a passive subject is still the target
        ("Peru was condemned by Amnesty International at a meeting in Lima.", "11", "PER"),
        # a purpose clause names whom the act is aimed at
        ("Norway sent a trade delegation to attend the swearing-in of Chile's new president.", "04", "CHL"),
        ("Norway launched an operation on Friday to drive Swedish fighters from the border.", "19", "SWE"),
    ],
)
def test_events_target_phrases_found(phrased: Pipeline, text: str, code: str, country: str) -> None:
    assert country in _target_countries(phrased, text, code)


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Norway tightened restrictions on travel from Chile, Peru and Bolivia.", {"CHL", "PER", "BOL"}),
        ("Norway imposed tariffs on German and Italian cars.", {"DEU", "ITA"}),
        ("Norway imposed tariffs on cars from Germany.", {"DEU"}),
    ],
)
def test_events_target_phrases_owners_conjuncts(phrased: Pipeline, text: str, countries: set[str]) -> None:
    assert _target_countries(phrased, text, "16") == countries


@pytest.mark.parametrize(
    ("text", "code", "targets"),
    [
        # a thing beside an actor gives way to it: one event, aimed at the owner
        ("Norway banned the import of chicks and eggs from Chile.", "16", [("Chile", "CHL")]),
        # things alone: one event, about the first of them
        ("The government refused to relax its rules on foreign travel and other trips.", "12",
         [("foreign travel", None)]),
        # actors of two countries stay one event each
        ("Norway tightened restrictions on travel from Chile and Peru.", "16", [("Chile", "CHL"), ("Peru", "PER")]),
        # one act is one event per country: the first target of each country stays
        ("Norway passed a law targeting Chile and Chilean officials.", "16", [("Chile", "CHL")]),
        ("Police arrested a journalist and a lawyer in Oslo.", "17", [("journalist", "NOR")]),
        # people with no country of one trigger are one act too (setting coordinated_acts)
        ("The mob attacked a journalist and a lawyer.", "18", [("journalist", None)]),
    ],
)
def test_events_target_phrases_one_act(phrased: Pipeline, text: str, code: str,
                                       targets: list[tuple[str, str | None]]) -> None:
    events = [e for e in phrased.process(text, published="2026-03-04").facts.events if e.code.startswith(code)]
    assert [(e.target.text, e.target.country) for e in events if e.target is not None] == targets


def test_events_target_phrases_off(with_settings) -> None:
    # without the setting (and coordinated_acts), coordinated things stay events of their own
    pipeline = with_settings(coordinated_acts=False, target_phrases=False)
    assert len([e for e in pipeline.process("Norway banned the import of chicks and eggs from Chile.",
                                            published="2026-03-04").facts.events if e.code.startswith("16")]) > 1


_VOCAB = spacy.blank("en").vocab


def _doc(toks: list[tuple[str, str, str, str, int, str]]) -> Doc:
    return Doc(_VOCAB, words=[t[0] for t in toks], tags=[t[1] for t in toks], pos=[t[2] for t in toks],
               deps=[t[3] for t in toks], heads=[t[4] for t in toks],
               ents=[f"B-{t[5]}" if t[5] else "O" for t in toks])


# "tariffs on German and Italian cars"
TARIFFS = [("tariffs", "NNS", "NOUN", "ROOT", 0, ""), ("on", "IN", "ADP", "prep", 0, ""),
           ("German", "JJ", "ADJ", "amod", 5, "NORP"), ("and", "CC", "CCONJ", "cc", 2, ""),
           ("Italian", "JJ", "ADJ", "conj", 2, "NORP"), ("cars", "NNS", "NOUN", "pobj", 1, "")]
# "envoys and cars": people stand for themselves, a thing with no owner stays itself
ENVOYS = [("envoys", "NNS", "NOUN", "ROOT", 0, ""), ("and", "CC", "CCONJ", "cc", 0, ""),
          ("cars", "NNS", "NOUN", "conj", 0, "")]


@pytest.mark.parametrize(
    ("toks", "things", "expected"),
    [
        (TARIFFS, [5], ["German", "Italian"]),
        # the conjuncts of a thing that stands for itself are targets of their own already
        (ENVOYS, [0], ["envoys"]),
        (ENVOYS, [2], ["cars"]),
    ],
)
def test_events_target_phrases_owners_on_a_parse(toks, things, expected) -> None:
    doc = _doc(toks)
    assert [t.text for t in S.owners([doc[i] for i in things], frozenset({"envoys"}))] == expected
