"""Datelines, agency credits and headlines: tables with cases that must yield nothing."""

from __future__ import annotations

import pytest

from diurna.clean.metadata import agency_in_credit, looks_like_headline, split_dateline, wire_credit_agency


@pytest.mark.parametrize("para,place,agency,rest", [
    ("NAIROBI – Kenya said on Monday.", "Nairobi", None, "Kenya said on Monday."),
    ("WASHINGTON (AP) — The president said.", "Washington", "Associated Press", "The president said."),
    ("KYIV, Ukraine, March 3 (Reuters) - Russia said.", "Kyiv", "Reuters", "Russia said."),
    ("PARIS/BERLIN, March 3 (Reuters) - France and Germany agreed.", "Paris/Berlin", "Reuters", "France and Germany agreed."),
    ("Abuja — Leaders met on Tuesday.", "Abuja", None, "Leaders met on Tuesday."),
    ("Esgaroth (dpa) - Talks collapsed.", "Esgaroth", "dpa", "Talks collapsed."),
    ("UNITED NATIONS — The U.N. voted.", "United Nations", None, "The U.N. voted."),
    ("N’DJAMENA, Chad (AP) — The army said.", "N’Djamena", "Associated Press", "The army said."),
    # negatives: no dateline
    ("Mr Ruto - he said - would go.", None, None, None),
    ("Paris: the city of light hosts talks.", None, None, None),
    ("Exclusive: Second ship leaves port", None, None, None),
    ("UN: talks resume", None, None, None),
    ("The minister said on Monday that talks would resume.", None, None, None),
])
def test_metadata_split_dateline(para, place, agency, rest):
    got_place, got_agency, start = split_dateline(para)
    assert (got_place, got_agency) == (place, agency)
    if place:
        assert para[start:] == rest
    else:
        assert start == 0


@pytest.mark.parametrize("line,agency", [
    ("REUTERS", "Reuters"), ("— AFP", "Agence France-Presse"), ("(AP)", "Associated Press"),
    ("BLOOMBERG", "Bloomberg"), ("AFP/dpa", "Agence France-Presse"), ("Reuters.", "Reuters"),
    ("Gondor", None), ("The minister told Reuters on Monday that talks would go on.", None), ("", None),
])
def test_metadata_wire_credit_agency(line, agency):
    assert wire_credit_agency(line) == agency


@pytest.mark.parametrize("line,agency", [
    ("© 2026 Reuters", "Reuters"), ("Copyright 2026 The Associated Press. All rights reserved.", "Associated Press"),
    ("(FRANCE 24 with AFP)", "Agence France-Presse"), ("© 2026 The Harbour Times", None),
])
def test_metadata_agency_in_credit(line, agency):
    assert agency_in_credit(line) == agency


@pytest.mark.parametrize("text,expected", [
    ("Gondor and Arnor sign river pact", True),
    ("Exclusive: Second Iranian ship leaves China", True),
    ("The minister said the talks would resume.", False),
    ("By Arwen Undomiel", False),
    ("NAIROBI — Kenya said", False),
])
def test_metadata_looks_like_headline(text, expected):
    assert looks_like_headline(text) is expected
