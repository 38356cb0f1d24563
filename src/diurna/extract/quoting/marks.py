"""Quotation marks: pair opening and closing marks over the raw text.

Pure text, no parse. Handles straight and curly double and single marks and
guillemets, nested quotes (a single-quoted span inside a double-quoted one), and
multi-paragraph quotes: by news convention a quote that runs on into the next
paragraph leaves its closing mark off at the paragraph's end and opens the next
paragraph with a fresh opening mark; the two paragraphs are then one quote.

An apostrophe ("don't", "Clinton's", "the '90s") is told from a single quote by the
characters around it. A mark that cannot be paired is left alone: safest to bail out
rather than guess a span.
"""

from __future__ import annotations

from dataclasses import dataclass

DOUBLE, SINGLE = "double", "single"
# Marks whose glyph says which side they are on.
_OPEN = {"\u201c": DOUBLE, "\u201e": DOUBLE, "\u00ab": DOUBLE, "\u2018": SINGLE, "\u2039": SINGLE}
_CLOSE = {"\u201d": DOUBLE, "\u00bb": DOUBLE, "\u2019": SINGLE, "\u203a": SINGLE}
# Marks whose side depends on context.
_STRAIGHT = {'"': DOUBLE, "'": SINGLE}
_OPENERS_BEFORE = " \t\n([{\u2014\u2013-/" + "".join(_OPEN) + "\"'"
_MARK_CHARS = frozenset(_OPEN) | frozenset(_CLOSE) | frozenset(_STRAIGHT)


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted span: `open` and `close` are the positions of its marks (so the inside
    is text[open + 1:close]); `depth` 0 is outermost; `paragraphs` > 1 for a quote that
    runs on across paragraph breaks."""

    open: int
    close: int
    style: str  # DOUBLE or SINGLE
    depth: int
    paragraphs: int = 1


def scan(text: str) -> tuple[Marked, ...]:
    """Every paired quotation in `text`, ordered by opening position."""
    found: list[Marked] = []
    carry: _Open | None = None  # an outer quote left open at the previous paragraph's end
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        carry = _scan_paragraph(text, start, start + len(line), carry, found)
    return tuple(sorted(found, key=lambda m: (m.open, -m.close)))


@dataclass(frozen=True, slots=True)
class _Open:
    pos: int
    style: str
    straight: bool
    paragraphs: int = 1


def _scan_paragraph(text: str, start: int, end: int, carry: _Open | None, found: list[Marked]) -> _Open | None:
    """Pair the marks of one paragraph; return the outer quote if it runs on."""
    stack: list[_Open] = []
    first = _first_visible(text, start, end)
    if carry is not None:
        if first is not None and _role(text, first, stack) == "open" and _style(text[first]) == DOUBLE:
            # The continuation mark: the carried quote goes on, this mark opens nothing.
            stack.append(_Open(carry.pos, carry.style, carry.straight, carry.paragraphs + 1))
            start = first + 1
    for i in range(start, end):
        ch = text[i]
        if ch not in _MARK_CHARS:
            continue
        role = _role(text, i, stack)
        if role == "open":
            stack.append(_Open(i, _style(ch), ch in _STRAIGHT))
        elif role == "close":
            _close(stack, i, _style(ch), found)
    # Only an outer double quote runs on; an unclosed single mark is an apostrophe.
    if stack and stack[0].style == DOUBLE and _continues(text, end):
        return stack[0]
    return None


def _close(stack: list[_Open], i: int, style: str, found: list[Marked]) -> None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].style == style:
            opened = stack[depth]
            del stack[depth:]  # marks opened inside and never closed were not quotes
            if i > opened.pos + 1:
                found.append(Marked(opened.pos, i, style, depth, opened.paragraphs))
            return


def _role(text: str, i: int, stack: list[_Open]) -> str | None:
    """'open', 'close' or None (an apostrophe, a prime, an unpaired mark)."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    style = _style(ch)
    if style == SINGLE and prev.isalnum() and nxt.isalnum():
        return None  # don't, Clinton's, rock'n'roll
    if ch in _OPEN:
        if style == SINGLE and nxt.isdigit():
            return None  # the '90s
        return "open"
    open_styles = [o.style for o in stack]
    if ch in _CLOSE:
        if style == SINGLE and SINGLE not in open_styles:
            return None  # a possessive "voters’ "
        return "close"
    # Straight marks: close what is open, else open when placed like an opening mark.
    left_flank = prev in _OPENERS_BEFORE or prev.isspace()
    if style in open_styles and not (left_flank and not nxt.isspace() and style == SINGLE):
        return "close"
    if left_flank and not nxt.isspace():
        if style == SINGLE and nxt.isdigit():
            return None
        return "open"
    return None


def _style(ch: str) -> str:
    return _OPEN.get(ch) or _CLOSE.get(ch) or _STRAIGHT[ch]


def _first_visible(text: str, start: int, end: int) -> int | None:
    for i in range(start, end):
        if not text[i].isspace():
            return i if text[i] in _OPEN or text[i] in _STRAIGHT else None
    return None


def _continues(text: str, end: int) -> bool:
    """Does the next non-blank paragraph open with a double mark?"""
    i = end
    while i < len(text) and text[i].isspace():
        i += 1
    return i < len(text) and (text[i] in ('"', "\u201c", "\u201e", "\u00ab"))


def inside(marked: Marked) -> tuple[int, int]:
    """The span between the marks."""
    return marked.open + 1, marked.close
