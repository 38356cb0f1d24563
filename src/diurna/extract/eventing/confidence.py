"""The final word on an event's confidence: a calibrated probability that the event is
right, and the `min_confidence` cut.

The coder scores each event from its lexicon entry minus penalties (`coder._confidence`)
and ranks events by that score (subordinate clauses, protest claims, the merge keeping
a group's best). That rule score stays the coder's own; here, once the events are
merged, a small logistic model (`knowledge/confidence.json`, fitted by
`python scripts/fit_confidence.py` on dev splits only) turns the rule score and what
else is known of the event into the probability that a careful coder would accept it,
and that probability becomes the event's `confidence`.

"Right" (the label the model is fitted to) is defined in `evaluate/calibration.py`;
the model, its features and its file are `knowledge/confidence.py`. Within a sentence
the coder's order is kept (`calibrate`).

`at_least` drops the events below a confidence bound and numbers the rest again
(ev1, ev2, ... in text order, as `merging.merge` numbers them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ...knowledge.confidence import Model, features
from ...model import Entity, Event
from ..tokens import tokens_from
from .ranking import embedding

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SHORT = 2  # sentences: a text of at most this many is short (the feature short_text)

def trigger_token(ev: Event, doc: Doc) -> Token | None:
    """The token of the event's trigger: the first word of `evidence.trigger` inside the
    evidence span (None when the parse has no such token, e.g. a statement's cue)."""
    words = ev.evidence.trigger.split()
    if not words:
        return None
    return next((t for t in tokens_from(doc, ev.evidence.start, ev.evidence.end) if t.text == words[0]), None)


def event_features(events: Sequence[Event], doc: Doc, entities: Sequence[Entity]) -> list[dict[str, float]]:
    """`features` of every event of one document."""
    return [f for f, _ in _features_and_sentences(events, doc, entities)]


def _features_and_sentences(events: Sequence[Event], doc: Doc,
                            entities: Sequence[Entity]) -> list[tuple[dict[str, float], int]]:
    """Each event's features and the start of its trigger's sentence (-1 - n when the
    parse has no trigger token: a group of its own)."""
    types = {e.id: e.type for e in entities}
    short = sum(1 for _ in zip(doc.sents, range(SHORT + 1))) <= SHORT  # a coded record, a headline
    out = []
    for n, ev in enumerate(events):
        tok = trigger_token(ev, doc)
        feats = features(ev, None if tok is None else embedding(tok), types, short)
        out.append((feats, -1 - n if tok is None else tok.sent.start))
    return out


def calibrate(events: Sequence[Event], doc: Doc, entities: Sequence[Entity], model: Model) -> tuple[Event, ...]:
    """The events with the model's probability as their confidence (two decimals, never
    0 or 1: a rule-coded event is never certain either way), within each sentence in
    the coder's order: an event the rule score ranks below another of its sentence
    (a subordinate clause, a frame's content, a later event of equal score) stays below it."""
    rows = _features_and_sentences(events, doc, entities)
    probs = [min(0.99, max(0.01, model.probability(f))) for f, _ in rows]
    sentences: dict[int, list[int]] = {}
    for i, (_, sent) in enumerate(rows):
        sentences.setdefault(sent, []).append(i)
    final = list(probs)
    # the coder's order: the rule score, ties to the act listed first (one act's dyads tie)
    first: dict[tuple[int, int, str], int] = {}
    acts = [first.setdefault((ev.evidence.start, ev.evidence.end, ev.code), n) for n, ev in enumerate(events)]
    rank = [(ev.confidence, -act) for ev, act in zip(events, acts)]
    for members in sentences.values():
        _keep_rank(members, rank, final)
    return tuple(replace(ev, confidence=round(p, 2)) for ev, p in zip(events, final))


def _keep_rank(members: list[int], raw: list[tuple[float, int]], final: list[float]) -> None:
    """Cap each event at 0.01 below the lowest probability of the events of its sentence
    the coder ranks higher: a higher rule score, or the same score listed earlier
    (readers of the rule score took the first; the dyads of one act, such as the two
    directions of a reciprocal act, are not ordered)."""
    ceiling: float | None = None
    for level in sorted({raw[i] for i in members}, reverse=True):
        same = [i for i in members if raw[i] == level]
        if ceiling is not None:
            for i in same:
                final[i] = max(0.01, min(final[i], ceiling - 0.01))
        lowest = min(final[i] for i in same)
        ceiling = lowest if ceiling is None else min(ceiling, lowest)


def at_least(events: Sequence[Event], bound: float) -> tuple[Event, ...]:
    """The events whose confidence is at least `bound`, renumbered; all of them for 0."""
    if bound <= 0.0:
        return tuple(events)
    kept = [e for e in events if e.confidence >= bound]
    return tuple(replace(e, id=f"ev{n}") for n, e in enumerate(kept, start=1))
