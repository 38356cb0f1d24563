"""The hand-judged merge pairs (evaluate/data/merge_judgements.jsonl): ids and verdicts only."""

from __future__ import annotations

import json
import re
from pathlib import Path

JUDGEMENTS = Path(__file__).resolve().parents[2] / "src/diurna/evaluate/data/merge_judgements.jsonl"
REPORT_ID = re.compile(r"^[\w-]+:ev\d+$")


def test_merge_judgements_hold_ids_and_verdicts_only():
    rows = [json.loads(line) for line in JUDGEMENTS.read_text(encoding="utf-8").splitlines()]
    assert len(rows) > 100
    pairs = set()
    for r in rows:
        assert set(r) == {"corpus", "a", "b", "verdict"}, r        # no article text
        assert r["corpus"] in {"voa", "bbc"} and r["verdict"] in {"same", "different"}
        assert REPORT_ID.match(r["a"]) and REPORT_ID.match(r["b"]) and r["a"] < r["b"]
        assert r["a"].split(":")[0] != r["b"].split(":")[0]           # pairs across two articles
        pairs.add((r["corpus"], r["a"], r["b"]))
    assert len(pairs) == len(rows)                                    # one verdict per pair
