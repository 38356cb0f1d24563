"""eventing/merging.py: the mentions of one act in an article become one event
(repeats, a noun and a verb, a side left out, coordination splits), and what never
merges (two different known actors, another modality, an unrelated code, a
statement's new addressee, a dyad pieced together from two sentences); the coordinated
sides of one trigger not of two countries merge (setting coordinated_acts, on)."""

from __future__ import annotations

import pytest

from diurna.extract.eventing.merging import family, merge
from diurna.knowledge import cameo
from diurna.model import ActorRef, Event, Evidence

# Sentences start at 0, 100, 200, ... : an event at offset 10 * k sits in sentence k // 10.
SENTENCES = [0, 100, 200, 300]

ARNOR = ActorRef("Arnor", entity="e1", country="ARN")
GONDOR = ActorRef("Gondor", entity="e2", country="GON")
ROHAN = ActorRef("Rohan", entity="e3", country="ROH")
GUNMEN = ActorRef("gunmen", country="ARN")
GUARDS = ActorRef("border guards", country="ARN")
HOTEL = ActorRef("the hotel")  # nothing known of it: words only
MARKET = ActorRef("the market")
ROH_GUARDS = ActorRef("Rohirrim guards", actor_code="ROHCOP")


def ev(at: int, code: str = "190", source: ActorRef | None = None, target: ActorRef | None = None, *,
       trigger: str = "attacked", modality: str = "asserted", date: str | None = None,
       date_source: str | None = None, confidence: float = 0.5) -> Event:
    entry = cameo.lookup(code)
    return Event(id="", code=code, root_code=entry.root, label=entry.label, quad_class=entry.quad_class,
                 goldstein=entry.goldstein, evidence=Evidence(at, at + 8, "x" * 8, trigger), rule=f"test:{at}",
                 confidence=confidence, source=source, target=target, modality=modality,  # type: ignore[arg-type]
                 date=date, date_source=date_source)  # type: ignore[arg-type]


def _sides(e: Event) -> tuple[str, str]:
    return (e.source.text if e.source else "-", e.target.text if e.target else "-")


