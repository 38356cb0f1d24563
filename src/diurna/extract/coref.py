"""In-document coreference for people: short forms, role nominals and pronouns.

Deterministic and cautious, in the textacy spirit: a reference is tied to a person
only when exactly one compatible person is in view; otherwise it is left alone.
- surname / honorific forms ("Mr Khan", "Khan", "President Xi") -> the person whose
  full name has that short form; when two people share it, the role in the short
  form ("chairman Khan", "Prime Minister Khan") or, failing that, being the only one
  named in the current or previous sentence decides; otherwise nothing is linked;
- role nominals ("the Kenyan leader", "the president") -> the most recent person with
  a compatible role and country;
- pronoun subjects ("he said") -> the only person named in the previous sentence and
  the current one before the pronoun, with a compatible gender if one is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..knowledge.gazetteer import fold, words


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
    return fb in ("leader", "ruler", "head of state", "head of government") and fa in leaders


def resolve_short(
    short: str,
    role: str | None,
    sentence: int,
    people: list[PersonRef],
    forms: list[set[str]],
    leaders: frozenset[str],
) -> int | None:
    """Index into `people` of the person a short form refers to, or None if unsure."""
    key = fold(" ".join(words(short)))
    cands = [i for i, f in enumerate(forms) if key in f]
    if role is not None:
        fitting = [i for i in cands if roles_compatible(people[i].role, role, leaders)]
        cands = fitting or cands
    if len(cands) <= 1:
        return cands[0] if cands else None
    near = [i for i in cands if people[i].sentences & {sentence, sentence - 1}]
    return near[0] if len(near) == 1 else None


def resolve_nominal(
    role: str,
    country: str | None,
    position: int,
    people: list[PersonRef],
    leaders: frozenset[str],
) -> int | None:
    """The most recent person before `position` compatible with "the <country> <role>"."""
    best, best_pos = None, -1
    for i, p in enumerate(people):
        before = [s for s, _, _ in p.spans if s < position]
        if not before or not p.role:
            continue
        if country is not None and p.country != country:
            continue
        if not roles_compatible(p.role, role, leaders):
            continue
        if max(before) > best_pos:
            best, best_pos = i, max(before)
    return best


def resolve_pronoun(
    pronoun: str,
    position: int,
    sentence: int,
    people: list[PersonRef],
    mention_sentence: dict[int, int],
) -> int | None:
    """The only person in view of a subject pronoun, or None."""
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
