"""Implied targets of domestic acts (setting implied_targets; eventing/domestic.py)."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract.eventing.domestic import is_domestic


def _coded(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None, bool]]:
    result = pipeline.process(text, published="2026-03-02")
    out = []
    for e in result.facts.events:
        if e.root_code == "01":
            continue
        tgt = e.target
        if tgt is not None and tgt.start is not None:
            assert text[tgt.start:tgt.end] == tgt.text
            assert e.evidence.start <= tgt.start and tgt.end <= e.evidence.end  # the target's words are evidence
        out.append((e.code, tgt.text if tgt else None, tgt.country if tgt else None, e.rule.endswith("+implied-target")))
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("Egyptian demonstrators rioted on Friday.", [("145", "Egyptian", "EGY", True)]),
    ("The Kenyan government imposed a curfew on Monday.", [("1723", "Kenyan", "KEN", True)]),
    ("Kenyan President Daniel Mwangi refused to resign on Monday.", [("124", "Kenyan", "KEN", True)]),
    # a named target stays; no country named, or an act aimed at others by nature: nothing implied
    ("Kenyan teachers protested against Tanzania's decision on Monday.", [("141", "Tanzania", "TZA", False)]),
    ("Demonstrators rioted on Friday.", [("145", None, None, False)]),
    ("Kenyan troops attacked on Monday.", [("190", None, None, False)]),
])
def test_events_domestic_implied_targets(pipeline: Pipeline, text: str, expected: list[tuple]) -> None:
    assert _coded(pipeline, text) == expected


def test_events_domestic_setting_off(with_settings) -> None:
    off = with_settings(implied_targets=False)
    assert _coded(off, "Egyptian demonstrators rioted on Friday.") == [("145", None, None, False)]


@pytest.mark.parametrize(("code", "domestic"), [
    ("141", True), ("1723", True), ("0811", True), ("124", True), ("1324", True),
    ("173", False), ("175", False), ("190", False), ("120", False), ("081", False),
])
def test_events_domestic_codes(code: str, domestic: bool) -> None:
    assert is_domestic(code) is domestic
