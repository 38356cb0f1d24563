"""Tables that fit the terminal: cutting cells, the who -> whom cell, choosing columns."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from diurna.tables import EVENTS, SEP, Column, cut, fit_dyad, layout, short_label, side, wrap


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("Make a statement", 20, "Make a statement"),        # fits: unchanged
    ("Make a statement", 16, "Make a statement"),
    ("Make a statement", 10, "Make a st…"),
    ("Make a  statement\n", 40, "Make a statement"),     # whitespace folded onto one line
    ("", 5, ""),
])
def test_tables_cut(text, width, expected):
    assert cut(text, width) == expected
    assert cell_len(cut(text, width)) <= width


@pytest.mark.parametrize(("text", "width", "lines", "expected"), [
    ("short quote", 20, 2, "short quote"),
    ("one two three four five", 10, 2, "one two\nthree fou…"),
    ("one two three four five", 10, 1, "one two t…"),
    ("one two three", 10, 2, "one two\nthree"),
])
def test_tables_wrap_keeps_to_its_lines(text, width, lines, expected):
    out = wrap(text, width, lines)
    assert out == expected
    assert len(out.splitlines()) <= lines and all(cell_len(x) <= width for x in out.splitlines())


@pytest.mark.parametrize(("source", "target", "width", "expected"), [
    (("Xi Jinping", "CHN"), ("Lee Jae-myung", "KOR"), 40, "Xi Jinping (CHN) → Lee Jae-myung (KOR)"),
    (("Xi Jinping", "CHN"), ("Lee Jae-myung", "KOR"), 24, "Xi Jinping (CHN) →\n  Lee Jae-myung (KOR)"),
    # too long even on two lines: the names are cut, the country codes stay
    (("Mohammed bin Abdulrahman Al Thani", "QAT"), ("Egypt", "EGY"), 24,
     "Mohammed bin Ab… (QAT) →\n  Egypt (EGY)"),
    # one actor: one line, the name cut
    (("Central Organisation of Trade Unions", None), (None, None), 30, "Central Organisation of T… → —"),
    ((None, None), ("Gondor", "GND"), 30, "— → Gondor (GND)"),
])
def test_tables_fit_dyad(source, target, width, expected):
    text = f"{side(*source)} → {side(*target)}"
    out = fit_dyad(text, width)
    assert out == expected
    assert len(out.splitlines()) <= 2
    assert all(cell_len(line) <= width for line in out.splitlines())


@pytest.mark.parametrize(("label", "expected"), [
    ("Make a statement not covered below", "Make a statement"),
    ("Demand, not covered below", "Demand"),
    ("Host a visit", "Host a visit"),
    (None, ""),
])
def test_tables_short_label(label, expected):
    assert short_label(label) == expected


def _events_layout(width: int) -> dict[str, int]:
    natural = {"id": 16, "day": 10, "code": 4, "who → whom": 38, "what": 35, "where": 14, "arts": 4, "srcs": 4,
               "ments": 5}
    chosen = layout(EVENTS, [natural[c.header] for c in EVENTS], width)
    return {EVENTS[i].header: w for i, w in chosen.items()}


@pytest.mark.parametrize(("width", "shown", "not_shown"), [
    (80, {"day", "code", "who → whom", "what", "arts"}, {"id", "where", "srcs", "ments"}),
    (120, {"day", "code", "who → whom", "what", "where", "arts", "srcs"}, {"id"}),
    (200, {c.header for c in EVENTS}, set()),
])
def test_tables_layout_chooses_columns_by_priority(width, shown, not_shown):
    widths = _events_layout(width)
    assert shown <= set(widths) and not (not_shown & set(widths))
    assert sum(widths.values()) + SEP * (len(widths) - 1) <= width
    assert widths["day"] == 10  # the date is never cut


def test_tables_layout_gives_the_required_columns_their_minimum_first():
    cols = (Column("a", str, min=10, want=30, cap=60), Column("b", str, priority=1, min=10, cap=10))
    assert layout(cols, [60, 10], 40) == {0: 40}            # b would squeeze a below its comfortable width
    assert layout(cols, [60, 10], 60) == {0: 48, 1: 10}
