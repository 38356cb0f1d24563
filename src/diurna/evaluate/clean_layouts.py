"""Pages in layouts unlike our fixtures, built at evaluation time around the VOA stories.

Five HTML layouts (a WordPress theme, an old table CMS with `<br>` paragraphs in a cell,
a React app with random class names, an AMP page, a print view) and a plain-text copy
of a wire story (datelines in every wire form, a credit closing the last paragraph,
prompts in many wordings). Every piece of a page is labelled: story sentences must be
kept, furniture must go, and the page says what its title (and, for text, dateline
and agency) is. Nothing here is saved: the stories are read from ../shared/data.

Held out: a story's half (dev or test) is fixed by a hash of its id, and a page takes
its furniture wordings from its own half. Test pages take them from
evaluate/data/clean_furniture_fresh_test.yaml alone: wordings written (session 6) by
someone who had not seen the boilerplate patterns, split from the dev ones by a rule
fixed in advance (fresh_half; scripts/split_fresh_furniture.py). The test half of
clean_furniture.yaml is no longer used: the patterns' author had read it. Dev pages take
the dev half of clean_furniture.yaml plus clean_furniture_fresh_dev.yaml (with its
session-7 `dev_extra` wordings, written into dev without the split). Layout
variants (which title tags, which site, paragraphs as <p> or <div>) are drawn per page,
seeded by the story id, so a page is the same in every run.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import json
import random
import string
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from .base import SPLITS, split_of
from .clean_pages import CREDIT, OWN_DATELINE, group_paragraphs, split_sentences

LAYOUTS = ("wordpress", "table-cms", "react-app", "amp", "print-view")
HALVES = SPLITS
_WHO = ("Minister Arlen Vosk", "Governor Talia Brenn", "Mayor Oskar Feld", "Senator Ines Carro")
_NAV = ("Home", "World", "Politics", "Business", "Opinion", "Sport")


@dataclass(frozen=True, slots=True)
class LayoutPage:
    layout: str
    half: str
    kind: str  # "html" or "text"
    content: str
    story: tuple[str, ...]
    noise: tuple[str, ...]
    title: str
    dateline: str | None = None
    agency: str | None = None


def half_of(story_id: str) -> str:
    """dev or test, fixed by a hash of the story id (the evaluate convention, split_of)."""
    return split_of("clean", story_id)


def fresh_half(wording: str) -> str:
    """The half of a fresh furniture wording: test when the lowest bit of
    sha256("clean-fresh:" + wording), read as a number, is 1 (fixed before the wordings
    were written, so no wording was placed by hand)."""
    digest = hashlib.sha256(f"clean-fresh:{wording}".encode("utf-8")).digest()
    return "test" if digest[-1] & 1 else "dev"


def wording_of(category: str, entry: Any) -> str:
    """What a furniture entry is split by: the entry itself when it is a string, else
    the text that appears on a page (a place's dateline name, a dateline's form, a
    credit's text, a site's name)."""
    if isinstance(entry, str):
        return entry
    if category == "places":
        return str(entry[0])
    key = {"datelines": "form", "credits": "text", "sites": "name"}[category]
    return str(entry[key])


def _data(name: str) -> dict[str, Any]:
    return yaml.safe_load(resources.files("diurna.evaluate").joinpath(f"data/{name}").read_text("utf-8"))


@lru_cache(maxsize=1)
def furniture() -> dict[str, dict[str, Any]]:
    """Each half's furniture: dev = the dev half of clean_furniture.yaml + the fresh dev
    file (its split `dev` wordings and its session-7 `dev_extra` ones); test = the fresh
    test file alone."""
    dev, fresh = _data("clean_furniture.yaml")["dev"], _data("clean_furniture_fresh_dev.yaml")
    extra = fresh.get("dev_extra", {})
    return {"dev": {key: [*dev[key], *fresh["dev"].get(key, []), *extra.get(key, [])] for key in dev},
            "test": _data("clean_furniture_fresh_test.yaml")["test"]}


def story_lines() -> list[str]:
    """Dev story sentences that read like prompts (sign up, subscribe, follow...): they
    must stay (clean_lines.py)."""
    return list(_data("clean_furniture_fresh_dev.yaml").get("dev_extra", {}).get("story_lines", []))


PROBES = ("probe", "probe2", "probe3")


def probe(name: str = "probe") -> dict[str, list[str]]:
    """A dev probe: prompts and story lines never fitted on, measured apart. `probe`
    (session 8) was written before the publication-voice classifier was fitted; `probe2`
    (session 9) before its refit with new feature families; `probe3` (session 10) before
    the choice between those two fits, in families neither probe covered."""
    if name not in PROBES:
        raise ValueError(f"unknown probe {name!r}; expected one of {PROBES}")
    found = _data("clean_furniture_fresh_dev.yaml").get(name, {})
    return {"prompts": list(found.get("prompts", [])), "story_lines": list(found.get("story_lines", []))}


@dataclass
class _Kit:
    """What one page is built from: the story, its half's furniture, a seeded rng."""
    rng: random.Random
    f: dict[str, Any]
    story_id: str
    title: str
    author: str
    date: str
    paras: list[list[str]]
    others: list[str]
    site: dict[str, Any]
    noise: list[str]

    def pick(self, key: str) -> str:
        return self.rng.choice(self.f[key])

    def furniture(self, key: str) -> str:
        """A furniture line of this half, recorded as noise."""
        line = self.pick(key).format(who=self.rng.choice(_WHO), t=self.rng.choice(self.others))
        self.noise.append(line)
        return line

    def nav(self) -> list[str]:
        return list(_NAV)

    def cls(self) -> str:
        """A class name that says nothing (CSS-in-JS)."""
        stem = "".join(self.rng.choice(string.ascii_lowercase + string.digits) for _ in range(6))
        return self.rng.choice(("css-", "sc-", "_", "jsx-")) + stem


