"""The edges of an HTML page's text: what an extractor took from around the story.

On pages without a clear article element (a table CMS, div soup) the extractor returns
the page's furniture with the story: menu items, a "Weather" box, "Email this story",
"Other headlines" and their links. The story runs from the title (or the first prose
paragraph) to the last prose paragraph; the short lines before the title and the
lines that are no sentence after the last prose paragraph are furniture, and so are
lines of nothing but separators ("|", "·"), and a paragraph that is one of the page's
links (a menu item, another story's headline).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import Removed
from .blocks import Block, is_prose
from .boilerplate import sentence_key
from .mapped import MappedText

_NO_WORD = re.compile(r"^[\W_]*$")


def trim_page_edges(paras: list[MappedText], title: str | None, links: frozenset[str],
                    removed: list[Removed], furniture: Mapping[str, str] | None = None) -> list[MappedText]:
    """`paras` without the page furniture around the story; what goes is added to `removed`.
    `links`: the page's blocks that are all link text; one standing as a paragraph of
    its own without a full stop is a menu item or another story's headline.
    `furniture`: the page's short blocks that are furniture on their own, and why (photo
    captions by their markup, blocks.Block.is_caption, whose words alone read as story;
    prompts by rule). The extractor keeps a caption as a paragraph, or glues a caption
    or a prompt to the start or end of the story paragraph next to it (div soup)."""
    furniture = furniture or {}
    kept = []
    for para in paras:
        if _NO_WORD.match(para.text):
            removed.append(Removed(text=para.text, reason="navigation"))
        elif para.text in links and not para.text.endswith("."):
            removed.append(Removed(text=para.text, reason="related-link"))
        else:
            para = _unglued(para, furniture, removed)
            reason = furniture.get(para.text)
            if reason is not None:  # a caption kept whole, or what is left once others came off
                removed.append(Removed(text=para.text, reason=reason))
            else:
                kept.append(para)
    prose = [n for n, p in enumerate(kept) if is_prose(Block(p.text, 0))]
    if not prose:
        return kept
    start = 0
    key = sentence_key(title) if title else ""
    for n in range(prose[0]):
        if key and sentence_key(kept[n].text) == key:
            start = n  # the title stays here; the clean stage takes it out as the title
    removed += [Removed(text=p.text, reason="navigation") for p in kept[:start]]
    removed += [Removed(text=p.text, reason="page-footer") for p in kept[prose[-1] + 1:]]
    return kept[start:prose[-1] + 1]


def _unglued(para: MappedText, furniture: Mapping[str, str], removed: list[Removed]) -> MappedText:
    """The paragraph without the furniture blocks glued to its start or end."""
    if len(para.text) > 20_000:
        return para
    for _ in range(4):  # a caption and a prompt may both be glued on
        for piece, reason in furniture.items():
            if len(para.text) <= len(piece) + 1:
                continue
            if para.text.startswith(piece + " "):
                para = para.slice(len(piece) + 1)
            elif para.text.endswith(" " + piece):
                para = para.slice(0, len(para.text) - len(piece) - 1)
            else:
                continue
            removed.append(Removed(text=piece, reason=reason))
            break
        else:
            return para
    return para
