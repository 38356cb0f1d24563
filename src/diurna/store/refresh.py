"""Rebuild the cross-document tables for the blocks a write touched.

Each block is recomputed from ALL its stored records with `store.merge`, so the result
depends on the set of stored articles only, never on the order they arrived in. Runs
inside the writer's transaction. `entity_rows` and `event_rows` are the pure part, which
the Spark engine runs per block too: one definition of the derived tables.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from . import merge
from .rows import column_lists

if TYPE_CHECKING:
    import duckdb

ENTITY_COLUMNS = ("id", "block", "name", "type", "country", "role", "sector", "actor_code", "aliases",
                   "num_documents", "num_mentions")

EVENT_COLUMNS = ("id", "block", "code", "root_code", "base_code", "label", "quad_class", "goldstein",
                 "plover_type", "plover_mode", "source_name", "source_country", "source_actor_code",
                 "target_name", "target_country", "target_actor_code", "date", "date_precision", "day",
                 "location_name", "location_country", "lat", "lon", "location_feature", "modality", "is_root",
                 "confidence", "num_mentions", "num_sources", "num_articles", "documents", "url",
                 "anchor_doc", "evidence_text", "trigger", "first_added", "updated_at", "search")
# The article's fields the event merge reads beside each evidence row, as (name in the
# row, `documents` column): the store's refresh and the Spark engine both select these.
ARTICLE_FIELDS = (("published", "published"), ("source_key", "source_key"), ("doc_url", "url"),
                  ("doc_title", "title"), ("ingested_at", "ingested_at"))
# How many distinct evidence sentences feed the --q search text of one event.
_SEARCH_SENTENCES = 20


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if rows:
        select = ", ".join("unnest(?)" for _ in columns)
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select}", column_lists(rows, len(columns)))


def _assign(con: duckdb.DuckDBPyConnection, table: str, column: str, mapping: list[tuple[str, str, str]]) -> None:
    if mapping:
        con.execute(
            f"UPDATE {table} SET {column} = m.v FROM (SELECT unnest(?) AS d, unnest(?) AS l, "
            f"unnest(?) AS v) AS m WHERE {table}.doc_id = m.d AND {table}.local_id = m.l",
            column_lists(mapping, 3),
        )


# --------------------------------------------------------------------------- entities


def entities(con: duckdb.DuckDBPyConnection, blocks: Collection[str]) -> None:
    if not blocks:
        return
    block_list = sorted(blocks)
    stored = _rows(con, "SELECT doc_id, local_id, name, type, country, aliases, role, sector, actor_code, n_mentions "
                        "FROM doc_entities WHERE block IN (SELECT unnest(?))", [block_list])
    rows, assigned = entity_rows(stored)
    con.execute("DELETE FROM entities WHERE block IN (SELECT unnest(?))", [block_list])
    _insert(con, "entities", ENTITY_COLUMNS, rows)
    _assign(con, "doc_entities", "entity_id", assigned)


def entity_rows(stored: Iterable[Mapping[str, Any]]) -> tuple[list[tuple], list[tuple[str, str, str]]]:
    """Stored doc_entities rows (dicts) of whole blocks -> (`entities` rows in
    ENTITY_COLUMNS order, (doc_id, local_id, entity_id) assignments). Pure: the DuckDB
    store and the Spark engine both derive their entity tables with it."""
    records = [merge.EntityRecord(doc_id=r["doc_id"], local_id=r["local_id"], name=r["name"], type=r["type"],
                                  country=r["country"], aliases=tuple(r["aliases"] or ()), role=r["role"],
                                  sector=r["sector"], actor_code=r["actor_code"], mentions=r["n_mentions"] or 0)
               for r in stored]
    clusters = merge.cluster_entities(records)
    block_of = {r.key: merge.entity_block(r) for r in records}
    rows = [(c.id, block_of[c.members[0]], c.name, c.type, c.country, c.role, c.sector, c.actor_code,
             list(c.aliases), c.num_documents, c.num_mentions) for c in clusters]
    return rows, [(doc, local, c.id) for c in clusters for doc, local in c.members]


# --------------------------------------------------------------------------- events


def events(con: duckdb.DuckDBPyConnection, blocks: Collection[str]) -> None:
    if not blocks:
        return
    block_list = sorted(blocks)
    article = ", ".join(f"d.{column} AS {name}" for name, column in ARTICLE_FIELDS)
    stored = _rows(con, f"SELECT ev.*, {article} FROM event_evidence ev JOIN documents d ON d.id = ev.doc_id "
                        "WHERE ev.block IN (SELECT unnest(?))", [block_list])
    rows, assigned = event_rows(stored)
    con.execute("DELETE FROM events WHERE block IN (SELECT unnest(?))", [block_list])
    _insert(con, "events", EVENT_COLUMNS, rows)
    _assign(con, "event_evidence", "event_id", assigned)


def event_rows(stored: Iterable[Mapping[str, Any]]) -> tuple[list[tuple], list[tuple[str, str, str]]]:
    """Evidence rows of whole blocks (dicts: the event_evidence columns plus the article's
    ARTICLE_FIELDS) -> (`events`
    rows in EVENT_COLUMNS order, (doc_id, local_id, event_id) assignments). Pure: shared
    by the DuckDB store and the Spark engine."""
    stored = list(stored)
    by_key = {(r["doc_id"], r["local_id"]): r for r in stored}
    records = [stored_event_record(r) for r in stored]
    clusters = merge.cluster_events(records)
    records_by_key = {r.key: r for r in records}
    rows = [_event_row(c, [by_key[k] for k in c.members], records_by_key[c.members[0]]) for c in clusters]
    return rows, [(doc, local, c.id) for c in clusters for doc, local in c.members]


def stored_event_record(r: Mapping[str, Any]) -> merge.EventRecord:
    """The merge's view of a stored evidence row (the same keys `rows.event_record` gives)."""
    return merge.EventRecord(
        doc_id=r["doc_id"], local_id=r["local_id"], code=r["code"], root_code=r["root_code"],
        source_key=_side(r, "source"), target_key=_side(r, "target"), modality=r["modality"],
        date=r["date"], date_precision=r["date_precision"],
        published=None if r["published"] is None else str(r["published"])[:10],  # a DATE or its text
        location_country=r["location_country"], lat=r["lat"], lon=r["lon"],
        source_name=r.get("source_name"), target_name=r.get("target_name"), evidence=r.get("text"),
    )


