"""Who did it and to whom: sources and targets read off the dependency parse.

Covers active and passive voice, coordinated actors ("Arnor and Gondor met"),
subject control ("agreed to restore" shares the subject of "agreed"), object control
("urged Rohan to pay": Rohan pays), relative clauses ("troops who shelled ..."),
conjoined verbs ("arrested and charged"), appositions ("the minister, Hurin
Dolamroth"), and the arguments of event nouns: possessives ("Arnor's visit"),
prepositions ("sanctions on Rohan", "talks between A and B") and the subject of a
light verb ("Arnor held talks with ...").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...knowledge import argument_words

if TYPE_CHECKING:
    from spacy.tokens import Token

_W = argument_words.load()

SUBJ = {"nsubj", "csubj"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
OBJ = {"dobj", "obj"}
RELATIVE = _W.relative_pronouns
_OF = _W.of_prepositions
_TO = _W.dative_prepositions
_COUNT_PARTICLES = frozenset(tuple(p.split()) for p in _W.count_particle_phrases)
# Children that end an actor's words: clauses, appositions, other conjuncts, punctuation.
_CUT = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep", "case", "det", "preconj", "predet"}
GENERIC_HEADS = _GENERIC_HEADS = _W.generic_actor_heads


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor's words in the sentence: token range [start_i, end_i) and characters."""

    head: int
    start_i: int
    end_i: int
    start: int
    end: int
    text: str


def actor(tok: Token) -> Actor:
    """The actor phrase headed by `tok`: its pre-modifiers ("French President Emmanuel
    Macron"), "of" complements ("leaders of Arnor"), not its clauses or conjuncts.
    A generic head with a proper-noun apposition ("the minister, Hurin Dolamroth")
    stands for the named person."""
    appos = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if appos and tok.lower_ in _GENERIC_HEADS:
        tok = appos[0]
    words = {tok.i}
    stack = [c for c in tok.children if c.dep_ not in _CUT or _is_of(c)]
    while stack:
        c = stack.pop()
        words.add(c.i)
        stack.extend(g for g in c.children if g.dep_ not in {"relcl", "acl", "punct", "appos", "advcl"})
    lo, hi = _contiguous(tok.i, words)
    doc = tok.doc
    while lo < tok.i and doc[lo].dep_ in {"punct", "cc"}:
        lo += 1
    while hi - 1 > tok.i and doc[hi - 1].dep_ in {"punct", "cc", "case"}:
        hi -= 1
    span = doc[lo:hi]
    return Actor(tok.i, lo, hi, span.start_char, span.end_char, span.text)


def of_prepositions() -> frozenset[str]:
    """The prepositions of an "of" phrase (argument_words.yaml of_prepositions)."""
    return _OF


def _is_of(tok: Token) -> bool:
    return tok.dep_ == "prep" and tok.lower_ in _OF


def _contiguous(head: int, words: set[int]) -> tuple[int, int]:
    lo = hi = head
    while lo - 1 in words:
        lo -= 1
    while hi + 1 in words:
        hi += 1
    return lo, hi + 1


def conjuncts(tok: Token) -> list[Token]:
    """`tok` and the tokens coordinated with it ("Arnor, Gondor and Rohan")."""
    return [tok, *(c for c in tok.conjuncts if c.i > tok.i)]


# Heads that count or collect people: the people are in their "of" phrase.
COLLECTIVE = _W.collective_heads


def expand(tokens: Iterable[Token]) -> list[Token]:
    """The tokens and their conjuncts; a count of coordinated people counts each of
    them ("scores of Arnorian and Gondorian refugees": the Gondorian refugees too)."""
    out: list[Token] = []
    for t in tokens:
        for c in _member_sides(t) or conjuncts(t) + _counted_conjuncts(t):
            if c not in out:
                out.append(c)
    return out


def counts(tok: Token) -> bool:
    """A number or a word that counts or collects people ("thousands", "a group")."""
    return tok.pos_ == "NUM" or tok.ent_type_ in ("CARDINAL", "QUANTITY") or tok.lower_ in COLLECTIVE


