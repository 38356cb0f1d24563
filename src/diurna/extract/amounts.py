"""Money amounts (and a few precise counts) with character offsets.

Money: a currency symbol or ISO code before the figure ("€2.5 billion", "US$2.7bn",
"HK$300m", "EUR 40 million") or a currency name or code after it ("300 million euros",
"5bn naira", "12 million USD"), normalised to a numeric value and an ISO 4217 code
from `knowledge/currencies.tsv`. A range ("$3-5 million") gives two amounts (the low
end takes the high end's scale and currency); a conversion in brackets ("€2.5 billion
(US$2.7 billion)") gives both amounts, the second marked `:conversion`; "about",
"around", "nearly", "more than" ... stay outside the span and mark the rule `:approx`.
A bare "$" is USD; a bare "¥" is JPY unless the sentence speaks of yuan/renminbi.
Words that are also ordinary English ("pounds" of weight, "won" the verb) count as
money only with a scale ("5 million pounds") or a currency symbol.

Counts: a figure directly before a noun of a closed list (people, civilians,
soldiers, agreements, ...) becomes an amount with `unit` set and no currency. Other
numbers are left alone on purpose: a flood of bare numbers helps nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import Enum, auto
from functools import lru_cache
from typing import TYPE_CHECKING

from ..knowledge import amount_words, grammar, read_tsv
from ..knowledge.regex_cache import regex
from ..model import Amount, Document, Facts
from ..settings import Settings
from .base import AMOUNTS, ExtractFn, ExtractorSpec

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "diurna.amounts.v1"

# Scales, number words, count nouns and approximators: knowledge/amount_words.yaml.
_WORDS = amount_words.load()
# Currency names that are also common words: money only with a scale or a symbol.
_AMBIGUOUS = grammar.load().ambiguous_currency_words
_APPROX = re.compile(rf"\b(?:{'|'.join(_WORDS.approximators)})\s+$".replace(" ", r"\s+"), re.I)


@dataclass(frozen=True, slots=True)
class Currencies:
    symbols: dict[str, str]  # symbol as written -> ISO code
    names: dict[str, str]  # lower-case name -> ISO code
    codes: frozenset[str]


@lru_cache(maxsize=1)
def currencies() -> Currencies:
    symbols: dict[str, str] = {}
    names: dict[str, str] = {}
    codes: set[str] = set()
    for code, syms, nms in read_tsv("currencies.tsv", 3):
        if not re.fullmatch(r"[A-Z]{3}", code) or code in codes:
            raise ValueError(f"currencies.tsv: bad or repeated ISO 4217 code {code!r}")
        codes.add(code)
        for s in (x for x in syms.split("|") if x and x != code):
            if symbols.setdefault(s, code) != code:
                raise ValueError(f"currencies.tsv: symbol {s!r} given to {symbols[s]} and {code}")
        for n in (x for x in nms.split("|") if x):
            if names.setdefault(n, code) != code:
                raise ValueError(f"currencies.tsv: name {n!r} given to {names[n]} and {code}")
    return Currencies(symbols, names, frozenset(codes))


@lru_cache(maxsize=1)
def _yuan_context() -> re.Pattern[str]:
    """The names of the yuan (and its letter symbols, "RMB") in currencies.tsv: a sentence
    that speaks of them reads a bare "¥" as CNY."""
    cur = currencies()
    words = [n for n, c in cur.names.items() if c == "CNY"] + [s for s, c in cur.symbols.items()
                                                               if c == "CNY" and s.isalpha()]
    return regex(rf"\b(?:{_alt(words)})\b", re.I)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _triggers() -> tuple[frozenset[str], frozenset[str]]:
    """The words that end a name-after amount ("euros", "USD") or a count ("people"):
    the costly patterns run only in windows before them (big regex alternations are
    slow to scan in Python, a set lookup per word is not)."""
    cur = currencies()
    names = {n.split()[-1].rstrip(".") for n in cur.names} | {c.lower() for c in cur.codes}
    counts = {w.split()[-1] for w in _WORDS.count_nouns}
    return frozenset(names), frozenset(counts)


def _windowed(pattern: re.Pattern[str], trigger: frozenset[str], text: str):
    seen: set[tuple[int, int]] = set()
    for t in _TOKEN.finditer(text):
        if t.group(0).lower() not in trigger:
            continue
        for m in pattern.finditer(text, max(0, t.start() - 60), t.end()):
            if m.span() not in seen:
                seen.add(m.span())
                yield m


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cur = currencies()
    num = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    # a scale of one letter only against the figure ("300m"), a longer one after a space too
    scale = (rf"(?:\s*(?:{_alt([w for w in _WORDS.scales if len(w) > 1])})\b"
             rf"|(?:{_alt([w for w in _WORDS.scales if len(w) == 1])})\b)")
    words = _alt([w for w, v in _WORDS.numbers.items() if v is not None])
    count_nouns = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _WORDS.count_nouns)
    syms = _alt(list(cur.symbols) + sorted(cur.codes))
    names = _alt(list(cur.names))
    codes = "|".join(sorted(cur.codes))
    symbol_first = regex(
        rf"(?<![\w$€£¥])(?P<sym>{syms})\s?(?P<num>{num})(?P<scale>{scale})?"
        rf"(?:\s*(?:-|–|to)\s*(?P<hi>(?:{syms})?\s?(?P<num2>{num})(?P<scale2>{scale})?))?(?![\d.,]\d)")
    name_after = regex(
        rf"(?<![\w$€£¥.,])(?P<num>{num}|{words})(?P<scale>{scale})?"
        rf"(?:\s*(?:-|–|to)\s*(?P<hi>(?P<num2>{num})(?P<scale2>{scale})?))?\s*(?:of\s+)?"
        rf"(?:(?P<name>{names})\b|(?P<code>{codes})\b)", re.I)
    counts = regex(
        rf"(?<![\w$€£¥.,-])(?P<num>{num}|{words})(?P<scale>\s+(?:thousand|million))?"
        rf"(?:\s+(?:{_alt(list(_WORDS.count_modifiers))}))?"
        rf"\s+(?P<unit>{count_nouns})\b", re.I)
    return symbol_first, name_after, counts


def _number(text: str) -> Decimal | None:
    t = " ".join(text.lower().split())
    if t in _WORDS.numbers:
        return _WORDS.numbers[t]
    try:
        return Decimal(t.replace(",", ""))
    except InvalidOperation:
        return None


def _scale(text: str | None) -> int:
    return _WORDS.scales[text.strip().lower()] if text else 1


def _value(num: Decimal, scale: int) -> int | float:
    v = num * scale
    return int(v) if v == v.to_integral_value() else float(v)


def build(settings: Settings) -> ExtractFn:
    _patterns(), _triggers()  # compile once, at build time

    def extract_amounts(document: Document, doc: Doc, facts: Facts) -> Facts:
        return replace(facts, amounts=find_amounts(document.text))

    return extract_amounts


class _Form(Enum):
    """How an amount is written: "$5 million", "5 million dollars", "5,000 people"."""

    SYMBOL = auto()
    NAME = auto()
    COUNT = auto()


def find_amounts(text: str) -> tuple[Amount, ...]:
    """Money amounts and counts in `text`, in order, without overlaps."""
    symbol_first, name_after, counts = _patterns()
    name_trigger, count_trigger = _triggers()
    found: list[Amount] = []
    taken: list[tuple[int, int]] = []
    for kind, matches in ((_Form.SYMBOL, symbol_first.finditer(text)),
                          (_Form.NAME, _windowed(name_after, name_trigger, text)),
                          (_Form.COUNT, _windowed(counts, count_trigger, text))):
        for m in matches:
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            amounts = _read(kind, m, text)
            if amounts:
                found.extend(amounts)
                taken.append(m.span())
    return tuple(sorted(found, key=lambda a: a.start))


def _read(kind: _Form, m: re.Match[str], text: str) -> list[Amount]:
    cur = currencies()
    scale2 = _scale(m["scale2"]) if "scale2" in m.re.groupindex else 1
    scale = _scale(m["scale"]) if m["scale"] else (scale2 if m.groupdict().get("num2") else 1)
    num = _number(m["num"])
    if num is None:
        return []
    unit = None
    if kind is _Form.SYMBOL:
        sym = m["sym"]
        code = cur.symbols.get(sym, sym if sym in cur.codes else None)
        if code == "JPY" and sym == "¥" and _yuan_context().search(_sentence(text, m.start(), m.end())):
            code = "CNY"
        if sym.isalpha() and len(sym) <= 2 and not m["scale"] and "." not in m["num"] and "," not in m["num"]:
            return []  # "Rs 5" is fine with a scale or decimals; bare two-letter symbols are too risky
    elif kind is _Form.NAME:
        word = " ".join((m["name"] or "").lower().split())
        code = cur.names.get(word) if word else (m["code"] if m["code"] in cur.codes else None)
        if code is None or (word in _AMBIGUOUS and not m["scale"]):
            return []
        if m["code"] and not m["code"].isupper():
            return []
    else:
        code, unit = None, " ".join(m["unit"].lower().split())
        if num == num.to_integral_value() and 1900 <= num <= 2100 and "," not in m["num"]:
            return []  # "2024 people" is more often a year than a count
    rule = f"{VERSION}:{'money.' if code else 'count.'}{kind.name.lower()}"  # "money.symbol"
    if _APPROX.search(text[max(0, m.start() - 24):m.start()]):
        rule += ":approx"
    if re.search(r"\(\s*$", text[max(0, m.start() - 3):m.start()]) and re.search(r"\d[^()]{0,25}\)?\s*\($",
                                                                                  text[max(0, m.start() - 40):m.start()]):
        rule += ":conversion"
    first_end = m.end("scale") if m["scale"] else m.end("num")
    if not m.groupdict().get("num2"):
        return [Amount(text=m.group(0), start=m.start(), end=m.end(), value=_value(num, scale), currency=code,
                       unit=unit, rule=rule)]
    num2 = _number(m["num2"])
    if num2 is None or num2 <= num:
        return []
    low = Amount(text=text[m.start():first_end], start=m.start(), end=first_end, value=_value(num, scale),
                 currency=code, unit=unit, rule=rule + ":range-low")
    high = Amount(text=text[m.start("hi"):m.end()], start=m.start("hi"), end=m.end(),
                  value=_value(num2, scale2), currency=code, unit=unit, rule=rule + ":range-high")
    return [low, high]


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), 0)
    right = text.find(". ", end)
    return text[left:right if right >= 0 else len(text)]


SPEC = ExtractorSpec(
    name=AMOUNTS,
    version=VERSION,
    requires=(),
    assigns=(AMOUNTS,),
    spacy=(),
    build=build,
)
