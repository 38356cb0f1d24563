"""Cross-document merge rules: which entity records are one entity, which event reports
are one event. The ONE place these keys and rules live (a Spark engine imports this module).

Everything here is a pure function over plain records: no I/O, no duckdb, no globals.
Both merges work in two steps:

1. a *block key* computed from one record alone (so it can be stored with the record and
   used to fetch every record that could possibly merge with it);
2. a clustering of all records of one block, which depends only on the *set* of records:
   records are sorted by a total order first, so the result is the same whatever order
   the documents arrived in, and re-running it over the same set changes nothing.

Entities (same person across articles): same type; same normalised canonical name; countries
agree (a record without a country joins only when the name has exactly one country).
A surname-only person ("Macron") joins the one full name of that block that ends with it
(country compatible); when two full names could claim it, it stays on its own: bail out
rather than guess.

Events (same real event reported by several articles): same CAMEO root code (code family),
same dyad (source and target actor keys), same modality class, and then, within that
block, dates and places compatible with every report already in the cluster (complete
linkage, so a chain of daily protests does not collapse into one event). Reports of two
different articles must moreover show they describe the same occurrence
(`same_occurrence`): similar evidence sentences, or the same participants' names on both
sides of the dyad at the same place. Code, dyad and day alone joined unrelated letters by
two senators to one government; a shared speaker's name alone joins different statements
of one person on one day ("Trump said ...", and "he", "they", "analysts"), and a shared
country joins anything in it. Measured on hand-judged merges of a VOA store
(scripts/merge_precision.py): merged-event precision 0.42 (code, dyad, day) -> 0.57 (or
names, or place) -> 0.94 (this rule), keeping 39 of the 49 judged same-occurrence pairs.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

# Two day-precise dates this many days apart may still describe one event: outlets date
# an evening event on different days, and time zones shift a day.
DAY_TOLERANCE = 1
# An event without its own date is taken to have happened on the publication day or
# up to this many days before it (news reports the recent past).
PUBLISHED_LOOKBACK = 2
# Two geocoded locations farther apart than this are different events.
MAX_DISTANCE_KM = 150.0
# Two evidence sentences whose longer words (EVIDENCE_MIN_CHARS or more) overlap this much
# (Jaccard) tell of the same occurrence; the length cut drops function words without a list.
EVIDENCE_SIMILARITY = 0.3
EVIDENCE_MIN_CHARS = 4

_NON_WORD = re.compile(r"[^\w'\-]+")

# --------------------------------------------------------------------------- helpers


def normalise_name(name: str) -> str:
    """Lower case, accents and punctuation folded, single spaces: the comparison form."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    folded = folded.replace("’", "'")
    return " ".join(_NON_WORD.sub(" ", folded).split())


def stable_hash(*parts: object, n: int = 16) -> str:
    """First n hex chars of the SHA-256 of the parts joined by a separator no part holds."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:n]


def source_key(agency: str | None, publisher: str | None, url: str | None, doc_id: str) -> str:
    """Who the article comes from, for NumSources: the wire agency when it is wire copy
    (three sites running one Reuters story are one source), else the publisher, else
    the URL's host, else the document itself."""
    if agency:
        return "agency:" + normalise_name(agency)
    if publisher:
        return "publisher:" + normalise_name(publisher)
    if url:
        host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower()).split("/", 1)[0]
        host = host.split("@")[-1].split(":")[0]
        if host.startswith("www."):
            host = host[4:]
        if host:
            return "host:" + host
    return "document:" + doc_id


def _most_common(values: Iterable[str | None]) -> str | None:
    """The most frequent non-empty value; ties go to the smallest, so the pick is stable."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


# --------------------------------------------------------------------------- entities


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One entity of one document, as the merge sees it."""

    doc_id: str
    local_id: str
    name: str
    type: str
    country: str | None = None
    aliases: tuple[str, ...] = ()  # mention texts
    role: str | None = None
    sector: str | None = None
    actor_code: str | None = None
    mentions: int = 1

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc_id, self.local_id)

    @property
    def norm(self) -> str:
        return normalise_name(self.name)


@dataclass(frozen=True, slots=True)
class EntityCluster:
    id: str
    name: str
    type: str
    country: str | None
    role: str | None
    sector: str | None
    actor_code: str | None
    aliases: tuple[str, ...]
    members: tuple[tuple[str, str], ...]  # (doc_id, local_id), sorted
    num_documents: int
    num_mentions: int


def entity_block(record: EntityRecord) -> str:
    """People block on their surname (so "Macron" meets "Emmanuel Macron"); other
    entities on their whole normalised name."""
    norm = record.norm
    if record.type == "PERSON" and norm:
        return f"PERSON|{norm.split()[-1]}"
    return f"{record.type}|{norm}"