def build_layout_pages(rec: dict[str, Any], other_titles: list[str]) -> list[LayoutPage]:
    """One page per layout, plus one plain-text copy, for one VOA record."""
    story_id = str(rec["id"])
    half = half_of(story_id)
    sentences = split_sentences(rec["text"])
    k = len(sentences)
    while k > 1 and CREDIT.search(sentences[k - 1]):
        k -= 1  # closing credits are not story
    body = sentences[:k]
    own = OWN_DATELINE.match(body[0]) if body else None
    if own:
        body[0] = body[0][own.end():]
    pages = []
    for layout in (*LAYOUTS, "text-copy"):
        rng = random.Random(f"diurna-clean-layouts:{story_id}:{layout}")
        f = furniture()[half]
        kit = _Kit(rng, f, story_id, rec["title"], rec.get("author") or "Staff Reporter",
                   (rec.get("published") or "2025-01-01")[:10], group_paragraphs(body, rng), other_titles or ["More news"],
                   rng.choice(f["sites"]), [])
        pages.append(_BUILDERS[layout](kit, half))
    return pages


def _story(kit: _Kit) -> tuple[str, ...]:
    return tuple(s for p in kit.paras for s in p)


def _inserts(kit: _Kit, kinds: tuple[str, ...]) -> dict[int, list[tuple[str, str]]]:
    """Furniture to place after paragraph i: (kind, line)."""
    slots: dict[int, list[tuple[str, str]]] = {}
    for kind in kinds:
        slots.setdefault(kit.rng.randrange(max(1, len(kit.paras) - 1)), []).append((kind, kit.furniture(kind)))
    return slots


def _page(kit: _Kit, layout: str, half: str, content: str) -> LayoutPage:
    return LayoutPage(layout, half, "html", content, _story(kit), tuple(kit.noise), kit.title)


e = html_lib.escape


