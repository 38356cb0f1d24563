"""The Python query API over a store; `diurna events|quotes|entities|documents|stats|errors`
are thin layers over these functions.

Filters are frozen dataclasses (a follow stores one as JSON); rows come back as frozen
dataclasses with `to_dict()` for the JSON/CSV edge.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, ClassVar

from ..errors import E007, E021, DiurnaError
from .duckdb import Store

DEFAULT_LIMIT = 50


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COMPACT_DAY = re.compile(r"^\d{8}$")


def iso_day(value: str | None, what: str = "date") -> str | None:
    """The one reader of a filter date (CLI, API, follows): YYYY-MM-DD or the compact
    YYYYMMDD, returned as YYYY-MM-DD (the only form DuckDB casts); blank is no bound.
    Anything else is E007, so a bad date never reaches SQL."""
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    if _COMPACT_DAY.match(text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    try:
        if not _ISO_DAY.match(text):
            raise ValueError(text)
        return date.fromisoformat(text).isoformat()
    except ValueError as exc:
        raise DiurnaError(E007, f"{what} {value!r} (use YYYY-MM-DD or YYYYMMDD)") from exc


def _published_window(where: list[str], params: list[Any], since: str | None, until: str | None) -> None:
    """Add `--since`/`--until` bounds on the document's publication date (alias `d`)."""
    for bound, op, what in ((since, ">=", "--since"), (until, "<=", "--until")):
        day = iso_day(bound, what)
        if day is not None:
            where.append(f"d.published {op} ?::DATE")
            params.append(day)


def _limit(limit: int) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise DiurnaError(E021, f"--limit must be 1 or more, got {limit!r}")
    return limit


ENTITY_TYPES = ("PERSON", "ORG", "PLACE", "GROUP")


def _plain(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


class _Row:
    """Rows are built from query results by column name."""

    __dataclass_fields__: ClassVar[dict[str, Any]]  # every row type is a dataclass

    @classmethod
    def from_row(cls, row: dict[str, Any]):
        names = {f.name for f in fields(cls)}
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items() if k in names})

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


