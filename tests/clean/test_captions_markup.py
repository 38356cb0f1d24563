"""Photo captions known by their markup (blocks.Block.is_caption) and furniture blocks the
extractor glued to a story paragraph (edges.trim_page_edges with `furniture`)."""

from __future__ import annotations

import pytest

from diurna.clean import clean
from diurna.clean.blocks import Block, blocks
from diurna.clean.edges import trim_page_edges
from diurna.clean.mapped import MappedText
from diurna.model import RawDocument, Removed
from diurna.settings import Settings

S1 = "Rebels in the hills of Ered Luin released twelve hostages on Tuesday, the mediators said."
S2 = "The release followed three weeks of talks in Bree, which the Gondor envoy had chaired."
S3 = "Families of the hostages gathered outside the town hall to wait for the buses."
S4 = "A second round of talks is planned for next month, officials in Bree said."
CAPTION = "Mayor Oskar Feld greets the released hostages at the airport."


def _blocks(body: str) -> list[Block]:
    return blocks(f"<html><body>{body}</body></html>", furniture=True)


@pytest.mark.parametrize("body,caption", [
    (f"<figure><img src='a.jpg'><figcaption>{CAPTION}</figcaption></figure>", True),
    (f"<div class='x1'><img src='a.jpg'><span class='x2'>{CAPTION}</span></div>", True),    # div soup
    (f"<td>{S1}<br><br><i>{CAPTION}</i><br><br>{S2}</td>", True),                          # old table CMS
    (f"<p><em>{CAPTION}</em></p>", True),
    (f"<p class='amp-caption'>{CAPTION}</p>", True),                                        # a class saying so
    (f"<div class='wp-caption'><img src='a.jpg'><p class='wp-caption-text'>{CAPTION}</p></div>", True),
    # negative cases: story text
    (f"<p>{CAPTION}</p>", False),
    (f"<p>{S1} <i>Ered Luin</i> is a remote district.</p>", False),                       # some words in italics
    (f"<div><img src='a.jpg'><p>{S1} {S2} {S3} {S4}</p></div>", False),                   # long: story beside an image
    (f"<div><img src='a.jpg'><a href='/x'>{CAPTION}</a></div>", False),                   # a linked teaser
    (f"<p><img src='a.jpg' align='left'>{CAPTION}</p>", False),                             # a picture floated into a paragraph
    (f"<div>{CAPTION} <img src='icon.png'></div>", False),                                  # an icon after the text
    (f"<p class='capital-city'>{CAPTION}</p>", False),                                      # a class word that is no caption
])
def test_captions_markup_is_caption(body, caption):
    found = [b for b in _blocks(body) if CAPTION in b.text] or [b for b in _blocks(body) if S1 in b.text]
    assert found and found[0].is_caption is caption


def _para(text: str) -> MappedText:
    return MappedText.copied(text, 0)


@pytest.mark.parametrize("paras,furniture,kept,gone", [
    # a caption glued to the start of the story paragraph after it
    ([S1, f"{CAPTION} {S2}", S3], {CAPTION: "photo-caption"}, [S1, S2, S3], [("photo-caption", CAPTION)]),
    # a prompt glued to the end of one, and a caption kept whole as a paragraph
    ([S1, f"{S2} Listen to our podcast on Spotify", CAPTION, S3],
     {"Listen to our podcast on Spotify": "app-prompt", CAPTION: "photo-caption"},
     [S1, S2, S3], [("app-prompt", "Listen to our podcast on Spotify"), ("photo-caption", CAPTION)]),
    # a caption and a prompt glued together: both go
    ([S1, f"{CAPTION} Subscribe to the Ledger", S2],
     {CAPTION: "photo-caption", "Subscribe to the Ledger": "subscribe-prompt"}, [S1, S2],
     [("photo-caption", CAPTION), ("subscribe-prompt", "Subscribe to the Ledger")]),
    # negative cases: a furniture text inside a sentence, or no furniture at all
    ([S1, f"Officials said {CAPTION[:-1]} and left.", S3], {CAPTION: "photo-caption"},
     [S1, f"Officials said {CAPTION[:-1]} and left.", S3], []),
    ([S1, S2, S3], {}, [S1, S2, S3], []),
])
def test_captions_markup_unglued(paras, furniture, kept, gone):
    removed: list[Removed] = []
    out = trim_page_edges([_para(p) for p in paras], None, frozenset(), removed, furniture)
    assert [p.text for p in out] == kept
    assert sorted((r.reason, r.text) for r in removed) == sorted(gone)


def test_captions_markup_clean_removes_them_from_pages():
    html = ("<html><head><title>Hostages freed in Ered Luin</title></head><body><div id='app'>"
            f"<h1 class='a9'>Hostages freed in Ered Luin</h1><div class='k2'>{S1}</div>"
            f"<div class='k3'><img src='/p.webp'><span class='k4'>{CAPTION}</span></div>"
            f"<div class='k2'>{S2}</div><div class='k2'>{S3}</div><div class='k2'>{S4}</div></div></body></html>")
    doc = clean(RawDocument(index=0, content=html, kind="html", origin="t"), Settings())
    assert CAPTION not in doc.text
    assert all(s in doc.text for s in (S1, S2, S3, S4))
