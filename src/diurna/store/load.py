"""`diurna load DIR --db FILE`: Parquet tables (from `diurna spark ingest` or
`diurna export --format parquet`) into the DuckDB store, in one transaction.

A table is `DIR/<table>.parquet`, either one file (DuckDB's export) or a folder of part
files (Spark's output). Articles already in the store are skipped, as `diurna ingest`
skips them. The merged tables are taken as computed (Spark ran the store's own merge
rules) for every block that is new to the store; a block that already had articles in
the store, or that holds a skipped article, is merged again here over the union, with
the same rules (`store.refresh`), so the store always equals a store that ingested
everything itself.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import E016, DiurnaError
from . import refresh
from .duckdb import Store
from .export import sql_path
from .schema import table_columns

# Per-article tables, keyed by their article (documents by `id`); errors have no article.
_PER_ARTICLE = {"documents": "id", "doc_entities": "doc_id", "mentions": "doc_id", "event_evidence": "doc_id",
                "quotes": "doc_id", "times": "doc_id", "amounts": "doc_id", "places": "doc_id"}
_DERIVED = {"entities": ("doc_entities", "entity_id"), "events": ("event_evidence", "event_id")}  # table: (rows, their id)


@dataclass(frozen=True, slots=True)
class LoadReport:
    documents: int        # articles added
    skipped: int          # articles the store already held
    errors: int           # error rows added
    blocks_taken: int     # merge blocks taken as computed
    blocks_merged: int    # merge blocks merged again over the union
    seconds: float


def parquet_source(folder: Path, table: str) -> str | None:
    """The read_parquet() argument for one table, or None when the folder lacks it."""
    path = folder / f"{table}.parquet"
    if path.is_file():
        return sql_path(path)
    if path.is_dir():
        return sql_path(path / "*.parquet") if any(path.glob("*.parquet")) else None
    return None


def load(folder: str | Path, db: str | Path) -> LoadReport:
    t0 = time.perf_counter()
    folder = Path(folder)
    columns = table_columns()
    sources = {t: parquet_source(folder, t) for t in (*_PER_ARTICLE, *_DERIVED, "errors")}
    absent = [t for t, s in sources.items() if s is None]
    if absent:
        raise DiurnaError(E016, f"{folder} has no {', '.join(f'{t}.parquet' for t in absent)}")
    found = {t: s for t, s in sources.items() if s is not None}  # all of them (checked above)
    _check_columns(found, columns)  # before the store is opened: a bad folder creates nothing
    with Store(db) as store:
        con = store.con
        con.execute("BEGIN TRANSACTION")
        try:
            report = _load(con, found)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return LoadReport(**report, seconds=round(time.perf_counter() - t0, 3))


def _check_columns(sources: dict[str, str], columns: dict[str, tuple[tuple[str, str], ...]]) -> None:
    import duckdb

    con = duckdb.connect(":memory:")
    try:
        for table, source in sources.items():
            try:
                found = {r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet({source})").fetchall()}
            except duckdb.Error as exc:
                raise DiurnaError(E016, f"{table}.parquet cannot be read: {exc}") from exc
            lacking = [c for c, _ in columns[table] if c not in found]
            if lacking:
                raise DiurnaError(E016, f"{table}.parquet lacks the column(s) {', '.join(lacking)}")
    finally:
        con.close()


def _load(con, sources: dict[str, str]) -> dict[str, int]:
    con.execute(f"CREATE TEMP TABLE load_ids AS SELECT DISTINCT id FROM read_parquet({sources['documents']})")
    con.execute("CREATE TEMP TABLE load_new AS SELECT id FROM load_ids WHERE id NOT IN (SELECT id FROM documents)")
    skipped = con.execute("SELECT count(*) FROM load_ids").fetchone()[0] - con.execute(
        "SELECT count(*) FROM load_new").fetchone()[0]
    # Blocks the store holds before the load: merged again over the union below.
    old = {t: {r[0] for r in con.execute(f"SELECT DISTINCT block FROM {rows}").fetchall()}
           for t, (rows, _) in _DERIVED.items()}
    new_docs = con.execute("SELECT count(*) FROM load_new").fetchone()[0]
    for table, key in _PER_ARTICLE.items():
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_parquet({sources[table]}) "
                    f"WHERE {key} IN (SELECT id FROM load_new)")
    before = con.execute("SELECT count(*) FROM errors").fetchone()[0]
    con.execute(f"INSERT INTO errors BY NAME SELECT * FROM read_parquet({sources['errors']}) ON CONFLICT DO NOTHING")
    errors = con.execute("SELECT count(*) FROM errors").fetchone()[0] - before
    taken = merged = 0
    for derived, (rows, _) in _DERIVED.items():
        loaded = {r[0] for r in con.execute(
            f"SELECT DISTINCT block FROM read_parquet({sources[rows]}) WHERE doc_id IN (SELECT id FROM load_new)"
        ).fetchall()}
        touched_by_skipped = {r[0] for r in con.execute(
            f"SELECT DISTINCT block FROM read_parquet({sources[rows]}) WHERE doc_id NOT IN (SELECT id FROM load_new)"
        ).fetchall()}
        again = (loaded & old[derived]) | (loaded & touched_by_skipped)
        take = sorted(loaded - again)
        con.execute(f"INSERT INTO {derived} BY NAME SELECT * FROM read_parquet({sources[derived]}) "
                    f"WHERE block IN (SELECT unnest(?))", [take])
        (refresh.entities if derived == "entities" else refresh.events)(con, again)
        taken += len(take)
        merged += len(again)
    con.execute("DROP TABLE load_ids")
    con.execute("DROP TABLE load_new")
    return {"documents": new_docs, "skipped": skipped, "errors": errors, "blocks_taken": taken, "blocks_merged": merged}
