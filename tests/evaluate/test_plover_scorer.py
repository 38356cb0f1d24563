"""The PLOVER scorer's reading of gold actor codes (no data needed)."""

from __future__ import annotations

import pytest

from diurna.evaluate.plover import _countries, gold_type


@pytest.mark.parametrize(("actors", "expected"), [
    ([{"actorText": "Gondor", "code": "GON"}], ["GON"]),
    # pre-ISO CAMEO codes in the gold read as the ISO codes we emit
    ([{"actorText": "Tokyo", "code": "JAP"}, {"actorText": "Rome", "code": "ITL"}], ["JPN", "ITA"]),
    ([{"actorText": "Hanoi", "code": "VTN"}], ["VNM"]),
    # not a country code: compound, missing, not a list
    ([{"actorText": "rebels", "code": "GONREB"}], []),
    ([{"actorText": "rebels"}], []),
    ("GON", []),
])
def test_plover_scorer_gold_countries(actors: object, expected: list[str]) -> None:
    assert _countries(actors) == expected


@pytest.mark.parametrize(("name", "expected"), [
    ("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("FIGHT", "ASSAULT"), ("AGREE", "AGREE"),
])
def test_plover_scorer_old_type_names(name: str, expected: str) -> None:
    assert gold_type(name) == expected
