"""From fired lexicon entries to Event records: codes, actors, modality, date,
place, evidence, rule and confidence (`merging.merge` then makes one event per act).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...knowledge import cameo, grammar, grounding_words
from ...knowledge.gazetteer import Roles
from ...model import ActorRef, Document, Entity, Event, Evidence, Facts, Modality, Plover, Quote
from ..mentions import MentionIndex
from ..tokens import tokens_from
from . import arguments as A
from . import domestic as D
from . import grounding as G
from . import participants as P
from . import unrealised as U
from .anchors import Where, when, where
from .lexicon import Lexicon
from .matching import Match, has_trigger, sentence_matches, usable_actor
from .merging import key as _key
from .modality import modality, obligation, preparing, ready

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_MAX_EVENTS_PER_MATCH = 6
_CIVILIANS = "CVL"  # the sector of people with no political role ("residents", "passengers")


@dataclass(frozen=True, slots=True)
class Context:
    """What a document's coding reads besides the sentence: fixed for the document."""

    document: Document
    doc: Doc
    facts: Facts
    index: MentionIndex
    lexicon: Lexicon
    implied_targets: bool = True  # setting implied_targets: see eventing/domestic.py
    mutual_both_ways: bool = True  # setting mutual_both_ways: a symmetric act once per direction
    roles: Roles | None = None  # roles.yaml: bare role words take the story's country (eventing/grounding.py)
    place_targets: bool = False  # setting place_targets: see _fallback_targets
    unrealised_acts: bool = False  # setting unrealised_acts: see _unrealised


def code_document(document: Document, doc: Doc, facts: Facts, lexicon: Lexicon, *,
                  implied_targets: bool = True, mutual_both_ways: bool = True,
                  roles: Roles | None = None, place_targets: bool = False,
                  unrealised_acts: bool = False) -> list[Event]:
    """The events the lexicon codes in the document, one per sentence match and dyad,
    unmerged (ids empty): `merging.merge` makes one event per act."""
    ctx = Context(document, doc, facts, MentionIndex(facts.entities), lexicon, implied_targets,
                  mutual_both_ways, roles, place_targets, unrealised_acts)
    events: list[Event] = []
    pairs = P.PairMemory()  # the last dyad, and the last dyad of people
    for sent in doc.sents:
        if not has_trigger(sent, lexicon):
            continue  # the cheap pass: most sentences stop here
        coded = []
        for m in sentence_matches(sent, lexicon):
            if U.named_reference(m):
                continue  # "the Doha agreement": a name for an act, not a report of one
            new = _events(ctx, sent, m, pairs)
            coded.append((m, new))
            P.remember(ctx.index, new, pairs)
        unrealised = U.unrealised([m for m, _ in coded]) if ctx.unrealised_acts else set()
        events.extend(e for m, evs in _rank_subordinates(coded) if m.trigger.i not in unrealised for e in evs)
    return _protest_claims(events, lexicon.protest_words)


# Adverbial clauses that only date the main event ("one day after a jet shot down a
# helicopter", "when the dictator expelled them"): background, not the news.


def _subordinate_region(m: Match) -> tuple[set[int], set[int]] | None:
    """(the clause the trigger sits in, the tokens whose events outrank it) when the
    trigger sits in a clause that only elaborates another: a temporal adverbial clause
    or a participial adjunct ("rioted, setting fire to mattresses") below its
    governing clause; None for a trigger in no such clause."""
    tok = m.trigger
    while tok.head.i != tok.i:
        if tok.dep_ == "advcl" and (_temporal(tok) or _participial(tok) or U.purpose(tok)):
            # the governing clause's own events: its verb, its subject and object phrases
            # ("announced a suspension"), not its side phrases (no deeper than the clause)
            head, depth = tok.head, embedding(tok)
            clause = {t.i for t in tok.subtree}
            side = {t.i for c in head.children if c.dep_ in _SIDE_PHRASES for t in c.subtree}
            return clause, {t.i for t in head.subtree if embedding(t) <= depth} - clause - side
        tok = tok.head
    return None


def _temporal(clause: Token) -> bool:
    marks = grammar.load().temporal_marks
    return any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)


_SIDE_PHRASES = {"prep", "npadvmod", "advmod", "advcl"}


