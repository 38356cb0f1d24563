"""Plain text to paragraphs, keeping every character's place in the source.

Whitespace normalisation (documented in README "Cleaning"): line breaks of any kind
(\\r\\n, \\r, U+2028, ...) end a line; runs of spaces, tabs and no-break spaces become
one space; control and zero-width characters are dropped; lines are stripped; text is
NFC-normalised (a run changed by NFC is kept but not mapped to the source).

Paragraphs: text copied from a web page has one paragraph per line; text saved from
a wire or an e-mail is hard-wrapped at a fixed width with blank lines between
paragraphs. Lines of a hard-wrapped paragraph are joined with a space; a short line
without closing punctuation (a sub-heading) stays a paragraph of its own; a line that
starts in lower case continues the line before it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from .mapped import MappedText, concat, join

_LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# What normalisation has to touch; most lines contain none of it and are copied whole.
_ODD = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000\x00-\x08\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff\u00ad]|  ")
_PIECES = re.compile(
    r"(?P<ws>[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+)"
    r"|(?P<drop>[\x00-\x08\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff\u00ad]+)"
    r"|(?P<txt>[^ \t\u00a0\u2000-\u200a\u202f\u205f\u3000\x00-\x08\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff\u00ad]+)"
)
_TERMINAL = tuple(".!?:;\"”’»)…]")

Line = MappedText | None  # None is a blank line


def lines(source: str, base: int = 0) -> list[Line]:
    """The normalised lines of `source`; `base` is added to every source offset."""
    out: list[Line] = []
    pos = 0
    for m in _LINE_BREAK.finditer(source):
        out.append(_line(source, pos, m.start(), base))
        if m.group() == "\u2029":  # a paragraph separator is a blank line
            out.append(None)
        pos = m.end()
    out.append(_line(source, pos, len(source), base))
    return out


def _line(source: str, start: int, end: int, base: int) -> Line:
    raw = source[start:end]
    if not _ODD.search(raw):
        mt = MappedText.copied(raw, base + start).strip()
    else:
        parts = []
        for m in _PIECES.finditer(raw):
            if m.lastgroup == "ws":
                parts.append(MappedText.copied(" ", base + start + m.start()))
            elif m.lastgroup == "txt":
                parts.append(MappedText.copied(m.group(), base + start + m.start()))
        mt = concat(parts).strip()
    if not mt.text:
        return None
    if not unicodedata.is_normalized("NFC", mt.text):
        mt = _nfc(mt)
    return mt


def _nfc(mt: MappedText) -> MappedText:
    """NFC per word: words that change lose their mapping, the others keep it."""
    parts = []
    for m in re.finditer(r"\S+|\s+", mt.text):
        word = m.group()
        nfc = unicodedata.normalize("NFC", word)
        piece = mt.slice(m.start(), m.end())
        parts.append(piece if nfc == word else MappedText.unmapped(nfc))
    return concat(parts)


def paragraphs(all_lines: list[Line], standalone: Callable[[str], bool] = lambda s: False) -> list[MappedText]:
    """Group lines into paragraphs (see the module docstring).

    `standalone(line)` says a line is a unit of its own (boilerplate such as
    "Photo: AFP") and must not be glued to the line before it.
    """
    texts = [ln for ln in all_lines if ln is not None]
    width = _wrap_width([ln.text for ln in texts])
    out: list[MappedText] = []
    current: list[MappedText] = []
    for ln in all_lines:
        if ln is None:
            if current:
                out.append(join(current, " "))
                current = []
            continue
        if current and not _continues(current[-1].text, ln.text, width, standalone):
            out.append(join(current, " "))
            current = []
        current.append(ln)
    if current:
        out.append(join(current, " "))
    return out


def _wrap_width(texts: list[str]) -> int | None:
    """The width text was hard-wrapped at, or None when lines are whole paragraphs."""
    if len(texts) < 3:
        return None
    longest = max(len(t) for t in texts)
    if longest > 120:
        return None
    long_lines = sum(len(t) >= 0.6 * longest for t in texts)
    return longest if long_lines >= 0.5 * len(texts) else None


def _continues(prev: str, line: str, width: int | None, standalone: Callable[[str], bool]) -> bool:
    if not prev.endswith(_TERMINAL) and line[:1].islower():
        return True  # mid-sentence: nothing in a sentence is boilerplate
    if width is None:
        return False
    if len(prev) < 0.75 * width:
        return False  # the short last line of a paragraph, or a sub-heading
    if prev.endswith(_TERMINAL) and standalone(line):
        return False
    return True
