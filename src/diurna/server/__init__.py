"""`diurna serve`: the web API and dashboard over a store (FastAPI), library first:
routes call `diurna.store.query` and `server.queries`.

    from diurna.server import create_app
    app = create_app("diurna.duckdb")   # then: uvicorn.run(app)
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # FastAPI is imported on first use, not when the CLI registers `diurna serve`
    # (importing it took about a third of the time to a first `diurna extract` result).
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
