"""What the event scorers share: picking the event a one-sentence record is about."""

from __future__ import annotations

from ..model import Event, Result

# The PLOVER gold records use a few pre-ISO CAMEO country codes; scorers map them to
# the ISO codes we emit (never in our output): Japan, Italy, Vietnam.
CAMEO_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def top_event(result: Result | object) -> Event | None:
    """The most confident event of a record (ties to the earliest); None when none
    (also for a record that could not be processed)."""
    if not isinstance(result, Result):
        return None
    events = [e for e in result.facts.events if e.plover is not None] or list(result.facts.events)
    if not events:
        return None
    return max(events, key=lambda e: (e.confidence, -e.evidence.start))


def plover_type(result: Result | object) -> str:
    ev = top_event(result)
    return ev.plover.type if ev is not None and ev.plover is not None else "NONE"
