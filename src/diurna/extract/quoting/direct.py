"""Direct quotes: which quoted spans are speech, and who said them.

A top-level quoted span is
- a direct quote when it stands as speech in its sentence: nothing but an opening
  bracket or dash before it, or a colon, or a cue and a comma ('He said, "..."'), or a
  cue verb right before a capitalised quote; and it ends as a clause does (its own
  closing punctuation) or the sentence ends after it or goes on with an attribution
  ('"...," Mr Ruto said'). Short quotes (under three words) need a cue in the frame.
- a title when a title marker (so-called, dubbed, film, book, ...) comes right
  before it, or it is a capitalised name with no clause punctuation inside a sentence,
  a nickname inside a name (Robert C. "Bobby" Scott), or a capitalised sub-heading
  alone on its line ('All Bets Are Off.');
- otherwise a fragment: quoted words inside a sentence. Fragments become mixed quotes
  when reported speech contains them (see reported.py); alone they are scare quotes.

Attribution, first rule that applies:
1. `direct/cue`: a speech or frame cue verb in the quote's own sentence(s), outside
   every quote, that does not report a clause of its own; after the quote when the
   quote ends with a comma, question or exclamation mark, else the nearest.
2. `direct/cue-previous`: the sentence before ends with a colon or holds a cue with no
   content of its own ("Mr Ruto told Mr Macron."): its speaker and addressee.
3. `direct/continuation`: the previous direct quote ends in the sentence before (or a
   paragraph continues a speaker's quotes): its speaker.
4. `direct/unattributed`: no speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ...model import Quote, SpeakerRef
from ..tokens import covering
from .cues import Cues, cue_of
from .marks import Marked
from .speakers import EntityIndex, adjacent_subject, speaker_ref, subject_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SENT_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*\s+")
_CLAUSE_PUNCT = tuple(".,?!\u2026:;\u2014\u2013-")
_LEAD_STRIP = " \t\n([{\u2014\u2013-"
_TRAIL_STRIP = " \t\n,"
# A quote's role (Classified.role): speech, a fragment of speech inside a sentence, or a
# name or title. DIRECT is also the kind of the Quote a direct quote becomes.
DIRECT: Final = "direct"
FRAGMENT: Final = "fragment"
TITLE: Final = "title"


@dataclass(frozen=True, slots=True)
class Classified:
    marked: Marked
    start: int  # the quote's words: inside the marks, trimmed
    end: int
    role: str  # DIRECT | FRAGMENT | TITLE
    before: int  # where the quote's sentence starts (after any earlier quote in it)
    after: int  # where the quote's sentence ends (before any later quote in it)


class Tokens:
    """Token lookup by character offset for one doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def at(self, char: int) -> Token:
        i = max(0, bisect.bisect_right(self.starts, char) - 1)
        return self.doc[i]

    def between(self, start: int, end: int) -> list[Token]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [self.doc[i] for i in range(lo, hi)]


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in _TRAIL_STRIP:
        end -= 1
    return start, end


def classify(text: str, toks: Tokens, marks: tuple[Marked, ...], cues: Cues) -> tuple[Classified, ...]:
    """Roles of the outermost quoted spans."""
    outer = [m for m in marks if m.depth == 0]
    out: list[Classified] = []
    prev_end = 0
    for k, m in enumerate(outer):
        start, end = trimmed(text, *m.inner)
        next_open = outer[k + 1].open if k + 1 < len(outer) else len(text)
        before = _before(text, toks, m, prev_end)
        after = _after(text, toks, m, next_open)
        if start < end:
            role = _role(text, toks, m, text[before:m.open], text[m.end:after], cues)
            out.append(Classified(m, start, end, role, before, after))
        prev_end = m.end
    return tuple(out)


def _role(text: str, toks: Tokens, m: Marked, before: str, after: str, cues: Cues) -> str:
    inner = text[m.inner[0]:m.inner[1]].strip()
    words = sum(any(ch.isalpha() for ch in w) for w in inner.split())
    if _title_marked(text, m, cues) or _nickname(text, m, inner, words):
        return TITLE
    verbs = cues.speech_verbs | cues.frame_verbs
    cue_before = any(cue_of(t, verbs) for t in toks.between(m.open - len(before), m.open))
    cue_after = any(cue_of(t, verbs) for t in toks.between(m.end, m.end + len(after)))
    lead = before.strip(_LEAD_STRIP)
    before_ok = (
        not lead
        or lead.endswith(":")
        or (lead.endswith(",") and cue_before)
        or (cue_before and _ends_with_cue(toks, m.open, verbs) and inner[:1].isupper())
    )
    tail = after.strip()
    after_ok = not tail or tail[0] in _CLAUSE_PUNCT or cue_after
    if before_ok and not tail and not lead and not cue_before and _is_name(inner.rstrip(".!?"), cues):
        return TITLE  # a quoted sub-heading on its own line: 'All Bets Are Off.'
    if before_ok and (inner.endswith(_CLAUSE_PUNCT) or after_ok):
        if words >= 3 or cue_before or cue_after:
            return DIRECT
    if before_ok and not cue_before and not cue_after and _is_name(inner, cues):
        return TITLE
    return TITLE if _is_name(inner, cues) and not inner.endswith(_CLAUSE_PUNCT) else FRAGMENT


