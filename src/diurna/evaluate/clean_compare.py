"""The layout pages of evaluate/clean_layouts.py, scored for diurna and, in the same run,
for trafilatura's defaults and newspaper4k (when installed: it is in the `test` extra
only; its figures are left out cleanly without it).

Per tool and half: story recall (share of story sentences kept), leak (share of the
furniture lines kept: a line counts as kept when an output paragraph is that line, or
when a line over 30 characters appears anywhere in the output) and title accuracy.
The plain-text copies are diurna's alone (the other tools read HTML); they add
dateline and agency accuracy.
"""

from __future__ import annotations

import json
import re
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Document, ErrorResult
from ..read import read_texts
from ..settings import Settings
from .clean_layouts import HALVES, LayoutPage, build_layout_pages

_WS = re.compile(r"\s+")
Extracted = tuple[str, list[str], str | None]  # text, paragraphs, title


def norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def layout_pages(path: Path, limit: int | None) -> list[LayoutPage]:
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()][:limit]
    titles = [r["title"] for r in records]
    pages = []
    for n, rec in enumerate(records):
        pages += build_layout_pages(rec, [t for k, t in enumerate(titles) if k != n])
    return pages


def _trafilatura(page: LayoutPage) -> Extracted:
    import trafilatura

    doc = trafilatura.bare_extraction(page.content, with_metadata=True)
    text = getattr(doc, "text", None) or ""
    return text, text.split("\n"), getattr(doc, "title", None)


def _newspaper4k() -> Callable[[LayoutPage], Extracted] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from newspaper import Article  # type: ignore[import-untyped]
    except ImportError:
        return None

    def run(page: LayoutPage) -> Extracted:
        article = Article("https://www.example.org/news/a", fetch_images=False)
        article.download(input_html=page.content)
        article.parse()
        return article.text or "", (article.text or "").split("\n"), article.title or None
    return run


def _diurna(settings: Settings) -> Callable[[LayoutPage], Extracted | Document | ErrorResult]:
    from .clean import clean_one

    def run(page: LayoutPage) -> Document | ErrorResult:
        raw = next(iter(read_texts([{"text" if page.kind == "text" else "html": page.content}])))
        return clean_one(raw, settings)
    return run


def score(page: LayoutPage, got: Extracted, tally: Counter[str], prefix: str) -> None:
    text, paras, title = got
    flat = norm(text)
    pset = {norm(p) for p in paras}
    tally[f"{prefix}story_n"] += len(page.story)
    tally[f"{prefix}story_kept"] += sum(norm(s) in flat for s in page.story)
    tally[f"{prefix}noise_n"] += len(page.noise)
    tally[f"{prefix}noise_kept"] += sum(norm(n) in pset or (len(norm(n)) > 30 and norm(n) in flat) for n in page.noise)
    tally[f"{prefix}title_n"] += 1
    tally[f"{prefix}title_ok"] += norm(title or "") == norm(page.title)


@dataclass(frozen=True, slots=True)
class LayoutScores:
    metrics: dict[str, dict[str, float]]  # "all", "dev", "test" -> metric -> value
    details: dict[str, object]
    pages: int
    # "dev", "test" -> diurna's units per group: layouts_story_n, text_dateline_n, ...
    counts: dict[str, dict[str, int]] = field(default_factory=dict)


