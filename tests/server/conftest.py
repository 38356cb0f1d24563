"""A store built from hand-made Results, and a TestClient over it."""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna.server import create_app

from .builders import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("server") / "store.duckdb")


@pytest.fixture(scope="module")
def client(db: Path, settings):
    from fastapi.testclient import TestClient

    with TestClient(create_app(db, settings), base_url="http://localhost") as c:
        yield c


@pytest.fixture()
def fresh_client(tmp_path: Path, settings):
    """A client over a store of its own, for tests that write (follows) or ingest."""
    from fastapi.testclient import TestClient

    path = build_store(tmp_path / "store.duckdb")
    with TestClient(create_app(path, settings, refresh_every=0.0), base_url="http://localhost") as c:
        c.db = path  # type: ignore[attr-defined]
        yield c
