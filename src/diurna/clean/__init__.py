"""The clean stage: RawDocument -> Document (the story without the noise).

Pure: no I/O. The cascade, for one document:
1. paragraphs: trafilatura's main text for HTML, the line grouper for plain text; each
   paragraph keeps the offsets of its characters in the source input;
2. title: the HTML title, else the first line when it reads as a headline;
3. boilerplate: the classifier (clean/boilerplate.py) removes prompts, captions,
   credits, ... and says why; a repeated short paragraph (caption, pull quote) goes;
   an origin note ending the last paragraphs is cut;
4. dateline and agency out of the first paragraph; agency also from credit lines;
5. publication date: the caller's `published` wins, then the input's metadata, then a
   timestamp line of the page (marked `published_inferred`);
6. language, sub-headings, the offset map.

Size limits (README "Cleaning"): raw input over `max_bytes` is refused by the reader
(E004); cleaned text over `max_chars` is refused here (E004).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import E001, E004, E007, E009, E011, DiurnaError
from ..model import Document, RawDocument, Removed
from ..read.dates import date_in_line
from ..read.records import normalise_date
from ..settings import Settings
from . import boilerplate, voice
from .edges import trim_page_edges
from .language import detect
from .mapped import MappedText, join
from .metadata import agency_in_credit, looks_like_headline, split_dateline, split_trailing_credit, wire_credit_agency
from .text import lines, paragraphs
from .titles import tidy

NAME = "diurna.clean.v2"
_AGENCY_REASONS = ("wire-credit", "copyright", "additional-reporting")


@dataclass(frozen=True, slots=True)
class _Page:
    paragraphs: tuple[MappedText, ...]
    url: str | None
    title: str | None
    published: str | None
    published_inferred: bool
    publisher: str | None
    links: frozenset[str] = frozenset()
    furniture: Mapping[str, str] = field(default_factory=dict)


def clean(raw: RawDocument, settings: Settings, *, published: str | None = None) -> Document:
    """Clean one raw document; raises DiurnaError for input that has no article in it."""
    page = _html_page(raw) if raw.kind == "html" else _text_page(raw, settings)
    paras = list(page.paragraphs)
    removed: list[Removed] = []
    paras = _cut_trailing_credit(paras, removed)
    paras = _remove_boilerplate(paras, removed, _voice_model(settings))
    title = tidy(page.title)
    if raw.kind == "text" and title is None and len(paras) > 1 and looks_like_headline(paras[0].text):
        title = tidy(paras[0].text)  # "# Headline" copied from Markdown keeps no "#"
    if raw.kind == "html":
        paras = trim_page_edges(paras, title, page.links, removed, page.furniture)
    if title and paras and boilerplate.sentence_key(paras[0].text) == boilerplate.sentence_key(title):
        removed.insert(0, Removed(text=paras[0].text, reason="title"))
        paras = paras[1:]
    if not paras:
        raise DiurnaError(E009, f"{raw.origin}: every paragraph was boilerplate ({len(removed)} removed)")
    dateline, agency, paras[0] = _dateline(paras[0])
    agency = agency or _credited_agency(removed)
    date, inferred = _publication_date(raw, page, removed, published, settings)
    body = join(paras, "\n\n")
    if len(body.text) > settings.max_chars:
        raise DiurnaError(E004, f"{raw.origin} has {len(body.text):,} characters of text (limit {settings.max_chars:,})")
    return Document(
        id=raw.id or content_id(body.text),
        text=body.text,
        url=raw.url or page.url,
        title=title,
        published=date,
        publisher=raw.publisher or page.publisher or _publisher_from_url(raw.url or page.url),
        agency=agency,
        dateline=dateline,
        language=detect(body.text),
        removed=tuple(removed),
        index=raw.index,
        origin=raw.origin,
        published_inferred=inferred,
        headings=_headings(paras),
        offset_map=body.segments,
    )


def content_id(text: str) -> str:
    """First 16 hex characters of the SHA-256 of the cleaned text (CONTRACT.md)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _text_page(raw: RawDocument, settings: Settings) -> _Page:
    # Refuse early: nothing this long becomes a text under max_chars after cleaning,
    # and a 20 MB single line should not be split, classified and joined first.
    if len(raw.content) > 4 * settings.max_chars:
        raise DiurnaError(E004, f"{raw.origin} has {len(raw.content):,} characters (limit {settings.max_chars:,} of text)")
    paras = paragraphs(lines(raw.content), boilerplate.standalone)
    if not paras:
        raise DiurnaError(E001, raw.origin)
    return _Page(tuple(paras), None, raw.title, None, False, None)  # a JSONL record's title


def _html_page(raw: RawDocument) -> _Page:
    from .html import html_to_paragraphs

    page = html_to_paragraphs(raw.content, url=raw.url, origin=raw.origin)
    return _Page(page.paragraphs, page.url, raw.title or page.title, page.published, page.published_inferred,
                 page.publisher, page.links, page.furniture)