@pytest.mark.parametrize(("name", "events", "expected"), [
    # a repeat in a later sentence leaving the target out
    ("repeat-one-side", [ev(0, "190", GUNMEN, ARNOR), ev(110, "190", GUNMEN, None)],
     [("190", ("gunmen", "Arnor"), 2)]),
    # a noun and a verb for one act in one sentence, one without its source
    ("noun-and-verb", [ev(0, "173", GONDOR, ARNOR, trigger="arrested"), ev(30, "173", None, ARNOR, trigger="arrest")],
     [("173", ("Gondor", "Arnor"), 2)]),
    # "X killed Y" ... "Y was killed" two sentences later
    ("passive-repeat", [ev(0, "1823", GONDOR, ROHAN), ev(210, "1823", None, ROHAN)],
     [("1823", ("Gondor", "Rohan"), 2)]),
    # a code and its ancestor in one sentence: the more specific code is kept
    ("code-and-ancestor", [ev(0, "182", GONDOR, ROHAN), ev(30, "1823", GONDOR, ROHAN)],
     [("1823", ("Gondor", "Rohan"), 2)]),
    # within a sentence, a side nothing is known of is the parse's guess beside a named actor
    ("vague-side-in-sentence", [ev(0, "163", ARNOR, GONDOR), ev(4, "163", ARNOR, HOTEL)],
     [("163", ("Arnor", "Gondor"), 2)]),
    # ... but not beside an entity without a country named by another trigger: two people or groups
    ("vague-beside-countryless-entity", [ev(0, "182", None, ActorRef("several guards", entity="e9")),
                                         ev(4, "182", None, ActorRef("passengers"))],
     [("182", ("-", "several guards"), 1), ("182", ("-", "passengers"), 1)]),
    # a dyad is never pieced together from two mentions, even in one sentence
    ("no-dyad-in-sentence", [ev(0, "1823", GUNMEN, None, trigger="shooting"), ev(40, "1823", None, ROHAN, trigger="killed")],
     [("1823", ("gunmen", None), 1), ("1823", (None, "Rohan"), 1)]),
    # a one-sided mention joins every act it repeats (one event per target stays)
    ("partial-joins-each-target", [ev(0, "163", ARNOR, GONDOR), ev(0, "163", ARNOR, ROHAN), ev(120, "163", ARNOR)],
     [("163", ("Arnor", "Gondor"), 2), ("163", ("Arnor", "Rohan"), 2)]),
    # an attack and the killing it caused, by one doer in one sentence: one act, the killing's code
    ("toll", [ev(0, "190", GUNMEN, ARNOR, trigger="ambushed"), ev(30, "1823", GUNMEN, None, trigger="killed")],
     [("1823", ("gunmen", "Arnor"), 2)]),
    ("toll-first", [ev(0, "1823", GUNMEN, ROHAN, trigger="killing"), ev(30, "183", GUNMEN, ROHAN, trigger="detonated")],
     [("1823", ("gunmen", "Rohan"), 2)]),
    # a text date and the publication-date fallback are compatible; the text date is kept
    ("date-fallback", [ev(0, "190", GUNMEN, ARNOR, date="2024-05-01", date_source="published"),
                       ev(110, "190", GUNMEN, ARNOR, date="2024-04-28", date_source="text")],
     [("190", ("gunmen", "Arnor"), 2)]),
    # ---- never merged ----
    # two different known actors on a side: one event per target country
    ("two-targets", [ev(0, "163", ARNOR, GONDOR), ev(0, "163", ARNOR, ROHAN)],
     [("163", ("Arnor", "Gondor"), 1), ("163", ("Arnor", "Rohan"), 1)]),
    ("two-sources", [ev(0, "190", GONDOR, ARNOR), ev(110, "190", ROHAN, ARNOR)],
     [("190", ("Gondor", "Arnor"), 1), ("190", ("Rohan", "Arnor"), 1)]),
    # coordinated actors, of two countries or of one, stay one event each
    ("coordination-two-countries", [ev(0, "190", GONDOR, ROHAN), ev(4, "190", ARNOR, ROHAN)],
     [("190", ("Gondor", "Rohan"), 1), ("190", ("Arnor", "Rohan"), 1)]),
    ("coordination-one-country", [ev(0, "190", GUNMEN, ROHAN), ev(4, "190", GUARDS, ROHAN)],
     [("190", ("gunmen", "Rohan"), 1), ("190", ("border guards", "Rohan"), 1)]),
    # a root's generic code is no parent of its siblings
    ("generic-and-sibling", [ev(0, "042", GONDOR, ARNOR, trigger="visited"), ev(20, "040", GONDOR, ARNOR, trigger="met")],
     [("042", ("Gondor", "Arnor"), 1), ("040", ("Gondor", "Arnor"), 1)]),
    # across sentences only the same code repeats an act
    ("ancestor-across-sentences", [ev(0, "1823", GONDOR, ROHAN), ev(110, "182", GONDOR, ROHAN)],
     [("1823", ("Gondor", "Rohan"), 1), ("182", ("Gondor", "Rohan"), 1)]),
    # the two directions of a mutual act (setting mutual_both_ways), named or not
    ("mutual-both-ways", [ev(0, "040", GONDOR, ARNOR, trigger="met"), ev(0, "040", ARNOR, GONDOR, trigger="met")],
     [("040", ("Gondor", "Arnor"), 1), ("040", ("Arnor", "Gondor"), 1)]),
    ("mutual-both-ways-vague", [ev(0, "040", HOTEL, MARKET, trigger="met"), ev(4, "040", MARKET, HOTEL, trigger="met")],
     [("040", ("the hotel", "the market"), 1), ("040", ("the market", "the hotel"), 1)]),
    ("other-modality", [ev(0, "190", GUNMEN, ARNOR), ev(110, "190", GUNMEN, ARNOR, modality="future")],
     [("190", ("gunmen", "Arnor"), 1), ("190", ("gunmen", "Arnor"), 1)]),
    ("negated", [ev(0, "190", GUNMEN, ARNOR), ev(30, "190", GUNMEN, None, modality="negated")],
     [("190", ("gunmen", "Arnor"), 1), ("190", ("gunmen", None), 1)]),
    ("other-root", [ev(0, "173", GUNMEN, ARNOR), ev(30, "1823", GUNMEN, ARNOR)],
     [("173", ("gunmen", "Arnor"), 1), ("1823", ("gunmen", "Arnor"), 1)]),
    ("sibling-codes", [ev(0, "183", GUNMEN, ARNOR), ev(30, "182", GUNMEN, ARNOR)],
     [("183", ("gunmen", "Arnor"), 1), ("182", ("gunmen", "Arnor"), 1)]),
    # an attack and a killing by two doers, by an unnamed one, or in two sentences
    ("toll-two-doers", [ev(0, "190", GUNMEN, ARNOR), ev(30, "1823", GUARDS, ARNOR)],
     [("190", ("gunmen", "Arnor"), 1), ("1823", ("border guards", "Arnor"), 1)]),
    ("toll-no-doer", [ev(0, "190", GUNMEN, ARNOR), ev(30, "1823", None, ARNOR)],
     [("190", ("gunmen", "Arnor"), 1), ("1823", (None, "Arnor"), 1)]),
    ("toll-across-sentences", [ev(0, "190", GUNMEN, ARNOR), ev(130, "1823", GUNMEN, ARNOR)],
     [("190", ("gunmen", "Arnor"), 1), ("1823", ("gunmen", "Arnor"), 1)]),
    ("two-text-dates", [ev(0, "190", GUNMEN, ARNOR, date="2024-04-28", date_source="text"),
                        ev(110, "190", GUNMEN, ARNOR, date="2023-01-02", date_source="text")],
     [("190", ("gunmen", "Arnor"), 1), ("190", ("gunmen", "Arnor"), 1)]),
    # a dyad is never pieced together from two sentences
    ("no-dyad-across-sentences", [ev(0, "190", GUNMEN, None), ev(110, "190", None, ARNOR)],
     [("190", ("gunmen", None), 1), ("190", (None, "Arnor"), 1)]),
    # two sides nothing is known of, in other words, are two actors
    ("two-vague-sides", [ev(0, "190", HOTEL, ARNOR), ev(4, "190", MARKET, ARNOR)],
     [("190", ("the hotel", "Arnor"), 1), ("190", ("the market", "Arnor"), 1)]),
    # a vague side is only vague within its sentence
    ("vague-side-across-sentences", [ev(0, "190", GUNMEN, MARKET), ev(110, "190", GUNMEN, HOTEL)],
     [("190", ("gunmen", "the market"), 1), ("190", ("gunmen", "the hotel"), 1)]),
    # a statement again by the same speaker to another addressee (or none) is another statement
    ("statement-new-addressee", [ev(0, "010", ARNOR, GONDOR, trigger="told"), ev(110, "010", ARNOR, None, trigger="said")],
     [("010", ("Arnor", "Gondor"), 1), ("010", ("Arnor", None), 1)]),
    ("statement-repeat", [ev(0, "010", ARNOR, GONDOR, trigger="told"), ev(110, "010", ARNOR, GONDOR, trigger="said")],
     [("010", ("Arnor", "Gondor"), 2)]),
    # actorless mentions merge within their sentence only
    ("actorless-across-sentences", [ev(0, "190"), ev(110, "190")],
     [("190", (None, None), 1), ("190", (None, None), 1)]),
])
def test_merging_mentions_of_one_act(name, events, expected):
    out = merge(events, SENTENCES)
    got = sorted((e.code, _sides(e), max(1, len(e.mentions))) for e in out)
    assert got == sorted((code, (s or "-", t or "-"), n) for code, (s, t), n in expected), name
    assert [e.id for e in out] == [f"ev{n}" for n in range(1, len(out) + 1)]