def cluster_entities(records: Sequence[EntityRecord]) -> list[EntityCluster]:
    """Cluster the records of one block (or several: blocks never interact)."""
    by_block: dict[str, list[EntityRecord]] = {}
    for r in sorted(set(records), key=lambda r: r.key):
        by_block.setdefault(entity_block(r), []).append(r)
    out: list[EntityCluster] = []
    for block in sorted(by_block):
        out.extend(_cluster_entity_block(by_block[block]))
    return sorted(out, key=lambda c: c.id)


def _cluster_entity_block(records: list[EntityRecord]) -> list[EntityCluster]:
    groups: dict[tuple[str, str | None], list[EntityRecord]] = {}
    shorts: list[EntityRecord] = []
    for r in records:
        if r.type == "PERSON" and len(r.norm.split()) == 1:
            shorts.append(r)
        else:
            groups.setdefault((r.norm, r.country), []).append(r)
    _fold_countryless(groups)
    for r in shorts:
        target = _claim_short(r, groups)
        groups.setdefault(target or (r.norm, r.country), []).append(r)
    _fold_countryless(groups)
    return [_entity_cluster(members) for _, members in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1] or ""))]


def _fold_countryless(groups: dict[tuple[str, str | None], list[EntityRecord]]) -> None:
    """A name seen without a country joins that name's group when exactly one country is known."""
    for norm, country in sorted((k for k in groups if k[1] is None), key=lambda k: k[0]):
        known = [k for k in groups if k[0] == norm and k[1] is not None]
        if len(known) == 1:
            groups[known[0]].extend(groups.pop((norm, country)))


def _claim_short(r: EntityRecord, groups: dict[tuple[str, str | None], list[EntityRecord]]) -> tuple[str, str | None] | None:
    candidates = [
        k for k in sorted(groups, key=lambda k: (k[0], k[1] or ""))
        if len(k[0].split()) > 1 and k[0].split()[-1] == r.norm and (r.country is None or k[1] in (None, r.country))
    ]
    if len(candidates) > 1:  # prefer full names whose articles also used the short form
        used = [k for k in candidates if any(r.norm in {normalise_name(a) for a in m.aliases} for m in groups[k])]
        candidates = used
    return candidates[0] if len(candidates) == 1 else None


def _entity_cluster(members: list[EntityRecord]) -> EntityCluster:
    members = sorted(members, key=lambda r: r.key)
    full = [m.name for m in members if len(m.norm.split()) > 1] or [m.name for m in members]
    counts = Counter(full)
    name = min(counts, key=lambda v: (-counts[v], -len(v), v))
    country = _most_common(m.country for m in members)
    etype = members[0].type
    aliases = tuple(sorted({a for m in members for a in (m.name, *m.aliases)}))
    return EntityCluster(
        id="E" + stable_hash(etype, normalise_name(name), country or "", n=15),
        name=name,
        type=etype,
        country=country,
        role=_most_common(m.role for m in members),
        sector=_most_common(m.sector for m in members),
        actor_code=_most_common(m.actor_code for m in members),
        aliases=aliases,
        members=tuple(m.key for m in members),
        num_documents=len({m.doc_id for m in members}),
        num_mentions=sum(m.mentions for m in members),
    )


# --------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One event report of one article (one supporting sentence), as the merge sees it."""

    doc_id: str
    local_id: str
    code: str
    root_code: str
    source_key: str | None
    target_key: str | None
    modality: str = "asserted"
    date: str | None = None
    date_precision: str | None = None
    published: str | None = None
    location_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    source_name: str | None = None  # the participants' names as the article gives them
    target_name: str | None = None
    evidence: str | None = None     # the supporting sentence

    @property
    def key(self) -> tuple[str, str]:
        return (self.doc_id, self.local_id)


@dataclass(frozen=True, slots=True)
class EventCluster:
    id: str
    block: str
    members: tuple[tuple[str, str], ...]  # in the clustering order; members[0] is the anchor


def actor_key(actor_code: str | None, country: str | None, name: str | None) -> str | None:
    """One side of a dyad: the CAMEO actor code when coded, else the country, else the
    normalised canonical name; None when the side is empty."""
    if actor_code:
        return "code:" + actor_code.upper()
    if country:
        return "code:" + country.upper()
    if name and normalise_name(name):
        return "name:" + normalise_name(name)
    return None


def modality_class(modality: str) -> str:
    """Asserted and future reports of one event may merge; negated or hypothetical ones
    describe something that did not happen and stay apart."""
    return modality if modality in ("negated", "hypothetical") else "real"


def event_block(r: EventRecord) -> str:
    """Code family, dyad and modality class. A report with neither source nor target has
    no dyad to match on: it can only merge with reports of the same article."""
    block = "|".join((r.root_code, r.source_key or "-", r.target_key or "-", modality_class(r.modality)))
    return block if (r.source_key or r.target_key) else f"{block}|doc:{r.doc_id}"