def _participial(clause: Token) -> bool:
    """"..., setting fire to their mattresses": a gerund adjunct with no subject or
    subordinator of its own elaborates what its governing verb reports."""
    return clause.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in clause.children) \
        and clause.i > clause.head.i


def _frame_content(m: Match) -> set[int]:
    """The tokens of what a frame wraps ("agreed that their countries should cooperate
    to encourage ..."): events in there are the content of the agreement, demand or
    threat, which is the event the sentence reports."""
    if m.pred.frame is None:
        # "protested that the authorities are failing to ...": a complaint's content
        # (not an allegation: "claims that gunmen abducted eight" reports the abduction)
        complaint = m.pred.code[:3] in ("111", "114") and m.trigger.pos_ in ("VERB", "AUX")
        return {t.i for c in m.trigger.children if complaint and c.dep_ == "ccomp" for t in c.subtree}
    heads = [m.inner.trigger] if m.inner is not None else []
    if m.trigger.pos_ in ("VERB", "AUX"):
        heads += [c for c in m.trigger.children if c.dep_ in ("xcomp", "ccomp")]
    return {t.i for h in heads for t in h.subtree} - {m.trigger.i}


def _rank_subordinates(coded: list[tuple[Match, list[Event]]]) -> list[tuple[Match, list[Event]]]:
    """Events in the content of a frame, in a temporal clause or a participial adjunct
    rank just below the event of the clause they elaborate."""
    out = list(coded)
    for _ in range(2):  # a governor may itself be capped: settle nested clauses
        for n, (m, evs) in enumerate(out):
            if not evs:
                continue
            governors = [e for other, oevs in out if other is not m and m.trigger.i in _frame_content(other)
                         for e in oevs]
            region = _subordinate_region(m)
            if region is not None:
                governors += [e for other, oevs in out if other is not m and other.trigger.i in region[1]
                              and other.trigger.i not in region[0] for e in oevs]
            if governors:
                cap = round(max(0.05, max(e.confidence for e in governors) - 0.01), 2)
                out[n] = (m, [replace(e, confidence=min(e.confidence, cap)) for e in evs])
    return out


# A protest's own story: its crowd's claims ("protesters demanded the release of ...",
# "marched ..., denouncing the verdict") are its content, and the police's tear gas or
# firing at its crowd is the intervention it met; both rank just below the protest.
_CLAIM_ROOTS = {"02", "10", "11", "12"}
_INTERVENTIONS = {"175", "193"}


def _protest_claims(events: list[Event], protest_words: frozenset[str]) -> list[Event]:
    """When a document reports a protest, its claims and the force met rank below it."""
    top = max((e.confidence for e in events if e.root_code == "14" and e.modality == "asserted"), default=None)
    if top is None:
        return events
    below = round(max(0.05, top - 0.01), 2)
    out = []
    for e in events:
        claim = e.root_code in _CLAIM_ROOTS and e.source is not None and _crowd(e.source.text, protest_words)
        met = e.code[:3] in _INTERVENTIONS and (e.target is None or _crowd(e.target.text, protest_words))
        out.append(replace(e, confidence=min(e.confidence, below)) if claim or met else e)
    return out


def _crowd(text: str, protest_words: frozenset[str]) -> bool:
    return any(w in protest_words for w in re.findall(r"[a-z]+", text.lower()))


def _code_of(m: Match, ctx: Context) -> tuple[str, str]:
    """(CAMEO code, pattern) of a match; a frame takes its code from the wrapped event."""
    pred = m.pred
    if pred.frame is None:
        return pred.code, m.pattern
    frame = ctx.lexicon.frames[pred.frame]
    if m.inner is None:
        return frame.default, f"frame-{frame.name}"
    inner_code, _ = _code_of(m.inner, ctx)
    if frame.name == "intent" and inner_code[:2] in _THREAT_ROOTS:
        # "vowed to fight on", "plans to impose restrictions": an announced blow is a threat
        return ctx.lexicon.frames["threaten"].code_for(inner_code), "frame-threaten"
    return frame.code_for(inner_code), f"frame-{frame.name}"


# CAMEO codes an announced future act as what it is now: a statement of intent
# ("will provide aid" -> 033, "will visit" -> 036) or a threat ("will strike back"
# -> 138). A conditional announcement is an offer ("would meet him if ...") or, with
# "unless" or a blow, a threat ("will boycott unless ...", "may halt aid if ...").
_INTENT_ROOTS = {"04", "05", "06", "07", "08"}
_THREAT_ROOTS = {"14", "16", "17", "18", "19", "20"}
_MEASURE_ROOTS = {"16"}  # reduced relations: cut aid or ties, expel, halt talks


