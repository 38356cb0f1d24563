"""Whitespace and character normalisation, and paragraph splitting, of plain text."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\n\s*\n")


def normalise(text: str) -> str:
    """NFC, Unix newlines, no control or zero-width characters, single spaces, no trailing blanks.

    This runs before any offset is taken, so it may change lengths freely.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip()


def paragraphs(text: str) -> list[str]:
    """Paragraphs of normalised text: blocks between blank lines.

    Text copied from a web page often has no blank lines at all; then every line is a
    paragraph. Inside a paragraph, single newlines from hard wrapping become spaces.
    """
    if _BLANKS.search(text):
        blocks = _BLANKS.split(text)
    else:
        blocks = text.split("\n")
    out = []
    for block in blocks:
        block = " ".join(line for line in block.split("\n") if line)
        if block:
            out.append(block)
    return out
