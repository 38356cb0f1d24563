"""The feature classes of the place gazetteer (place_features.yaml): the prior and the
specificity of each class and the classes each geo rule accepts, loaded once and
validated. The classes the code builds or asks for by name are spelled here once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Final

from . import load_yaml
from .wordlists import word_list

FILE = "place_features.yaml"
# The classes the gazetteer builder and the geo rules name in code.
COUNTRY: Final = "country"
CONTINENT: Final = "continent"
ADMIN1: Final = "admin1"
ADMIN2: Final = "admin2"
COUNTY: Final = "county"
CITY: Final = "city"
_NAMED = (COUNTRY, CONTINENT, ADMIN1, ADMIN2, COUNTY, CITY)
_LISTS = ("strong", "org_prefix", "areas", "qualifiable", "qualifiers", "metonyms", "extra")


@dataclass(frozen=True, slots=True)
class PlaceFeatures:
    prior: Mapping[str, float]  # class -> the score a reading starts with
    specificity: Mapping[str, int]  # class -> smaller is finer
    strong: frozenset[str]
    org_prefix: frozenset[str]
    areas: frozenset[str]
    qualifiable: frozenset[str]
    qualifiers: frozenset[str]
    metonyms: frozenset[str]
    extra: frozenset[str]


def parse(data: object, source: str = FILE) -> PlaceFeatures:
    """Validate the YAML mapping and build PlaceFeatures; errors name the key to fix."""
    keys = ("features", *_LISTS)
    if not isinstance(data, dict) or set(data) != set(keys):
        got = sorted(data) if isinstance(data, dict) else type(data).__name__
        raise ValueError(f"{source}: expected exactly the keys {', '.join(keys)}; got {got}")
    table = data["features"]
    if not isinstance(table, dict) or not table:
        raise ValueError(f"{source}:features: expected a mapping of class -> {{prior, specificity}}")
    prior: dict[str, float] = {}
    specificity: dict[str, int] = {}
    for name, row in table.items():
        where = f"{source}:features:{name}"
        word_list([name], where)
        if not isinstance(row, dict) or set(row) != {"prior", "specificity"} \
                or not isinstance(row["prior"], (int, float)) or isinstance(row["prior"], bool) \
                or not isinstance(row["specificity"], int) or isinstance(row["specificity"], bool):
            raise ValueError(f"{where}: expected {{prior: a number, specificity: a whole number}}")
        prior[name], specificity[name] = float(row["prior"]), row["specificity"]
    lists = {k: frozenset(word_list(data[k], f"{source}:{k}")) for k in _LISTS}
    for key, members in (*lists.items(), ("the code", frozenset(_NAMED))):
        unknown = sorted(members - set(table))
        if unknown:
            raise ValueError(f"{source}: {key} names {unknown}, which are not in features")
    return PlaceFeatures(MappingProxyType(prior), MappingProxyType(specificity), **lists)


@lru_cache(maxsize=None)
def load() -> PlaceFeatures:
    """The shipped table (package data: never changes during a run)."""
    return parse(load_yaml(FILE))