def _announced(ctx: Context, m: Match, code: str, pattern: str, mood: Modality) -> tuple[str, str, Modality]:
    if m.pred.user:
        return code, pattern, mood  # a user dictionary's code is final
    if obligation(m.trigger) and m.pred.frame not in _REQUEST_FRAMES:
        # "Libya must hand over the suspects": a demand on the subject
        return ctx.lexicon.frames["demand"].code_for(code), f"{pattern}+must-demand", "asserted"
    if mood == "negated" and m.pred.frame is None and code[:2] in _REFUSABLE and _announced_aux(m.trigger):
        # "will not accept more refugees", "would not meet their demands": a refusal
        return ctx.lexicon.frames["reject"].code_for(code), f"{pattern}+announced-refusal", "asserted"
    if m.pred.frame is None and code[:2] in _FORCE_ROOTS and mood != "negated" and preparing(m.trigger):
        # "the army prepared to resume shelling": preparing a blow is a force posture
        # (CAMEO 150); "is prepared to impose martial law" states readiness, a threat
        return _FORCE_POSTURE, f"{pattern}+preparation", "asserted"
    if m.pred.frame is None and code[:2] in _INTENT_ROOTS and mood != "negated" and ready(m.trigger):
        # "is willing to send material if ...": readiness to cooperate, on a condition or
        # not, is an intent (an offer); readiness to strike stays a threat (below)
        return ctx.lexicon.frames["intent"].code_for(code), f"{pattern}+ready-intent", "asserted"
    condition = _condition(m.trigger) if m.pred.frame is None else None
    threat_marks = grounding_words.load().threat_condition_marks
    if mood == "hypothetical" and condition is not None:
        if condition in threat_marks and (_announced_aux(m.trigger) or code[:2] in _THREAT_ROOTS):
            return ctx.lexicon.frames["threaten"].code_for(code), f"{pattern}+conditional-threat", "asserted"
        if code[:2] in _THREAT_ROOTS:
            return ctx.lexicon.frames["threaten"].code_for(code), f"{pattern}+conditional-threat", "asserted"
        if code[:2] in _INTENT_ROOTS and _announced_aux(m.trigger):
            # a meeting offered on a condition stays hypothetical ("would meet him if ...")
            mood_after: Modality = mood if code[:2] == "04" else "asserted"
            return ctx.lexicon.frames["intent"].code_for(code), f"{pattern}+conditional-offer", mood_after
    if mood != "future":
        return code, pattern, mood
    if condition in threat_marks:
        return ctx.lexicon.frames["threaten"].code_for(code), f"{pattern}+conditional-threat", "asserted"
    if code[:2] == "04":
        # "will visit", "is due to hold talks": CAMEO's intent to meet (036), still future
        return ctx.lexicon.frames["intent"].code_for(code), f"{pattern}+announced-meeting", mood
    if code[:2] in _INTENT_ROOTS:
        return ctx.lexicon.frames["intent"].code_for(code), f"{pattern}+announced-intent", "asserted"
    if code[:2] in _MEASURE_ROOTS:
        # "announced it would prohibit all aid to X": a measure decided, with no condition
        # or threat word, is the measure itself, still to come (a threat needs "unless",
        # "if" or a threat verb, handled above and by the threaten frame)
        return code, f"{pattern}+announced-measure", mood
    if code[:2] in _THREAT_ROOTS:
        return ctx.lexicon.frames["threaten"].code_for(code), f"{pattern}+announced-threat", "asserted"
    return code, pattern, mood


_ACTOR_ENTS = ("GPE", "ORG", "NORP", "PERSON")


_REFUSABLE = {"03", "04", "05", "06", "07", "08"}
_REQUEST_FRAMES = ("demand", "appeal")


def _condition(verb: Token) -> str | None:
    """"if" or "unless" (condition_marks) when a conditional clause hangs on the event's verb."""
    marks = grounding_words.load().condition_marks
    for c in verb.children:
        if c.dep_ == "advcl":
            for g in c.children:
                if g.dep_ == "mark" and g.lower_ in marks:
                    return g.lower_
    return None


