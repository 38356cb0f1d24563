"""`diurna stats` as a person reads it: a few lines that fit the terminal.

The figures come from `store.query.stats` (which `--format json` prints whole); each
line here lists as many items of a ranking as fit the width, so nothing wraps.
"""

from __future__ import annotations

from typing import Any

from .knowledge.cameo import codebook
from .tables import short_label


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def fit_items(prefix: str, items: list[str], width: int, sep: str = " · ") -> str:
    """`prefix` and as many `items` as fit in `width` cells, with '…' when some are left out."""
    line = prefix
    for n, item in enumerate(items):
        candidate = line + (sep if n else "") + item
        rest = " …" if n < len(items) - 1 else ""
        if len(candidate + rest) > width:
            return line + " …" if n else (prefix + item)[: max(width - 1, 1)] + "…"
        line = candidate
    return line


def summary_lines(data: dict[str, Any], width: int) -> list[str]:
    """The store in five or six lines of at most `width` characters."""
    counts, merged, when = data["counts"], data["merged"], data["published"]
    span = when["first"] if when["first"] == when["last"] else f"{when['first']} .. {when['last']}"
    head = f"{data['path']}: {_plural(counts['documents'], 'article')}"
    if when["first"]:
        head += f" ({span})"
    lines = [fit_items(head + ", ", [_plural(counts["events"], "event"), _plural(counts["quotes"], "quote"),
                                      _plural(counts["entities"], "entity", "entities")], width, sep=", ")]
    several = merged["events_with_several_articles"]
    lines.append(fit_items("  ", [
        f"{_plural(several, 'event')} and {merged['entities_in_several_documents']} entities in several articles",
        f"{_plural(data.get('events_without_actor', 0), 'event')} with no actor",
        _plural(counts["errors"], "error"),
    ], width, sep="; "))
    dyads = [f"{d['source']} → {d['target']} {d['events']}" for d in data.get("top_dyads", [])]
    if dyads:
        lines.append(fit_items("  top dyads: ", dyads, width))
    actors = [f"{a['name']} ({a['country']}) {a['events']}" if a["country"] else f"{a['name']} {a['events']}"
              for a in data.get("top_actors", [])]
    if actors:
        lines.append(fit_items("  top actors: ", actors, width))
    book = codebook()
    roots = [f"{short_label(book[r].label) if r in book else r} {n}" for r, n in data["event_roots"].items()]
    if roots:
        lines.append(fit_items("  event types: ", roots, width))
    quads = data["quad_classes"]
    if quads:
        lines.append(fit_items("  ", [
            f"cooperation: {quads.get('1', 0)} verbal, {quads.get('2', 0)} material",
            f"conflict: {quads.get('3', 0)} verbal, {quads.get('4', 0)} material"], width))
    if data["errors_by_code"]:
        lines.append(fit_items("  errors: ", [f"{c} {n}" for c, n in data["errors_by_code"].items()], width))
    return lines
