"""The rule cascade as data: `knowledge/time_rules.yaml`, loaded once and validated.

The file holds the regex pieces that spell English words and the rules (name, pattern,
handler, trigger words), in priority order. extract/timex/rules.py binds each rule to its handler
function and compiles it; nothing here knows Python functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from . import read_yaml
from .regex_cache import regex

FILE = "time_rules.yaml"
_RULE_KEYS = frozenset({"name", "handler", "triggers", "not_triggers", "pattern"})
_REQUIRED = ("name", "handler", "triggers", "pattern")
_PIECE = re.compile(r"[A-Z][A-Z_]*")
_TRIGGER = re.compile(r"#|@[a-z]+(?:\+s)?|[a-z0-9'-]+")


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One rule as the file gives it: `triggers` may name lexicon kinds ("@month")."""

    name: str
    handler: str
    triggers: tuple[str, ...]
    not_triggers: tuple[str, ...]
    pattern: str


@dataclass(frozen=True, slots=True)
class RuleBook:
    pieces: Mapping[str, str]  # NAME -> regex alternatives
    context: Mapping[str, re.Pattern[str]]  # NAME -> compiled context pattern
    rules: tuple[RuleSpec, ...]

    def pattern(self, name: str) -> re.Pattern[str]:
        """A context pattern, by the name the code asks for."""
        try:
            return self.context[name]
        except KeyError:
            raise ValueError(f"{FILE}: the context pattern {name} is missing") from None

    def piece_words(self, name: str) -> frozenset[str]:
        """The words of a piece that is a plain alternation ("one|two|three")."""
        return frozenset(self.pieces[name].split("|"))


@lru_cache(maxsize=1)
def rulebook() -> RuleBook:
    return parse(read_yaml(FILE))


def parse(data: object, source: str = FILE) -> RuleBook:
    """Validate the YAML document; errors name the rule or piece to fix."""
    if not isinstance(data, dict) or set(data) != {"pieces", "context", "rules"}:
        raise ValueError(f"{source}: expected a mapping with the keys pieces, context and rules")
    pieces, context, rules = data["pieces"], data["context"], data["rules"]
    if not isinstance(pieces, dict) or not all(
            isinstance(k, str) and _PIECE.fullmatch(k) and isinstance(v, str) and v for k, v in pieces.items()):
        raise ValueError(f"{source}: pieces maps UPPER_CASE names to non-empty regex strings")
    if not isinstance(context, dict) or not all(
            isinstance(k, str) and _PIECE.fullmatch(k) and isinstance(v, str) and v for k, v in context.items()):
        raise ValueError(f"{source}: context maps UPPER_CASE names to non-empty regex strings")
    compiled = {name: _compile(name, pattern, source) for name, pattern in context.items()}
    if not isinstance(rules, list) or not rules:
        raise ValueError(f"{source}: rules is a non-empty list")
    specs = tuple(_rule(r, i, source) for i, r in enumerate(rules))
    seen: set[str] = set()
    for spec in specs:
        if spec.name in seen:
            raise ValueError(f"{source}: rule {spec.name!r} listed twice")
        seen.add(spec.name)
    return RuleBook(MappingProxyType(dict(pieces)), MappingProxyType(compiled), specs)


def _compile(name: str, pattern: str, source: str) -> re.Pattern[str]:
    try:
        return regex(pattern)
    except re.error as e:
        raise ValueError(f"{source}: context pattern {name}: {e}") from None


def _rule(r: object, i: int, source: str) -> RuleSpec:
    where = f"{source}: rule {i + 1}"
    if not isinstance(r, dict):
        raise ValueError(f"{where}: expected a mapping with keys {', '.join(_REQUIRED)}")
    unknown = set(r) - _RULE_KEYS
    missing = [k for k in _REQUIRED if k not in r]
    if unknown or missing:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}, missing keys {missing}")
    if not all(isinstance(r[k], str) and r[k] for k in ("name", "handler", "pattern")):
        raise ValueError(f"{where}: name, handler and pattern are non-empty strings")
    lists = {k: r.get(k, []) for k in ("triggers", "not_triggers")}
    for k, v in lists.items():
        if not isinstance(v, list) or not all(isinstance(t, str) and _TRIGGER.fullmatch(t) for t in v):
            raise ValueError(f"{where} ({r['name']}): {k} is a list of lower-case words, '#' or '@kind'")
    if not lists["triggers"]:
        raise ValueError(f"{where} ({r['name']}): a rule needs triggers, else it is never tried")
    return RuleSpec(r["name"], r["handler"], tuple(lists["triggers"]), tuple(lists["not_triggers"]), r["pattern"])