def _before(text: str, toks: Tokens, m: Marked, prev_end: int) -> int:
    """Start of the quote's sentence, after any earlier quote in it; a sentence end
    the parser missed ("... said. \"We") cuts it too."""
    sent = toks.at(m.open).sent
    start = max(sent.start_char, prev_end, text.rfind("\n", 0, m.open) + 1)
    ends = list(_SENT_END.finditer(text, start, m.open))
    return ends[-1].end() if ends else start


def _after(text: str, toks: Tokens, m: Marked, next_open: int) -> int:
    """End of the quote's sentence, before the next quote and the paragraph's end. The
    parser often ends a sentence at a closing mark; when the quote ends with a comma,
    question or exclamation mark, or a lower-case word follows, the attribution
    after it still belongs to the quote ("...,\" Mr Ruto said.")."""
    end = toks.at(m.close).sent.end_char
    nxt = m.end
    while nxt < len(text) and text[nxt] == " ":
        nxt += 1
    raw = text[m.inner[0]:m.inner[1]].rstrip()
    if nxt < len(text) and text[nxt] != "\n" and (raw.endswith((",", "?", "!", "\u2014", "-")) or text[nxt].islower()
                                                  or text[nxt] in "\u2015\u2014\u2013-"):
        end = max(end, toks.at(nxt).sent.end_char)
    newline = text.find("\n", m.end)
    if newline != -1:
        end = min(end, newline)
    return max(min(end, next_open), m.end)


def _ends_with_cue(toks: Tokens, pos: int, verbs: frozenset[str]) -> bool:
    prior = [t for t in toks.between(max(0, pos - 40), pos) if not t.is_space and not t.is_punct]
    return bool(prior) and cue_of(prior[-1], verbs) is not None


def _nickname(text: str, m: Marked, inner: str, words: int) -> bool:
    """Robert C. "Bobby" Scott: a capitalised word or two between parts of a name."""
    if words > 2 or not inner[:1].isupper():
        return False
    prev = text[max(0, m.open - 20):m.open].split()
    nxt = text[m.end:m.end + 20].split()
    return bool(prev and nxt) and prev[-1][:1].isupper() and nxt[0][:1].isupper() and nxt[0][-1:].isalpha()


def _title_marked(text: str, m: Marked, cues: Cues) -> bool:
    words = text[max(0, m.open - 40):m.open].split()
    return bool(words) and words[-1].lower().strip(",") in cues.title_markers


