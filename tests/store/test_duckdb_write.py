"""store.duckdb.Store.write: atomic, idempotent, order-independent; the merged tables."""

from __future__ import annotations

import dataclasses
import itertools

import pytest

from diurna.model import ErrorInfo, ErrorResult, Location
from diurna.store import Store
from diurna.store.schema import MIGRATIONS

from .store_builders import snapshot, story, three_outlets


def test_duckdb_write_idempotent(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        assert store.write(three_outlets()) == (3, 0)
        before = snapshot(store)
        assert store.write(three_outlets()) == (0, 0)
        assert snapshot(store) == before


def test_duckdb_migrations_named_and_applied_once(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        names = [r[0] for r in store.con.execute("SELECT name FROM migrations ORDER BY name").fetchall()]
    assert names == [m.name for m in MIGRATIONS]
    with Store(path) as store:  # re-opening applies nothing twice
        assert store.scalar("SELECT count(*) FROM migrations") == len(MIGRATIONS)


def test_duckdb_three_outlets_are_one_event(tmp_path):
    """One wire story, three sites, different boilerplate: one event, one entity per person."""
    with Store(tmp_path / "s.duckdb") as store:
        store.write(three_outlets())
        events = store.fetch("SELECT * FROM events")
        assert len(events) == 1
        ev = events[0]
        assert (ev["num_mentions"], ev["num_articles"]) == (3, 3)
        assert ev["num_sources"] == 2  # two sites ran Reuters copy: Reuters + Shire Courier
        assert ev["documents"] == ["courier-3", "gazette-1", "herald-7"]
        assert ev["day"].isoformat() == "2026-03-03"
        assert store.scalar("SELECT count(*) FROM event_evidence WHERE event_id = ?", [ev["id"]]) == 3
        people = store.fetch("SELECT name, num_documents FROM entities ORDER BY name")
        assert people == [{"name": "King Elessar", "num_documents": 3}, {"name": "Queen Eowyn", "num_documents": 3}]


@pytest.mark.parametrize(
    ("other", "events"),
    [
        (story("x", date="2026-03-03"), 1),
        (story("x", date="2026-03-10"), 2),                                           # a week later
        (story("x", code="143"), 2),                                                  # another code family
        (story("x", modality="negated"), 2),                                          # reported as not happening
        (story("x", location=Location("Edoras", "ROH", 30.0, 40.0)), 2),              # elsewhere
        (story("x", source="Faramir"), 1),     # another person, same actor code GNDGOV: a CAMEO dyad is codes
    ],
)
def test_duckdb_dedup_table(tmp_path, other, events):
    with Store(tmp_path / "s.duckdb") as store:
        store.write([story("a", url="https://a.example/1")])
        store.write([other])
        assert store.scalar("SELECT count(*) FROM events") == events


def _variants():
    """Five articles: the three outlets, a later story, a negated one."""
    return [*three_outlets(), story("later", date="2026-03-20", published="2026-03-21"),
            story("denial", modality="negated", prefix="Officials denied it. ")]


def test_duckdb_write_order_independent(tmp_path):
    results = _variants()
    reference = None
    for perm in itertools.islice(itertools.permutations(results), 0, 120, 17):
        with Store(":memory:") as store:
            for r in perm:  # one article per transaction, in this order
                store.write([r])
            snap = snapshot(store)
        reference = reference or snap
        assert snap == reference
    assert len(reference["events"]) == 3 and len(reference["event_evidence"]) == 5


def test_duckdb_write_rolls_back_whole_batch(tmp_path, monkeypatch):
    """A failure after some rows went in leaves nothing of the batch behind."""
    from diurna.store import refresh

    def boom(con, blocks):
        raise RuntimeError("disk full")

    with Store(tmp_path / "s.duckdb") as store:
        monkeypatch.setattr(refresh, "events", boom)
        with pytest.raises(RuntimeError):
            store.write(three_outlets())
        assert store.scalar("SELECT count(*) FROM documents") == 0
        assert store.scalar("SELECT count(*) FROM doc_entities") == 0
        monkeypatch.undo()
        assert store.write(three_outlets()) == (3, 0)


def test_duckdb_errors_stored_once(tmp_path):
    err = ErrorResult(index=0, error=ErrorInfo("E006", "no text in record: c.jsonl:2", "Give ..."), origin="c.jsonl:2")
    with Store(tmp_path / "s.duckdb") as store:
        assert store.write([err]) == (0, 1)
        store.write([err, dataclasses.replace(err, index=3)])
        assert store.fetch("SELECT origin, code FROM errors") == [{"origin": "c.jsonl:2", "code": "E006"}]


def test_duckdb_read_only_missing_store_says_what_to_do(tmp_path):
    from diurna.errors import DiurnaError

    with pytest.raises(DiurnaError, match="diurna ingest"):
        Store(tmp_path / "nope.duckdb", read_only=True)
