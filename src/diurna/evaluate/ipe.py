"""`diurna eval ipe`: IndiaPoliceEvents, sentence-level detection of police arrests,
killings and use of force (the KILL, ARREST and FORCE labels).

Each sentence is coded on its own (the text is lower-cased in the source, which
weakens the parser and NER; we keep it as published). A sentence is predicted:
- ARREST when an event has code 173 (arrest, detain, charge);
- KILL when an event is a killing (1823, 186, 20x), a use of force (17x violent
  repression, 18x, 19x) whose trigger is a killing word, or firing (193, 195) in a
  sentence that reports deaths ("died in police firing"), done by the police;
- FORCE when an event is violent repression (175) or an assault/fight code (18x,
  19x) done by the police.
"Done by the police": a police-like source, or no source (or a pronoun) in a sentence
that names the police or security forces; any other named source is not the police.
Reported: precision, recall and F1 per label, and their macro averages.
The pipeline keeps actorless events (setting `actorless_events`): the suite scores acts
whose doer goes unnamed ("two men were arrested"), which diurna drops by default.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ..model import Event, Result
from ..pipeline import Pipeline
from .base import Report, prf, split_report

NAME = "ipe"
DESCRIPTION = "IndiaPoliceEvents sentence-level detection of police arrests, killings and force"
DATA = "events/india_police_events/sents.jsonl"
LABELS = ("ARREST", "KILL", "FORCE")
_POLICE = ("police", "cop", "constable", "force", "jawan", "army", "srp", "crpf", "rapid action", "security")
_FIRING = ("193", "195")  # shooting at people, firing rounds or shells
_DEATH_WORDS = ("died", "dead", "death", "killed", "succumbed", "perished", "toll")
_KILL_WORDS = ("kill", "shot dead", "gunned", "died", "dead", "death")


def load(path: Path) -> list[tuple[str, frozenset[str], str]]:
    """(sentence, gold labels, document id): the split is by document, so that no
    story has sentences on both sides."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out.append((rec["sent_text"], frozenset(rec.get("sent_labels") or ()), str(rec.get("doc_id"))))
    return out


# Sentence words that say the police or security forces are in the story: only then
# may an event with no named source (or a pronoun source) be read as a police act.
_POLICE_CONTEXT = re.compile(
    r"\b(?:police\w*|cops?|constables?|jawans?|(?:sub-)?inspectors?|srp|crpf|cisf|bsf|rapid action|"
    r"security (?:forces?|personnel|men)|forces|troops|army|officers?|personnel|sho|dsp|sp|commissioner|"
    r"lathi|baton|tear ?gas|encounter|custody|custodial|firing)\b",
    re.IGNORECASE,
)
_PRONOUNS = {"they", "he", "she", "we", "them"}


# Acts whose unnamed doer is the state's: firing rounds (193), tear gas, dispersing a
# crowd (175); and victims whose unnamed killer is: militants, rioters, suspects.
_STATE_TACTICS = ("175", "193")
_STATE_TARGETS = re.compile(
    r"\b(?:militants?|terrorists?|extremists?|rioters?|mobs?|miscreants?|criminals?|dacoits?|naxal\w*|"
    r"maoists?|insurgents?|ultras?|gangsters?|accused|suspects?|protesters?|demonstrators?|crowds?)\b",
    re.IGNORECASE,
)


def _clash(ev: Event) -> bool:
    """Fighting, or a clash between a crowd and another side (coded 145, a violent
    protest): a clash with the police is their use of force."""
    return ev.code.startswith("19") or ev.rule.endswith("+protest-clash")


def _unknown(ev: Event) -> bool:
    return ev.source is None or ev.source.text.lower() in _PRONOUNS


def _police_scene(result: Result) -> bool:
    """The sentence names the police, or reports a state tactic by an unnamed doer."""
    return bool(_POLICE_CONTEXT.search(result.document.text)) or any(
        ev.code[:3] in _STATE_TACTICS and _unknown(ev) and ev.modality not in ("negated", "hypothetical")
        for ev in result.facts.events)


def _by_police(ev: Event, scene: bool) -> bool:
    """A police act: a police-like source, or an unnamed doer (none, or a pronoun) in a
    police scene or acting on militants, rioters or suspects. An unknown source is
    not assumed to be the police."""
    if ev.source is not None and any(w in ev.source.text.lower() for w in _POLICE):
        return True
    if ev.target is not None and any(w in ev.target.text.lower() for w in _POLICE) and not _clash(ev):
        return False  # "a policeman who was attacked": force against the police, not by them
    if _clash(ev) and _POLICE_CONTEXT.search(ev.evidence.text):
        return True  # "activists and the Rohan police clashed": the police are a side
    if not _unknown(ev):
        return False
    return scene or bool(ev.target is not None and _STATE_TARGETS.search(ev.target.text))


def labels_of(result: Result) -> set[str]:
    out = set()
    scene = _police_scene(result)
    text = result.document.text.lower()
    for ev in result.facts.events:
        root = ev.code[:2]
        if ev.modality in ("negated", "hypothetical"):
            continue
        if ev.code.startswith("173"):
            out.add("ARREST")
        force = ev.code.startswith("175") or root in ("18", "19") or _clash(ev)
        if force and _by_police(ev, scene):
            out.add("FORCE")
        killing = ev.code in ("1823", "186") or root == "20" or (
            force and any(w in ev.evidence.text.lower() for w in _KILL_WORDS)) or (
            ev.code[:3] in _FIRING and any(w in text for w in _DEATH_WORDS))  # "died in police firing"
        if killing and _by_police(ev, scene):
            out.add("KILL")
    return out


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    sents = [s for s in load(data_dir / DATA) if s[0].strip()][:limit]
    pipeline = Pipeline(pipeline.settings.replace(actorless_events=True), nlp=pipeline.nlp)
    outcomes = pipeline.process_many({"id": str(n), "text": text} for n, (text, _, _) in enumerate(sents))
    return split_report(NAME, list(zip(sents, outcomes)), key=lambda item: item[0][2], score=score)


def score(items: Sequence[tuple[tuple[str, frozenset[str], str], object]]) -> Report:
    """Per-label and macro precision/recall/F1 over (gold sentence, our outcome) pairs."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for (_, gold, _), outcome in items:
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
                  counts={"sentences": len(items), **{f"gold_{lab.lower()}": tp[lab] + fn[lab] for lab in LABELS},
                          **{f"predicted_{lab.lower()}": tp[lab] + fp[lab] for lab in LABELS}})