def _wordpress(kit: _Kit, half: str) -> LayoutPage:
    site, sec = kit.site["name"], kit.rng.choice(kit.site["sections"])
    og = kit.rng.choice((f"{kit.title} - {site}", kit.title))
    slots = _inserts(kit, ("prompts", "captions", "prompts"))
    body = []
    for i, p in enumerate(kit.paras):
        body.append(f"<p>{e(' '.join(p))}</p>")
        for kind, line in slots.get(i, []):
            body.append(f'<figure class="wp-block-image size-large"><img src="/wp-content/uploads/{i}.jpg" alt="">'
                        f"<figcaption>{e(line)}</figcaption></figure>" if kind == "captions" else f"<p>{e(line)}</p>")
    related = [kit.furniture("related") for _ in range(3)]
    comment, misc = kit.furniture("comments"), kit.furniture("misc")
    kit.noise += [f"Posted in {sec}", "Leave a Reply", "Proudly powered by WordPress"]
    return _page(kit, "wordpress", half, (
        f'<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>{e(kit.title)} &#8211; {e(site)}</title>'
        f'<meta property="og:type" content="article"><meta property="og:title" content="{e(og)}">'
        f'<meta property="og:site_name" content="{e(site)}"><meta property="article:published_time" content="{kit.date}">'
        f'</head><body class="post-template-default single single-post postid-{kit.story_id} has-sidebar">'
        f'<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Skip to content</a>'
        f'<header id="masthead" class="site-header"><p class="site-title"><a href="/">{e(site)}</a></p>'
        f'<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">'
        + "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in kit.nav()) + "</ul></nav></header>"
        f'<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">'
        f'<article id="post-{kit.story_id}" class="post type-post status-publish hentry category-{sec.lower()}">'
        f'<header class="entry-header"><h1 class="entry-title">{e(kit.title)}</h1><div class="entry-meta">'
        f'<span class="posted-on">Posted on <time class="entry-date published">{kit.date}</time></span>'
        f'<span class="byline"> by <span class="author vcard"><a href="/author/x">{e(kit.author)}</a></span></span>'
        f'</div></header><div class="entry-content">' + "".join(body)
        + '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a href="#">X</a></li>'
        '<li><a href="#">Facebook</a></li></ul></div><div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3>'
        + "".join(f'<p class="jp-relatedposts-post"><a href="/r{n}">{e(t)}</a></p>' for n, t in enumerate(related))
        + f'</div></div><footer class="entry-footer"><span class="cat-links">Posted in <a href="/c">{e(sec)}</a></span>'
        f'</footer></article><div id="comments" class="comments-area"><h2 class="comments-title">One thought on '
        f'&ldquo;{e(kit.title)}&rdquo;</h2><ol class="comment-list"><li class="comment"><article class="comment-body">'
        f'<div class="comment-content"><p>{e(comment)}</p></div></article></li></ol><div id="respond" class="comment-respond">'
        f'<h3 class="comment-reply-title">Leave a Reply</h3><form><p class="comment-notes">Your email address will not be '
        f'published.</p><textarea name="comment"></textarea></form></div></div></main></div>'
        f'<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Recent Posts</h2><ul>'
        + "".join(f'<li><a href="/p{n}">{e(t)}</a></li>' for n, t in enumerate(related[:2]))
        + f'</ul></section></aside></div><footer id="colophon" class="site-footer"><div class="site-info">{e(misc)} '
        f'<a href="https://wordpress.org/">Proudly powered by WordPress</a></div></footer></div></body></html>'))


def _table_cms(kit: _Kit, half: str) -> LayoutPage:
    site, sec = kit.site["name"], kit.rng.choice(kit.site["sections"])
    head_title = kit.rng.choice((f"{site} | {sec}", f"{site} | {sec} | {kit.title}", f"{kit.title} - {site}"))
    slots = _inserts(kit, ("captions", "prompts"))
    cell = []
    for i, p in enumerate(kit.paras):
        cell.append(e(" ".join(p)))
        cell += [f"<i>{e(line)}</i>" if kind == "captions" else e(line) for kind, line in slots.get(i, [])]
    related = [kit.furniture("related") for _ in range(2)]
    misc = kit.furniture("misc")
    year = kit.date[:4]
    kit.noise += [f"Copyright © {year} {site}. All rights reserved.", "Email this story | Printer-friendly version"]
    return _page(kit, "table-cms", half, (
        f'<html><head><title>{e(head_title)}</title><meta name="keywords" content="news"></head>'
        f'<body bgcolor="#ffffff" topmargin="0"><table width="760" border="0" cellpadding="0" cellspacing="0">'
        f'<tr><td colspan="3"><a href="/"><img src="/img/logo.gif" alt="{e(site)}" border="0"></a></td></tr>'
        '<tr><td colspan="3" bgcolor="#003366"><font color="white" size="1">'
        + " | ".join(f'<a href="/{n.lower()}.asp">{n}</a>' for n in kit.nav()) + "</font></td></tr>"
        '<tr><td width="140" valign="top" bgcolor="#eeeeee"><font size="1"><b>Sections</b><br>'
        + "<br>".join(f'<a href="/s{n}.asp">{s}</a>' for n, s in enumerate(kit.site["sections"]))
        + '<br><br><b>Weather</b><br>Partly cloudy, 24C</font></td><td width="10">&nbsp;</td>'
        f'<td valign="top" width="610"><font face="Verdana" size="4"><b>{e(kit.title)}</b></font><br>'
        f'<font size="1">{kit.date} | By {e(kit.author)}</font><br><br><font face="Verdana" size="2">'
        + "<br><br>\n".join(cell)
        + '</font><br><br><font size="1"><a href="/email.asp">Email this story</a> | <a href="/print.asp">'
        'Printer-friendly version</a></font><br><br><b>Other headlines</b><br>'
        + "<br>".join(f'<a href="/story{n}.asp">{e(t)}</a>' for n, t in enumerate(related))
        + f'</td></tr><tr><td colspan="3" align="center"><font size="1">Copyright &copy; {year} {e(site)}. '
        f'All rights reserved.<br>{e(misc)}</font></td></tr></table></body></html>'))