@pytest.mark.parametrize(("name", "events", "expected"), [
    # the coordinated sides of one trigger not of two countries: one act ("banned imports
    # of chicks and eggs", "the gunmen and border guards attacked", "met A and B of Rohan")
    ("no-country", [ev(0, "163", ARNOR, ActorRef("chicks"), trigger="banned"),
                    ev(0, "163", ARNOR, ActorRef("eggs", entity="e8"), trigger="Banned")],
     [("163", ("Arnor", "eggs"))]),
    ("countryless-entities", [ev(0, "182", None, ActorRef("several guards", entity="e9")),
                              ev(0, "182", None, ActorRef("passengers"))],
     [("182", ("-", "several guards"))]),
    ("one-country", [ev(0, "190", GUNMEN, ROHAN), ev(0, "190", GUARDS, ROHAN)], [("190", ("gunmen", "Rohan"))]),
    ("country-and-none", [ev(0, "190", GUNMEN, ROHAN), ev(0, "190", HOTEL, ROHAN)], [("190", ("gunmen", "Rohan"))]),
    ("both-sides", [ev(0, "040", GUNMEN, ROHAN, trigger="met"), ev(0, "040", GUNMEN, ROH_GUARDS, trigger="met"),
                    ev(0, "040", GUARDS, ROHAN, trigger="met"), ev(0, "040", GUARDS, ROH_GUARDS, trigger="met")],
     [("040", ("gunmen", "Rohan"))]),
    # ---- never merged ----
    # two countries, by country or by actor code
    ("two-countries", [ev(0, "190", GONDOR, ROHAN), ev(0, "190", ARNOR, ROHAN)],
     [("190", ("Gondor", "Rohan")), ("190", ("Arnor", "Rohan"))]),
    ("two-countries-by-code", [ev(0, "190", GUNMEN, ROHAN), ev(0, "190", ActorRef("rangers", actor_code="GONMIL"), ROHAN)],
     [("190", ("gunmen", "Rohan")), ("190", ("rangers", "Rohan"))]),
    # one country, but two triggers or the same word in two places of the sentence
    ("two-triggers", [ev(0, "190", GUNMEN, ROHAN), ev(0, "190", GUARDS, ROHAN, trigger="stormed")],
     [("190", ("gunmen", "Rohan")), ("190", ("border guards", "Rohan"))]),
    ("two-evidence-spans", [ev(0, "190", GUNMEN, ROHAN), ev(4, "190", GUARDS, ROHAN)],
     [("190", ("gunmen", "Rohan")), ("190", ("border guards", "Rohan"))]),
    # the two directions of a mutual act of one trigger
    ("mutual", [ev(0, "040", GUNMEN, GUARDS, trigger="met"), ev(0, "040", GUARDS, GUNMEN, trigger="met")],
     [("040", ("gunmen", "border guards")), ("040", ("border guards", "gunmen"))]),
    # another modality
    ("other-modality", [ev(0, "190", GUNMEN, ROHAN), ev(0, "190", GUARDS, ROHAN, modality="future")],
     [("190", ("gunmen", "Rohan")), ("190", ("border guards", "Rohan"))]),
])
def test_merging_coordinated_acts(name, events, expected):
    got = sorted((e.code, _sides(e)) for e in merge(events, SENTENCES))
    assert got == sorted(expected), name
    # off: each its own event, but for a side nothing is known of beside an actor with a country
    off = merge(events, SENTENCES, coordinated=False)
    assert len(off) == (1 if name == "country-and-none" else len(events)), name


