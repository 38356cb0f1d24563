"""HTML to text with trafilatura (the main extractor), keeping its metadata."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import E009, DiurnaError


@dataclass(frozen=True, slots=True)
class HtmlText:
    text: str
    title: str | None
    published: str | None
    publisher: str | None
    url: str | None


def html_to_text(html: str, *, url: str | None, origin: str) -> HtmlText:
    import trafilatura  # imported here: plain-text runs never pay for it

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=False,
    )
    if doc is None or not (doc.text or "").strip():
        raise DiurnaError(E009, f"{origin}: no article text found in the HTML")
    # trafilatura separates paragraphs with single newlines; diurna uses blank lines.
    text = "\n\n".join(line for line in doc.text.split("\n") if line.strip())
    return HtmlText(
        text=text,
        title=(doc.title or None),
        published=(doc.date or None),
        publisher=(doc.sitename or None),
        url=(doc.url or url),
    )
