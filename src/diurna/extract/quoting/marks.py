"""Quotation marks: pair opening and closing marks over the raw text.

Pure text, no parse. Handles straight and curly double and single marks,
guillemets, the typewriter doubles ``...'' and ''...'' (two characters standing for one
double mark, as in some newspaper archives), nested quotes (a single-quoted span inside a double-quoted one), and
multi-paragraph quotes: by news convention a quote that runs on into the next
paragraph leaves its closing mark off at the paragraph's end and opens the next
paragraph with a fresh opening mark; the two paragraphs are then one quote.

An apostrophe ("don't", "Clinton's", "the '90s") is told from a single quote by the
characters around it. A mark that cannot be paired is left alone: safest to bail out
rather than guess a span.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Style(Enum):
    """A quotation's kind of mark."""

    DOUBLE = 1
    SINGLE = 2


class Side(Enum):
    """The side of a quotation a mark is on."""

    OPEN = 1
    CLOSE = 2


DOUBLE, SINGLE = Style.DOUBLE, Style.SINGLE
OPEN, CLOSE = Side.OPEN, Side.CLOSE

# Marks whose glyph says which side they are on.
# A lone backtick opens a typewriter single quote (`like this'), as in older wire copy.
_OPEN = {"\u201c": DOUBLE, "\u201e": DOUBLE, "\u00ab": DOUBLE, "\u2018": SINGLE, "\u2039": SINGLE, "`": SINGLE}
_CLOSE = {"\u201d": DOUBLE, "\u00bb": DOUBLE, "\u2019": SINGLE, "\u203a": SINGLE}
# Marks whose side depends on context.
_STRAIGHT = {'"': DOUBLE, "'": SINGLE}
_OPENERS_BEFORE = " \t\n([{\u2014\u2013-/" + "".join(_OPEN) + "\"'"
_TYPEWRITER = ("``", "''")
_MARK_CHARS = frozenset(_OPEN) | frozenset(_CLOSE) | frozenset(_STRAIGHT) | {"`"}


@dataclass(frozen=True, slots=True)
class Marked:
    """A quoted span: `open` and `close` are the positions of its marks (the inside is
    `inner`, the whole quote with its marks text[open:end]); `depth` 0 is outermost; `paragraphs` > 1 for a quote that
    runs on across paragraph breaks."""

    open: int
    close: int
    style: Style
    depth: int
    paragraphs: int = 1
    open_len: int = 1  # 2 for the typewriter doubles `` and ''
    close_len: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        """The span between the marks."""
        return self.open + self.open_len, self.close

    @property
    def end(self) -> int:
        """Just after the closing mark."""
        return self.close + self.close_len


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
    style: Style
    straight: bool
    paragraphs: int = 1
    length: int = 1


def _scan_paragraph(text: str, start: int, end: int, carry: _Open | None, found: list[Marked]) -> _Open | None:
    """Pair the marks of one paragraph; return the outer quote if it runs on."""
    stack: list[_Open] = []
    first = _first_visible(text, start, end)
    if carry is not None:
        if first is not None and _role(text, first, stack) == OPEN and _style(text[first:first + 2]) == DOUBLE:
            # The continuation mark: the carried quote goes on, this mark opens nothing.
            stack.append(_Open(carry.pos, carry.style, carry.straight, carry.paragraphs + 1, carry.length))
            start = first + _mark_len(text, first)
    i = start
    while i < end:
        if text[i] not in _MARK_CHARS:
            i += 1
            continue
        length = _mark_len(text, i)
        mark = text[i:i + length]
        role = _role(text, i, stack)
        if role == OPEN:
            stack.append(_Open(i, _style(mark), mark[0] in _STRAIGHT, 1, length))
        elif role == CLOSE:
            _close(stack, i, _style(mark), found, length)
        i += length
    # Only an outer double quote runs on; an unclosed single mark is an apostrophe.
    if stack and stack[0].style == DOUBLE and _continues(text, end):
        return stack[0]
    return None


def _close(stack: list[_Open], i: int, style: Style, found: list[Marked], length: int) -> None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].style == style:
            opened = stack[depth]
            del stack[depth:]  # marks opened inside and never closed were not quotes
            if i > opened.pos + opened.length:
                found.append(Marked(opened.pos, i, style, depth, opened.paragraphs, opened.length, length))
            return


def _mark_len(text: str, i: int) -> int:
    return 2 if text[i:i + 2] in _TYPEWRITER else 1


def _role(text: str, i: int, stack: list[_Open]) -> Side | None:
    """OPEN, CLOSE or None (an apostrophe, a prime, an unpaired mark)."""
    length = _mark_len(text, i)
    ch = text[i:i + length]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + length] if i + length < len(text) else " "
    style = _style(ch)
    if ch == "``":
        return OPEN
    if style == SINGLE and prev.isalnum() and nxt.isalnum():
        return None  # don't, Clinton's, rock'n'roll
    if ch in _OPEN:
        if style == SINGLE and nxt.isdigit():
            return None  # the '90s
        return OPEN
    open_styles = [o.style for o in stack]
    if ch in _CLOSE:
        if style == SINGLE and SINGLE not in open_styles:
            return None  # a possessive "voters’ "
        return CLOSE
    # Straight marks: close what is open, else open when placed like an opening mark.
    left_flank = prev in _OPENERS_BEFORE or prev.isspace()
    if style in open_styles and not (left_flank and not nxt.isspace() and style == SINGLE):
        return CLOSE
    if left_flank and not nxt.isspace():
        if style == SINGLE and nxt.isdigit():
            return None
        return OPEN
    return None


def _style(ch: str) -> Style:
    if ch in _TYPEWRITER:
        return DOUBLE
    ch = ch[:1]
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
    return i < len(text) and (text[i] in ('"', "\u201c", "\u201e", "\u00ab") or text[i:i + 2] in _TYPEWRITER)


def inside_quotes(text: str, offset: int) -> bool:
    """Is `offset` inside quotation marks of its paragraph (an opening curly mark not yet
    closed, or an odd number of straight ones before it)? A cheap test without pairing:
    extract/references.py asks it of pronouns and their antecedents.
    A quoted "he" or "she" is the speaker's reference, as often to someone the reader
    cannot see as to a person named before; a quoted "they" still points back to the
    group the story follows."""
    para = text[text.rfind("\n", 0, offset) + 1 : offset]
    return para.count("\u201c") > para.count("\u201d") or para.count('"') % 2 == 1
