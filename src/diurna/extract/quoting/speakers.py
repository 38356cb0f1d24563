"""Who speaks, and to whom: the subject (or addressee) of a cue as a SpeakerRef.

The span of a SpeakerRef is the speaker's own words in the text ("Felix Koskei" in
"Mr Ruto's chief of staff Felix Koskei said"), so that resolve/links.py links it to the
entity whose mention overlaps it and gives it the canonical entity name.

A surname with no entity mention on it links to the one PERSON entity whose name ends
with it (none when two people share it).

Pronoun rule (used only when no entity mention covers the pronoun, that is when the
entities extractor's coreference did not resolve it): "he"/"she" is the most recent
PERSON entity mention that is the subject of a main clause in the current sentence
before the pronoun or in the three sentences before it ("Dolamroth said Rohan owed
... he told": Dolamroth); failing that, the most recent PERSON subject of any clause;
failing that, the most recent PERSON mention in that window. "it" likewise resolves to an ORG. Other pronouns
("they", "we", "I") stay as written: too often ambiguous to guess. The pronouns, and the
prepositions that stay inside a speaker's phrase, are lists of knowledge/cues.yaml.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...model import Entity, Mention, SpeakerRef
from ..tokens import covering
from . import cues as cue_data

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = ("nsubj", "nsubjpass")
# Dependents that end the speaker's noun phrase: what follows is about the speaker.
_CUT = frozenset({"relcl", "acl", "advcl", "parataxis", "punct", "cc", "conj", "appos", "prep"})
_PERSON, _ORG = "PERSON", "ORG"
_LOOKBACK_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class EntityIndex:
    """Entity mentions by position, for picking the entity a phrase names."""

    starts: tuple[int, ...]
    spans: tuple[tuple[int, int, Mention, Entity], ...]

    @classmethod
    def of(cls, entities: tuple[Entity, ...]) -> EntityIndex:
        spans = tuple(sorted(((m.start, m.end, m, e) for e in entities for m in e.mentions), key=lambda s: s[:2]))
        return cls(tuple(s[0] for s in spans), spans)

    def within(self, start: int, end: int) -> list[tuple[Mention, Entity]]:
        """Mentions overlapping [start, end), in text order."""
        hi = bisect.bisect_left(self.starts, end)
        return [(m, e) for s, t, m, e in self.spans[:hi] if t > start]

    def by_surname(self, word: str) -> Entity | None:
        """The one PERSON entity whose name ends with `word`, if exactly one does."""
        found = {e.id: e for _, _, _, e in self.spans if e.type == _PERSON and e.name.split()[-1] == word}
        return next(iter(found.values())) if len(found) == 1 else None

    def before(self, end: int, floor: int) -> list[tuple[Mention, Entity]]:
        """Mentions ending at or before `end` and starting at or after `floor`, nearest first."""
        hi = bisect.bisect_left(self.starts, end)
        out = [(m, e) for s, t, m, e in self.spans[:hi] if t <= end and s >= floor]
        return out[::-1]


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, climbing through verbs that share their subject
    ("he smiled and said", "said ..., adding", "wants to tell", "sings before asking")
    and relative clauses ("Mr Ruto, who said ...")."""
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        for child in tok.children:
            if child.dep_ in _SUBJECTS:
                return _relative_antecedent(child)
        if tok.dep_ in ("conj", "advcl", "xcomp", "pcomp", "prep") and tok.head is not tok:
            tok = tok.head
            if tok.dep_ == "ccomp" and verb.dep_ in ("advcl", "conj") and tok.head is not tok:
                # "X said the border would reopen, adding ...": the parser hangs the
                # participle on the reported clause, whose subject did not speak
                tok = tok.head
        elif tok.dep_ == "relcl" and tok.head is not tok:
            return tok.head
        else:
            return None
    return None


def _relative_antecedent(subj: Token) -> Token:
    if subj.tag_ in ("WP", "WDT") and subj.head.dep_ == "relcl":
        return subj.head.head  # "Mr Ruto, who said" -> Mr Ruto
    return subj


