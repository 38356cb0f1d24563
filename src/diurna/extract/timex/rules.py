"""The cascade, as data: (name, pattern, normaliser). Patterns use {PIECES} built from
`knowledge/time_words.tsv` (see patterns.py) and are compiled verbose and
case-insensitive; normalisers check case where it matters ("May" vs "may").

Among candidates starting at the same place the longest wins; among equally long
ones, the rule listed first.
"""

from __future__ import annotations

from dataclasses import replace

from . import absolute as A
from . import relative as R
from . import spans as S
from .common import Rule
from .lexicon import lexicon
from .patterns import compile_rule as c

_WD_PREFIX = r"(?:(?P<wd>{WEEKDAY})\.?,?\s+(?:the\s+)?)?"
_REL_DIR = r"(?P<dir>last|this(?:\s+past)?|next|coming|past|previous|following|current|that|" \
           r"the\s+(?:past|last|next|coming|previous|following|preceding|current|same))"

RULES: tuple[Rule, ...] = (
    Rule("iso", c(r"\b(?P<y>{YEAR})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T\s](?P<H>[0-2]\d):(?P<M>[0-5]\d))?\b"),
         A.iso_date),
    Rule("numeric", c(r"(?<![\d/.])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)(?:/(?P<y>\d{4}|\d{2}))?(?![\d/])"),
         A.numeric_date),
    Rule("month-day", c(_WD_PREFIX + r"\b(?P<mon>{MONTH})\s+(?P<day>{DAY})\b"
                        r"(?:\s*(?:-|–|to|through|and)\s*(?P<day2>{DAY})\b)?(?:,?\s+(?P<year>{YEAR})\b)?"),
         A.month_day),
    Rule("day-month", c(_WD_PREFIX + r"\b(?P<day>{DAY})(?:\s*(?:-|–)\s*(?P<day2>{DAY}))?\s+(?:of\s+)?"
                        r"(?P<mon>{MONTH})(?!\w)(?:,?\s+(?P<year>{YEAR})\b)?"),
         A.month_day),
    Rule("month-of-year", c(r"\b(?P<mon>{MONTH_FULL}|{MONTH})\s+(?:of\s+)?(?P<dir>last|next|this)\s+year\b(?!')"),
         R.month_of_year),
    Rule("recent-units", c(r"(?P<t>\brecent\s+(?P<unit>days|weeks|months|quarters|decades))\b"), S.vague_duration),
    Rule("month-year", c(r"\b(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<year>{YEAR})\b"), A.month_year),
    Rule("clock", c(r"(?:(?P<at>\bat)\s+)?(?P<t>(?:\b(?P<word>noon|midday|midnight)\b|"
                    r"\b(?P<h>[012]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m|am\b|pm\b)?"
                    r"(?P<oclock>\s*o'clock)?"
                    r"|\b(?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?P<ow>\s+o'clock))"
                    r"(?:\s+in\s+the\s+(?P<inthe>morning|afternoon|evening))?"
                    r"(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC|BST|CET|local\s+time)\b)?"
                    r"(?:,?\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<dw>today|tonight|yesterday|tomorrow)|"
                    r"(?P<mon>{MONTH})\s+(?P<md>{DAY}))\b)?)"),
         S.clock),
    Rule("holiday", c(r"\b(?P<h>{HOLIDAY})(?:\s+(?P<year>{YEAR}))?\b"), A.holiday),
    Rule("decade", c(r"(?:\bthe\s+)?(?:\b(?P<c>1[6-9]|20)(?P<d>\d)0|'(?P<d2>\d)0)'?s\b"), A.decade),
    Rule("century", c(r"(?:\bthe\s+)?\b(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<o>{ORD}))\s+century\b"), A.century),
    Rule("half", c(r"\b(?:the\s+)?(?P<h>first|second|last|latter)\s+half(?:\s+of\s+(?P<year>{YEAR}|"
                   r"(?:the|this|last|next)\s+year))?\b"),
         R.half),
    Rule("quarter", c(r"(?:\bthe\s+)?(?:(?P<rel>(?:comparable\s+|same\s+)?(?:year-earlier|year-ago|this\s+year's|"
                      r"last\s+year's|next\s+year's|(?P<y1>{YEAR})))\s+)?\b(?:(?:fiscal|calendar)\s+)?"
                      r"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?:(?:fiscal|calendar)\s+)?"
                      r"quarter\b(?:\s+(?:of\s+)?(?:(?:fiscal|calendar)\s+)?(?P<year>{YEAR}|"
                      r"(?:this|last|next)\s+year))?"
                      r"|\bQ(?P<qn>[1-4])(?:\s+(?P<year2>{YEAR}))?\b"),
         R.quarter),
    Rule("year-period", c(r"\b(?:the\s+)?(?P<year>{YEAR})\s+(?:fiscal\s+)?(?:quarter|period)\b"), R.year_period),
    Rule("this-quarter", c(r"\b(?:the|that|this)\s+(?:(?:latest|current|most\s+recent|same|comparable)\s+)?"
                           r"(?:year-(?:earlier|ago)\s+|year\s+(?:earlier|ago)\s+)?(?:fiscal\s+)?"
                           r"(?:quarter|period)\b(?!-|\s+(?:of|per|point|mile|century)\b)"
                           r"|\byear-(?:earlier|ago)\b"),
         R.this_quarter),
    Rule("rel-weekday", c(r"\b(?P<dir>last|next|this(?:\s+past)?|coming|past)\s+(?P<wd>{WEEKDAY})"
                          r"(?:\s+(?P<part>{PART}))?\b"),
         R.relative_weekday),
    Rule("rel-month", c(r"\b(?P<dir>last|next|this(?:\s+past)?|coming|past)\s+(?P<mon>{MONTH_FULL})\b"),
         R.relative_month),
    Rule("rel-unit", c(r"\b" + _REL_DIR + r"\s+(?P<unit>week|weekend|month|year|fiscal\s+year|quarter|day)\b(?!-)"
                       r"(?!-|\s+(?:and|or)\s+a\s+half)"),
         R.relative_unit),
    Rule("the-year", c(r"\b(?:for|of|in|during|through)\s+(?P<t>the\s+(?:(?:full|fiscal|current|whole|entire)\s+)?year)\b"
                       r"(?P<ended>\s+(?:ended|ending|to|through))?(?!-|\s+(?:of|before|after|when|in\s+which)\b)"),
         R.the_year),
    Rule("spelled-year", c(r"(?:\b(?:in|of|since|until|by|from|to|the\s+year)\s+)(?P<t>nineteen[\s-]+(?:ninety|eighty|"
                           r"seventy|sixty|fifty|forty|thirty|twenty|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                           r"sixteen|seventeen|eighteen|nineteen)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|"
                           r"nine))?|two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|"
                           r"ten|eleven|twelve))?)\b"),
         R.spelled_year),
    Rule("the-weekend", c(r"\b(?P<dir>the)\s+(?P<unit>weekend)\b"), R.relative_unit),
    Rule("season", c(r"(?:\b(?:in|during|by|until|since|through)\s+)?(?P<t>(?:(?P<dir>last|this(?:\s+past)?|next|"
                     r"coming|past|the)\s+)?(?:(?:early|late|mid)[\s-])?(?P<season>{SEASON})\b"
                     r"(?:\s+(?:of\s+)?(?P<year>{YEAR})\b)?)"),
         R.season),
    Rule("day-word", c(r"\b(?P<w>today|tonight|yesterday|tomorrow|this|last|the\s+day\s+before\s+yesterday|"
                       r"the\s+day\s+after\s+tomorrow)(?:\s+(?P<part>{PART}))?\b(?!-)"),
         lambda m, ctx: None if m["w"].lower() in ("this", "last") and not m["part"] else R.day_word(m, ctx)),
    Rule("anaphoric-day", c(r"\b(?P<w>that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding)"
                            r"\s+(?:day|(?P<part>{PART}))\b"),
         R.anaphoric_day),
    Rule("ago", c(r"\b(?:(?P<num>{NUM})[\s-]+)?(?P<unit>{UNIT})\s+(?P<dir>ago|earlier|later|from\s+now|hence|back)\b"),
         R.ago),
    Rule("duration-range", c(r"(?:\bthe\s+(?:(?:past|last|next|first|coming)\s+)?)?\b(?P<num>{NUM})\s+(?:to|or|-)\s+"
                             r"(?:{NUM})[\s-]+(?P<unit>{UNIT})\b"),
         S.duration),
    Rule("duration", c(r"(?:\bthe\s+(?:(?:past|last|next|first|latest|previous|coming|following|final|"
                       r"remaining|initial|same)\s+)?|\b(?:past|last|next|first|previous|coming|another)\s+)?"
                       r"\b(?P<num>{NUM})(?:\s+(?:more|additional|straight|consecutive|full|long))?"
                       r"(?P<adj>-|\s+)(?P<unit>{UNIT})\b(?:\s+and\s+a\s+half\b)?"),
         S.duration),
    Rule("vague-duration", c(r"\b(?:for|over|in|within|after)\s+(?P<t>(?:(?:several|many)\s+)?(?P<unit>years|"
                             r"decades|months|weeks|days|hours|centuries))\b(?!\s+(?:ago|earlier|later|of|to)\b)"),
         S.vague_duration),
    Rule("every", c(r"\b(?:every|each)\s+(?P<other>other\s+)?(?P<x>{UNIT}|{WEEKDAY}|{MONTH_FULL}|{PART})\b"),
         S.every),
    Rule("times-per", c(r"\b(?:once|twice|thrice|{NUM}\s+times)\s+(?:a|an|per|each|every)\s+(?P<unit>{UNIT})\b"),
         S.times_per),
    Rule("set-word", c(r"\b{SET}\b"), S.set_word),
    Rule("weekday", c(r"\b(?P<wd>{WEEKDAY})(?P<pl>s)?\b(?:\s+(?P<part>{PART})s?\b)?"), R.weekday_name),
    Rule("bare-month", c(r"\b(?P<mon>{MONTH_FULL})\b(?!\s+\d)"), A.bare_month),
    Rule("year", c(r"(?P<t>(?:\bfiscal\s+)?\b(?P<year>{YEAR}))\b(?!'s?\s+\d)"), A.year),
    Rule("ref", c(r"\b(?P<t>{REF})\b"), R.ref_word),
)


