"""How much an event is the news of its sentence and story: events in a frame's content,
a temporal clause or a participial adjunct rank below the clause they elaborate; a
protest's claims and the force it met rank below the protest; and how deep in side
clauses a trigger sits (`embedding`, a penalty of the coder's rule score)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ...knowledge import grammar, grounding_words
from ...model import ASSERTED, Event
from ..tokens import column, head_indices, ids, words
from . import unrealised as U
from .matching import Match

if TYPE_CHECKING:
    from spacy.tokens import Token


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


def rank_subordinates(coded: list[tuple[Match, list[Event]]]) -> list[tuple[Match, list[Event]]]:
    """Events in the content of a frame, in a temporal clause or a participial adjunct
    rank just below the event of the clause they elaborate."""
    out = list(coded)
    if len(out) < 2:
        return out  # a lone match has no governor
    # a match's frame content and region are read once: a round replaces events, not matches
    contents = [_frame_content(m) for m, _ in out]
    regions = [_subordinate_region(m) if evs else None for m, evs in out]  # a round keeps each list's length
    for _ in range(2):  # a governor may itself be capped: settle nested clauses
        for n, (m, evs) in enumerate(out):
            if not evs:
                continue
            governors = [e for (other, oevs), content in zip(out, contents)
                         if other is not m and m.trigger.i in content for e in oevs]
            region = regions[n]
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


def protest_claims(events: list[Event], protest_words: frozenset[str]) -> list[Event]:
    """When a document reports a protest, its claims and the force met rank below it."""
    top = max((e.confidence for e in events if e.root_code == "14" and e.modality == ASSERTED), default=None)
    if top is None:
        return events
    below = round(max(0.05, top - 0.01), 2)
    out = []
    for e in events:
        claim = e.root_code in _CLAIM_ROOTS and e.source is not None and crowd(e.source.text, protest_words)
        met = e.code[:3] in _INTERVENTIONS and (e.target is None or crowd(e.target.text, protest_words))
        out.append(replace(e, confidence=min(e.confidence, below)) if claim or met else e)
    return out


def crowd(text: str, protest_words: frozenset[str]) -> bool:
    return any(w in protest_words for w in re.findall(r"[a-z]+", text.lower()))



# Dependencies that put an event in a side clause or phrase ("after two days of
# fighting", "troops who shelled", "to support the war"): each one met on the way up
# to the sentence root makes the event less likely to be what the sentence reports.
_SIDE = frozenset({"advcl", "relcl", "acl", "pcomp", "pobj", "npadvmod", "appos", "compound", "amod", "nmod",
                   "parataxis", "csubj", "nsubj", "nsubjpass", "advmod", "oprd"})
_CCOMP = frozenset({"ccomp"})


def embedding(trigger: Token) -> int:
    """How deep in side clauses and phrases a trigger sits: 0 for the main predicate
    (or the content of reported speech: "X said Y attacked Z" reports the attack)."""
    reporting = grounding_words.load().content_reporting_lemmas
    # the walk up reads the Doc's columns (head, label, lemma), no Token per step
    doc = trigger.doc
    heads, deps, (_, lemmas) = head_indices(doc), column(doc, "DEP"), words(doc)
    side, ccomp = ids(doc, _SIDE), ids(doc, _CCOMP)
    hops, i = 0, trigger.i
    while heads[i] != i and hops < 4:
        head = heads[i]
        if deps[i] in side:
            hops += 1
        elif deps[i] in ccomp and lemmas[head] not in reporting:
            hops += 1
        i = head
    return hops
