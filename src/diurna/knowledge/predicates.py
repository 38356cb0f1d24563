"""The predicate lexicon (knowledge/predicates.yaml) plus the user's predicate files
(setting `predicate_files`): loaded once, validated, indexed by trigger lemma so the
cheap first pass is a set lookup per token.

A user file is diurna YAML (the format of predicates.yaml: `predicates:` and
optionally `frames:`) or a PETRARCH-2 verb dictionary (`.txt`, read by
`knowledge.petrarch_verbs`). Its entries are merged over the package lexicon: a
trigger word the user defines is theirs alone (our entries for that word are
dropped), other words keep ours. Later files win over earlier ones the same way.
A user file may name our frames (intent, appeal, ...) without defining them, and its
codes are final (see `Predicate.user`).

Keys beyond those documented in predicates.yaml, for word patterns (what PETRARCH
patterns become, usable in YAML too):
  before / after   lists of slots, each "word word|other phrase": words that must
                   stand before the trigger in its sentence / after it in its
                   phrase, in order; a leading "_" glues the slot to its neighbour
                   on the trigger side ("_down": right after the verb)
  requires_coordinated_subject   the subject is "A and B" (with reciprocal: true,
                   A acts on B and B on A)

    predicates:
      - {id: restore-ties, pos: verb, lemmas: [restore], code: "064",
         after: ["military|cultural", ties], target: [with]}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import yaml

from ..errors import E011, DiurnaError
from . import cameo, load_yaml, petrarch_verbs

FILE = "predicates.yaml"
FRAME_TARGETS = ("inner", "addressee")
SUBJECT_TARGET = "subject"  # a target of `source` entries: the clause's subject is acted on
_KNOWN_KEYS = {
    "id", "pos", "lemmas", "code", "object", "particle", "compound", "target", "reciprocal", "frame",
    "confidence", "requires_dobj", "requires_prep", "requires_word", "requires_xcomp",
    "requires_human_object", "requires_protest_context", "before", "after", "requires_coordinated_subject",
    "excludes_particle", "excludes_dep", "object_excludes", "alleges", "subject", "subject_excludes", "source",
    "complement", "target_is", "requires_verb", "requires_inner", "opinion_prep", "clause_subject",
    "requires_actor_object",
}


@dataclass(frozen=True, slots=True)
class Slot:
    """One position of a word pattern ("before"/"after" the trigger): any one of
    `phrases` (each a run of consecutive words, lower case). `glued`: it must touch
    the element on its trigger side (the trigger or the previous slot)."""

    phrases: tuple[tuple[str, ...], ...]
    glued: bool = False


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
    before: tuple[Slot, ...] = ()  # words that must precede the trigger, in order
    after: tuple[Slot, ...] = ()  # words that must follow it in its phrase, in order
    requires_coordinated_subject: bool = False  # "Arnor and Gondor agree" (PETRARCH "% *")
    # selectional restrictions that rule the sense out (predicates.yaml header)
    excludes_particle: frozenset[str] = frozenset()  # "sign up", "step up"
    excludes_dep: frozenset[str] = frozenset()  # "called the plan ridiculous" (oprd)
    object_excludes: frozenset[str] = frozenset()  # "launched air strikes" is no labour strike
    alleges: frozenset[str] = frozenset()  # prepositions whose act is alleged, not asserted ("accused of plotting")
    # the doer's word decides the sense: "legislation targeting Gondor" is no attack
    subject: frozenset[str] = frozenset()  # the subject (or the noun a participle modifies) is one of these
    subject_excludes: frozenset[str] = frozenset()  # ... is none of these
    # "met with opposition from Gondor": the source is a prepositional object and the
    # subject the target (target "subject")
    source: tuple[str, ...] = ()
    complement: frozenset[str] = frozenset()  # a word of the predicative complement ("called it unjust")
    target_is: frozenset[str] = frozenset()  # the acted-on word is one of these ("killed 30 militants": combat)
    requires_verb: frozenset[str] = frozenset()  # (nouns) the verb taking the noun ("issued a threat")
    requires_inner: bool = False  # (frames) only with an event wrapped: "wants to sign", not "wants peace"
    opinion_prep: frozenset[str] = frozenset()  # (frames) with no act or clause wrapped: an opinion ("agreed with her")
    # (frames) the wrapped clause has a named subject of its own: "hopes Gondor will
    # withdraw" wishes another's act, "hopes to withdraw" intends one's own
    clause_subject: bool = False
    # the object is a person or a named actor: "called Gondor's president" phones, "called
    # the decision a blatant case" names a thing
    requires_actor_object: bool = False
    origin: str = FILE  # the file the entry comes from; rules name it

    @property
    def user(self) -> bool:
        """From a user's predicate file: its code is final (no recoding of announced
        or obligated acts, which is our lexicon's CAMEO policy)."""
        return self.origin != FILE

    @property
    def specificity(self) -> int:
        """How much an entry asks of the text: the more, the more it is trusted when
        several entries share a trigger (a longer word pattern before a shorter one)."""
        return (3 * bool(self.object) + 2 * bool(self.particle) + 2 * bool(self.compound)
                + bool(self.requires_word) + bool(self.requires_prep) + bool(self.requires_human_object)
                + bool(self.requires_protest_context) + bool(self.requires_xcomp)
                + bool(self.subject) + 2 * bool(self.complement) + 2 * bool(self.target_is)
                + bool(self.requires_verb) + bool(self.clause_subject) + bool(self.requires_actor_object)
                + 2 * self.requires_coordinated_subject
                + 2 * sum(max(len(p) for p in s.phrases) for s in (*self.before, *self.after)))


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: Mapping[str, tuple[Predicate, ...]]
    nouns: Mapping[str, tuple[Predicate, ...]]
    frames: Mapping[str, Frame]
    human_nouns: frozenset[str]
    protest_words: frozenset[str]
    # every word with a verb or noun entry: made once here, not at each sentence's look
    triggers: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "triggers", frozenset(self.verbs) | frozenset(self.nouns))


