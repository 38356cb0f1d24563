"""PETRARCH agent dictionaries read from actor files ("PRESIDENT [~GOV]"). The
entries are written for the tests."""

from __future__ import annotations

import pytest

from diurna.errors import DiurnaError
from diurna.knowledge.actors_loader import parse_petrarch, parse_petrarch_agents
from diurna.knowledge.gazetteer import load_roles


@pytest.mark.parametrize("line, phrases, code, first", [
    ("PRESIDENT [~GOV] # a comment", ["president"], "GOV", False),
    ("FOREIGN_MINISTER {} [~GOVFRM]", ["foreign minister"], "GOVFRM", False),
    ("ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]", ["attorney general", "attorneys general"], "JUD", False),
    ("POLICE {} [ ~COP]", ["police"], "COP", False),
    ("MSF {}  [NGO~]", ["msf"], "NGO", True),
    ("CONGRESS!PERSON! [~LEG]", ["congressman", "congresswoman"], "LEG", False),
])
def test_actors_loader_agents_entries(line, phrases, code, first):
    agents = parse_petrarch_agents(f"<!-- agents -->\n!PERSON! = MAN, WOMAN\n{line}\n", "a.txt")
    assert [a.phrase for a in agents] == phrases
    assert {(a.code, a.first) for a in agents} == {(code, first)}


@pytest.mark.parametrize("text", ["ARNOR [ARN]\n", "# nothing\n", "GONDOR\n\t[GON]\n"])
def test_actors_loader_agents_none_in_an_actor_file(text):
    assert parse_petrarch_agents(text, "a.txt") == ()


@pytest.mark.parametrize("line, message", [
    ("PRESIDENT [~G OV!]", "a.txt:2"),
    ("!MINST!_OF_WALKS [~GOV]", "a.txt:2: substitution !MINST!"),
])
def test_actors_loader_agents_bad_lines_name_the_line(line, message):
    with pytest.raises(DiurnaError, match=message):
        parse_petrarch_agents(f"# agents\n{line}\n", "a.txt", strict=True)


def test_actors_loader_agents_mixed_file_keeps_actors_apart():
    text = "ARNOR [ARN]\n!PERSON! = MAN\nPRESIDENT [~GOV]\nGONDOR [GON]\n"
    assert [a.name for a in parse_petrarch(text, "a.txt")] == ["Arnor", "Gondor"]
    assert [a.phrase for a in parse_petrarch_agents(text, "a.txt")] == ["president"]


def test_actors_loader_agents_win_over_our_roles_and_skip_prefix_codes():
    agents = parse_petrarch_agents("PRESIDENT [~GOVPRS]\nSHIRRIFF [~COPX]\nMSF [NGO~]\n", "a.txt")
    roles = load_roles(agents)
    assert roles.sector_of(("president",)) == "GOVPRS"
    assert roles.sector_of(("shirriffs",)) == "COPX"  # regular plural
    assert roles.sector_of(("msf",)) is None
    assert load_roles().sector_of(("president",)) == "GOV"
