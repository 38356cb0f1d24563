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
