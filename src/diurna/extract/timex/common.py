"""Helpers shared by the rule modules (absolute, relative, spans)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ...knowledge.regex_cache import regex
from ...model import TimeType
from .lexicon import lexicon
from .reading import Ctx, Reading

Handler = Callable[[re.Match[str], Ctx], "Reading | list[Reading] | None"]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern, its normaliser, and trigger words: the pattern is only tried near a
    token in `triggers` ("#" stands for any token starting with a digit), which keeps
    the cascade fast on long texts (regexes with optional prefixes are slow to scan).
    `source` is the pattern with its pieces filled in; it is compiled (verbose and
    case-insensitive) the first time a text holds one of its triggers, so start-up does
    not pay for rules a short text never tries."""

    name: str
    source: str
    handler: Handler
    triggers: frozenset[str] = frozenset()

    @property
    def pattern(self) -> re.Pattern[str]:
        return compiled(self.source)


@cache
def compiled(source: str) -> re.Pattern[str]:
    """A rule's pattern, compiled once per process (the same source, the same pattern)."""
    return regex(source, re.I | re.X)  # rebuilt from the cache folder's compiled form
def r_(m: re.Match[str], type_: TimeType, value: str, rule: str, group: str | int = 0) -> Reading:
    s, e = m.span(group)
    return Reading(s, e, type_, value, rule)


def cap(word: str) -> bool:
    return word[:1].isupper()


def month(word: str) -> int:
    return int(lexicon().month.get(word) or 0)


def weekday(word: str) -> int:
    return int(lexicon().weekday.get(word) or 0)


def part(word: str | None) -> str:
    return "" if not word else "T" + (lexicon().part.get(word) or "")


# How a rule name spells a direction: HOW[-1] "last", HOW[0] "this", HOW[1] "next".
HOW = ("this", "next", "last")


def direction(word: str) -> int:
    return int(lexicon().direction.get(word.split()[-1]) or 0)


