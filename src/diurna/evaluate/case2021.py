"""`diurna eval case2021`: the CASE 2021 Task 2 snippets, their 30 subtypes mapped
onto PLOVER types, against the PLOVER type of our most confident event.

The subtype -> PLOVER mapping below is ours (ACLED-style definitions read against the
PLOVER manual); subtypes that are not political events (disasters, organised crime,
attributions) map to NONE, and a snippet where we code nothing predicts NONE.
Reported: macro-F1 over the PLOVER types present in the gold mapping (NONE left out
of the average), accuracy over all snippets, and per-type precision/recall/F1.
The pipeline keeps actorless events (setting `actorless_events`): the task types event
mentions whatever their actors ("shots were fired at the crowd"), which diurna drops
by default.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from types import MappingProxyType

from ..pipeline import Pipeline
from ._events_common import plover_type
from .base import Report, prf, split_report

NAME = "case2021"
DESCRIPTION = "CASE 2021 Task 2 snippets mapped to PLOVER types: macro-F1 of our event type"
DATA = "events/case2021_task2_test.tsv"

SUBTYPE_TO_PLOVER = MappingProxyType({
    "ARMED_CLASH": "ASSAULT", "AIR_STRIKE": "ASSAULT", "ART_MISS_ATTACK": "ASSAULT", "ATTACK": "ASSAULT",
    "ABDUCT_DISSAP": "ASSAULT", "SUIC_BOMB": "ASSAULT", "GRENADE": "ASSAULT", "REM_EXPLOS": "ASSAULT",
    "CHEM_WEAP": "ASSAULT", "SEX_VIOL": "ASSAULT", "PROPERTY_DISTRUCT": "ASSAULT",
    "GOV_REGAINS_TERIT": "ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER": "COERCE", "DISR_WEAP": "COERCE",
    "ARREST": "COERCE", "FORCE_AGAINST_PROTEST": "COERCE",
    "PEACE_PROTEST": "PROTEST", "PROTEST_WITH_INTER": "PROTEST", "VIOL_DEMONSTR": "PROTEST", "MOB_VIOL": "PROTEST",
    "AGREEMENT": "AGREE", "DIPLO": "CONSULT", "CHANGE_TO_GROUP_ACT": "MOBILIZE", "HQ_ESTABLISHED": "MOBILIZE",
    "NON_VIOL_TERRIT_TRANSFER": "RETREAT",
    "NATURAL_DISASTER": "NONE", "MAN_MADE_DISASTER": "NONE", "ORG_CRIME": "NONE", "ATTRIB": "NONE", "OTHER": "NONE",
})


def load(path: Path) -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(r[0], r[1], r[2]) for r in rows[1:] if len(r) >= 3]


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    rows = load(data_dir / DATA)[:limit]
    unknown = sorted({r[2] for r in rows} - set(SUBTYPE_TO_PLOVER))
    if unknown:
        raise ValueError(f"case2021: subtypes without a PLOVER mapping: {unknown}; add them to SUBTYPE_TO_PLOVER")
    pipeline = Pipeline(pipeline.settings.replace(actorless_events=True), nlp=pipeline.nlp)
    outcomes = pipeline.process_many({"id": rid, "text": text} for rid, text, _ in rows)
    return split_report(NAME, list(zip(rows, outcomes)), key=lambda item: item[0][0], score=score)


def score(items: Sequence[tuple[tuple[str, str, str], object]]) -> Report:
    """Macro-F1 and accuracy over (gold row, our outcome) pairs."""
    rows = [row for row, _ in items]
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    correct = 0
    for (_, _, subtype), outcome in items:
        gold, pred = SUBTYPE_TO_PLOVER[subtype], plover_type(outcome)
        correct += gold == pred
        if gold == pred:
            tp[gold] += 1
        else:
            fp[pred] += 1
            fn[gold] += 1
    types = sorted({SUBTYPE_TO_PLOVER[r[2]] for r in rows} - {"NONE"})
    per_type = {t: prf(tp[t], fp[t], fn[t]) for t in types}
    macro = sum(v["f1"] for v in per_type.values()) / len(per_type) if per_type else 0.0
    return Report(
        name=NAME,
        metrics={"macro_f1": round(macro, 4), "accuracy": round(correct / len(rows), 4) if rows else 0.0},
        # each type's gold and predicted snippets: the units of its F1 (scripts/pin_floors.py)
        counts={"snippets": len(rows), "types": len(types), **{f"gold_{t}": tp[t] + fn[t] for t in types},
                **{f"predicted_{t}": tp[t] + fp[t] for t in types}},
        details={"per_type": per_type, "predicted_none": fp.get("NONE", 0)},
    )
