"""The time words of `knowledge/time_words.tsv`, as immutable lookups and regex pieces.

One field of `Lexicon` per kind of word (the first column of the file); each kind
declares how its values are checked, so a typo in the file fails at load with the line
to fix instead of silently changing what the tagger reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from ...knowledge import read_tsv

FILE = "time_words.tsv"
# The values of tense cues, as context.tense returns them (NO_TENSE: a word that looks
# like a tense cue and is not one).
PAST, PRESENT, FUTURE, NO_TENSE = "past present future none".split()
TENSES = (PAST, PRESENT, FUTURE)


@dataclass(frozen=True, slots=True)
class Words:
    """The words of one kind and their values, in file order."""

    values: Mapping[str, str]

    def get(self, word: str) -> str | None:
        return self.values.get(key(word))

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and key(word) in self.values

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def alternation(self, *, min_len: int = 0) -> str:
        """A regex alternation of the words, longest first so "sept" beats "sep"."""
        return alternation(w for w in self.values if len(w) >= min_len)

    def parts(self) -> frozenset[str]:
        """The single words the entries are made of ("the past" -> "the", "past")."""
        return frozenset(part for w in self.values for part in w.split())


def alternation(words: object) -> str:
    ordered = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(w.replace(" ", r"\s+").replace(".", r"\.") for w in ordered)


def _int_in(lo: int, hi: int) -> Callable[[str], bool]:
    return lambda v: bool(re.fullmatch(r"-?\d+", v)) and lo <= int(v) <= hi


def _one_of(values: str) -> Callable[[str], bool]:
    return lambda v: v in values.split()


def _is_number(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True


def _kind(check: Callable[[str], bool]) -> Words:
    return field(metadata={"check": check})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One `Words` per kind; the field names are the kinds of time_words.tsv."""

    month: Words = _kind(_int_in(1, 12))
    weekday: Words = _kind(_int_in(1, 7))
    number: Words = _kind(lambda v: v == "X" or _is_number(v))
    ordinal: Words = _kind(lambda v: v == "L" or v.isdigit())
    unit: Words = _kind(lambda v: v.lstrip("0123456789") in "TS TM TH D W M Q Y".split())
    season: Words = _kind(_one_of("SP SU FA WI"))
    part: Words = _kind(_one_of("MO AF EV NI"))
    ref: Words = _kind(_one_of("PAST_REF PRESENT_REF FUTURE_REF"))
    set: Words = _kind(lambda v: v.startswith("P"))
    holiday: Words = _kind(lambda v: bool(re.fullmatch(r"\d\d-\d\d", v)))
    day: Words = _kind(_int_in(-1, 1))
    day_with_part: Words = _kind(_int_in(-1, 1))
    day_phrase: Words = _kind(_int_in(-2, 2))
    day_part: Words = _kind(_one_of("MO AF EV NI"))
    direction: Words = _kind(_one_of("-1 1"))
    anaphoric: Words = _kind(_int_in(-1, 1))
    ago: Words = _kind(_one_of("-1 1"))
    quarter_ordinal: Words = _kind(_int_in(1, 4))
    clock: Words = _kind(_int_in(0, 24))
    meridiem: Words = _kind(_one_of("AM PM"))
    movable_holiday: Words = _kind(lambda v: bool(re.fullmatch(r"(?:EASTER|THANKSGIVING)(?:[+-]\d+)?", v)))
    tense: Words = _kind(lambda v: v in (*TENSES, NO_TENSE))
    tense_before_to: Words = _kind(lambda v: v == FUTURE)
    tense_after_to: Words = _kind(lambda v: v == FUTURE)
    untensed_after: Words = _kind(lambda v: v == NO_TENSE)
    article: Words = _kind(lambda v: v == "1")
    vague_count: Words = _kind(lambda v: v == "X")
    connective: Words = _kind(lambda v: v == "-")


KINDS = tuple(f.name for f in fields(Lexicon))


def key(word: str) -> str:
    return " ".join(word.lower().rstrip(".").replace("’", "'").split())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return parse(read_tsv(FILE, 3))


def parse(rows: tuple[tuple[str, ...], ...], source: str = FILE) -> Lexicon:
    """Build the lexicon from (kind, word, value) rows; unknown kinds, repeated words
    and values of the wrong shape are errors that name the row to fix."""
    checks = {f.name: f.metadata["check"] for f in fields(Lexicon)}
    table: dict[str, dict[str, str]] = {k: {} for k in KINDS}
    for kind, word, value in rows:
        if kind not in table:
            raise ValueError(f"{source}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        if word != key(word):
            raise ValueError(f"{source}: write {kind} {word!r} as {key(word)!r} (lower case, single spaces)")
        if word in table[kind]:
            raise ValueError(f"{source}: {kind} {word!r} listed twice")
        if not checks[kind](value):
            raise ValueError(f"{source}: bad value {value!r} for {kind} {word!r}")
        table[kind][word] = value
    return Lexicon(**{k: Words(MappingProxyType(v)) for k, v in table.items()})
