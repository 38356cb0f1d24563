"""Security guards: the Host allow-list (DNS rebinding), the bearer scheme in any case and
no blank token, 413 on oversized chunked bodies and 408 on slow ones, and no 503 leaks."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest

from diurna.server import create_app
from diurna.server.limits import BodyLimit, host_name


@pytest.mark.parametrize(("host", "status"), [
    ("localhost", 200), ("127.0.0.1", 200), ("localhost:8000", 200), ("127.0.0.1:8000", 200), ("[::1]:8000", 200),
    ("LOCALHOST", 200), ("evil.example", 400), ("evil.example:8000", 400), ("localhost.evil.example", 400),
    ("127.0.0.1.nip.io", 400), ("", 400),
])
def test_host_guard_without_token(client, host, status):
    resp = client.get("/api/events", headers={"host": host})
    assert resp.status_code == status, resp.text
    if status == 400:
        assert resp.json()["code"] == "bad_host"
        assert client.get("/", headers={"host": host}).status_code == 400


def test_host_guard_allowed_host_and_token(db, settings):
    from fastapi.testclient import TestClient

    with TestClient(create_app(db, settings, allowed_hosts=["diurna.lan"]), base_url="http://localhost") as c:
        assert c.get("/api/events", headers={"host": "diurna.lan:8000"}).status_code == 200
        assert c.get("/api/events", headers={"host": "other.lan"}).status_code == 400
    # with a token the token guards the API, reached by any name
    with TestClient(create_app(db, settings, token="s3cret"), base_url="http://server.example") as c:
        assert c.get("/api/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200


@pytest.mark.parametrize(("header", "status"), [
    ("Bearer s3cret", 200), ("bearer s3cret", 200), ("BEARER s3cret", 200), ("Bearer  s3cret ", 200),
    ("Bearer", 401), ("Bearer ", 401), ("Basic s3cret", 401), ("s3cret", 401), ("Bearer s3cre", 401), ("", 401),
])
def test_token_scheme_any_case(db, settings, header, status):
    from fastapi.testclient import TestClient

    with TestClient(create_app(db, settings, token="s3cret"), base_url="http://localhost") as c:
        assert c.get("/api/events", headers={"Authorization": header}).status_code == status


@pytest.mark.parametrize("token", ["", " ", "\t"])
def test_blank_token_refused(db, settings, token):
    with pytest.raises(ValueError):
        create_app(db, settings, token=token)


@pytest.mark.parametrize("token", [" ", "  "])
def test_serve_refuses_blank_token(db, token):
    from typer.testing import CliRunner

    from diurna.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(db), "--host", "0.0.0.0", "--token", token])
    assert result.exit_code == 2 and "token" in result.output


def test_chunked_body_over_the_limit_is_413(db, settings):
    from fastapi.testclient import TestClient

    def chunks():
        for _ in range(50):
            yield b"x" * 100

    with TestClient(create_app(db, settings, max_body=1000), base_url="http://localhost") as c:
        resp = c.post("/api/follows", content=chunks(), headers={"content-type": "application/json"})
        assert resp.status_code == 413 and resp.json()["code"] == "too_large"
        small = c.post("/api/follows", content=iter([b'{"name": "a",', b' "country": "GND"}']),
                       headers={"content-type": "application/json"})
        assert small.status_code in (201, 503), small.text


def _run(limit: BodyLimit, messages: list, delay: float) -> list:
    sent: list = []
    queue = list(messages)

    async def receive():
        if not queue:
            await asyncio.sleep(3600)
        await asyncio.sleep(delay)
        return queue.pop(0)

    async def send(message):
        sent.append(message)

    async def main():
        await limit({"type": "http", "method": "POST", "path": "/api/extract", "headers": []}, receive, send)

    asyncio.run(main())
    return sent


async def _echo(scope, receive, send):
    message = await receive()
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": message["body"]})


@pytest.mark.parametrize(("messages", "delay", "status"), [
    ([{"type": "http.request", "body": b"ab", "more_body": True}, {"type": "http.request", "body": b"c"}], 0.0, 200),
    ([{"type": "http.request", "body": b"ab", "more_body": True}], 0.0, 408),          # never finished
    ([{"type": "http.request", "body": b"a", "more_body": True}] * 10, 0.05, 408),     # too slow
    ([{"type": "http.request", "body": b"x" * 60, "more_body": True}] * 2, 0.0, 413),  # too big, no length
])
def test_body_limit_size_and_time(messages, delay, status):
    sent = _run(BodyLimit(_echo, max_bytes=100, timeout=0.2), messages, delay)
    assert sent[0]["status"] == status
    if status == 200:
        assert sent[1]["body"] == b"abc"


@pytest.mark.parametrize(("host", "name"), [("LocalHost:80", "localhost"), ("[::1]:1", "::1"), ("::1", "::1"),
                                             ("a.b.", "a.b"), ("", "")])
def test_host_name(host, name):
    assert host_name(host) == name


def test_article_source_link_is_http_only(fresh_client):
    from diurna.store import Store

    from .builders import GONDOR, ROHAN, report

    bad = report("js-link", GONDOR, ROHAN, verb="praised", code="051", label="Praise", quad=1, goldstein=3.4,
                 day="2026-05-01")
    bad = dataclasses.replace(bad, document=dataclasses.replace(bad.document, url="javascript:alert(1)"))
    with Store(fresh_client.db) as store:
        store.write([bad])
    assert fresh_client.get("/api/documents/js-link").json()["url"] is None