def run_layouts(data_file: Path, settings: Settings, limit: int | None) -> LayoutScores:
    """Every layout page scored for each tool, over all pages and per half."""
    pages = layout_pages(data_file, limit)
    tools: dict[str, Callable[[LayoutPage], object]] = {"diurna": _diurna(settings), "trafilatura": _trafilatura}
    np4k = _newspaper4k()
    if np4k is not None:
        tools["newspaper4k"] = np4k
    tally: Counter[str] = Counter()
    misses: list[dict[str, str]] = []
    for page in pages:
        for tool, fn in tools.items():
            if tool != "diurna" and page.kind != "html":
                continue
            out = fn(page)
            group = "layouts" if page.kind == "html" else "text"
            for prefix in (f"{tool}:{group}:{page.half}:", f"{tool}:{group}:all:", f"{tool}:{page.layout}:{page.half}:"):
                score(page, _as_extracted(out), tally, prefix)
                if tool == "diurna":
                    _score_meta(page, out, tally, prefix)
            if tool == "diurna":
                _note_misses(page, out, misses)
    metrics: dict[str, dict[str, float]] = {half: {} for half in ("all", *HALVES)}
    for half in metrics:
        for tool in tools:
            for group in ("layouts", "text"):
                name = group if tool == "diurna" else f"{tool}_{group}"
                metrics[half].update(_figures(tally, f"{tool}:{group}:{half}:", name))
    per_layout = {f"{tool}:{layout}:{half}": _figures(tally, f"{tool}:{layout}:{half}:", "")
                  for tool in tools for layout in sorted({p.layout for p in pages}) for half in HALVES
                  if tally[f"{tool}:{layout}:{half}:story_n"]}
    counts = {half: {f"{group}_{k}_n": tally[f"diurna:{group}:{half}:{k}_n"] for group in ("layouts", "text")
                     for k in ("story", "noise", "title", "dateline", "agency")} for half in HALVES}
    return LayoutScores(metrics, {"per_layout": per_layout, "layout_misses": misses[:80], "tools": sorted(tools)},
                        len(pages), counts)


def _as_extracted(out: object) -> Extracted:
    if isinstance(out, Document):
        return out.text, out.text.split("\n\n"), out.title
    if isinstance(out, ErrorResult):
        return "", [], None
    return out  # type: ignore[return-value]


def _score_meta(page: LayoutPage, out: object, tally: Counter[str], prefix: str) -> None:
    if page.kind != "text":
        return
    for key, want in (("dateline", page.dateline), ("agency", page.agency)):
        tally[f"{prefix}{key}_n"] += 1
        got = getattr(out, key, None) if isinstance(out, Document) else None
        tally[f"{prefix}{key}_ok"] += (got or None) == want


def _figures(tally: Counter[str], prefix: str, name: str) -> dict[str, float]:
    out: dict[str, float] = {}
    sep = "_" if name else ""
    if tally[f"{prefix}story_n"]:
        out[f"{name}{sep}story_recall"] = round(tally[f"{prefix}story_kept"] / tally[f"{prefix}story_n"], 4)
    if tally[f"{prefix}noise_n"]:
        leak = tally[f"{prefix}noise_kept"] / tally[f"{prefix}noise_n"]
        out[f"{name}{sep}leak"] = round(leak, 4)
        out[f"{name}{sep}noise_removed"] = round(1 - leak, 4)
    for key in ("title", "dateline", "agency"):
        if tally[f"{prefix}{key}_n"]:
            out[f"{name}{sep}{key}_accuracy"] = round(tally[f"{prefix}{key}_ok"] / tally[f"{prefix}{key}_n"], 4)
    return out


def _note_misses(page: LayoutPage, out: object, misses: list[dict[str, str]]) -> None:
    """Dev pages only: the test half is held out, its misses are not for tuning."""
    if page.half != "dev" or len(misses) >= 200:
        return
    text, paras, title = _as_extracted(out)
    flat, pset = norm(text), {norm(p) for p in paras}
    where = f"{page.layout}"
    if isinstance(out, ErrorResult):
        misses.append({"layout": where, "problem": f"error {out.error.code}"})
        return
    misses += [{"layout": where, "problem": f"lost: {s[:100]}"} for s in page.story if norm(s) not in flat][:3]
    misses += [{"layout": where, "problem": f"kept: {n[:100]}"} for n in page.noise
               if norm(n) in pset or (len(norm(n)) > 30 and norm(n) in flat)]
    if norm(title or "") != norm(page.title):
        misses.append({"layout": where, "problem": f"title: {title!r} for {page.title!r}"})
    if page.kind == "text":
        for key in ("dateline", "agency"):
            if getattr(out, key) != getattr(page, key):
                misses.append({"layout": where, "problem": f"{key}: {getattr(out, key)!r} for {getattr(page, key)!r}"})
