"""`diurna extract --format table|markdown`: one article as a person reads it.

The view opens with the title, date, dateline and agency; then the events, one line each
("who → whom: what (code), when, where") over the sentence that supports it; then the
quotes; then the entities, times, amounts and places in compact form. `article_view`
builds the view once; `render_table` prints it with rich, `render_markdown` writes it
for reports, so the two cannot drift apart.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

from rich.console import Console
from rich.padding import Padding
from rich.panel import Panel
from rich.text import Text

from .model import ActorRef, Entity, ErrorResult, Event, Outcome, Result
from .tables import NONE, dyad, short_label, side

INDENT = 4  # the evidence sentence sits under its event
GROUP_NAMES = {"PERSON": "people", "ORG": "organisations", "GROUP": "groups", "PLACE": "places"}


@dataclass(frozen=True, slots=True)
class EventLine:
    who: str  # "Emmanuel Macron (FRA) → Bola Tinubu (NGA)"
    what: str  # "Negotiate (046)"
    when: str | None
    where: str | None
    modality: str
    sentence: str  # the sentence holding the evidence
    evidence: tuple[int, int]  # the evidence span, as offsets into `sentence`

    @property
    def headline(self) -> str:
        extra = [x for x in (self.when, self.where) if x]
        if self.modality != "asserted":
            extra.append(self.modality)
        return f"{self.who}: {', '.join([self.what, *extra])}"


@dataclass(frozen=True, slots=True)
class QuoteLine:
    speaker: str
    cue: str
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class ArticleView:
    title: str
    meta: tuple[str, ...]  # date, dateline, agency, publisher, url: those known
    id: str
    removed: tuple[str, ...]  # reasons boilerplate was cut, once each
    events: tuple[EventLine, ...]
    quotes: tuple[QuoteLine, ...]
    facts: tuple[tuple[str, tuple[str, ...]], ...]  # ("people", ("Emmanuel Macron (FRA) ×3", ...)), ...


# --------------------------------------------------------------------------- building the view

# A sentence ends at . ! or ? (and a closing quote or bracket) before a space and a capital
# or an opening quote, or at a line break. The pipeline's sentences are not kept in the
# output, so the view finds the evidence's sentence again; a rare abbreviation cuts it short.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")


def sentence_around(text: str, start: int, end: int) -> tuple[str, int, int]:
    """The sentence of `text` holding [start, end), and the span's offsets inside it."""
    begin = 0
    for m in _SENTENCE_END.finditer(text, 0, min(start + 1, len(text))):  # +1: the lookahead sees text[start]
        begin = min(m.end(), start)
    after = _SENTENCE_END.search(text, max(end - 1, begin))
    stop = after.start() + (1 if text[after.start()] in ".!?" else 0) if after else len(text)
    stop = max(stop, end)
    sentence = text[begin:stop]
    lead = len(sentence) - len(sentence.lstrip())
    return sentence.strip(), start - begin - lead, end - begin - lead


def _actor(ref: ActorRef | None, entities: dict[str, Entity]) -> str:
    if ref is None:
        return NONE
    entity = entities.get(ref.entity or "")
    name = entity.name if entity is not None else ref.text
    return side(name, ref.country or (ref.actor_code or "")[:3] or None)


def _event_line(ev: Event, text: str, entities: dict[str, Entity]) -> EventLine:
    sentence, s, e = sentence_around(text, ev.evidence.start, ev.evidence.end)
    where = side(ev.location.name, ev.location.country) if ev.location else None
    return EventLine(dyad(_actor(ev.source, entities), _actor(ev.target, entities)),
                     f"{short_label(ev.label)} ({ev.code})", ev.date, where, ev.modality, sentence, (s, e))


