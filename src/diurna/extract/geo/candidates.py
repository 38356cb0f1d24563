"""Place mentions in an annotated doc: what might be a place, before geocoding.

Two sources, in this order:
1. spaCy NER spans labelled GPE, LOC or FAC (a leading "the" and a trailing possessive
   trimmed);
2. gazetteer matches among capitalised tokens that NER left out, kept only when the
   name is a strong place name (a country, a state or region, a sea, a continent, or
   a large city) or when a locative preposition stands before it ("flew to Arnor").

Demonyms ("Kenyan") are NORP in spaCy and never become places here. A mention also
records its qualifier ("Paris, Texas" -> "Texas") and an administrative head word
("Kharkiv region" -> "region") for the disambiguation step.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ...knowledge import grammar, place_features, read_tsv
from ...knowledge.place_features import CITY, COUNTY
from ..tokens import column
from .gazetteer import Candidate, Gazetteer, name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels whose spans never yield a gazetteer match inside them: an organisation or a
# person named after a place ("Ohio State University", "Jack London") is not a place.
BLOCKING_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"})
LOCATIVE = grammar.load().place_mention_prepositions
ADMIN_WORDS = grammar.load().admin_words
ARTICLES = grammar.load().definite_articles
_FEATURES = place_features.load()
STRONG_FEATURES = _FEATURES.strong
ORG_PREFIX_FEATURES = _FEATURES.org_prefix
STRONG_CITY_POPULATION = 100_000
MAX_NGRAM = 4

_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TRAIL = re.compile(r"(?:['’]s|['’])$")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # character offsets into the document text
    end: int
    text: str
    rule: str  # "ner:GPE", "gazetteer", ...
    token_start: int
    token_end: int
    qualifier: str | None = None  # "Texas" in "Paris, Texas"
    admin_word: str | None = None  # "region" in "Kharkiv region"


@dataclass(frozen=True, slots=True)
class _DocView:
    """Per-document token facts read once: spaCy attribute access per token is slow."""

    text: str  # doc.text rebuilds the string on every access: read it once
    ents: tuple[Span, ...]
    ent_at: tuple[int, ...]  # per token: index into ents, or -1
    capitalised: tuple[bool, ...]
    starts: tuple[int, ...]  # token start characters
    ends: tuple[int, ...]

    @classmethod
    def of(cls, doc: Doc, text: str | None = None) -> _DocView:
        """`text`: the Doc's text when the caller has it (doc.text joins every token)."""
        ents = tuple(doc.ents)
        ent_at = [-1] * len(doc)
        for k, ent in enumerate(ents):
            for i in range(ent.start, ent.end):
                ent_at[i] = k
        # one shared array per attribute (tokens.column): a many-attribute to_array read
        # as rows cost ~7x more
        starts, lengths = column(doc, "IDX"), column(doc, "LENGTH")
        propn = doc.vocab.strings["PROPN"]
        text = doc.text if text is None else text
        # Capitalised, and not merely because it opens a sentence (unless a proper noun).
        caps = tuple(text[i].isupper() and not (start == 1 and pos not in (propn, 0))
                     for i, start, pos in zip(starts, column(doc, "SENT_START"), column(doc, "POS")))
        return cls(text, ents, tuple(ent_at), caps, tuple(starts), tuple(i + n for i, n in zip(starts, lengths)))

    def covered(self, labels: frozenset[str] | set[str]) -> set[int]:
        return {i for i, k in enumerate(self.ent_at) if k >= 0 and self.ents[k].label_ in labels}

    def ent(self, start: int, end: int) -> Span | None:
        """The entity that contains tokens [start, end), if any."""
        k = self.ent_at[start]
        return self.ents[k] if k >= 0 and self.ent_at[end - 1] == k else None


