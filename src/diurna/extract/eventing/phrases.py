"""Word patterns of lexicon entries (`before` / `after`, as PETRARCH verb patterns
give them): the words that must stand before the trigger in its sentence, or after
it within its phrase, in order, each slot one of its phrases, a glued slot touching
its neighbour on the trigger side.

A word of a pattern matches a token's lower-case text or its lemma, so "ties"
matches "ties" and "resolution" matches "resolutions"; TreeBank splits ("did n't")
match spaCy's tokens as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from . import arguments as A
from .lexicon import Predicate, Slot

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def words_hold(tok: Token, pred: Predicate) -> bool:
    """Do the entry's words stand around `tok` (and is its subject coordinated when
    the entry asks so)? True when the entry asks nothing of the kind."""
    if pred.requires_coordinated_subject and len(A.subjects(tok)) < 2:
        return False
    if pred.after:
        allowed = {t.i for t in tok.subtree if t.i > tok.i}
        if not _forward(tok.doc, pred.after, tok.i, allowed):
            return False
    if pred.before:
        allowed = set(range(tok.sent.start, tok.i))
        if not _backward(tok.doc, pred.before, tok.i, allowed):
            return False
    return True


def _at(doc: Doc, start: int, phrase: tuple[str, ...], allowed: set[int]) -> bool:
    for k, word in enumerate(phrase):
        i = start + k
        if i not in allowed:
            return False
        t = doc[i]
        if word != t.lower_ and word != t.lemma_.lower():
            return False
    return True


def _forward(doc: Doc, slots: tuple[Slot, ...], pos: int, allowed: set[int]) -> bool:
    """Slots in order after `pos` (backtracking: patterns are a few words long)."""
    if not slots:
        return True
    slot, rest = slots[0], slots[1:]
    starts: Iterable[int] = (pos + 1,) if slot.glued else sorted(i for i in allowed if i > pos)
    for start in starts:
        for phrase in slot.phrases:
            if _at(doc, start, phrase, allowed) and _forward(doc, rest, start + len(phrase) - 1, allowed):
                return True
    return False


def _backward(doc: Doc, slots: tuple[Slot, ...], pos: int, allowed: set[int]) -> bool:
    """Slots in order before `pos`, matched from the one nearest the trigger."""
    if not slots:
        return True
    slot, rest = slots[-1], slots[:-1]
    ends: Iterable[int] = (pos - 1,) if slot.glued else sorted((i for i in allowed if i < pos), reverse=True)
    for end in ends:
        for phrase in slot.phrases:
            start = end - len(phrase) + 1
            if _at(doc, start, phrase, allowed) and _backward(doc, rest, start, allowed):
                return True
    return False


def object_targets(verb: Token, preps: Iterable[str]) -> list[Token]:
    """Targets in prepositions hanging on the verb's object ("restored ties with
    Gondor"): for entries whose words name the object, so the object itself is not
    the target."""
    wanted = set(preps)
    out: list[Token] = []
    for obj in (c for c in verb.children if c.dep_ in A.OBJ):
        for p in obj.children:
            if p.dep_ == "prep" and p.lower_ in wanted:
                out += [g for g in p.children if g.dep_ == "pobj"]
                out += [c for g in p.children if g.dep_ == "pobj" for c in g.conjuncts if c.i > g.i]
    return out