def _count(forms: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for form in forms:
        out[form] = out.get(form, 0) + 1
    return out


def _facts(result: Result) -> tuple[tuple[str, tuple[str, ...]], ...]:
    f = result.facts
    groups: dict[str, list[str]] = {}
    for entity in sorted(f.entities, key=lambda x: -len(x.mentions)):
        if entity.type == "PLACE" and f.places:
            continue  # the geocoded places below say more
        name = side(entity.name, entity.country)
        times = len(entity.mentions)
        kind = GROUP_NAMES.get(entity.type, entity.type.lower())
        groups.setdefault(kind, []).append(name + (f" ×{times}" if times > 1 else ""))
    out = [(kind, tuple(items)) for kind, items in groups.items()]
    if f.times:
        out.append(("times", tuple(f"{t.text} = {t.value}" for t in f.times)))
    if f.amounts:
        out.append(("amounts", tuple(a.text for a in f.amounts)))
    if f.places:
        places = _count(side(p.name, p.country) for p in f.places)
        out.append(("places", tuple(p + (f" ×{n}" if n > 1 else "") for p, n in places.items())))
    return tuple(out)


def article_view(result: Result) -> ArticleView:
    """The one-article view of a processed document."""
    d, f = result.document, result.facts
    entities = {e.id: e for e in f.entities}
    events = sorted(f.events, key=lambda ev: (ev.evidence.start, ev.evidence.end))
    quotes = tuple(QuoteLine(q.speaker.name if q.speaker else "?", q.cue or "", q.text, q.kind)
                   for q in sorted(f.quotes, key=lambda q: q.start))
    meta = tuple(x for x in (d.published, d.dateline, d.agency, d.publisher, d.url) if x)
    return ArticleView(d.title or "(untitled)", meta, d.id, tuple(dict.fromkeys(r.reason for r in d.removed)),
                       tuple(_event_line(ev, d.text, entities) for ev in events), quotes, _facts(result))


# --------------------------------------------------------------------------- rich


def render_table(outcome: Outcome, console: Console | None = None) -> None:
    """Print one outcome's view (an error as a red panel with its hint)."""
    console = console or Console()
    if isinstance(outcome, ErrorResult):
        err = outcome.error
        body = Text.assemble((err.code, "bold red"), f" {err.message}\n", ("hint: ", "dim"), err.hint)
        console.print(Panel(body, title=outcome.origin, border_style="red"))
        return
    view = article_view(outcome)
    console.print(Panel(Text.assemble((view.title, "bold"), "\n", (" · ".join(view.meta) or "no metadata", ""),
                                      (f" · id {view.id}", "dim")), border_style="cyan"))
    if view.removed:
        console.print(Text(f"boilerplate removed: {', '.join(view.removed)}", style="dim"))
    console.print(Text(f"events: {len(view.events)}", style="bold"))
    for line in view.events:
        # a long headline continues indented, so each event still starts at the margin
        console.print(Text(textwrap.fill(line.headline, max(console.width, 20), subsequent_indent="  ")))
        s, e = line.evidence
        sentence = Text.assemble(line.sentence[:s], (line.sentence[s:e], "bold"), line.sentence[e:], style="dim")
        console.print(Padding(sentence, (0, 0, 0, INDENT)))
    if view.quotes:
        console.print(Text(f"quotes: {len(view.quotes)}", style="bold"))
        for q in view.quotes:
            console.print(Text(f"{q.speaker} {q.cue}: “{q.text}”".replace(" :", ":")))
    if view.facts:
        console.print(Text("entities and other facts", style="bold"))
    for kind, items in view.facts:
        console.print(Padding(Text.assemble((f"{kind}: ", "italic"), "; ".join(items)), (0, 0, 0, 2)))
    if not (view.events or view.quotes or view.facts):
        console.print(Text("nothing extracted", style="dim"))


# --------------------------------------------------------------------------- markdown

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: str) -> str:
    """Text with markdown's special characters escaped, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def render_markdown(outcome: Outcome) -> str:
    """The same view as `render_table`, as a markdown section for reports."""
    if isinstance(outcome, ErrorResult):
        err = outcome.error
        return f"## {md(outcome.origin)}\n\n**{err.code}** {md(err.message)}\n\nhint: {md(err.hint)}\n"
    view = article_view(outcome)
    out = [f"## {md(view.title)}", "", md(" · ".join(view.meta) or "no metadata") + f" · id `{view.id}`", ""]
    out += [f"### Events ({len(view.events)})", ""]
    for n, line in enumerate(view.events, 1):
        s, e = line.evidence
        quoted = f"{md(line.sentence[:s])}**{md(line.sentence[s:e])}**{md(line.sentence[e:])}"
        out += [f"{n}. {md(line.headline)}", f"   > {quoted}".replace("****", "")]
    if view.quotes:
        out += ["", f"### Quotes ({len(view.quotes)})", ""]
        out += [f"- **{md(q.speaker)}** {md(q.cue)}: “{md(q.text)}”".replace(" :", ":") for q in view.quotes]
    if view.facts:
        out += ["", "### Entities and other facts", ""]
        out += [f"- {kind}: {md('; '.join(items))}" for kind, items in view.facts]
    return "\n".join(out) + "\n"
