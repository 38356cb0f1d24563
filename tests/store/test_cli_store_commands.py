"""The store's CLI commands over a store built from hand-made results (thin layer checks)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from diurna.cli import app
from diurna.model import ErrorInfo, ErrorResult

from .store_builders import outlets_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    error = ErrorResult(0, ErrorInfo("E006", "no text in record: x.jsonl:2", "Give ..."), origin="x.jsonl:2")
    return outlets_store(tmp_path_factory.mktemp("cli") / "s.duckdb", error)


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", ["ingest", "events", "quotes", "entities", "documents", "stats", "errors",
                                     "export", "follow"])
def test_cli_store_commands_registered_with_help(command):
    out = run(command, "--help")
    assert "--db" in out or command == "follow"


def test_cli_ingest_documents_its_options():
    out = run("ingest", "--help")
    for option in ("--db", "--workers", "--published", "--config"):
        assert option in out


def test_cli_events_json_and_csv(db):
    events = json.loads(run("events", "--db", db, "--dyad", "GND-ROH", "--format", "json"))
    assert len(events) == 1 and events[0]["num_articles"] == 3 and len(events[0]["documents"]) == 3
    assert json.loads(run("events", "--db", db, "--actor", "Sauron", "--format", "json")) == []
    rows = list(csv.DictReader(io.StringIO(run("events", "--db", db, "--format", "csv"))))
    assert rows[0]["num_sources"] == "2"
    assert "events: 1" in run("events", "--db", db)


def test_cli_other_queries(db):
    assert json.loads(run("quotes", "--db", db, "--speaker", "Eowyn", "-f", "json"))[0]["cue"] == "told"
    assert len(json.loads(run("entities", "--db", db, "-f", "json"))) == 2
    assert len(json.loads(run("documents", "--db", db, "-f", "json"))) == 3
    assert json.loads(run("stats", "--db", db, "-f", "json"))["counts"]["events"] == 1
    assert json.loads(run("errors", "--db", db, "-f", "json"))[0]["code"] == "E006"


def test_cli_follow_cycle(tmp_path):
    path = outlets_store(tmp_path / "f.duckdb")
    run("follow", "add", "gondor", "--db", path, "--country", "GND")
    assert "gondor" in run("follow", "list", "--db", path)
    assert len(json.loads(run("follow", "check", "gondor", "--db", path, "-f", "json"))) == 1
    assert json.loads(run("follow", "check", "gondor", "--db", path, "-f", "json")) == []
    run("follow", "rm", "gondor", "--db", path)
    assert runner.invoke(app, ["follow", "check", "gondor", "--db", path]).exit_code == 2


@pytest.mark.parametrize(("fmt", "name"), [("parquet", "events.parquet"), ("gdelt", "events.export.CSV"),
                                           ("plover", "events.plover.jsonl")])
def test_cli_export(db, tmp_path, fmt, name):
    out = run("export", "--db", db, "--format", fmt, "--out", str(tmp_path))
    assert (tmp_path / name).exists() and name in out


@pytest.mark.parametrize("args", [["events", "--db", "missing.duckdb"], ["export", "--format", "xml"],
                                  ["events", "--since", "soon"], ["events", "--format", "yaml"]])
def test_cli_store_refuses_with_a_message(args, db):
    if "--db" not in args:
        args = [*args, "--db", db]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
