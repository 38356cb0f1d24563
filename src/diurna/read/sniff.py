"""What a blob of input is, judged by its content (and its name only as a tie-breaker).

Kinds: "warc", "feed" (RSS/Atom), "jsonl", "json" (one object or an array of records),
"csv", "html", "text"; folders are walked
by extension and, for files without a known one, by these same checks.
"""

from __future__ import annotations

import json
import re
from typing import Literal

from ..knowledge.regex_cache import regex

Kind = Literal["warc", "feed", "jsonl", "json", "csv", "html", "text"]

_HTML_START = regex(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.I | re.S)
_TAGS = regex(r"</?(?:p|div|span|a|br|article|section|h[1-6]|li|ul|body|html|script)\b[^>]{0,500}>", re.I)
_FEED = re.compile(rb"^\s*(?:<\?xml[^>]{0,200}\?>\s*)?(?:<!--.{0,2000}?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
_CSV_HEADER = regex(r"^\ufeff?(?:\"?[\w ]{1,40}\"?[,\t;|]){1,40}\"?[\w ]{1,40}\"?\r?$")

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
CSV_SUFFIXES = (".csv", ".tsv")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
JSON_SUFFIXES = (".json",)
# Files met in saved-page folders that are never articles: skipped quietly in walks.
SKIP_SUFFIXES = (".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico",
                 ".woff", ".woff2", ".ttf", ".otf", ".eot", ".mp3", ".mp4", ".webm")


def looks_like_html(text: str) -> bool:
    """True for an HTML page or fragment; plain text with a stray "<" stays text."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    # A fragment without <html>: judge by the density of common tags.
    return len(_TAGS.findall(head)) >= 5


def sniff_bytes(data: bytes, name: str = "") -> Kind:
    """The kind of a blob; `name` (a file name) settles what content leaves open."""
    lower = name.lower()
    head = data[:8192]
    if head.startswith(b"WARC/") or lower.endswith(WARC_SUFFIXES) and head.startswith(b"\x1f\x8b"):
        return "warc"
    if _FEED.match(head.lstrip(b"\xef\xbb\xbf")):
        return "feed"
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if lower.endswith(JSON_SUFFIXES):
        return "json"
    if _looks_like_jsonl(data):
        return "jsonl"
    if _looks_like_json(data):
        return "json"
    if lower.endswith(CSV_SUFFIXES) or _looks_like_csv(head):
        return "csv"
    return "text"  # text or HTML: told apart after decoding


def _looks_like_jsonl(data: bytes) -> bool:
    head = data[:4096]
    start = len(head) - len(head.lstrip())
    if data[start:start + 1] != b"{":
        return False
    end = data.find(b"\n", start, start + 4_000_000)
    first = data[start:end if end >= 0 else start + 4_000_000]
    try:
        rec = json.loads(first)
    except ValueError:
        return False
    return isinstance(rec, dict) and ("text" in rec or "html" in rec)


def _looks_like_json(data: bytes) -> bool:
    """One pretty-printed JSON document (an object or an array), as APIs export: only
    when the whole blob parses, so text that opens with "[Updated]" stays text."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith((b"{", b"[")) or len(data) > 200_000_000:
        return False
    try:
        json.loads(data)
    except (ValueError, RecursionError):
        return False
    return True


def _looks_like_csv(head: bytes) -> bool:
    """A header line naming a `text` or `html` column, e.g. `id,url,title,text`."""
    first = head.split(b"\n", 1)[0].decode("utf-8", errors="replace")
    if not _CSV_HEADER.match(first):
        return False
    cols = {c.strip().strip('"').lower() for c in re.split(r"[,\t;|]", first)}
    return bool(cols & {"text", "html"})