def counted_of(tok: Token) -> Token | None:
    """The noun of `tok`'s "of" phrase ("hundreds of students" -> students), or None."""
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ in _OF
                 for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")), None)


def _counted_conjuncts(tok: Token) -> list[Token]:
    """The further conjuncts of a count's "of" object: "hundreds of students and
    workers" -> [workers] (the count itself stands for the first)."""
    of = counted_of(tok) if counts(tok) else None
    return [c for c in of.conjuncts if c.i > of.i] if of is not None else []


def _member_sides(tok: Token) -> list[Token]:
    """The sides a plural of people is drawn from, when it names several: "leaders from
    Arnor and Gondor" -> [Arnor, Gondor] (each side takes part); else []."""
    if tok.tag_ != "NNS" or not (tok.lower_ in _GENERIC_HEADS or _agentive(tok)):
        return []
    for p in tok.children:
        if p.dep_ == "prep" and p.lower_ in _W.member_prepositions:
            for g in p.children:
                sides = [c for c in conjuncts(g) if _side(c)] if g.dep_ == "pobj" else []
                if len(sides) >= 2 and sides[0] is g:
                    return sides
    return []


def _side(tok: Token) -> bool:
    """A country or an organisation by name ("Arnor", "the Gondorian Union"), not a
    description ("passengers of Arnorian and Gondorian ethnicity")."""
    return tok.ent_type_ in ("GPE", "ORG") and tok.pos_ == "PROPN"


def _relative_head(tok: Token, verb: Token) -> Token:
    """A relative pronoun subject stands for the noun the clause modifies."""
    if tok.lower_ in RELATIVE and verb.dep_ == "relcl":
        return verb.head
    return tok


def subjects(verb: Token) -> list[Token]:
    """Active subjects of `verb`, following conjoined verbs, subject control ("agreed
    to restore"), object control ("urged Rohan to pay") and relative clauses."""
    own = [_misparsed_subject(c) for c in verb.children if c.dep_ in SUBJ]
    if own:
        told = _addressee(own, verb)
        if told:
            return told
        reported = _reporter(own, verb)
        return reported if reported else expand(_relative_head(s, verb) for s in own)
    if verb.dep_ == "relcl" and not any(c.dep_ in PASS_SUBJ for c in verb.children):
        return [verb.head]
    head = verb.head
    if verb.dep_ == "conj" and head is not verb:
        return subjects(head) if head.pos_ in ("VERB", "AUX") else []
    if verb.dep_ in ("xcomp", "ccomp") and head is not verb and head.pos_ in ("VERB", "AUX", "ADJ"):
        objs = [c for c in head.children if c.dep_ in OBJ]
        if verb.dep_ == "xcomp" and objs:
            return expand(objs)  # object control: "urged Rohan to pay" -> Rohan
        if verb.dep_ == "xcomp":
            # "is expected to visit", "was forced to withdraw": a passive raises its
            # subject into the infinitive (coding guide: the one who visits)
            return subjects(head) or (passive_subjects(head) if _raising(head) else [])
    if verb.dep_ == "acomp" and head.i != verb.i:
        return subjects(head)  # "Arnor is willing to withdraw": the subject of the copula
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and head is not verb:
        return subjects(head)  # "..., killing six" shares the main clause's subject
    if verb.dep_ == "advcl" and infinitive(verb) and head is not verb and head.pos_ in ("VERB", "AUX"):
        if verb.lemma_.lower() in _JOINT_PURPOSES:
            # "phoned the Gondorian minister to discuss ...": both discuss
            return subjects(head) + [o for o in objects(head) if o.pos_ == "PROPN" or o.ent_type_ in _NAMED
                                     or any(c.ent_type_ in _NAMED for c in o.children)]
        return subjects(head)  # "Arnor sent monitors to investigate": the sender's side
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head is not verb:
        return _gerund_subjects(head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.lower_ in _MESSAGES:
        # "issued a statement demanding ...": the issuer demands
        return subjects(head.head) if head.dep_ in OBJ else []
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and _agentive(head):
        return expand([head])  # "dispersed demonstrators protesting the results": the demonstrators
    return []


# Nouns of people that do not end like agent nouns.
_PEOPLE = _W.people_nouns
_AGENT_SUFFIXES = tuple(sorted(_W.agent_suffixes))


def _agentive(tok: Token) -> bool:
    """Can this noun do an act of its own: a name, or a noun of people ("protesters",
    "activists", "militants", "youths"), not a thing ("fired 40 rounds killing two")?"""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "NORP", "ORG", "GPE"):
        return True
    low = tok.lower_
    return tok.pos_ == "NOUN" and (low in _PEOPLE or low.endswith(_AGENT_SUFFIXES))


