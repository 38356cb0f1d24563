"""institutions.yaml: named state bodies and media with their country and sector."""

from __future__ import annotations

import pytest

from diurna.knowledge import gazetteer as G


@pytest.mark.parametrize(("text", "name", "country", "sector"), [
    ("the Kremlin", "Kremlin", "RUS", "GOV"),
    ("the Pentagon", "Pentagon", "USA", "MIL"),
    ("Whitehall", "Downing Street", "GBR", "GOV"),
    ("the Élysée", "Élysée", "FRA", "GOV"),
    ("the Blue House", "Blue House", "KOR", "GOV"),
    ("Foggy Bottom", "State Department", "USA", "GOV"),
    ("Zhongnanhai", "Zhongnanhai", "CHN", "GOV"),
    ("the Justice Department", "Justice Department", "USA", "JUD"),
    ("Xinhua", "Xinhua", "CHN", "MED"),
    ("VOA", "Voice of America", "USA", "MED"),
])
def test_institutions_knowledge_finds(text, name, country, sector):
    matches = G.load_gazetteer().find(f"Yesterday {text} said so.")
    term = matches[0].first("institution") if matches else None
    assert term is not None and (term.name, term.country, term.sector) == (name, country, sector)


@pytest.mark.parametrize("text", ["the white house on the hill", "an ice storm", "a blue house"])
def test_institutions_knowledge_ignores_common_words(text):
    assert not any(m.first("institution") for m in G.load_gazetteer().find(f"Yesterday {text} was seen."))


@pytest.mark.parametrize(("row", "says"), [
    ({"names": [], "country": "USA", "sector": "GOV"}, "no names"),
    ({"names": ["Xanadu Palace"], "country": "XXX", "sector": "GOV"}, "unknown country"),
    ({"names": ["Xanadu Palace"], "country": "USA", "sector": "REB"}, "sector"),
])
def test_institutions_knowledge_bad_row_says_what_to_fix(row, says):
    with pytest.raises(ValueError, match=says):
        G.institutions(G._Builder(), {"USA": "United States"}, [row])


def test_institutions_knowledge_bare_words_have_sectors():
    roles = G.load_roles()
    for phrase in [("rebels",), ("police",), ("foreign", "ministry"), ("spokeswoman",), ("investigators",)]:
        assert phrase in roles.bare and roles.sector_of(phrase)
    assert ("people",) not in roles.bare and ("foreign", "ministers") not in roles.bare
