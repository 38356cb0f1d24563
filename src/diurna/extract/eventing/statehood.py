"""A state does not act on itself: a country or capital standing for its government is
no target of an act of that state's own bodies or officials. `sides.fallback_targets`
drops such a target while coding; `resolve.links` checks again once every side has the
country of the entity it names (a person linked by its mention, a quoted "we"). Kept
apart from `grounding` so that the resolve stage needs no parse-time word lists.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...knowledge import grounding_words
from ...model import ActorRef
from ..labels import METONYMY
from ..mentions import MentionIndex


def own_state(index: MentionIndex, target: ActorRef, sources: Sequence[ActorRef | None]) -> bool:
    """Is `target` a country or capital standing for its government, named alone
    ("India", "Beijing", not "Dog Meat Free Indonesia"), in an act of one of that
    state's own bodies or officials (grounding_words.yaml state_sectors: "the
    government", "the army", a minister)? A state does not act on itself: "the
    government demanded that Beijing ..." names no target there; the country's other
    actors still are targets ("the government arrested opposition leaders", "rebels
    attacked Pakistan")."""
    ent = index.entity(target.entity)
    state = grounding_words.load().state_sectors
    if ent is None or not ent.country or (ent.rule or "").rsplit(":", 1)[-1] != METONYMY \
            or sector(index, target) not in state \
            or not any(m.start == target.start and m.end == target.end for m in ent.mentions) \
            or any(s is not None and s.entity == ent.id for s in sources):
        return False  # a source itself: the other side of a mutual act ("Chile and Peru agreed")
    return any(s is not None and s.country == ent.country and sector(index, s) in state for s in sources)


def sector(index: MentionIndex, ref: ActorRef) -> str:
    """A side's sector, lower-case: its entity's, else the one its actor code adds to
    its country ("KENCOP" for a bare "police" of a Kenya story)."""
    ent = index.entity(ref.entity)
    if ent is not None and ent.sector:
        return ent.sector.lower()
    code = ref.actor_code or ""
    return code[3:6].lower() if ref.country and code[:3] == ref.country else ""
