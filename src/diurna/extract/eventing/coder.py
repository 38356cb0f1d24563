"""From fired lexicon entries to Event records: codes, actors, modality, date,
place, evidence, rule and confidence (`merging.merge` then makes one event per act).
The parts: `announcing` (the code), `sides` (the actors of each side), `ranking` (which
events are the news), `context` (what the document's coding reads).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ...knowledge import cameo
from ...knowledge.gazetteer import Roles
from ...model import ASSERTED, ActorRef, Document, Event, Evidence, Facts, Plover, Quote
from ..actorhood import is_actor
from ..mentions import MentionIndex
from ..tokens import tokens_from
from . import arguments as A
from . import domestic as D
from . import grounding as G
from . import participants as P
from . import sides as S
from . import unrealised as U
from .anchors import when, where
from .announcing import REQUEST_FRAMES, announced, code_of
from .context import Context
from .lexicon import Lexicon
from .matching import MODAL_CLAUSE, Match, has_trigger, sentence_matches, usable_actor
from .modality import modality, obligation
from .ranking import crowd, embedding, protest_claims, rank_subordinates

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MAX_EVENTS_PER_MATCH = 6
_SPEAKING_PERSONS = {"1", "2"}  # morphology: the speaker and the one spoken to
_CIVILIANS = "CVL"  # the sector of people with no political role ("residents", "passengers")


def code_document(document: Document, doc: Doc, facts: Facts, lexicon: Lexicon, *,
                  implied_targets: bool = True, mutual_both_ways: bool = True,
                  roles: Roles | None = None, place_targets: bool = False,
                  unrealised_acts: bool = False, unrealised_purposes: bool = False,
                  target_phrases: bool = False) -> list[Event]:
    """The events the lexicon codes in the document, one per sentence match and dyad,
    unmerged (ids empty): `merging.merge` makes one event per act."""
    ctx = Context(document, doc, facts, MentionIndex(facts.entities), lexicon, implied_targets,
                  mutual_both_ways, roles, place_targets, unrealised_acts, unrealised_purposes, target_phrases)
    events: list[Event] = []
    pairs = P.PairMemory()  # the last dyad, and the last dyad of people
    for sent in doc.sents:
        if not has_trigger(sent, lexicon):
            continue  # the cheap pass: most sentences stop here
        coded = []
        for m in sentence_matches(sent, lexicon):
            if U.named_reference(m) or U.shared_opinion(m):
                continue  # "the Doha agreement", "agreed with her": no act reported
            new = _events(ctx, sent, m, pairs)
            coded.append((m, new))
            P.remember(ctx.index, new, pairs)
        unrealised = U.unrealised([m for m, _ in coded], ctx.unrealised_acts, ctx.unrealised_purposes)
        events.extend(e for m, evs in rank_subordinates(coded) if m.trigger.i not in unrealised for e in evs)
    return protest_claims(events, lexicon.protest_words)


def _events(ctx: Context, sent: Span, m: Match, last_pairs: P.PairMemory) -> list[Event]:
    code, pattern = code_of(m, ctx)
    sources = [t for t in (G.group_head(t) for t in m.sources) if usable_actor(t)]
    targets = [t for t in S.owners([G.group_head(t) for t in S.target_tokens(m, ctx)], ctx.lexicon.human_nouns,
                                   ctx.target_phrases)
               if usable_actor(t)]
    demanded = m.pred.frame not in REQUEST_FRAMES and obligation(m.trigger)
    if m.pattern == MODAL_CLAUSE and not (demanded and _someone_obliged(ctx, sources)):
        return []  # "we must realize", "talks must continue", "must have given": no demand
    if demanded:
        # "Arnor said Gondor must withdraw": Arnor demands and Gondor is asked
        sources, targets = [t for t in S.demanders(m.trigger) if usable_actor(t)], sources
    place = where(ctx.doc, sent, m.trigger, ctx.facts.places, ctx.document, ctx.place_targets)
    here = S.place_country(ctx, place)
    src_refs: list[ActorRef | None] = [S.grounded(ctx, t, r, here) for t in sources for r in S.refs(ctx, t)] or [None]
    own = {r.entity for r in src_refs if r is not None and r.entity}
    found = [S.grounded(ctx, t, r, None, own) for t in targets for r in S.refs(ctx, t)]
    tgt_refs: list[ActorRef | None] = [*S.fallback_targets(ctx, m, code, sources, src_refs, found, place, here,
                                                           targets)]
    tgt_refs = tgt_refs or [None]
    # "Arnor and Gondor failed to reach agreement": a frame over a mutual act is mutual
    reciprocal = (m.pred.reciprocal or m.inner is not None and m.inner.pred.reciprocal
                  and ctx.lexicon.frames[m.pred.frame or ""].target == "inner") and not demanded
    # "the two countries agreed": the pair the story is about (eventing/participants.py)
    kind = next((k for k in map(P.pair_kind, sources) if k is not None), None)
    participants = None if kind is None else P.pick(kind, last_pairs, ctx.facts.story_countries,
                                                    ctx.facts.entities)
    joint = tgt_refs == [None] and kind is not None
    src_refs, tgt_refs = P.resolve(src_refs, tgt_refs, participants, reciprocal)
    pairs: list[tuple[ActorRef | None, ActorRef | None]]
    pairs = [(s, t) for s in src_refs for t in tgt_refs if not S.same(s, t)]
    if reciprocal and not (m.pred.user or ctx.mutual_both_ways):
        # a symmetric act ("Arnor and Gondor met", "talks between A and B") is ONE event,
        # source the first named (docs/coding-guide.md); never an actor with itself
        pairs = S.symmetric(pairs)
    elif reciprocal or joint and participants is not None:
        # "Both leaders pledged to ...": what the pair does together each does towards the
        # other; a user's PETRARCH dictionary codes its mutual verbs both ways, as PETRARCH
        # does, and so does the setting mutual_both_ways (the PLOVER records' convention)
        pairs += [(t, s) for s, t in pairs if s is not None and t is not None]
    pairs = S.unique(pairs)[:_MAX_EVENTS_PER_MATCH]
    mood = modality(m.inner.trigger if m.inner is not None else m.trigger,
                    m.trigger if m.inner is not None else None)
    code, pattern, mood = announced(ctx, m, code, pattern, mood)
    if code in ("19", "190") and reciprocal and any(crowd(t.text, ctx.lexicon.protest_words)
                                                    for t in sources + targets):
        code, pattern = "145", f"{pattern}+protest-clash"  # protesters clashing with police: a violent protest
    time = when(ctx.doc, sent, m.trigger, ctx.facts.times, ctx.document, mood == ASSERTED)
    evidence = _evidence(ctx, m, sources + targets)
    if ctx.implied_targets and D.is_domestic(code) and all(t is None for _, t in pairs):
        # "Egyptian demonstrators rioted": a domestic act with no named target is aimed at
        # the country the sentence names, pointed at by its words (eventing/domestic.py)
        implied = [(s, D.implied_target(ctx.doc, sent, s, ctx.facts.places)) for s, _ in pairs]
        if any(t is not None for _, t in implied):
            pairs, pattern = implied, f"{pattern}{D.IMPLIED}"
            evidence = D.widened(ctx.document.text, evidence, [t for _, t in implied if t is not None])
    depth = embedding(m.trigger)
    entry = cameo.lookup(code)
    p = cameo.plover(code)
    out = []
    for src, tgt in pairs:
        out.append(Event(
            id="", code=code, root_code=entry.root, label=entry.label, quad_class=entry.quad_class,
            goldstein=entry.goldstein, evidence=evidence, rule=f"{m.pred.origin}:{m.pred.id}/{pattern}",
            confidence=_confidence(m, src, tgt if targets else None, depth),
            plover=Plover(p.type, p.mode) if p else None,
            source=src, target=tgt, date=time.date, date_precision=time.precision, location=place.location,
            modality=mood, date_source=time.source, location_source=place.source,
        ))
    return out


def _evidence(ctx: Context, m: Match, actors: list[Token]) -> Evidence:
    toks = [*m.words, *actors] + ([m.inner.trigger, *m.inner.words] if m.inner is not None else [])
    spans = [A.actor(t) for t in actors]
    start = min([t.idx for t in toks] + [s.start for s in spans])
    end = max([t.idx + len(t.text) for t in toks] + [s.end for s in spans])
    trigger = " ".join(t.text for t in sorted({t.i: t for t in m.words}.values(), key=lambda t: t.i))
    return Evidence(start=start, end=end, text=ctx.document.text[start:end], trigger=trigger)


def _someone_obliged(ctx: Context, subjects: list[Token]) -> bool:
    """A reported "must" clause is a demand on its subject only when that subject is an
    actor (an entity, a country, a name, a group word: `actorhood.is_actor`), not a first or second person ("we
    must realize", "you must liberate yourself": the speaker's resolve, a maxim) nor a
    thing ("talks with China must continue"). News dev: 1 of 10 such clauses was right."""
    for tok in subjects:
        if tok.pos_ == "PRON" and set(tok.morph.get("Person", [])) & _SPEAKING_PERSONS:
            continue
        for ref in S.refs(ctx, tok):
            if ref.entity or ref.country or tok.pos_ == "PROPN":
                return True
            if ctx.roles is not None and is_actor(ref, ctx.doc, ctx.roles, ctx.lexicon.human_nouns):
                return True  # "the council", "lawmakers": a group word of the knowledge files
    return False


def _confidence(m: Match, src: ActorRef | None, tgt: ActorRef | None, depth: int = 0) -> float:
    c = m.pred.confidence - 0.08 * depth
    c += 0.1 * (src is not None) + 0.1 * (tgt is not None) - 0.1 * (src is None and tgt is None)
    c += 0.05 * (m.inner is not None) + 0.05 * bool(src and src.entity) + 0.05 * bool(tgt and tgt.entity)
    return round(max(0.05, min(0.95, c)), 2)


def has_actor(ev: Event, doc: Doc, roles: Roles,
              voiced: Callable[[ActorRef], bool] = lambda r: False) -> bool:
    """An event with an actor on at least one side: a resolved entity, a country, an
    actor code, or a group with a political or social role (a sector of
    knowledge/roles.yaml other than ordinary civilians: "police", "the opposition
    coalition", "militants"; not "91 people", "border clashes", "measures"), or a
    first-person pronoun the resolve stage links to a direct quote's speaker
    (`voiced`: "'They attack us,' Ruto said")."""
    return any(r is not None and bool(r.entity or r.country or r.actor_code or _group(r, doc, roles) or voiced(r))
               for r in (ev.source, ev.target))


def quoted_first_person(quotes: tuple[Quote, ...], first_person: frozenset[str]) -> Callable[[ActorRef], bool]:
    """Is a reference a first-person pronoun inside a direct quote whose speaker is
    known? (resolve/links.py then gives it the speaker, after this stage)."""
    spans = [(q.start, q.end) for q in quotes if q.kind == "direct" and q.speaker is not None and q.speaker.entity]

    def voiced(ref: ActorRef) -> bool:
        return ref.start is not None and ref.text.lower() in first_person \
            and any(s <= ref.start < e for s, e in spans)
    return voiced


def _group(ref: ActorRef, doc: Doc, roles: Roles) -> bool:
    if ref.start is None or ref.end is None:
        return False
    lemmas = tuple(t.lemma_.lower() for t in tokens_from(doc, ref.start, ref.end))
    for n in range(min(3, len(lemmas)), 0, -1):
        sector = roles.sector_of(lemmas[-n:])
        if sector is not None:
            return sector != _CIVILIANS
    return False
