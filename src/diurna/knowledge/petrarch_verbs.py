"""PETRARCH verb dictionaries (TABARI / PETRARCH-2 `.verbs.txt`) read as diurna
predicate entries, for users who bring their own dictionary (setting
`predicate_files`).

The format, as PETRARCH documents it and as its validation dictionaries use it:

    &CURRENCY                      a synset: "+" lines follow, phrases of words
    +DOLLARS                       ("_" or a space between words)
    +SWISS FRANCS

    --- CONTRIBUTE [070] ---       a verb block with its primary code ([---]: the
    CONTRIBUTE  # comment          verb alone codes nothing); verb lines follow,
    GIVE {GAVE GIVEN} [071]        irregular forms in {...}, an own code in [...];
    WIRE_+TAP                      "+" marks the verb among fixed words
    - * &CURRENCY [903]            patterns: "*" is the verb, words and synsets
    - NOT_* AID [054]              around it must occur in that order ("_": next
    - * WITH + [031]               to each other); "+" is the target, "$" the
                                   source, "%" a compound actor, "^" any phrase

Comments: `<!-- ... -->` (may span lines), `#` and `;` to the end of the line.

What diurna makes of it: every verb becomes an entry (its lemma) with the block's or
its own code; every pattern becomes an entry for each verb of its block with the
words before the verb (`before`) and after it (`after`) as word slots; a "+" after a
preposition makes that preposition's object the target; without "+" the target is
the object (for a bare verb) or the object of a preposition such as "with", "to",
"on", "against"; a "%" before the verb asks for a coordinated subject whose members
act on each other ("Gondor and Osgiliath postponed ...": reciprocal, no other target). A pattern diurna cannot represent is skipped and counted, never
guessed: a null code ([---]), a code outside the CAMEO codebook (cameo.tsv), a
source after the verb or a target before it ("+ * IN $"), an undefined synset,
TABARI disjunction sets ({A|B}), no "*". A dual code [032:033] keeps its first code
(the converse event is not coded) and is counted as partial.

    from diurna.knowledge.petrarch_verbs import parse
    verbs = parse(open("PETR.Validate.verbs.txt").read(), "PETR.Validate.verbs.txt")
    verbs.entries   # YAML-shaped predicate entries, validated by the lexicon loader
    verbs.report    # how many verbs and patterns were read, which were skipped and why
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import cameo

# Prepositions whose object may be the target when a pattern does not mark it.
PREP_TARGETS = ("with", "to", "on", "against", "for", "into", "toward", "towards", "over", "upon", "between")
_PREPOSITIONS = frozenset(PREP_TARGETS + ("in", "at", "by", "from", "of", "about", "near", "after", "before"))
_NULL = frozenset(("---", "+++", "###", "***", ""))
_HEADER = re.compile(r"^-{3}\s*([^-\[].*?)?\s*(?:\[([^\]]*)\])?\s*(?:-{3})?\s*$")
_VERB = re.compile(r"^([^\[\]{}]+?)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*$")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]\s*$")
_WORD = re.compile(r"^[A-Za-z0-9'.,-]+$")


@dataclass(frozen=True, slots=True)
class Skip:
    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class ReadReport:
    """What became of a dictionary: counts, and every skipped or partial item."""

    verbs: int
    patterns_read: int
    skipped: tuple[Skip, ...]
    partial: tuple[Skip, ...]
    synsets: int

    @property
    def patterns_skipped(self) -> int:
        return sum(1 for s in self.skipped if s.text.startswith("-"))

    def reasons(self) -> dict[str, int]:
        return dict(Counter(s.reason for s in self.skipped).most_common())


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    entries: tuple[dict[str, Any], ...]  # YAML-shaped predicate entries
    lemmas: frozenset[str]  # every verb the dictionary defines, coded or not
    report: ReadReport


@dataclass(frozen=True, slots=True)
class _Verb:
    lemma: str
    particle: str | None
    before: tuple[str, ...]  # fixed words just before the verb ("wire" in WIRE_+TAP)
    code: str | None  # its own code, if the line gives one

    @property
    def key(self) -> str:
        return "_".join((*self.before, self.lemma, *((self.particle,) if self.particle else ())))


@dataclass(slots=True)
class _Block:
    line: int
    code: str
    verbs: list[_Verb] = field(default_factory=list)
    patterns: list[tuple[int, str, str]] = field(default_factory=list)  # (line, body, code)


class _Unrepresentable(Exception):
    """A pattern diurna cannot express: skipped and counted."""


def _uncomment(text: str) -> list[str]:
    """Lines without comments; a `<!-- -->` comment keeps its line breaks so line
    numbers stay those of the file."""
    text = re.sub(r"<!--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)
    if "<!--" in text:
        line = text[: text.index("<!--")].count("\n") + 1
        raise ValueError(f"line {line}: a <!-- comment is never closed with -->")
    return [re.split(r"[#;]", raw, maxsplit=1)[0].rstrip() for raw in text.splitlines()]


def parse(text: str, origin: str) -> VerbDictionary:
    """Read a PETRARCH verb dictionary. Raises ValueError("<origin>:<line>: ...")
    when the file is not one (a pattern outside any verb block, no verb block at all,
    an unclosed comment); patterns it cannot represent are skipped and reported."""
    try:
        lines = _uncomment(text)
    except ValueError as exc:
        raise ValueError(f"{origin}: {exc}") from None
    synsets: dict[str, list[str]] = {}
    blocks: list[_Block] = []
    skipped: list[Skip] = []
    synset: str | None = None
    block: _Block | None = None
    for n, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            synset = None
            if block is not None and block.patterns:
                block = None  # a blank line ends a block's patterns
            continue
        if line.startswith("&"):
            synset = line[1:].strip().rstrip("_").upper()
            if not synset or not _WORD.match(synset.replace("_", "")):
                raise ValueError(f"{origin}:{n}: bad synset name {line!r}")
            synsets[synset] = []
            continue
        if line.startswith("+") and synset is not None:
            synsets[synset].append(line[1:].strip())
            continue
        header = _HEADER.match(line)
        if header:
            synset = None
            block = _Block(n, _code(header.group(2)))
            blocks.append(block)
            continue
        if line.startswith("-"):
            if block is None:
                raise ValueError(f"{origin}:{n}: pattern {line!r} outside a verb block; start one with --- VERB [CODE] ---")
            m = _PATTERN.match(line)
            if m is None:
                skipped.append(Skip(n, line, "pattern without a [code] at its end"))
            else:
                block.patterns.append((n, m.group(1), _code(m.group(2))))
            continue
        synset = None
        verb = _verb_line(line.lstrip("+"))
        if verb is None:
            skipped.append(Skip(n, line, "verb line not of the form VERB {FORMS} [CODE]"))
            continue
        if block is None:
            block = _Block(n, verb.code or "---")
            blocks.append(block)
        block.verbs.append(verb)
    if not blocks:
        raise ValueError(f"{origin}: no verb block found; is this a PETRARCH verb dictionary (--- VERB [CODE] ---)?")
    return _entries(blocks, _expand(synsets), skipped)


def _code(raw: str | None) -> str:
    return " ".join((raw or "").split()) or "---"


def _verb_line(line: str) -> _Verb | None:
    m = _VERB.match(line)
    if m is None:
        return None
    words = [w for w in re.split(r"[\s_]+", m.group(1).strip()) if w]
    if not words or not all(_WORD.match(w.lstrip("+")) for w in words):
        return None
    at = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    after = words[at + 1:]
    if len(after) > 1:
        return None
    return _Verb(
        lemma=words[at].lstrip("+").lower(),
        particle=after[0].lower() if after else None,
        before=tuple(w.lower() for w in words[:at]),
        code=_code(m.group(2)) if m.group(2) is not None else None,
    )


def _expand(synsets: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Synset -> phrases ("swiss francs"), members naming another synset expanded
    once; an undefined member synset leaves the synset undefined."""
    out: dict[str, tuple[str, ...]] = {}
    for name, members in synsets.items():
        phrases: list[str] = []
        for member in members:
            if member.startswith("&"):
                inner = synsets.get(member[1:].rstrip("_").upper())
                if inner is None or any(m.startswith("&") for m in inner):
                    phrases = []
                    break
                phrases += [_phrase(m) for m in inner]
            else:
                phrases.append(_phrase(member))
        if phrases and all(phrases):
            out[name] = tuple(dict.fromkeys(phrases))
    return out


