"""No lost documents on fragments (issue 18): 26 shapes of a story as people paste or
export it (one HTML paragraph, unclosed or upper-case tags, a cell of a table, text with
CRLF, a BOM, a Markdown or capitals headline, a line without a full stop, bullets...),
each through five routes (a file, stdin, a JSONL record, a CSV row, an RSS item): 130
documents, every one processed through the whole pipeline with its story sentence kept.
Records carry messy titles (kept as given, trimmed) and free-form dates (read at their
precision, or left out with a W001 warning). Complements test_read_lost_documents.py,
whose 104 records vary the date and the file format over whole two-paragraph stories."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import textwrap
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import pytest

from diurna.model import ErrorResult
from diurna.read import read_paths

# Our own sentences: invented countries, towns and people.
A = ("Caldria's interior minister Petra Lunde said on Monday that the curfew in the port "
     "town of Ossel would be lifted once the flooding had receded.")
B = "Aid groups said more than 3,000 families had left their homes along the Varn river since Friday."
C = "Pellmark sent two army engineering units to rebuild the bridges at Ossel and Tarn, its defence ministry said."
Q = "We will not leave anyone behind, and we will stay until the water is gone."
AMP = "The Lunde & Hale report, written for the ministry, called the “river plan” too slow by half."
FRAGMENT = "Caldria and Pellmark agree to reopen the Tarn crossing for aid convoys"
HEADLINE = "Ossel floods: curfew to end as waters recede"

# name -> (content, the sentence that must survive cleaning, the headline a reader sees or None)
SHAPES: dict[str, tuple[str, str, str | None]] = {
    "p": (f"<p>{A}</p>", A, None),
    "div": (f"<div>{A} {B}</div>", A, None),
    "br-lines": (f"{A}<br>{B}<br/>", A, None),
    "two-p": (f"<p>{A}</p>\n<p>{B}</p>", B, None),
    "article-h2": (f"<article><h2>{HEADLINE}</h2><p>{A}</p><p>{C}</p></article>", C, None),
    "span": (f"<span>{A}</span>", A, None),
    "entities": (f"<p>{html.escape(AMP)}&nbsp;{A}</p>", AMP, None),
    "numeric-refs": ("<p>" + AMP.replace("“", "&#8220;").replace("”", "&#x201D;").replace("&", "&amp;", 1)
                     + "</p>", AMP, None),
    "blockquote": (f"<blockquote><p>“{Q}”</p></blockquote><p>{A}</p>", A, None),
    "unclosed": (f"<p>{A}<p>{B}", A, None),
    "upper-tags": (f"<P>{A}</P><P>{B}</P>", A, None),
    "comment": (f"<!-- saved from a news site --><p>{A}</p>", A, None),
    "script-style": (f"<p>{A}</p><script>window.dataLayer=[];</script><style>p{{color:red}}</style>", A, None),
    "table-cell": (f"<table><tr><td>{A}<br><br>{B}</td></tr></table>", A, None),
    "inline-only": (f"<p><em>{A}</em> <strong>{B}</strong></p>", A, None),
    "minimal-page": (f"<html><head><title>{HEADLINE}</title></head><body><p>{A}</p><p>{B}</p></body></html>", A,
                     HEADLINE),
    "one-line": (A, A, None),
    "no-full-stop": (f"{FRAGMENT}\n\n{A}", A, None),
    "crlf": (f"{A}\r\n\r\n{B}\r\n", A, None),
    "markdown-title": (f"# {HEADLINE}\n\n{A}\n\n{B}\n", A, HEADLINE),
    "hard-wrapped": (textwrap.fill(f"{A} {B}", 60) + "\n\n" + textwrap.fill(C, 60), C, None),
    "bom-tabs": (f"\ufeff{A}\t{B}", A, None),
    "capitals-headline": (f"{HEADLINE.upper()}\n\n{A}\n\n{C}", A, None),
    "blank-padding": (f"  \n\n  {A}  \n\n\n", A, None),
    "bullets": (f"- {A}\n- {B}\n- {C}", A, None),
    "only-a-fragment": (FRAGMENT, FRAGMENT, None),
}
NAMES = tuple(SHAPES)

# Record titles as exports have them; each is kept, trimmed.
TITLES = (
    "Caldria’s curfew to end — officials",
    "  Ossel floods: day four  ",
    "UPDATE 2-Pellmark sends engineers to Ossel",
    "Q&A: what the Tarn crossing deal means",
    "LIVE: Varn river levels fall",
    'Minister says "no one left behind"',
    "Floods in Ossel 🌊 — the latest",
    "2026",
)
# (published as the record gives it, what `published` becomes, whether W001 is expected)
DATES: tuple[tuple[Any, str | None, bool], ...] = (
    ("2026-03-05T14:02:11.000Z", "2026-03-05", False),
    ("Thu, 05 Mar 2026 14:02:11 +0000", "2026-03-05", False),
    ("Thursday, March 5, 2026", "2026-03-05", False),
    ("5 March 2026", "2026-03-05", False),
    ("15/03/2026", "2026-03-15", False),
    ("03/15/2026", "2026-03-15", False),
    ("2026-03", "2026-03", False),
    ("Mar 2026", "2026-03", False),
    ("2026", "2026", False),
    (1772748131, "2026-03-05", False),  # epoch seconds
    (1772748131000, "2026-03-05", False),  # epoch milliseconds
    ("Posted 2:02 PM ET", None, True),
    ("n/a", None, True),
    ("", None, False),  # an empty cell: no date, nothing to warn about
)
ROUTES = ("file", "stdin", "jsonl", "csv", "rss")
_SUFFIX = (".html", ".htm", ".txt", ".md", "")
_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def is_html(name: str) -> bool:
    return SHAPES[name][0].lstrip().startswith("<")


def meta(n: int) -> tuple[str, tuple[Any, str | None, bool]]:
    return TITLES[n % len(TITLES)], DATES[n % len(DATES)]


def records() -> list[dict[str, Any]]:
    out = []
    for n, name in enumerate(NAMES):
        title, (given, _, _) = meta(n)
        rec: dict[str, Any] = {"id": name, "title": title, "published": given}
        rec["html" if is_html(name) else "text"] = SHAPES[name][0]
        if n % 3 == 1:  # the names some exports give the same fields
            rec["headline"], rec["date"] = rec.pop("title"), rec.pop("published")
        out.append(rec)
    return out


def write_route(route: str, folder: Path) -> list[str | Path]:
    """The shapes as the route gives them: file paths, or one JSONL, CSV or RSS file."""
    recs = records()
    if route == "file":
        paths: list[str | Path] = []
        for n, name in enumerate(NAMES):
            suffix = (".html", ".htm")[n % 2] if is_html(name) else (".txt", ".md", "")[n % 3]
            path = folder / f"{n:02d}-{name}{suffix}"
            path.write_bytes(SHAPES[name][0].encode("utf-8"))
            paths.append(path)
        return paths
    path = folder / f"export.{route}"
    if route == "jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    elif route == "csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=("id", "title", "headline", "published", "date", "text", "html"))
            writer.writeheader()
            writer.writerows(recs)
    else:
        items = "".join(
            f"<item><guid>{name}</guid><title>{xml_escape(title)}</title><pubDate>{xml_escape(str(given))}</pubDate>"
            f"<description><![CDATA[{SHAPES[name][0]}]]></description></item>"
            for name, (title, (given, _, _)) in ((name, meta(n)) for n, name in enumerate(NAMES)))
        path.write_text(f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Caldria Wire</title>'
                        f"{items}</channel></rss>", encoding="utf-8")
    return [path]


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory, pipeline) -> dict[str, list[Any]]:
    """route -> one outcome per shape, in the order of NAMES."""
    settings, out = pipeline.settings, {}
    for route in ROUTES:
        if route == "stdin":
            items = [i for name in NAMES
                     for i in read_paths(["-"], settings, stdin=io.BytesIO(SHAPES[name][0].encode("utf-8")))]
        else:
            items = list(read_paths(write_route(route, tmp_path_factory.mktemp(route)), settings))
        out[route] = list(pipeline.process_many(items))
    return out


def test_read_messy_fragments_none_of_130_lost(outcomes):
    lost = {route: [(NAMES[k] if k < len(NAMES) else k, o.error.code) for k, o in enumerate(outs)
                    if isinstance(o, ErrorResult)] for route, outs in outcomes.items()}
    assert sum(len(outs) for outs in outcomes.values()) == len(ROUTES) * len(NAMES) >= 100
    assert {route: got for route, got in lost.items() if got} == {}
    assert all(len(outs) == len(NAMES) for outs in outcomes.values())


@pytest.mark.parametrize("route", ROUTES)
def test_read_messy_fragments_story_sentence_kept(outcomes, route):
    missing = [name for name, out in zip(NAMES, outcomes[route])
               if isinstance(out, ErrorResult) or norm(SHAPES[name][1]) not in norm(out.document.text)]
    assert missing == []


@pytest.mark.parametrize("route", ("jsonl", "csv", "rss"))
def test_read_messy_fragments_record_titles_kept(outcomes, route):
    got = [out.document.title for out in outcomes[route]]
    assert got == [meta(n)[0].strip() for n in range(len(NAMES))]


@pytest.mark.parametrize("route", ("file", "stdin"))
def test_read_messy_fragments_page_headlines(outcomes, route):
    """A page's own headline (a <title>, a Markdown heading) becomes its title, "# " left out."""
    for name, out in zip(NAMES, outcomes[route]):
        if SHAPES[name][2] is not None:
            assert out.document.title == SHAPES[name][2], name


@pytest.mark.parametrize("route", ("jsonl", "csv", "rss"))
def test_read_messy_fragments_dates_and_warnings(outcomes, route):
    for n, (name, out) in enumerate(zip(NAMES, outcomes[route])):
        given, expected, warned = meta(n)[1]
        if route == "rss" and given == "":
            warned = False  # an empty <pubDate> is no date, as an empty cell
        assert out.document.published == expected, (route, name, given)
        assert [w.code for w in out.document.warnings] == (["W001"] if warned else []), (route, name, given)
