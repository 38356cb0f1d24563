"""The fixed dev/test split every evaluation set shares, and floors on the test half."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from diurna.evaluate import base
from diurna.evaluate.base import Report, below_floor, split_of, split_report


def _mean(items: Sequence[tuple[str, float]]) -> Report:
    values = [v for _, v in items]
    return Report(name="toy", metrics={"mean": sum(values) / len(values) if values else 0.0},
                  counts={"items": len(items), "values": len(values)})


def test_split_of_is_fixed_and_balanced() -> None:
    keys = [f"record-{n}" for n in range(2000)]
    halves = [split_of("toy", k) for k in keys]
    assert halves == [split_of("toy", k) for k in keys]  # a pure function of (set, key)
    assert set(halves) == {"dev", "test"}
    assert 0.45 < halves.count("test") / len(halves) < 0.55


@pytest.mark.parametrize("key", ["a", "b", "record-7", "Mr Tinubu said"])
def test_split_of_depends_on_the_set_not_on_order(key: str) -> None:
    assert split_of("plover", key) == split_of("plover", key)
    assert split_of("plover", key) in ("dev", "test")


def test_split_of_differs_between_sets() -> None:
    keys = [str(n) for n in range(200)]
    assert [split_of("plover", k) for k in keys] != [split_of("ipe", k) for k in keys]


def test_split_report_scores_each_half_on_its_own_items() -> None:
    items = [(f"k{n}", float(n)) for n in range(100)]
    report = split_report("toy", items, key=lambda item: item[0], score=_mean)
    dev = [v for k, v in items if split_of("toy", k) == "dev"]
    test = [v for k, v in items if split_of("toy", k) == "test"]
    assert report.metrics["mean"] == pytest.approx(sum(range(100)) / 100)
    assert report.splits["dev"]["mean"] == pytest.approx(sum(dev) / len(dev))
    assert report.splits["test"]["mean"] == pytest.approx(sum(test) / len(test))
    assert report.counts["dev_items"] + report.counts["test_items"] == 100
    assert report.to_dict()["splits"] == report.splits


def test_split_report_keeps_each_halfs_counts() -> None:
    # The test half's own denominators (scripts/pin_floors.py pins floors with them).
    items = [(f"k{n}", float(n)) for n in range(100)]
    report = split_report("toy", items, key=lambda item: item[0], score=_mean)
    assert report.counts["items"] == 100
    assert report.counts["dev_items"] + report.counts["test_items"] == 100
    assert report.counts["test_values"] == report.counts["test_items"]


def test_split_report_keeps_a_limit_inside_its_halves() -> None:
    # A record keeps its half whatever else is scored with it (a --limit run).
    items = [(f"k{n}", float(n)) for n in range(50)]
    full = split_report("toy", items, key=lambda item: item[0], score=_mean)
    part = split_report("toy", items[:10], key=lambda item: item[0], score=_mean)
    assert part.counts["dev_items"] + part.counts["test_items"] == 10
    assert part.counts["test_items"] <= full.counts["test_items"]


def test_below_floor_reads_the_test_half(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "floors", lambda: {"toy": {"mean": 0.5}})
    passing = Report(name="toy", metrics={"mean": 0.1}, splits={"dev": {"mean": 0.1}, "test": {"mean": 0.6}})
    failing = Report(name="toy", metrics={"mean": 0.9}, splits={"dev": {"mean": 0.9}, "test": {"mean": 0.4}})
    assert below_floor(passing) == {}  # the whole set and dev do not gate
    assert below_floor(failing) == {"mean": (0.4, 0.5)}


def test_below_floor_without_splits_reads_the_whole_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "floors", lambda: {"toy": {"mean": 0.5}})
    assert below_floor(Report(name="toy", metrics={"mean": 0.4})) == {"mean": (0.4, 0.5)}
    assert below_floor(Report(name="toy", metrics={"mean": 0.5})) == {}


def test_base_dev_view_keeps_the_dev_half_only() -> None:
    items = [(f"record-{n}", float(n % 7)) for n in range(40)]
    report = split_report("toy", items, key=lambda item: item[0], score=_mean)
    report = Report(report.name, report.metrics, report.counts,
                    {"missed": {"dev": ["a"], "test": ["b"]}, "plain": ["mixed"]}, report.splits)
    view = base.dev_view(report)
    assert view.metrics == report.splits["dev"] and view.splits == {"dev": report.splits["dev"]}
    assert view.counts and all(k.startswith("dev_") for k in view.counts)
    assert view.details == {"missed": {"dev": ["a"]}}  # test entries and whole-set details dropped
    assert "test" not in str(view.to_dict())


def test_base_dev_view_of_a_report_without_halves_is_empty() -> None:
    view = base.dev_view(Report("toy", {"mean": 1.0}, {"items": 3}))
    assert (view.metrics, view.counts, view.details, view.splits) == ({}, {}, {}, {})
