"""How far two coders agree on the same news stories, scored exactly as `diurna eval news`
scores diurna: coder B's events stand where diurna's would (each with its first code and
its actors' countries) against coder A's gold, then the other way round. The figures are
the ceiling the scorer's measures can reach on this gold: a core recall of 0.75 means
little if two careful coders agree on 0.70.

    python scripts/news_gold.py --work /work/goldwork-agree --out /tmp/b.jsonl   # coder B's gold
    python -m diurna.dev.news_agreement /tmp/b.jsonl [--a GOLD.jsonl]             # A: the shipped gold
    python -m diurna.dev.news_agreement src/diurna/evaluate/data/news_second_coding.jsonl

The shipped second coding (session 13): 12 BBC stories coded again by gold-x and 10 VOA
stories by gold-y, each without seeing the first coding. On the 22 (B = the second coder):
core recall 0.94 / 0.88 (B against A / A against B), event recall 0.89 / 0.80, dyadic
precision 0.82 / 0.92; on the 10 VOA stories alone 0.95 / 0.84, 0.87 / 0.81, 0.82 / 0.89.

Only stories in both files are compared. Only aggregate figures are printed, so that a
test story's agreement shows nothing about diurna (it is gold against gold).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..evaluate import default_data_dir
from ..evaluate.news import GoldEvent, PredEvent, Tally, gold_events, load_gold, root, score_story, story_records

# The measures printed, in order.
METRICS = ("core_recall", "core_recall_root", "event_recall", "dyadic_precision", "one_actor_precision",
           "precision", "actorless_share", "events_per_article", "gold_events_per_article")


def as_predictions(golds: list[GoldEvent]) -> list[PredEvent]:
    """A coder's events as the scorer's predicted events: every evidence sentence, the root of
    the first (best) code, the countries of the two sides."""
    side = lambda c: frozenset({c}) if c else frozenset()  # noqa: E731
    return [PredEvent(g.spans, root(g.codes[0]), side(g.source), side(g.target),
                      f"{g.codes[0]} [{g.trigger}] {g.source or '-'} -> {g.target or '-'}") for g in golds]


def agreement(a: list[dict[str, Any]], b: list[dict[str, Any]], data_dir: Path) -> dict[str, dict[str, float]]:
    """{"B against A": metrics, "A against B": metrics} over the stories both coded."""
    by_id = {s["story"]: s for s in b}
    pairs = [(s, by_id[s["story"]]) for s in a if s["story"] in by_id]
    texts = story_records(data_dir, (s["story"] for s, _ in pairs))
    tallies = {"B against A": Tally(), "A against B": Tally()}
    for sa, sb in pairs:
        raw = texts[sa["story"]]["text"]
        whole = ((0, 0, len(raw)),)  # the raw text is its own cleaned text
        ga, _, _ = gold_events(sa, raw, raw, whole)
        gb, _, _ = gold_events(sb, raw, raw, whole)
        score_story(ga, as_predictions(gb), tallies["B against A"])
        score_story(gb, as_predictions(ga), tallies["A against B"])
    return {name: {**t.metrics(), "stories": t.stories} for name, t in tallies.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("b", type=Path, help="coder B's gold (news_gold.jsonl format)")
    ap.add_argument("--a", type=Path, default=None, help="coder A's gold (default: the shipped gold)")
    ap.add_argument("--data", type=Path, default=None, help="the shared data folder")
    args = ap.parse_args(argv)
    b = [json.loads(line) for line in args.b.read_text("utf-8").splitlines() if line.strip()]
    figures = agreement(load_gold(args.a), b, args.data or default_data_dir())
    names = list(figures)
    print(f"{'':<26}" + "".join(f"{n:>14}" for n in names))
    for metric in ("stories", *METRICS):
        print(f"{metric:<26}" + "".join(f"{figures[n][metric]:>14}" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
