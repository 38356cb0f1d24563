"""The one-article view: finding the evidence's sentence again, escaping markdown."""

from __future__ import annotations

import pytest

from diurna.render import md, sentence_around

TEXT = 'Gondor met Rohan. "We stand together," Eowyn said. Mr Elessar left.\nArnor stayed'


@pytest.mark.parametrize(("part", "sentence"), [
    ("met", "Gondor met Rohan."),
    ("Eowyn said", '"We stand together," Eowyn said.'),
    ("stand", '"We stand together," Eowyn said.'),
    ("Elessar", "Mr Elessar left."),
    ("Arnor", "Arnor stayed"),               # no full stop at the end of the text
    ("Rohan. \"We", 'Gondor met Rohan. "We stand together," Eowyn said.'),  # a span over two sentences
])
def test_render_sentence_around(part, sentence):
    start = TEXT.index(part)
    found, s, e = sentence_around(TEXT, start, start + len(part))
    assert found == sentence
    assert found[s:e] == part


@pytest.mark.parametrize(("text", "expected"), [
    ("plain words", "plain words"),
    ("a *starred* [link]", r"a \*starred\* \[link\]"),
    ("two\nlines", "two lines"),
])
def test_render_md_escapes(text, expected):
    assert md(text) == expected