_FORCE_ROOTS = {"18", "19", "20"}
_FORCE_POSTURE = "150"


def _announced_aux(verb: Token) -> bool:
    announcing = grammar.load().announcing_auxiliaries
    return any(c.dep_ == "aux" and c.lower_ in announcing for c in verb.children)


def _targets(m: Match, ctx: Context) -> list[Token]:
    if m.inner is None and m.pred.frame is not None and ctx.lexicon.frames[m.pred.frame].target == "inner":
        # "offered to hand over to Gondor": no entry for the wrapped verb, but its
        # named recipient is still the target of the intent
        inner = [c for c in m.trigger.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
        preps = grounding_words.load().inner_prepositions
        extra = [t for v in inner for t in (*A.prep_objects(v, preps), *A.objects(v))
                 if t.ent_type_ in _ACTOR_ENTS]
        return m.targets + extra
    if m.pred.frame is not None and ctx.lexicon.frames[m.pred.frame].target == "addressee":
        # "demanded that Rohan withdraw": the addressee is the subject of the clause
        # "demanded that ...", "reiterated its demand that ...", "insisted on its demands that ..."
        heads = [m.trigger] + ([m.trigger.head] if m.trigger.pos_ == "NOUN" else []) + (
            [m.inner.trigger] if m.inner is not None and m.inner.trigger.pos_ == "NOUN" else [])
        clauses = [c for h in heads for c in h.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")
                   and (h is m.trigger or c.i > m.trigger.i)]
        told = [t for c in clauses for t in (A.subjects(c) or A.passive_subjects(c))]
        if told and not any(t.dep_ in A.OBJ and t.head.i == m.trigger.i for t in m.targets):
            return told + [t for t in m.targets if t.i != (m.inner.trigger.i if m.inner else -1)]
    if m.inner is None:
        return m.targets
    # the wrapped event noun is what is rejected or demanded, not a participant
    own = [t for t in m.targets if t.i != m.inner.trigger.i]
    if ctx.lexicon.frames[m.pred.frame or ""].target == "inner":
        # "agreed to US mediation": a wrapped noun's own actor is the other party
        other = [t for t in m.inner.sources if t.i not in {s.i for s in m.sources}]
        return m.inner.targets or (other if m.inner.trigger.pos_ == "NOUN" else []) or own
    return own


def _owner(tok: Token, people: frozenset[str]) -> Token:
    """"North Korea's demand", "calls by Belarus", "an Australian ultimatum": a thing
    stands for whoever owns it when it is the target of an act (people and bodies
    stand for themselves: "the Arnorian envoy")."""
    words = grounding_words.load()
    if tok.pos_ != "NOUN" or tok.ent_type_ or tok.lower_ in people or tok.lower_ in words.agent_nouns \
            or tok.lower_ in A.GENERIC_HEADS:
        return tok
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ not in words.possessive_determiners:
            return c
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in words.owner_prepositions:
            for g in p.children:
                if g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.ent_type_):
                    return g
    for p in tok.children:
        # "praised the withdrawal of Arnorian troops": a body whose act it is stands for it
        if p.dep_ == "prep" and p.lower_ in A.of_prepositions():
            for g in p.children:
                if g.dep_ == "pobj" and g.lower_ in words.agent_nouns:
                    return g
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG"):
            return c
    return tok


