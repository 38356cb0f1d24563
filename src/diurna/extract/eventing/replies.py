"""The other side of a reply its sentence does not name: a denial ("rejected the
allegations", "denied the charges": CAMEO 016) with no target answers the last
accusation or criticism (root 11) the story reported against the denier, so its target
is that accuser ("Arnor accused Gondor of ... . Gondor rejected the allegations":
Gondor -> Arnor), as a coder reading the whole article codes it. The accusation must
name the denier (the same entity or the same country, `_names`) and come before the denial;
the accuser's words are in another sentence, so the target carries no offsets."""

from __future__ import annotations

from dataclasses import replace

from ...model import ActorRef, Event

_DENIAL = "016"  # CAMEO: deny responsibility, reject an accusation
_ACCUSATION_ROOT = "11"  # CAMEO: disapprove, criticise, accuse


def answered(events: list[Event]) -> list[Event]:
    """`events`, each denial with no target country aimed at the accuser it answers."""
    ordered = sorted(events, key=lambda e: e.evidence.start)
    out = []
    for ev in events:
        accuser = _accuser(ev, ordered) if _open_denial(ev) else None
        out.append(ev if accuser is None else
                   replace(ev, target=replace(accuser, start=None, end=None), rule=f"{ev.rule}+answers-accusation"))
    return out


def _open_denial(ev: Event) -> bool:
    return ev.code.startswith(_DENIAL) and ev.source is not None and bool(ev.source.country) \
        and (ev.target is None or not ev.target.country)


def _accuser(denial: Event, ordered: list[Event]) -> ActorRef | None:
    """The source of the last accusation before `denial` aimed at its source (`_names`);
    None when that accusation is the denier's own."""
    src = denial.source
    if src is None:
        return None
    for ev in reversed([e for e in ordered if e.evidence.start < denial.evidence.start]):
        if ev.root_code != _ACCUSATION_ROOT or ev.source is None or not ev.source.country or ev.target is None:
            continue
        if _names(ev.target, src):
            own = ev.source.entity == src.entity if src.entity else ev.source.country == src.country
            return None if own else ev.source
    return None


def _names(side: ActorRef, denier: ActorRef) -> bool:
    """Does an accusation's target name the denier: the same entity, or the same
    country even when both entities are known and differ. Entity resolution often splits
    one actor in two ("the Taliban" / "the Afghan Taliban"); requiring the entity when
    both are known lost 3 of 7 right answered denials on the news dev stories (session 10)."""
    return bool(side.entity) and side.entity == denier.entity or side.country == denier.country
