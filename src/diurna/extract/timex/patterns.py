"""Regex pieces built from the time-word lexicon, shared by the rules."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import lexicon

YEAR = r"(?:1[6-9]|20)\d\d"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
ONES = "one|two|three|four|five|six|seven|eight|nine"


@lru_cache(maxsize=1)
def pieces() -> dict[str, str]:
    lex = lexicon()
    units = lex.alternation("unit").replace("century", r"centur(?:y|ies)")
    months = sorted(lex.words["month"], key=len, reverse=True)
    full = "|".join(w for w in months if len(w) > 4 or w in ("may", "june", "july"))
    abbr = "|".join(w for w in months if not (len(w) > 4 or w in ("may", "june", "july")))
    return {
        # Only abbreviations take a dot: "Sept. 3", but "3 March." ends a sentence.
        "MONTH": rf"(?:{full}|(?:{abbr})\.?)",
        "MONTH_FULL": rf"(?:{lex.alternation('month', min_len=5)}|may|june|july)",
        "WEEKDAY": rf"(?:{lex.alternation('weekday')})",
        "NUM": rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{TENS})[\s-](?:{ONES})|{lex.alternation('number')})",
        "UNIT": rf"(?:{units})(?:s|es)?",
        "ORD": rf"(?:{lex.alternation('ordinal')})",
        "SEASON": rf"(?:{lex.alternation('season')})",
        "PART": r"(?:morning|afternoon|evening|night)",
        "REF": rf"(?:{lex.alternation('ref')})",
        "SET": rf"(?:{lex.alternation('set')})",
        "HOLIDAY": rf"(?:{lex.alternation('holiday')}|thanksgiving(?:\s+day)?|easter(?:\s+sunday)?|good\s+friday)",
        "YEAR": YEAR,
        "DAY": DAY,
    }


def compile_rule(pattern: str, flags: int = re.I) -> re.Pattern[str]:
    """Fill {PIECES} into a rule pattern and compile it (verbose mode, case-insensitive)."""
    p = pieces()
    for name, piece in p.items():
        pattern = pattern.replace("{" + name + "}", piece)
    return re.compile(pattern, flags | re.X)


def number(text: str) -> float | None:
    """"two" -> 2, "twenty four" -> 24, "5 1/2" -> 5.5, "several" -> None (vague)."""
    t = " ".join(text.lower().replace("-", " ").split())
    if t.endswith(" 1/2"):
        return float(t[:-4]) + 0.5
    try:
        return float(t)
    except ValueError:
        pass
    lex = lexicon()
    v = lex.get("number", t)
    if v is not None:
        return None if v == "X" else float(v)
    parts = t.split()
    if len(parts) == 2 and parts[0] in TENS.split("|") and parts[1] in ONES.split("|"):
        # every TENS and ONES word is in the number lexicon
        return float(lex.get("number", parts[0])) + float(lex.get("number", parts[1]))  # type: ignore[arg-type]
    return None


def unit_code(word: str) -> str:
    w = word.lower()
    if w.startswith("centur"):
        return "100Y"
    lex = lexicon()
    for cand in (w, w[:-1], w[:-2]):
        v = lex.get("unit", cand)
        if v is not None:
            return v
    raise KeyError(word)
