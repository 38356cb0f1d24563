"""Regex pieces built from the time-word lexicon, shared by the rules."""

from __future__ import annotations

import re
from functools import lru_cache

from ...knowledge.time_rules import rulebook
from .lexicon import Words, alternation, lexicon

YEAR = r"(?:1[6-9]|20)\d\d"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


def _abbreviations(months: Words) -> frozenset[str]:
    """Month words that shorten another word of the same month ("sept" of "september")."""
    return frozenset(w for w in months for full in months
                     if full != w and full.startswith(w) and months.get(full) == months.get(w))


@lru_cache(maxsize=1)
def pieces() -> dict[str, str]:
    lex = lexicon()
    abbreviated = _abbreviations(lex.month)
    full = alternation(w for w in lex.month if w not in abbreviated)
    abbr = alternation(w for w in lex.month if w in abbreviated)
    return {
        # Only abbreviations take a dot: "Sept. 3", but "3 March." ends a sentence.
        "MONTH": rf"(?:{full}|(?:{abbr})\.?)",
        "MONTH_FULL": rf"(?:{full})",
        "WEEKDAY": rf"(?:{lex.weekday.alternation()})",
        "DAY_WORD": rf"(?:{lex.day.alternation()})",
        "DAY_WITH_PART": rf"(?:{lex.day_with_part.alternation()})",
        "DAY_PHRASE": rf"(?:{lex.day_phrase.alternation()})",
        "NUM": rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{{TENS}})[\s-](?:{{ONES}})|{lex.number.alternation()})",
        "UNIT": rf"(?:{lex.unit.alternation()})(?:s|es)?",
        "ORD": rf"(?:{lex.ordinal.alternation()})",
        "SEASON": rf"(?:{lex.season.alternation()})",
        "REF": rf"(?:{lex.ref.alternation()})",
        "SET": rf"(?:{lex.set.alternation()})",
        "HOLIDAY": rf"(?:{lex.holiday.alternation()}|{{MOVABLE_HOLIDAY}})",
        "MOVABLE_HOLIDAY": rf"(?:{lex.movable_holiday.alternation()})",
        "AGO": rf"(?:{lex.ago.alternation()})",
        "QUARTER_ORD": rf"(?:{lex.quarter_ordinal.alternation()})",
        "CLOCK_WORD": rf"(?:{lex.clock.alternation()})",
        "YEAR": YEAR,
        "DAY": DAY,
        # pieces spelled in time_rules.yaml, filled last: the pieces above may use them
        **{name: f"(?:{words})" for name, words in rulebook().pieces.items()},
    }


def fill_pieces(pattern: str) -> str:
    """A rule pattern with its {PIECES} filled in (pieces may hold pieces)."""
    p = pieces()
    for _ in range(4):  # pieces nest at most a few deep; a cycle stays unfilled and fails below
        pattern = _PIECE_REF.sub(lambda m: p.get(m.group(1), m.group(0)), pattern)
    left = [n for n in _PIECE_REF.findall(pattern) if n in p]
    if left:
        raise ValueError(f"time_rules.yaml: pieces {left} refer to each other in a cycle")
    return pattern


_PIECE_REF = re.compile(r"\{([A-Z][A-Z_]*)\}")


def number(text: str) -> float | None:
    """"two" -> 2, "twenty four" -> 24, "5 1/2" -> 5.5, "several" -> None (vague)."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t.endswith(" 1/2"):
        return float(t[:-4]) + 0.5
    try:
        return float(t)
    except ValueError:
        pass
    numbers = lexicon().number
    v = numbers.get(t)
    if v is not None:
        return None if v == "X" else float(v)
    parts = t.split()
    tens, ones = rulebook().piece_words("TENS"), rulebook().piece_words("ONES")
    if len(parts) == 2 and parts[0] in tens and parts[1] in ones:
        # every TENS and ONES word is in the number lexicon (checked at load)
        return float(numbers.get(parts[0]) or 0) + float(numbers.get(parts[1]) or 0)
    return None


def unit_code(word: str) -> str:
    w = word.lower()
    units = lexicon().unit
    for cand in (w, w[:-1], w[:-2]):
        v = units.get(cand)
        if v is not None:
            return v
    raise KeyError(word)
