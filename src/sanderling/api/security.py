"""Request guards of the REST API: the body-size limit and the bearer token that allows writes.

    app.add_middleware(BodyLimit, max_bytes=MAX_BODY)   # 413 for larger uploads
    require_token(server, request)                      # 401/403 unless ``Authorization: Bearer <token>``
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from fastapi import HTTPException, Request

from sanderling.api.server import Server

MAX_BODY = 1_000_000


class BodyLimit:
    """ASGI middleware: a request body larger than ``max_bytes`` gets 413, by header or while it streams in.

    Bodies of POST/PUT/PATCH requests are read (at most ``max_bytes``) before the app sees them and
    then replayed, so the app never works on, or waits for, an oversized upload.
    """

    def __init__(self, app: Any, max_bytes: int = MAX_BODY) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._reject(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._reject(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        sent = False

        async def replay() -> dict[str, Any]:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _reject(self, send: Any) -> None:
        body = json.dumps({"detail": f"request body larger than {self.max_bytes} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def require_token(server: Server, request: Request) -> None:
    if server.token is None:
        raise HTTPException(403, "this server is read-only; restart it with a token (--token-env) to allow writes")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "missing bearer token: send Authorization: Bearer <token>",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), server.token.encode("utf-8")):
        raise HTTPException(403, "invalid token")
