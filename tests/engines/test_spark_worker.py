"""The Spark workers' functions, run without a JVM: rows, de-duplication, merges, types."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from diurna.engines import spark_worker as w
from diurna.errors import E005, DiurnaError
from diurna.model import ErrorResult
from diurna.store import refresh
from diurna.store.rows import COLUMNS, Rows

from ..store.store_builders import story

NOW = datetime(2026, 3, 5, 12, 0, 0)


def _dicts(table: str, doc: w.DocRows) -> list[dict]:
    return [dict(zip(COLUMNS[table], row)) for row in doc.tables.get(table, ())]


@pytest.mark.parametrize("value,dtype,expected", [
    (3, "DOUBLE", 3.0),
    ("2026-03-04", "DATE", date(2026, 3, 4)),
    (datetime(2026, 3, 4, 8, 30), "DATE", date(2026, 3, 4)),
    (date(2026, 3, 4), "DATE", date(2026, 3, 4)),
    (True, "BOOLEAN", True),
    (7.0, "INTEGER", 7),
    (("a", "b"), "VARCHAR[]", ["a", "b"]),
    ('[{"text": "x"}]', "JSON", '[{"text": "x"}]'),
    ("2026-03-05T12:00:00", "TIMESTAMP", NOW),
    (None, "DOUBLE", None),  # nothing stays nothing
    (None, "VARCHAR[]", None),
])
def test_spark_worker_typed_values_fit_the_column_type(value, dtype, expected):
    got = w.typed_row((("c", dtype),), {"c": value})[0]
    assert got == expected and type(got) is type(expected)


def test_spark_worker_typed_row_follows_the_column_order_and_fills_absent_columns():
    assert w.typed_row((("b", "INTEGER"), ("a", "VARCHAR"), ("z", "VARCHAR")), {"a": "x", "b": 2}) == (2, "x", None)


def test_spark_worker_doc_rows_key_on_document_id_and_error_hash():
    doc = w.doc_rows(story("a1"), (0, 0, 0), NOW)
    assert doc.key == "doc:a1"
    assert {"documents", "doc_entities", "event_evidence", "quotes"} <= set(doc.tables)
    err = ErrorResult(index=0, error=DiurnaError(E005, "x.jsonl:3: bad").info(), origin="x.jsonl:3")
    rows = w.doc_rows(err, (0, 0, 2), NOW)
    assert rows.key.startswith("error:") and set(rows.tables) == {"errors"}
    assert rows.key == "error:" + rows.tables["errors"][0][0]


def test_spark_worker_first_keeps_the_earlier_input_whatever_the_call_order():
    early, late = w.doc_rows(story("a1"), (0, 1, 5), NOW), w.doc_rows(story("a1"), (1, 0, 0), NOW)
    assert w.first(early, late) is early and w.first(late, early) is early


def test_spark_worker_block_merges_are_the_store_refresh():
    """Spark's per-block merge is literally the store's: same rows, same assignments."""
    stories = [story(i, publisher=p) for i, p in (("a", "Gondor Herald"), ("b", "Rohan Times"))]
    dicts = [d for s in stories for d in _dicts("doc_entities", w.doc_rows(s, (0, 0, 0), NOW))]
    merged = w.merge_entity_block(dicts)
    rows, assigned = refresh.entity_rows(dicts)
    assert [x[1] for x in merged if x[0] == "rows"] == [dict(zip(refresh.ENTITY_COLUMNS, r)) for r in rows]
    assert sorted(x[1] for x in merged if x[0] == "assign") == sorted(((doc, local), eid) for doc, local, eid in assigned)
    assert len(rows) == 2 and all(r[-2] == 2 for r in rows)  # Elessar and Eowyn, each in both articles


def test_spark_worker_event_merge_joins_reports_from_two_outlets():
    reports = []
    for i, outlet in (("a", "Gondor Herald"), ("b", "Rohan Times")):
        doc = w.doc_rows(story(i, publisher=outlet), (0, 0, 0), NOW)
        d = _dicts("documents", doc)[0]
        article = {name: d[column] for name, column in refresh.ARTICLE_FIELDS}
        reports += [{**r, **article} for r in _dicts("event_evidence", doc)]
    events = [x[1] for x in w.merge_event_block(reports) if x[0] == "rows"]
    assert len(events) == 1
    assert (events[0]["num_mentions"], events[0]["num_sources"], events[0]["num_articles"]) == (2, 2, 2)


def test_spark_worker_rows_are_the_stores_rows():
    rows = Rows()
    rows.add_result(story("a1"), NOW)
    doc = w.doc_rows(story("a1"), (0, 0, 0), NOW)
    assert {t: list(r) for t, r in doc.tables.items()} == {t: r for t, r in rows.tables.items() if r}


def test_spark_worker_typed_tables_give_every_table_a_list():
    doc = w.doc_rows(story("a1"), (0, 0, 0), NOW)
    tables = [("documents", (("id", "VARCHAR"), ("lead_end", "INTEGER"))), ("amounts", (("doc_id", "VARCHAR"),)),
              ("errors", (("id", "VARCHAR"),))]
    got = w.typed_tables(tables, doc)
    assert got[0] == [("a1", doc.tables["documents"][0][COLUMNS["documents"].index("lead_end")])]
    assert got[1] == [] and got[2] == []  # no amounts, no error: empty lists, never None