def _voice_model(settings: Settings) -> voice.VoiceModel:
    """The publication-voice model of the setting `voice_model`."""
    try:
        return voice.model(settings.voice_model)
    except (OSError, ValueError) as exc:
        raise DiurnaError(E011, f"voice_model: {exc}") from exc


def _remove_boilerplate(paras: list[MappedText], removed: list[Removed],
                        voice_model: voice.VoiceModel | None = None) -> list[MappedText]:
    count = len(paras)
    kept: list[MappedText] = []
    in_list = False  # inside a "Related stories" / "Most read" list of headlines
    for n, para in enumerate(paras):
        reason = boilerplate.classify(para.text, n, count, voice_model)
        if reason is None and in_list and len(para.text) <= 150 and looks_like_headline(para.text):
            reason = "related-link"
        in_list = reason == "related-link" and (in_list or boilerplate.is_list_header(para.text))
        if reason is None:
            kept.append(para)
        else:
            removed.append(Removed(text=para.text, reason=reason))
    kept = _drop_repeats(kept, removed)
    return _cut_tail_notes(kept, removed)


def _drop_repeats(paras: list[MappedText], removed: list[Removed]) -> list[MappedText]:
    """A short paragraph whose text is a sentence found elsewhere in the story (a caption
    or a pull quote repeating it) goes; the story's own copy stays. Of two identical
    paragraphs, the later one goes."""
    elsewhere: dict[str, set[int]] = {}
    for n, para in enumerate(paras):
        if len(para.text) < 50_000:
            for piece in (*boilerplate.sentences(para.text), *boilerplate.quoted(para.text)):
                elsewhere.setdefault(boilerplate.sentence_key(piece), set()).add(n)
    out = []
    for n, para in enumerate(paras):
        key = boilerplate.sentence_key(para.text) if len(para.text) <= 400 else ""
        holders = elsewhere.get(key, set()) - {n}
        if len(key) >= 20 and holders and (min(holders) < n or _longer(paras, holders, n)):
            removed.append(Removed(text=para.text, reason="duplicate"))
        else:
            out.append(para)
    return out


def _longer(paras: list[MappedText], holders: set[int], n: int) -> bool:
    return any(len(paras[h].text) > len(paras[n].text) for h in holders)


def _cut_trailing_credit(paras: list[MappedText], removed: list[Removed]) -> list[MappedText]:
    """A wire credit closing the story's last paragraph ("... said. REUTERS", one of the
    page's last paragraphs) comes off before the paragraph is classified: it names the
    agency, and it must not make the paragraph read as a caption."""
    for n in range(len(paras) - 1, max(-1, len(paras) - 1 - boilerplate.TAIL), -1):  # prompts may follow the story
        found = split_trailing_credit(paras[n].text)
        if found is not None:
            at, credit = found
            removed.append(Removed(text=credit, reason="wire-credit"))
            return [*paras[:n], paras[n].slice(0, at), *paras[n + 1:]]
    return paras


def _cut_tail_notes(paras: list[MappedText], removed: list[Removed]) -> list[MappedText]:
    for n in range(max(0, len(paras) - 2), len(paras)):
        for _ in range(2):  # "X contributed. This story originated in ..."
            found = boilerplate.split_tail_note(paras[n].text)
            if found is None:
                break
            kept, sentence, reason = found
            removed.append(Removed(text=sentence, reason=reason))
            paras[n] = paras[n].slice(0, len(kept))
    return paras


def _dateline(first: MappedText) -> tuple[str | None, str | None, MappedText]:
    place, agency, start = split_dateline(first.text)
    if not start:
        return None, None, first
    return place, agency, first.slice(start)  # "(VOA) — ...": an agency, no place


def _credited_agency(removed: list[Removed]) -> str | None:
    for r in reversed(removed):  # the closing credit is the most telling
        if r.reason in _AGENCY_REASONS:
            name = wire_credit_agency(r.text) or agency_in_credit(r.text)
            if name:
                return name
    return None


def _publication_date(raw: RawDocument, page: _Page, removed: list[Removed], published: str | None,
                      settings: Settings) -> tuple[str | None, bool]:
    if published is not None:
        return published, False
    if raw.published is not None:
        return raw.published, False
    if page.published is not None:
        try:
            return normalise_date(page.published, raw.origin), page.published_inferred
        except DiurnaError as exc:
            if exc.code != E007.code:
                raise
    for r in removed:
        if r.reason == "timestamp":
            found = date_in_line(r.text, day_first=settings.day_first)
            if found:
                return found, True
    return None, False


def _headings(paras: list[MappedText]) -> tuple[tuple[int, int], ...]:
    """Sub-headings: short paragraphs without closing punctuation between two others."""
    out = []
    offset = 0
    for n, para in enumerate(paras):
        text = para.text
        if 0 < n < len(paras) - 1 and len(text) <= 80 and len(text.split()) <= 12 and looks_like_headline(text) \
                and text[:1].isupper():
            out.append((offset, offset + len(text)))
        offset += len(text) + 2
    return tuple(out)


def _publisher_from_url(url: str | None) -> str | None:
    """"www.voanews.com" from a URL: the site, when no metadata names the publisher."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    host = host.removeprefix("www.")
    return host or None
