"""`diurna eval plover`: event type and dyad countries on the PLOVER gold records.

Each of the 322 coded sentences of `events/plover_gsr_cameo.json` is run as its own
document. Reported:
- type_accuracy: share of records whose most confident event has the gold PLOVER
  type (gold 0.5 names mapped: DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE,
  FIGHT->ASSAULT); a record with no event counts as wrong;
- any_type_accuracy: share of records where some event has the gold type;
- source_country_recall / target_country_recall: share of gold source (target)
  actors with a country code whose country is among the countries of our events of
  the chosen type, on the same side (the gold's generic IGO and NGO match any
  international or non-governmental body we code; the gold's pre-ISO codes JAP, ITL
  and VTN are read as JPN, ITA and VNM, as `eval actors` does).
The pipeline keeps actorless events (setting `actorless_events`): the type is scored on
every record, also where the actors' countries go unresolved (those score as misses
in the country recalls). A mutual act is coded once per direction (`mutual_both_ways`):
the records list every participant of one ("Israel and Lebanon renewed negotiations")
as a source.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..knowledge.cameo import OLD_PLOVER_NAMES
from ..knowledge.gazetteer import load_gazetteer
from ..model import Result
from ..pipeline import Pipeline
from ._events_common import CAMEO_CODES, plover_type
from .base import Report, split_report

NAME = "plover"
DESCRIPTION = "PLOVER event type accuracy and source/target country recall on the PLOVER gold records"
DATA = "events/plover_gsr_cameo.json"


def load(path: Path) -> list[dict[str, Any]]:
    return [r for r in json.loads(path.read_text("utf-8")) if r.get("id") and r.get("text") and r.get("event")]


def gold_type(name: str) -> str:
    return OLD_PLOVER_NAMES.get(name, name)


def _countries(actors: Any) -> list[str]:
    if not isinstance(actors, list):
        return []
    codes: list[str] = [a["code"] for a in actors if isinstance(a, dict)
                        and isinstance(a.get("code"), str) and len(a["code"]) == 3 and a["code"].isalpha()]
    return [CAMEO_CODES.get(c, c) for c in codes]


# The gold codes any international or non-governmental body as IGO (Amnesty
# International, the Red Cross and the ILO alike) where our actor codes name the body
# (UNO, ILO, IGOUNO, NGO): a body of either kind matches either generic code.
_BODIES = ("IGO", "NGO")


def _side(result: Result, ptype: str, side: str) -> set[str]:
    out = set()
    igos = load_gazetteer().igo_codes
    for ev in result.facts.events:
        ref = getattr(ev, side)
        if ev.plover is not None and ev.plover.type == ptype and ref is not None:
            codes = {ref.country} if ref.country else set()
            if ref.actor_code and len(ref.actor_code) >= 3:
                codes.add(ref.actor_code[:3])
            if codes & {*_BODIES, *igos}:
                codes.update(_BODIES)
            out |= codes
    return out


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    records = load(data_dir / DATA)[:limit]
    pipeline = Pipeline(pipeline.settings.replace(actorless_events=True, mutual_both_ways=True), nlp=pipeline.nlp)
    outcomes = pipeline.process_many({"id": r["id"], "text": r["text"]} for r in records)
    return split_report(NAME, list(zip(records, outcomes)), key=lambda item: str(item[0]["id"]), score=score)


def score(items: Sequence[tuple[dict[str, Any], object]]) -> Report:
    """The metrics over (gold record, our outcome) pairs."""
    n = ok = any_ok = 0
    side_n: Counter[str] = Counter()
    side_ok: Counter[str] = Counter()
    confusion: Counter[str] = Counter()
    missed: list[dict[str, Any]] = []
    for rec, outcome in items:
        n += 1
        gold = gold_type(rec["event"])
        predicted = plover_type(outcome) if isinstance(outcome, Result) else "NONE"
        ok += predicted == gold
        types = {e.plover.type for e in outcome.facts.events if e.plover} if isinstance(outcome, Result) else set()
        any_ok += gold in types
        if predicted != gold:
            confusion[f"{gold}->{predicted}"] += 1
        lost: dict[str, list[str]] = {}
        for side in ("source", "target"):
            codes = _countries(rec.get(side))
            found = _side(outcome, gold, side) if isinstance(outcome, Result) else set()
            side_n[side] += len(codes)
            side_ok[side] += sum(c in found for c in codes)
            lost[side] = [c for c in codes if c not in found]
        if predicted != gold or lost["source"] or lost["target"]:
            missed.append(_missed(rec, gold, predicted, lost, outcome))
    ratio = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
    return Report(
        name=NAME,
        metrics={
            "type_accuracy": ratio(ok, n),
            "any_type_accuracy": ratio(any_ok, n),
            "source_country_recall": ratio(side_ok["source"], side_n["source"]),
            "target_country_recall": ratio(side_ok["target"], side_n["target"]),
        },
        counts={"records": n, "gold_source_countries": side_n["source"], "gold_target_countries": side_n["target"]},
        details={"confusions": dict(confusion.most_common(30)), "missed": missed},
    )


def _missed(rec: dict[str, Any], gold: str, predicted: str, lost: dict[str, list[str]],
            outcome: object) -> dict[str, Any]:
    """A record we got wrong, with what we coded: the evidence for grouping misses by cause."""
    events = outcome.facts.events if isinstance(outcome, Result) else ()
    return {
        "id": rec["id"], "text": rec["text"], "gold": gold, "predicted": predicted,
        "lost_source": lost["source"], "lost_target": lost["target"],
        "events": [
            f"{e.code} {e.plover.type if e.plover else '-'} {e.confidence} {e.modality} "
            f"src={e.source.text + '/' + str(e.source.country) if e.source else None} "
            f"tgt={e.target.text + '/' + str(e.target.country) if e.target else None} [{e.evidence.trigger}] {e.rule}"
            for e in events
        ],
    }
