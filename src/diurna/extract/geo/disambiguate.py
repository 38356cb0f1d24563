"""Choose one gazetteer candidate per mention.

A documented cascade, in the spirit of CLIFF's "focus" heuristics:
1. a qualifier narrows the candidates ("Paris, Texas" keeps places in Texas; "Kharkiv
   region" prefers an administrative area);
2. every candidate gets a prior from its feature class (country > continent > state or
   region or sea > county > city) and, for cities, its population;
3. the document's focus -- countries and US states of the dateline, of the other place
   names' best readings, and of the actors the entities extractor coded -- adds a bonus
   to candidates inside it, so "Dublin" next to "Ohio" is Dublin, Ohio;
4. one sense per discourse: every mention of the same name gets the same reading, the
   qualified one if any mention was qualified.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ...knowledge import place_features
from ...knowledge.place_features import ADMIN1, CITY, COUNTRY
from .candidates import PlaceMention
from .gazetteer import PYCOUNTRY, Candidate, Gazetteer, name_key

_FEATURES = place_features.load()
PRIOR = _FEATURES.prior  # by feature class: country > continent > state, region or sea > county > city
# ISO 3166-2 subdivisions from pycountry: many are small or named like a bigger town,
# and most have no coordinates of their own, so they rank below our curated table.
PYCOUNTRY_PENALTY = 4.5
POPULATION_WEIGHT = 0.8  # per order of magnitude: a city of 1M gets 4.8
ALTERNATE_PENALTY = 1.0
COUNTRY_FOCUS_BONUS = 2.5
STATE_FOCUS_BONUS = 2.0
ADMIN_WORD_BONUS = 3.0
AREA_FEATURES = _FEATURES.areas


@dataclass(frozen=True, slots=True)
class Resolution:
    mention: PlaceMention
    candidate: Candidate | None
    how: str  # only | prior | focus | qualifier | admin-word | unresolved


@dataclass(frozen=True, slots=True)
class Focus:
    countries: Counter[str]
    states: Counter[tuple[str, str]]  # (iso3, admin1)

    def without(self, cand: Candidate | None) -> Focus:
        """The focus minus one mention's own contribution, so a name cannot vote for itself."""
        if cand is None:
            return self
        countries, states = Counter(self.countries), Counter(self.states)
        if cand.country:
            countries[cand.country] -= 1
        if cand.country and cand.admin1:
            states[(cand.country, cand.admin1)] -= 1
        return Focus(+countries, +states)


def resolve(
    mentions: list[PlaceMention],
    gaz: Gazetteer,
    dateline: str | None = None,
    actor_countries: Iterable[str] = (),
) -> list[Resolution]:
    groups: dict[str, list[PlaceMention]] = {}
    for m in mentions:
        groups.setdefault(name_key(m.text), []).append(m)
    options = {key: _options(ms, gaz) for key, ms in groups.items()}

    first = {key: _best(cands, None)[0] for key, cands in options.items()}
    focus = _focus(first.values(), _dateline_candidate(dateline, gaz), actor_countries)
    chosen: dict[str, tuple[Candidate | None, str]] = {}
    for key, cands in options.items():
        chosen[key] = _best(cands, focus.without(first[key]))
    out: list[Resolution] = []
    for key, ms in groups.items():
        cand, how = chosen[key]
        out.extend(Resolution(m, cand, how) for m in ms)
    out.sort(key=lambda r: r.mention.start)
    return out


@dataclass(frozen=True, slots=True)
class _Options:
    candidates: tuple[Candidate, ...]
    how: str  # what narrowed them: "qualifier", "admin-word" or ""
    admin_word: bool


