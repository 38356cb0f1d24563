"""`min_confidence` on GET /api/events and the aggregates: the store's confidence bound,
the same filter code as `diurna events --min-confidence`."""

from __future__ import annotations

import pytest

from diurna.store import Store
from diurna.store import query as q

# builders.corpus(): 043 at 0.9, 190 at 0.75, 0871 at 0.5, 112 at 0.3


def _codes(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return sorted(e["code"] for e in resp.json()["items"])


@pytest.mark.parametrize(("params", "codes"), [
    ({"min_confidence": 0}, ["043", "0871", "112", "190"]),
    ({"min_confidence": 0.3}, ["043", "0871", "112", "190"]),   # the bound itself is kept
    ({"min_confidence": 0.31}, ["043", "0871", "190"]),
    ({"min_confidence": 0.75}, ["043", "190"]),
    ({"min_confidence": 0.9}, ["043"]),
    ({"min_confidence": 1}, []),
    ({"min_confidence": 0.6, "dyad": "GND-ROH"}, ["043", "190"]),
    ({"min_confidence": 0.6, "dyad": "ROH-GND"}, []),          # 112 is below the bound
])
def test_app_min_confidence_filters_events(client, params, codes):
    assert _codes(client.get("/api/events", params=params)) == codes


@pytest.mark.parametrize("value", ["-0.1", "1.01", "high", "nan"])
def test_app_min_confidence_out_of_range_is_422(client, value):
    for route in ("/api/events", "/api/aggregates/timeline", "/api/aggregates/dyads"):
        resp = client.get(route, params={"min_confidence": value})
        assert resp.status_code == 422, (route, resp.text)


def test_app_min_confidence_selects_what_the_cli_selects(client, db):
    with Store(db, read_only=True) as store:
        cli = [e.id for e in q.events(store, q.EventFilter(min_confidence=0.6))]
    api = [e["id"] for e in client.get("/api/events", params={"min_confidence": 0.6}).json()["items"]]
    assert api == cli and len(api) == 2


@pytest.mark.parametrize(("route", "bound", "events"), [
    ("/api/aggregates/timeline", None, 4),
    ("/api/aggregates/timeline", 0.6, 2),
    ("/api/aggregates/timeline", 0.95, 0),
    ("/api/aggregates/dyads", None, 4),
    ("/api/aggregates/dyads", 0.6, 2),
    ("/api/aggregates/places", None, 3),
    ("/api/aggregates/places", 0.8, 1),
])
def test_app_min_confidence_bounds_the_aggregates(client, route, bound, events):
    params = {} if bound is None else {"min_confidence": bound}
    resp = client.get(route, params=params)
    assert resp.status_code == 200, resp.text
    assert sum(b["events"] for b in resp.json()) == events


def test_app_min_confidence_follow_keeps_the_bound(fresh_client):
    resp = fresh_client.post("/api/follows", json={"name": "sure", "min_confidence": 0.8})
    assert resp.status_code == 201, resp.text
    assert resp.json()["filters"] == {"min_confidence": 0.8}
    assert [e["code"] for e in fresh_client.get("/api/follows/sure/new").json()["events"]] == ["043"]
    assert fresh_client.post("/api/follows", json={"name": "bad", "min_confidence": 2}).status_code == 422
