"""Link references (event actors, quote speakers) to entities by their mentions."""

from __future__ import annotations

import bisect
from dataclasses import replace

from ..model import ActorRef, Entity, Facts, SpeakerRef


class MentionIndex:
    """Find the entity whose mention overlaps a character span, fast."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        # A total key: two entities may share a mention span (an NER entity and a rule's
        # entity over the same words), and Entity defines no order, so the tie is broken
        # by the entity id, then its place in the tuple; the same input always links alike.
        keyed = sorted(
            (((m.start, m.end, e.id, n), e) for n, e in enumerate(entities) for m in e.mentions),
            key=lambda item: item[0],
        )
        spans = [(key[0], key[1], e) for key, e in keyed]
        self._starts = [s for s, _, _ in spans]
        self._spans = spans
        self._by_id = {e.id: e for e in entities}

    def entity(self, entity_id: str | None) -> Entity | None:
        return self._by_id.get(entity_id) if entity_id else None

    def at(self, start: int, end: int) -> Entity | None:
        """The entity with the largest mention overlapping [start, end), if any."""
        best, best_overlap = None, 0
        i = bisect.bisect_right(self._starts, end) - 1
        while i >= 0:
            s, e, ent = self._spans[i]
            if e <= start and s < start - 200:  # mentions are short; stop looking far back
                break
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = ent, overlap
            i -= 1
        return best


def resolve(text: str, facts: Facts) -> Facts:
    index = MentionIndex(facts.entities)
    events = tuple(
        replace(ev, source=_actor(index, ev.source), target=_actor(index, ev.target))
        for ev in facts.events
    )
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


def _linked(index: MentionIndex, ref: ActorRef | SpeakerRef) -> Entity | None:
    """The entity a reference names: by id when it has one, else by its mention span."""
    ent = index.entity(ref.entity)
    if ent is None and ref.start is not None and ref.end is not None:
        ent = index.at(ref.start, ref.end)
    return ent


def _actor(index: MentionIndex, ref: ActorRef | None) -> ActorRef | None:
    ent = _linked(index, ref) if ref else None
    if ref is not None and ent is not None and ref.entity is None and _part_of_joined(ent, ref):
        ent = None  # NER ran "Arnor and Gondor" together; the event coder split them
    if ref is None or ent is None:
        return ref
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
