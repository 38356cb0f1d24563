"""`diurna serve`: the web API and dashboard over a store (FastAPI), library first:
routes call `diurna.store.query` and `server.queries`.

    from diurna.server import create_app
    app = create_app("diurna.duckdb")   # then: uvicorn.run(app)
"""

from .app import create_app

__all__ = ["create_app"]
