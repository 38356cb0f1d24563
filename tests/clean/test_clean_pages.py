"""The VOA template pages of `eval clean` (evaluate/clean_pages.py): every label on the
page, dev pages phrased as before, test pages phrased from the fresh test wordings."""

from __future__ import annotations

import pytest

from diurna.clean.html import visible_text
from diurna.evaluate import clean_pages as cp
from diurna.evaluate.clean_layouts import furniture

STORY = ("OSGILIATH — Gondor and Arnor signed a river pact on Tuesday. The deal shares the Anduin's water. "
         "Officials said talks began in 2024. Farmers welcomed the accord. Critics said it came too late. "
         "Ioreth Healer contributed to this report.")
OTHERS = ["Rohan holds a vote", "Bree market reopens"]


def pages(words: cp.Wordings) -> list[cp.Page]:
    return cp.build_pages("gondor-1", "Gondor and Arnor sign river pact", STORY, "Ioreth Healer", "2026-03-04",
                          OTHERS, words)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("half", ["dev", "test"])
@pytest.mark.parametrize("n", range(4))
def test_clean_pages_labels_are_on_the_page(half, n):
    words = cp.DEV_WORDINGS if half == "dev" else cp.fresh_wordings(furniture()["test"])
    page = pages(words)[n]
    content = flat(visible_text(page.content)[0] if page.kind == "html" else page.content)
    assert all(flat(s) in content for s in page.story)
    assert all(flat(line) in content for line in page.noise)
    assert "contributed to this report" not in " ".join(page.story)
    assert page.dateline == "Osgiliath"  # the story's own dateline wins over a drawn one


def test_clean_pages_dev_pages_keep_their_phrasings():
    assert pages(cp.DEV_WORDINGS) == cp.build_pages("gondor-1", "Gondor and Arnor sign river pact", STORY,
                                                    "Ioreth Healer", "2026-03-04", OTHERS)
    wire = pages(cp.DEV_WORDINGS)[1]
    assert wire.content.split("\n\n")[1].startswith("OSGILIATH — Gondor")  # one space after the dateline, as before


def test_clean_pages_test_pages_phrased_from_fresh_wordings():
    fresh = furniture()["test"]
    dev_lines = {*cp.NEWSLETTER, *cp.FOLLOW, *cp.COOKIES, *(t.format(t=o) for t in cp.RELATED for o in OTHERS)}
    for page in pages(cp.fresh_wordings(fresh)):
        assert not dev_lines & set(page.noise), page.template
    web = pages(cp.fresh_wordings(fresh))[0]
    assert web.noise[0] in fresh["prompts"]  # the follow line that opens a copied page


def test_clean_pages_fresh_wordings_shape():
    fresh = {"prompts": ["Join us"], "related": ["{t}", "Analysis: {t}", "Bree market reopens", "LIVE: Bree votes"],
             "misc": ["Back to top"],
             "places": [["OSGILIATH", "Osgiliath", "Gondor"], ["BREE", "Bree", "Eriador"]],
             "datelines": [{"form": "{PLACE}, {Country} (AP) — ", "place": "{Place}", "agency": "Associated Press"},
                           {"form": "{PLACE}—", "place": "{Place}", "agency": None}],
             "credits": [{"text": " — Reuters", "agency": "Reuters"}]}
    words = cp.fresh_wordings(fresh)
    assert words.datelines == (("OSGILIATH, Gondor (AP) — ", "Osgiliath", "Associated Press"),
                               ("BREE, Eriador (AP) — ", "Bree", "Associated Press"),
                               ("OSGILIATH—", "Osgiliath", None), ("BREE—", "Bree", None))
    assert words.wire_tails == (("— Reuters", "Reuters"),)
    assert words.newsletter == words.follow == ("Join us",) and words.copyright == words.cookies == ("Back to top",)
    assert words.related == ("Analysis: {t}", "LIVE: Bree votes")  # between paragraphs: links that say so
    assert cp.fresh_wordings({**fresh, "related": ["{t}", "Bree votes"]}).related == ("{t}", "Bree votes")  # none labelled


@pytest.mark.parametrize("half", ["dev", "test"])
def test_clean_pages_drawn_dateline_opens_the_wire_copy(half):
    """A story without its own dateline gets one of its half's, spaced as the form is."""
    words = cp.DEV_WORDINGS if half == "dev" else cp.fresh_wordings(furniture()["test"])
    story = STORY.split(" — ", 1)[1]
    wire = cp.build_pages("gondor-2", "Gondor and Arnor sign river pact", story, None, None, OTHERS, words)[1]
    first = wire.content.split("\n\n")[1].replace("\n", " ")
    [(_, place, agency)] = [d for d in words.datelines if first.startswith(d[0] + "Gondor")]
    assert wire.dateline == place
    assert wire.agency == agency or agency is None and wire.agency in {a for _, a in words.wire_tails}
