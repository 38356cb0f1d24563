"""Schemathesis over the OpenAPI description: generated requests to every operation never
get a server error (5xx). POST /api/extract is left out: each example would run spaCy.

Schemathesis' own pytest plugin does not load under pytest 9, so each operation's
hypothesis strategy is driven by a plain @given here."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given  # noqa: E402
from hypothesis import settings as hsettings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, settings):
    from conftest import build_store

    from diurna.server import create_app

    db = build_store(tmp_path_factory.mktemp("fuzz") / "store.duckdb")
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(db, settings, refresh_every=0.0, allowed_hosts=["testserver"]))


@pytest.mark.slow
def test_openapi_no_server_errors(api_schema):
    operations = [r.ok() for r in api_schema.get_all_operations()]
    paths = {op.path for op in operations}
    assert {"/api/events", "/api/follows", "/api/aggregates/dyads"} <= paths
    for op in operations:
        if op.path == "/api/extract":
            continue

        @given(case=op.as_strategy())
        @hsettings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):
            case.call_and_validate(checks=[not_a_server_error])

        run()