def _options(ms: list[PlaceMention], gaz: Gazetteer) -> _Options:
    """The candidates of a name, narrowed by a qualifier on any of its mentions."""
    cands = gaz.lookup(ms[0].text)
    # A country or region name followed by ", X" is a list ("China, Japan"), not a
    # qualified town name: qualifiers narrow only names whose best reading is a town.
    top = _best(_Options(cands, "", False), None)[0]
    qualifiable = top is not None and top.feature in _FEATURES.qualifiable
    for m in ms:
        if m.qualifier and qualifiable:
            narrowed = _qualified(cands, m.qualifier, gaz)
            if narrowed:
                return _Options(narrowed, "qualifier", False)
    admin = any(m.admin_word for m in ms)
    return _Options(cands, "admin-word" if admin else "", admin)


def _qualified(cands: tuple[Candidate, ...], qualifier: str, gaz: Gazetteer) -> tuple[Candidate, ...]:
    state = gaz.us_state_codes.get(qualifier)
    areas = [c for c in gaz.lookup(qualifier) if c.feature in _FEATURES.qualifiers and not c.alternate]
    if state is None:
        state = next((c.admin1 for c in areas if c.feature == ADMIN1 and c.country == "USA"), None)
    if state is not None:
        return tuple(c for c in cands if c.country == "USA" and c.admin1 == state and c.feature != ADMIN1)
    countries = {c.country for c in areas if c.country}
    return tuple(c for c in cands if c.country in countries and c.feature != COUNTRY)


def _best(opts: _Options, focus: Focus | None) -> tuple[Candidate | None, str]:
    if not opts.candidates:
        return None, "unresolved"
    if len(opts.candidates) == 1:
        return opts.candidates[0], opts.how or "only"
    scored = sorted(opts.candidates, key=lambda c: _score(c, focus, opts.admin_word), reverse=True)
    best = scored[0]
    if opts.how:
        return best, opts.how
    used_focus = focus is not None and _score(best, None, False) < _score(scored[1], None, False)
    return best, "focus" if used_focus else "prior"


def _score(c: Candidate, focus: Focus | None, admin_word: bool) -> float:
    s = PRIOR.get(c.feature, 7.0)
    if c.feature == CITY:
        s += POPULATION_WEIGHT * math.log10(c.population + 1)
    if c.alternate:
        s -= ALTERNATE_PENALTY
    if c.source == PYCOUNTRY:
        s -= PYCOUNTRY_PENALTY
    if admin_word and c.feature in AREA_FEATURES:
        s += ADMIN_WORD_BONUS
    if c.lat is None:
        s -= 0.5  # a reading we cannot place on a map loses ties
    if focus is not None and c.country:
        # Graded by how much of the article is about that country or state, so one
        # passing "U.S." does not pull "Mecca" to California.
        s += COUNTRY_FOCUS_BONUS * _share(focus.countries, c.country)
        if c.admin1:
            s += STATE_FOCUS_BONUS * _share(focus.states, (c.country, c.admin1))
    return s


def _share(counts: Counter, key: object) -> float:
    n = counts.get(key, 0)
    return n / max(counts.values()) if n else 0.0


def _dateline_candidate(dateline: str | None, gaz: Gazetteer) -> Candidate | None:
    if not dateline:
        return None
    head = dateline.split(",")[0].strip()
    for text in (dateline.strip(), head, head.title()):
        cands = gaz.lookup(text)
        if cands:
            return _best(_Options(cands, "", False), None)[0]
    return None


def _focus(bests: Iterable[Candidate | None], dateline: Candidate | None, actor_countries: Iterable[str]) -> Focus:
    countries: Counter[str] = Counter()
    states: Counter[tuple[str, str]] = Counter()
    for c in bests:
        if c is None or not c.country:
            continue
        countries[c.country] += 1
        if c.admin1:
            states[(c.country, c.admin1)] += 1
    if dateline is not None and dateline.country:
        countries[dateline.country] += 2
        if dateline.admin1:
            states[(dateline.country, dateline.admin1)] += 2
    countries.update(c for c in actor_countries if c)
    return Focus(countries, states)
