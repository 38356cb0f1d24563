"""RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom files -> one record per item or entry.

Parsed with lxml in recover mode (feeds in the wild are often not well-formed), with
entity resolution and network access off. The article is the fullest content the
entry carries: content:encoded / Atom content, else the description / summary.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import E005, DiurnaError
from ..model import ErrorResult
from .records import Item, record

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
_DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"
_ATOM = "{http://www.w3.org/2005/Atom}"
_RSS1 = "{http://purl.org/rss/1.0/}"


def read_feed(data: bytes, origin: str, *, day_first: bool = False) -> Iterator[Item]:
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.XMLSyntaxError, ValueError) as exc:
        root, err = None, str(exc)
    else:
        err = "no root element"
    if root is None:
        yield ErrorResult(index=-1, error=DiurnaError(E005, f"{origin}: not a readable feed ({err})").info(), origin=origin)
        return
    publisher = _first_text(root, ("channel/title", f"{_ATOM}title", f"{_RSS1}channel/{_RSS1}title"))
    entries = root.findall("channel/item") + root.findall(f"{_ATOM}entry") + root.findall(f"{_RSS1}item")
    for n, entry in enumerate(entries, start=1):
        yield record(_entry(entry, publisher), f"{origin}#{n}", day_first=day_first)


def _entry(entry: Any, publisher: str | None) -> dict[str, Any]:
    atom = entry.tag.startswith(_ATOM)
    rss1 = entry.tag.startswith(_RSS1)
    ns = _ATOM if atom else _RSS1 if rss1 else ""
    content = _first_text(entry, (_CONTENT, f"{_ATOM}content", f"{ns}description", f"{_ATOM}summary"))
    rec: dict[str, Any] = {
        "id": _first_text(entry, ("guid", f"{_ATOM}id")),
        "url": _link(entry, atom, ns),
        "title": _first_text(entry, (f"{ns}title",)),
        "published": _first_text(entry, ("pubDate", f"{_ATOM}published", f"{_ATOM}updated", _DC_DATE)),
        "publisher": publisher,
        "author": _first_text(entry, (_DC_CREATOR, "author", f"{_ATOM}author/{_ATOM}name", f"{_ATOM}author")),
    }
    if content and "<" in content:
        rec["html"] = content
    else:
        rec["text"] = content
    return rec


def _link(entry: Any, atom: bool, ns: str) -> str | None:
    if atom:
        for link in entry.findall(f"{_ATOM}link"):
            if link.get("rel", "alternate") == "alternate" and link.get("href"):
                return link.get("href").strip()
        return None
    return _first_text(entry, (f"{ns}link",))


def _first_text(node: Any, paths: tuple[str, ...]) -> str | None:
    for path in paths:
        found = node.find(path)
        if found is not None:
            text = "".join(found.itertext()).strip()
            if text:
                return text
    return None
