"""Realistic pages around a story, built at evaluation time (never saved in the repo).

A story's sentences are laid out in one of several page templates (web copy, a
hard-wrapped wire text, a news-site HTML page, a bare HTML page) with noise injected
between and around its paragraphs: newsletter prompts, captions and credits, share and
follow widgets, related links, ads, bylines, timestamps, copyright and cookie notices.
Every piece is labelled: story sentences must be kept, noise must go. The noise
phrasings here are written for the evaluation and differ from the fixture texts.
Randomness is seeded by the story id, so a page is the same in every run.

Held out (session 6): the phrasings below were seen by the boilerplate patterns' author
and served both halves. A test-half story's pages now take their prompts, follow lines,
related links, footer lines, datelines and wire credits from the fresh test wordings
(evaluate/data/clean_furniture_fresh_test.yaml, written without seeing the patterns);
share widgets, ads, photo credits and caption markers stay as below. Dev pages are
unchanged (the phrasings below).
"""

from __future__ import annotations

import html as html_lib
import random
import re
import textwrap
from dataclasses import dataclass, replace
from typing import Any

_ABBREV = re.compile(r"(?:\b(?:U\.S|U\.N|U\.K|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
                     r"Sept?|Oct|Nov|Dec|Inc|Co|Corp|Jr|Sr|vs|Prof|Capt|Adm|Maj|Cmdr)\.|\b[A-Z]\.)$")
_SPLIT = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[\"“‘(]?[A-Z0-9])")
CREDIT = re.compile(r"contributed (?:reporting |to |from )|contributed reporting|originated (?:in|on|at)", re.I)
# A dateline the story already carries ("ISLAMABAD/PENTAGON — "): metadata, not story.
OWN_DATELINE = re.compile(r"^([A-Z][A-Z.'’/ ]{1,40})(?:, [A-Z][A-Za-z.' ]{1,30})? [—–] ")


@dataclass(frozen=True, slots=True)
class Page:
    kind: str  # "text" or "html"
    template: str
    content: str
    story: tuple[str, ...]  # sentences that must be kept (dateline excluded)
    noise: tuple[str, ...]  # lines that must be removed
    title: str
    dateline: str | None
    agency: str | None
    published: str | None


def split_sentences(text: str) -> list[str]:
    """Sentences of a story, not split after "U.S." or "Mr."."""
    out: list[str] = []
    pos = 0
    for m in _SPLIT.finditer(text):
        if _ABBREV.search(text[max(pos, m.start() - 8):m.start()]):
            continue
        out.append(text[pos:m.end()].strip())
        pos = m.end()
    out.append(text[pos:].strip())
    return [s for s in out if s]


NEWSLETTER = (
    "Sign up for our weekly World Brief newsletter",
    "Subscribe to the Morning Edition email for the day's top stories",
    "Get our best stories delivered to your inbox every evening.",
    "Don't miss out: subscribe to breaking news alerts",
    "Support independent journalism. Subscribe now",
    "Enter your email to receive our Africa digest",
)
SHARE = ("Share this story", "Share on X", "Email | Print | Share", "Share via WhatsApp", "Copy link", "Share")
FOLLOW = ("Follow this story", "Follow Africa news", "+ Follow", "Get alerts on world politics", "Follow us on Instagram")
ADS = ("ADVERTISEMENT", "Advertisement", "Sponsored content", "Article continues after advertisement",
       "Scroll down to continue", "- Advertisement -")
RELATED = ("Read more: {t}", "RELATED: {t}", "See also: {t}", "Also read: {t}", "Watch: {t}")
CREDITS = ("Photo: AFP", "Photo: Reuters/Ahmed Saleh", "Image: Getty Images", "AFP via Getty Images",
           "(AP Photo/Maria Lopez)", "Photo credit: VOA")
MARKERS = ("(right)", "(centre)", "(left)", "(center)", "(second left)")
COPYRIGHT = ("© {y} Voice of America", "Copyright {y} The Daily Ledger. All rights reserved.",
             "(c) {y} Global Wire Ltd", "This material may not be published, broadcast, rewritten or redistributed.")
COOKIES = ("We use cookies to give you the best experience on our website.",
           "This site uses cookies. By continuing to browse the site you agree to our use of cookies.",
           "Accept all cookies", "Manage cookie preferences")
# A dateline as it opens the story (its own spacing included), the place, the agency.
DATELINES = (("WASHINGTON — ", "Washington", None), ("NAIROBI, Kenya (AP) — ", "Nairobi", "Associated Press"),
             ("GENEVA, March 3 (Reuters) - ", "Geneva", "Reuters"), ("ISLAMABAD – ", "Islamabad", None),
             ("KYIV, Ukraine (AFP) - ", "Kyiv", "Agence France-Presse"))
