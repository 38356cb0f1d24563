"""Fit the confidence calibration model (`src/diurna/knowledge/confidence.json`).

    .venv/bin/python scripts/fit_confidence.py [--data ../shared/data] [--out PATH] [--l2 1.0]

Refit after any change to the event rules: one command, a few minutes. It runs the
pipeline with the rule score (setting confidence_model = "none") over the DEV halves
only, never the test halves:
- the news gold's dev stories (`diurna eval news --split dev`: VOA and, since session 13, BBC), every
  predicted event labelled right or wrong as `evaluate/calibration.py` defines it;
- the PLOVER gold's dev half (`diurna eval plover`'s split), every event of each
  sentence labelled against the sentence's gold type and actors' countries.
It then fits a logistic model (numpy, Newton steps, an L2 penalty on every weight but
the intercept) over the features of `extract/eventing/confidence.py` (a one-hot
feature is kept when at least MIN_COUNT dev events have it), keeps the rule score's
weight non-negative, writes the model with what it was fitted on, and prints per set
the dev reliability table of a 5-fold cross-validation by story (each fold's model is
fitted without the stories, or PLOVER records, it is checked on: no story has events on
both sides of a fold) and the ECE and Brier score of that cross-validation beside the
final model's in sample. The final model is fitted on all dev rows. `diurna eval news`
reports the test half.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from diurna import Pipeline, Settings
from diurna.evaluate import calibration, default_data_dir, news, plover
from diurna.evaluate.base import split_of
from diurna.extract.eventing import confidence
from diurna.knowledge import confidence as model_file
from diurna.model import Result

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "diurna" / "knowledge" / model_file.MODEL_FILE
MIN_COUNT = 5
L2 = 3.0
FOLDS = 5
NUMERIC = ("raw", "depth", "mentions", "short_text")

Row = tuple[dict[str, float], bool, str, str]  # features, right, which set, which story or record


def news_rows(pipeline: Pipeline, data_dir: Path) -> list[Row]:
    stories = [s for s in news.load_gold() if s["split"] == "dev"]
    records = news.story_records(data_dir, (s["story"] for s in stories))
    inputs = [records[s["story"]] for s in stories]
    rows: list[Row] = []
    for story, outcome in zip(stories, pipeline.process_many(inputs)):
        if not isinstance(outcome, Result):
            continue
        doc = outcome.document
        golds, _, _ = news.gold_events(story, records[story["story"]]["text"], doc.text, doc.offset_map)
        events = outcome.facts.events
        feats = confidence.event_features(events, pipeline.nlp(doc.text), outcome.facts.entities)
        rows += [(f, y, "news", story["story"]) for f, y in zip(feats, news.labels(golds, events))]
    return rows


def plover_rows(pipeline: Pipeline, data_dir: Path) -> list[Row]:
    records = [r for r in plover.load(data_dir / plover.DATA) if split_of(plover.NAME, str(r["id"])) == "dev"]
    rows: list[Row] = []
    for rec, outcome in zip(records, pipeline.process_many({"id": r["id"], "text": r["text"]} for r in records)):
        if not isinstance(outcome, Result):
            continue
        events = outcome.facts.events
        feats = confidence.event_features(events, pipeline.nlp(outcome.document.text), outcome.facts.entities)
        gold = plover.gold_type(rec["event"])
        rows += [(f, calibration.plover_label(rec, ev, gold), "plover", str(rec["id"])) for f, ev in zip(feats, events)]
    return rows


def collect(data_dir: Path) -> list[Row]:
    """Labelled features of every event of the dev halves, coded with the rule score."""
    settings = Settings.load().replace(confidence_model="none")
    pipeline = Pipeline(settings)
    rows = news_rows(pipeline, data_dir)
    # PLOVER is scored with actorless events kept (as `eval plover` runs it)
    return rows + plover_rows(Pipeline(settings.replace(actorless_events=True), nlp=pipeline.nlp), data_dir)


def vocabulary(rows: list[Row]) -> list[str]:
    seen = Counter(k for f, *_ in rows for k in f if k not in NUMERIC)
    return [*NUMERIC, *sorted(k for k, n in seen.items() if n >= MIN_COUNT)]


def fit(x: np.ndarray, y: np.ndarray, l2: float, steps: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method; column 0 is the intercept (not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def matrix(rows: list[Row], vocab: list[str]) -> np.ndarray:
    index = {k: i + 1 for i, k in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab) + 1))
    x[:, 0] = 1.0
    for r, (f, *_) in enumerate(rows):
        for k, v in f.items():
            if k in index:
                x[r, index[k]] = v
    return x


def train(rows: list[Row], l2: float, fitted: dict[str, Any] | None = None) -> model_file.Model:
    """The model over `rows`: one-hot features seen MIN_COUNT times, the rule score's weight >= 0."""
    vocab = vocabulary(rows)
    x, y = matrix(rows, vocab), np.array([float(r[1]) for r in rows])
    w = fit(x, y, l2)
    if w[1] < 0:  # the rule score must not count against an event: refit without it
        w = np.insert(fit(np.delete(x, 1, axis=1), y, l2), 1, 0.0)
    weights = {k: round(float(v), 4) for k, v in zip(vocab, w[1:]) if abs(v) >= 1e-4}
    return model_file.Model(round(float(w[0]), 4), weights, fitted=fitted)


