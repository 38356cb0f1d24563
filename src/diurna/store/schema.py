"""The store's schema as named migrations, each applied once, in order, in its own
transaction, and recorded in `migrations` (the sqlite-utils way).

Never edit a migration that has shipped: add a new one at the end. Per-article tables
are keyed by (doc_id, n); the cross-document tables `entities` and `events` are derived
from them by `store.merge` and rebuilt block by block in the same transaction as the
articles that change them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    sql: str


_DOCUMENTS = """
CREATE TABLE documents (
    id VARCHAR PRIMARY KEY,           -- the input's id, else sha256 of the cleaned text (16 hex)
    url VARCHAR, title VARCHAR, published DATE, publisher VARCHAR, agency VARCHAR,
    dateline VARCHAR, language VARCHAR, text VARCHAR NOT NULL,
    removed JSON,                     -- [{"text", "reason"}]: what cleaning left out
    origin VARCHAR,                   -- file path or file.jsonl:LINE the article came from
    source_key VARCHAR NOT NULL,      -- who it comes from, for NumSources (merge.source_key)
    lead_end INTEGER NOT NULL,        -- end of the first paragraph: events before it are root events
    ingested_at TIMESTAMP NOT NULL
);
CREATE TABLE doc_entities (
    doc_id VARCHAR NOT NULL, local_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL, type VARCHAR NOT NULL, country VARCHAR, role VARCHAR, sector VARCHAR,
    actor_code VARCHAR, rule VARCHAR, aliases VARCHAR[], n_mentions INTEGER,
    block VARCHAR NOT NULL,           -- merge.entity_block
    entity_id VARCHAR,                -- the cross-document entity (entities.id)
    PRIMARY KEY (doc_id, local_id)
);
CREATE TABLE mentions (
    doc_id VARCHAR NOT NULL, entity VARCHAR NOT NULL, n INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR NOT NULL, label VARCHAR,
    PRIMARY KEY (doc_id, entity, n)
);
CREATE TABLE entities (
    id VARCHAR PRIMARY KEY, block VARCHAR NOT NULL,
    name VARCHAR NOT NULL, type VARCHAR NOT NULL, country VARCHAR, role VARCHAR, sector VARCHAR,
    actor_code VARCHAR, aliases VARCHAR[], num_documents INTEGER, num_mentions INTEGER
);
CREATE TABLE event_evidence (
    doc_id VARCHAR NOT NULL, local_id VARCHAR NOT NULL,  -- one row per supporting sentence per article
    code VARCHAR NOT NULL, root_code VARCHAR NOT NULL, label VARCHAR, quad_class INTEGER, goldstein DOUBLE,
    plover_type VARCHAR, plover_mode VARCHAR,
    source_name VARCHAR, source_entity VARCHAR, source_country VARCHAR, source_actor_code VARCHAR,
    target_name VARCHAR, target_entity VARCHAR, target_country VARCHAR, target_actor_code VARCHAR,
    date VARCHAR, date_precision VARCHAR,
    location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE, location_feature VARCHAR,
    modality VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text VARCHAR NOT NULL,
    trigger VARCHAR, rule VARCHAR, confidence DOUBLE, is_root BOOLEAN,
    block VARCHAR NOT NULL,           -- merge.event_block
    event_id VARCHAR,                 -- the merged event (events.id)
    PRIMARY KEY (doc_id, local_id)
);
CREATE TABLE events (
    id VARCHAR PRIMARY KEY, block VARCHAR NOT NULL,
    code VARCHAR, root_code VARCHAR, base_code VARCHAR, label VARCHAR, quad_class INTEGER, goldstein DOUBLE,
    plover_type VARCHAR, plover_mode VARCHAR,
    source_name VARCHAR, source_country VARCHAR, source_actor_code VARCHAR,
    target_name VARCHAR, target_country VARCHAR, target_actor_code VARCHAR,
    date VARCHAR, date_precision VARCHAR,
    day DATE,                         -- the event's day, else the first report's publication day
    location_name VARCHAR, location_country VARCHAR, lat DOUBLE, lon DOUBLE, location_feature VARCHAR,
    modality VARCHAR, is_root BOOLEAN, confidence DOUBLE,
    num_mentions INTEGER, num_sources INTEGER, num_articles INTEGER,
    documents VARCHAR[], url VARCHAR,
    anchor_doc VARCHAR, evidence_text VARCHAR, trigger VARCHAR,  -- the anchor report (merge order's first)
    first_added TIMESTAMP, updated_at TIMESTAMP,
    search VARCHAR                    -- lower-cased words for --q
);
CREATE TABLE quotes (
    doc_id VARCHAR NOT NULL, n INTEGER NOT NULL, text VARCHAR NOT NULL, kind VARCHAR NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    speaker_name VARCHAR, speaker_entity VARCHAR, cue VARCHAR,
    addressee_name VARCHAR, addressee_entity VARCHAR, rule VARCHAR,
    PRIMARY KEY (doc_id, n)
);
CREATE TABLE times (
    doc_id VARCHAR NOT NULL, n INTEGER NOT NULL, text VARCHAR NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, type VARCHAR, value VARCHAR, rule VARCHAR, PRIMARY KEY (doc_id, n)
);
CREATE TABLE amounts (
    doc_id VARCHAR NOT NULL, n INTEGER NOT NULL, text VARCHAR NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, value DOUBLE, currency VARCHAR, unit VARCHAR, rule VARCHAR, PRIMARY KEY (doc_id, n)
);
CREATE TABLE places (
    doc_id VARCHAR NOT NULL, n INTEGER NOT NULL, text VARCHAR NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, name VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE, feature VARCHAR,
    rule VARCHAR, PRIMARY KEY (doc_id, n)
);
CREATE TABLE errors (
    id VARCHAR PRIMARY KEY,           -- hash of origin, code and message: a re-run adds nothing
    doc_id VARCHAR, origin VARCHAR, code VARCHAR NOT NULL, message VARCHAR NOT NULL, hint VARCHAR,
    first_seen TIMESTAMP NOT NULL
);
CREATE TABLE follows (
    name VARCHAR PRIMARY KEY, filters JSON NOT NULL,
    created_at TIMESTAMP NOT NULL, checked_at TIMESTAMP
);
"""

_INDEXES = """
CREATE INDEX doc_entities_block ON doc_entities (block);
CREATE INDEX event_evidence_block ON event_evidence (block);
CREATE INDEX entities_block ON entities (block);
CREATE INDEX events_block ON events (block);
"""

# Issue 18: records keep their byline; a published month or year keeps its precision
# (the DATE column holds its first day).
_DOCUMENT_AUTHOR = """
ALTER TABLE documents ADD COLUMN author VARCHAR;
ALTER TABLE documents ADD COLUMN published_precision VARCHAR;   -- day | month | year
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_tables", _DOCUMENTS),
    Migration("0002_block_indexes", _INDEXES),
    Migration("0003_documents_author", _DOCUMENT_AUTHOR),
)

