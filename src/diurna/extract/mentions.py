"""Which entity a character span names: the mention index the event extractor and the
resolve stage (resolve/links.py) both look references up in."""

from __future__ import annotations

import bisect

from ..model import Entity


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
