"""Grounding actors the sentence does not name: who a count stands for, which country
an unnamed group belongs to, and whom an event is done to when the parse gives no
named target.

- "Thousands of Iraqi Kurds", "a group of refugees": the people, not the count.
- An unnamed group takes the country its own phrase names ("opposition groups in
  Zimbabwe", "Palestinians of the West Bank"), else the country of the place the
  event happens in ("prisoners rioted at a jail in East Timor"), as event coders code
  unidentified actors by where they act.
- A nameless actor named by a bare role word of roles.yaml ("police", "the journalist",
  "terrorists") with no country from its phrase or its place: the story's country
  (`bare_role`), as extract/implicit.py does for the acting ones.
- A target with no country: the first actor with a country in the event's own
  complements ("threatened further action against Rohan", "rejected calls by
  Gondor's rulers"), PETRARCH's first-actor-in-the-verb-phrase reading; for protest,
  force and violence, the country of the place it happens in ("blocked roads in
  Minas Tirith").
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from ...knowledge import grounding_words
from ...knowledge.gazetteer import Roles, fold
from ..mentions import MentionIndex
from .arguments import OBJ, PASS_SUBJ, counted_of, counts, infinitive, of_prepositions

if TYPE_CHECKING:
    from spacy.tokens import Token

# Links that stay inside an actor's (or an event's object's) phrase; its prepositions are
# grounding_words.yaml phrase_prepositions.
_PHRASE = {"prep", "pobj", "amod", "compound", "nmod", "poss", "conj", "appos", "nummod", "quantmod"}
# Links from an event's trigger to its complements (not its side clauses); prepositions
# among complement_prepositions, not event_place_prepositions.
_COMPLEMENT = {"dobj", "obj", "dative", "prep", "xcomp", "attr", "oprd", "pobj", "agent"}
# Further links inside the complements: clauses of a wrapped request ("a call for its
# forces to be deployed in Rohan"), and their subjects ("allow Gondor planes to land").
_INSIDE = {"ccomp", "acl", "nsubj", "nsubjpass", "npadvmod"}


def group_head(tok: Token) -> Token:
    """The people a count or collective stands for ("Tens of thousands of students")."""
    for _ in range(3):
        of = counted_of(tok) if counts(tok) else None
        if of is None:
            break
        tok = of
    return tok


def _walk(start: list[Token], links: Collection[str], preps: Collection[str], limit: int = 40) -> list[Token]:
    """Tokens reached from `start` through `links` (prepositions only among `preps`),
    in text order."""
    seen: dict[int, Token] = {}
    stack = list(start)
    while stack and len(seen) < limit:
        t = stack.pop()
        if t.i in seen:
            continue
        seen[t.i] = t
        for c in t.children:
            if c.dep_ not in links or (c.dep_ == "prep" and c.lower_ not in preps):
                continue
            stack.append(c)
    return sorted(seen.values(), key=lambda t: t.i)


def phrase_country(index: MentionIndex, tok: Token, skip: Collection[str] = frozenset()) -> tuple[str, str | None] | None:
    """(country, entity id) of the first actor with a country inside `tok`'s own phrase
    ("groups in Zimbabwe", "the offices of the Gondorian council"), else in what the
    phrase ties it to ("workers affiliated with the Gondorian union", "a camp for
    Arnorian refugees")."""
    preps = grounding_words.load().phrase_prepositions
    for t in _walk([tok], _PHRASE, preps, limit=20) + _walk(_ties(tok), _PHRASE, preps, limit=20):
        found = _country_at(index, t, skip)
        if found is not None:
            return found
    return None


def _ties(tok: Token) -> list[Token]:
    """The objects of an affiliation participle on `tok` ("workers affiliated with the
    Gondorian union", "militias loyal to Rohan"), or of "for" on a place built for people
    ("a camp for Gondorian refugees")."""
    words = grounding_words.load()
    preps = [p for c in tok.children if c.dep_ in ("acl", "amod") and c.lemma_.lower() in words.affiliation_lemmas
             for p in c.children if p.dep_ in ("prep", "agent")]
    if tok.lower_ in words.places_for_people:
        preps += [p for p in tok.children if p.dep_ == "prep" and p.lower_ in words.for_people_prepositions]
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]


