"""eventing/confidence.py: the `min_confidence` cut (setting, `extract --min-confidence`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diurna.cli import app
from diurna.errors import DiurnaError
from diurna.extract.eventing.confidence import at_least
from diurna.model import Event, Evidence
from diurna.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def _event(n: int, confidence: float) -> Event:
    return Event(id=f"ev{n}", code="043", root_code="04", label="Host a visit", quad_class=1, goldstein=2.8,
                 evidence=Evidence(10 * n, 10 * n + 5, "x", "x"), rule="test", confidence=confidence)


@pytest.mark.parametrize(("bound", "kept"), [
    (0.0, [0.2, 0.5, 0.8]), (0.2, [0.2, 0.5, 0.8]), (0.5, [0.5, 0.8]), (0.81, []), (1.0, []),
])
def test_events_confidence_at_least_keeps_and_renumbers(bound, kept):
    out = at_least([_event(1, 0.2), _event(2, 0.5), _event(3, 0.8)], bound)
    assert [e.confidence for e in out] == kept
    assert [e.id for e in out] == [f"ev{n}" for n in range(1, len(kept) + 1)]


@pytest.mark.parametrize(("value", "ok"), [(0.0, True), (1, True), (0.4, True), (-0.1, False), (1.5, False),
                                           (True, False), ("0.5", False)])
def test_events_confidence_setting_is_checked(value, ok):
    if ok:
        assert Settings.load(min_confidence=value).min_confidence == value
    else:
        with pytest.raises(DiurnaError, match="E011"):
            Settings.load(min_confidence=value)


def _extract(*extra: str) -> list[dict]:
    res = runner.invoke(app, ["extract", str(EXAMPLES / "01-abuja-visit.txt"), "--published", "2026-03-04", *extra])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)["events"]


def test_events_confidence_extract_min_confidence_filters(pipeline):
    every = _extract()
    bound = sorted(e["confidence"] for e in every)[len(every) // 2]
    kept = _extract("--min-confidence", str(bound))
    assert 0 < len(kept) < len(every)
    assert all(e["confidence"] >= bound for e in kept)
    assert [e["id"] for e in kept] == [f"ev{n}" for n in range(1, len(kept) + 1)]
    strip = lambda e: {k: v for k, v in e.items() if k != "id"}  # noqa: E731
    assert [strip(e) for e in kept] == [strip(e) for e in every if e["confidence"] >= bound]
    assert _extract("--min-confidence", "1") == []


@pytest.mark.parametrize("bound", ["-1", "1.2"])
def test_events_confidence_extract_refuses_out_of_range(bound):
    res = runner.invoke(app, ["extract", str(EXAMPLES / "01-abuja-visit.txt"), "--min-confidence", bound])
    assert res.exit_code == 2 and "E011" in res.output, res.output


@pytest.mark.parametrize(("bound", "code"), [("1", 0), ("0", 0), ("3", 2)])
def test_events_confidence_ingest_min_confidence(tmp_path, bound, code):
    db = str(tmp_path / "s.duckdb")
    res = runner.invoke(app, ["ingest", str(EXAMPLES / "01-abuja-visit.txt"), "--db", db,
                              "--published", "2026-03-04", "--min-confidence", bound])
    assert res.exit_code == code, res.output
    if code:
        assert "E011" in res.output
        return
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "-f", "json"]).output)
    assert (stats["counts"]["events"] == 0) == (bound == "1")
