"""GET /api/events and /api/events/{id}: the CLI's filters, pages, sorting, evidence in context."""

from __future__ import annotations

import pytest

from diurna.store import Store
from diurna.store import query as q


def _codes(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return sorted(e["code"] for e in resp.json()["items"])


@pytest.mark.parametrize(("params", "codes"), [
    ({}, ["043", "0871", "112", "190"]),
    ({"dyad": "GND-ROH"}, ["043", "190"]),
    ({"dyad": "ROH-GND"}, ["112"]),
    ({"dyad": "Mordor-Gondor"}, ["0871"]),
    ({"dyad": "MOR-ROH"}, []),                      # no such pair
    ({"country": "MOR"}, ["0871"]),
    ({"country": "ZZZ"}, []),
    ({"actor": "Rohan"}, ["043", "112", "190"]),
    ({"code": "19"}, ["190"]),
    ({"root": "11"}, ["112"]),
    ({"quad": 4}, ["190"]),
    ({"since": "2026-02-01", "until": "2026-02-28"}, ["112", "190"]),
    ({"until": "2025-12-31"}, []),
    ({"q": "shelled"}, ["190"]),
    ({"q": "shelled truce"}, []),                   # every word must appear
])
def test_events_filters(client, params, codes):
    assert _codes(client.get("/api/events", params=params)) == codes


def test_events_select_what_the_cli_selects(client, db):
    """The API and `diurna events` go through the same filter code."""
    with Store(db, read_only=True) as store:
        cli = [e.id for e in q.events(store, q.EventFilter(dyad="GND-ROH"))]
    api = [e["id"] for e in client.get("/api/events", params={"dyad": "GND-ROH"}).json()["items"]]
    assert api == cli


def test_events_pages_and_sorting(client):
    first = client.get("/api/events", params={"limit": 1, "sort": "goldstein", "order": "asc"}).json()
    second = client.get("/api/events", params={"limit": 1, "offset": 1, "sort": "goldstein", "order": "asc"}).json()
    assert first["total"] == second["total"] == 4
    assert [first["items"][0]["goldstein"], second["items"][0]["goldstein"]] == [-10.0, -2.0]
    by_day = client.get("/api/events", params={"sort": "day", "order": "asc"}).json()["items"]
    assert [e["day"] for e in by_day] == sorted(e["day"] for e in by_day)
    assert client.get("/api/events", params={"offset": 10}).json()["items"] == []


@pytest.mark.parametrize("params", [
    {"since": "2026-13-01"}, {"quad": 5}, {"dyad": "GONDOR"}, {"sort": "random()"}, {"order": "sideways"},
    {"limit": 0}, {"limit": 100000}, {"country": "GONDOR"},
])
def test_events_bad_parameters_are_client_errors(client, params):
    resp = client.get("/api/events", params=params)
    assert resp.status_code == 422, resp.text


def test_event_has_every_evidence_span_in_its_article_context(client):
    eid = client.get("/api/events", params={"code": "190"}).json()["items"][0]["id"]
    detail = client.get(f"/api/events/{eid}").json()
    assert detail["event"]["id"] == eid
    [ev] = detail["evidence"]
    assert ev["context"][ev["start"]:ev["end"]] == ev["evidence"]["text"] == "Gondor shelled positions of Rohan in Edoras on 2026-02-05, officials said."
    assert ev["evidence"]["doc_id"] == "attack-feb"
    article = client.get("/api/documents/attack-feb").json()["text"]
    assert article[ev["context_start"]:ev["context_start"] + len(ev["context"])] == ev["context"]


@pytest.mark.parametrize("path", ["/api/events/Vnothere", "/api/documents/nothere"])
def test_unknown_ids_are_404(client, path):
    assert client.get(path).status_code == 404
