"""store.query filters, follows and the three exports (each export re-read and checked)."""

from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta

import pytest

from diurna.errors import DiurnaError
from diurna.model import Location
from diurna.store import Store, follows, query
from diurna.store.export import gdelt, parquet, plover
from diurna.store.query import EventFilter

from .store_builders import story, three_outlets

T0 = datetime(2026, 3, 5, 12, 0, 0)


def _build():
    s = Store(":memory:")
    s.write(three_outlets(), now=T0)
    s.write([story("riot", code="145", date="2026-03-10", published="2026-03-11",
                   location=Location("Edoras", "ROH", 30.0, 40.0))], now=T0 + timedelta(hours=1))
    return s


@pytest.fixture(scope="module")
def store():
    """Read by the query and export tests, never written to."""
    with _build() as s:
        yield s


@pytest.fixture()
def fresh_store():
    with Store(":memory:") as s:
        s.write(three_outlets(), now=T0)
        s.write([story("riot", code="145", date="2026-03-10", published="2026-03-11",
                       location=Location("Edoras", "ROH", 30.0, 40.0))], now=T0 + timedelta(hours=1))
        yield s


@pytest.mark.parametrize(
    ("f", "n"),
    [
        (EventFilter(), 2),
        (EventFilter(actor="Elessar"), 2),
        (EventFilter(actor="GND"), 2),
        (EventFilter(actor="Saruman"), 0),
        (EventFilter(dyad="GND-ROH"), 2),
        (EventFilter(dyad="ROH-GND"), 0),
        (EventFilter(dyad="Elessar-Eowyn"), 2),
        (EventFilter(country="roh"), 2),
        (EventFilter(country="MOR"), 0),
        (EventFilter(code="04"), 1),
        (EventFilter(code="145"), 1),
        (EventFilter(code="19"), 0),
        (EventFilter(root="4"), 1),
        (EventFilter(root="14"), 1),
        (EventFilter(quad=1), 2),  # the builder codes both as QuadClass 1
        (EventFilter(quad=4), 0),
        (EventFilter(since="2026-03-04"), 1),
        (EventFilter(until="2026-03-04"), 1),
        (EventFilter(since="2026-04-01"), 0),
        (EventFilter(q="Minas Tirith"), 2),
        (EventFilter(q="tuesday kings"), 2),
        (EventFilter(q="Mordor"), 0),
        (EventFilter(limit=1), 1),
    ],
)
def test_query_events_filters(store, f, n):
    assert len(query.events(store, f)) == n


@pytest.mark.parametrize("bad", [{"since": "yesterday"}, {"quad": 7}, {"dyad": "GND"}])
def test_query_events_bad_filters_say_what_to_do(bad):
    with pytest.raises(DiurnaError):
        EventFilter(**bad)


def test_query_event_json_has_counts_and_documents(store):
    (talks,) = query.events(store, EventFilter(code="043"))
    d = talks.to_dict()
    assert (d["num_mentions"], d["num_sources"], d["num_articles"]) == (3, 2, 3)
    assert d["documents"] == ["courier-3", "gazette-1", "herald-7"]
    json.dumps(d)  # serialisable as is
    assert {e.doc_id for e in query.evidence(store, talks.id)} == set(d["documents"])


@pytest.mark.parametrize(("speaker", "n"), [("Eowyn", 4), ("Queen Eowyn", 4), ("Elessar", 0), ("", 4)])
def test_query_quotes_speaker(store, speaker, n):
    rows = query.quotes(store, speaker=speaker or None)
    assert len(rows) == n
    assert all(r.speaker_entity and r.speaker_entity.startswith("E") for r in rows)


@pytest.mark.parametrize(("kw", "n"), [({}, 2), ({"name": "Elessar"}, 1), ({"country": "ROH"}, 1),
                                       ({"type": "ORG"}, 0), ({"name": "Sauron"}, 0)])
def test_query_entities(store, kw, n):
    assert len(query.entities(store, **kw)) == n


