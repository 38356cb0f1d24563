"""The layout pages of `eval clean`: every layout built, halves fixed by a hash, every
labelled story sentence and furniture line on the page, furniture from the page's half."""

from __future__ import annotations

import pytest

from diurna.clean.html import visible_text
from diurna.evaluate.clean_compare import _figures, score
from diurna.evaluate.clean_layouts import LAYOUTS, build_layout_pages, furniture, half_of

RECORD = {
    "id": "gondor-1", "title": "Gondor and Arnor sign river pact", "author": "Ioreth Healer", "published": "2026-03-04",
    "text": "OSGILIATH — Gondor and Arnor signed a river pact on Tuesday. The deal shares the Anduin's water. "
            "Officials said talks began in 2024. Farmers welcomed the accord. Critics said it came too late. "
            "Ioreth Healer contributed to this report.",
}


def test_clean_layouts_every_layout_and_a_fixed_half():
    pages = build_layout_pages(RECORD, ["Rohan holds a vote"])
    assert [p.layout for p in pages] == [*LAYOUTS, "text-copy"]
    assert {p.half for p in pages} == {half_of("gondor-1")} and half_of("gondor-1") == half_of("gondor-1")
    assert build_layout_pages(RECORD, ["Rohan holds a vote"]) == pages  # seeded: the same in every run


@pytest.mark.parametrize("n", range(len(LAYOUTS) + 1))
def test_clean_layouts_labels_are_on_the_page(n):
    page = build_layout_pages(RECORD, ["Rohan holds a vote"])[n]
    content = visible_text(page.content)[0] if page.kind == "html" else " ".join(page.content.split())
    assert all(s in content for s in page.story)
    assert "contributed to this report" not in " ".join(page.story) and "OSGILIATH —" not in page.story[0]
    assert all(line in content for line in page.noise)
    assert page.title == RECORD["title"]


def test_clean_layouts_furniture_comes_from_the_page_half():
    half = half_of("gondor-1")
    other = "test" if half == "dev" else "dev"
    prompts = set(furniture()[other]["prompts"]) - set(furniture()[half]["prompts"])
    for page in build_layout_pages(RECORD, ["Rohan holds a vote"]):
        assert not prompts & set(page.noise)


def test_clean_layouts_score_counts_leak_and_title():
    from collections import Counter

    page = build_layout_pages(RECORD, ["Rohan holds a vote"])[0]
    tally: Counter[str] = Counter()
    story = " ".join(page.story)
    score(page, (story + "\n" + page.noise[0], [story, page.noise[0]], page.title), tally, "x:")
    figures = _figures(tally, "x:", "t")
    assert figures["t_story_recall"] == 1.0 and figures["t_title_accuracy"] == 1.0
    assert 0 < figures["t_leak"] < 1 and figures["t_noise_removed"] == round(1 - figures["t_leak"], 4)


@pytest.mark.parametrize("half", ["dev", "test"])
def test_clean_layouts_fresh_files_obey_the_split_rule(half):
    """Every fresh wording sits in the half its hash gives (scripts/split_fresh_furniture.py)."""
    from diurna.evaluate.clean_layouts import _data, fresh_half, wording_of

    fresh = _data(f"clean_furniture_fresh_{half}.yaml")[half]
    assert set(fresh) == {"places", "prompts", "datelines", "credits", "sites", "captions", "related", "comments", "misc"}
    for category, entries in fresh.items():
        assert entries, category
        assert [fresh_half(wording_of(category, e)) for e in entries] == [half] * len(entries), category


def test_clean_layouts_fresh_wordings_are_new():
    """No fresh wording repeats one of clean_furniture.yaml (either half); "{t}" (another
    story's title as a related link) is a slot, not a wording."""
    from diurna.evaluate.clean_layouts import _data, wording_of

    old = _data("clean_furniture.yaml")
    extra = _data("clean_furniture_fresh_dev.yaml")["dev_extra"]
    for half in ("dev", "test"):
        fresh = _data(f"clean_furniture_fresh_{half}.yaml")[half]
        for category, entries in fresh.items():
            seen = {wording_of(category, e) for h in old.values() for e in h[category]} - {"{t}"}
            assert not seen & {wording_of(category, e) for e in entries}, category
    seen = {e for h in old.values() for e in h["prompts"]} | set(_data("clean_furniture_fresh_dev.yaml")["dev"]["prompts"])
    assert not seen & set(extra["prompts"]) and len(set(extra["prompts"])) == len(extra["prompts"])


def _extra_in_test() -> int:
    """How many session-7 dev wordings the fresh test file also holds (a count, so a
    failure names no test wording)."""
    from diurna.evaluate.clean_layouts import _data

    extra = _data("clean_furniture_fresh_dev.yaml")["dev_extra"]
    test = _data("clean_furniture_fresh_test.yaml")["test"]
    mine = {" ".join(s.lower().split()) for s in extra["prompts"] + extra["story_lines"]}
    return len(mine & {" ".join(str(s).lower().split()) for key in test for s in test[key] if isinstance(s, str)})


def test_clean_layouts_dev_extra_wordings_are_not_test_wordings():
    """The session-7 dev wordings were written into dev without the hash split: none of
    them may also sit in the held-out test file."""
    count = _extra_in_test()
    assert count == 0


def test_clean_layouts_test_half_takes_only_fresh_test_wordings():
    """Test pages: the fresh test file alone; dev pages: the old dev half plus the fresh dev file."""
    from diurna.evaluate.clean_layouts import _data

    old, fresh = _data("clean_furniture.yaml"), _data("clean_furniture_fresh_dev.yaml")
    assert furniture()["test"] == _data("clean_furniture_fresh_test.yaml")["test"]
    assert furniture()["dev"]["prompts"] == old["dev"]["prompts"] + fresh["dev"]["prompts"] + fresh["dev_extra"]["prompts"]
    assert "story_lines" not in furniture()["dev"]  # must-keep lines are not furniture
    assert not set(old["test"]["prompts"]) & set(furniture()["test"]["prompts"] + furniture()["dev"]["prompts"])


@pytest.mark.parametrize(("category", "entry", "wording"), [
    ("prompts", "Sign up now", "Sign up now"),
    ("places", ["OSGILIATH", "Osgiliath", "Gondor"], "OSGILIATH"),
    ("datelines", {"form": "{PLACE} (AP) — ", "place": "{Place}", "agency": "Associated Press"}, "{PLACE} (AP) — "),
    ("credits", {"text": " (dpa)", "agency": "dpa"}, " (dpa)"),
    ("sites", {"name": "Minas Tirith Herald", "sections": ["News"]}, "Minas Tirith Herald"),
])
def test_clean_layouts_wording_of_an_entry(category, entry, wording):
    from diurna.evaluate.clean_layouts import wording_of

    assert wording_of(category, entry) == wording


@pytest.mark.parametrize("wording", ["Sign up now", "", "OSGILIATH", "{PLACE} (AP) — "])
def test_clean_layouts_fresh_half_is_fixed_by_the_hash(wording):
    import hashlib

    from diurna.evaluate.clean_layouts import fresh_half

    bit = int(hashlib.sha256(f"clean-fresh:{wording}".encode()).hexdigest(), 16) & 1
    assert fresh_half(wording) == ("test" if bit else "dev")
