"""Boilerplate patterns that open with the same guards, each guard tried once per line.

Many rules of knowledge/boilerplate.yaml open with the same negative lookaheads: "no
quote mark" (`^(?![^"“”]*["“”])`) and "no speech verb" (`^(?!.*\\b(?:said|says|
told|...)\\b)`). Each lookahead reads the whole line, so a line that no rule matches
was read again for every one of some 40 patterns (about half the clean stage's time on
news text, issue 20). A pattern `^(?!G1)(?!G2)BODY` matches a line exactly when neither
G1 nor G2 matches at its start and `^(?:BODY)` matches: the lookaheads are split off
and their answers kept for the line in a memo shared by every rule that asks.

Only that shape is split: a `^`, one or more leading `(?!...)`, then a body with no
`|` outside brackets (`^(?!G)a|b` guards `a` alone). Every other pattern is searched
as it is.

Split guards and bodies are compiled when a line first needs them, not when the rules
are read: a short document rules most bodies out by their guards; compiling them all
again cost ~7 ms of the ~1.4 CPU s to a first result (issue 20). The boilerplate rules
go further (`layout`, `built`): their patterns are validated and laid out once per
version of boilerplate.yaml and kept in the compiled-knowledge cache, so a process
compiles only the guards and bodies its lines reach (compiling all 256 patterns to
validate them had grown to ~100 ms of start-up), and builds each from its compiled form
kept in the cache folder (knowledge/regex_cache.py) rather than compiling it again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..knowledge.regex_cache import regex

_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
Memo = dict[str, bool]  # guard source -> did it match at the line's start (so: no match)


class Guard:
    """A lookahead's body, compiled on first use; a match at 0 rules the line out."""

    __slots__ = ("source", "flags", "_compiled")

    def __init__(self, source: str, flags: int) -> None:
        self.source, self.flags = source, flags
        self._compiled: re.Pattern[str] | None = None

    def rules_out(self, text: str) -> bool:
        if self._compiled is None:
            self._compiled = regex(self.source, self.flags)
        return self._compiled.match(text) is not None


class Guarded:
    """Patterns of one rule that share their guards (none for patterns searched as they
    are); the bodies are compiled together the first time a line passes the guards."""

    __slots__ = ("guards", "sources", "_bodies")

    def __init__(self, guards: tuple[Guard, ...], bodies: list[tuple[str, int]]) -> None:
        self.guards = guards
        self.sources = tuple(bodies)  # (source, flags) of each body yet to compile
        self._bodies: tuple[re.Pattern[str], ...] | None = None

    def bodies(self) -> tuple[re.Pattern[str], ...]:
        if self._bodies is None:
            self._bodies = tuple(regex(*b) for b in self.sources)
        return self._bodies


# A rule's patterns grouped by their leading guards, split off where the shape allows (the
# order of patterns within a rule does not change whether one is found), as plain strings
# for the compiled-knowledge cache: per group, the guards and the bodies to search
Layout = tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]


def layout(sources: Iterable[str]) -> Layout:
    """The patterns' sources grouped by their leading guards: each group's guards, and its
    bodies (`^(?:BODY)` where the guards were split off, else the pattern as it is)."""
    groups: dict[tuple[str, ...], list[str]] = {}
    for source in sources:
        split = split_guards(source)
        if split is None:
            groups.setdefault((), []).append(source)
            continue
        guards, body = split
        groups.setdefault(guards, []).append(f"^(?:{body})")
    return tuple((guards, tuple(bodies)) for guards, bodies in groups.items())


def built(layout: Layout, flags: int, shared: dict[str, Guard]) -> tuple[Guarded, ...]:
    """The plan a layout describes, every guard and body compiled on first use (all with
    `flags`); `shared` holds each distinct guard, compiled at most once across all rules."""
    out = []
    for guards, bodies in layout:
        for g in guards:
            if g not in shared:
                shared[g] = Guard(g, flags)
        out.append(Guarded(tuple(shared[g] for g in guards), [(b, flags) for b in bodies]))
    return tuple(out)


def search_any(plan: tuple[Guarded, ...], text: str, memo: Memo) -> bool:
    """Whether any pattern of `plan` is found in `text` (as `any(p.search(text))`).
    Plain loops: this runs some 50,000 times per 100 news stories."""
    for group in plan:
        ruled_out = False
        for guard in group.guards:
            hit = memo.get(guard.source)
            if hit is None:
                hit = memo[guard.source] = guard.rules_out(text)
            if hit:
                ruled_out = True
                break
        if ruled_out:
            continue
        bodies = group._bodies
        if bodies is None:
            bodies = group.bodies()
        for body in bodies:
            if body.search(text):
                return True
    return False


def split_guards(source: str) -> tuple[tuple[str, ...], str] | None:
    """('G1', 'G2'), 'BODY' for `^(?!G1)(?!G2)BODY`; None for any other shape."""
    if not source.startswith("^(?!") or _BACKREFERENCE.search(source):
        return None  # (a backreference would count groups across the split)
    guards, i = [], 1
    while source.startswith("(?!", i):
        end = _group_end(source, i)
        if end is None:
            return None
        guards.append(source[i + 3 : end])
        i = end + 1
    body = source[i:]
    if _top_level_bar(body):
        return None
    return tuple(guards), body


def _group_end(source: str, start: int) -> int | None:
    """The index of the `)` closing the group opened at `start`."""
    depth = 0
    for i, kind in _structure(source, start):
        depth += 1 if kind == "(" else -1 if kind == ")" else 0
        if depth == 0 and kind == ")":
            return i
    return None


def _top_level_bar(source: str) -> bool:
    depth = 0
    for _, kind in _structure(source, 0):
        depth += 1 if kind == "(" else -1 if kind == ")" else 0
        if kind == "|" and depth == 0:
            return True
    return False


def _structure(source: str, start: int) -> Iterable[tuple[int, str]]:
    """The positions of the unescaped `(`, `)` and `|` outside character classes."""
    i = start
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(source, i)
        elif ch in "()|":
            yield i, ch
        i += 1


def _class_end(source: str, start: int) -> int:
    """The index of the `]` closing the class opened at `start` (a `]` first in the
    class, after an optional `^`, is a member)."""
    i = start + 1
    if i < len(source) and source[i] == "^":
        i += 1
    if i < len(source) and source[i] == "]":
        i += 1
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i
