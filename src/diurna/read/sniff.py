"""Tell HTML from plain text by content, not by file name."""

from __future__ import annotations

import re

_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|div|p)\b", re.I | re.S)
_TAGS = re.compile(r"</?(?:p|div|span|a|br|article|section|h[1-6]|li|ul|body|html|script)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """True for an HTML page or fragment; plain text with a stray "<" stays text."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    # A fragment without <html>: judge by the density of common tags.
    return len(_TAGS.findall(head)) >= 5
