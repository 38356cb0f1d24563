"""Opening a store waits a moment for another process's lock (the server's snapshot
copy) and then says what is wrong (E019) when the lock stays."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from diurna.errors import DiurnaError
from diurna.store import Store

HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); print('held', flush=True); time.sleep(float(sys.argv[2]))"


def _hold(db, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path).close()
    return path


def test_store_lock_wait_writer_waits_for_a_short_lock(db):
    holder = _hold(db, 1.0)
    t0 = time.monotonic()
    with Store(db) as store:  # opens once the holder lets go
        assert store.scalar("SELECT count(*) FROM documents") == 0
    assert time.monotonic() - t0 >= 0.5
    holder.wait()


def test_store_lock_wait_gives_up_with_e019_on_a_long_lock(db):
    holder = _hold(db, 30.0)
    try:
        t0 = time.monotonic()
        with pytest.raises(DiurnaError) as exc:
            Store(db, wait=0.6)
        assert exc.value.code == "E019" and time.monotonic() - t0 < 3.0
    finally:
        holder.kill()
        holder.wait()