def possessor_country(index: MentionIndex, tok: Token) -> tuple[str, str | None] | None:
    """"Bosnian Serbs said their forces had withdrawn": a group owned by a pronoun
    belongs to the nearest subject above it that names a country."""
    possessive = grounding_words.load().possessive_determiners
    if not any(c.dep_ == "poss" and c.lower_ in possessive for c in tok.children):
        return None
    head = tok.head
    for _ in range(6):
        for c in head.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i and c.i != tok.i:
                found = phrase_country(index, c)
                if found is not None:
                    return found
        if head.head is head:
            break
        head = head.head
    return None


def purposes(trigger: Token) -> list[Token]:
    """The purpose and participle clauses of an act ("staged a sit-in to demand ...",
    "blocked roads to press their demands", "rioted, demanding a referendum", "joining
    demonstrators in demanding ..."), on its verb or on the light verb of its noun."""
    verbs = [trigger] + ([trigger.head] if trigger.pos_ == "NOUN" and trigger.head is not trigger else [])
    clauses = [c for v in verbs for c in v.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
               and (infinitive(c) or c.tag_ == "VBG")]
    return clauses + [g for c in clauses for p in c.children if p.dep_ == "prep"
                      for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"]


def complement_actor(index: MentionIndex, heads: list[Token], avoid: set[int],
                     skip: set[str], landmarks_apart: bool = False, by_phrases: bool = False) -> Token | None:
    """The first token in the complements of `heads` (an event's trigger, its wrapped
    event) that names an actor with a country, outside the tokens in `avoid`."""
    # a place in a locative phrase on the event itself is where it happens, not whom
    # it is done to ("met in Lima"); deeper down it may be ("a centre in Tokyo")
    words = grounding_words.load()
    # a passive's "by" phrase names who does the act, never whom it is done to ("was
    # condemned by Amnesty, Peruvian and Chilean officials at an AU meeting"; setting
    # target_phrases, `by_phrases`)
    start = [c for h in heads for c in h.children if c.dep_ in _COMPLEMENT and not (by_phrases and c.dep_ == "agent")
             and (c.dep_ != "prep" or c.lower_ in words.complement_prepositions
                  and c.lower_ not in words.event_place_prepositions)]
    # "blocked streets in Gondor in defiance of Arnor": a stance phrase names whom the
    # act answers before any other complement does; a condition's subject is whom the
    # act waits on ("will strike unless Rohan withdraws"), after them
    for group in (_stances(heads), start + _counterparts(heads), _conditions(heads)):
        for t in _complements(group, landmarks_apart):
            if t.i not in avoid and t.lower_ not in words.pronouns and _country_at(index, t, skip) is not None:
                return t
    return None


def _complements(start: list[Token], landmarks_apart: bool = False) -> list[Token]:
    """The complements' tokens, then those of the infinitival clauses on them ("a
    call for its forces to be deployed in Rohan", which the parser reads as a relative);
    with `landmarks_apart` (setting place_targets) not a landmark's ("villages in Arnor
    near the Gondor border" are not Gondor's)."""
    words = grounding_words.load()
    preps = words.complement_prepositions | words.phrase_prepositions
    if landmarks_apart:
        preps -= words.landmark_prepositions
    tokens = _walk(start, _COMPLEMENT | _PHRASE | _INSIDE, preps, limit=60)
    clauses = [c for t in tokens for c in t.children if c.dep_ == "relcl" and infinitive(c)]
    if clauses:
        tokens += _walk(clauses, _COMPLEMENT | _PHRASE | _INSIDE, preps, limit=30)
    return tokens


def _stances(heads: list[Token]) -> list[Token]:
    """The phrases after a stance noun ("in defiance of Arnor", "in solidarity with")."""
    words = grounding_words.load()
    return [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in words.stance_prepositions
            for s in p.children if s.dep_ == "pobj" and s.lower_ in words.stance_nouns
            for g in s.children if g.dep_ == "prep"]


def _counterparts(heads: list[Token]) -> list[Token]:
    """The other side of talks an act follows: "called off the strike after talks with the
    government" answers the government."""
    words = grounding_words.load()
    return [w for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ in words.sequel_prepositions
            for n in p.children if n.dep_ == "pobj" and n.lower_ in words.talks_nouns
            for w in n.children if w.dep_ == "prep" and w.lower_ in words.counterpart_prepositions]


def _conditions(heads: list[Token]) -> list[Token]:
    """Subjects of "if"/"unless" clauses on the event, its light verb or its wrapped
    act ("threatened to strike unless Rohan withdrew")."""
    marks = grounding_words.load().condition_marks
    verbs = {h.i: h for h in heads}
    for h in heads:
        verbs.update({h.head.i: h.head} if h.pos_ == "NOUN" and h.dep_ in ("dobj", "obj") else {})
        verbs.update({c.i: c for c in h.children if c.dep_ in ("xcomp", "ccomp")})
    return [s for v in verbs.values() for c in v.children if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
            for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def locative_country(index: MentionIndex, things: list[Token], trigger: Token) -> str | None:
    """The country of the place an event happens in, read off the words of a locative
    phrase on one of `heads` (the event's object, then its trigger): "stormed a hotel in
    the Gondorian city of Minas Tirith" (a country word in the place's phrase, when the
    town itself is unknown), "attacked a train in Rohan's Eastfold province"; the nearest
    locative first, never a landmark ("near the Rohan border")."""
    words = grounding_words.load()
    within = words.event_place_prepositions - words.landmark_prepositions
    preps = words.phrase_prepositions - words.landmark_prepositions
    for heads in ([_walk([t], _PHRASE, preps, limit=30) for t in things] + [[trigger]]):
        places = [g for t in heads for p in t.children
                  if p.dep_ == "prep" and p.lower_ in within for g in p.children if g.dep_ == "pobj"]
        for place in places:
            for t in _walk([place], _PHRASE, preps, limit=20):
                found = _country_at(index, t, ())
                if found is not None:
                    return found[0]
    return None


def undergoer(tok: Token, trigger: Token) -> bool:
    """Is `tok` what an act is done to directly: an object or passive subject of a verb,
    or the "of" object of the event noun ("the arrest of Boromir and his aides")?"""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ in OBJ | PASS_SUBJ:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in of_prepositions() and tok.head.head.i == trigger.i \
        and trigger.pos_ == "NOUN"


def _country_at(index: MentionIndex, t: Token, skip: Collection[str]) -> tuple[str, str | None] | None:
    if t.pos_ not in ("PROPN", "NOUN", "ADJ") or t.lower_ in grounding_words.load().pronouns:
        return None
    ent = index.at(t.idx, t.idx + len(t.text))
    if ent is None or not ent.country or ent.id in skip:
        return None
    return ent.country, ent.id


def unnamed(tok: Token) -> bool:
    """A common-noun actor ("prisoners", "a roadside bombing"), not a name or pronoun."""
    return tok.pos_ == "NOUN" and tok.lower_ not in grounding_words.load().pronouns



def bare_role(roles: Roles, tok: Token) -> str | None:
    """The sector of the bare role phrase of roles.yaml `bare` that `tok` heads ("the
    police", "security forces", "a journalist"), or None: a role word that may stand for
    an actor of the story's country with no country word before it."""
    if tok.pos_ != "NOUN" or tok.ent_type_ not in ("", "NORP"):
        return None
    toks = [t for t in tok.doc[max(tok.left_edge.i, tok.i - roles.max_len + 1) : tok.i + 1] if t.text != "-"]
    words = [fold(t.text) for t in toks]
    for n in range(len(words), 0, -1):
        phrase = tuple(words[-n:])
        if phrase in roles.bare:
            return roles.sector_of(phrase)
    return None
