"""Loaders for the CAMEO codebook (cameo.tsv) and the CAMEO -> PLOVER crosswalk
(plover.tsv), both written by the diurna project and validated here at load.

`codebook()` returns every code with its label, Goldstein score and QuadClass;
`plover(code)` returns the PLOVER type and mode of a code, inherited from the nearest
listed ancestor (0841 -> 084 -> 08) so the crosswalk need not repeat itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType

from . import read_tsv

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT", "ACCUSE",
    "REQUEST", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT",
)

# PLOVER 0.5 names used by older gold sets, and the 2021 names they became.
OLD_PLOVER_NAMES = MappingProxyType(
    {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
)

_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)(\d{1,2})?$")


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    label: str
    goldstein: float
    quad_class: int

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def parent(self) -> str | None:
        return self.code[:-1] if len(self.code) > 2 else None


@dataclass(frozen=True, slots=True)
class PloverType:
    type: str
    mode: str | None


def quad_class_of(root: str) -> int:
    """CAMEO QuadClass from the root: 1 verbal / 2 material cooperation, 3 verbal / 4
    material conflict."""
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@lru_cache(maxsize=None)
def codebook() -> Mapping[str, CameoCode]:
    """Every CAMEO code in cameo.tsv, validated: code shape, a parent for every
    sub-code, Goldstein within -10..10, QuadClass agreeing with the root."""
    out: dict[str, CameoCode] = {}
    for code, label, goldstein, quad in read_tsv("cameo.tsv", 4):
        where = f"cameo.tsv: code {code!r}"
        if not _CODE.match(code):
            raise ValueError(f"{where}: a CAMEO code is 2-4 digits with a root 01-20")
        if code in out:
            raise ValueError(f"{where} is listed twice; keep one row")
        entry = CameoCode(code, label, float(goldstein), int(quad))
        if not -10.0 <= entry.goldstein <= 10.0:
            raise ValueError(f"{where}: Goldstein score must lie in -10..10")
        if entry.quad_class != quad_class_of(entry.root):
            raise ValueError(f"{where}: QuadClass should be {quad_class_of(entry.root)} for root {entry.root}")
        if entry.parent is not None and entry.parent not in out:
            raise ValueError(f"{where}: list its parent {entry.parent!r} above it")
        out[code] = entry
    return MappingProxyType(out)


@lru_cache(maxsize=None)
def crosswalk() -> Mapping[str, PloverType | None]:
    """The rows of plover.tsv as written (None: the code has no PLOVER type)."""
    book = codebook()
    out: dict[str, PloverType | None] = {}
    for code, ptype, mode in read_tsv("plover.tsv", 3):
        if code not in book:
            raise ValueError(f"plover.tsv: {code!r} is not a code of cameo.tsv")
        if ptype != "-" and ptype not in PLOVER_TYPES:
            raise ValueError(f"plover.tsv: {code}: {ptype!r} is not one of the 16 PLOVER types")
        out[code] = None if ptype == "-" else PloverType(ptype, None if mode == "-" else mode)
    missing = sorted({c.root for c in book.values()} - set(out))
    if missing:
        raise ValueError(f"plover.tsv: add a row for every CAMEO root; missing {missing}")
    return MappingProxyType(out)


def plover(code: str) -> PloverType | None:
    """The PLOVER type of a CAMEO code, from the nearest listed ancestor."""
    table = crosswalk()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    raise KeyError(f"{code!r} is not a CAMEO code")


def lookup(code: str) -> CameoCode:
    try:
        return codebook()[code]
    except KeyError:
        raise KeyError(f"{code!r} is not a CAMEO code in cameo.tsv") from None
