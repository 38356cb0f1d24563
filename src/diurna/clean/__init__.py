"""The clean stage: RawDocument -> Document (the story without the noise).

Pure: no I/O. Metadata found in the input (HTML meta tags, JSONL fields) wins over
what is guessed from the text; the caller's `published` override wins over both.
"""

from __future__ import annotations

import hashlib

from ..errors import E001, E004, E009, DiurnaError
from ..model import Document, RawDocument, Removed
from ..read.sources import normalise_date
from ..settings import Settings
from .html import html_to_text
from .metadata import split_agency_credit, split_dateline, split_title
from .text import normalise, paragraphs

NAME = "diurna.clean.v1"


def clean(raw: RawDocument, settings: Settings, *, published: str | None = None) -> Document:
    """Clean one raw document; raises DiurnaError for input that has no article in it."""
    url, title, date, publisher = raw.url, raw.title, raw.published, raw.publisher
    content = raw.content
    if raw.kind == "html":
        page = html_to_text(content, url=raw.url, origin=raw.origin)
        content = page.text
        url = url or page.url
        title = title or page.title
        publisher = publisher or page.publisher
        if date is None and page.published:
            try:
                date = normalise_date(page.published, raw.origin)
            except DiurnaError:
                date = None  # a page's unparseable date is not worth failing the article
    if published is not None:
        date = published

    text = normalise(content)
    if not text:
        raise DiurnaError(E001, raw.origin)
    paras = paragraphs(text)
    removed: list[Removed] = []

    if raw.kind == "text":
        found_title, paras = split_title(paras)
        title = title or found_title
    dateline, agency, paras = _dateline(paras)
    credit_agency, paras, credit = split_agency_credit(paras)
    if credit is not None:
        removed.append(Removed(text=credit, reason="wire-credit"))
    agency = agency or credit_agency

    body = "\n\n".join(paras)
    if not body.strip():
        raise DiurnaError(E009, raw.origin)
    if len(body) > settings.max_chars:
        raise DiurnaError(E004, f"{raw.origin} has {len(body):,} characters of text (limit {settings.max_chars:,})")
    return Document(
        id=raw.id or content_id(body),
        text=body,
        url=url,
        title=title,
        published=date,
        publisher=publisher,
        agency=agency,
        dateline=dateline,
        removed=tuple(removed),
        index=raw.index,
        origin=raw.origin,
    )


def content_id(text: str) -> str:
    """First 16 hex characters of the SHA-256 of the cleaned text (CONTRACT.md)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _dateline(paras: list[str]) -> tuple[str | None, str | None, list[str]]:
    if not paras:
        return None, None, paras
    place, agency, rest = split_dateline(paras[0])
    if place is None:
        return None, None, paras
    return place, agency, [rest, *paras[1:]]
