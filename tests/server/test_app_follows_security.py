"""Follows over HTTP, the token guard, body limits, closed CORS, and the serve command's refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna.server import create_app
from diurna.server.cli import is_loopback
from diurna.store import Store

from .builders import GONDOR, ROHAN, report


def test_follow_lifecycle_counts_new_events(fresh_client):
    c = fresh_client
    made = c.post("/api/follows", json={"name": "gondor-rohan", "dyad": "GND-ROH"})
    assert made.status_code == 201, made.text
    assert made.json()["filters"] == {"dyad": "GND-ROH"}
    assert [(f["name"], f["new_events"]) for f in c.get("/api/follows").json()] == [("gondor-rohan", 2)]
    assert len(c.get("/api/follows/gondor-rohan/new").json()["events"]) == 2
    assert c.get("/api/follows").json()[0]["new_events"] == 2          # looking does not mark seen
    assert len(c.post("/api/follows/gondor-rohan/seen").json()["events"]) == 2
    assert c.get("/api/follows").json()[0]["new_events"] == 0
    with Store(c.db) as store:                                          # a later ingest adds one
        store.write([report("raid-apr", GONDOR, ROHAN, verb="raided", code="190",
                            label="Use conventional military force", quad=4, goldstein=-10.0, day="2026-04-02")])
    assert c.get("/api/follows").json()[0]["new_events"] == 1
    assert c.delete("/api/follows/gondor-rohan").status_code == 204
    assert c.delete("/api/follows/gondor-rohan").status_code == 404
    assert c.get("/api/follows/gondor-rohan/new").status_code == 404


@pytest.mark.parametrize("body", [
    {"name": "bad/name", "country": "GND"},      # not a follow name
    {"name": "nothing"},                         # no filter at all
    {"name": "x", "quad": 9},
    {"name": "x", "since": "yesterday"},
    {"name": "x", "country": "GND", "limit": 5},  # unknown field
])
def test_follow_refuses_bad_input(fresh_client, body):
    assert fresh_client.post("/api/follows", json=body).status_code == 422


def test_follow_name_taken(fresh_client):
    assert fresh_client.post("/api/follows", json={"name": "m", "country": "MOR"}).status_code == 201
    again = fresh_client.post("/api/follows", json={"name": "m", "country": "MOR"})
    assert again.status_code == 422 and "exists" in again.json()["message"]


def test_token_guards_the_api_not_the_page(db, settings):
    from fastapi.testclient import TestClient

    with TestClient(create_app(db, settings, token="s3cret"), base_url="http://localhost") as c:
        assert c.get("/api/events").status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert c.get("/openapi.json").status_code == 401
        assert c.get("/api/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/").status_code == 200 and c.get("/static/app.js").status_code == 200


def test_cors_is_closed(client):
    resp = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert resp.status_code == 200 and "access-control-allow-origin" not in resp.headers
    pre = client.options("/api/events", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers


def test_body_limit(db, settings):
    from fastapi.testclient import TestClient

    with TestClient(create_app(db, settings, max_body=1000), base_url="http://localhost") as c:
        resp = c.post("/api/follows", content=b'{"name": "' + b"x" * 2000 + b'"}',
                      headers={"content-type": "application/json"})
        assert resp.status_code == 413 and resp.json()["code"] == "too_large"


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
    ("0.0.0.0", False), ("192.168.1.4", False), ("::", False), ("example.org", False),
])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_serve_refuses_open_address_without_token(db):
    from typer.testing import CliRunner

    from diurna.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0"], env={"DIURNA_TOKEN": ""})
    assert result.exit_code == 2 and "token" in result.output


def test_serve_refuses_missing_store(tmp_path: Path):
    from typer.testing import CliRunner

    from diurna.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "diurna ingest" in result.output