def find_mentions(doc: Doc, gaz: Gazetteer, text: str | None = None) -> list[PlaceMention]:
    """Place mentions of `doc`; `text` is its text when the caller has it (faster)."""
    view = _DocView.of(doc, text)
    mentions = [_refine(doc, view, m, gaz) for m in (_from_ner(ent, gaz) for ent in view.ents if ent.label_ in PLACE_LABELS) if m]
    covered = view.covered(PLACE_LABELS | BLOCKING_LABELS)
    mentions += _from_gazetteer(doc, view, gaz, covered, lambda span, cands: _accept(doc, span, cands))
    # One sense per discourse: a name found as a place elsewhere in the article is a
    # place where NER called it a person or an organisation too ("Mansfield" in "the
    # Mansfield Police Department"; the small model often tags a town as PERSON).
    known = {name_key(m.text) for m in mentions}
    covered = view.covered(PLACE_LABELS | {"NORP"}) | {i for m in mentions for i in range(m.token_start, m.token_end)}
    mentions += _from_gazetteer(
        doc, view, gaz, covered, lambda span, cands: _accept_inside(doc, view, span, cands, known, gaz)
    )
    mentions.sort(key=lambda m: m.start)
    return [_with_context(doc, m, gaz) for m in mentions]


def _from_ner(ent: Span, gaz: Gazetteer) -> PlaceMention | None:
    start, text = ent.start_char, ent.text
    lead = _LEAD.match(text)
    if lead and len(text) > lead.end():
        start += lead.end()
        text = text[lead.end():]
    trail = _TRAIL.search(text)
    if trail and len(text) > len(trail.group(0)):
        text = text[: -len(trail.group(0))]
    text = text.rstrip(" ,;:")
    if text.endswith(".") and text not in gaz:  # "U.S." and "Calif." keep their full stop
        text = text.rstrip(".")
    if not text or not any(ch.isalpha() for ch in text):
        return None
    tok_start = ent.start + (1 if lead else 0)
    return PlaceMention(start, start + len(text), text, f"ner:{ent.label_}", tok_start, ent.end)


def _refine(doc: Doc, view: _DocView, m: PlaceMention, gaz: Gazetteer) -> PlaceMention:
    """Repair NER span edges against the gazetteer: a name cut short ("the Democratic
    Republic of the" + "Congo", "Guinea" + "-Bissau") is completed, and a trailing
    administrative word the gazetteer does not know ("Sumatra province") is moved to
    `admin_word`."""
    for k in range(MAX_NGRAM - 1, 0, -1):
        end = m.token_end + k
        if end <= len(doc) and all(view.ent_at[i] < 0 or view.ents[view.ent_at[i]].label_ in PLACE_LABELS
                                   for i in range(m.token_end, end)):
            longer = view.text[m.start : view.ends[end - 1]]
            if longer in gaz:
                return PlaceMention(m.start, m.start + len(longer), longer, m.rule, m.token_start, end)
    if m.text in gaz or m.token_end - m.token_start < 2:
        return m
    last = doc[m.token_end - 1]
    shorter = view.text[m.start : view.ends[m.token_end - 2]]
    if last.lower_ in ADMIN_WORDS and shorter in gaz:
        return PlaceMention(m.start, m.start + len(shorter), shorter, m.rule, m.token_start, m.token_end - 1,
                            admin_word=last.lower_)
    return m


def _from_gazetteer(
    doc: Doc, view: _DocView, gaz: Gazetteer, covered: set[int], accept: Callable[[Span, tuple[Candidate, ...]], bool]
) -> list[PlaceMention]:
    """Longest capitalised n-grams (up to MAX_NGRAM tokens) that the gazetteer knows and
    `accept` approves, left to right, never overlapping."""
    out: list[PlaceMention] = []
    text, caps = view.text, view.capitalised
    i, n = 0, len(caps)
    while i < n:
        if i in covered or not caps[i]:
            i += 1
            continue
        end = None
        for size in range(min(MAX_NGRAM, n - i), 0, -1):
            last = i + size - 1
            if not caps[last] or any(j in covered for j in range(i, last + 1)):
                continue
            name = text[view.starts[i] : view.ends[last]]
            if name in gaz and accept(doc[i : last + 1], gaz.lookup(name)):
                end = last + 1
                break
        if end is None:
            i += 1
            continue
        start_char, end_char = view.starts[i], view.ends[end - 1]
        out.append(PlaceMention(start_char, end_char, text[start_char:end_char], "gazetteer", i, end))
        i = end
    return out


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(row[0] for row in read_tsv("places_stopwords.tsv", 1))