WIRE_TAILS = (("REUTERS", "Reuters"), ("— AFP", "Agence France-Presse"), ("(Reporting by Ana Ruiz; Editing by Tom Hale)", None))
MONTHS = "January February March April May June July August September October November December".split()


@dataclass(frozen=True, slots=True)
class Wordings:
    """The noise phrasings a half's pages draw from."""
    newsletter: tuple[str, ...]
    follow: tuple[str, ...]
    related: tuple[str, ...]
    copyright: tuple[str, ...]
    cookies: tuple[str, ...]
    datelines: tuple[tuple[str, str, str | None], ...]
    wire_tails: tuple[tuple[str, str | None], ...]


DEV_WORDINGS = Wordings(NEWSLETTER, FOLLOW, RELATED, COPYRIGHT, COOKIES, DATELINES, WIRE_TAILS)


_LABELLED = re.compile(r"^[^{:]{2,20}: ")  # "Analysis: ...", "LIVE: ...": a link that says it is one


def fresh_wordings(fresh: dict[str, Any]) -> Wordings:
    """The test half's phrasings, from the fresh test furniture (clean_layouts.furniture()["test"]):
    prompts as newsletter and follow lines, footer lines as copyright and cookie notices,
    every dateline form at every place, a wire credit as the closing line. Related links
    sit between paragraphs here, where RELATED's lines say what they are ("Read more:");
    a bare headline there could be the story's own subheading, so only the labelled
    related lines are used (bare ones are measured in the layouts' link lists)."""
    datelines = tuple((d["form"].format(PLACE=up, Place=name, Country=country), name, d["agency"])
                      for d in fresh["datelines"] for up, name, country in fresh["places"])
    related = tuple(r for r in fresh["related"] if _LABELLED.match(r)) or tuple(fresh["related"])
    return Wordings(tuple(fresh["prompts"]), tuple(fresh["prompts"]), related, tuple(fresh["misc"]),
                    tuple(fresh["misc"]), datelines, tuple((c["text"].strip(), c["agency"]) for c in fresh["credits"]))


def build_pages(story_id: str, title: str, text: str, author: str | None, published: str | None,
                other_titles: list[str], words: Wordings = DEV_WORDINGS) -> list[Page]:
    """One page per template for one story, its noise phrased from `words` (its half's)."""
    rng = random.Random(f"diurna-clean-eval:{story_id}")
    sentences = split_sentences(text)
    k = len(sentences)
    while k > 1 and CREDIT.search(sentences[k - 1]):
        k -= 1  # the closing run of credit sentences is noise, not story
    body, credits = sentences[:k], sentences[k:]
    own = OWN_DATELINE.match(body[0]) if body else None
    dateline = own[1].strip().title() if own else None
    if own:
        body[0] = body[0][own.end():]
    paras = group_paragraphs(body, rng)
    builders = (_web_copy, _wire_text, _news_html, _bare_html)
    pages = [b(rng, words, title, paras, credits, author, published, other_titles, own[0] if own else "")
             for b in builders]
    return [replace(p, dateline=p.dateline or dateline) for p in pages]


def group_paragraphs(sentences: list[str], rng: random.Random) -> list[list[str]]:
    """Sentences into paragraphs of one to three, as a page's story would be cut."""
    paras, i = [], 0
    while i < len(sentences):
        n = rng.choice((1, 2, 2, 3))
        paras.append(sentences[i:i + n])
        i += n
    return paras


def _caption(rng: random.Random, sentences: list[str]) -> str:
    short = [s for s in sentences if 40 < len(s) < 220 and not s.startswith(("“", '"'))] or [sentences[0]]
    words = rng.choice(short).split()
    k = min(len(words) - 1, rng.randint(2, 4))
    return " ".join(words[:k] + [rng.choice(MARKERS)] + words[k:])


def _noise_between(rng: random.Random, words: Wordings, paras: list[list[str]], others: list[str]) -> dict[int, list[str]]:
    """Noise lines to put after paragraph i."""
    flat = [s for p in paras for s in p]
    slots: dict[int, list[str]] = {}
    picks = [rng.choice(words.newsletter), rng.choice(ADS), rng.choice(words.related).format(t=rng.choice(others)),
             _caption(rng, flat), rng.choice(CREDITS), rng.choice(SHARE)]
    for line in picks:
        slots.setdefault(rng.randrange(max(1, len(paras) - 1)), []).append(line)
    return slots


def _date_line(rng: random.Random, published: str | None) -> str | None:
    if not published:
        return None
    y, m, d = published[:10].split("-")
    return rng.choice((f"Published {MONTHS[int(m) - 1]} {int(d)}, {y}", f"{MONTHS[int(m) - 1]} {int(d)}, {y} 8:30 PM",
                       f"Updated: {int(d)} {MONTHS[int(m) - 1]} {y}"))