# Purposes two parties pursue together, and the named objects that take part in them.
_JOINT_PURPOSES = _W.joint_purposes
_NAMED = {"PERSON", "NORP", "ORG", "GPE"}
# Nouns of a written or spoken message: a clause on one ("a statement demanding ...")
# says what its issuer does.
_MESSAGES = _W.message_nouns
# "accused Rohan of violating", "blamed Rohan for attacking", "kept Rohan from voting":
# after these prepositions a gerund is done by the object when there is one.
_OBJECT_GERUND_PREPS = _W.object_gerund_prepositions


# Participles that state what a thing is for: "talks aimed at ending the war".
_PURPOSE_PARTICIPLES = _W.purpose_participles


def infinitive(verb: Token) -> bool:
    """A "to" infinitive ("to investigate")."""
    return any(c.dep_ == "aux" and c.lower_ in _W.infinitive_markers for c in verb.children)


def _gerund_subjects(prep: Token) -> list[Token]:
    """Who does a gerund under a preposition: "are guilty of violating", "responded by
    shelling", "was accused of plotting" (the subject); "accused Rohan of plotting"
    (the object)."""
    head = prep.head
    if prep.dep_ != "prep" or head is prep or head.pos_ not in ("VERB", "AUX", "ADJ"):
        return []
    objs = objects(head)
    if prep.lower_ in _OBJECT_GERUND_PREPS and objs:
        return objs
    if head.dep_ == "acl" and head.lemma_.lower() in _PURPOSE_PARTICIPLES:
        return []  # "talks aimed at ending the war": a purpose, not a doer
    return subjects(head) or passive_subjects(head)