@lru_cache(maxsize=8)
def load(predicate_files: tuple[str, ...] = ()) -> Lexicon:
    """The package lexicon, with the user's predicate files merged over it in order."""
    lex = parse(load_yaml(FILE), FILE)
    for path in predicate_files:
        lex = merge(lex, load_user_file(path).lexicon)
    return lex


@dataclass(frozen=True, slots=True)
class UserFile:
    """A user predicate file as loaded: its entries, and for a PETRARCH dictionary
    how many of its verbs and patterns became entries and which were skipped."""

    path: str
    lexicon: Lexicon
    report: petrarch_verbs.ReadReport | None = None


def load_user_file(path: str) -> UserFile:
    """One user predicate file: `.yaml`/`.yml` (diurna format) or `.txt` (PETRARCH-2
    verb dictionary). Any problem is a DiurnaError E011 naming the file."""
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DiurnaError(E011, f"cannot read predicate file {p}: {exc}") from exc
    suffix = p.suffix.lower()
    try:
        if suffix in (".yaml", ".yml"):
            try:
                data = yaml.safe_load(text)
            except yaml.YAMLError as exc:
                raise ValueError(f"not valid YAML: {exc}") from exc
            return UserFile(str(p), parse(data, str(p), origin=p.name, frames_from=_package_frames()))
        if suffix == ".txt":
            verbs = petrarch_verbs.parse(text, str(p))
            lex = parse({"predicates": list(verbs.entries)}, str(p), origin=p.name)
            # a verb the dictionary lists is the user's even when it codes nothing alone
            blocked = {v: () for v in verbs.lemmas if v not in lex.verbs}
            lex = replace(lex, verbs=MappingProxyType({**blocked, **lex.verbs}))
            return UserFile(str(p), lex, verbs.report)
    except ValueError as exc:
        msg = str(exc)
        raise DiurnaError(E011, msg if msg.startswith(str(p)) else f"{p}: {msg}") from None
    raise DiurnaError(E011, f"predicate file {p}: use .yaml/.yml (diurna format) or .txt (PETRARCH verb dictionary)")