TABLES = ("documents", "doc_entities", "mentions", "entities", "event_evidence", "events",
          "quotes", "times", "amounts", "places", "errors", "follows")


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations this database has not seen; return their names."""
    con.execute("CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)")
    done = {row[0] for row in con.execute("SELECT name FROM migrations").fetchall()}
    applied = []
    for m in MIGRATIONS:
        if m.name in done:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            for statement in _statements(m.sql):
                con.execute(statement)
            con.execute("INSERT INTO migrations VALUES (?, now())", [m.name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(m.name)
    return applied


def _statements(sql: str) -> list[str]:
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def table_columns() -> dict[str, tuple[tuple[str, str], ...]]:
    """{table: ((column, DuckDB type), ...)} in table order, read off a freshly migrated
    in-memory database: the migrations stay the one definition of the tables, and other
    engines (Spark) derive their schemas from this."""
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        migrate(con)
        rows = con.execute("SELECT table_name, column_name, data_type FROM information_schema.columns "
                           "WHERE table_name IN (SELECT unnest(?)) ORDER BY table_name, ordinal_position",
                           [list(TABLES)]).fetchall()
    finally:
        con.close()
    out: dict[str, list[tuple[str, str]]] = {t: [] for t in TABLES}
    for table, column, dtype in rows:
        out[table].append((column, dtype))
    return {t: tuple(cols) for t, cols in out.items()}
