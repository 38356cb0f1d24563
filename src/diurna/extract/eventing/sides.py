"""The two sides of an event: the target tokens a match's frame points at, a thing's
owner, who states an obligation, the ActorRefs of actor tokens, the countries of
unnamed groups (their phrase, owner, the event's place or the story), the fallback
targets of criticism, protest and force, and the pairs of sides."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ...knowledge import grounding_words
from ...model import ActorRef, Entity
from ..actorhood import is_actor
from . import arguments as A
from . import grounding as G
from .anchors import Where
from .context import Context
from .matching import Match
from .merging import key as _key
from .ranking import crowd
from .statehood import own_state

if TYPE_CHECKING:
    from spacy.tokens import Token


_ACTOR_ENTS = ("GPE", "ORG", "NORP", "PERSON")


def target_tokens(m: Match, ctx: Context) -> list[Token]:
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


def owner(tok: Token, people: frozenset[str]) -> Token:
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

def owners(things: list[Token], people: frozenset[str], conjuncts: bool = True) -> list[Token]:
    """The owner of each thing (`owner`), with the owners coordinated with it: "restrictions
    on travel from Arnor, Gondor and Rohan", "tariffs on Arnorian and Gondorian cars" are
    aimed at each of them (`conjuncts`, setting target_phrases)."""
    out: list[Token] = []
    for t in things:
        found = owner(t, people)
        for o in A.conjuncts(found) if conjuncts and found.i != t.i else [found]:
            if o not in out:
                out.append(o)
    return out


def demanders(verb: Token) -> list[Token]:
    """Who states an obligation: the speaker of its clause, else the subject of the
    verb whose content it is ("the forum concluded that Gondor must pay")."""
    said = A.speakers(verb)
    if said or verb.dep_ != "ccomp" or verb.head.pos_ not in ("VERB", "AUX"):
        return said
    return [t for t in A.subjects(verb.head) if t.i != verb.i]


def place_country(ctx: Context, place: Where) -> str | None:
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


def grounded(ctx: Context, tok: Token, ref: ActorRef, here: str | None,
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
# Of those, the roots whose act is aimed at the place it happens in even when the text
# names no one who does it: a protest, or a coercive act only the place's authorities do
# ("a terrorist cell was dismantled in Seville", "arrests in Guatemala City"). Force done
# by no one named is not: "the attack in Afghanistan", "the war in Gaza", "a murder in
# New York", "a clash in Kent" say where, not against whom (the coding guide codes the
# people attacked, or no target); news dev 102: 10 of 11 such place targets wrong.
_PLACE_ITSELF_ROOTS = {"14", "17"}
# Roots whose unowned thing target stands for the story's main country: disapproval
# (11). Not rejection (12): "rejected the arbitral ruling", "rejected its offer" answer
# another state as often as not (news dev).
_JUDGED_ROOTS = {"11"}


def fallback_targets(ctx: Context, m: Match, code: str, sources: list[Token], src_refs: list[ActorRef | None],
                      tgt_refs: list[ActorRef], place: Where, here: str | None,
                      targets: list[Token]) -> list[ActorRef]:
    """Targets without a country: the first actor with a country in the event's
    complements; for criticism of a thing no one owns, the story's country; for protest
    and force, the place the event happens in (`here`, its country as `place_country`
    reads it; for an act naming no one, only when someone does it or it is a protest or
    coercion), else (when someone does the act) the country of its locative phrase's
    words, else the story's country."""
    # "the government demanded that Beijing ...": a state is no target of its own act
    itself = {r.entity for r in tgt_refs if r.entity and own_state(ctx.index, r, src_refs)}
    tgt_refs = [r for r in tgt_refs if r.entity not in itself]
    if ctx.target_phrases:
        tgt_refs = _one_act(ctx, tgt_refs)
    if any(r.country for r in tgt_refs):
        return tgt_refs
    avoid = {i for t in sources for i in range(A.actor(t).start_i, A.actor(t).end_i)}
    skip = {r.entity for r in src_refs if r is not None and r.entity} | itself
    heads = [m.trigger, *m.words[1:]] + ([m.inner.trigger] if m.inner is not None else [])
    if code[:2] == "14" or ctx.target_phrases and _aimed_by_purpose(ctx, src_refs, targets):
        # "began a hunger strike to demand the resignation of X", "sent a delegation to
        # attend the inauguration of X's president": whom the act's purpose is aimed at
        heads += G.purposes(m.trigger)
    tok = None if _named_undergoer(ctx, src_refs, targets, m.trigger) else \
        G.complement_actor(ctx.index, heads, avoid, skip, ctx.place_targets, ctx.target_phrases)
    while tok is not None and code[:2] == "14" and crowd(tok.text, ctx.lexicon.protest_words):
        # a protest is not aimed at the crowd it joins ("rioted, joining demonstrators
        # in demanding independence from X"): look past it for whom it answers
        avoid.add(tok.i)
        tok = G.complement_actor(ctx.index, heads, avoid, skip, ctx.place_targets, ctx.target_phrases)
    while tok is not None and all(own_state(ctx.index, r, src_refs) for r in refs(ctx, tok)):
        # "the Arnorian president will discuss Arnor's ties with Gondor": a state is no
        # target of its own act in its complements either (`own_state`)
        avoid.add(tok.i)
        tok = G.complement_actor(ctx.index, heads, avoid, skip, ctx.place_targets, ctx.target_phrases)
    if tok is not None:
        return [r for t in A.conjuncts(tok) for r in refs(ctx, t)]
    if code[:2] in _JUDGED_ROOTS and _judged_unowned(ctx, src_refs, tgt_refs, targets):
        # one event, as the things criticised are one act's
        return [replace(r, country=ctx.facts.story_countries[0]) for r in tgt_refs[:1]]
    if code[:2] not in _PLACE_TARGET_ROOTS:
        return tgt_refs
    return _place_targets(ctx, m, code, src_refs, tgt_refs, place, here, targets)


