"""Reported speech from the dependency parse: indirect and mixed quotes.

Constructions, each with its rule name:
- `indirect/ccomp`: a speech verb and its clausal complement ("Mr Ruto said [the talks
  had gone well]"; "[The talks went well], he said"); a leading "that" is left out.
- `indirect/xcomp`: an addressee verb and its to-infinitive ("urged Nigeria [to show
  restraint]"), the object being the addressee.
- `indirect/object`: a verb whose object is what was said or demanded, when it has
  no clausal complement ("called for [an inquiry]", "denied [the report]").
- `indirect/parataxis`: a speech verb parsed as an aside of the clause it reports
  ("The talks, he said, went well").
- `indirect/according-to`: the clause around "according to X", X being the speaker.
- `indirect/noun`: a speech noun with a that-clause and a possessor ("Mr Ruto's claim
  [that ...]").
- `mixed/naming`: a naming verb with a quoted fragment in its object ("called the plan
  "a disgrace"", "described the deal as "the worst ever"").
Any of these whose content holds a quoted fragment is `mixed` instead of `indirect`.

A cue inside a direct quote is part of what the quoted speaker said; a cue outside
quotes whose content is mostly inside a direct quote introduces that quote
(direct.py). Neither is reported speech here. Contents under two tokens are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Final

from ...model import Quote, QuoteKind
from ..tokens import where
from .cues import Cues, cue_of, load
from .direct import DIRECT, FRAGMENT, Classified, Frame, frame_of, trimmed
from .speakers import EntityIndex, speaker_ref

INFINITIVE_RULE = "indirect/xcomp"  # an addressee verb and its to-infinitive: the content is the addressee's act

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MIN_TOKENS = 2
_COMPLEMENTIZERS = load().complementizers  # "said that ...": not part of the content
# The kinds of a reported quote (QuoteKind): indirect speech, or one that quotes some of
# its words ('said the plan was "dead"').
INDIRECT: Final = "indirect"
MIXED: Final = "mixed"


@dataclass(frozen=True, slots=True)
class Reported:
    start: int
    end: int
    frame: Frame


def reported(doc: Doc, text: str, quoted: tuple[Classified, ...], cues: Cues, index: EntityIndex) -> list[Quote]:
    direct = tuple((q.marked.open, q.marked.end - 1) for q in quoted if q.role == DIRECT)
    fragments = tuple((q.marked.open, q.marked.end - 1) for q in quoted if q.role == FRAGMENT)
    found: list[Reported] = []
    words = _CueWords(cues.speech_verbs, cues.phrase_words)  # both built anew at each read
    for i in _cue_candidates(doc, words):
        tok = doc[i]
        if _quote_at(tok.idx, direct) is not None:
            continue  # speech reported inside a quote is the quoted speaker's, not ours
        for cand in _from_token(tok, text, cues, index, fragments, words):
            r = _in_paragraph(cand, text, tok.idx)
            if r is not None and not _overlaps_direct(r, direct):
                found.append(r)
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for r in sorted(found, key=lambda r: (r.start, -r.end)):
        if (r.start, r.end) in seen:
            continue
        seen.add((r.start, r.end))
        kind: QuoteKind = MIXED if any(r.start <= o and c < r.end + 2 for o, c in fragments) else INDIRECT
        rule = r.frame.rule if kind == INDIRECT or r.frame.rule.startswith(MIXED) else "mixed/" + r.frame.rule.split("/", 1)[1]
        out.append(Quote(text=text[r.start:r.end], kind=kind, start=r.start, end=r.end,
                         speaker=r.frame.speaker, cue=r.frame.cue, addressee=r.frame.addressee, rule=rule))
    return out


@dataclass(frozen=True, slots=True)
class _CueWords:
    speech_verbs: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]


def _cue_candidates(doc: Doc, words: _CueWords) -> list[int]:
    """The tokens _from_token can find a cue at, in order: verbs (speech, object and
    naming cues), nouns (speech nouns) and first words of a cue phrase; the rest of
    the document is not walked token by token."""
    return sorted({*where(doc, "POS", ("VERB", "NOUN")), *where(doc, "LOWER", {p[0] for p in words.phrases})})


def _in_paragraph(r: Reported, text: str, pos: int) -> Reported | None:
    """The content cut to the cue's paragraph: the parser sometimes runs a sentence
    across a paragraph break."""
    para_start = text.rfind("\n", 0, pos) + 1
    para_end = text.find("\n", pos)
    para_end = len(text) if para_end == -1 else para_end
    if para_start <= r.start and r.end <= para_end:
        return r
    start, end = trimmed(text, max(r.start, para_start), min(r.end, para_end))
    return replace(r, start=start, end=end) if end - start > 3 else None


def _quote_at(pos: int, spans: tuple[tuple[int, int], ...]) -> int | None:
    for k, (o, c) in enumerate(spans):
        if o <= pos <= c:
            return k
    return None


def _overlaps_direct(r: Reported, direct: tuple[tuple[int, int], ...]) -> bool:
    """Half or more of the content inside direct quotes: the cue introduces those."""
    covered = sum(max(0, min(c + 1, r.end) - max(o, r.start)) for o, c in direct)
    return covered * 2 >= r.end - r.start


def _from_token(tok: Token, text: str, cues: Cues, index: EntityIndex, fragments,
                words: _CueWords) -> list[Reported]:
    out: list[Reported] = []
    verb_cue = cue_of(tok, words.speech_verbs)
    if verb_cue is not None:
        out.extend(_verb_contents(tok, verb_cue, text, cues, index))
    if verb_cue is None and cue_of(tok, cues.object_verbs) is not None:
        out.extend(_verb_contents(tok, cue_of(tok, cues.object_verbs) or "", text, cues, index))
    naming = cue_of(tok, cues.naming_verbs)
    if naming is not None and not out:
        out.extend(_naming(tok, naming, text, cues, index, fragments))
    for phrase in words.phrases:
        if tok.lower_ == phrase[0]:
            out.extend(_according(tok, phrase, text, cues, index))
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in cues.nouns:
        out.extend(_noun(tok, text, index))
    return out


def _span_of(tokens: list[Token], text: str) -> tuple[int, int] | None:
    if len([t for t in tokens if not t.is_punct and not t.is_space]) < _MIN_TOKENS:
        return None
    while tokens and (tokens[0].is_punct and tokens[0].text not in "\"“‘'" or tokens[0].lower_ in _COMPLEMENTIZERS and tokens[0].dep_ == "mark"):
        tokens = tokens[1:]
    if not tokens:
        return None
    start, end = trimmed(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    while end > start and text[end - 1] in ".;:":
        end -= 1
    return (start, end) if end > start else None


def _clause_tokens(head: Token, cue: Token) -> list[Token]:
    """The subtree of `head`, cut at the cue when the parse folded the cue inside it."""
    toks = list(head.subtree)
    if any(t.i == cue.i for t in toks):
        toks = [t for t in toks if (t.i < cue.i) == (head.i < cue.i) and t.i != cue.i]
    return toks


def _verb_contents(tok: Token, cue: str, text: str, cues: Cues, index: EntityIndex) -> list[Reported]:
    out: list[Reported] = []
    for child in tok.children:
        if child.dep_ == "ccomp":
            rule = "indirect/ccomp"
        elif child.dep_ in ("xcomp", "advcl") and any(g.dep_ == "aux" and g.lower_ in cues.infinitive_markers for g in child.children) \
                and cue_of(tok, cues.addressee_verbs) is not None:
            rule = INFINITIVE_RULE
        else:
            continue
        span = _span_of(_clause_tokens(child, tok), text)
        if span is not None:
            out.append(Reported(*span, frame_of(tok, cue, rule, cues, index, ((span[0], span[1] - 1),))))
    if not out and cue_of(tok, cues.object_verbs) is not None:
        out.extend(_object(tok, cue_of(tok, cues.object_verbs) or cue, text, cues, index))
    if not out and tok.dep_ == "parataxis" and tok.head.pos_ in ("VERB", "AUX"):
        aside = {t.i for t in tok.subtree}
        toks = [t for t in tok.head.subtree if t.i not in aside]
        span = _span_of(toks, text)
        if span is not None:
            out.append(Reported(*span, frame_of(tok, cue, "indirect/parataxis", cues, index)))
    return out


def _object(tok: Token, cue: str, text: str, cues: Cues, index: EntityIndex) -> list[Reported]:
    """'called for [a ceasefire]', 'denied [the report]': the object is the content."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children):
        return []  # "will propose a budget": nothing said yet
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if not objs and " " in cue:  # "call for": the object hangs off the particle
        objs = [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if not objs or objs[0].pos_ == "PRON":
        return []
    span = _span_of(list(objs[0].subtree), text)
    if span is None:
        return []
    return [Reported(*span, frame_of(tok, cue, "indirect/object", cues, index, ((span[0], span[1] - 1),)))]


def _naming(tok: Token, cue: str, text: str, cues: Cues, index: EntityIndex, fragments) -> list[Reported]:
    """'called X "Y"', 'described X as "Y"': content from the object to the fragment."""
    right = [t for t in tok.subtree if t.i > tok.i]
    if not right:
        return []
    end = right[-1].idx + len(right[-1].text)
    hit = [(o, c) for o, c in fragments if tok.idx < o and c < end + 2]
    if not hit:
        return []
    start = right[0].idx
    span = _span_of([t for t in right if t.idx <= hit[-1][1]], text)
    if span is None:
        return []
    return [Reported(start, max(span[1], hit[-1][1] + 1), frame_of(tok, cue, "mixed/naming", cues, index))]


def _according(tok: Token, cue_phrase: tuple[str, ...], text: str, cues: Cues, index: EntityIndex) -> list[Reported]:
    """"according to the ministry, ...": the speaker is the preposition's object (a
    phrase of cues.yaml, a word and its preposition)."""
    preps = [c for c in tok.children if c.lower_ == cue_phrase[1]]
    objs = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    if not objs or tok.head is tok:
        return []
    phrase = {t.i for t in tok.subtree}
    clause = [t for t in tok.head.subtree if t.i not in phrase]
    left = [t for t in clause if t.i < tok.i]
    right = [t for t in clause if t.i > tok.i]
    side = right if len(right) >= len(left) else left
    span = _span_of(side, text)
    if span is None:
        return []
    frame = Frame(speaker_ref(_source_of(objs[0], cues), index), " ".join(cue_phrase), None,
                  "indirect/" + "-".join(cue_phrase))
    return [Reported(*span, frame)]


def _source_of(head: Token, cues: Cues) -> Token:
    """'according to a statement from his office': the office, not the statement."""
    if head.lemma_.lower() not in cues.nouns:
        return head
    for child in head.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in cues.source_prepositions:
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return head


def _noun(tok: Token, text: str, index: EntityIndex) -> list[Reported]:
    owners = [c for c in tok.children if c.dep_ == "poss"]
    clauses = [c for c in tok.children if c.dep_ in ("acl", "ccomp")
               and any(g.dep_ == "mark" and g.lower_ in _COMPLEMENTIZERS for g in c.children)]
    if not owners or not clauses:
        return []
    span = _span_of(list(clauses[0].subtree), text)
    if span is None:
        return []
    return [Reported(*span, Frame(speaker_ref(owners[0], index), tok.text, None, "indirect/noun"))]
