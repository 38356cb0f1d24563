"""Acts a sentence only asks for, promises or aims at (issue 16 part 4, the coding
guide's embedded acts): with the setting unrealised_acts, `coder` codes no event for
the acts a request or intent frame wraps; with unrealised_purposes, none for a purpose
adjunct's act (PLOVER codes purposes).

"Kenya urged Tanzania to invest in its police and speed up investigations" is one
appeal, "Kenyan envoys flew to Dodoma to meet Tanzanian officials" one trip. The
frame's own event codes the request or the intent (its inner event is folded into it
by `matching.sentence_matches`); what else the frame's wrapped clause chain does, and
the act of a purpose adjunct, did not happen. Only the clause chain counts (its verbs
and the event nouns they perform): a relative clause or a noun phrase in there names
something real ("urged Tanzania to end its support for the war"). A purpose that is
itself a protest ("held a sit-in to protest the curbs") is the protest and stays.

Always (no setting): an event noun that names an act without reporting it ("the Doha
agreement", "the Madrid talks", "a Libyan civil war") is no event (`named_reference`),
and neither is an opinion shared ("agreed with the minister": `shared_opinion`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import arguments as A

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .matching import Match

_CHAIN = ("xcomp", "ccomp", "conj")  # the dependencies that continue a clause chain
_VERBAL = ("VERB", "AUX")
_PROTEST = "14"
_NOMINAL = ("NOUN", "PROPN")
_NAME_MODIFIERS = ("compound", "amod", "nmod")  # "Doha agreement", "Libyan civil war"
_REPORTED_NOUN = ("nsubj", "nsubjpass", "ROOT")  # a noun a clause says something of


def unrealised(matches: list[Match], frames: bool = False, purposes: bool = False) -> set[int]:
    """The triggers of one sentence's matches whose act is only asked for or promised
    (`frames`: the setting unrealised_acts), or aimed at by a purpose adjunct
    (`purposes`: the setting unrealised_purposes)."""
    if not frames and not purposes:
        return set()
    chain: set[int] = set()
    for f in matches:
        if not frames or f.pred.frame is None:
            continue
        heads = [c for c in f.trigger.children if c.dep_ in ("xcomp", "ccomp")] if f.trigger.pos_ in _VERBAL else []
        heads += [f.inner.trigger] if f.inner is not None else []
        chain.update(t.i for h in heads for t in _clause_chain(h))
    out = set()
    for m in matches:
        verb = m.trigger if m.trigger.pos_ in _VERBAL else A.verb_of_noun(m.trigger)
        if verb is None:
            continue
        if verb.i in chain or purposes and _aimed_at(verb) and m.pred.code[:2] != _PROTEST:
            out.add(m.trigger.i)
    return out


def named_reference(m: Match) -> bool:
    """"the Doha agreement", "the Paris climate pact", "Japanese occupation": an event
    noun that no verb performs, that is no clause's subject ("riots are continuing"
    reports the riots) and whose only actor is its own name modifier, with no target,
    refers to an act the reader knows; it does not report one (news dev: 13 such events,
    10 wrong; the 3 right were two meetings and an attack named by their venue)."""
    noun = m.trigger
    if m.inner is not None or m.targets or not m.sources or noun.pos_ not in _NOMINAL \
            or noun.dep_ in _REPORTED_NOUN or A.verb_of_noun(noun) is not None:
        return False
    return all(t.head.i == noun.i and t.dep_ in _NAME_MODIFIERS for t in m.sources)


def shared_opinion(m: Match) -> bool:
    """"He agreed with the president", "ministers agree with the U.S.": a frame verb
    that wraps no act and no clause, with a complement of its entry's `opinion_prep`
    prepositions, says whose view is shared; it reports no act (news dev-a: 6 such
    intents, 6 wrong). "Agreed with Gondor to reopen the border" wraps an act and
    "agrees with Gondor that the dispute must go to arbitration" a clause: both stay."""
    verb = m.trigger
    if not m.pred.opinion_prep or m.inner is not None or verb.pos_ not in _VERBAL:
        return False
    children = list(verb.children)
    if any(c.dep_ in ("xcomp", "ccomp") for c in children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in m.pred.opinion_prep for c in children)


def _clause_chain(head: Token) -> list[Token]:
    """A clause's verb and the verbs its complements and conjuncts head."""
    out, todo = [], [head]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo += [c for c in tok.children if c.dep_ in _CHAIN and c.pos_ in _VERBAL]
    return out


def _aimed_at(verb: Token) -> bool:
    """The verb heads, or continues the chain of, a purpose adjunct ("flew to Dodoma to
    meet officials and sign a deal")."""
    tok = verb
    while tok.dep_ in _CHAIN and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "advcl" and purpose(tok)


def purpose(clause: Token) -> bool:
    """"sent material to help defend Arnor": an infinitive adjunct with no subject of its
    own says what the governing act is for."""
    return A.infinitive(clause) \
        and not any(c.dep_ in ("mark", "nsubj", "nsubjpass") for c in clause.children) and clause.i > clause.head.i
