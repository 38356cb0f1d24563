"""The store commands' errors: each its own code and hint, never a traceback."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from diurna.cli import app

from .store_builders import outlets_store

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    return outlets_store(tmp_path_factory.mktemp("clierr") / "s.duckdb")


@pytest.mark.parametrize(("args", "code"), [
    (["events", "--limit", "-1"], "E021"), (["events", "--limit", "0"], "E021"),
    (["quotes", "--limit", "-1"], "E021"), (["entities", "--limit", "-1"], "E021"),
    (["documents", "--limit", "-1"], "E021"), (["errors", "--limit", "-1"], "E021"),
    (["entities", "--type", "foo"], "E021"), (["events", "--dyad", "foo"], "E021"), (["events", "--quad", "7"], "E021"),
    (["events", "--root", "42"], "E021"), (["events", "--since", "2020-02-30"], "E007"),
    (["export", "--out", "/proc/x/y"], "E022"),
    (["follow", "check", "nobody"], "E024"),
])
def test_cli_store_error_codes(db, args, code):
    result = runner.invoke(app, [*args, "--db", db])
    assert result.exit_code == 2, result.output
    assert f"[{code}]" in result.output and "Hint:" in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def test_cli_store_missing_and_locked(tmp_path, db):
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2 and "[E018]" in missing.output
    assert "[E011]" not in missing.output


def test_cli_follow_exists_and_rm_missing(tmp_path):
    path = outlets_store(tmp_path / "f.duckdb")
    assert runner.invoke(app, ["follow", "add", "g", "--country", "GND", "--db", path]).exit_code == 0
    again = runner.invoke(app, ["follow", "add", "g", "--country", "GND", "--db", path])
    assert again.exit_code == 2 and "[E020]" in again.output
    gone = runner.invoke(app, ["follow", "rm", "nobody", "--db", path])
    assert gone.exit_code == 1 and "[E024]" in gone.output


@pytest.mark.parametrize(("fmt", "ok"), [("json", True), ("table", True), ("csv", False), ("yaml", False)])
def test_cli_stats_formats(db, fmt, ok):
    result = runner.invoke(app, ["stats", "-f", fmt, "--db", db])
    assert (result.exit_code == 0) is ok, result.output
    if not ok:
        assert result.exit_code == 2 and "table or json" in result.output


def test_cli_entities_type_any_case(db):
    assert runner.invoke(app, ["entities", "--type", "org", "--db", db]).exit_code == 0


@pytest.mark.parametrize("command", [["ingest", "--db", "s.duckdb"], ["extract"], ["extract", "-f", "json"]])
def test_cli_empty_folder_is_an_error(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    result = runner.invoke(app, [*command[:1], str(empty), *command[1:]])
    assert result.exit_code == 2 and "[E023]" in result.output and "Hint:" in result.output, result.output
    assert "[]" not in result.stdout  # no empty JSON list before the error


@pytest.mark.parametrize("command", [["ingest", "--db", "s.duckdb"], ["extract"]])
def test_cli_folder_with_a_document_is_no_error(tmp_path, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text("The mayor of Eastport met the governor of Westland on Monday.")
    result = runner.invoke(app, [*command[:1], str(folder), *command[1:]])
    assert result.exit_code == 0 and "[E023]" not in result.output, result.output
