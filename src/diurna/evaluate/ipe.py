"""`diurna eval ipe`: IndiaPoliceEvents, sentence-level detection of police arrests,
killings and use of force (the KILL, ARREST and FORCE labels).

Each sentence is coded on its own (the text is lower-cased in the source, which
weakens the parser and NER; we keep it as published). A sentence is predicted:
- ARREST when an event has code 173 (arrest, detain, charge);
- KILL when an event is a killing (1823, 186, 20x) or a use of force (17x violent
  repression, 18x, 19x) whose trigger is a killing word, with a police-like source
  or no source;
- FORCE when an event is violent repression (175) or an assault/fight code (18x,
  19x) with a police-like source or no source.
Reported: precision, recall and F1 per label, and their macro averages.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from ..model import Event, Result
from ..pipeline import Pipeline
from .base import Report, prf

NAME = "ipe"
DESCRIPTION = "IndiaPoliceEvents sentence-level detection of police arrests, killings and force"
DATA = "events/india_police_events/sents.jsonl"
LABELS = ("ARREST", "KILL", "FORCE")
_POLICE = ("police", "cop", "constable", "force", "jawan", "army", "srp", "crpf", "rapid action", "security")
_KILL_WORDS = ("kill", "shot dead", "gunned", "died", "dead", "death")


def load(path: Path) -> list[tuple[str, frozenset[str]]]:
    out = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out.append((rec["sent_text"], frozenset(rec.get("sent_labels") or ())))
    return out


def _police_or_unknown(ev: Event) -> bool:
    return ev.source is None or any(w in ev.source.text.lower() for w in _POLICE)


def labels_of(result: Result) -> set[str]:
    out = set()
    for ev in result.facts.events:
        root = ev.code[:2]
        if ev.modality in ("negated", "hypothetical"):
            continue
        if ev.code.startswith("173"):
            out.add("ARREST")
        force = ev.code.startswith("175") or root in ("18", "19")
        if force and _police_or_unknown(ev):
            out.add("FORCE")
        killing = ev.code in ("1823", "186") or root == "20" or (
            force and any(w in ev.evidence.text.lower() for w in _KILL_WORDS))
        if killing and _police_or_unknown(ev):
            out.add("KILL")
    return out


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    sents = [s for s in load(data_dir / DATA) if s[0].strip()][:limit]
    outcomes = pipeline.process_many({"id": str(n), "text": text} for n, (text, _) in enumerate(sents))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for (_, gold), outcome in zip(sents, outcomes):
        predicted = labels_of(outcome) if isinstance(outcome, Result) else set()
        for label in LABELS:
            g, p = label in gold, label in predicted
            tp[label] += g and p
            fp[label] += p and not g
            fn[label] += g and not p
    metrics: dict[str, float] = {}
    for label in LABELS:
        for k, v in prf(tp[label], fp[label], fn[label]).items():
            metrics[f"{label.lower()}_{k}"] = v
    for k in ("precision", "recall", "f1"):
        metrics[f"macro_{k}"] = round(sum(metrics[f"{lab.lower()}_{k}"] for lab in LABELS) / len(LABELS), 4)
    return Report(name=NAME, metrics=metrics,
                  counts={"sentences": len(sents), **{f"gold_{lab.lower()}": tp[lab] + fn[lab] for lab in LABELS}})
