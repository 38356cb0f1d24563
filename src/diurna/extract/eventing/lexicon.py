"""The predicate lexicon (knowledge/predicates.yaml): loaded once, validated, indexed
by trigger lemma so the cheap first pass is a set lookup per token."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Literal

import yaml

from ...knowledge import cameo, read_text

FILE = "predicates.yaml"
FRAME_TARGETS = ("inner", "addressee")
_KNOWN_KEYS = {
    "id", "pos", "lemmas", "code", "object", "particle", "compound", "target", "reciprocal", "frame",
    "confidence", "requires_dobj", "requires_prep", "requires_word", "requires_xcomp",
    "requires_human_object", "requires_protest_context",
}


@dataclass(frozen=True, slots=True)
class Frame:
    """A control verb's table: the code for the wrapped event's code (longest prefix)."""

    name: str
    default: str
    target: Literal["inner", "addressee"]
    by_code: Mapping[str, str]

    def code_for(self, inner: str | None) -> str:
        if inner is None:
            return self.default
        for n in range(len(inner), 1, -1):
            if inner[:n] in self.by_code:
                return self.by_code[inner[:n]]
        return self.default


@dataclass(frozen=True, slots=True)
class Predicate:
    id: str
    pos: Literal["verb", "noun"]
    lemmas: frozenset[str]
    code: str
    target: tuple[str, ...] = ("dobj",)
    object: frozenset[str] = frozenset()
    particle: str | None = None
    compound: frozenset[str] = frozenset()
    reciprocal: bool = False
    frame: str | None = None
    confidence: float = 0.7
    requires_dobj: bool = False
    requires_prep: frozenset[str] = frozenset()
    requires_word: frozenset[str] = frozenset()
    requires_xcomp: bool = False
    requires_human_object: bool = False
    requires_protest_context: bool = False

    @property
    def specificity(self) -> int:
        """How much an entry asks of the text: the more, the more it is trusted when
        several entries share a trigger."""
        return (3 * bool(self.object) + 2 * bool(self.particle) + 2 * bool(self.compound)
                + bool(self.requires_word) + bool(self.requires_prep) + bool(self.requires_human_object)
                + bool(self.requires_protest_context) + bool(self.requires_xcomp))


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: Mapping[str, tuple[Predicate, ...]]
    nouns: Mapping[str, tuple[Predicate, ...]]
    frames: Mapping[str, Frame]
    human_nouns: frozenset[str]
    protest_words: frozenset[str]

    @property
    def triggers(self) -> frozenset[str]:
        return frozenset(self.verbs) | frozenset(self.nouns)


@lru_cache(maxsize=None)
def load() -> Lexicon:
    return parse(yaml.safe_load(read_text(FILE)), FILE)


def parse(data: Any, where: str) -> Lexicon:
    if not isinstance(data, dict) or not isinstance(data.get("predicates"), list):
        raise ValueError(f"{where}: expected a mapping with a 'predicates' list")
    frames = {name: _frame(name, spec, where) for name, spec in (data.get("frames") or {}).items()}
    verbs: dict[str, list[Predicate]] = {}
    nouns: dict[str, list[Predicate]] = {}
    seen: set[str] = set()
    for n, raw in enumerate(data["predicates"], start=1):
        pred = _predicate(raw, f"{where}: predicate #{n}", frames)
        if pred.id in seen:
            raise ValueError(f"{where}: predicate id {pred.id!r} is used twice; ids name rules")
        seen.add(pred.id)
        index = verbs if pred.pos == "verb" else nouns
        for lemma in pred.lemmas:
            index.setdefault(lemma, []).append(pred)
    order = lambda ps: tuple(sorted(ps, key=lambda p: -p.specificity))  # noqa: E731
    return Lexicon(
        verbs=MappingProxyType({k: order(v) for k, v in verbs.items()}),
        nouns=MappingProxyType({k: order(v) for k, v in nouns.items()}),
        frames=MappingProxyType(frames),
        human_nouns=frozenset(data.get("human_nouns") or ()),
        protest_words=frozenset(data.get("protest_words") or ()),
    )


def _check_code(code: Any, where: str) -> str:
    if not isinstance(code, str) or code not in cameo.codebook():
        raise ValueError(f"{where}: {code!r} is not a CAMEO code of cameo.tsv (quote it: \"057\")")
    return code


def _frame(name: str, spec: dict[str, Any], where: str) -> Frame:
    w = f"{where}: frame {name!r}"
    if spec.get("target") not in FRAME_TARGETS:
        raise ValueError(f"{w}: target must be one of {FRAME_TARGETS}")
    by_code = {_check_code(k, w): _check_code(v, w) for k, v in (spec.get("by_code") or {}).items()}
    return Frame(name, _check_code(spec.get("default"), w), spec["target"], MappingProxyType(by_code))


def _words(raw: dict[str, Any], key: str, where: str) -> frozenset[str]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: {key} must be a list of words")
    return frozenset(v.lower() for v in value)


def _target(raw: dict[str, Any], where: str) -> tuple[str, ...]:
    value = raw.get("target", ["dobj"])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: target must be a list of words; quote on/off/no (YAML reads them as booleans)")
    return tuple(value)


def _predicate(raw: Any, where: str, frames: Mapping[str, Frame]) -> Predicate:
    if not isinstance(raw, dict) or not raw.get("id"):
        raise ValueError(f"{where}: each predicate is a mapping with an id")
    where = f"{where} ({raw['id']})"
    unknown = set(raw) - _KNOWN_KEYS
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {sorted(unknown)}; see the file header")
    if raw.get("pos") not in ("verb", "noun"):
        raise ValueError(f"{where}: pos must be verb or noun")
    if raw.get("frame") is not None and raw["frame"] not in frames:
        raise ValueError(f"{where}: frame {raw['frame']!r} is not defined under frames")
    lemmas = _words(raw, "lemmas", where)
    if not lemmas:
        raise ValueError(f"{where}: give at least one lemma")
    confidence = float(raw.get("confidence", 0.7 if raw["pos"] == "verb" else 0.6))
    if not 0.0 < confidence <= 1.0:
        raise ValueError(f"{where}: confidence must lie in (0, 1]")
    return Predicate(
        id=str(raw["id"]), pos=raw["pos"], lemmas=lemmas, code=_check_code(raw.get("code"), where),
        target=_target(raw, where),
        object=_words(raw, "object", where), particle=raw.get("particle"),
        compound=_words(raw, "compound", where), reciprocal=bool(raw.get("reciprocal", False)),
        frame=raw.get("frame"), confidence=confidence,
        requires_dobj=bool(raw.get("requires_dobj", False)),
        requires_prep=_words(raw, "requires_prep", where),
        requires_word=_words(raw, "requires_word", where),
        requires_xcomp=bool(raw.get("requires_xcomp", False)),
        requires_human_object=bool(raw.get("requires_human_object", False)),
        requires_protest_context=bool(raw.get("requires_protest_context", False)),
    )
