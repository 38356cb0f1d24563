"""Every prompt wording of the dev half, and every must-keep story line, one at a time.

The layout pages (clean_layouts.py) draw three prompts per plain-text page at random, so
most dev wordings never reach a page and a leak figure moves by luck. Here each dev prompt
wording is set alone as a paragraph of a short story of our own (fictional, below), after
its first paragraph, in its middle and at its end, and cleaned as a plain-text page: a
wording leaks at a position when it is still a paragraph of the output (or, over 30
characters, anywhere in it). The dev `story_lines` (evaluate/data/
clean_furniture_fresh_dev.yaml: story sentences that read like prompts, "the minister
urged citizens to sign up for the vaccine") are set the same way and must stay, and so
must every sentence of the story around them.

Dev only: the test wordings are measured on the layout pages (text_test_leak), never
one by one, so that their misses are not listed for anyone to tune on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Document, ErrorResult, RawDocument
from ..read import read_texts

Cleaner = Callable[[RawDocument | ErrorResult], Document | ErrorResult]

TITLE = "Gondor extends emergency rule"
STORY = (
    "OSGILIATH — Lawmakers in Gondor voted on Tuesday to extend the state of emergency in the northern provinces "
    "by three months.",
    "The measure passed by 212 votes to 140 after a debate that lasted late into the night.",
    "Opposition parties said the extension gave the security forces too much power and called for an inquiry into "
    "recent arrests.",
    "Interior Minister Arlen Vosk told parliament the emergency was needed to stop attacks on border villages.",
    "At least 40 people have been killed in the region since January, according to a local rights group.",
    "The emergency allows police to hold suspects for up to 14 days without charge.",
    "Rights groups have criticised the law, saying it has been used against journalists and activists.",
    "The president is expected to sign the measure into law later this week.",
)
POSITIONS = (1, len(STORY) // 2, len(STORY))  # after the first paragraph, in the middle, at the end
_WS = re.compile(r"\s+")


def norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def page_with(line: str, position: int) -> str:
    """The story as plain text with `line` as its own paragraph before paragraph `position`."""
    paras = [*STORY[:position], line, *STORY[position:]]
    return TITLE + "\n\n" + "\n\n".join(paras) + "\n"


@dataclass(frozen=True, slots=True)
class LineScores:
    metrics: dict[str, float]
    misses: tuple[dict[str, str], ...]


def kept(line: str, text: str) -> bool:
    """Still in the output: as a paragraph, or (over 30 characters) anywhere."""
    n = norm(line)
    return n in {norm(p) for p in text.split("\n\n")} or (len(n) > 30 and n in norm(text))


def _outputs(lines: list[str], clean: Cleaner) -> Iterable[tuple[str, int, str]]:
    jobs = [(line, pos) for line in lines for pos in POSITIONS]
    raws = read_texts({"text": page_with(line, pos)} for line, pos in jobs)
    for (line, pos), raw in zip(jobs, raws):
        out = clean(raw)
        yield line, pos, out.text if isinstance(out, Document) else ""


def run_lines(prompts: list[str], story_lines: list[str], clean: Cleaner) -> LineScores:
    """`clean` is the clean stage as `eval clean` runs it (clean.clean_one with its
    settings). prompt_lines_leak: share of (wording, position) pairs kept; story_lines_recall:
    share of (story line, position) pairs kept; lines_story_recall: share of the story's
    own sentences kept over every page."""
    tally = {"prompt_n": 0, "prompt_kept": 0, "line_n": 0, "line_kept": 0, "story_n": 0, "story_kept": 0}
    misses: list[dict[str, str]] = []
    for group, lines in (("prompt", prompts), ("line", story_lines)):
        for line, pos, text in _outputs(lines, clean):
            hit = kept(line, text)
            tally[f"{group}_n"] += 1
            tally[f"{group}_kept"] += hit
            if hit == (group == "prompt"):
                misses.append({"kind": "kept prompt" if hit else "lost story line", "at": str(pos), "line": line})
            flat = norm(text)
            tally["story_n"] += len(STORY) - 1  # the dateline of the first paragraph is metadata
            tally["story_kept"] += sum(norm(s) in flat for s in STORY[1:])
    metrics: dict[str, float] = {}
    if tally["prompt_n"]:
        metrics["prompt_lines_leak"] = round(tally["prompt_kept"] / tally["prompt_n"], 4)
    if tally["line_n"]:
        metrics["story_lines_recall"] = round(tally["line_kept"] / tally["line_n"], 4)
    if tally["story_n"]:
        metrics["lines_story_recall"] = round(tally["story_kept"] / tally["story_n"], 4)
    return LineScores(metrics, tuple(misses))
