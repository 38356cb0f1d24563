"""Asserted, future, hypothetical or negated: read from the trigger's auxiliaries,
its governing verbs and the clause it sits in.

- negated: "did not sign", "never met", "no talks"; a refusal ("refused to meet") is
  its own CAMEO code (12x) and stays asserted.
- hypothetical: a modal of possibility ("could send troops"), or a clause under
  "if" / "unless".
- future: "will", "shall", "'ll", "is going to", or a governor of schedule or
  expectation ("is due to visit", "is set to sign", "plans to meet").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...knowledge import event_words
from ...model import ASSERTED, FUTURE, HYPOTHETICAL, NEGATED, Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

_W = event_words.load()  # the word lists of knowledge/event_words.yaml
_FUTURE_AUX = _W.future_auxiliaries
_POSSIBLE = _W.possibility_modals
_REPORTED_FUTURE = _W.reported_future_modals
_SCHEDULE = _W.schedule_governors
_SPEECH = _W.reported_speech_governors
_CONDITION = _W.hypothetical_marks
_NEGATION = _W.negation_words


def modality(trigger: Token, frame_verb: Token | None = None) -> Modality:
    """The modality of the event anchored at `trigger` (and its control verb, if the
    event is a frame such as "threatened to cut")."""
    chain = _clause_chain(trigger if frame_verb is None else frame_verb)
    if trigger.pos_ == "NOUN":
        if any(c.dep_ == "det" and c.lower_ in _W.negative_determiners for c in trigger.children):
            return NEGATED
        light = _light_verb(trigger)
        if light is not None and any(_has_aux(t, _POSSIBLE - _REPORTED_FUTURE) for t in _clause_chain(light)[:2]):
            return HYPOTHETICAL  # "may be put under house arrest"
        chain = _clause_chain(trigger.head) if trigger.head is not trigger else chain
    if frame_verb is not None and _negated(trigger):
        return NEGATED
    if (frame_verb is not None or _takes_negation(trigger)) and (
            any(_negated(t) for t in chain[:1]) or _unable(chain) or _denied(chain[-1])):
        return NEGATED
    if any(_conditional(t) for t in chain):
        return HYPOTHETICAL
    if frame_verb is None and any(_conditional(c) for c in chain[0].children):
        return HYPOTHETICAL  # "could send troops if ...": the condition hangs on the verb
    if any(_has_aux(t, _REPORTED_FUTURE) for t in chain[:2]) and _reported(chain[-1]):
        return FUTURE  # "said it would release": the future of reported speech
    if any(_has_aux(t, _POSSIBLE) for t in chain[:2]):
        return HYPOTHETICAL
    if any(_has_aux(t, _FUTURE_AUX) for t in chain[:3]):
        return FUTURE
    if any(t.lemma_.lower() in _SCHEDULE or t.lower_ in _SCHEDULE for t in chain[1:3]):
        return FUTURE
    return ASSERTED


_ABILITY = _W.ability_words
_DENY = _W.denial_verbs


# Verbs that do what their prepositional noun names: "put under arrest", "take into custody".
_LIGHT = _W.light_verbs


def _takes_negation(trigger: Token) -> bool:
    """Whether the negation of the verb governing `trigger` is the trigger's: always for a
    verb, but an event noun that is a verb's object takes it only from a support verb
    ("did not hold talks") or one of permission ("will not allow protests"), not from a
    verb that is an act of its own ("never condemned the invasion": it happened)."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "dobj" or trigger.head is trigger:
        return True
    return trigger.head.lemma_.lower() in _NEGATION_CARRIERS


_NEGATION_CARRIERS = _W.support_verbs | _W.permitting_verbs  # joined once, not per trigger


def _light_verb(noun: Token) -> Token | None:
    """"may be put under house arrest": the verb that performs a prepositional event
    noun, whose modal of possibility is the event's."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.head is not prep and prep.head.lemma_.lower() in _LIGHT:
        return prep.head
    return None


def _unable(chain: list[Token]) -> bool:
    """"have not been able to arrest", "were unable to stop": a failed act."""
    for t in chain[1:4]:
        if t.lemma_.lower() in _W.inability_words or (t.lemma_.lower() in _ABILITY and _negated(t)):
            return True
        if t.lemma_.lower() in _ABILITY and t.head is not t and _negated(t.head):
            return True  # "not been able": the negation sits on the copula
    return False


def _denied(tok: Token) -> bool:
    """"Police denied that any arrest had been made": the content of a denial."""
    clause = tok
    for _ in range(3):
        if clause.dep_ == "ccomp" and clause.head is not clause:
            return clause.head.lemma_.lower() in _DENY
        if clause.head is clause:
            return False
        clause = clause.head
    return False


def _clause_chain(tok: Token) -> list[Token]:
    """The token and the verbs that govern it through complements (xcomp, ccomp of a
    control verb), nearest first, at most four."""
    chain = [tok]
    while len(chain) < 4 and tok.dep_ in ("xcomp", "conj", "acomp", "auxpass") and tok.head is not tok:
        tok = tok.head
        chain.append(tok)
    if tok.dep_ == "xcomp" or (tok.head.pos_ == "ADJ" and tok.head is not tok):
        chain.append(tok.head)
    return chain


def obligation(trigger: Token) -> bool:
    """"must hand over", "has to withdraw": the clause states what someone must do
    ("must have given the orders" guesses at a past act: no obligation)."""
    if trigger.pos_ not in ("VERB", "AUX") or _perfect(trigger):
        return False
    chain = _clause_chain(trigger)
    return any(_has_aux(t, _W.obligation_modals) for t in chain[:3])  # "must be ready to mediate"


def _reported(tok: Token) -> bool:
    return tok.dep_ == "ccomp" and tok.head.lemma_.lower() in _SPEECH


def _perfect(verb: Token) -> bool:
    """A past participle under a perfect auxiliary ("must have given")."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() in _W.perfect_auxiliaries
                                      for c in verb.children)


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" or (c.lower_ in _NEGATION and c.dep_ in ("advmod", "neg")) for c in tok.children):
        return True
    if any(c.lower_ in _W.cessation_adverbs and any(g.lower_ in _NEGATION for g in c.children)
           for c in tok.children if c.dep_ == "advmod"):
        return True  # "will no longer recognize": "no" hangs on "longer"
    # "did not agree" may hang the negation on the auxiliary
    return any(c.dep_ in ("aux", "auxpass") and any(g.dep_ == "neg" for g in c.children) for c in tok.children)


def _has_aux(tok: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in tok.children)


def _conditional(tok: Token) -> bool:
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITION for c in tok.children):
        return True
    return False


_READY = _W.readiness_adjectives


def ready(verb: Token) -> bool:
    """"is willing to send", "stands ready to mediate": the act's infinitive hangs on
    an adjective of readiness."""
    return verb.dep_ == "xcomp" and verb.head.lower_ in _READY and verb.head.dep_ in ("acomp", "amod", "xcomp", "ROOT")


def preparing(verb: Token) -> bool:
    """"troops prepared to resume shelling": the act's infinitive chain hangs on a
    finite, active "prepare" (not "is prepared to", a stance)."""
    tok = verb
    while tok.dep_ == "xcomp" and tok.head.i != tok.i:
        tok = tok.head
        if tok.lemma_.lower() in _W.preparing_verbs:
            return tok.tag_ in ("VBD", "VBZ", "VBP") and not any(
                c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    return False
