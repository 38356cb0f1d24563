"""Documents with spans ready to highlight, entities, quotes, and aggregates by period."""

from __future__ import annotations

import pytest


def test_document_spans_point_into_its_text(client):
    doc = client.get("/api/documents/attack-feb").json()
    text = doc["text"]
    kinds = {s["kind"] for s in doc["spans"]}
    assert kinds == {"entity", "event", "quote", "time", "place"}
    for s in doc["spans"]:
        assert text[s["start"]:s["end"]] == s["text"], s
    event = next(s for s in doc["spans"] if s["kind"] == "event")
    assert event["ref"] == client.get("/api/events", params={"code": "190"}).json()["items"][0]["id"]
    assert [s["start"] for s in doc["spans"]] == sorted(s["start"] for s in doc["spans"])


@pytest.mark.parametrize(("params", "ids"), [
    ({}, ["accuse-feb", "attack-feb", "deal-mar", "met-jan"]),
    ({"q": "truce"}, ["deal-mar"]),
    ({"since": "2026-02-01", "until": "2026-02-28"}, ["accuse-feb", "attack-feb"]),
    ({"q": "dragons"}, []),
])
def test_documents_list(client, params, ids):
    assert sorted(d["id"] for d in client.get("/api/documents", params=params).json()) == ids


@pytest.mark.parametrize(("params", "names"), [
    ({"name": "Mordor"}, ["Mordor"]),
    ({"country": "ROH"}, ["Rohan"]),
    ({"type": "person"}, []),
    ({"name": "Shire"}, []),
])
def test_entities(client, params, names):
    assert [e["name"] for e in client.get("/api/entities", params=params).json()] == names


@pytest.mark.parametrize(("params", "n"), [({}, 4), ({"speaker": "Mordor"}, 1), ({"q": "dragons"}, 0)])
def test_quotes(client, params, n):
    assert len(client.get("/api/quotes", params=params).json()) == n


def test_timeline_counts_quadclasses_and_mean_goldstein_per_month(client):
    rows = client.get("/api/aggregates/timeline", params={"interval": "month"}).json()
    assert [(r["period"], r["events"], r["quad1"], r["quad2"], r["quad3"], r["quad4"], r["goldstein"]) for r in rows] == [
        ("2026-01-01", 1, 1, 0, 0, 0, 2.8),
        ("2026-02-01", 2, 0, 0, 1, 1, -6.0),
        ("2026-03-01", 1, 0, 1, 0, 0, 9.0),
    ]
    by_day = client.get("/api/aggregates/timeline", params={"interval": "day", "dyad": "GND-ROH"}).json()
    assert [r["period"] for r in by_day] == ["2026-01-10", "2026-02-05"]
    assert client.get("/api/aggregates/timeline", params={"interval": "year"}).status_code == 422


def test_dyads_and_countries(client):
    dyads = {r["key"]: r for r in client.get("/api/aggregates/dyads").json()}
    assert {k: v["events"] for k, v in dyads.items()} == {"GND-ROH": 2, "ROH-GND": 1, "MOR-GND": 1}
    assert dyads["GND-ROH"]["goldstein"] == -3.6
    monthly = client.get("/api/aggregates/dyads", params={"interval": "month", "dyad": "GND-ROH"}).json()
    assert [(r["period"], r["key"], r["events"]) for r in monthly] == [("2026-01-01", "GND-ROH", 1), ("2026-02-01", "GND-ROH", 1)]
    countries = {r["key"]: r["events"] for r in client.get("/api/aggregates/countries").json()}
    assert countries == {"GND": 4, "ROH": 3, "MOR": 1}  # each event counted once per country


def test_places_for_the_map(client):
    points = client.get("/api/aggregates/places").json()
    assert sorted((p["name"], p["lat"], p["lon"], p["events"]) for p in points) == [
        ("Edoras", 12.0, 18.0, 1), ("Minas Tirith", 10.0, 20.0, 1), ("Osgiliath", 11.0, 19.0, 1)]
    assert client.get("/api/aggregates/places", params={"country": "MOR"}).json()[0]["name"] == "Osgiliath"
    assert client.get("/api/aggregates/places", params={"dyad": "ROH-GND"}).json() == []


def test_status_and_openapi(client):
    status = client.get("/api/status").json()
    assert status["counts"]["events"] == 4 and status["stale"] is False
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}", "/api/aggregates/timeline",
                 "/api/aggregates/dyads", "/api/follows", "/api/follows/{name}/new", "/api/extract"):
        assert path in spec["paths"], path
    assert {"Event", "Article", "Span", "Bucket"} <= set(spec["components"]["schemas"])
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN: off
