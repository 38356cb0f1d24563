"""The title of an HTML page: the headline the page shows, not its `<title>` tag.

`<title>` carries the site and section ("Herald Online | Business", "Story - Herald
Online") and a single-page app's is the site name alone. In order:
1. a headline the page shows (an h1, else the last headline-like block before the
   story) that og:title, the JSON-LD headline, twitter:title or `<title>` confirm,
   whole or as one of their parts between separators;
2. og:title, the JSON-LD headline, twitter:title, with the site's names cut off;
3. the page's first h1 that is not the site name;
4. `<title>` with site names cut; when it is generic (a print view's, or only short
   site and section parts), the headline block before the story; else its longest part.
Markdown `#` marks and print-view affixes never stay in a title (knowledge/boilerplate.yaml
`titles`: parts that are never a title).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from ..knowledge import load_yaml
from ..knowledge.regex_cache import regex
from .blocks import Block, is_prose
from .metadata import looks_like_headline

_SEPARATOR = re.compile(r"\s+(?:[|–—·•»]|::|-{1,2})\s+")
_MARKDOWN = re.compile(r"^\s*#{1,6}\s+")
_WS = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _title_rules() -> dict[str, tuple[re.Pattern[str], ...]]:
    data = (load_yaml("boilerplate.yaml").get("titles") or {})
    return {key: tuple(regex(p, re.I) for p in data.get(key, [])) for key in ("never_a_title", "prefixes")}


def _not_titles() -> tuple[re.Pattern[str], ...]:
    return _title_rules()["never_a_title"]


def tidy(title: str | None) -> str | None:
    """Whitespace collapsed, Markdown heading marks off; None when nothing is left."""
    if title is None:
        return None
    text = _MARKDOWN.sub("", _WS.sub(" ", title).strip())
    for prefix in _title_rules()["prefixes"]:
        text = prefix.sub("", text, count=1)
    return text.strip() or None


def page_title(html: str, found: list[Block], fallback: str | None) -> str | None:
    """The page's title (see the module docstring); `fallback` when it names none."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return tidy(fallback)
    meta = _meta(root)
    sites = _site_names(root, meta)
    shown = [t for t in (_text(h) for h in root.iter("h1")) if t and not _is_site(t, sites)]
    before = _headline_before_story(found)
    confirmations = [c for c in (meta.get("og"), meta.get("ld"), meta.get("twitter"), meta.get("title")) if c]
    for heading in (*shown, *([before] if before else [])):
        if any(_confirms(heading, c) for c in confirmations):
            return tidy(heading)
    for key in ("og", "ld", "twitter"):
        title = _cut(meta.get(key), sites)
        if title:
            return tidy(title)
    if shown:
        return tidy(shown[0])
    tag = meta.get("title")
    cut = _cut(tag, sites)
    if tag and sites and cut and cut != tag.strip():
        return tidy(cut)  # the site's name or a print-view part came off
    if tag:
        parts = [p for p in _parts(tag) if not _is_site(p, sites) and not _never(p)]
        generic = len(parts) < len(_parts(tag)) or all(len(p.split()) < 4 for p in parts)
        if parts and not (before and generic):
            return tidy(max(parts, key=len) if len(parts) > 1 else parts[0])
    return tidy(before or fallback)


def _text(el: Any) -> str:
    return _WS.sub(" ", el.text_content() or "").strip()


def _meta(root: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or "").lower()
        value = _WS.sub(" ", el.get("content") or "").strip()
        if not value:
            continue
        for name, field in (("og:title", "og"), ("twitter:title", "twitter"), ("og:site_name", "site"),
                            ("application-name", "app")):
            if key == name and field not in out:
                out[field] = value
    title = root.find(".//title")
    if title is not None and _text(title):
        out["title"] = _text(title)
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            _read_ld(script.text, out)
    return out


def _read_ld(text: str, out: dict[str, str]) -> None:
    try:
        data = json.loads(text)
    except ValueError:
        return
    items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
    for item in items:
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("headline"), str) and "ld" not in out:
            out["ld"] = _WS.sub(" ", item["headline"]).strip()
        publisher = item.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and "publisher" not in out:
            out["publisher"] = publisher["name"].strip()


def _site_names(root: Any, meta: dict[str, str]) -> set[str]:
    return {_key(meta[k]) for k in ("site", "app", "publisher") if meta.get(k)}


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text).strip().lower()


def _is_site(text: str, sites: set[str]) -> bool:
    return _key(text) in sites


def _never(text: str) -> bool:
    return any(p.search(text) for p in _not_titles())


def _parts(title: str) -> list[str]:
    return [p.strip() for p in _SEPARATOR.split(title) if p.strip()]


def _confirms(heading: str, candidate: str) -> bool:
    key = _key(heading)
    return bool(key) and (key == _key(candidate) or any(key == _key(p) for p in _parts(candidate)))


def _cut(candidate: str | None, sites: set[str]) -> str | None:
    """A metadata title with site names and never-a-title parts cut off its ends."""
    if not candidate:
        return None
    parts = _parts(candidate)
    while parts and (_is_site(parts[-1], sites) or _never(parts[-1])):
        parts.pop()
    while parts and (_is_site(parts[0], sites) or _never(parts[0])):
        parts.pop(0)
    if not parts:
        return None
    if len(parts) == len(_parts(candidate)) and not _is_site(candidate, sites):
        return candidate.strip()  # nothing cut: keep the title as written (its own dashes too)
    joined = candidate[candidate.index(parts[0]):candidate.rindex(parts[-1]) + len(parts[-1])]
    return joined.strip() or None


def _headline_before_story(found: list[Block]) -> str | None:
    """The last headline-like block before the first prose block (a table CMS's bold
    headline), skipping bylines, dates and link rows."""
    best = None
    for block in found:
        text = block.text
        if block.link_chars == 0 and 3 <= len(text.split()) <= 20 and looks_like_headline(text) and " | " not in text \
                and not _never(text) and any(c.islower() for c in text):
            best = text  # before the prose test: a headline may end with "?"
        elif is_prose(block):
            break
    return best