def _accept(doc: Doc, span: Span, candidates: tuple[Candidate, ...]) -> bool:
    """A gazetteer-only match must be a strong place name, or follow "in"/"near"/..."""
    if all(c.alternate for c in candidates) or span.text in stopwords():
        return False
    if any(c.feature in STRONG_FEATURES and c.feature != COUNTY for c in candidates):
        return True
    if any(c.population >= STRONG_CITY_POPULATION for c in candidates if not c.alternate):
        return True
    return span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE


def _accept_inside(
    doc: Doc, view: _DocView, span: Span, candidates: tuple[Candidate, ...], known: set[str], gaz: Gazetteer
) -> bool:
    """A name inside a PERSON/ORG span is a place when NER mislabelled the whole span
    ("Minnesota" as PERSON) and the name is a country, state or region, or one the
    article uses as a place elsewhere; or when it opens an organisation's name that the
    article uses as a place elsewhere ("Mansfield" in "Mansfield Police Department").
    An organisation named after a country, state or county is read as naming that
    place too ("Minnesota Department of Health", "Douglas County Sheriff's Office").
    A town followed by its state or country is a place wherever it stands. A name is
    never a place inside a longer personal name ("George Washington")."""
    if span.text in stopwords():
        return False
    if _qualifier_after(doc, span.end, gaz) and any(c.feature == CITY for c in candidates):
        return True  # "the council of Paris, Texas"
    ent = view.ent(span.start, span.end)
    if ent is None:
        return name_key(span.text) in known
    whole = (_content_start(ent), ent.end) == (span.start, span.end)
    if whole and (name_key(span.text) in known or any(c.feature in STRONG_FEATURES and not c.alternate
                                                      for c in candidates)):
        return True
    if ent.label_ != "ORG" or span.start != _content_start(ent):
        return False
    return name_key(span.text) in known or any(c.feature in ORG_PREFIX_FEATURES and not c.alternate
                                               for c in candidates)


def _content_start(ent: Span) -> int:
    return ent.start + 1 if ent[0].lower_ in ARTICLES and len(ent) > 1 else ent.start


def _with_context(doc: Doc, m: PlaceMention, gaz: Gazetteer) -> PlaceMention:
    """Attach a ", Qualifier" that follows and an administrative head word."""
    qualifier = _qualifier_after(doc, m.token_end, gaz)
    admin_word = m.admin_word
    j = m.token_end
    if qualifier is None and admin_word is None and j < len(doc) and doc[j].lower_ in ADMIN_WORDS:
        longer = f"{m.text} {doc[j].text}"
        if doc[j].idx == m.end + 1 and longer in gaz:  # "Washington state", "Dallas County"
            return PlaceMention(m.start, doc[j].idx + len(doc[j]), longer, m.rule, m.token_start, j + 1)
        admin_word = doc[j].lower_
    if qualifier is None and admin_word is None:
        return m
    return PlaceMention(m.start, m.end, m.text, m.rule, m.token_start, m.token_end, qualifier, admin_word)


def _qualifier_after(doc: Doc, j: int, gaz: Gazetteer) -> str | None:
    """The state or country in ", Texas" / ", Tex." / ", TX" / ", Kenya" after token j."""
    if not (j + 1 < len(doc) and doc[j].text == ","):
        return None
    for size in (3, 2, 1):
        span = doc[j + 1 : j + 1 + size]
        if len(span) == size and span.text[:1].isupper() and (span.text in gaz.us_state_codes or _is_region(gaz, span.text)):
            return span.text
    return None


def _is_region(gaz: Gazetteer, text: str) -> bool:
    return any(c.feature in _FEATURES.qualifiers and not c.alternate for c in gaz.lookup(text))