def _events(ctx: Context, sent: Span, m: Match, last_pairs: P.PairMemory) -> list[Event]:
    code, pattern = _code_of(m, ctx)
    sources = [t for t in (G.group_head(t) for t in m.sources) if usable_actor(t)]
    targets = [t for t in (_owner(G.group_head(t), ctx.lexicon.human_nouns) for t in _targets(m, ctx))
               if usable_actor(t)]
    demanded = m.pred.frame not in _REQUEST_FRAMES and obligation(m.trigger)
    if demanded:
        # "Arnor said Gondor must withdraw": Arnor demands and Gondor is asked
        sources, targets = [t for t in _demanders(m.trigger) if usable_actor(t)], sources
    place = where(ctx.doc, sent, m.trigger, ctx.facts.places, ctx.document, ctx.place_targets)
    here = _place_country(ctx, place)
    src_refs: list[ActorRef | None] = [_grounded(ctx, t, r, here) for t in sources for r in _refs(ctx, t)] or [None]
    own = {r.entity for r in src_refs if r is not None and r.entity}
    found = [_grounded(ctx, t, r, None, own) for t in targets for r in _refs(ctx, t)]
    tgt_refs: list[ActorRef | None] = [*_fallback_targets(ctx, m, code, sources, src_refs, found, place, here, targets)]
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
    pairs = [(s, t) for s in src_refs for t in tgt_refs if not _same(s, t)]
    if reciprocal and not (m.pred.user or ctx.mutual_both_ways):
        # a symmetric act ("Arnor and Gondor met", "talks between A and B") is ONE event,
        # source the first named (docs/coding-guide.md); never an actor with itself
        pairs = _symmetric(pairs)
    elif reciprocal or joint and participants is not None:
        # "Both leaders pledged to ...": what the pair does together each does towards the
        # other; a user's PETRARCH dictionary codes its mutual verbs both ways, as PETRARCH
        # does, and so does the setting mutual_both_ways (the PLOVER records' convention)
        pairs += [(t, s) for s, t in pairs if s is not None and t is not None]
    pairs = _unique(pairs)[:_MAX_EVENTS_PER_MATCH]
    mood = modality(m.inner.trigger if m.inner is not None else m.trigger,
                    m.trigger if m.inner is not None else None)
    code, pattern, mood = _announced(ctx, m, code, pattern, mood)
    if code in ("19", "190") and reciprocal and any(_crowd(t.text, ctx.lexicon.protest_words)
                                                    for t in sources + targets):
        code, pattern = "145", f"{pattern}+protest-clash"  # protesters clashing with police: a violent protest
    time = when(ctx.doc, sent, m.trigger, ctx.facts.times, ctx.document, mood == "asserted")
    evidence = _evidence(ctx, m, sources + targets)
    if ctx.implied_targets and D.is_domestic(code) and all(t is None for _, t in pairs):
        # "Egyptian demonstrators rioted": a domestic act with no named target is aimed at
        # the country the sentence names, pointed at by its words (eventing/domestic.py)
        implied = [(s, D.implied_target(ctx.doc, sent, s, ctx.facts.places)) for s, _ in pairs]
        if any(t is not None for _, t in implied):
            pairs, pattern = implied, f"{pattern}+implied-target"
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


def _demanders(verb: Token) -> list[Token]:
    """Who states an obligation: the speaker of its clause, else the subject of the
    verb whose content it is ("the forum concluded that Gondor must pay")."""
    said = A.speakers(verb)
    if said or verb.dep_ != "ccomp" or verb.head.pos_ not in ("VERB", "AUX"):
        return said
    return [t for t in A.subjects(verb.head) if t.i != verb.i]


def _place_country(ctx: Context, place: Where) -> str | None:
    """The country of the place named for the event, unless it contradicts the
    dateline's country: a locality the gazetteer places abroad ("Lavington" in a
    Nairobi story) is more likely a namesake than a trip."""
    if place.source != "text" or place.location is None or not place.location.country:
        return None
    dateline = ctx.document.dateline
    home = next((p.country for p in ctx.facts.places if dateline and p.country
                 and dateline.casefold() in (p.name.casefold(), p.text.casefold())), None)
    away = place.location.country
    if home and home != away and not any(e.country == away and e.type != "PLACE" for e in ctx.facts.entities):
        return None
    return away


def _grounded(ctx: Context, tok: Token, ref: ActorRef, here: str | None,
              own: set[str] | None = None) -> ActorRef:
    """An unnamed group's country: from its own phrase ("groups in Zimbabwe"), else
    (sources only) from its pronoun owner ("their forces") or the place the event
    happens in. A target's phrase naming the source ("its war with Rohan") says
    nothing of the target."""
    if ref.country or ref.entity is not None and ref.actor_code:
        return ref
    if own is not None:
        found = G.phrase_country(ctx.index, tok, own)
        return replace(ref, country=found[0]) if found is not None else _story_grounded(ctx, tok, ref)
    found = G.phrase_country(ctx.index, tok) or G.possessor_country(ctx.index, tok)
    if found is not None:
        return replace(ref, country=found[0])
    if here and G.unnamed(tok):
        return replace(ref, country=here)
    return _story_grounded(ctx, tok, ref)