# --------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What `diurna events` and follows select; every field is optional and they combine with AND."""

    actor: str | None = None       # source or target: name contains, or actor code starts with
    country: str | None = None     # source, target or location country (ISO alpha-3)
    dyad: str | None = None        # "A-B": source matches A and target matches B
    code: str | None = None        # CAMEO code prefix ("04" = all of 04x)
    root: str | None = None        # CAMEO root code
    quad: int | None = None        # QuadClass 1-4
    since: str | None = None       # event day >= YYYY-MM-DD
    until: str | None = None       # event day <= YYYY-MM-DD
    q: str | None = None           # every word appears in the evidence, titles, actors or label
    min_confidence: float | None = None  # confidence >= this (0-1)
    limit: int = DEFAULT_LIMIT

    def __post_init__(self) -> None:
        # Dates are normalised here, once, so SQL, follows' JSON and the API see YYYY-MM-DD.
        object.__setattr__(self, "since", iso_day(self.since, "--since"))
        object.__setattr__(self, "until", iso_day(self.until, "--until"))
        if self.quad is not None and (isinstance(self.quad, bool) or self.quad not in (1, 2, 3, 4)):
            raise DiurnaError(E021, f"--quad must be 1, 2, 3 or 4, got {self.quad!r}")
        if self.dyad is not None and "-" not in self.dyad:
            raise DiurnaError(E021, f"--dyad takes SOURCE-TARGET, e.g. FRA-NGA, got {self.dyad!r}")
        if self.root is not None and not (self.root.isdigit() and 1 <= int(self.root) <= 20):
            raise DiurnaError(E021, f"--root takes a CAMEO root code 01-20, got {self.root!r}")
        if self.code is not None and not self.code.isdigit():
            raise DiurnaError(E021, f"--code takes CAMEO digits (043, 04), got {self.code!r}")
        object.__setattr__(self, "min_confidence", check_min_confidence(self.min_confidence))
        _limit(self.limit)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in dataclasses.asdict(self).items() if v is not None and k != "limit"}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EventFilter:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def check_min_confidence(value: Any) -> float | None:
    """A confidence bound as a float in [0, 1] (None: no bound); anything else is E021."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise DiurnaError(E021, f"--min-confidence takes a number from 0 to 1, got {value!r}")
    return float(value)


# The type of `StoredEvent.day`: inside that class, `date` names its own field.
Day = date


@dataclass(frozen=True, slots=True)
class StoredEvent(_Row):
    id: str
    code: str
    root_code: str
    label: str | None
    quad_class: int | None
    goldstein: float | None
    plover_type: str | None
    plover_mode: str | None
    source_name: str | None
    source_country: str | None
    source_actor_code: str | None
    target_name: str | None
    target_country: str | None
    target_actor_code: str | None
    date: str | None
    date_precision: str | None
    day: Day | None
    location_name: str | None
    location_country: str | None
    lat: float | None
    lon: float | None
    modality: str | None
    is_root: bool | None
    confidence: float | None
    num_mentions: int
    num_sources: int
    num_articles: int
    documents: tuple[str, ...]
    url: str | None
    updated_at: datetime | None


def _side_sql(side: str) -> str:
    return (f"({side}_actor_code ILIKE ? || '%' OR {side}_country = upper(?) "
            f"OR {side}_name ILIKE '%' || ? || '%')")


def event_where(f: EventFilter, updated_after: datetime | None = None) -> tuple[str, list[Any]]:
    """The WHERE clause for a filter (shared with follows and exports)."""
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if f.actor:
        where.append(f"({_side_sql('source')} OR {_side_sql('target')})")
        params += [f.actor] * 6
    if f.country:
        where.append("(source_country = upper(?) OR target_country = upper(?) OR location_country = upper(?))")
        params += [f.country] * 3
    if f.dyad:
        a, b = (s.strip() for s in f.dyad.split("-", 1))
        where.append(f"{_side_sql('source')} AND {_side_sql('target')}")
        params += [a] * 3 + [b] * 3
    if f.code:
        where.append("code LIKE ? || '%'")
        params.append(f.code)
    if f.root:
        where.append("root_code = ?")
        params.append(f.root.zfill(2))
    if f.quad is not None:
        where.append("quad_class = ?")
        params.append(f.quad)
    if f.since:
        where.append("day >= ?::DATE")
        params.append(f.since)
    if f.until:
        where.append("day <= ?::DATE")
        params.append(f.until)
    if f.min_confidence is not None:
        where.append("confidence >= ?")
        params.append(f.min_confidence)
    for word in (f.q or "").lower().split():
        where.append("contains(search, ?)")
        params.append(word)
    if updated_after is not None:
        where.append("updated_at > ?")
        params.append(updated_after)
    return " AND ".join(where), params


# How `events` may order its rows: "recent" (the API's and follows' order) or "reported"
# (`diurna events`: the events most articles reported first, then the newest).
EVENT_ORDERS = {
    "recent": "day DESC NULLS LAST, num_articles DESC, id",
    "reported": "num_articles DESC, day DESC NULLS LAST, num_mentions DESC, id",
}
HAS_ACTOR = "(source_name IS NOT NULL OR target_name IS NOT NULL)"


def events(store: Store, f: EventFilter = EventFilter(), *, updated_after: datetime | None = None,
           order: str = "recent", with_actor: bool = False) -> list[StoredEvent]:
    """Merged events in `order` (see EVENT_ORDERS); `with_actor` drops the events that
    have neither a source nor a target."""
    if order not in EVENT_ORDERS:
        raise DiurnaError(E021, f"event order {order!r}: use one of {', '.join(EVENT_ORDERS)}")
    where, params = event_where(f, updated_after)
    if with_actor:
        where += f" AND {HAS_ACTOR}"
    sql = f"SELECT * FROM events WHERE {where} ORDER BY {EVENT_ORDERS[order]} LIMIT ?"
    return [StoredEvent.from_row(r) for r in store.fetch(sql, [*params, f.limit])]


@dataclass(frozen=True, slots=True)
class Evidence(_Row):
    event_id: str
    doc_id: str
    local_id: str
    start: int
    end: int
    text: str
    trigger: str | None
    rule: str | None
    confidence: float | None
    url: str | None
    title: str | None
    published: date | None


def evidence(store: Store, event_id: str) -> list[Evidence]:
    """Every supporting sentence of one merged event, article by article."""
    sql = ("SELECT ev.event_id, ev.doc_id, ev.local_id, ev.start, ev.\"end\", ev.text, ev.trigger, ev.rule, "
           "ev.confidence, d.url, d.title, d.published FROM event_evidence ev JOIN documents d ON d.id = ev.doc_id "
           "WHERE ev.event_id = ? ORDER BY ev.doc_id, ev.local_id")
    return [Evidence.from_row(r) for r in store.fetch(sql, [event_id])]


# --------------------------------------------------------------------------- quotes, entities, documents


@dataclass(frozen=True, slots=True)
class StoredQuote(_Row):
    doc_id: str
    n: int
    text: str
    kind: str
    speaker_name: str | None
    speaker_entity: str | None  # the cross-document entity id
    cue: str | None
    addressee_name: str | None
    published: date | None
    title: str | None
    url: str | None


def quotes(store: Store, *, speaker: str | None = None, q: str | None = None, since: str | None = None,
           until: str | None = None, limit: int = DEFAULT_LIMIT) -> list[StoredQuote]:
    where, params = ["TRUE"], []
    if speaker:
        where.append("(qu.speaker_name ILIKE '%' || ? || '%' OR list_contains(e.aliases, ?))")
        params += [speaker, speaker]
    for word in (q or "").split():
        where.append("qu.text ILIKE '%' || ? || '%'")
        params.append(word)
    _published_window(where, params, since, until)
    sql = ("SELECT qu.doc_id, qu.n, qu.text, qu.kind, qu.speaker_name, de.entity_id AS speaker_entity, qu.cue, "
           "qu.addressee_name, d.published, d.title, d.url FROM quotes qu JOIN documents d ON d.id = qu.doc_id "
           "LEFT JOIN doc_entities de ON de.doc_id = qu.doc_id AND de.local_id = qu.speaker_entity "
           "LEFT JOIN entities e ON e.id = de.entity_id "
           f"WHERE {' AND '.join(where)} ORDER BY d.published DESC NULLS LAST, qu.doc_id, qu.n LIMIT ?")
    return [StoredQuote.from_row(r) for r in store.fetch(sql, [*params, _limit(limit)])]


@dataclass(frozen=True, slots=True)
class StoredEntity(_Row):
    id: str
    name: str
    type: str
    country: str | None
    role: str | None
    sector: str | None
    actor_code: str | None
    aliases: tuple[str, ...]
    num_documents: int
    num_mentions: int


def entities(store: Store, *, name: str | None = None, type: str | None = None, country: str | None = None,
             limit: int = DEFAULT_LIMIT) -> list[StoredEntity]:
    where, params = ["TRUE"], []
    if name:
        where.append("(name ILIKE '%' || ? || '%' OR list_contains(aliases, ?))")
        params += [name, name]
    if type:
        if type.upper() not in ENTITY_TYPES:
            raise DiurnaError(E021, f"--type {type!r}: use one of {', '.join(ENTITY_TYPES)}")
        where.append("type = upper(?)")
        params.append(type)
    if country:
        where.append("country = upper(?)")
        params.append(country)
    sql = f"SELECT * FROM entities WHERE {' AND '.join(where)} ORDER BY num_documents DESC, num_mentions DESC, id LIMIT ?"
    return [StoredEntity.from_row(r) for r in store.fetch(sql, [*params, _limit(limit)])]


@dataclass(frozen=True, slots=True)
class StoredDocument(_Row):
    id: str
    title: str | None
    url: str | None
    published: date | None
    publisher: str | None
    agency: str | None
    dateline: str | None
    origin: str | None
    chars: int
    entities: int
    events: int
    quotes: int


def documents(store: Store, *, q: str | None = None, since: str | None = None, until: str | None = None,
              limit: int = DEFAULT_LIMIT) -> list[StoredDocument]:
    where, params = ["TRUE"], []
    for word in (q or "").split():
        where.append("(d.title ILIKE '%' || ? || '%' OR d.text ILIKE '%' || ? || '%')")
        params += [word, word]
    _published_window(where, params, since, until)
    sql = ("SELECT d.id, d.title, d.url, d.published, d.publisher, d.agency, d.dateline, d.origin, "
           "length(d.text) AS chars, "
           "(SELECT count(*) FROM doc_entities x WHERE x.doc_id = d.id) AS entities, "
           "(SELECT count(*) FROM event_evidence x WHERE x.doc_id = d.id) AS events, "
           "(SELECT count(*) FROM quotes x WHERE x.doc_id = d.id) AS quotes "
           f"FROM documents d WHERE {' AND '.join(where)} ORDER BY d.published DESC NULLS LAST, d.id LIMIT ?")
    return [StoredDocument.from_row(r) for r in store.fetch(sql, [*params, _limit(limit)])]


# --------------------------------------------------------------------------- errors, stats


@dataclass(frozen=True, slots=True)
class StoredError(_Row):
    id: str
    doc_id: str | None
    origin: str | None
    code: str
    message: str
    hint: str | None
    first_seen: datetime


def errors(store: Store, *, code: str | None = None, limit: int = DEFAULT_LIMIT) -> list[StoredError]:
    where, params = ("code = ?", [code]) if code else ("TRUE", [])
    sql = f"SELECT * FROM errors WHERE {where} ORDER BY first_seen, origin, id LIMIT ?"
    return [StoredError.from_row(r) for r in store.fetch(sql, [*params, _limit(limit)])]


_COUNTED = ("documents", "entities", "mentions", "events", "event_evidence", "quotes", "times", "amounts",
            "places", "errors", "follows")


def stats(store: Store) -> dict[str, Any]:
    """Counts per table, the date range, and the event mix: what is in this store."""
    out: dict[str, Any] = {"path": store.path}
    out["counts"] = {t: store.scalar(f"SELECT count(*) FROM {t}") for t in _COUNTED}
    first, last = store.con.execute("SELECT min(published), max(published) FROM documents").fetchone() or (None, None)
    out["published"] = {"first": _plain(first), "last": _plain(last)}
    out["merged"] = {
        "event_reports": out["counts"]["event_evidence"],
        "events": out["counts"]["events"],
        "events_with_several_articles": store.scalar("SELECT count(*) FROM events WHERE num_articles > 1"),
        "entities_in_several_documents": store.scalar("SELECT count(*) FROM entities WHERE num_documents > 1"),
    }
    out["events_without_actor"] = store.scalar(f"SELECT count(*) FROM events WHERE NOT {HAS_ACTOR}")
    out["top_dyads"] = [{"source": r["s"], "target": r["t"], "events": r["n"]} for r in store.fetch(
        "SELECT source_country AS s, target_country AS t, count(*) AS n FROM events "
        "WHERE source_country IS NOT NULL AND target_country IS NOT NULL "
        "GROUP BY s, t ORDER BY n DESC, s, t LIMIT 10")]
    # the actors that carry a code (a country, an organisation), not "them" or "measures"
    out["top_actors"] = [{"name": r["name"], "country": r["country"], "events": r["n"]} for r in store.fetch(
        "SELECT name, any_value(country) AS country, count(*) AS n FROM ("
        "SELECT source_name AS name, source_country AS country FROM events WHERE source_actor_code IS NOT NULL "
        "UNION ALL SELECT target_name, target_country FROM events WHERE target_actor_code IS NOT NULL) "
        "GROUP BY name ORDER BY n DESC, name LIMIT 10")]
    out["event_roots"] = {r["root_code"]: r["n"] for r in store.fetch(
        "SELECT root_code, count(*) AS n FROM events GROUP BY root_code ORDER BY n DESC, root_code LIMIT 20")}
    out["quad_classes"] = {str(r["quad_class"]): r["n"] for r in store.fetch(
        "SELECT quad_class, count(*) AS n FROM events GROUP BY quad_class ORDER BY quad_class")}
    out["errors_by_code"] = {r["code"]: r["n"] for r in store.fetch(
        "SELECT code, count(*) AS n FROM errors GROUP BY code ORDER BY code")}
    return out