def _react_app(kit: _Kit, half: str) -> LayoutPage:
    site, sec, c = kit.site["name"], kit.rng.choice(kit.site["sections"]), kit.cls
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": kit.title, "datePublished": kit.date,
          "author": {"@type": "Person", "name": kit.author}, "publisher": {"@type": "Organization", "name": site}}
    og = kit.rng.choice((f'<meta property="og:title" content="{e(kit.title)} | {e(site)}">', ""))
    tag = kit.rng.choice(("p", "div"))
    slots = _inserts(kit, ("prompts", "captions", "prompts"))
    body = []
    for i, p in enumerate(kit.paras):
        body.append(f'<{tag} class="{c()}">{e(" ".join(p))}</{tag}>')
        for kind, line in slots.get(i, []):
            body.append(f'<div class="{c()}"><img src="/i/{i}.webp" alt=""><span class="{c()}">{e(line)}</span></div>'
                        if kind == "captions" else f'<div class="{c()}"><{tag} class="{c()}">{e(line)}</{tag}></div>')
        if i == 1:
            body.append(f'<div class="{c()}"><div class="{c()}">Advertisement</div></div>')
    related = [kit.furniture("related") for _ in range(3)]
    misc = kit.furniture("misc")
    kit.noise += ["Advertisement", "Most read"]
    return _page(kit, "react-app", half, (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{e(site)}</title>{og}'
        f'<script type="application/ld+json">{json.dumps(ld)}</script><style>.{c()}{{display:flex}}</style></head>'
        f'<body><div id="__next"><div class="{c()}"><div class="{c()}"><a class="{c()}" href="/">{e(site)}</a>'
        f'<div class="{c()}">' + "".join(f'<a class="{c()}" href="/{n.lower()}">{n}</a>' for n in kit.nav())
        + f'</div><button class="{c()}">Subscribe</button></div><div class="{c()}"><div class="{c()}">'
        f'<span class="{c()}">{e(sec)}</span><h1 class="{c()}">{e(kit.title)}</h1><div class="{c()}">'
        f'<span class="{c()}">By {e(kit.author)}</span><time class="{c()}">{kit.date}</time></div>'
        f'<div class="{c()}">' + "".join(body) + f'</div></div><div class="{c()}"><h2 class="{c()}">Most read</h2><ol>'
        + "".join(f'<li class="{c()}"><a href="/a{n}">{e(t)}</a></li>' for n, t in enumerate(related))
        + f'</ol></div><div class="{c()}">{e(misc)} &copy; {e(site)}</div></div></div>'
        f'<script id="__NEXT_DATA__" type="application/json">{json.dumps({"page": "/article", "id": kit.story_id})}'
        '</script></body></html>'))


