"""`diurna eval clean`: is the story kept and the noise removed?

Two sets, both scored on the clean stage alone (no spaCy):
1. our fixtures (tests/clean/fixtures: text and HTML pages written by us, with "must
   contain" / "must not contain" snippets and expected metadata, in the style of
   trafilatura's evaluation), when the repository's tests folder is present;
2. the VOA stories of ../shared/data/corpora/voa_stories.jsonl, each wrapped at
   evaluation time in four page templates with injected noise (evaluate/clean_pages.py).
   The closing "X contributed to this report." / "This story originated in ..."
   sentences of a story count as noise: they are credits, not story.

3. the same stories in five layouts unlike the fixtures (WordPress, a table CMS, a React
   app, AMP, a print view) and as wire copy in plain text, in dev and test halves,
   scored for diurna, trafilatura's defaults and newspaper4k (evaluate/clean_compare.py):
   `layouts_{dev,test}_*`, `text_{dev,test}_*`, `trafilatura_layouts_*`, `newspaper4k_layouts_*`.

Metrics of sets 1-2: precision/recall of kept story sentences (`story_*`) and of removed noise
lines (`noise_*`), over both sets' units; fixture snippet pass rate; and accuracy of
title, dateline, agency and publication date where the page says what they are.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import clean as clean_stage
from ..errors import E013, DiurnaError
from ..model import Document, ErrorResult, RawDocument
from ..pipeline import Pipeline
from ..read import read_paths, read_texts
from ..settings import Settings
from .base import Report, prf
from .clean_compare import run_layouts
from .clean_pages import Page, build_pages

NAME = "clean"
DESCRIPTION = "story kept, noise removed: our fixtures + VOA stories wrapped in noisy page templates"
DATA = "corpora/voa_stories.jsonl"
FIXTURES = Path(__file__).resolve().parents[3] / "tests" / "clean" / "fixtures"
_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


@dataclass
class Tally:
    story_kept: int = 0
    story_lost: int = 0
    noise_removed: int = 0
    noise_kept: int = 0
    meta: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, str]] = field(default_factory=list)

    def miss(self, **info: str) -> None:
        if len(self.misses) < 60:
            self.misses.append(info)


def clean_one(raw: RawDocument | ErrorResult, settings: Settings) -> Document | ErrorResult:
    """The clean stage as the pipeline runs it, language check included."""
    if isinstance(raw, ErrorResult):
        return raw
    try:
        doc = clean_stage.clean(raw, settings)
        if doc.language not in settings.languages:
            raise DiurnaError(E013, f"{raw.origin} is in {doc.language!r}")
        return doc
    except DiurnaError as exc:
        return ErrorResult(index=raw.index, error=exc.info(), id=raw.id, origin=raw.origin)


# --------------------------------------------------------------------------- fixtures


def load_fixtures(folder: Path = FIXTURES) -> dict[str, dict[str, Any]]:
    path = folder / "expectations.yaml"
    return yaml.safe_load(path.read_text("utf-8")) if path.is_file() else {}


def check_fixture(expect: dict[str, Any], outcome: Document | ErrorResult) -> list[str]:
    """What is wrong with one fixture's outcome ([] when everything holds)."""
    if "error" in expect:
        got = outcome.error.code if isinstance(outcome, ErrorResult) else "a document"
        return [] if got == expect["error"] else [f"expected error {expect['error']}, got {got}"]
    if isinstance(outcome, ErrorResult):
        if outcome.error.code == E013.code and expect.get("language", "en") != "en":
            return []  # a non-English page is reported, as it should be
        return [f"unexpected error {outcome.error.code}: {outcome.error.message}"]
    text = outcome.text
    problems = [f"missing: {s!r}" for s in expect.get("must_contain", []) if s not in text]
    problems += [f"not removed: {s!r}" for s in expect.get("must_not_contain", []) if s in text]
    problems += [f"not exactly once: {s!r}" for s in expect.get("once", []) if text.count(s) != 1]
    for key in ("title", "dateline", "agency", "published", "published_inferred", "language"):
        if key in expect and getattr(outcome, key) != expect[key]:
            problems.append(f"{key}: expected {expect[key]!r}, got {getattr(outcome, key)!r}")
    if "headings" in expect:
        heads = [text[a:b] for a, b in outcome.headings]
        if heads != expect["headings"]:
            problems.append(f"headings: expected {expect['headings']!r}, got {heads!r}")
    return problems


