"""The CAMEO codebook and PLOVER crosswalk we ship: shape, and agreement of the facts
(codes, Goldstein scores, PLOVER types and modes) with the public reference tables in
../shared/data when they are present. The reference files are read, never copied."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from diurna.knowledge import cameo


def test_cameo_codebook_covers_every_root() -> None:
    roots = {c.root for c in cameo.codebook().values()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


@pytest.mark.parametrize(
    ("code", "quad", "goldstein"),
    [("057", 1, 8.0), ("043", 1, 2.8), ("0841", 2, 7.0), ("112", 3, -2.0), ("173", 4, -5.0), ("2042", 4, -10.0)],
)
def test_cameo_lookup_known_codes(code: str, quad: int, goldstein: float) -> None:
    entry = cameo.lookup(code)
    assert (entry.quad_class, entry.goldstein) == (quad, goldstein)


@pytest.mark.parametrize("code", ["21", "999", "0", "05x", ""])
def test_cameo_lookup_rejects_unknown_codes(code: str) -> None:
    with pytest.raises(KeyError):
        cameo.lookup(code)


@pytest.mark.parametrize(
    ("code", "ptype", "mode"),
    [("043", "CONSULT", "visit"), ("0841", "RETREAT", "release"), ("163", "COERCE", "restrict"),
     ("1712", "ASSAULT", "seize"), ("195", "ASSAULT", "heavy-weapons"), ("0214", "REQUEST", "appeal"),
     ("1125", "ACCUSE", "allege"), ("091", "ACCUSE", "investigate")],
)
def test_cameo_plover_inherits_from_ancestors(code: str, ptype: str, mode: str) -> None:
    assert cameo.plover(code) == cameo.PloverType(ptype, mode)


def test_cameo_plover_statements_have_no_type() -> None:
    assert cameo.plover("010") is None and cameo.plover("01") is None


def test_cameo_plover_uses_only_the_sixteen_types() -> None:
    used = {cameo.plover(c).type for c in cameo.codebook() if cameo.plover(c)}
    assert used == set(cameo.PLOVER_TYPES) and len(cameo.PLOVER_TYPES) == 16


def _reference_table(path: Path) -> dict[str, str]:
    rows = path.read_text("utf-8").splitlines()[1:]
    return dict(r.split("\t", 1) for r in rows if "\t" in r)


def test_cameo_agrees_with_reference_tables(data_dir: Path) -> None:
    ref_codes = _reference_table(data_dir / "events/cameo/CAMEO.eventcodes.txt")
    ref_scores = _reference_table(data_dir / "events/cameo/CAMEO.goldsteinscale.txt")
    ours = cameo.codebook()
    assert set(ours) == set(ref_scores)
    assert set(ours) == {c for c in ref_codes if len(c) >= 2}
    wrong = {c: (e.goldstein, ref_scores[c]) for c, e in ours.items() if e.goldstein != float(ref_scores[c])}
    assert wrong == {}


_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?")


def test_cameo_plover_agrees_with_reference_crosswalk(data_dir: Path) -> None:
    """Every code of the 2021 table that is in our codebook gets its type and mode.
    Root lines ("08: CONCEDE") name only the root's first type, so they are skipped."""
    wrong = {}
    checked = 0
    for line in (data_dir / "events/cameo2plover.txt").read_text("utf-8").splitlines():
        m = _LINE.match(line)
        if not m or len(m.group(1)) == 2 or m.group(1) not in cameo.codebook():
            continue
        code, ptype, mode = m.group(1), m.group(2), (m.group(3) or "").strip() or None
        ours = cameo.plover(code)
        checked += 1
        if ours != cameo.PloverType(ptype, mode):
            wrong[code] = (ours, ptype, mode)
    assert checked > 250 and wrong == {}
