"""Schemathesis over the OpenAPI description: generated requests to every operation never
get a server error (5xx), also when every date parameter is given mutated date strings.
POST /api/extract is left out: each example would run spaCy.

Schemathesis' own pytest plugin does not load under pytest 9, so each operation's
hypothesis strategy is driven by a plain @given here."""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given  # noqa: E402
from hypothesis import settings as hsettings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory, settings):
    from diurna.server import create_app

    from .builders import build_store

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


# Date parameters get any string: compact and partial forms, impossible dates, other
# calendars' digits, separators, blanks. Each must be understood or refused (4xx), never a 500.
DATE_LIKE = st.one_of(
    st.from_regex(r"\A[0-9]{1,9}\Z"),
    st.from_regex(r"\A[0-9]{2,4}[-/. ][0-9]{1,2}[-/. ][0-9]{1,4}\Z"),
    st.sampled_from(["20250101", "2025-02-30", "2025-13-01", "0000-01-01", "9999-12-31", "2025-1-1", "2025/01/01",
                     "01/02/2025", "2025-W05", "2025-001", "٢٠٢٥-٠١-٠١", " 2025-01-01 ", "", " ", "yesterday",
                     "2025-01-01T00:00:00Z", "NaN", "-1", "1e9"]),
    st.text(max_size=12),
)
DATE_FIELDS = ("since", "until")


def _fuzz_dates(op, names: set[str], in_body: bool) -> None:
    @given(case=op.as_strategy(), since=DATE_LIKE, until=DATE_LIKE)
    @hsettings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case, since, until):
        values = {"since": since, "until": until}
        if in_body and isinstance(case.body, dict):
            case.body = {**case.body, **values}
        else:
            case.query = {**(case.query or {}), **{k: v for k, v in values.items() if k in names}}
        case.call_and_validate(checks=[not_a_server_error])

    run()


@pytest.mark.slow
def test_openapi_date_mutations_never_server_errors(api_schema):
    """Schemathesis cases for every operation taking a date (query or body), with since/until
    replaced by generated date-like strings."""
    dated = 0
    for op in (r.ok() for r in api_schema.get_all_operations()):
        names = {p.name for p in op.query}
        in_body = op.path == "/api/follows" and op.method.upper() == "POST"
        if op.path == "/api/extract" or not (names & set(DATE_FIELDS) or in_body):
            continue
        dated += 1

        _fuzz_dates(op, names, in_body)
    assert dated >= 7  # events, the four aggregates, quotes, documents, follows
