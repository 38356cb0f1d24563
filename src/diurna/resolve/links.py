"""Link references (event actors, quote speakers) to entities by their mentions
(through extract.mentions.MentionIndex, which the extractors use too)."""

from __future__ import annotations

from dataclasses import replace

from ..extract.eventing.domestic import IMPLIED
from ..extract.eventing.statehood import own_state
from ..extract.mentions import MentionIndex
from ..extract.quoting import cues as cue_data
from ..model import ActorRef, Entity, Event, Facts, Quote, SpeakerRef, story_guess


def resolve(text: str, facts: Facts, guessed_sources: bool = True) -> Facts:
    """Events and quotes linked to entities. With `guessed_sources` false (setting
    story_targets) an event's source takes no country `story_people` guessed
    (extract/guesses.py): the coder left it out."""
    index = MentionIndex(facts.entities)
    quoted = _quoted_speakers(facts.quotes)
    first_person = cue_data.load().first_person
    events = tuple(
        replace(ev, source=_actor(index, _speaker_of(ev.source, quoted, first_person), guessed_sources),
                target=_actor(index, _speaker_of(ev.target, quoted, first_person)))
        for ev in facts.events
    )
    events = _without_own_state(index, events)
    quotes = tuple(
        replace(q, speaker=_speaker(index, q.speaker), addressee=_speaker(index, q.addressee))
        for q in facts.quotes
    )
    return replace(
        facts,
        events=tuple(sorted(events, key=lambda e: (e.evidence.start, e.evidence.end, e.id))),
        quotes=tuple(sorted(quotes, key=lambda q: (q.start, q.end))),
        times=tuple(sorted(facts.times, key=lambda t: (t.start, t.end))),
        amounts=tuple(sorted(facts.amounts, key=lambda a: (a.start, a.end))),
        places=tuple(sorted(facts.places, key=lambda p: (p.start, p.end))),
    )


OWN_STATE = "+own-state"  # the rule suffix of an event whose target was its source's own state


def _without_own_state(index: MentionIndex, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """"Modi said he would discuss upgrading ties with India": a state's official acting
    on the state itself names no second side (`eventing/statehood.py`). The coder drops
    such a target where it knows both countries; a source that gets its country here
    (a person linked by its mention, a quoted "we") is checked here. The event keeps its
    source alone, unless the same act by that source with no target is already there.
    A domestic act's implied target is its source's own country by design ("the
    government ordered the newspaper closed": `eventing/domestic.py`) and stays."""
    out: list[Event] = []
    kept = {(e.code, e.evidence.start, e.source) for e in events if e.target is None}
    for ev in events:
        if ev.source is None or ev.target is None or IMPLIED in ev.rule \
                or not own_state(index, ev.target, [ev.source]):
            out.append(ev)
        elif (ev.code, ev.evidence.start, ev.source) not in kept:
            kept.add((ev.code, ev.evidence.start, ev.source))
            out.append(replace(ev, target=None, rule=ev.rule + OWN_STATE))
    return tuple(out)


def _quoted_speakers(quotes: tuple[Quote, ...]) -> list[tuple[int, int, str]]:
    """(start, end, speaker entity) of every direct quote whose speaker is resolved."""
    return [(q.start, q.end, q.speaker.entity) for q in quotes
            if q.kind == "direct" and q.speaker is not None and q.speaker.entity]


def _speaker_of(ref: ActorRef | None, quoted: list[tuple[int, int, str]],
                first_person: frozenset[str]) -> ActorRef | None:
    """"We will not back down," the minister said: "we" acts for the quote's speaker."""
    if ref is None or ref.entity or ref.start is None or ref.text.lower() not in first_person:
        return ref
    found = next((e for s, end, e in quoted if s <= ref.start < end), None)
    return replace(ref, entity=found) if found else ref


def _linked(index: MentionIndex, ref: ActorRef | SpeakerRef) -> Entity | None:
    """The entity a reference names: by id when it has one, else by its mention span."""
    ent = index.entity(ref.entity)
    if ent is None and ref.start is not None and ref.end is not None:
        ent = index.at(ref.start, ref.end)
    return ent


def _actor(index: MentionIndex, ref: ActorRef | None, guessed: bool = True) -> ActorRef | None:
    ent = _linked(index, ref) if ref else None
    if ref is not None and ent is not None and ref.entity is None and _part_of_joined(ent, ref):
        ent = None  # NER ran "Arnor and Gondor" together; the event coder split them
    if ref is None or ent is None:
        return ref
    if not guessed and story_guess(ent):
        return replace(ref, entity=ent.id)
    return replace(
        ref,
        entity=ent.id,
        country=ref.country or ent.country,
        actor_code=ref.actor_code or ent.actor_code,
    )


def _part_of_joined(ent: Entity, ref: ActorRef) -> bool:
    """True when `ref` is a strict part of a mention of `ent` that spans a
    coordination ("Arnor" inside "Arnor and Gondor"): the part names one conjunct,
    not the joined entity."""
    if ref.start is None or ref.end is None or " and " in ref.text or " & " in ref.text:
        return False
    return any(
        m.start <= ref.start and ref.end <= m.end and (m.end - m.start) > (ref.end - ref.start)
        and (" and " in m.text or " & " in m.text)
        for m in ent.mentions
    )


def _speaker(index: MentionIndex, ref: SpeakerRef | None) -> SpeakerRef | None:
    ent = _linked(index, ref) if ref else None
    if ref is None or ent is None:
        return ref
    return replace(ref, entity=ent.id, name=ent.name)