@pytest.mark.parametrize(("a", "b", "ok"), [
    ("190", "190", True), ("182", "1823", True), ("1823", "182", True), ("190", "193", False), ("180", "1823", False),
    ("183", "1823", False), ("192", "193", False), ("190", "180", False), ("036", "040", False),
])
def test_merging_code_family(a, b, ok):
    assert family(a, b) is ok


def test_merging_keeps_every_mention_and_rates_repeats():
    out = merge([ev(0, "190", GUNMEN, ARNOR, confidence=0.6), ev(110, "190", GUNMEN, None, confidence=0.4),
                 ev(210, "190", None, ARNOR, confidence=0.5)], SENTENCES)
    assert len(out) == 1
    e = out[0]
    assert [m.start for m in e.mentions] == [0, 110, 210]
    assert e.evidence.start == 0 and e.rule == "test:0"  # the lead: the first mention naming both sides
    assert e.confidence == 0.66  # the best rule score, 0.03 for each further sentence


def test_merging_single_event_has_no_mentions():
    out = merge([ev(0, "190", GUNMEN, ARNOR, confidence=0.6)], SENTENCES)
    assert out[0].mentions == () and out[0].confidence == 0.6 and out[0].id == "ev1"


@pytest.mark.parametrize(("text", "code", "on", "off"), [
    # coordinated things of one trigger: one act with the setting, one event per thing without
    ("Norway banned the import of chicks and eggs.", "16", 1, 2),
    # two countries stay two acts either way
    ("Norway imposed sanctions on Chile and Peru.", "16", 2, 2),
])
def test_merging_coordinated_acts_setting(pipeline_of, text: str, code: str, on: int, off: int) -> None:
    def count(**settings: bool) -> int:
        events = pipeline_of(**settings).process(text, published="2026-03-04").facts.events
        return sum(e.code.startswith(code) for e in events)

    # target_phrases (on by default) makes things coordinated with no actor one act too
    # (eventing/sides._one_act): off here, so that the merge alone is tested
    assert (count(target_phrases=False), count(coordinated_acts=False, target_phrases=False)) == (on, off)


