"""evaluate/calibration.py and the news scorer's calibration figures: which events are
right, the reliability table, the expected calibration error (hand-made cases)."""

from __future__ import annotations

import pytest

from diurna.evaluate.calibration import Bin, brier, ece, plover_label, reliability
from diurna.evaluate.news import GoldEvent, labels
from diurna.model import ActorRef, Event, Evidence, Plover


def _event(code: str = "112", source: str | None = "GON", target: str | None = "MOR", span: tuple[int, int] = (5, 20),
           ptype: str = "ACCUSE") -> Event:
    ref = lambda c: ActorRef(text=c, country=c) if c else None  # noqa: E731
    return Event(id="ev1", code=code, root_code=code[:2], label="x", quad_class=3, goldstein=-2.0,
                 evidence=Evidence(span[0], span[1], "x", "x"), rule="test", confidence=0.5,
                 source=ref(source), target=ref(target), plover=Plover(ptype, None))


GOLD = GoldEvent("s1", 0, ((0, 40),), frozenset({"11"}), ("112",), "GON", "MOR", False, True)


@pytest.mark.parametrize(("event", "right"), [
    (_event(), True),
    (_event(target=None), True),                      # one side, and it is right
    (_event(source=None, target=None), True),         # no country: root and sentence
    (_event(source="ROH"), False),                    # a wrong country
    (_event(source="MOR", target="GON"), False),      # sides swapped on a directed act
    (_event(code="190"), False),                      # another root
    (_event(span=(50, 60)), False),                   # another sentence
])
def test_calibration_news_labels(event, right):
    assert labels([GOLD], [event]) == [right]


@pytest.mark.parametrize(("event", "record", "right"), [
    (_event(), {"source": [{"code": "GON"}], "target": [{"code": "MOR"}]}, True),
    (_event(), {"source": [], "target": None}, True),               # the gold names no country
    (_event(source="ROH"), {"source": [{"code": "GON"}]}, False),
    (_event(ptype="ASSAULT"), {"source": [{"code": "GON"}]}, False),
])
def test_calibration_plover_label(event, record, right):
    assert plover_label(record, event, "ACCUSE") is right


def test_calibration_reliability_table_and_ece():
    pairs = [(0.05, False), (0.15, False), (0.15, True), (0.95, True), (1.0, True)]
    table = reliability(pairs, bins=10)
    assert len(table) == 10 and sum(b.events for b in table) == 5
    assert table[1] == Bin(0.1, 0.2, 2, 0.15, 0.5)
    assert table[9].events == 2 and table[9].accuracy == 1.0            # a confidence of 1 is in the last bin
    assert table[5] == Bin(0.5, 0.6, 0, 0.0, 0.0)                       # empty bins are kept
    assert ece(table) == pytest.approx((1 * 0.05 + 2 * 0.35 + 2 * 0.025) / 5, abs=1e-4)
    assert ece(reliability([(0.3, True), (0.3, False), (0.3, False)])) == pytest.approx(0.0333, abs=1e-4)
    assert ece([]) == 0.0 and brier([]) == 0.0
    assert brier([(1.0, True), (0.0, False)]) == 0.0 and brier([(0.0, True)]) == 1.0
