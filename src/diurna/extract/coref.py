"""In-document coreference: short forms and role nominals of people, and pronouns.

Deterministic and cautious, in the textacy spirit: a reference is tied to a person
only when exactly one compatible person is in view; otherwise it is left alone.
- surname / honorific forms ("Mr Khan", "Khan", "President Xi") -> the person whose
  full name has that short form; when two people share it, the role in the short
  form ("chairman Khan", "Prime Minister Khan") or, failing that, being the only one
  named in the current or previous sentence decides; otherwise nothing is linked;
- role nominals ("the Kenyan leader", "the president") -> the most recent person with
  a compatible role and country;
- third-person pronouns ("he", "his", "they", "their", "its") -> the entity of the
  nearest sentence (up to two back) with a mention that agrees in kind, number and
  known gender, preferring a clause subject, then the first named; an object pronoun
  never stands for its own verb's subject, and a pronoun outside quotation marks never
  for a mention inside them (extract/references.py). Which words are pronouns of which kind is
  knowledge (grammar.yaml).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..knowledge import grammar
from ..knowledge.gazetteer import fold, words
from ..model import CountryFrom


@dataclass(slots=True)
class PersonRef:
    """A person being assembled inside one document (local to one extraction call)."""

    name: str
    country: str | None = None
    role: str | None = None
    sector: str | None = None
    gender: str | None = None  # male | female, from honorifics
    spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, label)
    sentences: set[int] = field(default_factory=set)
    rule: str = ""
    country_from: CountryFrom | None = None  # Entity.country_from: None when the text states it


def short_forms(name: str, particles: frozenset[str], east_asian: frozenset[str]) -> set[str]:
    """Folded short forms by which `name` may be referred to later."""
    ws = words(name)
    if len(ws) < 2:
        return {fold(name)}
    if ws[0] in east_asian and len(ws) <= 3:
        return {fold(ws[0])}  # family name first: "Xi Jinping" -> "Xi"
    out = {fold(ws[-1])}
    tail = [w for w in ws[1:] if fold(w) not in particles]
    if tail:
        out.add(fold(tail[-1]))
        # "Omar Hassan al-Bashir" may come back as "al-Bashir"
        i = ws.index(tail[-1])
        if i > 0 and fold(ws[i - 1]) in particles:
            out.add(fold(ws[i - 1] + " " + ws[i]))
    if len(ws) >= 3 and fold(ws[-2]) in particles:  # "von der Leyen"
        k = len(ws) - 1
        while k > 1 and fold(ws[k - 1]) in particles:
            k -= 1
        out.add(fold(" ".join(ws[k:])))
    return out


def roles_compatible(a: str | None, b: str | None, leaders: frozenset[str]) -> bool:
    """Does role `b` (of a short form or nominal) fit a person whose role is `a`?"""
    if b is None:
        return True
    if a is None:
        return False
    fa, fb = fold(a).replace("former ", ""), fold(b).replace("former ", "")
    if fa == fb or fa.endswith(" " + fb) or fb.endswith(" " + fa):
        return True
    return fb in grammar.load().leader_roles and fa in leaders


def resolve_short(
    short: str,
    role: str | None,
    sentence: int,
    people: list[PersonRef],
    forms: list[set[str]],
    leaders: frozenset[str],
    notable: bool = False,
) -> int | None:
    """Index into `people` of the person a short form refers to, or None if unsure.
    With `notable` (setting full_coref), of several people sharing it and none in view,
    the one the text gave an office or a country ("Sali Berisha" the former prime
    minister, not his wife and son named later)."""
    key = fold(" ".join(words(short)))
    cands = [i for i, f in enumerate(forms) if key in f]
    if role is not None:
        fitting = [i for i in cands if roles_compatible(people[i].role, role, leaders)]
        cands = fitting or cands
    if len(cands) <= 1:
        return cands[0] if cands else None
    near = [i for i in cands if people[i].sentences & {sentence, sentence - 1}]
    if len(near) == 1:
        return near[0]
    known = [i for i in (near or cands) if people[i].role or people[i].country]
    return known[0] if notable and len(known) == 1 else None


def resolve_nominal(
    role: str,
    country: str | None,
    position: int,
    people: list[PersonRef],
    leaders: frozenset[str],
    open_country: bool = False,
) -> int | None:
    """The most recent person before `position` compatible with "the <country> <role>".
    With `open_country`, when no person of that country fits, a person whose country
    the text has not stated (none, or only a guess) may be the one ("spokesperson Abdul
    Marat said ... the Ugandan foreign ministry spokesperson said"): the caller gives
    them the nominal's country."""
    found = _nominal_match(role, country, position, people, leaders, lambda p: p.country == country)
    if found is None and open_country and country is not None:
        found = _nominal_match(role, country, position, people, leaders,
                               lambda p: p.country is None or p.country_from is not None)
    return found


def _nominal_match(role: str, country: str | None, position: int, people: list[PersonRef], leaders: frozenset[str],
                   fits: Callable[[PersonRef], bool]) -> int | None:
    best, best_pos = None, -1
    for i, p in enumerate(people):
        before = [s for s, _, _ in p.spans if s < position]
        if not before or not p.role:
            continue
        if country is not None and not fits(p):
            continue
        if not roles_compatible(p.role, role, leaders):
            continue
        if max(before) > best_pos:
            best, best_pos = i, max(before)
    return best


# What a pronoun may stand for: a person, a group (plural), a body (one organisation or
# country).
PERSON, GROUP, BODY = "person", "group", "body"


@dataclass(frozen=True, slots=True)
class Antecedent:
    """A mention a pronoun may stand for: an entity being assembled (`key`, the caller's
    index), what it is ("person", "group": plural, "body": a singular organisation or
    country), and whether it is the subject of a clause (`verb`: its verb's token index)."""

    start: int
    sentence: int
    key: int
    kind: str
    gender: str | None = None
    verb: int | None = None


@dataclass(frozen=True, slots=True)
class Pronoun:
    """A third-person pronoun to resolve: the kinds and gender it agrees with, and for an
    object form the verb whose own subject it cannot be ("X criticised him")."""

    start: int
    sentence: int
    kinds: frozenset[str]
    gender: str | None = None
    object_of: int | None = None


# Sentences a pronoun looks back over, its own included: further back a name comes again.
PRONOUN_WINDOW = 3


def resolve_pronoun(pronoun: Pronoun, antecedents: list[Antecedent]) -> int | None:
    """The key of the entity a pronoun stands for: of the agreeing mentions before it,
    those of the nearest sentence that has any (recency), and among them one that agrees
    in a known gender, then a clause subject, then the first named (subject and first
    mention preference, as in Hobbs' and Lappin and Leass' orderings); None when no
    mention in the window agrees."""
    for sentence in range(pronoun.sentence, pronoun.sentence - PRONOUN_WINDOW, -1):
        found = [a for a in antecedents if a.sentence == sentence and a.start < pronoun.start and _agrees(pronoun, a)]
        if found:
            # in its own sentence the nearest subject before it ("X said Y had used power
            # for his own ends": Y), in an earlier one the first ("X met Y. He said")
            here = -1 if sentence == pronoun.sentence else 1
            best = min(found, key=lambda a: (a.gender is None or a.gender != pronoun.gender, a.verb is None,
                                             here * a.start))
            if pronoun.gender is not None and best.gender == pronoun.gender \
                    and any(a.key != best.key and a.gender == pronoun.gender for a in found):
                return None  # "Mr Ruto met Mr Museveni. He said": two men in view, bail out
            return best.key
    return None


def _agrees(pronoun: Pronoun, a: Antecedent) -> bool:
    if a.kind not in pronoun.kinds:
        return False
    if pronoun.gender is not None and a.gender not in (None, pronoun.gender):
        return False
    return pronoun.object_of is None or a.verb != pronoun.object_of


def resolve_subject_pronoun(
    pronoun: str,
    position: int,
    sentence: int,
    people: list[PersonRef],
    mention_sentence: dict[int, int],
) -> int | None:
    """The only person in view of a subject pronoun, or None (the cautious reading
    kept while setting full_coref is off)."""
    gender = "male" if fold(pronoun) == "he" else "female"
    in_view = []
    for i, p in enumerate(people):
        seen = any(
            mention_sentence.get(s) == sentence - 1 or (mention_sentence.get(s) == sentence and s < position)
            for s, _, label in p.spans
            if label != "coref:pronoun" and label != "title"
        )
        if seen and p.gender in (None, gender):
            in_view.append(i)
    return in_view[0] if len(in_view) == 1 else None
