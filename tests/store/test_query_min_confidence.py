"""`diurna events --min-confidence` and `EventFilter.min_confidence`: the bound, its
checks (E021), and a follow that keeps it."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from diurna.cli import app
from diurna.errors import DiurnaError
from diurna.store.query import EventFilter, event_where

from .store_builders import outlets_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return outlets_store(tmp_path_factory.mktemp("minconf") / "s.duckdb")  # one merged event, its confidence 0.8


@pytest.mark.parametrize(("bound", "n"), [("0", 1), ("0.5", 1), ("0.8", 1), ("0.81", 0), ("1", 0)])
def test_query_min_confidence_cli_events(db, bound, n):
    result = runner.invoke(app, ["events", "--db", db, "--min-confidence", bound, "-f", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)) == n


@pytest.mark.parametrize("bound", ["-0.5", "1.5", "2"])
def test_query_min_confidence_cli_refuses_out_of_range(db, bound):
    result = runner.invoke(app, ["events", "--db", db, "--min-confidence", bound])
    assert result.exit_code == 2 and "[E021]" in result.output and "Hint:" in result.output, result.output


def test_query_min_confidence_cli_refuses_a_word(db):
    assert runner.invoke(app, ["events", "--db", db, "--min-confidence", "high"]).exit_code == 2


@pytest.mark.parametrize(("value", "ok"), [
    (None, True), (0, True), (0.0, True), (1, True), (0.5, True),
    (-0.01, False), (1.01, False), (True, False), ("0.5", False), (float("nan"), False),
])
def test_query_min_confidence_filter_checks(value, ok):
    if ok:
        f = EventFilter(min_confidence=value)
        assert f.min_confidence == (None if value is None else float(value))
        where, params = event_where(f)
        assert ("confidence >= ?" in where) == (value is not None)
    else:
        with pytest.raises(DiurnaError, match="E021"):
            EventFilter(min_confidence=value)


def test_query_min_confidence_follow_keeps_the_bound(tmp_path):
    path = outlets_store(tmp_path / "f.duckdb")
    for name, bound, n in (("sure", "0.9", 0), ("likely", "0.5", 1)):
        added = runner.invoke(app, ["follow", "add", name, "--db", path, "--min-confidence", bound])
        assert added.exit_code == 0, added.output
        checked = runner.invoke(app, ["follow", "check", name, "--db", path, "-f", "json"])
        assert len(json.loads(checked.output)) == n, checked.output
