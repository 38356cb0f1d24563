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
from dataclasses import dataclass, field

from ..knowledge.regex_cache import regex

_SKIP = frozenset({
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "button",
    "select", "option", "textarea", "figure", "figcaption", "iframe", "head", "title", "menu", "dialog", "label",
})
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "head", "title", "iframe"})
_BLOCK = frozenset({
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section", "article", "main", "blockquote",
    "ul", "ol", "table", "tbody", "thead", "tfoot", "dd", "dt", "dl", "pre", "center", "body", "html", "br", "hr",
    "address", "caption", "details", "summary", "amp-img", "picture", "figure", "figcaption",
})
# Roles and class words of page furniture, which the SKIP tags miss in div soup.
_FURNITURE = regex(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|header|masthead|sidebar|widget|share|sharing|social|"
    r"related|recommended|newsletter|subscribe|signup|cookie|consent|banner|promo|advert|ads?|comments?|caption|"
    r"byline|tags?|pagination)(?:$|[\s_-])", re.I)
_OUTER = frozenset({"html", "body", "main", "article"})  # their classes describe the page, not furniture
_IMAGES = frozenset({"img", "picture", "amp-img", "video", "amp-video"})
_EMPHASIS = frozenset({"i", "em"})
_CAPTION_TAGS = frozenset({"figcaption", "caption"})
_CAPTION_MAX = 300  # a caption is a line or two; a longer block beside an image is story
# Class or id words of a caption element ("wp-caption-text", "amp-caption", "image__caption").
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|figcaption|photo-?credit|image-?credit)(?:$|[\s_-])", re.I)
_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"})
_WS = re.compile(r"\s+")
_TERMINAL = tuple(".!?\"”’)…")


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    link_chars: int
    emphasis_chars: int = 0  # characters inside <i>/<em>
    image: bool = False  # an image sits in the same block (a figure without <figure>)
    caption_tag: bool = False  # inside <figcaption> or a table <caption>

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))

    @property
    def is_caption(self) -> bool:
        """A photo caption by its markup, whatever its words: a block in <figcaption> or
        an element whose class says caption,
        a short block beside an image in the same container, or a short block wholly in
        italics (old table layouts set captions as `<i>` lines between `<br>`s)."""
        if self.caption_tag:
            return True
        if len(self.text) > _CAPTION_MAX or self.link_density >= 0.5:
            return False
        return self.image or self.emphasis_chars >= 0.95 * len(self.text)


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
    buf = _Buffer()
    _walk(root, buf, out, _Inside(), furniture)
    buf.flush(out)
    return out


@dataclass(frozen=True, slots=True)
class _Inside:
    """What the text being walked sits in."""
    link: bool = False
    emphasis: bool = False
    caption: bool = False


@dataclass
class _Buffer:
    """The text of the block being read, piece by piece, and whether an image is in it."""
    pieces: list[tuple[str, _Inside]] = field(default_factory=list)
    image: bool = False

    def add(self, text: str, inside: _Inside) -> None:
        self.pieces.append((text, inside))

    def flush(self, out: list[Block]) -> None:
        text = _WS.sub(" ", "".join(t for t, _ in self.pieces)).strip()
        if text:
            def chars(flag: str) -> int:
                return sum(len(_WS.sub(" ", t).strip()) for t, inside in self.pieces if getattr(inside, flag))
            out.append(Block(text, chars("link"), chars("emphasis"), self.image,
                             bool(self.pieces) and all(inside.caption for t, inside in self.pieces if t.strip())))
        self.pieces.clear()
        self.image = False


def _walk(el: object, buf: _Buffer, out: list[Block], inside: _Inside, keep: bool) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""  # type: ignore[attr-defined]
    hidden = tag in _INVISIBLE if keep else tag in _SKIP or (tag not in _OUTER and _is_furniture(el))
    if not tag or hidden:
        if isinstance(el.tail, str):  # type: ignore[attr-defined]
            buf.add(el.tail, inside)  # type: ignore[attr-defined]
        return
    block = tag in _BLOCK
    within = _Inside(inside.link or tag == "a", inside.emphasis or tag in _EMPHASIS,
                     inside.caption or tag in _CAPTION_TAGS or _caption_class(el))
    if block:
        buf.flush(out)
    if tag in _IMAGES and _beside(el, buf):
        buf.image = True
    if el.text:  # type: ignore[attr-defined]
        buf.add(el.text, within)  # type: ignore[attr-defined]
    for child in el:  # type: ignore[attr-defined]
        _walk(child, buf, out, within, keep)
    if block:
        buf.flush(out)
    if el.tail:  # type: ignore[attr-defined]
        buf.add(el.tail, inside)  # type: ignore[attr-defined]


def _beside(img: object, buf: _Buffer) -> bool:
    """An image that a caption may sit beside: first in its block (a caption follows its
    picture) and not inside a <p> (an old CMS floats a picture into a story paragraph)."""
    parent = img.getparent()  # type: ignore[attr-defined]
    in_p = parent is not None and isinstance(parent.tag, str) and parent.tag.lower() == "p"
    return not in_p and not any(t.strip() for t, _ in buf.pieces)


def _caption_class(el: object) -> bool:
    get = el.get  # type: ignore[attr-defined]
    return bool(_CAPTION_CLASS.search(f"{get('class') or ''} {get('id') or ''}"))


def _is_furniture(el: object) -> bool:
    get = el.get  # type: ignore[attr-defined]
    if (get("role") or "").lower() in _ROLES or get("hidden") is not None or get("aria-hidden") == "true":
        return True
    names = f"{get('class') or ''} {get('id') or ''}"
    return bool(names.strip()) and bool(_FURNITURE.search(names))


def is_prose(block: Block) -> bool:
    """A block that reads as story text: a sentence or more, not a list of links."""
    words = block.text.split()
    return len(words) >= 4 and block.text.endswith(_TERMINAL) and block.link_density < 0.5 \
        and any(c.islower() for c in block.text)
