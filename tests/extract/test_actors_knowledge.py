from __future__ import annotations

import pytest

from diurna.errors import DiurnaError
from diurna.knowledge.actors_loader import parse_actors, parse_petrarch
from diurna.knowledge.gazetteer import load_gazetteer, office_on


def test_actors_knowledge_covers_all_countries():
    g = load_gazetteer()
    assert len([c for c in g.country_names if len(c) == 3 and c.isalpha() and c not in g.igo_codes]) >= 240
    for code in ("UNO", "NAT", "EUR", "AFU", "ASN", "IAE", "IMF", "WTO", "GSV", "GTW", "OPC"):
        assert code in g.country_names


@pytest.mark.parametrize(("text", "kind", "country"), [
    ("Burkinabe", "adj", "BFA"), ("Ivorians", "people", "CIV"), ("Emirati", "adj", "ARE"),
    ("Bosnian", "adj", "BIH"), ("U.S.", "country", "USA"), ("N'Djamena", "capital", "TCD"),
    ("Côte d'Ivoire", "country", "CIV"), ("COTE D'IVOIRE", "country", "CIV"), ("al-Shabaab", "group", "SOM"),
    ("Khatmandu", "capital", "NPL"), ("Sindh", "place", "PAK"), ("Serbs", "people", "SRB"), ("Jewish settlers", "group", "ISR"),
    ("Tripoli", "capital", "LBY"), ("Tripoli", "place", "LBN"), ("Physicians for Human Rights", "igo", "NGO"),
    ("Idi Amin", "actor", "UGA"), ("Desmond Tutu", "actor", "ZAF"), ("Geneva", "place", "CHE"),
])
def test_actors_gazetteer_finds(text, kind, country):
    matches = load_gazetteer().find(f"Yesterday {text} acted.")
    assert matches and matches[0].text == text and matches[0].first(kind).country == country


@pytest.mark.parametrize("text", ["us and them", "the chad of a ballot", "is it"])
def test_actors_gazetteer_ignores_lowercase_words(text):
    assert load_gazetteer().find(text) == []


def test_actors_office_on_dates():
    g = load_gazetteer()
    (scholz,) = g.actor_for("Olaf Scholz")
    assert office_on(scholz, "2023-01-01")[0].role == "Chancellor"
    assert office_on(scholz, "2026-01-01")[1] is True  # a former chancellor


def test_actors_petrarch_dates_and_aliases():
    text = "<!-- header -->\nSMEAGOL\n+GOLLUM\n\t[HOB < 950601]\n\t[HOBREB > 990816]\nARNOR [ARN] # comment\n"
    smeagol, arnor = parse_petrarch(text, "t.txt")
    assert smeagol.aliases == ("Gollum",) and smeagol.offices[0].end == "1995-06-01"
    assert smeagol.offices[1].sector == "REB" and arnor.country == "ARN" and arnor.type == "ORG"


@pytest.mark.parametrize("block, code, country", [
    ("[+++]", None, None), ("[---]", None, None), ("[###]", None, None),
    ("[ARN/GON/ROH]", "ARN", "ARN"), ("[arnreb]", "ARNREB", "ARN"),
    ("[ARNGOV 20100109-20100112]", "ARNGOV", "ARN"), ("[ARNGOV 100109 - 100112]", "ARNGOV", "ARN"),
])
def test_actors_petrarch_code_blocks(block, code, country):
    (actor,) = parse_petrarch(f"<! -- an old-style comment -->\nMINAS_TIRITH  {block}\n", "t.txt")
    assert actor.name == "Minas Tirith" and actor.code == code and actor.country == country


@pytest.mark.parametrize("block", ["[AR N]", "[ARN < May]", "[++]", "[ARN 2010-2011 - 2012]"])
def test_actors_petrarch_bad_code_block_names_the_line(block):
    with pytest.raises(DiurnaError, match="t.txt:2"):
        parse_petrarch(f"ARNOR [ARN]\nGONDOR {block}\n", "t.txt", strict=True)


@pytest.mark.parametrize("data", [{"actors": [{"country": "FRA"}]}, {"actors": [{"name": "X", "sector": "BAD"}]},
                                  {"people": []}, {"actors": [{"name": "X", "offices": [{"from": "May 2020"}]}]}])
def test_actors_bad_user_file_says_what_to_fix(data):
    with pytest.raises(DiurnaError):
        parse_actors(data, "mine.yaml")


@pytest.mark.parametrize(("word", "country"), [
    ("Ethopia", "ETH"), ("Afganistan", "AFG"), ("Phillippines", "PHL"), ("Bangaldesh", "BGD"),
    # negatives: short names, a changed first letter, real towns, exact names, two near names
    ("Irak", None), ("Iberia", None), ("Olivia", None), ("Columbia", None), ("Indiana", None),
    ("Ethiopia", None), ("Kristina", None),
])
def test_actors_knowledge_near_country_names(word, country):
    terms = load_gazetteer().near(word)
    assert (terms[0].country if terms else None) == country


@pytest.mark.parametrize(("name", "country"), [("Cizre", "TUR"), ("Jericho", "PSE"), ("Tripoli", None), ("Zzyzxville", None)])
def test_actors_knowledge_town_country(name, country):
    from diurna.knowledge.gazetteer import town_country

    assert town_country(name) == country


def test_actors_knowledge_peoples_have_homes():
    g = load_gazetteer()
    (m,) = g.find("Kurdish")
    assert m.first("adj").homes[0] == "IRQ" and "TUR" in m.first("adj").homes


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Labour", "Labour Party", "GBR"), ("the Tories", "Conservative Party", "GBR"),
    ("Lib Dems", "Liberal Democrats", "GBR"), ("Republicans", "Republican Party", "USA"),
    ("the BJP", "Bharatiya Janata Party", "IND"), ("United Russia", "United Russia", "RUS"),
    ("the Communist Party of China", "Chinese Communist Party", "CHN"),
    ("the TUC", "Trades Union Congress", "GBR"),
    # not a party, or no one country's
    ("child labour", None, None), ("the Democratic Party", None, None), ("the Communist Party", None, None),
    ("conservative voters", None, None),
])
def test_actors_knowledge_parties(text, name, country):
    term = next((t for m in load_gazetteer().find(f"Yesterday {text} acted.") if (t := m.first("actor"))), None)
    assert (term.name if term else None, term.country if term else None) == (name, country)
    assert term is None or term.actor.type == "ORG" and term.actor.sector in ("PTY", "LAB")