def _side(r: Mapping[str, Any], side: str) -> str | None:
    if r[f"{side}_name"] is None and r[f"{side}_actor_code"] is None and r[f"{side}_country"] is None:
        return None
    return merge.actor_key(r[f"{side}_actor_code"], r[f"{side}_country"], r[f"{side}_name"])


def _event_row(cluster: merge.EventCluster, reports: list[Mapping[str, Any]], anchor: merge.EventRecord) -> tuple:
    """The merged event: coding, actors and date from the anchor report (the earliest,
    most precisely dated one: members[0]); the location from the first report that has
    one; counts over all reports."""
    a = reports[0]
    located = next((r for r in reports if r["location_name"] or r["location_country"]), a)
    iv = merge.date_interval(anchor)
    day = None if iv is None else (iv[1] if iv[2] == 1 else iv[0])
    texts = list(dict.fromkeys(r["text"] for r in reports))[:_SEARCH_SENTENCES]
    titles = list(dict.fromkeys(r["doc_title"] for r in reports if r["doc_title"]))[:_SEARCH_SENTENCES]
    words = [a["label"], a["source_name"], a["target_name"], located["location_name"], *texts, *titles]
    return (
        cluster.id, cluster.block, a["code"], a["root_code"], a["code"][:3], a["label"], a["quad_class"],
        a["goldstein"], a["plover_type"], a["plover_mode"],
        a["source_name"], a["source_country"], a["source_actor_code"],
        a["target_name"], a["target_country"], a["target_actor_code"],
        a["date"], a["date_precision"], day,
        located["location_name"], located["location_country"], located["lat"], located["lon"],
        located["location_feature"], a["modality"], any(r["is_root"] for r in reports),
        max((r["confidence"] or 0.0) for r in reports),
        len(reports), len({r["source_key"] for r in reports}), len({r["doc_id"] for r in reports}),
        sorted({r["doc_id"] for r in reports}), a["doc_url"], a["doc_id"], a["text"], a["trigger"],
        min(r["ingested_at"] for r in reports), max(r["ingested_at"] for r in reports),
        " ".join(w for w in words if w).lower(),
    )
