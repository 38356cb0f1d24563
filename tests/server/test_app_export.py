"""GET /api/export/events: every event of the current filter as a CSV or Parquet download."""

from __future__ import annotations

import csv
import io

import pytest


@pytest.mark.parametrize(
    ("params", "ids"),
    [
        ("", {"met-jan", "attack-feb", "accuse-feb", "deal-mar"}),
        ("&quad=4", {"attack-feb"}),
        ("&dyad=GND-ROH", {"met-jan", "attack-feb"}),
        ("&since=20260201&until=2026-02-28", {"attack-feb", "accuse-feb"}),   # compact dates understood
        ("&country=XXX", set()),                                              # nothing: a header only
    ],
)
def test_app_export_csv_holds_the_filtered_events(client, params, ids):
    resp = client.get(f"/api/export/events?format=csv{params}")
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith("text/csv")
    assert 'attachment; filename="diurna-events.csv"' == resp.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert {r["anchor_doc"] for r in rows} == ids and resp.headers["X-Diurna-Rows"] == str(len(ids))
    assert "search" not in (rows[0] if rows else {})


def test_app_export_has_no_page_limit(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export/events?limit=1").text)))
    assert len(rows) == 4  # limit pages the list; a download holds every match


def test_app_export_parquet_reads_back(client, tmp_path):
    import duckdb

    resp = client.get("/api/export/events?format=parquet&quad=1")
    assert resp.status_code == 200 and resp.content[:4] == b"PAR1"
    assert resp.headers["content-type"] == "application/vnd.apache.parquet"
    path = tmp_path / "e.parquet"
    path.write_bytes(resp.content)
    rows = duckdb.connect().execute(f"SELECT anchor_doc, code, num_articles FROM '{path}'").fetchall()
    assert rows == [("met-jan", "043", 1)]


@pytest.mark.parametrize("params", ["format=xml", "format=csv&since=2026-02-30", "format=csv&quad=7",
                                    "format=csv&dyad=GND", "format=../../etc/passwd"])
def test_app_export_refuses_bad_values(client, params):
    assert client.get(f"/api/export/events?{params}").status_code == 422
