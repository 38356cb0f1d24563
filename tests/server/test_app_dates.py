"""No 5xx on any date: compact dates work in every route, bad ones are 422 with E007,
and a bad follow stored by an older version does not break GET /api/follows."""

from __future__ import annotations

import json

import pytest

from diurna.store import Store

ROUTES = ["/api/events", "/api/aggregates/timeline", "/api/aggregates/dyads", "/api/aggregates/countries",
          "/api/aggregates/places", "/api/quotes", "/api/documents"]


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("param", ["since", "until"])
def test_app_compact_dates_are_understood(client, route, param):
    compact = client.get(route, params={param: "20260301" if param == "since" else "20991231"})
    iso = client.get(route, params={param: "2026-03-01" if param == "since" else "2099-12-31"})
    assert compact.status_code == 200, compact.text
    assert compact.json() == iso.json()


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("value", ["20261301", "2026-02-30", "soon", "2026/01/01", "-1", "2026-W01-1"])
def test_app_bad_dates_are_422(client, route, value):
    resp = client.get(route, params={"since": value})
    assert resp.status_code == 422, resp.text
    assert resp.json()["code"] == "E007"


@pytest.mark.parametrize(("params", "code"), [({"dyad": "foo"}, "E021"), ({"root": "77"}, "E021")])
def test_app_bad_filter_values_are_422(client, params, code):
    resp = client.get("/api/events", params=params)
    assert resp.status_code == 422 and resp.json()["code"] == code


def test_app_follow_with_compact_date_is_stored_iso(fresh_client):
    made = fresh_client.post("/api/follows", json={"name": "c", "country": "GND", "since": "20260102"})
    assert made.status_code == 201 and made.json()["filters"]["since"] == "2026-01-02"
    assert fresh_client.get("/api/follows").status_code == 200
    bad = fresh_client.post("/api/follows", json={"name": "d", "since": "20261302"})
    assert bad.status_code == 422 and bad.json()["code"] == "E007"


def test_app_follows_list_survives_a_bad_stored_follow(fresh_client):
    with Store(fresh_client.db) as store:  # as an older version could have written it
        store.con.execute("INSERT INTO follows VALUES ('old', ?, now(), NULL)", [json.dumps({"since": "2026-13-02"})])
    fresh_client.post("/api/follows", json={"name": "good", "country": "GND"})
    listed = {f["name"]: f for f in fresh_client.get("/api/follows").json()}
    assert listed["old"]["problem"] and listed["old"]["new_events"] is None
    assert listed["good"]["problem"] is None and listed["good"]["new_events"] is not None
    assert fresh_client.get("/api/follows/old/new").status_code == 422
    assert fresh_client.delete("/api/follows/old").status_code == 204
