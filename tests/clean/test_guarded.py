"""clean/guarded.py: shared leading guards split off, the same answers as a plain search."""

from __future__ import annotations

import re

import pytest

from diurna.clean import boilerplate, guarded


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"^(?!.*\bsaid\b)subscribe now", ((r".*\bsaid\b",), "subscribe now")),
        (r'^(?![^"“”]*["“”])(?!.*\b(?:said|told)\b).*inbox', (('[^"“”]*["“”]', r".*\b(?:said|told)\b"), ".*inbox")),
        (r"^(?![)(|]*x)(?:a|b)c", (("[)(|]*x",), "(?:a|b)c")),  # brackets and bars inside a class
        (r"^(?![]x]+)y", (("[]x]+",), "y")),  # a leading ] is a class member
        (r"^(?!\(x\))y", ((r"\(x\)",), "y")),  # escaped parentheses
        # shapes that are searched as they are
        (r"^(?!.*said)a|b", None),  # the guard covers `a` alone
        (r"subscribe now", None),
        (r"^subscribe (?!now)", None),
        (r"(?!.*said)^a", None),
        (r"^(?!(a))(b)\1", None),  # a backreference counts groups across the split
        (r"^(?!.*said", None),  # unclosed
    ],
)
def test_guarded_split_guards(source: str, expected: tuple[tuple[str, ...], str] | None) -> None:
    assert guarded.split_guards(source) == expected


LINES = [
    "Sign up for our newsletter: the best stories straight to your inbox.",
    "The newsletter went straight to your inbox, the minister said.",
    '"Subscribe to continue reading," the editor told readers.',
    "Subscribe to continue reading.",
    "Thank you for reading.",
    "Officials thanked voters for reading the new guidance, the commission said.",
    "We use cookies to improve your experience.",
    "Copyright 2026 Gondor Herald. All rights reserved.",
    "Rohan's army crossed the river on Tuesday.",
    "",
]


@pytest.mark.parametrize("line", LINES + [e for r in boilerplate.rules() for e in (*r.examples, *r.counter_examples)])
def test_guarded_search_any_as_plain_search(line: str) -> None:
    """Every rule of boilerplate.yaml answers as `any(p.search(line))` would, with one
    memo shared across the rules as the classifier shares it."""
    memo: guarded.Memo = {}
    for rule in boilerplate.rules():
        assert rule.plan, rule.reason
        assert guarded.search_any(rule.plan, line, memo) == any(p.search(line) for p in rule.patterns), rule.reason


@pytest.mark.parametrize(
    ("patterns", "line", "found"),
    [
        ([r"^(?!.*\bsaid\b)subscribe", r"^(?!.*\bsaid\b)sign up"], "Sign up today", True),
        ([r"^(?!.*\bsaid\b)subscribe", r"^(?!.*\bsaid\b)sign up"], "Sign up, he said", False),
        ([r"^(?!.*\bsaid\b)subscribe", r"\bsaid\b"], "Subscribe, he said", True),  # the plain one finds it
        ([r"^(?!.*\bsaid\b)a|b"], "said b", True),
        ([r"^(?!x)y"], "xy", False),
    ],
)
def test_guarded_plan_groups_by_guards(patterns: list[str], line: str, found: bool) -> None:
    compiled = [re.compile(p, re.I) for p in patterns]
    plan = guarded.built(guarded.layout(patterns), re.I, {})
    assert guarded.search_any(plan, line, {}) is found
    assert any(p.search(line) for p in compiled) is found
