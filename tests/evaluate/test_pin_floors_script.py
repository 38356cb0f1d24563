"""scripts/pin_floors.py: the pinning convention's arithmetic (margin, rounding down,
never lower), the denominators it reads, and the rewrite of floors.toml."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import pytest

from diurna.evaluate import floors

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pin_floors.py"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pin_floors", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["pin_floors"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("measured", "n", "proposed"), [
    ("0.4079", 152, "0.401"),   # 1/152 = 0.00658: 0.40132 -> 0.401
    ("0.3509", 57, "0.333"),    # 1/57 = 0.01754: 0.33336 -> 0.333
    ("0.9423", 5000, "0.940"),  # 1/5000 < 0.002: the margin is 0.002
    ("0.7025", 500, "0.700"),   # 1/500 = 0.002 exactly: 0.7005 -> 0.700
    ("1.0", 1000, "0.998"),     # exact: no float error takes 0.998 to 0.997
    ("0.5", 2, "0.0"),          # one unit of two
    ("0.002", 1000, "0.0"),     # 0.002 - 0.002 = 0
    ("0.0", 3, "0.0"),          # never below zero
])
def test_pin_floors_propose_rounds_down_after_the_margin(script: ModuleType, measured: str, n: int,
                                                         proposed: str) -> None:
    assert script.propose(Fraction(measured), n) == Fraction(proposed)


def test_pin_floors_propose_needs_a_denominator(script: ModuleType) -> None:
    with pytest.raises(ValueError):
        script.propose(Fraction("0.5"), 0)


def _report(value: float, **counts: int) -> dict:
    return {"splits": {"dev": {"core_recall": 0.99}, "test": {"core_recall": value}},
            "counts": {f"test_{k}": v for k, v in counts.items()}}


@pytest.mark.parametrize(("old", "value", "n", "new"), [
    (0.35, 0.4210, 57, "0.403"),  # rises: 0.4210 - 1/57 = 0.40346
    (0.35, 0.3600, 57, "0.35"),   # 0.3600 - 1/57 = 0.342 < 0.35: held, never lowered
    (0.35, 0.2000, 57, "0.35"),   # below its floor already: still never lowered
])
def test_pin_floors_pin_never_lowers(script: ModuleType, old: float, value: float, n: int, new: str) -> None:
    row = script.pin("news", "core_recall", old, _report(value, gold_core=n))
    assert row.n == n
    assert row.new == Fraction(new)
    assert row.new >= Fraction(str(old))


def test_pin_floors_pin_reads_the_test_half_only(script: ModuleType) -> None:
    row = script.pin("news", "core_recall", 0.35, _report(0.36, gold_core=57))
    assert row.measured == Fraction("0.36")  # not dev's 0.99


@pytest.mark.parametrize(("section", "metric"), [
    ("actors", "cases_accuracy"),  # our own cases: no test half
    ("news", "no_such_metric"),
])
def test_pin_floors_pin_keeps_what_is_not_a_test_share(script: ModuleType, section: str, metric: str) -> None:
    row = script.pin(section, metric, 0.98, {"splits": {"test": {metric: 1.0}}, "counts": {}})
    assert row.measured is None and row.proposed is None and row.new == Fraction("0.98")


def test_pin_floors_pin_without_a_report_keeps_the_floor(script: ModuleType) -> None:
    assert script.pin("news", "core_recall", 0.35, None).new == Fraction("0.35")


@pytest.mark.parametrize(("units", "counts", "n"), [
    ("f1", {"test_gold": 100, "test_system": 81}, 90),  # (100 + 81) // 2
    ("macro", {"test_gold_a": 40, "test_predicted_a": 60, "test_gold_b": 9, "test_predicted_b": 4}, 12),
    ("macro", {"test_gold_a": 1, "test_predicted_a": 0}, 1),  # at least one unit per class
    ("macro", {"test_gold": 5}, 0),  # no classes: no denominator
    ("macro", {"test_gold_a": 0, "test_predicted_a": 0}, 0),  # nothing to lose
    # an empty class counts in K (it is in the mean) but has no unit of its own
    ("macro", {"test_gold_a": 0, "test_predicted_a": 0, "test_gold_b": 3, "test_predicted_b": 5}, 8),
])
def test_pin_floors_f1_units(script: ModuleType, units: str, counts: dict[str, int], n: int) -> None:
    fn = script.f1(["test_gold"], ["test_system"]) if units == "f1" else script.macro_f1()
    assert fn(counts) == n


def test_pin_floors_every_floor_has_a_denominator_or_is_named(script: ModuleType) -> None:
    # A new floor must say what it divides by (or be left out on purpose, like our own cases).
    missing = {(s, m) for s, metrics in floors().items() for m in metrics if m not in script.UNITS.get(s, {})}
    assert missing == {("actors", "cases_accuracy")}


TOML = """# header kept
[news]
# a comment kept
core_recall = 0.35
precision = 0.36

[geo]
lgl_recall = 0.71
"""


def test_pin_floors_rewrite_raises_values_and_adds_history(script: ModuleType) -> None:
    pins = [script.pin("news", "core_recall", 0.35, _report(0.4210, gold_core=57)),
            script.pin("news", "precision", 0.36, {"splits": {"test": {"precision": 0.3601}},
                                                   "counts": {"test_predicted": 582}}),
            script.pin("geo", "lgl_recall", 0.71, None)]
    text = script.rewrite(TOML, pins, "abc1234", "Session 12")
    assert tomllib.loads(text) == {"news": {"core_recall": 0.403, "precision": 0.36}, "geo": {"lgl_recall": 0.71}}
    assert "# header kept" in text and "# a comment kept" in text
    assert text.count("Session 12: re-pinned by the convention at abc1234") == 1  # geo was not measured
    assert script.rewrite(TOML, pins, "abc1234").count("Re-pinned: re-pinned by the convention") == 1  # default label
    assert "core_recall 0.35 -> 0.403 (test 0.4210, n 57)" in text
    assert "precision 0.3601/582" in text


def test_pin_floors_rewrite_refuses_to_lower(script: ModuleType) -> None:
    row = script.Pin("news", "core_recall", Fraction("0.30"), Fraction("0.30"), 57, Fraction("0.30"))
    with pytest.raises(ValueError, match="refusing to lower"):
        script.rewrite(TOML, [row], "abc1234")  # the file says 0.35: the row's 0.30 would lower it
