"""The boilerplate classifier: which paragraphs of a page are not the story, and why.

Rules are data (knowledge/boilerplate.yaml): a reason, regular expressions, the longest
paragraph the rule may remove, and where on the page it applies. On top of the rules:
- a trailing wire credit ("REUTERS", "— AFP") is recognised from agencies.tsv;
- a short paragraph that repeats a sentence of the story (a caption or pull quote) is
  removed as a duplicate, the story's own copy stays;
- the last sentence of one of the last paragraphs is cut when it is an origin note or a
  contribution credit ("This story originated in VOA's Kurdish Service.").

Conservative by design: every rule is bounded by `max_chars`, and a paragraph of two
or more full sentences longer than `_LONG` is never removed by a rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from .. import knowledge
from ..knowledge.compiled import compiled, parse_yaml
from . import guarded, voice
from .metadata import wire_credit_agency
from .voice import undecorated

Where = Literal["any", "edges", "tail"]
WHERE: tuple[str, ...] = ("any", "edges", "tail")
HEAD, TAIL = 6, 4  # paragraphs counted as the page's edges
_LONG = 250  # longer multi-sentence paragraphs are story text, whatever they contain
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘(]?[A-Z])")
_TAIL_REASONS = ("origin-note", "additional-reporting", "correction")


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    max_chars: int
    where: Where
    sources: tuple[str, ...]  # the patterns as written (case-insensitive)
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    opens_paragraph: bool = False  # a paragraph opening with a match goes whole (a correction note)
    # `patterns` with their shared leading guards split off (clean/guarded.py): same answers, faster
    plan: tuple[guarded.Guarded, ...] = field(default=(), compare=False, repr=False)
    _compiled: list[re.Pattern[str]] = field(default_factory=list, compare=False, repr=False)

    @property
    def patterns(self) -> tuple[re.Pattern[str], ...]:
        """The patterns compiled, on first use: the classifier searches `plan`, whose
        parts compile as lines reach them."""
        if not self._compiled:
            self._compiled.extend(re.compile(s, re.I) for s in self.sources)
        return tuple(self._compiled)

    def matches(self, text: str, memo: guarded.Memo | None = None) -> bool:
        """Whether a pattern is found in `text`; `memo` keeps the guards' answers for this
        text across rules (pass one dict per text)."""
        if len(text) > self.max_chars:
            return False
        if not self.plan:
            return any(p.search(text) for p in self.patterns)
        return guarded.search_any(self.plan, text, {} if memo is None else memo)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The rules of boilerplate.yaml, validated (fields, values, regexes)."""
    return parse_rules(knowledge.read_text("boilerplate.yaml"), "boilerplate.yaml")


def parse_rules(text: str, name: str) -> tuple[Rule, ...]:
    data = parse_yaml(text, name)  # the cache is keyed by the text itself
    # validated and laid out once per version of the file (and of the code doing it)
    layouts = compiled(name, _CHECKED, text.encode("utf-8"), lambda: _checked(data, name))
    shared_guards: dict[str, guarded.Guard] = {}
    return tuple(Rule(item["reason"], item["max_chars"], item.get("where", "any"), tuple(item["patterns"]),
                      tuple(item.get("examples") or ()), tuple(item.get("counter_examples") or ()),
                      item.get("opens_paragraph", False), guarded.built(lay, re.I, shared_guards))
                 for item, lay in zip(data["rules"], layouts))


def _code_version() -> str:
    """A hash of the code that checks and lays out the rules: an edit to it is never
    answered from a cache entry the old code wrote."""
    import hashlib

    digest = hashlib.sha256()
    for path in (str(guarded.__file__), __file__):
        digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


_CHECKED = f"boilerplate-rules:{_code_version()}"


def _checked(data: object, name: str) -> tuple[guarded.Layout, ...]:
    """Every rule's fields and values validated, every pattern compiled once to be sure
    it is one, and the patterns laid out by their guards (guarded.layout)."""
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ValueError(f"{name}: expected a mapping with a `rules` list")
    out = []
    for n, item in enumerate(data["rules"], start=1):
        where = f"{name}: rule {n}"
        if not isinstance(item, dict) or not isinstance(item.get("reason"), str):
            raise ValueError(f"{where}: each rule needs a `reason` string")
        unknown = set(item) - {"reason", "max_chars", "where", "patterns", "examples", "counter_examples",
                               "opens_paragraph"}
        if unknown:
            raise ValueError(f"{where} ({item['reason']}): unknown keys {sorted(unknown)}")
        if not isinstance(item.get("max_chars"), int) or item["max_chars"] < 1:
            raise ValueError(f"{where} ({item['reason']}): `max_chars` must be a positive integer")
        if item.get("where", "any") not in WHERE:
            raise ValueError(f"{where} ({item['reason']}): `where` must be one of {WHERE}")
        if not isinstance(item.get("opens_paragraph", False), bool):
            raise ValueError(f"{where} ({item['reason']}): `opens_paragraph` must be true or false")
        patterns = item.get("patterns")
        if not isinstance(patterns, list) or not patterns:
            raise ValueError(f"{where} ({item['reason']}): `patterns` must be a non-empty list")
        try:
            for p in patterns:
                re.compile(p, re.I)
        except re.error as exc:
            raise ValueError(f"{where} ({item['reason']}): bad pattern: {exc}") from exc
        out.append(guarded.layout(patterns))
    return tuple(out)