def _phrase(member: str) -> str:
    return " ".join(w.lower() for w in re.split(r"[\s_]+", member.strip()) if w)


def _entries(blocks: list[_Block], synsets: dict[str, tuple[str, ...]], skipped: list[Skip]) -> VerbDictionary:
    entries: list[dict[str, Any]] = []
    partial: list[Skip] = []
    read = 0
    lemmas = frozenset(v.lemma for b in blocks for v in b.verbs)
    for block in blocks:
        for verb in block.verbs:
            code = verb.code or block.code
            if code not in _NULL:
                try:
                    entries.append(_bare(block, verb, _cameo(code, block.line, partial, f"verb {verb.lemma}")))
                except _Unrepresentable as exc:
                    skipped.append(Skip(block.line, f"verb {verb.lemma} [{code}]", str(exc)))
        for line, body, code in block.patterns:
            try:
                entries += _pattern_entries(block, line, body, code, synsets, partial)
                read += 1
            except _Unrepresentable as exc:
                skipped.append(Skip(line, f"- {body} [{code}]", str(exc)))
    report = ReadReport(verbs=len(lemmas), patterns_read=read, skipped=tuple(skipped), partial=tuple(partial),
                        synsets=len(synsets))
    return VerbDictionary(tuple(entries), lemmas, report)


