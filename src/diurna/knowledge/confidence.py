"""The confidence calibration model (`confidence.json`, fitted by
`scripts/fit_confidence.py`): its features of an event, its probability, its file.

The model is logistic: P(right) = 1 / (1 + exp(-(intercept + sum of weight * feature))).
Its features (`features`) are named `family` or `family=value`: the coder's rule score,
the trigger's embedding depth, the CAMEO root, the modality, the rule's file, pattern
and modifiers (`+implied-target` ...), per side whether it is empty, a resolved entity
(by type) or words only, and whether it has a country and an actor code; how many
mentions the merged event has; whether its date and place come from the text; whether
the whole text is a sentence or two (a coded record, a headline: in one sentence an
event is more often the point). A feature the model has no weight for counts nothing,
so a rule added after the fit is scored by what it shares with the others.
`extract/eventing/confidence.py` applies it to a document's events.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..model import ActorRef, Event
from . import read_text

MODEL_FILE = "confidence.json"
NO_MODEL = "none"  # the setting confidence_model that keeps the coder's rule score
MODEL_NAME = "diurna.confidence.v1"
# The feature families a model may weigh: a name is `family` or `family=value`.
FAMILIES = ("raw", "depth", "root", "modality", "origin", "pattern", "mod", "source", "target",
            "source_country", "target_country", "source_code", "target_code", "mentions", "date_text",
            "place_text", "short_text")


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic model: P(right) = 1 / (1 + exp(-(intercept + sum of weight * feature)))."""

    intercept: float
    weights: Mapping[str, float]
    name: str = MODEL_NAME
    fitted: Mapping[str, Any] | None = None  # how and on what it was fitted (for the record)

    def probability(self, feats: Mapping[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "intercept": self.intercept,
                "weights": dict(sorted(self.weights.items())), "fitted": dict(self.fitted or {})}


def parse_model(data: Any, where: str) -> Model:
    """A model from its JSON, checked: the name, a finite intercept, finite weights of
    known feature families, and a rule score that does not lower the probability."""
    if not isinstance(data, dict) or data.get("name") != MODEL_NAME:
        raise ValueError(f"{where}: not a {MODEL_NAME} model (its 'name' must be {MODEL_NAME!r})")
    intercept, weights = data.get("intercept"), data.get("weights")
    if not isinstance(intercept, (int, float)) or not _number(intercept) or not isinstance(weights, dict) \
            or not weights:
        raise ValueError(f"{where}: a model needs a numeric 'intercept' and a non-empty 'weights' object")
    for key, w in weights.items():
        if not isinstance(key, str) or key.split("=", 1)[0] not in FAMILIES:
            raise ValueError(f"{where}: unknown feature {key!r} (families: {', '.join(FAMILIES)})")
        if not _number(w):
            raise ValueError(f"{where}: weight of {key!r} must be a finite number, got {w!r}")
    if weights.get("raw", 0.0) < 0:
        raise ValueError(f"{where}: the rule score's weight is negative; refit (scripts/fit_confidence.py)")
    fitted = data.get("fitted")
    return Model(float(intercept), {k: float(v) for k, v in weights.items()},
                 fitted=fitted if isinstance(fitted, dict) else None)


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


@cache
def load_model(path: str = "") -> Model:
    """The packaged model (`path` empty) or a model file fitted by scripts/fit_confidence.py."""
    if path:
        return parse_model(json.loads(Path(path).read_text("utf-8")), path)
    return parse_model(json.loads(read_text(MODEL_FILE)), f"knowledge/{MODEL_FILE}")


def _side(name: str, ref: ActorRef | None, types: Mapping[str, str]) -> dict[str, float]:
    if ref is None:
        return {f"{name}=none": 1.0}
    kind = f"entity:{types.get(ref.entity, 'other')}" if ref.entity else "words"
    return {f"{name}={kind}": 1.0, f"{name}_country": float(bool(ref.country)),
            f"{name}_code": float(bool(ref.actor_code))}


def features(ev: Event, depth: int | None, types: Mapping[str, str], short: bool = False) -> dict[str, float]:
    """The event's features by name (see the module doc); `types` maps entity ids to
    types, `short` says the text is a sentence or two (a headline, a coded record)."""
    origin, _, rest = ev.rule.partition(":")
    pattern = rest.split("/", 1)[1] if "/" in rest else rest
    base, *mods = pattern.split("+")
    out = {"raw": ev.confidence, "depth": float(depth or 0), f"root={ev.root_code}": 1.0,
           f"modality={ev.modality}": 1.0, f"origin={origin}": 1.0, f"pattern={base}": 1.0,
           "mentions": math.log1p(len(ev.mentions)), "date_text": float(ev.date_source == "text"),
           "place_text": float(ev.location_source == "text"), "short_text": float(short)}
    out.update({f"mod={m}": 1.0 for m in mods})
    out.update(_side("source", ev.source, types))
    out.update(_side("target", ev.target, types))
    return out