def _person(entity_id: str, *spans: tuple[int, int, str]):
    from diurna.model import Entity, Mention

    return Entity(id=entity_id, name="Aldo Veran", type="PERSON",
                  mentions=tuple(Mention(s, e, t, "PERSON") for s, e, t in spans))


def _quote(start: int, end: int, entity_id: str):
    from diurna.model import Quote, SpeakerRef

    return Quote(text="x" * (end - start), kind="direct", start=start, end=end,
                 speaker=SpeakerRef(entity=entity_id, name="Aldo Veran"))


@pytest.mark.parametrize(("name", "events", "entities", "quotes", "acts"), [
    # a side the coder left unlinked is the entity whose mention its words are: one act
    ("linked-by-mention", [ev(0, "020", ActorRef("Veran", entity="e1", start=0, end=5), GONDOR),
                           ev(110, "020", ActorRef("He", start=110, end=112), GONDOR)],
     [_person("e1", (0, 5, "Veran"), (110, 112, "He"))], [], 1),
    # a "we" in a direct quote is its speaker's
    ("quoted-we", [ev(0, "020", ActorRef("Veran", entity="e1", start=0, end=5), GONDOR),
                   ev(110, "020", ActorRef("we", start=111, end=113), GONDOR)],
     [_person("e1", (0, 5, "Veran"))], [_quote(105, 150, "e1")], 1),
    # ... not outside one, nor another speaker's
    ("unquoted-we", [ev(0, "020", ActorRef("Veran", entity="e1", start=0, end=5), GONDOR),
                     ev(110, "020", ActorRef("we", start=111, end=113), GONDOR)],
     [_person("e1", (0, 5, "Veran"))], [], 2),
    ("other-speaker", [ev(0, "020", ActorRef("Veran", entity="e1", start=0, end=5), GONDOR),
                       ev(110, "020", ActorRef("we", start=111, end=113), GONDOR)],
     [_person("e1", (0, 5, "Veran")), _person("e4", (60, 65, "Lenna"))], [_quote(105, 150, "e4")], 2),
])
def test_merging_links_sides_by_mentions(name, events, entities, quotes, acts):
    out = merge(events, SENTENCES, entities=entities, quotes=quotes)
    assert len(out) == acts
    # the merged event keeps the coder's sides: the resolve stage links them as before
    assert all(e.source is None or e.source in {x.source for x in events} for e in out)