@lru_cache(maxsize=1)
def _package_frames() -> Mapping[str, Frame]:
    return load().frames


def merge(base: Lexicon, user: Lexicon) -> Lexicon:
    """`user` over `base`: a trigger word the user defines keeps only the user's
    entries; frames and word lists are joined (the user's win on a name)."""
    return Lexicon(
        verbs=MappingProxyType({**base.verbs, **user.verbs}),
        nouns=MappingProxyType({**base.nouns, **user.nouns}),
        frames=MappingProxyType({**base.frames, **user.frames}),
        human_nouns=base.human_nouns | user.human_nouns,
        protest_words=base.protest_words | user.protest_words,
    )


def parse(data: Any, where: str, origin: str = FILE, frames_from: Mapping[str, Frame] | None = None) -> Lexicon:
    """Validate a lexicon document. `frames_from`: frames a user file may name
    without defining them (the package's)."""
    if not isinstance(data, dict) or not isinstance(data.get("predicates"), list):
        raise ValueError(f"{where}: expected a mapping with a 'predicates' list")
    if not isinstance(data.get("frames") or {}, dict):
        raise ValueError(f"{where}: frames must be a mapping of name -> frame")
    frames = {name: _frame(name, spec, where) for name, spec in (data.get("frames") or {}).items()}
    known_frames = {**(frames_from or {}), **frames}
    verbs: dict[str, list[Predicate]] = {}
    nouns: dict[str, list[Predicate]] = {}
    seen: set[str] = set()
    for n, raw in enumerate(data["predicates"], start=1):
        pred = replace(_predicate(raw, f"{where}: predicate #{n}", known_frames), origin=origin)
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
        frames=MappingProxyType(known_frames if frames_from is not None else frames),
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


def _slots(raw: dict[str, Any], key: str, where: str) -> tuple[Slot, ...]:
    """`before`/`after`: a list of slots, each "word word|other phrase", a leading
    "_" when the slot must touch the trigger side."""
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: {key} must be a list of strings such as \"diplomatic\" or \"ties|relations\"")
    out = []
    for v in value:
        glued = v.startswith("_")
        phrases = tuple(tuple(w.lower() for w in alt.split()) for alt in v.lstrip("_").split("|"))
        if not phrases or any(not p for p in phrases):
            raise ValueError(f"{where}: {key} slot {v!r} has an empty alternative")
        out.append(Slot(phrases, glued))
    return tuple(out)


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
        before=_slots(raw, "before", where), after=_slots(raw, "after", where),
        requires_coordinated_subject=bool(raw.get("requires_coordinated_subject", False)),
        excludes_particle=_words(raw, "excludes_particle", where),
        excludes_dep=_words(raw, "excludes_dep", where),
        object_excludes=_words(raw, "object_excludes", where),
        alleges=_words(raw, "alleges", where),
        subject=_words(raw, "subject", where), subject_excludes=_words(raw, "subject_excludes", where),
        source=tuple(_words_in_order(raw, "source", where)), complement=_words(raw, "complement", where),
        target_is=_words(raw, "target_is", where),
        requires_verb=_words(raw, "requires_verb", where),
        requires_inner=bool(raw.get("requires_inner", False)),
        opinion_prep=_words(raw, "opinion_prep", where),
        clause_subject=bool(raw.get("clause_subject", False)),
        requires_actor_object=bool(raw.get("requires_actor_object", False)),
    )


def _words_in_order(raw: dict[str, Any], key: str, where: str) -> list[str]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: {key} must be a list of words; quote on/off/no (YAML reads them as booleans)")
    return [v.lower() for v in value]