def _story_grounded(ctx: Context, tok: Token, ref: ActorRef) -> ActorRef:
    """"Officers arrested the activist", "police fired on the journalists": a bare role
    word (roles.yaml `bare`) with no country of its own is an actor of the story's
    country, with its sector, as extract/implicit.py makes the acting ones (a source
    acting in a named place took that place's country before)."""
    sector = G.bare_role(ctx.roles, tok) if ctx.roles is not None and ref.entity is None else None
    story = ctx.facts.story_countries[0] if ctx.facts.story_countries else None
    if sector is None or story is None:
        return ref
    return replace(ref, country=story, actor_code=f"{story}{sector}")


# Roots whose unnamed target is the place itself (its people or its authorities):
# protest, force posture, coercion, assault, fighting, mass violence.
_PLACE_TARGET_ROOTS = {"14", "15", "17", "18", "19", "20"}


def _fallback_targets(ctx: Context, m: Match, code: str, sources: list[Token], src_refs: list[ActorRef | None],
                      tgt_refs: list[ActorRef], place: Where, here: str | None,
                      targets: list[Token]) -> list[ActorRef]:
    """Targets without a country: the first actor with a country in the event's
    complements; for protest and force, the place the event happens in (`here`, its
    country as `_place_country` reads it), else (when someone does the act) the country
    of its locative phrase's words, else the story's country."""
    # "the government demanded that Beijing ...": a state is no target of its own act
    itself = {r.entity for r in tgt_refs if r.entity and G.own_state(ctx.index, r, src_refs)}
    tgt_refs = [r for r in tgt_refs if r.entity not in itself]
    if any(r.country for r in tgt_refs):
        return tgt_refs
    avoid = {i for t in sources for i in range(A.actor(t).start_i, A.actor(t).end_i)}
    skip = {r.entity for r in src_refs if r is not None and r.entity} | itself
    heads = [m.trigger, *m.words[1:]] + ([m.inner.trigger] if m.inner is not None else [])
    if code[:2] == "14":
        heads += G.purposes(m.trigger)  # "began a hunger strike to demand the resignation of X"
    tok = G.complement_actor(ctx.index, heads, avoid, skip, ctx.place_targets)
    while tok is not None and code[:2] == "14" and _crowd(tok.text, ctx.lexicon.protest_words):
        # a protest is not aimed at the crowd it joins ("rioted, joining demonstrators
        # in demanding independence from X"): look past it for whom it answers
        avoid.add(tok.i)
        tok = G.complement_actor(ctx.index, heads, avoid, skip, ctx.place_targets)
    if tok is not None:
        return [r for t in A.conjuncts(tok) for r in _refs(ctx, t)]
    if code[:2] not in _PLACE_TARGET_ROOTS:
        return tgt_refs
    if here and place.location is not None and not tgt_refs:
        return [ActorRef(text=place.location.name, country=here)]
    # a thing or people with no country of their own ("stormed a hotel in the Gondorian
    # city of X"): the civilians of where it happens, else of the story's country, as
    # event coders code them; only when someone does the act (a thing alone is no event)
    acted = ctx.place_targets and any(r is not None and (r.country or r.entity) for r in src_refs)
    country = here or (G.locative_country(ctx.index, targets, m.trigger) if acted else None)
    # the story's country only for what the act is done to directly ("stormed a hotel",
    # "the arrest of Boromir"), not a place it is aimed into ("fired missiles into the sea")
    direct = bool(targets) and all(G.undergoer(t, m.trigger) for t in targets)
    if country is None and acted and direct and tgt_refs and ctx.facts.story_countries:
        country = ctx.facts.story_countries[0]
    if country is None:
        return tgt_refs
    return [replace(r, country=country) for r in tgt_refs]


def _unique(pairs: list[tuple[ActorRef | None, ActorRef | None]]) -> list[tuple[ActorRef | None, ActorRef | None]]:
    seen, out = set(), []
    for s, t in pairs:
        key = (_key(s), _key(t))
        if key not in seen:
            seen.add(key)
            out.append((s, t))
    return out


def _symmetric(pairs: list[tuple[ActorRef | None, ActorRef | None]]) -> list[tuple[ActorRef | None, ActorRef | None]]:
    """One direction per unordered pair, and no pair of an actor (one entity) with
    itself: when that is the only pair, the act stays with its other side unknown."""
    seen: set[frozenset[str]] = set()
    out: list[tuple[ActorRef | None, ActorRef | None]] = []
    for s, t in pairs:
        key = frozenset((_key(s), _key(t)))
        if s is not None and t is not None and len(key) == 1 or key in seen:
            continue
        seen.add(key)
        out.append((s, t))
    return out or [(s, None) for s, _ in pairs[:1]]


