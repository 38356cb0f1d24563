"""The offset map: every mapped character of the cleaned text is the source's character
at the mapped offset (a space may stand for any whitespace of the source)."""

from __future__ import annotations

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from diurna.clean import clean
from diurna.clean.mapped import MappedText, concat, join
from diurna.model import Document, RawDocument
from diurna.read import read_paths


def assert_map_holds(doc: Document, source: str) -> None:
    for t, s, n in doc.offset_map:
        for k in range(n):
            a, b = doc.text[t + k], source[s + k]
            assert a == b or (a == " " and b.isspace()), (t + k, a, b)


def test_mapped_slice_and_concat_keep_segments():
    a = MappedText.copied("Hello world", 10)
    b = a.slice(6)
    assert b.text == "world" and b.segments == ((0, 16, 5),)
    joined = join([a.slice(0, 5), b], " ")
    assert joined.text == "Hello world"
    assert joined.segments == ((0, 10, 5), (6, 16, 5))
    assert concat([a.slice(0, 5), a.slice(5)]).segments == ((0, 10, 11),)
    assert joined.source_offset(5) is None and joined.source_offset(6) == 16


def test_mapped_offsets_cover_story_of_a_noisy_page(settings):
    from diurna.evaluate.clean import FIXTURES

    raw = next(read_paths([FIXTURES / "t04-web-copy.txt"], settings))
    doc = clean(raw, settings)
    assert_map_holds(doc, raw.content)
    mapped = sum(n for _, _, n in doc.offset_map)
    assert mapped >= len(doc.text) - 2 * doc.text.count("\n\n")  # only inserted breaks are unmapped


def test_mapped_offsets_html_point_into_the_page(settings):
    from diurna.evaluate.clean import FIXTURES

    raw = next(read_paths([FIXTURES / "h07-entities.html"], settings))
    doc = clean(raw, settings)
    assert_map_holds(doc, raw.content)
    assert sum(n for _, _, n in doc.offset_map) > 0.9 * len(doc.text.replace("\n\n", ""))


_WORDS = st.sampled_from(["Gondor", "said", "the", "talks", "Arnor", "on", "Tuesday.", "café", "e\u0301te\u0301",
                          "ADVERTISEMENT", "Photo: AFP", "By Bard Bowman", "Share", "“We", "agree,”", "(right)"])
_SEPS = st.sampled_from([" ", "  ", "\t", "\u00a0", "\n", "\n\n", "\r\n", "\u2028", " \x00", "\u200b "])


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_WORDS, _SEPS), min_size=3, max_size=80))
def test_mapped_offsets_property_on_random_text(pieces):
    from diurna.settings import Settings

    source = "".join(w + s for w, s in pieces)
    try:
        doc = clean(RawDocument(0, source, "text"), Settings())
    except Exception as exc:  # noqa: BLE001 - only coded errors are allowed
        assert getattr(exc, "code", "").startswith("E0"), exc
        return
    assert_map_holds(doc, source)