def _misparsed_subject(tok: Token) -> Token:
    """"The Red Cross operating in Rohan said ...", parsed with the participle as the
    subject and the actor as its subject: the actor."""
    if tok.tag_ == "VBG" and tok.pos_ == "VERB":
        inner = [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
        if len(inner) == 1:
            return inner[0]
    return tok


_OBLIGATION = _W.obligation_auxiliaries


def _addressee(own: list[Token], verb: Token) -> list[Token]:
    """"reminded Gondor that it must pay", "issued a warning to Gondor that it should
    withdraw": a pronoun subject of an obligation told to a named addressee is the
    addressee."""
    if len(own) != 1 or own[0].lower_ not in _W.thing_pronouns | _W.group_pronouns \
            or not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in verb.children):
        return []
    head = verb.head
    if verb.dep_ not in ("ccomp", "acl") or head.i == verb.i:
        return []
    told = [c for c in head.children if c.dep_ in OBJ | {"dative"} and c.pos_ == "PROPN"]
    told += [g for c in (head, head.head) for p in c.children if p.dep_ in ("prep", "dative") and p.lower_ in _TO
             for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    return expand(told[:1])


_SPEECH_HEADS = _W.reporting_heads
# Which speakers a pronoun subject of a reported clause may stand for, by its kind.
_FITS: tuple[tuple[frozenset[str], Callable[[Token], bool]], ...] = (
    (_W.thing_pronouns, lambda t: t.ent_type_ != "PERSON" and t.tag_ in ("NN", "NNP")),
    (_W.group_pronouns, lambda t: t.tag_ in ("NNS", "NNPS") or t.ent_type_ in ("NORP", "ORG")),
    (_W.person_pronouns, lambda t: t.ent_type_ == "PERSON" or t.lower_ in _GENERIC_HEADS),
    (_W.collective_pronouns, lambda t: t.tag_ in ("NNS", "NNPS") or t.ent_type_ in ("NORP", "ORG", "GPE")),
)
_PRONOUN_FITS = {p: fits for pronouns, fits in _FITS for p in pronouns}


def _reporter(own: list[Token], verb: Token) -> list[Token]:
    """"Arnor said it will withdraw": a pronoun subject of reported speech stands for
    the speaker when the speaker fits it (number, person or not); else nothing."""
    if len(own) != 1 or own[0].lower_ not in _PRONOUN_FITS:
        return []
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    head = clause.head
    if clause.dep_ != "ccomp" or head.i == clause.i or head.lemma_.lower() not in _SPEECH_HEADS:
        return []
    speakers = [c for c in head.children if c.dep_ in SUBJ and c.pos_ in ("PROPN", "NOUN")]
    fits = _PRONOUN_FITS[own[0].lower_]
    if len(speakers) == 1 and (fits(speakers[0]) or fits(_counted(speakers[0]))):
        # "said he and Gondor agreed": the speaker, and the others named with the pronoun
        return expand(speakers) + [c for c in expand(own) if c.i != own[0].i and c not in speakers]
    return []


def _counted(tok: Token) -> Token:
    """"A group of leaders": the people a collective counts (they fit "they")."""
    return (counted_of(tok) or tok) if tok.lower_ in COLLECTIVE else tok


_REMIND = _SPEECH_HEADS | _W.demanding_heads


def speakers(verb: Token) -> list[Token]:
    """Who says that `verb` must happen: the subject of the speech verb over its
    clause ("Arnor said Gondor must withdraw" -> Arnor; "issued a reminder to Gondor
    that it must pay" -> the issuer)."""
    clause = verb
    while clause.dep_ in ("conj", "xcomp", "acomp") and clause.head.i != clause.i:
        clause = clause.head  # "said Rohan must be ready to mediate"
    head = clause.head
    if head.i == clause.i or clause.dep_ not in ("ccomp", "acl"):
        return []
    if head.pos_ == "NOUN" and head.dep_ in OBJ:
        head = head.head  # "issued a stern reminder ... that"
    elif head.lemma_.lower() not in _REMIND:
        return []
    return [t for t in subjects(head) if t.i != verb.i]


def _raising(verb: Token) -> bool:
    """A passive verb whose subject does what its infinitive says: "is expected to
    visit", "was asked by Gondor to leave"."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def passive_subjects(verb: Token) -> list[Token]:
    own = [c for c in verb.children if c.dep_ in PASS_SUBJ]
    if own:
        return expand(_relative_head(s, verb) for s in own)
    if verb.dep_ == "conj" and verb.head is not verb and verb.tag_ == "VBN":
        return passive_subjects(verb.head)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return [verb.head]  # "protesters arrested on Friday"
    return []


# Instruments of violence: "was killed in a car bomb explosion" names no doer, only
# the means, which event coders code as an unidentified attacker of the place. Not
# fighting between sides ("killed in clashes with the police"), whose doer may be either.
INSTRUMENTS = _W.instrument_nouns


def agents(verb: Token) -> list[Token]:
    """The "by" phrase of a passive verb, else the means of a passive act of violence
    ("was killed in a bomb attack")."""
    for c in verb.children:
        if c.dep_ == "agent":
            return expand(g for g in c.children if g.dep_ == "pobj")
    return instruments(verb)


def instruments(verb: Token) -> list[Token]:
    """The means of a passive act of violence with no "by" phrase: "was killed in a
    bomb attack", "were wounded in clashes" -> the attack, the clashes."""
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in _W.instrument_prepositions
            for g in c.children if g.dep_ == "pobj" and g.lower_ in INSTRUMENTS]


