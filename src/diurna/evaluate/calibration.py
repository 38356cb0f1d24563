"""Is an event's confidence a probability? Labels, reliability tables and the expected
calibration error, shared by `diurna eval news` and `scripts/fit_confidence.py`.

An event is *right* (label 1) when:
- news gold (`eval news`, `news.labels`): it matches a gold event of the story on an evidence
  sentence and CAMEO root, and every side of it that carries a country (its own or
  its actor code's) has the gold's country on the same side, either way round for a
  symmetric gold event; a gold side without a country accepts anything. This is the
  test of the scorer's dyadic and one-actor precision, extended to events with no
  country (root and sentence only);
- PLOVER records (`eval plover`, one coded sentence each): its PLOVER type is the
  record's gold type, and every side of it that carries a country has one of the
  gold's countries for that side (a side the gold leaves without a country accepts
  anything).

The reliability table cuts [0, 1] into equal bins and gives per bin the events in it,
their mean confidence and the share that is right; the expected calibration error
(ECE) is the mean of |share right - mean confidence| over the bins, weighted by their
events: 0 for a perfectly calibrated score, lower is better.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..extract.eventing.merging import countries  # a side's countries, as merging reads them
from ..model import Event
from ._events_common import CAMEO_CODES

BINS = 10


def plover_label(record: dict[str, Any], ev: Event, gold_type: str) -> bool:
    """Is `ev` right for a PLOVER record whose (mapped) gold type is `gold_type`?"""
    if ev.plover is None or ev.plover.type != gold_type:
        return False
    for side in ("source", "target"):
        gold = {CAMEO_CODES.get(c, c) for c in _codes(record.get(side))}
        pred = countries(getattr(ev, side))
        if gold and pred and not gold & pred:
            return False
    return True


def _codes(actors: Any) -> list[str]:
    if not isinstance(actors, list):
        return []
    return [a["code"] for a in actors if isinstance(a, dict) and isinstance(a.get("code"), str)
            and len(a["code"]) == 3 and a["code"].isalpha()]


@dataclass(frozen=True, slots=True)
class Bin:
    low: float
    high: float
    events: int
    mean_confidence: float
    accuracy: float

    def to_dict(self) -> dict[str, Any]:
        return {"bin": f"{self.low:.1f}-{self.high:.1f}", "events": self.events,
                "mean_confidence": self.mean_confidence, "accuracy": self.accuracy}


def reliability(pairs: Iterable[tuple[float, bool]], bins: int = BINS) -> list[Bin]:
    """(confidence, right) pairs as a reliability table of `bins` equal bins (the last
    one closed: a confidence of 1 falls in it); empty bins are kept, with zeros."""
    counts, confs, rights = [0] * bins, [0.0] * bins, [0] * bins
    for conf, right in pairs:
        k = min(bins - 1, max(0, int(conf * bins)))
        counts[k] += 1
        confs[k] += conf
        rights[k] += bool(right)
    return [Bin(k / bins, (k + 1) / bins, n, round(c / n, 4) if n else 0.0, round(r / n, 4) if n else 0.0)
            for k, (n, c, r) in enumerate(zip(counts, confs, rights))]


def ece(table: Sequence[Bin]) -> float:
    """The expected calibration error of a reliability table."""
    total = sum(b.events for b in table)
    if not total:
        return 0.0
    return round(sum(b.events * abs(b.accuracy - b.mean_confidence) for b in table) / total, 4)


def brier(pairs: Sequence[tuple[float, bool]]) -> float:
    """The mean squared error of the confidence as a probability (lower is better)."""
    return round(sum((c - float(r)) ** 2 for c, r in pairs) / len(pairs), 4) if pairs else 0.0
