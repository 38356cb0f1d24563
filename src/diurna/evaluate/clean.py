"""`diurna eval clean`: is the story kept and the noise removed?

Two sets, both scored on the clean stage alone (no spaCy):
1. our fixtures (tests/clean/fixtures: text and HTML pages written by us, with "must
   contain" / "must not contain" snippets and expected metadata, in the style of
   trafilatura's evaluation), when the repository's tests folder is present;
2. the VOA stories of ../shared/data/corpora/voa_stories.jsonl, each wrapped at
   evaluation time in four page templates with injected noise (evaluate/clean_pages.py;
   a test-half story's prompts, links, footers, datelines and credits are phrased from
   the fresh test wordings, which the patterns were not written from).
   The closing "X contributed to this report." / "This story originated in ..."
   sentences of a story count as noise: they are credits, not story.

3. the same stories in five layouts unlike the fixtures (WordPress, a table CMS, a React
   app, AMP, a print view) and as wire copy in plain text, in dev and test halves,
   scored for diurna, trafilatura's defaults and newspaper4k (evaluate/clean_compare.py):
   `layouts_{dev,test}_*`, `text_{dev,test}_*`, `trafilatura_layouts_*`, `newspaper4k_layouts_*`.
4. dev only: every dev prompt wording, and every must-keep story line that reads like a
   prompt, alone in a short story of our own at three places (evaluate/clean_lines.py):
   `prompt_lines_leak`, `story_lines_recall`, `lines_story_recall` in the dev split;
   the same for each dev probe (clean_layouts.probe: wordings never fitted on),
   prefixed `probe_` (session 8), `probe2_` (session 9) and `probe3_` (session 10).

Metrics of sets 1-2: precision/recall of kept story sentences (`story_*`) and of removed noise
lines (`noise_*`), over both sets' units; fixture snippet pass rate; and accuracy of
title, dateline, agency and publication date where the page says what they are.
The report's `misses` are the dev half's only (a test page's kept noise is a held-out
wording).
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
from .base import SPLITS, Report, prf, split_of
from .clean_compare import run_layouts
from .clean_layouts import PROBES, furniture, probe, story_lines
from .clean_lines import run_lines
from .clean_pages import DEV_WORDINGS, Page, build_pages, fresh_wordings

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


def run_fixtures(settings: Settings, tallies: dict[str, Tally], folder: Path = FIXTURES) -> None:
    """Each fixture into the whole-set tally and its half's; snippets also count as
    story/noise units."""
    expectations = load_fixtures(folder)
    for name, expect in expectations.items():
        raw = next(read_paths([folder / name], settings))
        outcome = clean_one(raw, settings)
        problems = check_fixture(expect, outcome)
        for tally in (tallies["all"], tallies[split_of(NAME, name)]):
            _score_fixture(tally, name, expect, outcome, problems)


def _score_fixture(tally: Tally, name: str, expect: dict[str, Any], outcome: Document | ErrorResult,
                   problems: list[str]) -> None:
    tally.meta["fixtures"] += 1
    tally.meta["fixtures_passed"] += not problems
    for p in problems:
        tally.miss(set="fixture", item=name, problem=p)
    if isinstance(outcome, ErrorResult) and not problems:
        return  # an expected error (or a non-English page reported as such)
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


# --------------------------------------------------------------------------- VOA pages


def voa_pages(path: Path, limit: int | None) -> Iterator[tuple[str, Page]]:
    """(record id, page) for every record and template; a test-half story's noise is
    phrased from the fresh test wordings (clean_pages.fresh_wordings)."""
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()][:limit]
    titles = [r["title"] for r in records]
    words = {"dev": DEV_WORDINGS, "test": fresh_wordings(furniture()["test"])}
    for n, rec in enumerate(records):
        others = [t for k, t in enumerate(titles) if k != n] or ["More news from the region"]
        sid = str(rec["id"])
        for page in build_pages(sid, rec["title"], rec["text"], rec.get("author"), rec.get("published"),
                                others, words[split_of(NAME, sid)]):
            yield sid, page


def score_page(page: Page, outcome: Document | ErrorResult, tally: Tally) -> None:
    tally.meta["pages"] += 1
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
    """The whole set, and (in `splits`) its dev and test halves: a fixture's half by its
    file name, a VOA page's by its story id (split_of), as every layout page's."""
    settings = pipeline.settings
    tallies = {s: Tally() for s in ("all", *SPLITS)}
    run_fixtures(settings, tallies)
    pages = list(voa_pages(data_dir / DATA, limit))
    raws = read_texts({"text" if p.kind == "text" else "html": p.content} for _, p in pages)
    for (story_id, page), raw in zip(pages, raws):
        outcome = clean_one(raw, settings)
        for tally in (tallies["all"], tallies[split_of(NAME, story_id)]):
            score_page(page, outcome, tally)
    layouts = run_layouts(data_dir / DATA, settings, limit)
    metrics = {s: {**_metrics(tallies[s]), **layouts.metrics[s]} for s in tallies}
    lines = run_lines(furniture()["dev"]["prompts"], story_lines(), lambda raw: clean_one(raw, settings))
    metrics["dev"].update(lines.metrics)
    probed = {name: run_lines(probe(name)["prompts"], probe(name)["story_lines"],
                              lambda raw: clean_one(raw, settings)) for name in PROBES}
    for name, scores in probed.items():
        metrics["dev"].update({f"{name}_{k}": v for k, v in scores.metrics.items()})
    whole = tallies["all"]
    return Report(
        name=NAME,
        metrics=metrics["all"],
        counts={"fixtures": whole.meta["fixtures"], "fixtures_passed": whole.meta["fixtures_passed"],
                "voa_pages": len(pages), "story_units": whole.story_kept + whole.story_lost,
                "noise_units": whole.noise_removed + whole.noise_kept, "layout_pages": layouts.pages,
                **{f"{s}_items": tallies[s].meta["fixtures"] + tallies[s].meta["pages"] for s in SPLITS},
                **{f"{s}_{k}": v for s in SPLITS for k, v in {**_units(tallies[s]), **layouts.counts[s]}.items()}},
        details={"misses": report_misses(tallies), **layouts.details, "dev_line_misses": list(lines.misses),
                 **{f"dev_{name}_misses": list(scores.misses) for name, scores in probed.items()}},
        splits={s: metrics[s] for s in SPLITS},
    )


def report_misses(tallies: dict[str, Tally]) -> list[dict[str, str]]:
    """The misses a report lists: dev pages' and dev fixtures' only, since a test page's
    kept noise would name a held-out wording."""
    return list(tallies["dev"].misses)


def _units(tally: Tally) -> dict[str, int]:
    """The denominators of `_metrics` (scripts/pin_floors.py reads the test half's)."""
    return {"story_units": tally.story_kept + tally.story_lost, "story_output": tally.story_kept + tally.noise_kept,
            "noise_units": tally.noise_removed + tally.noise_kept,
            "noise_output": tally.noise_removed + tally.story_lost, "fixtures": tally.meta["fixtures"],
            **{f"{key}_n": tally.meta[f"{key}_n"] for key in ("title", "dateline", "agency", "published")}}


def _metrics(tally: Tally) -> dict[str, float]:
    story = prf(tally.story_kept, tally.noise_kept, tally.story_lost)
    noise = prf(tally.noise_removed, tally.story_lost, tally.noise_kept)
    fixtures = tally.meta["fixtures"]
    metrics = {
        "story_precision": story["precision"], "story_recall": story["recall"],
        "noise_precision": noise["precision"], "noise_recall": noise["recall"],
        "fixture_pass_rate": round(tally.meta["fixtures_passed"] / fixtures, 4) if fixtures else 0.0,
    }
    for key in ("title", "dateline", "agency", "published"):
        if tally.meta[f"{key}_n"]:
            metrics[f"{key}_accuracy"] = round(tally.meta[f"{key}_ok"] / tally.meta[f"{key}_n"], 4)
    return metrics