def adjacent_subject(cue: Token, blocked) -> Token | None:
    """When the parse gives a cue no usable subject ("Said Ellis:", a subject inside
    the quote), the noun phrase right after the cue, else the one right before it."""
    doc = cue.doc
    sent = cue.sent
    for i in (cue.i + 1, cue.i - 1):
        if not sent.start <= i < sent.end:
            continue
        tok = doc[i]
        if blocked(tok.idx) or tok.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        while tok.dep_ in ("compound", "flat") and tok.head is not tok and tok.head.pos_ in ("PROPN", "NOUN"):
            tok = tok.head
        return tok
    return None


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Token range [i, j) of the noun phrase headed by `head`, without relative clauses,
    appositions after a comma, or trailing prepositional phrases other than of/for/at."""
    lo = hi = head.i
    for child in head.lefts:
        if child.dep_ not in _CUT:
            lo = min(lo, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in _CUT and not (child.dep_ == "prep" and child.lower_ in cue_data.load().speaker_prepositions):
            break
        hi = max(hi, child.right_edge.i)
    return lo, hi + 1


def speaker_ref(head: Token, index: EntityIndex) -> SpeakerRef:
    """The SpeakerRef of the noun phrase headed by `head` (a subject, object or pobj)."""
    doc = head.doc
    if head.pos_ == "PRON" or head.tag_ == "PRP":
        return _pronoun(head, index)
    lo, hi = phrase_bounds(head)
    # A possessor names someone else: "Mr Ruto's chief of staff" is not Mr Ruto.
    owned = [c for c in head.lefts if c.dep_ == "poss"]
    if owned:
        lo = max(lo, owned[-1].right_edge.i + 1)
    span = doc[lo:hi]
    if not len(span):
        span = doc[head.i:head.i + 1]
    picked = _named(head, span, index)
    if picked is not None:
        mention, entity = picked
        return SpeakerRef(name=entity.name, entity=entity.id, start=mention.start, end=mention.end)
    if head.pos_ == "PROPN":
        # A surname the entity extractor left unlinked ("Koskei told ...") names the
        # one person of the article whose full name ends with it.
        known = index.by_surname(head.text)
        if known is not None:
            return SpeakerRef(name=known.name, entity=known.id, start=head.idx, end=head.idx + len(head.text))
    name = doc[phrase_bounds(head)[0]:hi].text.strip()
    return SpeakerRef(name=name or head.text, start=span.start_char, end=span.end_char)


def _named(head: Token, span, index: EntityIndex) -> tuple[Mention, Entity] | None:
    """The entity mention the phrase stands for: the one holding its head word, else
    the last person (then any) mention inside it."""
    inside = index.within(span.start_char, span.end_char)
    if not inside:
        return None
    for m, e in inside:
        if m.start <= head.idx < m.end:
            return m, e
    people = [(m, e) for m, e in inside if e.type == _PERSON]
    return (people or inside)[-1]


def _pronoun(tok: Token, index: EntityIndex) -> SpeakerRef:
    start, end = tok.idx, tok.idx + len(tok.text)
    covering = index.within(start, end)
    if covering:
        m, e = covering[0]
        return SpeakerRef(name=e.name, entity=e.id, start=start, end=end)
    cues = cue_data.load()  # package data, cached
    wanted = _PERSON if tok.lower_ in cues.person_pronouns else _ORG if tok.lower_ in cues.organisation_pronouns else None
    if wanted is not None:
        found = resolve_pronoun(tok, wanted, index)
        if found is not None:
            return SpeakerRef(name=found.name, entity=found.id, start=start, end=end)
    return SpeakerRef(name=tok.text, start=start, end=end)


def resolve_pronoun(tok: Token, wanted: str, index: EntityIndex) -> Entity | None:
    """The most recent `wanted`-type subject before `tok` (see the module docstring)."""
    doc: Doc = tok.doc
    sent_starts = [s.start for s in doc.sents]
    k = bisect.bisect_right(sent_starts, tok.i) - 1
    floor_tok = sent_starts[max(0, k - _LOOKBACK_SENTENCES)]
    floor = doc[floor_tok].idx
    candidates = [(m, e) for m, e in index.before(tok.idx, floor) if e.type == wanted]
    spans = [(covering(doc, m.start, m.end), e) for m, e in candidates]
    for main_only in (True, False):
        for span, e in spans:
            if span is not None and any(_is_subject(t, main_only) for t in span):
                return e
    return candidates[0][1] if candidates else None


def _is_subject(tok: Token, main_only: bool) -> bool:
    """A subject; with `main_only`, of a main clause ("X said [Y owed ...]": X, not Y)."""
    if tok.dep_ not in _SUBJECTS:
        return False
    verb = tok.head
    while main_only and verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return not main_only or verb.dep_ == "ROOT"
