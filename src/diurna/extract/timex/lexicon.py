"""The time words of `knowledge/time_words.tsv`, as immutable lookups and regex pieces."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from ...knowledge import read_tsv

KINDS = ("month", "weekday", "number", "ordinal", "unit", "season", "part", "ref", "set", "holiday",
         "direction")


@dataclass(frozen=True, slots=True)
class Lexicon:
    words: Mapping[str, Mapping[str, str]]  # kind -> {word: value}

    def get(self, kind: str, word: str) -> str | None:
        return self.words[kind].get(_key(word))

    def alternation(self, kind: str, *, min_len: int = 0) -> str:
        """A regex alternation of a kind's words, longest first so "sept" beats "sep"."""
        words = sorted((w for w in self.words[kind] if len(w) >= min_len), key=len, reverse=True)
        return "|".join(w.replace(" ", r"\s+").replace(".", r"\.") for w in words)


def _key(word: str) -> str:
    return " ".join(word.lower().rstrip(".").replace("’", "'").split())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    table: dict[str, dict[str, str]] = {k: {} for k in KINDS}
    for kind, word, value in read_tsv("time_words.tsv", 3):
        if kind not in table:
            raise ValueError(f"time_words.tsv: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        if word in table[kind]:
            raise ValueError(f"time_words.tsv: {kind} {word!r} listed twice")
        _check(kind, word, value)
        table[kind][word] = value
    return Lexicon(MappingProxyType({k: MappingProxyType(v) for k, v in table.items()}))


def _check(kind: str, word: str, value: str) -> None:
    ok = {
        "month": lambda v: v.isdigit() and 1 <= int(v) <= 12,
        "weekday": lambda v: v.isdigit() and 1 <= int(v) <= 7,
        "number": lambda v: v == "X" or _is_number(v),
        "ordinal": lambda v: v == "L" or v.isdigit(),
        "unit": lambda v: v.lstrip("0123456789") in ("TS", "TM", "TH", "D", "W", "M", "Q", "Y"),
        "season": lambda v: v in ("SP", "SU", "FA", "WI"),
        "part": lambda v: v in ("MO", "AF", "EV", "NI"),
        "ref": lambda v: v in ("PAST_REF", "PRESENT_REF", "FUTURE_REF"),
        "set": lambda v: v.startswith("P"),
        "holiday": lambda v: len(v) == 5 and v[2] == "-",
        "direction": lambda v: v in ("-1", "1"),
    }[kind]
    if not ok(value):
        raise ValueError(f"time_words.tsv: bad value {value!r} for {kind} {word!r}")


def _is_number(v: str) -> bool:
    try:
        float(v)
    except ValueError:
        return False
    return True