def _words(*kinds: str) -> set[str]:
    lex = lexicon()
    return {part for k in kinds for w in lex.words[k] for part in w.split()}


_UNITS = {"second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
          "day", "days", "night", "nights", "week", "weeks", "fortnight", "fortnights", "month", "months",
          "quarter", "quarters", "year", "years", "yr", "yrs", "decade", "decades", "century", "centuries"}
_PARTS = {"morning", "afternoon", "evening", "night", "overnight"}
_WEEKDAYS = _words("weekday") | {w + "s" for w in _words("weekday")}
_TRIGGERS: dict[str, set[str]] = {
    "iso": {"#"}, "numeric": {"#"}, "month-day": _words("month"), "day-month": _words("month"),
    "month-of-year": _words("month"), "recent-units": {"recent"}, "month-year": _words("month"),
    "clock": {"#", "noon", "midday", "midnight", "clock"},
    "holiday": {"christmas", "new", "independence", "valentine", "halloween", "may", "thanksgiving", "easter",
                "good"},
    "decade": {"#"}, "century": {"century"}, "half": {"half"},
    "quarter": {"quarter", "q1", "q2", "q3", "q4"}, "year-period": {"quarter", "period"},
    "this-quarter": {"quarter", "period", "earlier", "ago"},
    "rel-weekday": _WEEKDAYS, "rel-month": _words("month"), "rel-unit": {"week", "weekend", "month", "year",
                                                                         "quarter", "day"},
    "the-year": {"year"}, "spelled-year": {"nineteen", "thousand"}, "the-weekend": {"weekend"},
    "season": _words("season"), "day-word": {"today", "tonight", "yesterday", "tomorrow", "day"} | _PARTS,
    "anaphoric-day": {"day"} | _PARTS, "ago": {"ago", "earlier", "later", "now", "hence", "back"},
    "duration-range": _UNITS, "duration": _UNITS, "vague-duration": _UNITS, "every": {"every", "each"},
    "times-per": {"once", "twice", "thrice", "times"}, "set-word": _words("set"), "weekday": _WEEKDAYS,
    "bare-month": _words("month"), "year": {"#"},
    "ref": _words("ref") - {"the", "at", "in", "a", "these"},
}
RULES = tuple(replace(r, triggers=frozenset(_TRIGGERS[r.name])) for r in RULES)
