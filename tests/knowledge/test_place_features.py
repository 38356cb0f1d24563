"""place_features.yaml: the feature classes of the place gazetteer, validated at load."""

from __future__ import annotations

import pytest

from diurna.knowledge import place_features


def _good() -> dict:
    row = {"prior": 1.0, "specificity": 1}
    classes = ("country", "continent", "admin1", "admin2", "county", "city")
    lists = ("strong", "org_prefix", "areas", "qualifiable", "qualifiers", "metonyms", "extra")
    return {"features": {c: dict(row) for c in classes}, **{k: ["city"] for k in lists}}


def test_place_features_shipped_file_loads() -> None:
    f = place_features.load()
    assert f.prior["country"] > f.prior["admin1"] > f.prior["county"] > f.prior["city"]
    assert f.specificity["city"] < f.specificity["admin1"] < f.specificity["country"]
    assert "county" in f.strong and "river" not in f.strong
    assert f.qualifiers == {"country", "admin1"}


def test_place_features_parse_accepts_good_table() -> None:
    assert place_features.parse(_good()).metonyms == frozenset({"city"})


@pytest.mark.parametrize(("change", "message"), [
    ({"strong": ["town"]}, "not in features"),  # a class the table does not weigh
    ({"strong": []}, "non-empty"),
    ({"areas": ["City"]}, "one lower-case word"),
    ({"extra": ["city", "city"]}, "listed twice"),
    ({"features": {"city": {"prior": 1.0, "specificity": 0}}}, "not in features"),  # a class the code names
    ({"features": {"city": {"prior": "high", "specificity": 0}}}, "a number"),
    ({"features": {"city": {"prior": 1.0}}}, "a number"),
    ({"features": []}, "mapping of class"),
    ({"more": ["city"]}, "expected exactly the keys"),
])
def test_place_features_parse_rejects(change: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        place_features.parse(_good() | change)
