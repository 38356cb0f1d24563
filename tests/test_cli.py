"""`diurna extract` as CONTRACT.md describes it: formats, JSONL ids and order, errors, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diurna.cli import app
from diurna.schema import validate

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()
STORY = "Arnor President Elendil Halvard met Gondor's King Aragorn Elessar in Minas Tirith on Monday.\n"


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, list(args), input=input)


def test_cli_extract_one_file_prints_one_valid_json_object():
    res = run("extract", str(EXAMPLES / "01-abuja-visit.txt"), "--published", "2026-03-04")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    validate(out)
    assert out["published"] == "2026-03-04" and out["agency"] == "Reuters"


def test_cli_extract_jsonl_keeps_ids_order_and_reports_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": STORY}),
        "{not json",
        json.dumps({"id": "c", "text": ""}),
        json.dumps({"id": 4, "text": STORY, "published": "2026-01-05", "url": "https://example.org/4"}),
    ]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(lines) + "\n")
    res = run("extract", str(f))
    assert res.exit_code == 1  # some documents failed, the others were processed
    objs = [json.loads(line) for line in res.stdout.splitlines()]
    assert [o.get("id") for o in objs] == ["a", None, "c", "4"]
    assert objs[1]["error"]["code"] == "E005" and objs[2]["error"]["code"] == "E006"
    assert objs[3]["url"] == "https://example.org/4" and objs[3]["published"] == "2026-01-05"
    for o in objs:
        validate(o)
        if "error" in o:
            assert o["error"]["hint"]


def test_cli_extract_stdin_and_url():
    res = run("extract", "-", "--url", "https://example.org/x", input=STORY)
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["url"] == "https://example.org/x"


def test_cli_extract_folder_gives_jsonl_in_file_order(tmp_path):
    (tmp_path / "b.txt").write_text(STORY)
    (tmp_path / "a.txt").write_text("Gondor's army attacked Mordor on Friday.\n")
    (tmp_path / "c.txt").write_bytes(b"%PDF-1.4 binary stuff")
    res = run("extract", str(tmp_path), "--published", "2026-03-04")
    assert res.exit_code == 1
    objs = [json.loads(line) for line in res.stdout.splitlines()]
    assert objs[0]["text"].startswith("Gondor") and objs[1]["text"].startswith("Arnor")
    assert objs[2]["error"]["code"] == "E002"


@pytest.mark.parametrize("args, code", [
    (("extract", "does-not-exist.txt"), 1),      # a per-document error, reported as an object
    (("extract", "-", "--format", "xml"), 2),     # a usage error
    (("extract", "-", "--published", "yesterday"), 2),
])
def test_cli_extract_exit_codes(args, code):
    res = run(*args, input=STORY)
    assert res.exit_code == code, res.output


def test_cli_extract_table_format_is_for_people():
    res = run("extract", str(EXAMPLES / "01-abuja-visit.txt"), "--format", "table")
    assert res.exit_code == 0
    assert "Macron and Tinubu pledge closer ties" in res.stdout and "entities" in res.stdout
    with pytest.raises(json.JSONDecodeError):
        json.loads(res.stdout)


def test_cli_entry_point_runs_as_a_program():
    proc = subprocess.run([sys.executable, "-m", "diurna.cli", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "extract" in proc.stdout
