"""What people see: every table command at COLUMNS=80 and COLUMNS=120 over a store built
from our examples, and the one-article views of `diurna extract`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from diurna import Pipeline
from diurna.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SOME = ("01-abuja-visit.txt", "02-nile-water-deal.txt", "04-nairobi-arrest.txt", "07-gondor-threat.txt",
        "11-gaza-hostages.txt", "13-seoul-talks.html")
WIDTHS = (80, 120)
HEADLINE = re.compile(r"^\S.* → .+: .+ \(\d{2,4}\)")  # who → whom: what (code), when, where
DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")  # a day, or the month or year when that is all there is
runner = CliRunner()


@pytest.fixture(scope="module")
def db(pipeline, tmp_path_factory) -> str:
    from diurna.read import read_paths
    from diurna.store import Store

    bad = tmp_path_factory.mktemp("bad") / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 binary")  # an error row for `diurna errors`
    path = tmp_path_factory.mktemp("tables") / "demo.duckdb"
    # actorless events kept (setting actorless_events), as a user's store may hold them:
    # the events table hides them unless --all
    keeping = Pipeline(pipeline.settings.replace(actorless_events=True), nlp=pipeline.nlp)
    items = read_paths([*(EXAMPLES / n for n in SOME), bad], keeping.settings)
    with Store(path) as store:
        store.write(keeping.process_many(items, published="2026-03-04"))
    return str(path)


def run(width: int, *args: str) -> str:
    result = runner.invoke(app, list(args), env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    return result.output


def table_rows(output: str) -> list[list[str]]:
    """The table's rows, each a list of its lines: a row starts where the first column has text."""
    lines = output.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.strip() and set(line.strip()) <= {"─", " "})
    assert rule == 2, "a title line, then one header line"
    rows: list[list[str]] = []
    for line in lines[rule + 1:]:
        if line.startswith("not shown at this width"):
            break
        if line[:1].strip():
            rows.append([line])
        else:
            rows[-1].append(line)
    return rows


def check_fits(output: str, width: int) -> list[list[str]]:
    assert all(cell_len(line) <= width for line in output.splitlines()), "a line is wider than the terminal"
    rows = table_rows(output)
    assert all(len(row) <= 2 for row in rows), "a row takes more than two lines"
    return rows


@pytest.mark.parametrize("width", WIDTHS)
def test_cli_tables_events_show_date_dyad_and_fit(db, width):
    out = run(width, "events", "--db", db, "--limit", "10")
    rows = check_fits(out, width)
    events = json.loads(run(width, "events", "--db", db, "--limit", "10", "--format", "json"))
    assert len(rows) == len(events) == 10
    for row, ev in zip(rows, events):
        text = " ".join(row)
        assert DATE.match(row[0].split()[0]), f"no full date: {row[0]}"
        assert " → " in text
        for s in ("source", "target"):
            if ev[f"{s}_country"]:
                assert f"({ev[f'{s}_country']})" in text, f"{s} missing: {text}"
            if ev[f"{s}_name"] and len(ev[f"{s}_name"]) <= 14:
                assert ev[f"{s}_name"] in text, f"{s} missing: {text}"
    assert ("where" in out.splitlines()[1]) == (width >= 120)  # locations as width allows


def test_cli_tables_events_order_and_actorless_hidden(db):
    shown = json.loads(run(80, "events", "--db", db, "--limit", "500", "--format", "json"))
    every = json.loads(run(80, "events", "--db", db, "--limit", "500", "--format", "json", "--all"))
    assert all(e["source_name"] or e["target_name"] for e in shown)
    assert len(every) > len(shown)  # the examples have events with no actor
    keys = [(-e["num_articles"], e["day"]) for e in shown]
    assert [k[0] for k in keys] == sorted(k[0] for k in keys)  # most reported first
    for a, b in zip(keys, keys[1:]):
        assert a[0] != b[0] or a[1] >= b[1]  # then the newest


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("command", ["quotes", "entities", "documents", "errors"])
def test_cli_tables_other_commands_fit(db, width, command):
    out = run(width, command, "--db", db, "--limit", "12")
    rows = check_fits(out, width)
    assert rows, out


@pytest.mark.parametrize("width", WIDTHS)
def test_cli_tables_quotes_one_row_each_with_speaker_and_cue(db, width):
    rows = table_rows(run(width, "quotes", "--db", db, "--limit", "12"))
    quotes = json.loads(run(width, "quotes", "--db", db, "--limit", "12", "--format", "json"))
    for row, q in zip(rows, quotes):
        assert row[0].startswith((q["speaker_name"] or "?")[:10]) and (q["cue"] or "")[:9] in row[0]


def test_cli_tables_wide_shows_every_column(db):
    header = run(80, "events", "--db", db, "--limit", "3", "--wide").splitlines()
    assert "not shown" not in "\n".join(header)
    narrow = run(80, "events", "--db", db, "--limit", "3")
    assert "not shown at this width: id" in narrow


@pytest.mark.parametrize("width", WIDTHS)
def test_cli_tables_stats_is_a_short_summary(db, width):
    out = run(width, "stats", "--db", db)
    lines = out.splitlines()
    assert len(lines) <= 8 and all(cell_len(line) <= width for line in lines)
    assert "6 articles" in lines[0] and "top dyads:" in out


def test_cli_tables_extract_table_lists_events_before_entities():
    out = run(80, "extract", str(EXAMPLES / "01-abuja-visit.txt"), "--format", "table", "--published", "2026-03-04")
    assert "Macron and Tinubu pledge closer ties" in out and "Reuters" in out and "Abuja" in out
    assert out.index("events:") < out.index("quotes:") < out.index("entities and other facts")
    lines = out.splitlines()
    heads = [n for n, line in enumerate(lines) if HEADLINE.match(line)]
    assert len(heads) >= 5 and any("Emmanuel Macron (FRA) →" in lines[n] for n in heads)
    for n in heads:  # each event over its evidence sentence (after an indented end of a long headline)
        after = lines[n + 1] if lines[n + 1].startswith("    ") else lines[n + 2]
        assert after.startswith("    ") and after.strip()
    assert "    French President Emmanuel Macron held talks" in out


def test_cli_tables_extract_markdown_is_the_same_view():
    out = run(80, "extract", str(EXAMPLES / "01-abuja-visit.txt"), "--format", "markdown",
              "--published", "2026-03-04")
    lines = out.splitlines()
    assert lines[0] == "## Macron and Tinubu pledge closer ties at Abuja talks"
    assert lines[2].startswith("2026-03-04 · Abuja · Reuters")
    assert out.index("### Events") < out.index("### Quotes") < out.index("### Entities")
    numbered = [n for n, line in enumerate(lines) if re.match(r"\d+\. ", line)]
    assert len(numbered) >= 5 and all(HEADLINE.match(lines[n].split(" ", 1)[1]) for n in numbered)
    assert all(lines[n + 1].startswith("   > ") and "**" in lines[n + 1] for n in numbered)  # evidence in bold
    assert any("Emmanuel Macron (FRA) →" in lines[n] for n in numbered)
    assert re.search(r"^- \*\*Emmanuel Macron\*\* \w+: “", out, re.M)


def test_cli_tables_extract_markdown_reports_errors(tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 binary")
    result = runner.invoke(app, ["extract", str(bad), "--format", "markdown"])
    assert result.exit_code == 1 and "**E002**" in result.output and "hint:" in result.output
