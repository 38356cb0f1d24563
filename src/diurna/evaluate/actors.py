"""`diurna eval actors`: do we find, and code, the actors of the PLOVER gold records?

For each gold source/target actor of `events/plover_gsr_cameo.json` we locate its text
in the sentence and look for an entity mention overlapping it. Reported:
- mention_recall: share of gold actors covered by some entity mention;
- country_accuracy: share of gold actors whose covering entity has the gold country
  code (an actor we did not find counts as wrong);
- sector_accuracy: the same for the gold sector, over actors that have one.
The gold set codes only actors, not every name in a sentence, so there is no
precision here; precision of entities is measured on our own test set.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Entity, Result
from ..pipeline import Pipeline
from .base import Report

NAME = "actors"
DESCRIPTION = "actor mentions, countries and sectors on the PLOVER gold records"
DATA = "events/plover_gsr_cameo.json"


@dataclass(frozen=True, slots=True)
class GoldActor:
    record: str
    text: str
    code: str | None
    sector: str | None


def load(path: Path) -> list[tuple[str, str, list[GoldActor]]]:
    records = json.loads(path.read_text("utf-8"))
    out = []
    for rec in records:
        if "text" not in rec or not rec.get("id"):
            continue  # the DOCUMENT header record
        actors = [GoldActor(rec["id"], a["actorText"], a.get("code") or None, a.get("sector") or None)
                  for role in ("source", "target") for a in _actors(rec.get(role))]
        out.append((rec["id"], rec["text"], actors))
    return out


def _actors(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        yield from (a for a in value if isinstance(a, dict) and a.get("actorText"))


def _locate(text: str, needle: str) -> tuple[int, int] | None:
    i = text.find(needle)
    if i < 0:
        i = text.lower().find(needle.lower())
    return None if i < 0 else (i, i + len(needle))


def _covering(result: Result, span: tuple[int, int]) -> Entity | None:
    best, best_overlap = None, 0
    for ent in result.facts.entities:
        for m in ent.mentions:
            overlap = min(m.end, span[1]) - max(m.start, span[0])
            if overlap > best_overlap:
                best, best_overlap = ent, overlap
    return best


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    records = load(data_dir / DATA)[:limit]
    outcomes = pipeline.process_many({"id": rid, "text": text} for rid, text, _ in records)
    n = found = country_ok = sector_n = sector_ok = located = 0
    misses: list[dict[str, str]] = []
    for (rid, _, gold), outcome in zip(records, outcomes):
        if not isinstance(outcome, Result):
            n += len(gold)
            sector_n += sum(a.sector is not None for a in gold)
            continue
        text = outcome.document.text
        for actor in gold:
            n += 1
            sector_n += actor.sector is not None
            span = _locate(text, actor.text)
            if span is None:
                continue
            located += 1
            ent = _covering(outcome, span)
            if ent is None:
                if len(misses) < 50:
                    misses.append({"record": rid, "actor": actor.text})
                continue
            found += 1
            country_ok += bool(actor.code and ent.country == actor.code)
            sector_ok += bool(actor.sector and ent.sector == actor.sector)
    return Report(
        name=NAME,
        metrics={
            "mention_recall": round(found / n, 4) if n else 0.0,
            "country_accuracy": round(country_ok / n, 4) if n else 0.0,
            "sector_accuracy": round(sector_ok / sector_n, 4) if sector_n else 0.0,
        },
        counts={"records": len(records), "gold_actors": n, "located_in_text": located, "found": found,
                "with_sector": sector_n},
        details={"missed_examples": misses},
    )
