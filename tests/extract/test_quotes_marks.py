"""Quotation-mark pairing (diurna.extract.quoting.marks): pure text, no model."""

from __future__ import annotations

import pytest

from diurna.extract.quoting.marks import scan


def _inner(text: str, depth: int = 0) -> list[str]:
    return [text[m.inner[0]:m.inner[1]] for m in scan(text) if m.depth == depth]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', ["we will win"]),
        ("He said \u201cwe will win\u201d today.", ["we will win"]),
        ("He said \u2018we will win\u2019 today.", ["we will win"]),
        ("He said 'we will win' today.", ["we will win"]),
        ("Il a dit \u00abnous gagnerons\u00bb hier.", ["nous gagnerons"]),
        ("''It is over,'' Mr. Halvard said.", ["It is over,"]),
        ("``It is over,'' Mr. Halvard said.", ["It is over,"]),
        # a lone backtick opens a typewriter single quote (it once crashed the scanner)
        ("They held the `Unity March' rally.", ["Unity March"]),
        ("A stray ` backtick pairs with nothing.", []),
        ('"One," she said, "two."', ["One,", "two."]),
        ("\u201cA. B. C.\u201d", ["A. B. C."]),
        # apostrophes, possessives, elisions and primes are not quotes
        ("Arnor's king didn't come in the '90s.", []),
        ("The voters\u2019 choice was clear.", []),
        ("Gondor\u2019s army and Rohan\u2019s riders rode out.", []),
        ("He is 6'2\" tall.", []),
        # an unpaired mark pairs with nothing
        ("He said \u201cwe will win and left.", []),
        ("No quotes at all here.", []),
    ],
)
def test_marks_scan_outer(text: str, expected: list[str]) -> None:
    assert _inner(text) == expected


def test_marks_scan_nested() -> None:
    text = "\u201cHe told me \u2018never again\u2019 and left,\u201d she said."
    assert _inner(text) == ["He told me \u2018never again\u2019 and left,"]
    assert _inner(text, depth=1) == ["never again"]


def test_marks_scan_multi_paragraph() -> None:
    text = "\u201cWe came to talk.\n\n\u201cAnd we will stay,\u201d the envoy said."
    (m,) = scan(text)
    assert m.paragraphs == 2
    assert text[m.inner[0]:m.inner[1]] == "We came to talk.\n\n\u201cAnd we will stay,"


def test_marks_scan_paragraph_without_continuation_is_dropped() -> None:
    # an opening mark left open at a paragraph end, next paragraph not quoted: no quote
    text = "\u201cWe came to talk.\n\nThe envoy left."
    assert scan(text) == ()


def test_marks_offsets_index_the_text() -> None:
    text = 'x "abc" y \u201cdef\u201d'
    for m in scan(text):
        assert text[m.open] in "\"\u201c" and text[m.close] in "\"\u201d"
        assert m.end == m.close + 1