def _amp(kit: _Kit, half: str) -> LayoutPage:
    site = kit.site["name"]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": kit.title, "datePublished": kit.date}
    slots = _inserts(kit, ("prompts", "prompts"))
    caption = kit.furniture("captions")
    body = []
    for i, p in enumerate(kit.paras):
        body.append(f"<p>{e(' '.join(p))}</p>")
        body += [f"<p>{e(line)}</p>" for _, line in slots.get(i, [])]
        if i == 2:
            body.append('<amp-ad width="300" height="250" type="doubleclick" data-slot="/1/a"><div fallback>'
                        'Advertisement</div></amp-ad>')
    related = [kit.furniture("related") for _ in range(2)]
    kit.noise += [f"© {kit.date[:4]} {site}", "View full site"]
    return _page(kit, "amp", half, (
        f'<!doctype html><html amp lang="en"><head><meta charset="utf-8"><title>{e(kit.title)} - {e(site)}</title>'
        '<link rel="canonical" href="https://example.org/a"><script async src="https://cdn.ampproject.org/v0.js"></script>'
        '<style amp-boilerplate>body{visibility:hidden}</style>'
        f'<script type="application/ld+json">{json.dumps(ld)}</script></head><body>'
        '<amp-analytics type="gtag"><script type="application/json">{"vars":{}}</script></amp-analytics>'
        f'<header class="amp-header"><a href="/">{e(site)}</a><button on="tap:sidebar.toggle">Menu</button></header>'
        '<amp-sidebar id="sidebar" layout="nodisplay" side="left"><ul>'
        + "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in kit.nav()) + "</ul></amp-sidebar>"
        f'<main><article class="amp-article"><h1 class="amp-title">{e(kit.title)}</h1>'
        f'<div class="amp-byline">By {e(kit.author)} &middot; {kit.date}</div>'
        '<amp-img src="/i/1.jpg" width="800" height="450" layout="responsive" alt=""></amp-img>'
        f'<p class="amp-caption">{e(caption)}</p><div class="amp-body">' + "".join(body)
        + '</div><amp-social-share type="twitter"></amp-social-share><div class="amp-related"><h2>More stories</h2><ul>'
        + "".join(f'<li><a href="/m{n}">{e(t)}</a></li>' for n, t in enumerate(related))
        + f'</ul></div></article></main><footer class="amp-footer"><p>&copy; {kit.date[:4]} {e(site)}</p>'
        '<a href="/full">View full site</a></footer></body></html>'))


def _print_view(kit: _Kit, half: str) -> LayoutPage:
    site = kit.site["name"]
    head_title = kit.rng.choice((f"Print: {kit.title} | {site}", f"{site} - Printer Friendly Version"))
    heading = kit.rng.choice(("h1", "h2"))
    misc = kit.furniture("misc")
    slots = _inserts(kit, ("prompts",))
    body = []
    for i, p in enumerate(kit.paras):
        body.append(f"<p>{e(' '.join(p))}</p>")
        body += [f"<p>{e(line)}</p>" for _, line in slots.get(i, [])]
    url = f"https://www.example.org/news/{kit.story_id}"
    kit.noise += ["Print this page | Close window", f"Article URL: {url}",
                  f"Copyright {kit.date[:4]} {site}. All rights reserved."]
    return _page(kit, "print-view", half, (
        f'<html><head><title>{e(head_title)}</title><meta name="robots" content="noindex">'
        '<style>@media print { .noprint { display: none } }</style></head><body onload="window.print()">'
        f'<div class="print-logo">{e(site)}</div><div class="noprint"><a href="javascript:window.print()">Print this page</a>'
        f' | <a href="javascript:window.close()">Close window</a></div><{heading}>{e(kit.title)}</{heading}>'
        f'<div class="meta">By {e(kit.author)}<br>Published {kit.date}</div><div class="story">' + "".join(body)
        + f'</div><p class="url">Article URL: {url}</p><p>{e(misc)}</p>'
        f'<p class="copy">Copyright {kit.date[:4]} {e(site)}. All rights reserved.</p></body></html>'))


def _text_copy(kit: _Kit, half: str) -> LayoutPage:
    """A wire story copied as text: a dateline in one of the half's forms, prompts
    between paragraphs, a wire credit closing the last paragraph, maybe a Markdown title."""
    place, name, country = kit.rng.choice(kit.f["places"])
    form = kit.rng.choice(kit.f["datelines"])
    credit = kit.rng.choice(kit.f["credits"])
    dateline = form["form"].format(PLACE=place, Place=name, Country=country)
    slots = _inserts(kit, ("prompts", "prompts"))
    paras = [" ".join(p) for p in kit.paras]
    paras[0] = dateline + paras[0]
    use_credit = len(paras) > 1 and kit.rng.random() < 0.5
    if use_credit:
        paras[-1] += credit["text"]
    blocks = [kit.rng.choice(("", "# ")) + kit.title]
    for i, p in enumerate(paras):
        blocks.append(p)
        blocks += [line for _, line in slots.get(i, [])]
    blocks.append(kit.furniture("prompts"))
    agency = form["agency"] or (credit["agency"] if use_credit else None)
    return LayoutPage("text-copy", half, "text", "\n\n".join(blocks) + "\n", _story(kit), tuple(kit.noise),
                      kit.title, name, agency)


_BUILDERS = {"wordpress": _wordpress, "table-cms": _table_cms, "react-app": _react_app, "amp": _amp,
             "print-view": _print_view, "text-copy": _text_copy}
