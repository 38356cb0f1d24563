"""Three small ASGI guards.

- `HostGuard`: without a token, only requests whose Host header names this machine
  (loopback names, plus `--allowed-host`) are served: a web page that re-points its own
  domain at 127.0.0.1 (DNS rebinding) sends its own name as Host and is refused.
- `TokenGuard`: a bearer token on /api when the server is reachable from other machines.
- `BodyLimit`: a cap on request body size (on the declared length and on the bytes
  actually received, so a chunked upload cannot slip past it) and on the time a client
  may take to send its body (a slow or unfinished body cannot hold a worker).
"""

from __future__ import annotations

import asyncio
import hmac
import json
from collections.abc import Iterable
from typing import Any

Scope = dict[str, Any]
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


async def _reply(send, status: int, code: str, message: str, hint: str) -> None:
    body = json.dumps({"code": code, "message": message, "hint": hint}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    if status in (408, 413):
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value
    return None


def host_name(host: str) -> str:
    """The name in a Host header, without port or IPv6 brackets, lower-cased."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:host.find("]")] if "]" in host else host[1:]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host.rstrip(".")


class HostGuard:
    """Refuse a request whose Host header is not in the allow-list (400)."""

    def __init__(self, app, allowed: Iterable[str]) -> None:
        self.app = app
        self.allowed = frozenset(host_name(h) for h in allowed if h.strip())

    async def __call__(self, scope: Scope, receive, send) -> None:
        if scope["type"] == "http":
            given = (_header(scope, b"host") or b"").decode("latin-1")
            if host_name(given) not in self.allowed:
                await _reply(send, 400, "bad_host", "this server does not answer for that Host header",
                             "open the dashboard as http://127.0.0.1:PORT/ or http://localhost:PORT/, "
                             "or start `diurna serve` with --allowed-host NAME")
                return
        await self.app(scope, receive, send)


class TokenGuard:
    """With a token, /api/* and the OpenAPI description need `Authorization: Bearer TOKEN`
    (the scheme in any case, RFC 7235). The dashboard's static files hold no data and stay
    open so the page can load and ask."""

    PROTECTED = ("/api/", "/openapi.json")

    def __init__(self, app, token: str | None) -> None:
        if token is not None and not token.strip():
            raise ValueError("a blank token protects nothing")
        self.app, self.token = app, token

    async def __call__(self, scope: Scope, receive, send) -> None:
        if self.token and scope["type"] == "http" and scope["path"].startswith(self.PROTECTED):
            scheme, _, given = (_header(scope, b"authorization") or b"").decode("latin-1").strip().partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.token.encode()):
                await _reply(send, 401, "unauthorized", "this server needs a token",
                             "send `Authorization: Bearer TOKEN`, or open the dashboard as /?token=TOKEN")
                return
        await self.app(scope, receive, send)


class BodyLimit:
    """Read the whole body first (at most `max_bytes`, within `timeout` seconds), then
    hand it to the app: 413 past the size, 408 past the time, before any route runs."""

    def __init__(self, app, max_bytes: int, timeout: float = 10.0) -> None:
        self.app, self.max_bytes, self.timeout = app, max_bytes, timeout

    async def __call__(self, scope: Scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _header(scope, b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._too_large(send)
            return
        try:
            body = await asyncio.wait_for(self._read(receive), self.timeout)
        except TimeoutError:
            await _reply(send, 408, "timeout", f"the request body did not arrive within {self.timeout:g} s",
                         "send the whole body at once")
            return
        if body is None:
            await self._too_large(send)
            return
        replayed = False

        async def replay():
            nonlocal replayed
            if replayed:
                return await receive()  # after the body: wait for the disconnect, as Starlette expects
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _read(self, receive) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return b"".join(chunks)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _too_large(self, send) -> None:
        await _reply(send, 413, "too_large", f"request body over {self.max_bytes} bytes",
                     "send one article at a time; use `diurna ingest` for bulk work")
