"""Bad input: a coded error with a hint or a clean result, the batch goes on, and
nothing goes quadratic (time-bounded)."""

from __future__ import annotations

import time

import pytest

from diurna.clean import clean
from diurna.errors import DiurnaError
from diurna.evaluate.clean import clean_one
from diurna.model import Document, ErrorResult, RawDocument
from diurna.read import read_texts


@pytest.mark.parametrize("text", [
    "word " * 400_000,                  # a single 2 MB line
    "Ab said. " * 230_000,              # 2 MB of tiny sentences on one line
    "(" * 2_000_000,                    # pathological punctuation
    "By " + "Abc " * 500_000,           # a byline prefix that never ends
    "Photo: " + "x" * 2_000_000,        # a credit prefix that never ends
    "— " * 1_000_000,
])
def test_clean_bad_input_single_2mb_line_is_linear(text, settings):
    settings = settings.replace(max_chars=3_000_000)
    start = time.perf_counter()
    doc = clean(RawDocument(0, text, "text"), settings)
    assert time.perf_counter() - start < 8.0  # generous on a loaded 2-core box; quadratic would take minutes
    assert len(doc.text) > 1_000_000


def test_clean_bad_input_20mb_text_is_refused_quickly(settings):
    text = "The minister said the talks would resume on Tuesday in Osgiliath.\n" * 300_000
    start = time.perf_counter()
    with pytest.raises(DiurnaError) as err:
        clean(RawDocument(0, text, "text"), settings)
    assert err.value.code == "E004" and "max_chars" in err.value.hint
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize("item,code", [
    ({"text": "   \n\t "}, "E006"),
    ({"html": "<html><body><script>var a = 1;</script></body></html>"}, "E009"),
    ({"html": "<html><body><p>"}, "E009"),
    ({"text": "Subscribe to our newsletter\nShare this article\nADVERTISEMENT"}, "E009"),
    ({"title": "no text at all"}, "E006"),
    ({"text": "Gondor said.", "published": "yesterday-ish"}, None),  # left out with a warning (issue 18)
    ({"text": "Gondor said.", "colour": "red", "published": "2026-03-04"}, None),
    ({"html": "<div><p>Gondor and Arnor signed a pact on Tuesday, officials said.</p><p>Talks go on</div>"}, None),
    ({"text": "Gondor and\x00 Arnor signed a pact on Tuesday."}, None),
])
def test_clean_bad_input_per_document_error_and_batch_goes_on(item, code, settings):
    items = [item, {"text": "Gondor and Arnor signed a water pact on Tuesday, officials said."}]
    outcomes = [clean_one(raw, settings) for raw in read_texts(items)]
    first, second = outcomes
    if code is None:
        assert isinstance(first, Document)
    else:
        assert isinstance(first, ErrorResult) and first.error.code == code and first.error.hint
    assert isinstance(second, Document) and second.index == 1


def test_clean_bad_input_unparseable_page_date_is_ignored(settings):
    html = ("<html><head><meta property='article:published_time' content='not a date'></head><body><article>"
            "<p>Gondor and Arnor signed a pact on Tuesday, officials said.</p></article></body></html>")
    doc = clean_one(next(read_texts([{"html": html}])), settings)
    assert isinstance(doc, Document) and doc.published is None


def test_clean_published_override_wins(settings):
    raw = next(read_texts([{"text": "Updated: 14 March 2026\nGondor said on Friday it would talk.", "published": None}]))
    assert clean(raw, settings).published == "2026-03-14"
    assert clean(raw, settings, published="2026-04-01").published == "2026-04-01"
