"""The API over a store built from the bundled examples (the README's demo store):
every document span and every evidence span points at its article's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna.engines.ingest import ingest
from diurna.server import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def examples_client(tmp_path_factory, pipeline):
    from fastapi.testclient import TestClient

    db = tmp_path_factory.mktemp("examples") / "demo.duckdb"
    report = ingest([EXAMPLES], db, pipeline.settings, published="2026-03-04", pipeline=pipeline)
    assert report.errors == 0
    with TestClient(create_app(db, pipeline.settings), base_url="http://localhost") as client:
        yield client


def test_app_examples_every_document_span_points_at_its_text(examples_client):
    docs = examples_client.get("/api/documents", params={"limit": 100}).json()
    assert len(docs) == len([p for p in EXAMPLES.iterdir() if p.is_file()])
    kinds = set()
    for doc in docs:
        article = examples_client.get(f"/api/documents/{doc['id']}").json()
        assert article["spans"], doc["title"]
        for span in article["spans"]:
            kinds.add(span["kind"])
            assert article["text"][span["start"]:span["end"]] == span["text"], (doc["title"], span)
    assert {"entity", "event", "quote", "time", "place"} <= kinds


def test_app_examples_event_evidence_sits_in_its_context(examples_client):
    page = examples_client.get("/api/events", params={"limit": 200}).json()
    assert page["total"] >= 20
    for event in page["items"]:
        detail = examples_client.get(f"/api/events/{event['id']}").json()
        assert detail["evidence"], event
        for ev in detail["evidence"]:
            assert ev["context"][ev["start"]:ev["end"]] == ev["evidence"]["text"]
            article = examples_client.get(f"/api/documents/{ev['evidence']['doc_id']}").json()
            s, e = ev["evidence"]["start"], ev["evidence"]["end"]
            assert article["text"][s:e] == ev["evidence"]["text"]


@pytest.mark.parametrize("dyad, must_have", [("KEN-ETH", True), ("KEN-NGA", False)])
def test_app_examples_dyad_filter(examples_client, dyad, must_have):
    page = examples_client.get("/api/events", params={"dyad": dyad}).json()
    assert (page["total"] > 0) is must_have
    for event in page["items"]:
        pair = {event["source_country"], event["target_country"]}
        assert pair == set(dyad.split("-")) or not event["target_country"]
