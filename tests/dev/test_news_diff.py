"""diurna.dev.news_diff: two news reports compared on dev and its halves; the dev stories
a change touched; test stories never read."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from diurna.dev.news_diff import main, render, touched


def _report(dev: float, a: float, b: float, stories: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {"splits": {"dev": {"core_recall": dev}, "test": {"core_recall": 0.9}},
            "details": {"halves": {"dev-a": {"core_recall": a}, "dev-b": {"core_recall": b}}, "stories": stories}}


def _story(split: str, half: str | None, predicted: int, wrong: list[str] | None = None) -> dict[str, Any]:
    return {"split": split, **({"half": half} if half else {}), "tally": {"predicted": predicted, "right": 1},
            "wrong_dyadic": wrong or []}


BEFORE = _report(0.4, 0.3, 0.5, {"1": _story("dev", "dev-a", 5), "2": _story("dev", "dev-b", 3),
                                 "3": _story("dev", "dev-b", 2, ["190 GON->MOR"]), "9": _story("test", None, 4)})
AFTER = _report(0.45, 0.35, 0.5, {"1": _story("dev", "dev-a", 4), "2": _story("dev", "dev-b", 3),
                                  "3": _story("dev", "dev-b", 2, ["190 MOR->GON"]), "9": _story("test", None, 7)})


def test_news_diff_touched_lists_dev_stories_whose_counts_or_wrong_events_moved() -> None:
    assert touched(BEFORE, AFTER) == [("1", "dev-a", {"predicted": (5, 4)}), ("3", "dev-b", {})]
    assert touched(BEFORE, BEFORE) == []


def test_news_diff_render_gives_both_halves_and_never_a_test_story() -> None:
    out = render(BEFORE, AFTER)
    assert "dev-a before" in out and "dev-b before" in out
    assert "0.4000  0.4500" in out and "0.3000  0.3500" in out
    assert "dev stories touched: 2 of 3 (dev-a 1, dev-b 1)" in out
    assert "9" not in {line.split()[0] for line in out.splitlines()[1:] if line.startswith("  ")}
    assert "0.9" not in out  # the test half's figures


def test_news_diff_main_reads_two_report_files(tmp_path: Path, capsys) -> None:
    paths = []
    for name, report in (("before", BEFORE), ("after", AFTER)):
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_text(json.dumps(report))
    assert main([str(p) for p in paths]) == 0
    assert "touched: 2 of 3" in capsys.readouterr().out