def classify(text: str, position: int, count: int, voice_model: voice.VoiceModel | None = None) -> str | None:
    """The reason paragraph `position` of `count` is boilerplate, or None for story text.

    A paragraph of three or more sentences, or a long one of two, is removed only when
    each of its sentences is boilerplate on its own ("Copyright 2026 AP. All rights
    reserved. This material may not be published ..."): a story sentence followed by
    "Photo: AFP" keeps its paragraph. A rule that `opens_paragraph` takes the paragraph
    its first sentence opens ("Correction: ... misstated the toll. It was 14.").
    `voice_model`: the publication-voice model (None: the packaged default)."""
    if len(text) > 50_000:
        return None  # no boilerplate is this long; do not even look
    reason = _by_rules(text, position, count)
    # A line no rule knows but that speaks to the reader for the publication
    # (clean/voice.py, fitted on dev wordings); never the first line, where the headline stands.
    if reason is None and position > 0 and voice.is_prompt(text, voice_model):
        return voice.REASON
    return reason


def _by_rules(text: str, position: int, count: int) -> str | None:
    boundaries = len(_SENTENCE_END.findall(text)) if len(text) > 80 else 0
    if boundaries >= 2 or (boundaries and len(text) > _LONG):
        parts = sentences(text)
        first = _classify_one(parts[0], position, count)
        opener = _opener(first)
        if opener is not None and len(text) <= opener.max_chars:
            return opener.reason
        # the paragraph goes only when every sentence is boilerplate, so the first story
        # sentence settles it: a plain-text page with no paragraph breaks is one paragraph
        # of some 30 sentences, and classifying each was most of the clean stage (issue 20)
        if first is None or not all(_classify_one(s, position, count) for s in parts[1:]):
            return None
        return first
    whole = _classify_one(text, position, count)
    if whole is None and len(text) <= _LONG and _SENTENCE_END.search(text):
        # a short run of prompts, none matching the run as a whole ("Get breaking news
        # alerts. Turn on notifications."): it goes when every sentence is boilerplate
        reasons = [_classify_one(s, position, count) for s in sentences(text)]
        return reasons[0] if all(reasons) else None
    return whole


def _opener(reason: str | None) -> Rule | None:
    return next((r for r in rules() if r.reason == reason and r.opens_paragraph), None) if reason else None


def _forms(text: str) -> tuple[str, ...]:
    bare = undecorated(text)
    return (text, bare) if bare and bare != text else (text,)


def _classify_one(text: str, position: int, count: int) -> str | None:
    edge = position < HEAD or position >= count - TAIL
    tail = position >= count - TAIL
    forms = _forms(text)
    memos: tuple[guarded.Memo, ...] = tuple({} for _ in forms)
    for rule in rules():
        if rule.where == "edges" and not edge or rule.where == "tail" and not tail:
            continue
        if any(rule.matches(form, memo) for form, memo in zip(forms, memos)):
            return rule.reason
    if tail and wire_credit_agency(text):
        return "wire-credit"
    return None


_LIST_HEADER = re.compile(
    r"^(?:read more|related(?: stories| articles| coverage| content| topics| news)?|see also|more on this (?:story|topic)|"
    r"recommended(?: for you| stories| reading)?|most read|most popular|most viewed|you may also like|you might also like|"
    r"trending(?: now)?|editor'?s picks|more stories|top stories|latest(?: news| stories| headlines)?|more from [\w' ]{1,30}|"
    r"around the web|from our partners|more in [\w' ]{1,30})[:\s]*$", re.I)


def is_list_header(text: str) -> bool:
    """"Related stories", "Most read": the lines after it are headlines of other stories."""
    return len(text) <= 60 and bool(_LIST_HEADER.match(text))


def standalone(text: str) -> bool:
    """A line that is boilerplate on its own, never glued to the line before it."""
    return standalone_reason(text) is not None


def standalone_reason(text: str) -> str | None:
    """The reason a line is boilerplate wherever it stands, or None."""
    forms = _forms(text)
    memos: tuple[guarded.Memo, ...] = tuple({} for _ in forms)
    return next((rule.reason for rule in rules()
                 if rule.where == "any" and any(rule.matches(f, m) for f, m in zip(forms, memos))), None)


def split_tail_note(text: str) -> tuple[str, str, str] | None:
    """(kept text, removed sentence, reason) when the last sentence of a story paragraph
    is an origin note or a contribution credit; else None."""
    if len(text) > 20_000:
        return None  # a tail note sits at the end of a normal paragraph
    starts = [m.end() for m in _SENTENCE_END.finditer(text)]
    if not starts:
        return None
    cut = starts[-1]
    sentence = text[cut:]
    memo: guarded.Memo = {}
    for rule in rules():
        if rule.reason in _TAIL_REASONS and rule.matches(sentence, memo):
            return text[:cut].rstrip(), sentence, rule.reason
    return None


_MARKERS = re.compile(r"\s?\((?:left|right|centre|center|middle|front|back|top|bottom|L-R|R-L|from left|from right|"
                      r"(?:far|second|2nd|third|3rd) (?:left|right)|seated|standing|pictured)\)", re.I)
_KEY = re.compile(r"[\W_]+")


def sentence_key(text: str) -> str:
    """A comparison key: position markers, punctuation, case and spacing ignored."""
    return _KEY.sub(" ", _MARKERS.sub("", text)).strip().lower()


def sentences(text: str) -> list[str]:
    starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    return [text[a:b].strip() for a, b in zip(starts, [*starts[1:], len(text)])]


_QUOTED = re.compile(r"[\"“]([^\"“”]{20,400})[\"”]")


def quoted(text: str) -> list[str]:
    """The quotations in a paragraph: a pull quote repeats one of them."""
    return [m[1] for m in _QUOTED.finditer(text)]
