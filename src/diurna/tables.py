"""Tables that fit the terminal: the store commands' rows at whatever width the console has.

Each command declares its columns. A column says how narrow it may get and still be read
(`min`), how wide it reads comfortably (`want`) and how wide it may grow (`cap`).
Required columns (priority 0) always show and first grow to `want`; the others join in
priority order while they fit at their natural width; what is left widens the shown
columns up to their content. Cells are cut here rather than by rich, so no cell takes
more lines than its column allows (one, or two for who -> whom and quotes). rich's
console width honours $COLUMNS.

`--wide` shows every column, uncut, and lets rich wrap them.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

if TYPE_CHECKING:  # rich's console and tables are imported when a table is drawn, not at start-up
    from rich.console import Console

SEP = 2  # cells between two columns: one space of padding and the (blank) divider
ELLIPSIS = "…"
NONE = "—"  # an event side with no actor (a statement has no target)


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a command's table; `cell` gives a row's full text."""

    header: str
    cell: Callable[[Any], str]
    priority: int = 0  # 0: always shown; then the lower, the sooner it joins
    min: int = 4
    want: int = 0  # 0: the same as min
    cap: int = 40
    lines: int = 1  # lines a cell may take when the table fits the terminal
    right: bool = False
    two_sided: bool = False  # "source → target": wraps after the arrow


# --------------------------------------------------------------------------- cutting cells


def cut(text: str, width: int) -> str:
    """`text` on one line of at most `width` cells, ending with … when cut."""
    text = " ".join(text.split())
    if cell_len(text) <= width:
        return text
    out = ""
    for ch in text:
        if cell_len(out + ch) > width - 1:
            break
        out += ch
    return out.rstrip() + ELLIPSIS


def wrap(text: str, width: int, lines: int) -> str:
    """`text` on at most `lines` lines of `width` cells, the last ending with … when cut."""
    if lines <= 1 or cell_len(text) <= width:
        return cut(text, width)
    parts = textwrap.wrap(" ".join(text.split()), width) or [""]
    if len(parts) > lines:
        parts = [*parts[:lines - 1], cut(" ".join(parts[lines - 1:]), width)]
    return "\n".join(cut(p, width) for p in parts)


def side(name: str | None, code: str | None) -> str:
    """One side of an event: 'Xi Jinping (CHN)', or — when there is no actor."""
    if not name:
        return NONE
    return f"{name} ({code})" if code else name


def dyad(source: str, target: str) -> str:
    return f"{source} → {target}"


def fit_dyad(text: str, width: int) -> str:
    """'A (X) → B (Y)' on one line, else A on the first and → B on the second, each
    name cut before its country code so the code stays visible."""
    if cell_len(text) <= width:
        return text
    source, _, target = text.partition(" → ")
    if NONE in (source, target):  # one actor: cut its name, keep the line
        named = source if target == NONE else target
        short = _cut_name(named, width - cell_len(" → " + NONE))
        return dyad(short, NONE) if target == NONE else dyad(NONE, short)
    return f"{_cut_name(source, width - 2)} →\n  {_cut_name(target, width - 2)}"


def _cut_name(text: str, width: int) -> str:
    if cell_len(text) <= width or not text.endswith(")") or " (" not in text:
        return cut(text, width)
    name, _, code = text.rpartition(" (")
    return cut(name, max(width - len(code) - 2, 1)) + f" ({code}"


def _shape(column: Column, text: str, width: int) -> str:
    if column.two_sided:
        return fit_dyad(text, width) if column.lines > 1 else cut(text, width)
    return wrap(text, width, column.lines)


# --------------------------------------------------------------------------- layout


def natural(column: Column, texts: Sequence[str]) -> int:
    """The width a column's content asks for, at most its cap."""
    widest = max((cell_len(" ".join(t.split())) for t in texts), default=0)
    return max(min(max(widest, cell_len(column.header)), column.cap), 1)


def layout(columns: Sequence[Column], wants: Sequence[int], width: int) -> dict[int, int]:
    """Column index -> width, for a console `width` cells wide (see the module's doc)."""
    shown = {i: min(c.min, wants[i]) for i, c in enumerate(columns) if c.priority == 0}

    def room() -> int:
        return width - sum(shown.values()) - SEP * (len(shown) - 1)

    for i in shown:  # required columns first reach a comfortable width
        shown[i] = max(shown[i], min(wants[i], columns[i].want or columns[i].min, shown[i] + max(room(), 0)))
    for i in sorted((i for i, c in enumerate(columns) if c.priority), key=lambda i: columns[i].priority):
        if wants[i] + SEP <= room():
            shown[i] = wants[i]
    for i in sorted(shown):  # what is left widens the columns up to their content
        shown[i] = max(shown[i], min(wants[i], shown[i] + max(room(), 0)))
    return dict(sorted(shown.items()))