def _judged_unowned(ctx: Context, src_refs: list[ActorRef | None], tgt_refs: list[ActorRef],
                    targets: list[Token]) -> bool:
    """Is a criticism aimed at the story's main country? "Opposition lawmakers denounced
    the decision", "condemned the attack": criticism of an act no one in the sentence owns
    (its targets are all things) is aimed at whoever did it, in a story most often its
    main country (the guide: "criticised Y's decision" -> Y), when a critic with a country
    makes it. Not when that country's own government criticises: in a story about it,
    what it condemns is others' doing ("Belarus condemned the decision" of the EU to
    sanction it)."""
    story = ctx.facts.story_countries
    return bool(tgt_refs and targets and story) and all(_thing(ctx, t) for t in targets) \
        and any(r is not None and r.country for r in src_refs) \
        and not any(r is not None and r.country == story[0] and (r.actor_code or "")[3:6] == "GOV"
                    for r in src_refs)


def _place_targets(ctx: Context, m: Match, code: str, src_refs: list[ActorRef | None], tgt_refs: list[ActorRef],
                   place: Where, here: str | None, targets: list[Token]) -> list[ActorRef]:
    """The targets of protest and force with no country of their own: the place the event
    happens in (`here`) when nothing is named and someone named does the act or it is a
    protest's or coercion's (`_PLACE_ITSELF_ROOTS`), else (setting place_targets, when
    someone does the act) the country of its locative phrase's words, else the story's."""
    doer = any(r is not None and (r.country or r.entity) for r in src_refs)
    if here and place.location is not None and not tgt_refs and (doer or code[:2] in _PLACE_ITSELF_ROOTS):
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


def _named_undergoer(ctx: Context, src_refs: list[ActorRef | None], targets: list[Token], trigger: Token) -> bool:
    """Does a doer with a country do the act directly to a person the text names or a
    pronoun resolves to ("he was criticized by U.N., U.S. and French representatives at a
    U.N. Security Council meeting")? Then that person is the target, country known or
    not; an actor in the act's complements is a third party (the place fallbacks still
    apply). With no doer, the complements may be all that says where it happens ("Lai
    has been held in solitary confinement in Hong Kong")."""
    if not any(r is not None and r.country for r in src_refs):
        return False
    for t in targets:
        if not G.undergoer(t, trigger):
            continue
        a = A.actor(t)
        ent = ctx.index.at(a.start, a.end)
        if ent is not None and ent.type == "PERSON":
            return True
    return False


def _one_act(ctx: Context, refs: list[ActorRef]) -> list[ActorRef]:
    """The targets of one act: things coordinated with an actor are what the act is
    about, not further parties ("banned the import of chicks and eggs from Gondor" is one
    act aimed at Gondor; "refused to relax its rules on travel and trade" one act), so a
    side that stands for no one (extract/actorhood.py: no entity, country or actor code,
    no name, role or person word) gives way to one that does, and such sides alone make
    one event. People stay, named or not ("the arrest of Hurin and his aides"), but one
    act is one event per country, as the guide codes it: "sanctions targeting Gondor and
    Gondorian officials" is aimed at Gondor once (the first target of each country stays)."""
    if ctx.roles is None:
        return refs
    nobody = [r for r in refs if not is_actor(r, ctx.doc, ctx.roles, ctx.lexicon.human_nouns)]
    kept = [r for r in refs if r not in nobody] or nobody[:1]
    seen: set[str] = set()
    out = []
    for r in kept:
        if r.country and r.country in seen:
            continue
        seen.add(r.country or "")
        out.append(r)
    return out


def _aimed_by_purpose(ctx: Context, src_refs: list[ActorRef | None], targets: list[Token]) -> bool:
    """Does the act's purpose clause say whom it is aimed at? Only when someone named
    does it (a purpose is its doer's: "troops were deployed to protect civilians" says
    what for, not against whom) and it is done to no one of its own (in "arrested a
    journalist to silence critics of X" the journalist is the target, not X's critics)."""
    if not any(r is not None and (r.country or r.entity) for r in src_refs):
        return False
    return all(_thing(ctx, t) for t in targets)


def _thing(ctx: Context, tok: Token) -> bool:
    """A common noun naming no one: no entity, person word or bare role ("a delegation",
    "the arrest warrant"; not "a journalist", "the police")."""
    people = ctx.lexicon.human_nouns
    return G.unnamed(tok) and not tok.ent_type_ and tok.lower_ not in people \
        and tok.lemma_.lower() not in people and (ctx.roles is None or G.bare_role(ctx.roles, tok) is None)


def unique(pairs: list[tuple[ActorRef | None, ActorRef | None]]) -> list[tuple[ActorRef | None, ActorRef | None]]:
    seen, out = set(), []
    for s, t in pairs:
        key = (_key(s), _key(t))
        if key not in seen:
            seen.add(key)
            out.append((s, t))
    return out


def symmetric(pairs: list[tuple[ActorRef | None, ActorRef | None]]) -> list[tuple[ActorRef | None, ActorRef | None]]:
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


def same(a: ActorRef | None, b: ActorRef | None) -> bool:
    return a is not None and b is not None and _key(a) == _key(b) and a.text.casefold() == b.text.casefold()


def refs(ctx: Context, tok: Token) -> list[ActorRef]:
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
