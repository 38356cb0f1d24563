"""Acts only a political actor does (issue 16 part 4: "a political actor is required
where CAMEO requires one"). The coding guide codes civilians, the press, academics and
refugees when they act politically or socially (they appeal, demand, reject, protest,
give aid, call off a strike; force is used by or on them), but their visits, praise,
pledges and inquiries are no political events: "more than a million tourists visited Gondor", "bloggers praised
Gondor", "reporters examined the facts". Which roots need a political doer is data
(knowledge/political_acts.tsv), and so are the sectors that are not political
(knowledge/statement_speakers.tsv, which the statements' own rule reads too).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ...knowledge import cameo, read_tsv
from ...model import Entity, Event
from .statements import quiet_sectors, side_sector

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...knowledge.gazetteer import Roles

FILE = "political_acts.tsv"


@lru_cache(maxsize=1)
def political_roots() -> frozenset[str]:
    """The CAMEO roots only a political actor does (package data, checked at load)."""
    rows = read_tsv(FILE, 2)
    roots = {c.root for c in cameo.codebook().values()}
    unknown = sorted(code for code, _ in rows if code not in roots)
    if unknown:
        raise ValueError(f"{FILE}: not CAMEO roots of cameo.tsv: {unknown}")
    return frozenset(code for code, _ in rows)


def by_quiet_doer(ev: Event, doc: Doc, entities: dict[str, Entity], roles: Roles) -> bool:
    """Is `ev` an act only a political actor does, done by an actor of a sector whose
    acts are no events (its entity's sector, else its actor code's, else its role
    word's: "Kenyan tourists", "the reporter")?"""
    src = ev.source
    if src is None or ev.root_code not in political_roots():
        return False
    sector = side_sector(doc, src, entities, roles)
    code = src.actor_code or ""
    if sector is None and src.country and code[:3] == src.country:
        sector = code[3:6]
    return sector in quiet_sectors()
