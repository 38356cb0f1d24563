"""The DuckDB store: open (and migrate) a database file, write results atomically.

`Store.write(outcomes)` writes a batch of documents, all their facts, their errors and
the re-merged cross-document entities and events of every block they touch in ONE
transaction: a crash (Ctrl-C, kill -9) leaves either all of it or none of it, and the
next ingest skips what was committed and completes the rest.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from ..errors import E018, E019, DiurnaError
from ..model import ErrorResult, Outcome, Result
from . import refresh
from .rows import COLUMNS, Rows, column_lists
from .schema import migrate

# How long opening a store waits for another process's lock to go: `diurna serve` holds
# a read lock for the second it takes to copy its snapshot, and an ingest or a follow
# starting in that second should wait, not fail. A long-running writer still gets E019.
LOCK_WAIT = 5.0


def _connect(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    pause = 0.05
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if time.monotonic() + pause > deadline:
                raise DiurnaError(E019, f"cannot open store {path}: {exc} (is another diurna writing to it?)") from exc
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


class Store:
    """One open database. Use as a context manager; `read_only` opens for queries only."""

    def __init__(self, path: str | Path, *, read_only: bool = False, wait: float = LOCK_WAIT) -> None:
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise DiurnaError(E018, f"no store at {self.path}: run `diurna ingest PATH --db {self.path}` first")
        self.con = _connect(self.path, read_only, wait)
        self.read_only = read_only
        if not read_only:
            migrate(self.con)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # ------------------------------------------------------------------ reading helpers

    def known_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT id FROM documents").fetchall()}

    def fetch(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.con.execute(sql, list(params)).fetchone()
        return None if row is None else row[0]

    # ------------------------------------------------------------------ writing

    def write(self, outcomes: Iterable[Outcome], *, now: datetime | None = None) -> tuple[int, int]:
        """Store new documents (ids already stored are skipped) and errors in one
        transaction; return (documents written, errors recorded)."""
        now = now or datetime.now(UTC).replace(tzinfo=None)
        rows, seen, outcomes = Rows(), set(), list(outcomes)
        results = [o for o in outcomes if isinstance(o, Result)]
        errors = [o for o in outcomes if isinstance(o, ErrorResult)]
        stored = self._stored([r.document.id for r in results])
        for result in results:
            if result.document.id in stored or result.document.id in seen:
                continue
            seen.add(result.document.id)
            rows.add_result(result, now)
        for error in errors:
            rows.add_error(error, now)
        if not seen and not errors:
            return 0, 0
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in COLUMNS:
                self._insert(table, rows.tables[table])
            refresh.entities(self.con, rows.blocks("doc_entities"))
            refresh.events(self.con, rows.blocks("event_evidence"))
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(seen), len(errors)

    def _stored(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        found = self.con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [ids])
        return {row[0] for row in found.fetchall()}

    def _insert(self, table: str, rows: list[tuple]) -> None:
        if not rows:
            return
        names = COLUMNS[table]
        # Untyped parameters: duckdb infers the list types from the Python values and casts
        # on insert; an explicit ?::TYPE[] cast costs ~2 ms per statement.
        select = ", ".join("unnest(?)" for _ in names)
        columns = ", ".join(f'"{n}"' for n in names)
        conflict = " ON CONFLICT DO NOTHING" if table == "errors" else ""
        self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {select}{conflict}", column_lists(rows, len(names)))