def objects(verb: Token) -> list[Token]:
    """Direct objects; "kidnapped up to 16 advisers", parsed as a particle and a
    preposition, has its count as the object. A relative pronoun is no object: "that"
    is as often a misparsed clause mark ("told us that he believes X and Y will meet")
    as the pronoun of "the town that rebels shelled"."""
    own = [c for c in verb.children if c.dep_ in OBJ and not (c.lower_ in RELATIVE and c.tag_ in ("WDT", "WP"))]
    if not own:
        own = [g for c in verb.children if c.dep_ == "prt"
               for p in c.children if p.dep_ == "prep" and (c.lower_, p.lower_) in _COUNT_PARTICLES
               for g in p.children if g.dep_ == "pobj" and any(n.dep_ == "nummod" for n in g.children)]
    return expand(_adjunct_referent(o, verb) for o in own)


def _adjunct_referent(obj: Token, verb: Token) -> Token:
    """"blamed Rohan, accusing it of ...", "praised the Gondorian envoys, thanking them
    for ...": a pronoun object of a participial adjunct stands for the object of the
    verb the adjunct elaborates, when that object fits the pronoun (number, person or
    not); else the pronoun itself."""
    if obj.lower_ not in _PRONOUN_FITS or verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.head.i == verb.i:
        return obj
    outer = [c for c in verb.head.children if c.dep_ in OBJ and c.pos_ in ("PROPN", "NOUN")]
    fits = _PRONOUN_FITS[obj.lower_]
    return outer[0] if len(outer) == 1 and fits(outer[0]) else obj


def datives(verb: Token) -> list[Token]:
    return expand(c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP")


def prep_objects(head: Token, preps: Iterable[str]) -> Iterator[Token]:
    """Objects of the prepositions `preps` under `head` ("with Gondor", "on Rohan")."""
    wanted = set(preps)
    for c in head.children:
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in wanted:
            yield from expand(g for g in c.children if g.dep_ == "pobj")


def possessors(noun: Token) -> list[Token]:
    return expand(c for c in noun.children if c.dep_ == "poss" and c.lower_ not in _W.possessor_exclusions)


def between(noun: Token) -> tuple[Token, Token] | None:
    """"talks between A and B" -> (A, B)."""
    for objs in (list(prep_objects(noun, _W.between_prepositions)),):
        if len(objs) >= 2:
            return objs[0], objs[1]
    return None


def actor_like(tok: Token) -> bool:
    """Could this token head an actor? Nouns, proper nouns, and pronouns that refer."""
    if tok.pos_ in ("PROPN", "NOUN"):
        return True
    return tok.pos_ == "PRON" and tok.lower_ not in _W.non_referring_pronouns


# Verbs that inquire into or report an act done by others: "sent monitors to
# investigate the massacre" does not make the senders its doers. (Verbs that judge an
# act, "condemned the massacre", keep their subject: IPE's police-act reading counts an
# unnamed doer as the police, so a judged act left without one reads as a police act.)
_NOT_DOING = _W.non_doing_verbs
# Measures and series that count an act: "launched ten days of war games", "held a
# round of talks".
_MEASURES = _W.measure_nouns
# Adjuncts of time and circumstance: "retook the village after fighting with
# guerrillas", "threw stones during demonstrations" (the clause's subject took part).
_ADJUNCT_PREPS = _W.adjunct_prepositions


def verb_of_noun(noun: Token) -> Token | None:
    """The light verb that performs an event noun: its object ("held talks", "launched
    an attack"), through a measure ("launched ten days of war games"), or the verb of a
    time or circumstance adjunct ("retook the town after fighting with the rebels");
    None for a verb that judges or reports the act ("condemned the massacre")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in _OF and head.head.lower_ in _MEASURES:
        noun, head = head.head, head.head.head  # the measure stands for the act
    if noun.dep_ in OBJ and head.pos_ in ("VERB", "AUX"):
        return None if head.lemma_.lower() in _NOT_DOING else head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _ADJUNCT_PREPS:
        verb = head.head
        if verb.pos_ == "VERB" and verb.i != head.i and verb.lemma_.lower() not in _NOT_DOING:
            return verb
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _W.purpose_prepositions \
            and head.head.lemma_.lower() in _COMING:
        return head.head  # "negotiators return to Geneva for talks": they hold the talks
    return None


# Verbs of coming and gathering: "came to Lima for talks" says who holds them.
_COMING = _W.coming_verbs
