"""Where the server reads from: a private snapshot of the store, refreshed when the store changes.

DuckDB lets one process write a file OR several processes read it, never both: while
`diurna ingest` runs, no other process can even open the store read-only. So requests
never read the store file itself. They read a private copy (file + WAL), taken while
we hold a read-only connection (no writer can be active then, so the copy is
consistent). The copy is refreshed when the store's file or WAL changed, at most every
`refresh_every` seconds; if an ingest holds the store at that moment, requests keep
being served from the last copy and `stale` says so (an `X-Diurna-Snapshot` header).
We touch the store itself only for that copy and for the rare writes (follows), so an
ingest is blocked only during a refresh copy. A server started while an ingest runs
copies the file without the lock and serves that copy if it reads back whole (what the
ingest had committed), else answers 503 until the ingest ends.

Reads never wait for the writer: a refresh does not wait for the store's lock (an
ingest holds it for its whole run, so waiting would only delay every request by the
lock wait), and while one request refreshes, the others read the copy they have
instead of queueing behind it (tests/server/test_source_read_latency.py measures it).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from ..errors import E018, DiurnaError
from ..store import Store


class StoreBusy(Exception):
    """The store is held by a writer (an ingest) and there is no snapshot to fall back on."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    path: str
    stamp: tuple[int, ...]   # (mtime_ns, size) of the store file and its WAL when copied
    taken_at: datetime


def _stamp(db: Path) -> tuple[int, ...]:
    out: list[int] = []
    for p in (db, Path(f"{db}.wal")):
        try:
            st = p.stat()
            out += [st.st_mtime_ns, st.st_size]
        except FileNotFoundError:
            out += [0, 0]
    return tuple(out)


def _reads_back(path: Path) -> None:
    """Raise unless every table of the copy at `path` can be read to its end (DuckDB checks
    each block's checksum as it reads, so a torn copy fails here, not in a request)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = 'main'").fetchall()]
        if "events" not in tables or "documents" not in tables:
            raise DiurnaError(E018, "the copy holds no store yet")
        for table in tables:  # a hash over whole rows reads every column's blocks, in DuckDB
            con.execute(f'SELECT count(*), bit_xor(hash(t)) FROM "{table}" AS t').fetchone()
    finally:
        con.close()


class Source:
    """Opens read-only Stores over the newest snapshot, and writable Stores for follows."""

    def __init__(self, db: str | Path, *, refresh_every: float = 1.0) -> None:
        self.db = Path(db)
        if not self.db.exists():
            raise DiurnaError(E018, f"no store at {db}: run `diurna ingest PATH --db {db}` first")
        self.refresh_every = refresh_every
        self._dir = tempfile.mkdtemp(prefix="diurna-serve-")
        self._lock = threading.RLock()  # writer() refreshes while holding it
        self._snapshot: Snapshot | None = None
        self._base: Store | None = None
        self._checked = 0.0
        self._n = 0
        self.stale = False

    @property
    def snapshot(self) -> Snapshot | None:
        return self._snapshot

    def refresh(self, *, force: bool = False) -> Snapshot | None:
        """Copy the store if it changed since the last copy; keep the old copy if a writer holds it.
        With a copy in hand and another thread refreshing, return that copy at once."""
        if not self._lock.acquire(blocking=force or self._snapshot is None):
            return self._snapshot
        try:
            now = time.monotonic()
            if not force and self._snapshot is not None and now - self._checked < self.refresh_every:
                return self._snapshot
            self._checked = now
            if self._snapshot is not None and _stamp(self.db) == self._snapshot.stamp:
                self.stale = False
                return self._snapshot
            try:
                self._snapshot = self._copy()
                self.stale = False
            except DiurnaError:
                self.stale = True  # an ingest holds the store: serve the last copy
                if self._snapshot is None:
                    self._snapshot = self._committed_copy()
            return self._snapshot
        finally:
            self._lock.release()

    def _committed_copy(self) -> Snapshot | None:
        """A server started while an ingest holds the store has no copy yet: copy the file
        and WAL without the lock (the writer may be mid-commit), and keep the copy only if
        DuckDB opens it and its tables read back whole; else None (requests get 503)."""
        try:
            return self._copy(locked=False)
        except (DiurnaError, duckdb.Error, OSError):
            return None

    def _copy(self, locked: bool = True) -> Snapshot:
        self._n += 1
        # The folder again: an ASGI lifespan may close this Source and start it again (tests do).
        Path(self._dir).mkdir(parents=True, exist_ok=True)
        target = Path(self._dir) / f"snapshot-{self._n}.duckdb"
        # Holding a read-only connection keeps writers out while we copy file and WAL.
        # wait=0: a writer holding the store now holds it for a whole ingest; fail at once, serve the old copy.
        with Store(self.db, read_only=True, wait=0.0) if locked else nullcontext():
            stamp = _stamp(self.db)
            shutil.copyfile(self.db, target)
            wal = Path(f"{self.db}.wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{target}.wal"))
        if not locked:
            try:
                _reads_back(target)
            except BaseException:
                for p in (target, Path(f"{target}.wal")):
                    p.unlink(missing_ok=True)
                raise
        old, snap = self._snapshot, Snapshot(str(target), stamp, datetime.now(UTC).replace(tzinfo=None))
        # A connection held open for the copy's lifetime: each request's read-only Store then
        # joins this open database instead of loading the file again (~50 ms -> ~1 ms).
        base, self._base = self._base, Store(target, read_only=True)
        if base is not None:
            base.close()
        if old is not None:
            # Requests still reading the old copy keep their open file descriptors.
            for p in (Path(old.path), Path(f"{old.path}.wal")):
                p.unlink(missing_ok=True)
        return snap

    @contextmanager
    def reader(self) -> Iterator[Store]:
        """A read-only Store over the newest snapshot, for one request."""
        snap = self.refresh()
        if snap is None:
            # no path, no PID: the message goes to any client
            raise StoreBusy("the store is being written by another process (an ingest?) and no copy exists yet")
        with Store(snap.path, read_only=True) as store:
            yield store

    @contextmanager
    def writer(self) -> Iterator[Store]:
        """A writable Store over the store itself (follows); StoreBusy while an ingest writes."""
        with self._lock:
            try:
                store = Store(self.db)
            except DiurnaError as exc:
                raise StoreBusy("the store is being written by another process (an ingest?)") from exc
            try:
                yield store
            finally:
                store.close()
        self.refresh(force=True)

    def close(self) -> None:
        """Drop the copies; a later request (a restarted lifespan) takes a new one."""
        with self._lock:
            if self._base is not None:
                self._base.close()
                self._base = None
            self._snapshot = None
            shutil.rmtree(self._dir, ignore_errors=True)
