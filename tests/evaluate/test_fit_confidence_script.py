"""scripts/fit_confidence.py: its cross-validation folds by story (no story's events on
both sides of a fold) and its report of the cross-validated ECE beside the in-sample one."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fit_confidence.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fit_confidence", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(stories: int = 12, per_story: int = 6) -> list[tuple[dict[str, float], bool, str, str]]:
    """Events of made-up stories: the higher the rule score, the likelier right."""
    rows = []
    for s in range(stories):
        for e in range(per_story):
            raw = round(0.1 + 0.8 * ((s * per_story + e) % 10) / 10, 2)
            feats = {"raw": raw, "depth": float(e % 2), "mentions": 1.0, "short_text": 0.0, f"root={10 + e % 3}": 1.0}
            rows.append((feats, (s + e) % 10 < raw * 10, "news" if s % 3 else "plover", f"story{s}"))
    return rows


def test_fit_confidence_script_folds_keep_each_story_whole() -> None:
    script = _script()
    rows = _rows()
    folds: dict[str, set[int]] = {}
    for r in rows:
        folds.setdefault(r[3], set()).add(script.fold_of(r))
    assert all(len(f) == 1 for f in folds.values())
    assert len({f for fs in folds.values() for f in fs}) > 1  # the stories do spread over folds


def test_fit_confidence_script_out_of_fold_never_fits_on_the_story_it_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    script = _script()
    rows = _rows()
    fitted_on: list[set[str]] = []
    real = script.train

    def train(part: list[Any], l2: float, fitted: Any = None) -> Any:
        fitted_on.append({r[3] for r in part})
        return real(part, l2, fitted)

    monkeypatch.setattr(script, "train", train)
    probs = script.out_of_fold(rows, 3.0)
    assert len(probs) == len(rows) and all(0.0 < p < 1.0 for p in probs)
    assert len(fitted_on) == script.FOLDS
    for k, seen in enumerate(fitted_on):
        checked = {r[3] for r in rows if script.fold_of(r) == k}
        assert not seen & checked


def test_fit_confidence_script_prints_cross_validated_beside_in_sample(capsys: pytest.CaptureFixture[str]) -> None:
    script = _script()
    rows = [r for r in _rows() if r[2] == "news"]
    held = script.report("news", script.out_of_fold(rows, 3.0), rows)
    model = script.train(rows, 3.0)
    inside = script.scores([model.probability(r[0]) for r in rows], rows)
    script.compare({"news": held}, {"news": inside})
    last = capsys.readouterr().out.strip().splitlines()[-2:]
    assert "ECE cv" in last[0] and "ECE in" in last[0]
    assert last[1].split()[:4] == ["news", str(len(rows)), f"{held['ece']:.4f}", f"{inside['ece']:.4f}"]
