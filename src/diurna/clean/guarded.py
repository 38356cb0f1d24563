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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")
Memo = dict[str, bool]  # guard source -> did it match at the line's start (so: no match)


@dataclass(frozen=True, slots=True)
class Guarded:
    """Patterns of one rule that share their guards (none for patterns searched as they are)."""

    guards: tuple[re.Pattern[str], ...]  # lookahead bodies; a match at 0 rules the line out
    bodies: tuple[re.Pattern[str], ...]  # `^(?:BODY)` once the guards are split off


def plan(patterns: Iterable[re.Pattern[str]], shared: dict[str, re.Pattern[str]]) -> tuple[Guarded, ...]:
    """A rule's patterns grouped by their leading guards, split off where the shape
    allows (the order of patterns within a rule does not change whether one is found);
    `shared` holds each distinct guard compiled once across all rules."""
    groups: dict[tuple[str, ...], list[re.Pattern[str]]] = {}
    for pattern in patterns:
        split = split_guards(pattern.pattern)
        if split is None:
            groups.setdefault((), []).append(pattern)
            continue
        guards, body = split
        for g in guards:
            shared.setdefault(g, re.compile(g, pattern.flags))
        groups.setdefault(guards, []).append(re.compile(f"^(?:{body})", pattern.flags))
    return tuple(Guarded(tuple(shared[g] for g in guards), tuple(bodies)) for guards, bodies in groups.items())


def search_any(plan: tuple[Guarded, ...], text: str, memo: Memo) -> bool:
    """Whether any pattern of `plan` is found in `text` (as `any(p.search(text))`).
    Plain loops: this runs some 50,000 times per 100 news stories."""
    for group in plan:
        ruled_out = False
        for guard in group.guards:
            hit = memo.get(guard.pattern)
            if hit is None:
                hit = memo[guard.pattern] = guard.match(text) is not None
            if hit:
                ruled_out = True
                break
        if ruled_out:
            continue
        for body in group.bodies:
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