def test_query_documents_and_stats(store):
    assert len(query.documents(store)) == 4
    assert [d.id for d in query.documents(store, since="2026-03-11")] == ["riot"]
    assert query.documents(store, q="Subscribe")[0].id == "gazette-1"
    stats = query.stats(store)
    assert stats["counts"]["documents"] == 4 and stats["merged"]["events_with_several_articles"] == 1


def test_follows_check_reports_only_new(fresh_store):
    store = fresh_store
    follows.add(store, "rohan", EventFilter(country="ROH"))
    assert len(follows.check(store, "rohan")) == 2       # first check: everything so far
    assert follows.check(store, "rohan") == []            # nothing new since
    store.write([story("more", url="https://m.example/1")], now=T0 + timedelta(hours=2))
    again = follows.check(store, "rohan")                  # the talks gained an article
    assert [e.code for e in again] == ["043"] and again[0].num_articles == 4
    follows.add(store, "mordor", EventFilter(country="MOR"))
    assert follows.check(store, "mordor") == []
    assert [f.name for f in follows.list_all(store)] == ["mordor", "rohan"]
    assert follows.remove(store, "rohan") and not follows.remove(store, "rohan")


@pytest.mark.parametrize(("name", "f"), [("", EventFilter(actor="x")), ("ok", EventFilter()), ("a;drop", EventFilter(q="x"))])
def test_follows_add_refuses(fresh_store, name, f):
    store = fresh_store
    with pytest.raises(DiurnaError):
        follows.add(store, name, f)


def test_export_parquet_every_table_reads_back(store, tmp_path):
    written = parquet.export(store, tmp_path)
    assert {p.stem for p in written} >= {"documents", "entities", "events", "event_evidence", "quotes"}
    for path in written:
        table = path.stem
        back = store.scalar(f"SELECT count(*) FROM read_parquet('{path}')")
        assert back == store.scalar(f"SELECT count(*) FROM {table}"), table
    ids = store.con.execute(f"SELECT id, num_articles FROM read_parquet('{tmp_path / 'events.parquet'}') ORDER BY id")
    assert ids.fetchall() == store.con.execute("SELECT id, num_articles FROM events ORDER BY id").fetchall()


def test_export_gdelt_61_columns_in_order(store, tmp_path):
    (path,) = gdelt.export(store, tmp_path)
    rows = list(csv.reader(path.open(encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 2 and all(len(r) == 61 for r in rows)
    talks = next(r for r in rows if r[26] == "043")
    assert talks[1:5] == ["20260303", "202603", "2026", "2026.2548"]
    assert talks[5:8] == ["GNDGOV", "KING ELESSAR", "GND"] and talks[12] == "GOV"
    assert talks[15:18] == ["ROHGOV", "QUEEN EOWYN", "ROH"]
    assert (talks[25], talks[27], talks[28], talks[29], talks[30]) == ("1", "043", "04", "1", "2.8")
    assert talks[31:34] == ["3", "2", "3"]                      # NumMentions, NumSources, NumArticles
    assert talks[34] == "" and talks[35] == "0" and talks[43] == "0"  # no tone, no actor geo
    assert talks[51:58] == ["4", "Minas Tirith", "GND", "", "", "10.0", "20.0"]
    assert len(talks[59]) == 14 and talks[59].startswith("2026")
    assert talks[60] == "https://gazette.example/kings"
    assert int(talks[0]) > 0 and len({r[0] for r in rows}) == 2


def test_export_plover_records(store, tmp_path):
    (path,) = plover.export(store, tmp_path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2
    talks = next(r for r in records if r["diurna"]["cameo"] == "043")
    assert talks["event"] == "CONSULT" and talks["mode"] == "visit"
    assert talks["source"] == [{"actorText": "King Elessar", "code": "GNDGOV", "sector": "GOV", "country": "GND"}]
    assert talks["eventLoc"]["country code"] == "GND" and talks["eventText"] == "met"
    assert talks["diurna"]["num_articles"] == 3 and talks["date"] == "2026-03-03"