def fold_of(row: Row, folds: int = FOLDS) -> int:
    """The fold of a row: by a hash of its story (or PLOVER record) id, so all events of
    one story fall in the same fold."""
    return int(hashlib.sha256(row[3].encode()).hexdigest(), 16) % folds


def out_of_fold(rows: list[Row], l2: float, folds: int = FOLDS) -> list[float]:
    """Each row's probability from a model fitted without its story or record (folds by
    a hash of the group), for an honest dev figure beside the in-sample one."""
    fold = [fold_of(r, folds) for r in rows]
    probs = [0.0] * len(rows)
    for k in range(folds):
        model = train([r for r, f in zip(rows, fold) if f != k], l2)
        for i, (r, f) in enumerate(zip(rows, fold)):
            if f == k:
                probs[i] = model.probability(r[0])
    return probs


def _pairs(probs: list[float], rows: list[Row]) -> list[tuple[float, bool]]:
    """(confidence, right) as the pipeline writes it: two decimals within 0.01-0.99."""
    return [(round(min(0.99, max(0.01, p)), 2), r[1]) for p, r in zip(probs, rows)]


def scores(probs: list[float], rows: list[Row]) -> dict[str, float]:
    pairs = _pairs(probs, rows)
    return {"ece": calibration.ece(calibration.reliability(pairs)), "brier": calibration.brier(pairs)}


def report(name: str, probs: list[float], rows: list[Row]) -> dict[str, Any]:
    pairs = _pairs(probs, rows)
    raw = [(r[0]["raw"], r[1]) for r in rows]
    table = calibration.reliability(pairs)
    out = {"events": len(rows), "right": sum(r[1] for r in rows), "ece": calibration.ece(table),
           "brier": calibration.brier(pairs), "rule_score_ece": calibration.ece(calibration.reliability(raw)),
           "rule_score_brier": calibration.brier(raw)}
    print(f"\n{name}: {out}")
    print(f"  {'bin':<8} {'events':>6} {'mean conf':>9} {'right':>6}")
    for b in table:
        print(f"  {b.low:.1f}-{b.high:.1f}  {b.events:>6} {b.mean_confidence:>9.3f} {b.accuracy:>6.3f}")
    return out


def compare(held: dict[str, dict[str, Any]], inside: dict[str, dict[str, float]]) -> None:
    """The cross-validated (by story) and the in-sample ECE and Brier per set, side by side:
    the gap is how much the in-sample figure flatters the model."""
    print(f"\n  {'dev set':<8} {'events':>6} {'ECE cv':>7} {'ECE in':>7} {'Brier cv':>8} {'Brier in':>8} {'rule ECE':>8}")
    for name, cv in held.items():
        print(f"  {name:<8} {cv['events']:>6} {cv['ece']:>7.4f} {inside[name]['ece']:>7.4f} "
              f"{cv['brier']:>8.4f} {inside[name]['brier']:>8.4f} {cv['rule_score_ece']:>8.4f}")


def commit() -> str:
    try:
        return subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None, help="benchmark data folder (default: ../shared/data)")
    ap.add_argument("--out", type=Path, default=OUT, help=f"where to write the model (default: {OUT})")
    ap.add_argument("--l2", type=float, default=L2, help=f"L2 penalty on the weights (default {L2})")
    ap.add_argument("--rows", type=Path, default=None,
                    help="a JSON file of labelled features: read it if it exists, else write it (for trying --l2)")
    args = ap.parse_args(argv)
    if args.rows and args.rows.exists():
        rows = [tuple(r) for r in json.loads(args.rows.read_text("utf-8"))]
    else:
        rows = collect(args.data or default_data_dir())
        if args.rows:
            args.rows.write_text(json.dumps(rows), encoding="utf-8")
    sets = sorted({r[2] for r in rows})
    held = out_of_fold(rows, args.l2)
    stats = {name: report(f"dev {name}, {FOLDS}-fold out of sample (folds by story)",
                          [p for p, r in zip(held, rows) if r[2] == name], [r for r in rows if r[2] == name])
             for name in sets}
    model = train(rows, args.l2)  # the final model: every dev row
    inside = {name: scores([model.probability(r[0]) for r in rows if r[2] == name], [r for r in rows if r[2] == name])
              for name in sets}
    compare(stats, inside)
    model = replace(model, fitted={
        "on": "dev halves only: news gold dev stories, PLOVER dev records", "commit": commit(),
        "date": dt.date.today().isoformat(), "events": dict(Counter(r[2] for r in rows)), "l2": args.l2,
        "min_count": MIN_COUNT, "dev_out_of_fold": stats, "dev_in_sample": inside,
        "refit": "python scripts/fit_confidence.py"})
    model_file.parse_model(model.to_dict(), str(args.out))  # what we write must load
    args.out.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
    print(f"\n{len(model.weights)} weights, intercept {model.intercept} -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
