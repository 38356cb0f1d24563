"""`--workers auto`, small worker tasks, and an ingest progress bar that moves every few
documents (issue 20; issue 19 asked for per-document ingest progress)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from diurna.cli import app
from diurna.engines.ingest import ingest
from diurna.engines.local import DOCS_PER_WORKER, TASK_DOCS, auto_workers, parse_workers, usable_cores


@pytest.mark.parametrize(
    ("n_docs", "cores", "expected"),
    [
        (None, 2, 1),  # stdin: size unknown
        (0, 2, 1),
        (1, 8, 1),  # one document never pays for a worker's model load
        (DOCS_PER_WORKER * 2 - 1, 2, 1),
        (DOCS_PER_WORKER * 2, 2, 2),
        (300, 2, 2),  # never more than the cores
        (300, 1, 1),
        (DOCS_PER_WORKER * 4, 8, 4),
    ],
)
def test_workers_auto_count(n_docs, cores, expected):
    assert auto_workers(n_docs, cores) == expected


def test_workers_auto_uses_the_usable_cores():
    assert auto_workers(10_000) == usable_cores() >= 1


@pytest.mark.parametrize(("value", "expected"), [("auto", None), ("AUTO", None), (" auto ", None), ("1", 1), ("3", 3)])
def test_workers_parse(value, expected):
    assert parse_workers(value) == expected


@pytest.mark.parametrize("value", ["0", "-2", "two", "", "1.5"])
def test_workers_parse_refuses(value):
    with pytest.raises(ValueError, match="--workers"):
        parse_workers(value)


@pytest.mark.parametrize("command", ["extract", "ingest"])
@pytest.mark.parametrize("value", ["0", "many"])
def test_workers_cli_refuses_a_bad_count(tmp_path, command, value):
    story = tmp_path / "story.txt"
    story.write_text("Arnor's envoy met Gondor's king in Minas Tirith on Monday.\n", encoding="utf-8")
    extra = ["--db", str(tmp_path / "x.duckdb")] if command == "ingest" else []
    result = CliRunner().invoke(app, [command, str(story), "--workers", value, *extra])
    assert result.exit_code == 2
    assert "--workers" in result.output
    assert not (tmp_path / "x.duckdb").exists()


def test_workers_ingest_progress_moves_every_few_documents(tmp_path, pipeline):
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps({"id": f"s{n}", "text": f"Arnor's envoy met Gondor's king in Minas Tirith, report {n} said."})
             for n in range(TASK_DOCS * 2 + 1)]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    seen: list[int] = []
    settings = pipeline.settings.replace(batch_size=32)  # the commit step is TASK_DOCS, not the nlp batch
    report = ingest([folder], tmp_path / "db.duckdb", settings, workers=1, pipeline=pipeline,
                    on_progress=lambda p: seen.append(p.seen))
    assert report.stored == len(lines)
    assert seen == [TASK_DOCS, TASK_DOCS * 2, TASK_DOCS * 2 + 1]


@pytest.mark.slow
def test_workers_extract_two_workers_print_what_one_prints(tmp_path):
    paths = []
    for n in range(TASK_DOCS * 2 + 1):  # several tasks, so their order across workers matters
        p = tmp_path / f"{n:02d}.txt"
        p.write_text(f"Arnor's envoy met Gondor's king in Minas Tirith on Monday, report {n} said.\n", encoding="utf-8")
        paths.append(str(p))
    one = CliRunner().invoke(app, ["extract", *paths, "--workers", "1", "--published", "2026-03-04"])
    two = CliRunner().invoke(app, ["extract", *paths, "--workers", "2", "--published", "2026-03-04"])
    assert one.exit_code == two.exit_code == 0
    assert two.output == one.output
    assert len(one.output.splitlines()) == len(paths)
