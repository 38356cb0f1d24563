"""Text that remembers where each of its characters came from in the source input.

Cleaning cuts, joins and trims text; a `MappedText` carries, next to its string, the
segments `(text_start, source_start, length)` that say which runs of it are copied
from the source. Characters that have no source (a paragraph break we insert) or whose
source differs by more than whitespace (Unicode NFC changes) are simply not covered.

The invariant, checked by the tests as a property: for every segment and every
`0 <= k < length`, `text[t + k] == source[s + k]`, except that a space in `text` may
stand for any whitespace character of the source (whitespace runs are collapsed).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

Segment = tuple[int, int, int]  # (text_start, source_start, length)


@dataclass(frozen=True, slots=True)
class MappedText:
    text: str
    segments: tuple[Segment, ...] = ()

    @classmethod
    def copied(cls, text: str, source_start: int) -> MappedText:
        """A run copied verbatim from the source at `source_start`."""
        return cls(text, ((0, source_start, len(text)),) if text else ())

    @classmethod
    def unmapped(cls, text: str) -> MappedText:
        return cls(text, ())

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, start: int, end: int | None = None) -> MappedText:
        """The characters [start:end], with the segments that cover them."""
        n = len(self.text)
        end = n if end is None else min(end, n)
        start = max(0, start)
        if start >= end:
            return MappedText("", ())
        segs = []
        for t, s, length in self.segments:
            a, b = max(t, start), min(t + length, end)
            if a < b:
                segs.append((a - start, s + (a - t), b - a))
        return MappedText(self.text[start:end], tuple(segs))

    def strip(self) -> MappedText:
        stripped = self.text.strip()
        if not stripped:
            return MappedText("", ())
        start = len(self.text) - len(self.text.lstrip())
        return self.slice(start, start + len(stripped))

    def source_offset(self, i: int) -> int | None:
        """The source offset of text character `i`, or None when it has no source."""
        starts = [t for t, _, _ in self.segments]
        k = bisect.bisect_right(starts, i) - 1
        if k >= 0:
            t, s, length = self.segments[k]
            if i < t + length:
                return s + (i - t)
        return None


def concat(parts: Iterable[MappedText]) -> MappedText:
    """Join pieces end to end, merging segments that continue each other in the source."""
    texts: list[str] = []
    segs: list[Segment] = []
    offset = 0
    for part in parts:
        texts.append(part.text)
        for t, s, length in part.segments:
            t += offset
            if segs and segs[-1][0] + segs[-1][2] == t and segs[-1][1] + segs[-1][2] == s:
                pt, ps, pl = segs[-1]
                segs[-1] = (pt, ps, pl + length)
            else:
                segs.append((t, s, length))
        offset += len(part.text)
    return MappedText("".join(texts), tuple(segs))


def join(parts: Iterable[MappedText], sep: str) -> MappedText:
    """Like `sep.join(...)`: the separator is inserted text with no source."""
    out: list[MappedText] = []
    for n, part in enumerate(parts):
        if n:
            out.append(MappedText.unmapped(sep))
        out.append(part)
    return concat(out)
