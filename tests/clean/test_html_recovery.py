"""HTML fragments and pages trafilatura under-delivers on: the page's own prose blocks
fill in (the cascade); pages without prose still give E009, and blocks trafilatura
rightly left out (navigation, footers, link lists, prompts) are not brought back."""

from __future__ import annotations

import json

import pytest

from diurna.clean.blocks import Block, blocks, is_prose
from diurna.clean.html import missing_prose
from diurna.evaluate.clean import clean_one
from diurna.model import Document, ErrorResult
from diurna.read import read_jsonl_lines, read_texts

STORY = "Protesters clashed with police in central Edoras on Tuesday, leaving twelve people hurt, the ministry said."
SECOND = "Officials in Minas Tirith said the curfew would stay in force until the weekend."

FRAGMENTS = [
    f"<p>{STORY}</p>",
    f"<p>{STORY}</p>\n",
    f"<div>{STORY}</div>",
    f"<p>{STORY}</p><p>{SECOND}</p>",
    f"{STORY}<br><br>{SECOND}<br>",
    f'<p>{STORY[:40]}<a href="/x">{STORY[40:70]}</a>{STORY[70:]}</p>',
    f"<article><p>{STORY.replace(',', ' &amp;', 1)}</p></article>",
    f"<html><body><p>{STORY}</p></body></html>",
]


def _outcome(item: dict[str, str], settings) -> Document | ErrorResult:
    return clean_one(next(iter(read_texts([item]))), settings)


@pytest.mark.parametrize("html", FRAGMENTS)
def test_html_recovery_fragment_is_processed(html, settings):
    doc = _outcome({"html": html}, settings)
    assert isinstance(doc, Document), doc
    assert "Protesters clashed with police" in doc.text and "ministry said." in doc.text
    if SECOND in html:
        assert SECOND in doc.text and doc.text.index(SECOND) > doc.text.index("ministry said")


def test_html_recovery_fragment_in_jsonl_and_offsets_point_at_source(settings):
    html = f"<p>{STORY}</p>"
    raw = next(iter(read_jsonl_lines([json.dumps({"id": "f1", "html": html})])))
    doc = clean_one(raw, settings)
    assert isinstance(doc, Document) and doc.id == "f1" and doc.text == STORY
    text_start, source_start, length = doc.offset_map[0]
    assert html[source_start:source_start + length] == STORY[text_start:text_start + length]


@pytest.mark.parametrize("html", [
    "<html><body><script>var story = 'Protesters clashed with police.';</script></body></html>",
    "<html><head><title>Loading</title></head><body><noscript>Please enable JavaScript.</noscript></body></html>",
    "<p>Subscribe to our newsletter for the day's top stories.</p><p>We use cookies to improve your visit.</p>",
    "<footer><p>The Herald is published by Herald Media Ltd of Edoras.</p></footer>",
])
def test_html_recovery_no_prose_is_still_e009(html, settings):
    outcome = _outcome({"html": html}, settings)
    assert isinstance(outcome, ErrorResult) and outcome.error.code == "E009"


def test_html_recovery_adds_nothing_when_trafilatura_delivers():
    paras = "".join(f"<p>{STORY} Paragraph {n} goes on with more detail from the scene.</p>" for n in range(8))
    html = (f"<html><body><article><h1>Clashes in Edoras</h1>{paras}</article>"
            "<div><p>The Herald is an independent newspaper founded in Edoras in 1921.</p></div></body></html>")
    extracted = "\n".join(f"{STORY} Paragraph {n} goes on with more detail from the scene." for n in range(8))
    assert missing_prose(blocks(html), extracted) == []


def test_html_recovery_table_cell_with_br_paragraphs():
    cell = "<br><br>".join(f"Paragraph {n}: {STORY}" for n in range(4))
    html = f'<table><tr><td><a href="/">Home</a></td></tr><tr><td class="x1">{cell}</td></tr></table>'
    found = missing_prose(blocks(html), "")
    assert found == [f"Paragraph {n}: {STORY}" for n in range(4)]


@pytest.mark.parametrize("block,prose", [
    (Block(STORY, 0), True),
    (Block("He declined to comment.", 0), True),
    (Block("Clashes in Edoras", 0), False),                 # a headline
    (Block("Home World Africa Business.", 27), False),      # a link list
    (Block("Ok.", 0), False),
    (Block("EDORAS POLICE SAY TWELVE HURT.", 0), False),      # no lower case: a heading or a strap
])
def test_html_recovery_is_prose(block, prose):
    assert is_prose(block) is prose


def test_html_recovery_blocks_skip_furniture_classes_but_not_body():
    html = (f'<body class="single has-sidebar"><div class="site-header"><p>{SECOND}</p></div>'
            f'<div class="a8f3k"><p>{STORY}</p></div><div role="navigation"><p>{SECOND}</p></div></body>')
    assert [b.text for b in blocks(html)] == [STORY]
