"""diurna.dev.news_repeats: the scorer's repeats of one act on dev, each beside the event
that found the act, by kind; test stories never read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from diurna.dev.news_repeats import Repeat, main, render, repeats


def _repeat(found_by: str, repeat: str) -> dict[str, Any]:
    return {"event": 0, "sentence": "Gondor banned imports of  chicks and eggs.", "trigger": "banned",
            "found_by": found_by, "repeat": repeat}


REPORT = {"details": {"stories": {
    "2": {"split": "dev", "half": "dev-b", "repeats": [
        _repeat("163 [banned] Gondor/GON -> chicks/- asserted r:a", "163 [banned] Gondor/GON -> eggs/- asserted r:a")]},
    "1": {"split": "dev", "half": "dev-a", "repeats": [
        _repeat("112 [accused] Gondor/GON -> Mordor/MOR asserted r:b", "010 [said] Gondor/GON -> - asserted r:c"),
        _repeat("182 [attack] Orcs/MOR -> - asserted r:d", "1823 [killed] Orcs/MOR -> - asserted r:e")]},
    "9": {"split": "test", "repeats": [_repeat("190 [x] - -> - asserted r", "190 [x] - -> - asserted r")]},
}}}


@pytest.mark.parametrize(("found_by", "repeat", "kind"), [
    ("163 [banned] A/- -> chicks/- asserted r", "163 [Banned] A/- -> eggs/- asserted r", "trigger"),
    ("112 [accused] A/- -> B/- asserted r", "010 [said] A/- -> - asserted r", "statement"),
    ("010 [said] A/- -> - asserted r", "012 [told] A/- -> - asserted r", "other"),  # two statements
    ("182 [attack] A/- -> - asserted r", "1823 [killed] A/- -> - asserted r", "other"),
    ("not a label", "163 [banned] A/- -> - asserted r", "other"),
])
def test_news_repeats_kind(found_by: str, repeat: str, kind: str) -> None:
    assert Repeat("1", "dev-a", "s", found_by, repeat).kind == kind


def test_news_repeats_reads_dev_stories_only_by_half() -> None:
    found = repeats(REPORT)
    assert [(r.story, r.kind) for r in found] == [("1", "statement"), ("1", "other"), ("2", "trigger")]


def test_news_repeats_render_prints_each_beside_its_finder_and_counts() -> None:
    out = render(repeats(REPORT))
    assert "1 (dev-a) statement: Gondor banned imports of chicks and eggs." in out
    assert "    found by  112 [accused]" in out and "    repeat    010 [said]" in out
    assert out.splitlines()[-1] == "repeats: 3 (dev-a 2, dev-b 1; trigger 1, statement 1, other 1); shown 3"
    assert "9 (" not in out and "[x]" not in out  # the test story
    only = render(repeats(REPORT), kind="trigger")
    assert "2 (dev-b) trigger" in only and "(dev-a)" not in only and only.endswith("shown 1")
    assert render(repeats(REPORT), story="2").endswith("shown 1")


def test_news_repeats_main_reads_a_report_file(tmp_path: Path, capsys) -> None:
    path = tmp_path / "report.json"
    path.write_text(json.dumps(REPORT))
    assert main([str(path), "--kind", "other"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("shown 1")
