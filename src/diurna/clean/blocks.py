"""The page's own text blocks: what a reader sees as paragraphs, for the recovery step.

trafilatura is the main extractor; it under-delivers on some pages (a one-paragraph
fragment, a story in a layout table with `<br>` between paragraphs, an app whose
class names say nothing). The blocks here are the page's visible text cut at block
tags and `<br>`, outside the parts that are never story (navigation, header, footer,
aside, form, figure, script). `prose` keeps the blocks that read as story sentences;
the clean stage compares them with what trafilatura returned and adds the missing ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SKIP = frozenset({
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "button",
    "select", "option", "textarea", "figure", "figcaption", "iframe", "head", "title", "menu", "dialog", "label",
})
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "iframe"})
_BLOCK = frozenset({
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section", "article", "main", "blockquote",
    "ul", "ol", "table", "tbody", "thead", "tfoot", "dd", "dt", "dl", "pre", "center", "body", "html", "br", "hr",
    "address", "caption", "details", "summary", "amp-img", "picture",
})
# Roles and class words of page furniture, which the SKIP tags miss in div soup.
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|header|masthead|sidebar|widget|share|sharing|social|"
    r"related|recommended|newsletter|subscribe|signup|cookie|consent|banner|promo|advert|ads?|comments?|caption|"
    r"byline|tags?|pagination)(?:$|[\s_-])", re.I)
_OUTER = frozenset({"html", "body", "main", "article"})  # their classes describe the page, not furniture
_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"})
_WS = re.compile(r"\s+")
_TERMINAL = tuple(".!?\"”’)…")


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    link_chars: int

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))


def blocks(html: str, *, furniture: bool = False) -> list[Block]:
    """The visible text blocks of a page or fragment, in document order; with
    `furniture`, those of navigation, headers, footers and the like too."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    out: list[Block] = []
    buf: list[tuple[str, bool]] = []
    _walk(root, buf, out, False, furniture)
    _flush(buf, out)
    return out


def _walk(el: object, buf: list[tuple[str, bool]], out: list[Block], in_link: bool, keep: bool) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""  # type: ignore[attr-defined]
    hidden = tag in _INVISIBLE if keep else tag in _SKIP or (tag not in _OUTER and _is_furniture(el))
    if not tag or hidden:
        if isinstance(el.tail, str):  # type: ignore[attr-defined]
            buf.append((el.tail, in_link))  # type: ignore[attr-defined]
        return
    block = tag in _BLOCK
    link = in_link or tag == "a"
    if block:
        _flush(buf, out)
    if el.text:  # type: ignore[attr-defined]
        buf.append((el.text, link))  # type: ignore[attr-defined]
    for child in el:  # type: ignore[attr-defined]
        _walk(child, buf, out, link, keep)
    if block:
        _flush(buf, out)
    if el.tail:  # type: ignore[attr-defined]
        buf.append((el.tail, in_link))  # type: ignore[attr-defined]


def _is_furniture(el: object) -> bool:
    get = el.get  # type: ignore[attr-defined]
    if (get("role") or "").lower() in _ROLES or get("hidden") is not None or get("aria-hidden") == "true":
        return True
    names = f"{get('class') or ''} {get('id') or ''}"
    return bool(names.strip()) and bool(_FURNITURE.search(names))


def _flush(buf: list[tuple[str, bool]], out: list[Block]) -> None:
    if not buf:
        return
    text = _WS.sub(" ", "".join(t for t, _ in buf)).strip()
    if text:
        link = sum(len(_WS.sub(" ", t).strip()) for t, is_link in buf if is_link)
        out.append(Block(text, link))
    buf.clear()


def is_prose(block: Block) -> bool:
    """A block that reads as story text: a sentence or more, not a list of links."""
    words = block.text.split()
    return len(words) >= 4 and block.text.endswith(_TERMINAL) and block.link_density < 0.5 \
        and any(c.islower() for c in block.text)
