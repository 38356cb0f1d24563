"""Two small ASGI guards: a bearer token on /api when the server is reachable from other
machines, and a cap on request body size (checked on the declared length and on the
bytes actually received, so a chunked upload cannot slip past it)."""

from __future__ import annotations

import hmac
import json
from typing import Any

Scope = dict[str, Any]


async def _reply(send, status: int, code: str, message: str, hint: str) -> None:
    body = json.dumps({"code": code, "message": message, "hint": hint}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class TokenGuard:
    """With a token, /api/* and the OpenAPI description need `Authorization: Bearer TOKEN`.
    The dashboard's static files hold no data and stay open so the page can load and ask."""

    PROTECTED = ("/api/", "/openapi.json")

    def __init__(self, app, token: str | None) -> None:
        self.app, self.token = app, token

    async def __call__(self, scope: Scope, receive, send) -> None:
        if self.token and scope["type"] == "http" and scope["path"].startswith(self.PROTECTED):
            given = dict(scope.get("headers", [])).get(b"authorization", b"").decode("latin-1")
            if not hmac.compare_digest(given.encode(), f"Bearer {self.token}".encode()):
                await _reply(send, 401, "unauthorized", "this server needs a token",
                             "send `Authorization: Bearer TOKEN`, or open the dashboard as /?token=TOKEN")
                return
        await self.app(scope, receive, send)


class BodyLimit:
    def __init__(self, app, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._too_large(send)
            return
        seen, started = 0, False

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge
            return message

        async def tracking_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracking_send)
        except _TooLarge:
            if not started:
                await self._too_large(send)

    async def _too_large(self, send) -> None:
        await _reply(send, 413, "too_large", f"request body over {self.max_bytes} bytes",
                     "send one article at a time; use `diurna ingest` for bulk work")


class _TooLarge(Exception):
    pass
