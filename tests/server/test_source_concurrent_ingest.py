"""An ingest holding the store (another process, DuckDB's single writer) does not break queries:
they are answered from the server's last copy, marked stale, and see the new data once it ends."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from diurna.server.source import Source, StoreBusy

HERE = Path(__file__).resolve().parent

# Holds a writable Store (as `diurna ingest` does for its whole run), writes one article,
# says so, and keeps the lock until told to finish.
WRITER = """
import sys
sys.path.insert(0, {here!r})
from builders import GONDOR, ROHAN, report
from diurna.store import Store
with Store({db!r}) as store:
    store.write([report("raid-apr", GONDOR, ROHAN, verb="raided", code="190", label="Use force",
                        quad=4, goldstein=-10.0, day="2026-04-02")])
    print("writing", flush=True)
    sys.stdin.readline()
"""


@contextmanager
def _writing(db: Path) -> Iterator[subprocess.Popen]:
    """Another process holding `db` (WRITER), from its first write until it is told to
    finish ("done" on its stdin) or the block ends."""
    proc = subprocess.Popen([sys.executable, "-c", WRITER.format(here=str(HERE), db=str(db))],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "writing"
        yield proc
    finally:
        if proc.poll() is None:
            proc.stdin.write("done\n")
            proc.stdin.flush()
        proc.wait(timeout=30)


@pytest.fixture()
def writer(fresh_client):
    with _writing(fresh_client.db) as proc:
        yield proc


@pytest.mark.slow  # ~35 s: a real ingest in another process
def test_queries_answer_from_the_copy_while_an_ingest_writes(fresh_client, writer):
    # The writer could open the store at all: a running server holds no lock on it.
    c = fresh_client
    for path in ("/api/events", "/api/aggregates/timeline", "/api/documents/met-jan", "/api/follows", "/api/status"):
        resp = c.get(path)
        assert resp.status_code == 200, (path, resp.text)
        assert resp.headers["X-Diurna-Stale"] == "1"
    assert c.get("/api/events").json()["total"] == 4               # the copy from before the ingest
    busy = c.post("/api/follows", json={"name": "g", "country": "GND"})
    assert busy.status_code == 503 and busy.headers["Retry-After"]
    # no path, no PID in what any client reads
    assert str(c.db) not in busy.text and "PID" not in busy.text and "/" not in busy.json()["message"]
    writer.stdin.write("done\n")
    writer.stdin.flush()
    assert writer.wait(timeout=30) == 0
    after = c.get("/api/events")
    assert after.json()["total"] == 5 and after.headers["X-Diurna-Stale"] == "0"
    assert c.post("/api/follows", json={"name": "g", "country": "GND"}).status_code == 201


@pytest.mark.slow  # ~6 s: a writer in another process holds the store
def test_started_mid_ingest_serves_what_is_committed(tmp_path):
    """No copy yet and the store held: the file is copied without the lock and served, marked
    stale, when it reads back whole (the writer's committed article included)."""
    from .builders import build_store

    db = build_store(tmp_path / "s.duckdb")
    with _writing(db):
        source = Source(db)
        with source.reader() as store:
            assert store.scalar("SELECT count(*) FROM events") == 5
        assert source.stale
        source.close()


@pytest.mark.slow  # ~6 s: a writer in another process holds the store
def test_no_copy_that_reads_back_and_store_held_is_busy(tmp_path, monkeypatch):
    from diurna.server import source as source_module

    from .builders import build_store

    def torn(path):
        raise source_module.DiurnaError(source_module.E018, "torn")

    monkeypatch.setattr(source_module, "_reads_back", torn)
    db = build_store(tmp_path / "s.duckdb")
    with _writing(db):
        source = Source(db)
        with pytest.raises(StoreBusy, match="being written"):
            with source.reader():
                pass
        assert list(Path(source._dir).iterdir()) == []  # the torn copy is not left behind
        source.close()


def test_source_serves_again_after_close(tmp_path):
    """An ASGI lifespan that ends and starts again (schemathesis' ASGI calls do) closes the
    Source and reuses it: the next read takes a new copy instead of failing on a deleted folder."""
    from .builders import build_store

    source = Source(build_store(tmp_path / "s.duckdb"), refresh_every=0.0)
    for _ in range(2):
        with source.reader() as store:
            assert store.scalar("SELECT count(*) FROM events") == 4
        with source.writer() as store:
            pass
        source.close()
