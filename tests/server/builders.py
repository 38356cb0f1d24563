"""Hand-built Results for the server tests: fictional countries, texts written by us.

Offsets come from the text, so `text[start:end] == fact.text` always holds.
"""

from __future__ import annotations

from pathlib import Path

from diurna.model import (
    ActorRef,
    Document,
    Entity,
    Event,
    Evidence,
    Facts,
    Location,
    Mention,
    Place,
    Quote,
    Result,
    SpeakerRef,
    TimeExpr,
)

# (name, country, actor code)
GONDOR = ("Gondor", "GND", "GNDGOV")
ROHAN = ("Rohan", "ROH", "ROHGOV")
MORDOR = ("Mordor", "MOR", "MORMIL")


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def report(doc_id: str, source: tuple[str, str, str], target: tuple[str, str, str], *, verb: str, code: str,
           label: str, quad: int, goldstein: float, day: str, place: tuple[str, str, float, float] | None = None,
           published: str | None = None, confidence: float = 0.9) -> Result:
    """One article: SOURCE VERB TARGET [in PLACE] on DAY, then a quote from the source's spokesman."""
    where = f" in {place[0]}" if place else ""
    text = (f"{source[0]} {verb} {target[0]}{where} on {day}, officials said.\n\n"
            f"\"We will not stand still,\" a spokesman for {source[0]} told reporters.")
    sentence = text.split("\n")[0]
    ents = tuple(
        Entity(f"e{i}", name, "ORG", (Mention(*_span(text, name), name, "GPE"),), country=country, actor_code=actor,
               sector="GOV", rule="test")
        for i, (name, country, actor) in enumerate((source, target), start=1))
    ev_s, ev_e = _span(text, sentence)
    event = Event(
        id="ev1", code=code, root_code=code[:2], label=label, quad_class=quad, goldstein=goldstein,
        evidence=Evidence(ev_s, ev_e, sentence, verb.split()[0]), rule="test:" + verb, confidence=confidence,
        source=ActorRef(source[0], "e1", source[1], source[2]), target=ActorRef(target[0], "e2", target[1], target[2]),
        date=day, date_precision="day", location=Location(place[0], place[1], place[2], place[3]) if place else None,
    )
    q_s, q_e = _span(text, "We will not stand still,")
    t_s, t_e = _span(text, day)
    places = ()
    if place:
        p_s, p_e = _span(text, place[0])
        places = (Place(place[0], p_s, p_e, place[0], place[1], place[2], place[3], "city"),)
    facts = Facts(entities=ents, events=(event,), quotes=(Quote(text[q_s:q_e], "direct", q_s, q_e,
                  SpeakerRef(f"a spokesman for {source[0]}"), "told"),),
                  times=(TimeExpr(day, t_s, t_e, "DATE", day),), places=places)
    doc = Document(id=doc_id, text=text, title=f"{source[0]} and {target[0]}", published=published or day,
                   publisher="Middle-earth Times", url=f"https://times.example/{doc_id}")
    return Result(document=doc, facts=facts)


def corpus() -> list[Result]:
    """Four events, three dyads, three months: enough to tell every filter and aggregate apart."""
    return [
        report("met-jan", GONDOR, ROHAN, verb="hosted talks with", code="043", label="Host a visit", quad=1,
               goldstein=2.8, day="2026-01-10", place=("Minas Tirith", "GND", 10.0, 20.0)),
        report("attack-feb", GONDOR, ROHAN, verb="shelled positions of", code="190",
               label="Use conventional military force", quad=4, goldstein=-10.0, day="2026-02-05",
               place=("Edoras", "ROH", 12.0, 18.0), confidence=0.75),
        report("accuse-feb", ROHAN, GONDOR, verb="accused", code="112", label="Accuse", quad=3, goldstein=-2.0,
               day="2026-02-20", confidence=0.3),
        report("deal-mar", MORDOR, GONDOR, verb="signed a truce with", code="0871", label="Declare a truce",
               quad=2, goldstein=9.0, day="2026-03-01", place=("Osgiliath", "GND", 11.0, 19.0), confidence=0.5),
    ]


def build_store(path: Path) -> Path:
    """A store at `path` holding `corpus()`."""
    from diurna.store import Store

    with Store(path) as store:
        store.write(corpus())
    return path
