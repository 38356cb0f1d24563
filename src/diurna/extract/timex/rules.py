"""The cascade: the rules of `knowledge/time_rules.yaml` bound to their normalisers and
compiled. Patterns use {PIECES} built from `knowledge/time_words.tsv` and the rule file
(see patterns.py) and are compiled verbose and case-insensitive; normalisers check case
where it matters ("May" vs "may").

Among candidates starting at the same place the longest wins; among equally long
ones, the rule listed first.
"""

from __future__ import annotations

from types import ModuleType

from ...knowledge.time_rules import RuleSpec, rulebook
from . import absolute, relative, spans
from .common import Handler, Rule
from .lexicon import Lexicon, lexicon
from .patterns import fill_pieces

# The modules whose public functions a rule may name as its handler.
HANDLER_MODULES: tuple[ModuleType, ...] = (absolute, relative, spans)


def _handler(name: str) -> Handler:
    found = [getattr(mod, name) for mod in HANDLER_MODULES
             if not name.startswith("_") and callable(getattr(mod, name, None))
             and getattr(getattr(mod, name), "__module__", None) == mod.__name__]
    if len(found) != 1:
        raise ValueError(f"time_rules.yaml: handler {name!r} is not a function of "
                         f"{', '.join(m.__name__ for m in HANDLER_MODULES)}")
    return found[0]


def _expand(trigger: str, lex: Lexicon) -> set[str]:
    """"@month" -> the month words, "@weekday+s" -> weekdays and their plurals."""
    if not trigger.startswith("@"):
        return {trigger}
    kind, plural = trigger[1:].removesuffix("+s"), trigger.endswith("+s")
    words = getattr(lex, kind, None)
    if words is None or kind.startswith("_"):
        raise ValueError(f"time_rules.yaml: trigger {trigger!r} names no time_words.tsv kind")
    parts = set(words.parts())
    return parts | {w + "s" for w in parts} if plural else parts


def bind(spec: RuleSpec) -> Rule:
    lex = lexicon()
    triggers = set().union(*(_expand(t, lex) for t in spec.triggers)) - set(spec.not_triggers)
    return Rule(spec.name, fill_pieces(spec.pattern), _handler(spec.handler), frozenset(triggers))


RULES: tuple[Rule, ...] = tuple(bind(spec) for spec in rulebook().rules)