def _cameo(code: str, line: int, partial: list[Skip], what: str) -> str:
    if code in _NULL:
        raise _Unrepresentable("null code: diurna has no entry that blocks a shorter pattern")
    first = code.split(":")[0].strip()
    if first not in cameo.codebook():
        raise _Unrepresentable("code outside the CAMEO codebook (cameo.tsv)")
    if ":" in code:
        partial.append(Skip(line, f"{what} [{code}]", "dual code: only the first (source -> target) event is coded"))
    return first


def _bare(block: _Block, verb: _Verb, code: str) -> dict[str, Any]:
    entry = _base(verb, f"L{block.line}-{verb.key}", code)
    entry["target"] = ["dobj", *PREP_TARGETS]
    return entry


def _base(verb: _Verb, ident: str, code: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": ident, "pos": "verb", "lemmas": [verb.lemma], "code": code}
    if verb.particle:
        entry["particle"] = verb.particle
    if verb.before:
        entry["before"] = ["_" + w for w in verb.before]
    return entry


def _pattern_entries(block: _Block, line: int, body: str, code: str, synsets: dict[str, tuple[str, ...]],
                     partial: list[Skip]) -> list[dict[str, Any]]:
    if any(ch in body for ch in "{}|()"):
        raise _Unrepresentable("disjunction sets ({A|B}) are not supported; use a synset")
    code = _cameo(code, line, partial, f"- {body}")
    before, after, target, reciprocal, coordinated = _split(body, synsets)
    out = []
    for verb in block.verbs:
        entry = _base(verb, f"L{line}-{verb.key}", code)
        entry["before"] = before + entry.get("before", [])
        if after:
            entry["after"] = after
        entry["target"] = target
        if reciprocal:
            entry["reciprocal"] = True
        if coordinated:
            entry["requires_coordinated_subject"] = True
        out.append(entry)
    return out


def _elements(body: str) -> list[tuple[str, bool]]:
    """Pattern tokens with a flag: joined by "_" to the token before it."""
    out: list[tuple[str, bool]] = []
    for chunk in body.split():
        parts = chunk.split("_")
        for i, part in enumerate(parts):
            if part:
                out.append((part, i > 0 and bool(parts[i - 1])))
    return out


def _split(body: str, synsets: dict[str, tuple[str, ...]]) -> tuple[list[str], list[str], list[str], bool, bool]:
    """(before slots, after slots, targets, reciprocal, coordinated subject) of a
    pattern body."""
    elems = _elements(body)
    stars = [i for i, (t, _) in enumerate(elems) if t in ("*", "**")]
    if len(stars) != 1:
        raise _Unrepresentable("a pattern needs exactly one * (the verb)")
    at = stars[0]
    pre, post = elems[:at], elems[at + 1:]
    before: list[str] = []
    # "% * ...": a compound subject whose members act on each other ("Gondor and
    # Osgiliath have postponed their meeting")
    compound_subject = any(tok == "%" for tok, _ in pre)
    for i, (tok, _) in enumerate(pre):
        if tok == "+":
            raise _Unrepresentable("target before the verb (+ ... *): diurna's target follows the verb")
        if tok in ("$", "%", "^"):
            continue  # the subject is diurna's source already
        glued_right = (pre[i + 1][1] if i + 1 < len(pre) else elems[at][1])
        before.append(("_" if glued_right else "") + _slot(tok, synsets))
    after: list[str] = []
    targets: list[str] = []
    reciprocal = False
    prev = ""
    for tok, glued in post:
        if tok == "$":
            raise _Unrepresentable("source after the verb ($): diurna's source is the subject")
        if tok in ("+", "%"):
            targets.append(prev if prev in _PREPOSITIONS else "dobj")
            reciprocal = reciprocal or tok == "%"
            prev = tok
            continue
        if tok == "^":
            prev = tok
            continue
        after.append(("_" if glued else "") + _slot(tok, synsets))
        prev = tok.lower()
    if compound_subject and not targets:
        return before, after, [], True, True
    if not targets:
        content = [s for s in after if s.lstrip("_") not in _PREPOSITIONS]
        targets = list(PREP_TARGETS) if content else ["dobj", *PREP_TARGETS]
    return before, after, list(dict.fromkeys(targets)), reciprocal, compound_subject


def _slot(tok: str, synsets: dict[str, tuple[str, ...]]) -> str:
    if tok.startswith("&"):
        name = tok[1:].rstrip("_").upper()
        if name not in synsets:
            raise _Unrepresentable(f"synset &{name} is not defined (or not usable)")
        return "|".join(synsets[name])
    if not _WORD.match(tok):
        raise _Unrepresentable(f"token {tok!r} is not a word, synset or marker ($ + % ^)")
    return tok.lower()