def _is_name(inner: str, cues: Cues) -> bool:
    """A capitalised name ("Arnor Rising", "Shark Tank") rather than a clause."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", inner)]
    content = [w for w in words if w.lower() not in cues.title_small_words]
    return 0 < len(words) <= 8 and all(w[0].isupper() for w in content) and bool(content)


# --------------------------------------------------------------------------- attribution


@dataclass(frozen=True, slots=True)
class Frame:
    speaker: SpeakerRef | None
    cue: str | None
    addressee: SpeakerRef | None
    rule: str


def attribute(
    text: str, toks: Tokens, quotes: tuple[Classified, ...], cues: Cues, index: EntityIndex
) -> list[Quote]:
    """Speaker, cue and addressee of each direct quote (rules in the module docstring)."""
    outer = tuple((q.marked.open, q.marked.end - 1) for q in quotes)
    out: list[Quote] = []
    prev: tuple[Classified, Frame] | None = None
    for q in quotes:
        if q.role != DIRECT:
            continue
        frame = _own_frame(text, toks, q, outer, cues, index)
        if frame is None:
            frame = _previous_sentence(text, toks, q, outer, cues, index)
        if frame is None and prev is not None and _follows(toks, prev[0], q):
            frame = Frame(prev[1].speaker, prev[1].cue, prev[1].addressee, "direct/continuation")
        if frame is None:
            frame = Frame(None, None, None, "direct/unattributed")
        out.append(Quote(text=text[q.start:q.end], kind=DIRECT, start=q.start, end=q.end,
                         speaker=frame.speaker, cue=frame.cue, addressee=frame.addressee, rule=frame.rule))
        prev = (q, frame)
    return out


def _inside_any(pos: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(o <= pos <= c for o, c in spans)


def frame_of(cue_tok: Token, cue: str, rule: str, cues: Cues, index: EntityIndex,
             quoted: tuple[tuple[int, int], ...] = ()) -> Frame:
    """Speaker and addressee of a cue verb; a subject inside a quote is not the speaker."""
    subj = subject_of(cue_tok)
    if subj is None or _inside_any(subj.idx, quoted):
        subj = adjacent_subject(cue_tok, lambda pos: _inside_any(pos, quoted))
    speaker = speaker_ref(subj, index) if subj is not None else None
    return Frame(speaker, cue, addressee_of(cue_tok, cues, index), rule)


def addressee_of(cue_tok: Token, cues: Cues, index: EntityIndex) -> SpeakerRef | None:
    if cue_of(cue_tok, cues.addressee_verbs) is None and cue_tok.lemma_.lower() not in cues.addressing_verbs:
        return None
    for child in cue_tok.children:
        if child.dep_ in ("dobj", "dative") and child.lemma_.lower() not in cues.content_pronouns:
            return speaker_ref(child, index)
        if child.dep_ == "prep" and child.lower_ in cues.addressee_prepositions:  # "said to reporters", "called on X"
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return speaker_ref(objs[0], index)
    return None


def _reports_own_clause(tok: Token, outer: tuple[tuple[int, int], ...]) -> bool:
    """Does the cue report a clause outside every quote ("..., adding that ...")?"""
    for child in tok.children:
        if child.dep_ in ("ccomp", "xcomp") and not _inside_any(child.idx, outer):
            if len(list(child.subtree)) > 2:
                return True
    return False


def _cue_tokens(tokens: list[Token], outer: tuple[tuple[int, int], ...], cues: Cues) -> list[tuple[Token, str]]:
    verbs = cues.speech_verbs | cues.frame_verbs
    found = []
    for t in tokens:
        if _inside_any(t.idx, outer):
            continue
        cue = cue_of(t, verbs)
        if cue is not None and not _reports_own_clause(t, outer):
            found.append((t, cue))
    return found


def _own_frame(text: str, toks: Tokens, q: Classified, outer, cues: Cues, index: EntityIndex) -> Frame | None:
    m = q.marked
    after = _cue_tokens(toks.between(m.end, q.after), outer, cues)
    before = _cue_tokens(toks.between(q.before, m.open), outer, cues)
    raw_end = text[m.inner[0]:m.inner[1]].rstrip()
    prefer_after = raw_end.endswith((",", "?", "!", "\u2014", "-"))
    if after and (prefer_after or not before):
        tok, cue = after[0]
    elif before:
        tok, cue = before[-1]
    else:
        return _credit(text, toks, q, index)
    return frame_of(tok, cue, "direct/cue", cues, index, outer)


_CREDIT = re.compile(r"\s*[\u2015\u2014\u2013-]+\s*(?=[A-Z])")


def _credit(text: str, toks: Tokens, q: Classified, index: EntityIndex) -> Frame | None:
    """'"..." \u2015 Pamela Padilla': a name credited after a dash."""
    found = _CREDIT.match(text, q.marked.end, q.after)
    if found is None:
        return None
    tok = toks.at(found.end())
    if tok.pos_ not in ("PROPN", "NOUN"):
        return None
    while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head
    return Frame(speaker_ref(tok, index), None, None, "direct/credit")


def _previous_sentence(text: str, toks: Tokens, q: Classified, outer, cues: Cues, index: EntityIndex) -> Frame | None:
    sent = toks.at(q.marked.open).sent
    para = text.rfind("\n", 0, q.marked.open) + 1
    if para > sent.start_char:
        # The parser ran the sentence across the paragraph break ("told the crowd:\n\n"):
        # the part before the break is the previous sentence.
        prev = covering(toks.doc, sent.start_char, para)
    elif sent.start == 0:
        return None
    else:
        prev = _non_space_sentence_before(sent)
    if prev is None:
        return None
    found = _cue_tokens(list(prev), outer, cues)
    if not found:
        return None
    tok, cue = found[-1]
    ends_colon = prev.text.rstrip().endswith(":")
    if not ends_colon and any(_inside_any(t.idx, outer) for t in prev):
        return None  # the previous sentence quotes someone itself: rule 3 decides
    return frame_of(tok, cue, "direct/cue-previous", cues, index, outer)


def _non_space_sentence_before(sent: Span) -> Span | None:
    doc = sent.doc
    i = sent.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return doc[i].sent if i >= 0 else None


def _follows(toks: Tokens, prev: Classified, q: Classified) -> bool:
    """Is `q` the next sentence after the one where `prev` ends?"""
    sent = toks.at(q.marked.open).sent
    before = _non_space_sentence_before(sent)
    if before is None:
        return False
    return before.start_char <= prev.marked.close < sent.end_char