def _web_copy(rng, words, title, paras, credits, author, published, others, own="") -> Page:
    """Text copied from a news site: one paragraph per line, widgets in between."""
    noise: list[str] = []
    head = [rng.choice(words.follow)] + ([f"By {author}"] if author else []) + [x for x in [_date_line(rng, published)] if x]
    noise += head
    lines = [title, *head]
    slots = _noise_between(rng, words, paras, others)
    for i, p in enumerate(paras):
        lines.append(own * (i == 0) + " ".join(p))
        lines += slots.get(i, [])
        noise += slots.get(i, [])
    tail = [*credits, rng.choice(SHARE), rng.choice(words.copyright).format(y=(published or "2025")[:4]),
            rng.choice(words.cookies)]
    lines += tail
    noise += tail
    story = tuple(s for p in paras for s in p)
    date = published[:10] if published else None
    return Page("text", "web-copy", "\n".join(lines) + "\n", story, tuple(noise), title, None, None, date)


def _wire_text(rng, words, title, paras, credits, author, published, others, own="") -> Page:
    """A wire story saved as text: hard-wrapped, blank lines, dateline, closing credit."""
    prefix, place, agency = (own.strip() + " ", None, None) if own else rng.choice(words.datelines)
    tail_line, tail_agency = rng.choice(words.wire_tails)
    blocks = [title]
    slots = _noise_between(rng, words, paras, others)
    noise: list[str] = []
    for i, p in enumerate(paras):
        text = " ".join(p)
        if i == 0:
            text = f"{prefix}{text}"
        blocks.append(textwrap.fill(text, width=72, break_long_words=False, break_on_hyphens=False))
        extra = [x for x in slots.get(i, []) if x.startswith(("Photo", "Image", "AFP", "(AP", "ADVERT", "Advert"))]
        blocks += extra
        noise += extra
    blocks += [*credits, tail_line]
    noise += [*credits, tail_line]
    story = tuple(s for p in paras for s in p)
    return Page("text", "wire-text", "\n\n".join(blocks) + "\n", story, tuple(noise), title, place,
                agency or tail_agency, None)


def _news_html(rng, words, title, paras, credits, author, published, others, own="") -> Page:
    """A news site's article page: nav, figure, plain-<p> prompts, aside, footer."""
    e = html_lib.escape
    slots = _noise_between(rng, words, paras, others)
    noise: list[str] = []
    meta = f'<meta property="article:published_time" content="{published[:10]}T08:00:00Z">' if published else ""
    cookie = rng.choice(words.cookies)
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{e(title)} | Daily Ledger</title>{meta}"
             f'<meta property="og:site_name" content="Daily Ledger"></head><body>',
             f'<div class="cookie"><p>{e(cookie)}</p></div>',
             '<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/africa">Africa</a></nav></header>',
             f"<main><article><h1>{e(title)}</h1>"]
    if author:
        parts.append(f'<p class="byline">By {e(author)}</p>')
    for i, p in enumerate(paras):
        parts.append(f"<p>{e(own * (i == 0) + ' '.join(p))}</p>")
        for line in slots.get(i, []):
            parts.append(f"<p>{e(line)}</p>")
            noise.append(line)
    for c in credits:
        parts.append(f"<p>{e(c)}</p>")
        noise.append(c)
    related = [rng.choice(others), rng.choice(others)]
    copyright_line = rng.choice(words.copyright).format(y=(published or "2025")[:4])
    parts.append(f"</article><aside><h3>Related stories</h3><ul>{''.join(f'<li><a href=/x>{e(t)}</a></li>' for t in related)}"
                 f"</ul></aside></main><footer><p>{e(copyright_line)}</p></footer></body></html>")
    noise += [cookie, copyright_line, *related]
    story = tuple(s for p in paras for s in p)
    date = published[:10] if published else None
    return Page("html", "news-html", "".join(parts), story, tuple(noise), title, None, None, date)


def _bare_html(rng, words, title, paras, credits, author, published, others, own="") -> Page:
    """A bare page: <br>-separated paragraphs in one <div>, prompts as lines."""
    e = html_lib.escape
    slots = _noise_between(rng, words, paras, others)
    noise: list[str] = []
    body = []
    for i, p in enumerate(paras):
        body.append(e(own * (i == 0) + " ".join(p)))
        body += [e(x) for x in slots.get(i, [])]
        noise += slots.get(i, [])
    follow = rng.choice(words.follow)
    body += [*map(e, credits), e(follow)]
    noise += [*credits, follow]
    content = (f"<html><head><title>{e(title)}</title></head><body><div class=\"post\">"
               + "<br><br>\n".join(body) + "</div></body></html>")
    story = tuple(s for p in paras for s in p)
    return Page("html", "bare-html", content, story, tuple(noise), title, None, None, None)
