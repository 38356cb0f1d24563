"""Dated dictionary roles at the event's date.

The entities stage codes a dictionary actor by the document's publication date
(`gazetteer.code_on`). An event the text dates elsewhere ("In 2015, President Velin
...") is coded by the event's date instead: an entry `[ARNGOV 130225-170310]
[ARNELI >170310]` is a government actor in a 2015 event and an elite in a 2019 one,
whatever the article's date. Only participants whose code came from the dictionary
for the publication date are recoded; a code the text gave ("Prime Minister X") stays.
"""

from __future__ import annotations

from dataclasses import replace

from ...knowledge.gazetteer import DatedCode, Gazetteer, code_on
from ...model import ActorRef, Entity, Event
from ..entities import actor_code

_DICTIONARY_RULE = ":dictionary"


def at_event_dates(events: list[Event], entities: tuple[Entity, ...], gaz: Gazetteer,
                   published: str | None) -> list[Event]:
    """The events, each participant recoded by the event's date where a dated
    dictionary code applies and the event's date is not the publication date."""
    dated = {e.id: e for e in entities if (e.rule or "").endswith(_DICTIONARY_RULE) and _has_dates(gaz, e)}
    if not dated:
        return events
    named = {e.country for e in entities if e.country}  # the countries the document names (about)
    out = []
    for ev in events:
        if ev.date is None or ev.date_source != "text" or ev.date == published:
            out.append(ev)
            continue
        source, target = (_recoded(ref, dated, gaz, ev.date, published, named) for ref in (ev.source, ev.target))
        out.append(ev if (source, target) == (ev.source, ev.target) else replace(ev, source=source, target=target))
    return out


def _has_dates(gaz: Gazetteer, ent: Entity) -> bool:
    found = gaz.actor_for(ent.name)
    return len(found) == 1 and any(o.start or o.end for o in found[0].offices)


def _recoded(ref: ActorRef | None, dated: dict[str, Entity], gaz: Gazetteer, date: str,
             published: str | None, named: set[str]) -> ActorRef | None:
    ent = dated.get(ref.entity or "") if ref is not None else None
    if ref is None or ent is None:
        return ref
    (actor,) = gaz.actor_for(ent.name)
    then, now = code_on(actor, date, named), code_on(actor, published, named)
    if ent.country != now.country or ent.actor_code not in (_code(gaz, now, ent.type), _code(gaz, now, "ORG")):
        return ref  # the text, not the dictionary, gave this participant's code
    return replace(ref, country=then.country, actor_code=_code(gaz, then, ent.type))


def _code(gaz: Gazetteer, dated: DatedCode, etype: str) -> str | None:
    """The code the entities stage gives (entities._assemble): a person's is country and
    sector, an organisation keeps the dictionary's full code."""
    if etype != "PERSON" and dated.code and len(dated.code) > 3 and dated.country not in gaz.igo_codes:
        return dated.code
    return actor_code(gaz, dated.country, dated.sector)
