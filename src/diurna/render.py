"""`--format table`: one document as a person would want to read it (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table

from .model import ErrorResult, Outcome

_console = Console()


def render_table(outcome: Outcome, console: Console | None = None) -> None:
    console = console or _console
    if isinstance(outcome, ErrorResult):
        e = outcome.error
        console.print(Panel(f"[bold red]{e.code}[/] {e.message}\n[dim]hint:[/] {e.hint}", title=outcome.origin, border_style="red"))
        return
    d, f = outcome.document, outcome.facts
    meta = " · ".join(x for x in (d.published, d.dateline, d.agency, d.publisher, d.url) if x)
    console.print(Panel(f"[bold]{d.title or '(untitled)'}[/]\n[dim]{meta or 'no metadata'} · id {d.id}[/]", border_style="cyan"))
    if d.removed:
        console.print("[dim]removed: " + "; ".join(f"{r.reason}: {r.text[:60]}" for r in d.removed) + "[/]")
    if f.entities:
        t = Table("id", "name", "type", "country", "role", "actor", "mentions", title="entities", title_justify="left")
        for e in f.entities:
            forms = sorted({m.text for m in e.mentions})
            t.add_row(e.id, e.name, e.type, e.country or "", e.role or "", e.actor_code or "",
                      f"{len(e.mentions)}: " + ", ".join(forms)[:60])
        console.print(t)
    if f.events:
        t = Table("code", "label", "source", "target", "date", "where", "modality", "evidence", title="events", title_justify="left")
        for ev in f.events:
            t.add_row(ev.code, ev.label, ev.source.text if ev.source else "", ev.target.text if ev.target else "",
                      ev.date or "", ev.location.name if ev.location else "", ev.modality, ev.evidence.text[:70])
        console.print(t)
    if f.quotes:
        t = Table("kind", "speaker", "cue", "quote", title="quotes", title_justify="left")
        for q in f.quotes:
            t.add_row(q.kind, q.speaker.name if q.speaker else "?", q.cue or "", q.text[:90])
        console.print(t)
    rows = [(x.text, x.type, x.value) for x in f.times] + [(a.text, "AMOUNT", f"{a.value} {a.currency or a.unit or ''}") for a in f.amounts]
    rows += [(p.text, "PLACE", f"{p.name}, {p.country or '?'} ({p.lat}, {p.lon})") for p in f.places]
    if rows:
        t = Table("text", "kind", "value", title="times, amounts, places", title_justify="left")
        for r in rows:
            t.add_row(*r)
        console.print(t)
    if not (f.entities or f.events or f.quotes or rows):
        console.print("[dim]nothing extracted[/]")