def _same(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is not None and b is not None and _key(a) == _key(b) and a.text.casefold() == b.text.casefold()


def _refs(ctx: Context, tok: Token) -> list[ActorRef]:
    """ActorRefs for an actor token. "Senior Arnorian and Gondorian officials" gives
    one actor per coordinated nationality adjective, as coders do for compound actors;
    so do coordinated country names before the noun ("U.S. and Russian negotiators",
    parsed as a noun modifier)."""
    adjs = [c for c in tok.children if c.dep_ in ("amod", "nmod", "compound") and c.ent_type_ in ("NORP", "GPE")]
    if adjs and any(c.dep_ == "conj" for a in adjs for c in a.children):
        words = A.expand(adjs)
        return [_ref(ctx, w.idx, w.idx + len(w.text)) for w in words]
    a = A.actor(tok)
    ref = _ref(ctx, a.start, a.end)
    if ref.entity is None and tok.left_edge.i < a.start_i:
        # "The Asia-Pacific Economic Cooperation (APEC) forum": the name sits in
        # modifiers the actor's words stop short of
        ent = ctx.index.at(tok.left_edge.idx, a.end)
        if ent is not None and ent.country and not _joined_mention(ent, a.start, a.end, a.text):
            ref = replace(ref, entity=ent.id, country=ent.country, actor_code=ent.actor_code)
    head = ctx.index.at(tok.idx, tok.idx + len(tok.text)) if tok.pos_ == "PROPN" else None
    if head is not None and ref.entity is not None and head.id != ref.entity and head.country:
        # "Turkey's rival Greece": the name the phrase is headed by, not a possessor's
        ref = replace(ref, entity=head.id, country=head.country, actor_code=head.actor_code)
    return [ref]


def _ref(ctx: Context, start: int, end: int) -> ActorRef:
    text = ctx.document.text[start:end]
    ent = ctx.index.at(start, end)
    if ent is not None and _joined_mention(ent, start, end, text):
        ent = None  # NER ran "Arnor and Gondor" together; the parse has split them
    if ent is None:
        return ActorRef(text=text, start=start, end=end)
    return ActorRef(text=text, entity=ent.id, country=ent.country, actor_code=ent.actor_code, start=start, end=end)


def _joined_mention(ent: Entity, start: int, end: int, text: str) -> bool:
    return any(m.start < end and start < m.end and " and " in m.text and " and " not in text
               for m in ent.mentions)


def _evidence(ctx: Context, m: Match, actors: list[Token]) -> Evidence:
    toks = [*m.words, *actors] + ([m.inner.trigger, *m.inner.words] if m.inner is not None else [])
    spans = [A.actor(t) for t in actors]
    start = min([t.idx for t in toks] + [s.start for s in spans])
    end = max([t.idx + len(t.text) for t in toks] + [s.end for s in spans])
    trigger = " ".join(t.text for t in sorted({t.i: t for t in m.words}.values(), key=lambda t: t.i))
    return Evidence(start=start, end=end, text=ctx.document.text[start:end], trigger=trigger)


# Dependencies that put an event in a side clause or phrase ("after two days of
# fighting", "troops who shelled", "to support the war"): each one met on the way up
# to the sentence root makes the event less likely to be what the sentence reports.
_SIDE = {"advcl", "relcl", "acl", "pcomp", "pobj", "npadvmod", "appos", "compound", "amod", "nmod",
         "parataxis", "csubj", "nsubj", "nsubjpass", "advmod", "oprd"}


def embedding(trigger: Token) -> int:
    """How deep in side clauses and phrases a trigger sits: 0 for the main predicate
    (or the content of reported speech: "X said Y attacked Z" reports the attack)."""
    reporting = grounding_words.load().content_reporting_lemmas
    hops, tok = 0, trigger
    while tok.head.i != tok.i and hops < 4:
        head = tok.head
        if tok.dep_ in _SIDE:
            hops += 1
        elif tok.dep_ == "ccomp" and head.lemma_.lower() not in reporting:
            hops += 1
        tok = head
    return hops


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
