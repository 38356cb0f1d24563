"""HTML to paragraphs: trafilatura finds the main text, htmldate and meta tags the date.

trafilatura keeps plain-`<p>` boilerplate ("Subscribe to our newsletter", "Share this
article"); the line classifier runs on its paragraphs afterwards, as on plain text.

Each paragraph is located in the page's visible text (tags, comments, scripts and styles
skipped; whitespace runs collapsed), so its characters map back to offsets in the HTML
source. Characters written as entities (`&rsquo;`) and paragraphs trafilatura rewrote
are left unmapped rather than mapped wrongly.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import E009, DiurnaError
from . import boilerplate
from .blocks import Block, blocks, is_prose
from .mapped import MappedText
from .text import lines
from .titles import page_title

_TOKENS = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|noscript|template|svg)\b[^>]*>.*?(?:</\1\s*>|\Z)|<[^>]*>|&#?\w{1,10};?|[^<&]+|[<&]",
    re.S | re.I,
)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|td|section|article|header|footer|figure|figcaption|blockquote|ul|ol)\b", re.I)
_WS = re.compile(r"\s+")
MAP_LIMIT = 5_000_000  # larger pages are cleaned but not mapped back (memory)
RECOVER_SHARE = 0.2  # share of the page's prose the extractor may miss before the blocks fill in


@dataclass(frozen=True, slots=True)
class HtmlText:
    paragraphs: tuple[MappedText, ...]
    title: str | None
    published: str | None
    published_inferred: bool
    publisher: str | None
    url: str | None
    links: frozenset[str] = frozenset()  # texts of the page's blocks that are links (menus, related headlines)
    # texts of the page's short blocks that are furniture on their own -> why: photo captions
    # by their markup, prompts and credits by the boilerplate rules (clean/edges.py)
    furniture: Mapping[str, str] = field(default_factory=dict)


def html_to_paragraphs(html: str, *, url: str | None, origin: str) -> HtmlText:
    import trafilatura  # imported here: plain-text runs never pay for it

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    # bare_extraction returns a dict only when asked to (as_dict=True), which this call does not.
    assert not isinstance(doc, dict)
    extracted = (doc.text if doc is not None else "") or ""
    visible, offsets = visible_text(html) if len(html) <= MAP_LIMIT else ("", array("l"))
    placed = _placed(extracted.split("\n"), visible, offsets)
    small = len(html) <= MAP_LIMIT
    found = blocks(html) if small else []
    recovered = missing_prose(found, extracted)
    if recovered:  # the cascade: trafilatura under-delivered, the page's own blocks fill in
        placed = sorted(placed + _placed(recovered, visible, offsets), key=lambda p: p[0])
    if not placed:
        raise DiurnaError(E009, f"{origin}: no article text found in the HTML (script-only or empty page?)")
    published, inferred = _page_date(html, doc.date if doc is not None else None)
    every = blocks(html, furniture=True) if small else []
    return HtmlText(
        paragraphs=tuple(p for _, p in placed),
        title=page_title(html, found, doc.title if doc is not None else None) if small else None,
        published=published,
        published_inferred=inferred,
        publisher=(doc.sitename if doc is not None else None) or None,
        url=(doc.url if doc is not None else None) or url,
        links=frozenset(b.text for b in every if b.link_density >= 0.8),
        furniture=_furniture(every),
    )


def _placed(texts: list[str], visible: str, offsets: array) -> list[tuple[int, MappedText]]:
    """Each line of `texts` as a paragraph, with its place in the visible text (the
    place of the paragraph before it when it cannot be found)."""
    out: list[tuple[int, MappedText]] = []
    cursor = 0
    for raw in texts:
        for line in lines(raw):
            if line is None:
                continue
            mapped, at, cursor = _locate(line.text, visible, offsets, cursor)
            out.append((at if at >= 0 else (out[-1][0] if out else 0), mapped))
    return out


_FURNITURE_MAX = 300  # longer blocks are left to the classifier


def _furniture(found: list[Block]) -> dict[str, str]:
    """The page's short blocks that are furniture by markup or by rule, and why."""
    out: dict[str, str] = {}
    for b in found:
        if len(b.text) > _FURNITURE_MAX:
            continue
        reason = "photo-caption" if b.is_caption else boilerplate.standalone_reason(b.text)
        if reason is not None:
            out.setdefault(b.text, reason)
    return out


def missing_prose(found: list[Block], extracted: str) -> list[str]:
    """The page's story-like blocks that the extractor left out, when they are at least
    RECOVER_SHARE of all such blocks (a caption or two missed is no reason to recover);
    else []. Blocks the boilerplate rules remove anyway do not count."""
    prose = [b.text for b in found if is_prose(b) and not boilerplate.standalone(b.text)]
    have = _WS.sub(" ", extracted)
    missing = [t for t in prose if t not in have]
    lost = sum(len(t) for t in missing)
    return missing if lost and lost >= RECOVER_SHARE * sum(len(t) for t in prose) else []

def _page_date(html: str, found: str | None) -> tuple[str | None, bool]:
    """The date from the page's metadata; else trafilatura's guess, marked inferred."""
    from htmldate import find_date

    try:
        meta = find_date(html[:2_000_000], extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - a page with a broken date still has an article
        meta = None
    if meta:
        return meta, False
    return (found, True) if found else (None, False)


def visible_text(html: str) -> tuple[str, array]:
    """The page's text with whitespace runs collapsed, and each character's HTML offset
    (-1 for characters that came from an entity or stand for a tag boundary)."""
    chars: list[str] = []
    offsets = array("l")
    last_space = True
    for m in _TOKENS.finditer(html):
        tok = m.group()
        if tok[0] == "<" and len(tok) > 1:
            if _BLOCK_TAG.match(tok) and not last_space:
                chars.append(" ")
                offsets.append(-1)
                last_space = True
            continue
        if tok[0] == "&" and len(tok) > 1:
            import html as html_lib

            text = html_lib.unescape(tok)
            base = -1
        else:
            text, base = tok, m.start()
        for k, ch in enumerate(text):
            if ch.isspace():
                if last_space:
                    continue
                ch, last_space = " ", True
            else:
                last_space = False
            chars.append(ch)
            offsets.append(base + k if base >= 0 else -1)
    return "".join(chars), offsets


def _locate(text: str, visible: str, offsets: array, cursor: int) -> tuple[MappedText, int, int]:
    """`text` with segments into the HTML, when it is found in the visible text; its
    place there (-1 when not found) and the cursor for the next search."""
    at = visible.find(text, cursor)
    if at < 0:
        at = visible.find(text)
    if at < 0:
        return MappedText.unmapped(text), -1, cursor
    segs: list[tuple[int, int, int]] = []
    for i in range(len(text)):
        src = offsets[at + i]
        if src < 0:
            continue
        if segs and segs[-1][0] + segs[-1][2] == i and segs[-1][1] + segs[-1][2] == src:
            t, s, n = segs[-1]
            segs[-1] = (t, s, n + 1)
        else:
            segs.append((i, src, 1))
    return MappedText(text, tuple(segs)), at, at + len(text)


def strip_tags(html: str) -> str:
    """Visible text of an HTML fragment (feed entries): for size checks and fallbacks."""
    return _WS.sub(" ", visible_text(html)[0]).strip()