def render(console: Console, title: str, columns: Sequence[Column], rows: Sequence[Any], *,
           wide: bool = False) -> None:
    """Print `rows` as a table that fits `console`, or every column uncut when `wide`."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    texts = [[c.cell(r) for r in rows] for c in columns]
    if wide:
        chosen = {i: 0 for i in range(len(columns))}
    else:
        chosen = layout(columns, [natural(c, t) for c, t in zip(columns, texts)], console.width)
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1, 0, 0), expand=False)
    for i, w in chosen.items():
        c = columns[i]
        if wide:
            table.add_column(c.header, justify="right" if c.right else "left", overflow="fold")
        else:
            table.add_column(c.header, width=w, no_wrap=True, overflow="ellipsis",
                             justify="right" if c.right else "left")
    for n in range(len(rows)):
        table.add_row(*(Text(texts[i][n] if wide else _shape(columns[i], texts[i][n], w))
                        for i, w in chosen.items()))
    console.print(Text(cut(title, console.width), style="bold"))
    if rows:
        console.print(table)
    hidden = [c.header for i, c in enumerate(columns) if i not in chosen]
    if hidden and rows:
        console.print(Text(cut(f"not shown at this width: {', '.join(hidden)} (--wide shows them)", console.width),
                           style="dim"))


# --------------------------------------------------------------------------- the store commands' columns


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def _get(name: str) -> Callable[[Any], str]:
    return lambda row: _text(getattr(row, name))


def short_label(label: str | None) -> str:
    """A CAMEO label without the codebook's catch-all tail ('Demand, not covered below')."""
    text = label or ""
    for tail in (", not covered below", " not covered below"):
        text = text.removesuffix(tail)
    return text


def event_day(row: Any) -> str:
    """The event's day in full, or its month or year when the article gives no more."""
    if row.date and row.date_precision in ("month", "year"):
        return str(row.date)
    return _text(row.day) or _text(row.date)


def event_dyad(row: Any) -> str:
    return dyad(side(row.source_name, row.source_country or (row.source_actor_code or "")[:3] or None),
                side(row.target_name, row.target_country or (row.target_actor_code or "")[:3] or None))


def event_place(row: Any) -> str:
    return side(row.location_name, row.location_country) if row.location_name else ""


EVENTS = (
    Column("id", _get("id"), priority=4, min=16, cap=16),
    Column("day", event_day, min=10, cap=10),
    Column("code", _get("code"), min=4, cap=4),
    Column("who → whom", event_dyad, min=24, want=34, cap=60, lines=2, two_sided=True),
    Column("what", lambda r: short_label(r.label), min=12, want=32, cap=40),
    Column("where", event_place, priority=1, min=8, cap=22),
    Column("arts", _get("num_articles"), min=4, cap=4, right=True),
    Column("srcs", _get("num_sources"), priority=2, min=4, cap=4, right=True),
    Column("ments", _get("num_mentions"), priority=3, min=5, cap=5, right=True),
)

QUOTE_CHARS = 100  # a quote shows its first hundred characters or so


QUOTES = (
    Column("published", _get("published"), priority=2, min=10, cap=10),
    Column("speaker", lambda r: r.speaker_name or "?", min=12, want=20, cap=26),
    Column("cue", _get("cue"), min=6, want=10, cap=12),
    Column("quote", lambda r: cut(r.text, QUOTE_CHARS), min=30, want=QUOTE_CHARS, cap=QUOTE_CHARS, lines=2),
    Column("kind", _get("kind"), priority=3, min=8, cap=8),
    Column("article", _get("doc_id"), priority=4, min=16, cap=16),
)

ENTITIES = (
    Column("id", _get("id"), priority=4, min=16, cap=16),
    Column("name", _get("name"), min=16, want=28, cap=40, lines=2),
    Column("type", _get("type"), min=6, cap=6),
    Column("cc", _get("country"), min=3, cap=3),
    Column("actor", _get("actor_code"), priority=1, min=6, cap=12),
    Column("docs", _get("num_documents"), min=4, cap=4, right=True),
    Column("ments", _get("num_mentions"), priority=1, min=5, cap=5, right=True),
    Column("aliases", _get("aliases"), priority=2, min=12, cap=40),
)

DOCUMENTS = (
    Column("id", _get("id"), priority=3, min=16, cap=16),
    Column("published", _get("published"), min=10, cap=10),
    Column("title", _get("title"), min=20, want=44, cap=70, lines=2),
    Column("agency", _get("agency"), priority=1, min=6, cap=14),
    Column("publisher", _get("publisher"), priority=2, min=8, cap=20),
    Column("events", _get("events"), min=6, cap=6, right=True),
    Column("quotes", _get("quotes"), min=6, cap=6, right=True),
    Column("entities", _get("entities"), priority=1, min=8, cap=8, right=True),
)

ERRORS = (  # the hint says how to fix it: always shown
    Column("origin", _get("origin"), min=12, want=20, cap=40, lines=2),
    Column("code", _get("code"), min=4, cap=4),
    Column("message", _get("message"), min=20, want=30, cap=80, lines=2),
    Column("hint", _get("hint"), min=20, want=60, cap=100, lines=2),
)

FOLLOWS = (
    Column("name", _get("name"), min=8, cap=24),
    Column("filters", lambda f: " ".join(f"--{k} {v}" for k, v in f.filter.to_dict().items()), min=20, want=40,
           cap=80, lines=2),
    Column("checked", lambda f: f.checked_at.isoformat(" ", "minutes") if f.checked_at else "never", min=16,
           cap=16),
    Column("created", lambda f: f.created_at.isoformat(" ", "minutes"), priority=1, min=16, cap=16),
)
