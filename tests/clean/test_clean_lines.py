"""`eval clean`'s line-by-line measure (evaluate/clean_lines.py): each dev prompt wording
and each must-keep story line alone in a story of our own, at three places."""

from __future__ import annotations

import pytest

from diurna.evaluate.clean import clean_one
from diurna.evaluate.clean_layouts import PROBES, furniture, probe, story_lines
from diurna.evaluate.clean_lines import POSITIONS, STORY, TITLE, kept, page_with, run_lines


@pytest.mark.parametrize("position", POSITIONS)
def test_clean_lines_page_puts_the_line_where_asked(position):
    paras = page_with("Sign up now", position).rstrip("\n").split("\n\n")
    assert paras[0] == TITLE and paras[1 + position] == "Sign up now"
    assert [p for p in paras[1:] if p != "Sign up now"] == list(STORY)


@pytest.mark.parametrize(("line", "text", "expected"), [
    ("Sign up now", "Story one.\n\nSign up now\n\nStory two.", True),
    ("Sign up now", "Story one. Sign up now\n\nStory two.", False),  # short: only as its own paragraph
    ("Get our free briefing in your inbox every morning", "Story. Get our free briefing in your inbox every morning",
     True),
    ("Share", "Shareholders met on Monday.", False),
])
def test_clean_lines_kept(line, text, expected):
    assert kept(line, text) is expected


def test_clean_lines_scores_prompts_and_story_lines(settings):
    scores = run_lines(["Subscribe to our newsletter", "Officials declined to comment on the report."],
                       ["The minister urged citizens to sign up for the vaccine by Friday."],
                       lambda raw: clean_one(raw, settings))
    # the second "prompt" is a story sentence: kept at every place, so half the pairs leak
    assert scores.metrics == {"prompt_lines_leak": 0.5, "story_lines_recall": 1.0, "lines_story_recall": 1.0}
    assert {m["kind"] for m in scores.misses} == {"kept prompt"}
    assert {m["line"] for m in scores.misses} == {"Officials declined to comment on the report."}


def test_clean_lines_dev_story_lines_are_there():
    lines = story_lines()
    assert len(lines) >= 20 and all(line.endswith((".", '"')) for line in lines)


@pytest.mark.parametrize(("name", "stories"), [("probe", 20), ("probe2", 40), ("probe3", 40)])
def test_clean_lines_probe_is_apart_from_the_dev_wordings(name, stories):
    """Each probe (sessions 8, 9 and 10) is measured apart: none of its lines is a dev
    wording, a dev story line or a line of another probe, and it never reaches the
    layout pages."""
    found = probe(name)
    assert len(found["prompts"]) >= 40 and len(found["story_lines"]) >= stories
    others = set(furniture()["dev"]["prompts"]) | set(story_lines())
    for other in PROBES:
        if other != name:
            others |= set(probe(other)["prompts"]) | set(probe(other)["story_lines"])
    assert not others & (set(found["prompts"]) | set(found["story_lines"]))


def test_clean_lines_probe_unknown_name_is_refused():
    with pytest.raises(ValueError, match="unknown probe"):
        probe("probe4")


def test_clean_report_lists_dev_misses_only():
    """The report's misses come from dev pages and fixtures alone: a test page's kept
    noise would name a held-out wording."""
    from diurna.evaluate.clean import Tally, report_misses

    tallies = {"all": Tally(), "dev": Tally(), "test": Tally()}
    for name in ("all", "dev"):
        tallies[name].miss(set="voa", item="web", problem="kept noise: a dev wording")
    for name in ("all", "test"):
        tallies[name].miss(set="voa", item="web", problem="kept noise: a test wording")
    assert report_misses(tallies) == [{"set": "voa", "item": "web", "problem": "kept noise: a dev wording"}]