def run_fixtures(settings: Settings, tally: Tally, folder: Path = FIXTURES) -> tuple[int, int]:
    """(fixtures passed, fixtures run); snippets also count as story/noise units."""
    expectations = load_fixtures(folder)
    passed = 0
    for name, expect in expectations.items():
        raw = next(read_paths([folder / name], settings))
        outcome = clean_one(raw, settings)
        problems = check_fixture(expect, outcome)
        passed += not problems
        for p in problems:
            tally.miss(set="fixture", item=name, problem=p)
        if isinstance(outcome, ErrorResult) and not problems:
            continue  # an expected error (or a non-English page reported as such)
        text = outcome.text if isinstance(outcome, Document) else ""
        for s in expect.get("must_contain", []):
            if s in text:
                tally.story_kept += 1
            else:
                tally.story_lost += 1
        for s in expect.get("must_not_contain", []):
            if s in text:
                tally.noise_kept += 1
            else:
                tally.noise_removed += 1
    return passed, len(expectations)


# --------------------------------------------------------------------------- VOA pages


def voa_pages(path: Path, limit: int | None) -> Iterator[Page]:
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()][:limit]
    titles = [r["title"] for r in records]
    for n, rec in enumerate(records):
        others = [t for k, t in enumerate(titles) if k != n] or ["More news from the region"]
        yield from build_pages(str(rec["id"]), rec["title"], rec["text"], rec.get("author"), rec.get("published"), others)


def score_page(page: Page, outcome: Document | ErrorResult, tally: Tally) -> None:
    if isinstance(outcome, ErrorResult):
        tally.story_lost += len(page.story)
        tally.noise_removed += len(page.noise)
        tally.miss(set="voa", item=page.template, problem=outcome.error.message)
        return
    text = norm(outcome.text)
    paras = {norm(p) for p in outcome.text.split("\n\n")}
    for s in page.story:
        if norm(s) in text:
            tally.story_kept += 1
        else:
            tally.story_lost += 1
            tally.miss(set="voa", item=page.template, problem=f"lost: {s[:120]}")
    for line in page.noise:
        n = norm(line)
        if n in paras or (len(n) > 30 and n in text):
            tally.noise_kept += 1
            tally.miss(set="voa", item=page.template, problem=f"kept noise: {line[:120]}")
        else:
            tally.noise_removed += 1
    for key, want in (("title", page.title), ("dateline", page.dateline), ("agency", page.agency),
                      ("published", page.published)):
        if want is not None:
            tally.meta[f"{key}_n"] += 1
            tally.meta[f"{key}_ok"] += norm(str(getattr(outcome, key) or "")) == norm(want)


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    settings = pipeline.settings
    tally = Tally()
    passed, fixtures = run_fixtures(settings, tally)
    pages = list(voa_pages(data_dir / DATA, limit))
    raws = read_texts({"text" if p.kind == "text" else "html": p.content} for p in pages)
    for page, raw in zip(pages, raws):
        score_page(page, clean_one(raw, settings), tally)
    story = prf(tally.story_kept, tally.noise_kept, tally.story_lost)
    noise = prf(tally.noise_removed, tally.story_lost, tally.noise_kept)
    metrics = {
        "story_precision": story["precision"], "story_recall": story["recall"],
        "noise_precision": noise["precision"], "noise_recall": noise["recall"],
        "fixture_pass_rate": round(passed / fixtures, 4) if fixtures else 0.0,
    }
    for key in ("title", "dateline", "agency", "published"):
        if tally.meta[f"{key}_n"]:
            metrics[f"{key}_accuracy"] = round(tally.meta[f"{key}_ok"] / tally.meta[f"{key}_n"], 4)
    layout_metrics, layout_details = run_layouts(data_dir / DATA, settings, limit)
    metrics.update(layout_metrics)
    return Report(
        name=NAME,
        metrics=metrics,
        counts={"fixtures": fixtures, "fixtures_passed": passed, "voa_pages": len(pages),
                "story_units": tally.story_kept + tally.story_lost, "noise_units": tally.noise_removed + tally.noise_kept,
                "layout_pages": int(layout_details.pop("layout_pages"))},  # type: ignore[call-overload]
        details={"misses": tally.misses, **layout_details},
    )
