"""The final word on an event's confidence, and the `min_confidence` cut.

`at_least` drops the events below a confidence bound and numbers the rest again
(ev1, ev2, ... in text order, as `coder.merge` numbers them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...model import Event


def at_least(events: Sequence[Event], bound: float) -> tuple[Event, ...]:
    """The events whose confidence is at least `bound`, renumbered; all of them for 0."""
    if bound <= 0.0:
        return tuple(events)
    kept = [e for e in events if e.confidence >= bound]
    return tuple(replace(e, id=f"ev{n}") for n, e in enumerate(kept, start=1))
