"""What a speaker's description says of them: the sector that the title or apposition of
a name ("political analyst Jon Doe", "Jon Doe, a senior fellow at the Ridgeway
Institute,") gives a speaker the entity stage left without one, and the sectors whose
statements are no events (`knowledge/statement_speakers.tsv`,
`knowledge/statement_speaker_words.tsv`; the coding guide: "quotes of analysts,
experts, researchers, eyewitnesses, residents or the reporter are not events").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ...knowledge import read_tsv
from ...knowledge.gazetteer import SECTORS
from ..tokens import covering

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ...knowledge.gazetteer import Roles
    from ...model import Entity

SPEAKERS_FILE = "statement_speakers.tsv"
WORDS_FILE = "statement_speaker_words.tsv"
_PLACES = (ROLE, BODY) = ("ROLE", "BODY")  # statement_speaker_words.tsv: a title's or apposition's head, a body's word


@lru_cache(maxsize=1)
def quiet_sectors() -> frozenset[str]:
    """The sectors whose statements are not events (package data, checked at load)."""
    rows = read_tsv(SPEAKERS_FILE, 2)
    unknown = sorted(code for code, _ in rows if code not in SECTORS)
    if unknown:
        raise ValueError(f"{SPEAKERS_FILE}: unknown sectors {unknown}")
    return frozenset(code for code, _ in rows)


@lru_cache(maxsize=1)
def speaker_words() -> dict[str, dict[tuple[str, ...], str]]:
    """Place (ROLE, BODY) -> lemmas -> the quiet sector they give a speaker (package
    data, checked at load against statement_speakers.tsv)."""
    quiet = quiet_sectors()
    table: dict[str, dict[tuple[str, ...], str]] = {place: {} for place in _PLACES}
    for words, place, sector in read_tsv(WORDS_FILE, 3):
        if place not in table or sector not in quiet:
            raise ValueError(f"{WORDS_FILE}: {words!r}: place in {_PLACES}, sector in {sorted(quiet)}")
        table[place][tuple(words.split())] = sector
    return table


def described_sector(doc: Doc, ent: Entity, roles: Roles) -> str | None:
    """The sector a person's or body's description gives it at any of its mentions: the
    head of its title or apposition ("political analyst Jon Doe", "Jon Doe, a senior
    fellow at ...": `knowledge/statement_speaker_words.tsv`, else a role word of
    roles.yaml: "a professor") or a word of the body named after it ("of the Ridgeway
    Institute"). The entity stage reads only titles that name an office; the coding
    guide leaves analysts', experts' and witnesses' statements uncoded (news dev: 136
    neutral statements by speakers with neither a sector nor a country, 18 right)."""
    table = speaker_words()
    described = [d for m in ent.mentions if (span := covering(doc, m.start, m.end)) is not None
                 for d in _descriptions(span)]
    # the body first: a chair, director or secretary-general of a research institute
    # holds no office ("the Japan chair at Hudson Institute")
    found = next((s for words, place in described if place == BODY and (s := _body_sector(words, table[BODY]))), None)
    return found or next((s for words, place in described
                          if place == ROLE and (s := _role_sector(words, table[ROLE], roles))), None)


def _role_sector(words: tuple[str, ...], table: dict[tuple[str, ...], str], roles: Roles) -> str | None:
    """The sector of a title's or apposition's head with the words before it, the
    longest phrase ending at the head first ("political analyst", "analyst")."""
    n = len(words)
    for k in range(min(3, n), 0, -1):
        found = table.get(words[n - k:]) or roles.sector_of(words[n - k:])
        if found:
            return found
    return None


def _body_sector(words: tuple[str, ...], table: dict[tuple[str, ...], str]) -> str | None:
    """The sector a word (or two) of a named body gives anywhere in its phrase."""
    return next((table[w] for k in (2, 1) for i in range(len(words) - k + 1) if (w := words[i:i + k]) in table), None)


def _descriptions(span: Span) -> list[tuple[tuple[str, ...], str]]:
    """The lemmas that describe a name: its title's head with the words before it, its
    apposition's head (and a head it is the apposition of), the words of the body an
    apposition or a preposition after the name names."""
    root = span.root
    inside = range(span.start, span.end)
    heads = [t for t in root.lefts if t.i not in inside and t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("compound", "nmod")]
    heads += [t for t in root.children if t.dep_ == "appos" and t.i >= span.end]
    if root.dep_ == "appos" and root.head.i < span.start:
        heads.append(root.head)
    heads += [c for h in list(heads) for c in h.conjuncts]
    # "Berisha, his wife, Liri Berisha, ...": a possessed noun names someone else's relation
    heads = [h for h in heads if not any(c.dep_ == "poss" for c in h.children)]
    out = [(tuple(t.lemma_.lower() for t in h.subtree if t.i <= h.i and t.i not in inside and t.pos_ != "DET"), ROLE)
           for h in heads]
    tails = [h for h in heads if h.i > root.i] + [c for c in root.children if c.dep_ == "prep" and c.i >= span.end]
    out += [(tuple(t.lemma_.lower() for t in _clause_free(h)), BODY) for h in tails]
    return out


def _clause_free(head: Token) -> list[Token]:
    """A phrase's words without the clauses inside it ("a think tank that advises the
    government": not "government")."""
    skip = {t.i for c in head.subtree if c.dep_ in ("relcl", "acl", "advcl") and c is not head for t in c.subtree}
    return [t for t in head.subtree if t.i not in skip]
