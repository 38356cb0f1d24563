"""Queries the web API needs beyond `diurna.store.query`: pages with sorting, an event with
its evidence in context, an article with every extracted span, and aggregates by period.

They reuse `query.event_where` (the CLI's filters) and the store's row types, so the API
and the CLI select the same events for the same filters. Every value is a bound
parameter; column names and periods come from fixed whitelists, never from the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..store import Store
from ..store.export import sql_path
from ..store.query import EventFilter, Evidence, StoredEvent, event_where, evidence
from ..store.refresh import EVENT_COLUMNS

SORTS = {
    "day": "day", "articles": "num_articles", "sources": "num_sources", "mentions": "num_mentions",
    "goldstein": "goldstein", "code": "code", "confidence": "confidence",
}
Sort = Literal["day", "articles", "sources", "mentions", "goldstein", "code", "confidence"]
Interval = Literal["day", "week", "month"]
CONTEXT_CHARS = 400  # article text shown around a piece of evidence, each side at most


@dataclass(frozen=True, slots=True)
class EventPage:
    total: int
    offset: int
    limit: int
    items: list[StoredEvent]


def event_page(store: Store, f: EventFilter, *, offset: int = 0, sort: Sort = "day",
               descending: bool = True) -> EventPage:
    """One page of events for a filter, sorted by a whitelisted column (ties: day, articles, id)."""
    where, params = event_where(f)
    column, order = SORTS[sort], "DESC" if descending else "ASC"
    sql = (f"SELECT * FROM events WHERE {where} ORDER BY {column} {order} NULLS LAST, day DESC NULLS LAST, "
           "num_articles DESC, id LIMIT ? OFFSET ?")
    rows = [StoredEvent.from_row(r) for r in store.fetch(sql, [*params, f.limit, offset])]
    total = store.scalar(f"SELECT count(*) FROM events WHERE {where}", params)
    return EventPage(total=total, offset=offset, limit=f.limit, items=rows)


def event(store: Store, event_id: str) -> StoredEvent | None:
    rows = store.fetch("SELECT * FROM events WHERE id = ?", [event_id])
    return StoredEvent.from_row(rows[0]) if rows else None


ExportFormat = Literal["csv", "parquet"]
_COPY = {"csv": "(FORMAT csv, HEADER)", "parquet": "(FORMAT parquet)"}
# Every column of a merged event but the lower-cased search text (an index, not data).
EXPORT_COLUMNS = tuple(c for c in EVENT_COLUMNS if c != "search")


def export_events(store: Store, f: EventFilter, fmt: ExportFormat, out: Path) -> int:
    """Every event matching the filter (no page limit) into `out` as CSV or Parquet, newest
    first; returns how many. `out` is the server's own temporary path, never the client's."""
    where, params = event_where(f)
    cols = ", ".join(EXPORT_COLUMNS)
    store.con.execute(f"COPY (SELECT {cols} FROM events WHERE {where} ORDER BY day DESC NULLS LAST, id) "
                      f"TO {sql_path(out)} {_COPY[fmt]}", params)
    return int(store.scalar(f"SELECT count(*) FROM events WHERE {where}", params))


@dataclass(frozen=True, slots=True)
class EvidenceInContext:
    evidence: Evidence
    context: str          # the article text around the evidence (whole paragraphs where short enough)
    context_start: int    # offset of `context` in the article text
    start: int            # the evidence's offsets inside `context`
    end: int


def evidence_in_context(store: Store, event_id: str) -> list[EvidenceInContext]:
    out = []
    for ev in evidence(store, event_id):
        text = store.scalar("SELECT text FROM documents WHERE id = ?", [ev.doc_id]) or ""
        lo, hi = _paragraph_window(text, ev.start, ev.end)
        out.append(EvidenceInContext(ev, text[lo:hi], lo, ev.start - lo, ev.end - lo))
    return out


def _paragraph_window(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph(s) holding [start, end), cut to CONTEXT_CHARS each side."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    return max(lo, start - CONTEXT_CHARS), min(hi, end + CONTEXT_CHARS)


# --------------------------------------------------------------------------- documents


SpanKind = Literal["entity", "event", "quote", "time", "amount", "place"]


@dataclass(frozen=True, slots=True)
class Span:
    """One extracted fact in an article: where it is and what it is, for highlighting."""

    kind: SpanKind
    start: int
    end: int
    text: str
    label: str | None      # entity type, CAMEO label, quote speaker, time value, amount, place name
    ref: str | None        # cross-document id to follow: entity id or event id
    detail: str | None     # a second line: actor code, CAMEO code, quote kind, time type, ...
    rule: str | None


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    title: str | None
    url: str | None
    published: str | None
    publisher: str | None
    agency: str | None
    dateline: str | None
    origin: str | None
    text: str
    spans: list[Span]


_SPANS: dict[SpanKind, str] = {
    "entity": ("SELECT m.start, m.\"end\", m.text, de.type AS label, de.entity_id AS ref, "
               "coalesce(de.actor_code, de.name) AS detail, de.rule FROM mentions m JOIN doc_entities de "
               "ON de.doc_id = m.doc_id AND de.local_id = m.entity WHERE m.doc_id = ?"),
    "event": ("SELECT start, \"end\", text, label, event_id AS ref, code || ' ' || coalesce(source_name, '?') || "
              "' -> ' || coalesce(target_name, '?') AS detail, rule FROM event_evidence WHERE doc_id = ?"),
    "quote": ("SELECT start, \"end\", text, speaker_name AS label, NULL AS ref, kind AS detail, rule "
              "FROM quotes WHERE doc_id = ?"),
    "time": "SELECT start, \"end\", text, value AS label, NULL AS ref, type AS detail, rule FROM times WHERE doc_id = ?",
    "amount": ("SELECT start, \"end\", text, CAST(value AS VARCHAR) AS label, NULL AS ref, "
               "concat_ws(' ', currency, unit) AS detail, rule FROM amounts WHERE doc_id = ?"),
    "place": ("SELECT start, \"end\", text, name AS label, NULL AS ref, concat_ws(' ', country, feature) AS detail, "
              "rule FROM places WHERE doc_id = ?"),
}


def article(store: Store, doc_id: str) -> Article | None:
    rows = store.fetch("SELECT id, title, url, CAST(published AS VARCHAR) AS published, publisher, agency, "
                       "dateline, origin, text FROM documents WHERE id = ?", [doc_id])
    if not rows:
        return None
    spans = [Span(kind=kind, **r) for kind, sql in _SPANS.items() for r in store.fetch(sql, [doc_id])]
    spans.sort(key=lambda s: (s.start, -s.end, s.kind))
    row = rows[0]
    # The page links `url`: only an http(s) URL may become a link (never `javascript:`).
    return Article(**{**row, "url": row["url"] if _is_web_url(row["url"]) else None}, spans=spans)


def _is_web_url(url: str | None) -> bool:
    from urllib.parse import urlsplit

    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


# --------------------------------------------------------------------------- aggregates

_TRUNC = {"day": "day", "week": "week", "month": "month"}
_QUADS = ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS quad{q}" for q in (1, 2, 3, 4))


@dataclass(frozen=True, slots=True)
class Bucket:
    period: str | None          # first day of the day/week/month (ISO); None = undated
    key: str | None             # the group: "SRC-TGT" for dyads, a country code for countries; None for a timeline
    events: int
    quad1: int
    quad2: int
    quad3: int
    quad4: int
    goldstein: float | None     # mean Goldstein scale of the events


def timeline(store: Store, f: EventFilter, interval: Interval = "month") -> list[Bucket]:
    """Event counts per QuadClass and mean Goldstein per period, for any CLI filter."""
    where, params = event_where(f)
    sql = (f"SELECT CAST(date_trunc('{_TRUNC[interval]}', day) AS DATE) AS p, count(*) AS n, {_QUADS}, "
           f"avg(goldstein) AS g FROM events WHERE {where} AND day IS NOT NULL GROUP BY p ORDER BY p")
    return [_bucket(r, None) for r in store.fetch(sql, params)]


def dyads(store: Store, f: EventFilter, interval: Interval | None = None, top: int = 50) -> list[Bucket]:
    """Country pairs (source -> target): counts per QuadClass and mean Goldstein, the busiest first;
    per period when `interval` is given."""
    where, params = event_where(f)
    key = "source_country || '-' || target_country"
    period = f"CAST(date_trunc('{_TRUNC[interval]}', day) AS DATE)" if interval else "NULL"
    sql = (f"WITH t AS (SELECT {key} AS k, count(*) AS total FROM events WHERE {where} AND source_country IS NOT NULL "
           f"AND target_country IS NOT NULL GROUP BY k ORDER BY total DESC, k LIMIT ?) "
           f"SELECT {period} AS p, {key} AS k, count(*) AS n, {_QUADS}, avg(goldstein) AS g FROM events "
           f"WHERE {where} AND {key} IN (SELECT k FROM t) GROUP BY p, k ORDER BY p NULLS FIRST, n DESC, k")
    return [_bucket(r, r["k"]) for r in store.fetch(sql, [*params, top, *params])]


def countries(store: Store, f: EventFilter, interval: Interval | None = None, top: int = 50) -> list[Bucket]:
    """Per country (as source, target or location, each event counted once per country)."""
    where, params = event_where(f)
    period = f"CAST(date_trunc('{_TRUNC[interval]}', day) AS DATE)" if interval else "NULL"
    cols = "id, day, quad_class, goldstein"
    # UNION (not UNION ALL): an event whose source and location are the same country counts once there.
    sql = (f"WITH e AS (SELECT {cols}, source_country, target_country, location_country FROM events WHERE {where}), "
           f"j AS (SELECT {cols}, source_country AS k FROM e UNION SELECT {cols}, target_country FROM e "
           f"UNION SELECT {cols}, location_country FROM e), "
           "t AS (SELECT k, count(*) AS total FROM j WHERE k IS NOT NULL GROUP BY k ORDER BY total DESC, k LIMIT ?) "
           f"SELECT {period} AS p, k, count(*) AS n, {_QUADS}, avg(goldstein) AS g FROM j "
           "WHERE k IN (SELECT k FROM t) GROUP BY p, k ORDER BY p NULLS FIRST, n DESC, k")
    return [_bucket(r, r["k"]) for r in store.fetch(sql, [*params, top])]


@dataclass(frozen=True, slots=True)
class Point:
    lat: float
    lon: float
    name: str | None
    country: str | None
    events: int
    goldstein: float | None


def places(store: Store, f: EventFilter, top: int = 500) -> list[Point]:
    """Event locations with coordinates, for the map."""
    where, params = event_where(f)
    sql = (f"SELECT lat, lon, any_value(location_name) AS name, any_value(location_country) AS country, "
           f"count(*) AS events, avg(goldstein) AS goldstein FROM events WHERE {where} AND lat IS NOT NULL "
           "AND lon IS NOT NULL GROUP BY lat, lon ORDER BY events DESC, lat, lon LIMIT ?")
    return [Point(**r) for r in store.fetch(sql, [*params, top])]


def _bucket(r: dict[str, Any], key: str | None) -> Bucket:
    p = r["p"]
    return Bucket(period=None if p is None else p.isoformat(), key=key, events=r["n"], quad1=r["quad1"],
                  quad2=r["quad2"], quad3=r["quad3"], quad4=r["quad4"],
                  goldstein=None if r["g"] is None else round(r["g"], 3))