def date_interval(r: EventRecord) -> tuple[date, date, int] | None:
    """(first day, last day, rank): rank 0 = the event's own day, 1 = guessed from the
    publication date, 2 = a month or year; None when nothing is known."""
    try:
        if r.date and len(r.date) == 10:
            d = date.fromisoformat(r.date)
            return d, d, 0
        if r.date and len(r.date) == 7:
            y, m = int(r.date[:4]), int(r.date[5:7])
            last = (date(y + (m == 12), m % 12 + 1, 1) - timedelta(days=1))
            return date(y, m, 1), last, 2
        if r.date and len(r.date) == 4:
            y = int(r.date)
            return date(y, 1, 1), date(y, 12, 31), 2
        if r.published:
            p = date.fromisoformat(r.published[:10])
            return p - timedelta(days=PUBLISHED_LOOKBACK), p, 1
    except ValueError:
        return None
    return None


def dates_compatible(a: EventRecord, b: EventRecord) -> bool:
    ia, ib = date_interval(a), date_interval(b)
    if ia is None or ib is None:
        return True
    tol = timedelta(days=DAY_TOLERANCE)
    return ia[0] - tol <= ib[1] and ib[0] - tol <= ia[1]


def places_compatible(a: EventRecord, b: EventRecord) -> bool:
    if a.location_country and b.location_country and a.location_country != b.location_country:
        return False
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        return _km(a.lat, a.lon, b.lat, b.lon) <= MAX_DISTANCE_KM
    return True


def names_shared(a: EventRecord, b: EventRecord) -> bool:
    """Both reports name both sides of the dyad, and with the same names."""
    names = (a.source_name, a.target_name, b.source_name, b.target_name)
    if not all(n and normalise_name(n) for n in names):
        return False
    return normalise_name(names[0] or "") == normalise_name(names[2] or "") and \
        normalise_name(names[1] or "") == normalise_name(names[3] or "")


def place_shared(a: EventRecord, b: EventRecord) -> bool:
    """Both reports place the event, in the same country or within MAX_DISTANCE_KM."""
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        return _km(a.lat, a.lon, b.lat, b.lon) <= MAX_DISTANCE_KM
    return bool(a.location_country) and a.location_country == b.location_country


def _words(text: str | None) -> set[str]:
    return {w for w in normalise_name(text or "").split() if len(w) >= EVIDENCE_MIN_CHARS}


def evidence_similar(a: EventRecord, b: EventRecord) -> bool:
    """The supporting sentences share most of their longer words (Jaccard)."""
    wa, wb = _words(a.evidence), _words(b.evidence)
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= EVIDENCE_SIMILARITY


def same_occurrence(a: EventRecord, b: EventRecord) -> bool:
    """Reports of one article share their context; reports of two articles must show more
    than code, dyad and day: similar evidence, or the same names on both sides at one place.
    A name or a place alone is not enough (see the module's docstring for the figures)."""
    if a.doc_id == b.doc_id or evidence_similar(a, b):
        return True
    return names_shared(a, b) and place_shared(a, b)


def compatible(a: EventRecord, b: EventRecord, strict: bool = True) -> bool:
    """Reports that may be one event; `strict=False` is the rule before issue 19 (code family,
    dyad, day and place only), kept to measure what the stricter rule changes."""
    return dates_compatible(a, b) and places_compatible(a, b) and (not strict or same_occurrence(a, b))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _order(r: EventRecord) -> tuple:
    iv = date_interval(r)
    rank, lo, hi = (3, date.max, date.max) if iv is None else (iv[2], iv[0], iv[1])
    return (rank, lo, hi, r.location_country or "", r.doc_id, r.local_id)


def cluster_events(records: Sequence[EventRecord], strict: bool = True) -> list[EventCluster]:
    """Cluster event reports; blocks are independent, so pass one block or many."""
    by_block: dict[str, list[EventRecord]] = {}
    for r in set(records):
        by_block.setdefault(event_block(r), []).append(r)
    out: list[EventCluster] = []
    for block in sorted(by_block):
        out.extend(_cluster_event_block(block, sorted(by_block[block], key=_order), strict))
    return out


def _cluster_event_block(block: str, ordered: list[EventRecord], strict: bool = True) -> list[EventCluster]:
    """Greedy complete linkage over a total order: each report joins the first cluster
    (in creation order) whose every member it is compatible with, else starts one.
    Precise dates come first, so vaguer reports join the clusters they formed."""
    clusters: list[list[EventRecord]] = []
    for r in ordered:
        for members in clusters:
            if all(compatible(r, m, strict) for m in members):
                members.append(r)
                break
        else:
            clusters.append([r])
    return [
        EventCluster(id="V" + stable_hash(block, *members[0].key, n=15), block=block, members=tuple(m.key for m in members))
        for members in clusters
    ]
