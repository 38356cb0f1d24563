"""Page titles (the headline shown, site names cut) and the furniture at the edges of
an extractor's text (menus before the title, link lists and footers after the story)."""

from __future__ import annotations

import json

import pytest

from diurna.clean import clean
from diurna.clean.blocks import blocks
from diurna.clean.edges import trim_page_edges
from diurna.clean.mapped import MappedText
from diurna.clean.titles import page_title, tidy
from diurna.model import RawDocument

HEAD = "Gondor and Arnor sign river pact"
STORY = "<p>Gondor and Arnor signed a river pact in Osgiliath on Tuesday, officials in both capitals said.</p>"
LD = json.dumps({"@type": "NewsArticle", "headline": HEAD, "publisher": {"@type": "Organization", "name": "Herald Online"}})


def _title(head: str, body: str = STORY) -> str | None:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return page_title(html, blocks(html), None)


@pytest.mark.parametrize("head,body,want", [
    # og:title with the site name, confirmed by the h1
    (f'<title>{HEAD} | Herald Online</title><meta property="og:title" content="{HEAD} - Herald Online">',
     f"<h1>{HEAD}</h1>{STORY}", HEAD),
    # a single-page app: <title> is the site, the headline is in JSON-LD and the h1
    (f'<title>Herald Online</title><script type="application/ld+json">{LD}</script>', f"<h1>{HEAD}</h1>{STORY}", HEAD),
    # JSON-LD alone, with the site name known from its publisher
    (f'<title>Herald Online</title><script type="application/ld+json">{LD}</script>', STORY, HEAD),
    # og:title with og:site_name, no h1
    (f'<meta property="og:site_name" content="Herald Online"><meta property="og:title" content="{HEAD} | Herald Online">',
     STORY, HEAD),
    # a table CMS: "<site> | <section>" is no title; the bold headline before the story is
    ("<title>Herald Online | Business</title>", f"<table><tr><td><font size=4><b>{HEAD}</b></font><br>{STORY}</td></tr></table>",
     HEAD),
    ("<title>Herald Online | Business | " + HEAD + "</title>", f"<b>{HEAD}</b>{STORY}", HEAD),
    # a print view
    (f"<title>Print: {HEAD} | Herald Online</title>", f"<h2>{HEAD}</h2>{STORY}", HEAD),
    ("<title>Herald Online - Printer Friendly Version</title>", f"<h2>{HEAD}</h2>{STORY}", HEAD),
    # a title's own dash stays when only the site's name is cut
    ('<meta property="og:site_name" content="Herald Online"><title>Biden - Putin talks end | Herald Online</title>',
     STORY, "Biden - Putin talks end"),
    # without a site name, the longest part of <title>
    ("<title>Gondor and Arnor sign river pact - The Courier</title>", STORY, HEAD),
    # the site's logo h1 is not the title
    (f'<meta property="og:site_name" content="Herald Online"><title>{HEAD} | Herald Online</title>',
     f"<h1>Herald Online</h1>{STORY}", HEAD),
    # nothing to go on: no title
    ("", STORY, None),
])
def test_titles_page_title(head, body, want):
    assert _title(head, body) == want


@pytest.mark.parametrize("raw,want", [
    ("# Gondor votes", "Gondor votes"),
    ("### Gondor votes", "Gondor votes"),
    ("  Gondor   votes ", "Gondor votes"),
    ("#Gondor trends", "#Gondor trends"),     # a hashtag is not a Markdown heading
    ("C# developers strike", "C# developers strike"),
    ("#", "#"),
    (None, None),
])
def test_titles_tidy(raw, want):
    assert tidy(raw) == want


def test_titles_markdown_heading_of_a_text_page(settings):
    text = "# Gondor and Arnor sign river pact\n\nGondor and Arnor signed a river pact on Tuesday, officials said.\n"
    doc = clean(RawDocument(0, text, "text"), settings)
    assert doc.title == "Gondor and Arnor sign river pact" and "#" not in doc.text


def _paras(*texts: str) -> list[MappedText]:
    return [MappedText.unmapped(t) for t in texts]


def test_edges_trim_menu_before_title_and_links_after_story():
    story = ["Gondor and Arnor signed a river pact on Tuesday, officials said.", "Talks will resume in May, they added."]
    paras = _paras("Home", "|", "Weather", "Partly cloudy, 24C", HEAD, *story, "Email this story", "Other headlines",
                   "Floods force thousands from their homes?")
    removed: list = []
    kept = trim_page_edges(paras, HEAD, frozenset({"Floods force thousands from their homes?"}), removed)
    assert [p.text for p in kept] == [HEAD, *story]
    assert {r.reason for r in removed} == {"navigation", "page-footer", "related-link"}


def test_edges_keep_story_subheadings_and_a_linked_sentence():
    paras = _paras("Gondor and Arnor signed a river pact on Tuesday, officials said.", "What comes next",
                   "The pact was signed in Osgiliath.", "Talks will resume in May, they added.")
    removed: list = []
    kept = trim_page_edges(paras, HEAD, frozenset({"The pact was signed in Osgiliath."}), removed)
    assert kept == paras and removed == []


def test_edges_nothing_trimmed_without_prose():
    paras = _paras("Gondor votes", "Results at nine")
    assert trim_page_edges(paras, None, frozenset(), []) == paras
