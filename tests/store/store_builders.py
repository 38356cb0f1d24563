"""Hand-built Results for the store tests (fictional actors, texts written by us).

Offsets are computed from the text, so `text[start:end] == fact.text` always holds.
"""

from __future__ import annotations

from pathlib import Path

from diurna.model import (
    ActorRef,
    Document,
    Entity,
    ErrorResult,
    Event,
    Evidence,
    Facts,
    Location,
    Mention,
    Place,
    Plover,
    Quote,
    Result,
    SpeakerRef,
    TimeExpr,
)

STORY = ("Gondor's King Elessar met Rohan's Queen Eowyn in Minas Tirith on Tuesday. "
         "Elessar said the talks had opened a new chapter.\n\n"
         "\"We stand together,\" Eowyn told reporters.")


def span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def mention(text: str, part: str, after: int = 0) -> Mention:
    s, e = span(text, part, after)
    return Mention(s, e, part, "PERSON")


def story(doc_id: str, *, prefix: str = "", suffix: str = "", publisher: str | None = None,
          agency: str | None = None, url: str | None = None, published: str = "2026-03-04",
          date: str | None = "2026-03-03", code: str = "043", modality: str = "asserted",
          location: Location | None = None, source: str = "Elessar") -> Result:
    """One outlet's version of the Minas Tirith talks: boilerplate differs, story does not."""
    text = prefix + STORY + suffix
    s_name = "King Elessar" if source == "Elessar" else source
    ents = (
        Entity("e1", "King Elessar", "PERSON", (mention(text, "King Elessar"), mention(text, "Elessar", text.index("chapter") - 60)),
               country="GND", actor_code="GNDGOV", role="King", sector="GOV", rule="test"),
        Entity("e2", "Queen Eowyn", "PERSON", (mention(text, "Queen Eowyn"), mention(text, "Eowyn", text.index("We stand"))),
               country="ROH", actor_code="ROHGOV", role="Queen", sector="GOV", rule="test"),
    )
    ev_s, ev_e = span(text, "Gondor's King Elessar met Rohan's Queen Eowyn in Minas Tirith on Tuesday.")
    loc = location if location is not None else Location("Minas Tirith", "GND", 10.0, 20.0)
    event = Event(
        id="ev1", code=code, root_code=code[:2], label="Host a visit" if code == "043" else "Protest",
        quad_class=1, goldstein=2.8, evidence=Evidence(ev_s, ev_e, text[ev_s:ev_e], "met"),
        rule="test:met", confidence=0.8, plover=Plover("CONSULT", "visit"),
        source=ActorRef(s_name, "e1", "GND", "GNDGOV"), target=ActorRef("Queen Eowyn", "e2", "ROH", "ROHGOV"),
        date=date, date_precision=None if date is None else {10: "day", 7: "month", 4: "year"}[len(date)],
        location=loc, modality=modality,  # type: ignore[arg-type]
    )
    q_s, q_e = span(text, "We stand together,")
    quote = Quote("We stand together,", "direct", q_s, q_e, SpeakerRef("Queen Eowyn", "e2"), "told")
    t_s, t_e = span(text, "Tuesday")
    p_s, p_e = span(text, "Minas Tirith")
    facts = Facts(entities=ents, events=(event,), quotes=(quote,),
                  times=(TimeExpr("Tuesday", t_s, t_e, "DATE", date or "2026-03-03"),),
                  places=(Place("Minas Tirith", p_s, p_e, "Minas Tirith", "GND", 10.0, 20.0, "city"),))
    doc = Document(id=doc_id, text=text, url=url, title="Kings meet", published=published,
                   publisher=publisher, agency=agency)
    return Result(document=doc, facts=facts)


def three_outlets() -> list[Result]:
    """The same wire story from three sites, each with its own boilerplate."""
    return [
        story("gazette-1", prefix="Subscribe to the Gazette for daily news.\n\n", publisher="Gondor Gazette",
              agency="Reuters", url="https://gazette.example/kings"),
        story("herald-7", suffix="\n\nPhoto: AFP. Follow this topic for updates.", publisher="Rohan Herald",
              agency="Reuters", url="https://herald.example/a/7"),
        story("courier-3", prefix="BREAKING\n\n", suffix="\n\nRead more on our app.", publisher="Shire Courier",
              url="https://courier.example/x", date=None, published="2026-03-04"),
    ]


def outlets_store(path: str | Path, *extra: Result | ErrorResult) -> str:
    """A store at `path` holding `three_outlets()` (one merged event, its confidence 0.8)
    and `extra`; its path as a string, for the CLI."""
    from diurna.store import Store

    with Store(path) as store:
        store.write([*three_outlets(), *extra])
    return str(path)


VOLATILE = {"ingested_at", "first_added", "updated_at", "first_seen", "created_at", "checked_at", "applied_at"}


def snapshot(store) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without the wall-clock columns: what must not depend
    on ingest order or on interruptions."""
    from diurna.store.schema import TABLES

    out = {}
    for table in TABLES:
        cols = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in VOLATILE]
        rows = store.con.execute(f"SELECT {', '.join(chr(34) + c + chr(34) for c in cols)} FROM {table}").fetchall()
        out[table] = sorted(rows, key=repr)
    return out
