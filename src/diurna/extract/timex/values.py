"""TIMEX3 value helpers shared by the rules: durations, and underspecified values
for texts without an anchor date."""

from __future__ import annotations

_LOWER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}


def duration(n: float | None, unit: str) -> str:
    """P3W, PT5H, P20Y ("two decades"), PT5H30M ("5 1/2 hours"), PXY (vague count)."""
    mult = 1
    if unit[0].isdigit():  # "10Y" decade, "100Y" century, "2W" fortnight
        digits = unit.rstrip("YWDMQTHS")
        mult, unit = int(digits), unit[len(digits):]
    clock = unit.startswith("T")
    letter = unit[-1]
    if n is None:
        return f"PTX{letter}" if clock else f"PX{letter}"
    n *= mult
    whole = int(n)
    frac = n - whole
    out = f"{whole}{letter}" if whole else ""
    if frac and unit in _LOWER:
        low, k = _LOWER[unit]
        part = f"{round(frac * k):g}{low[-1]}"
        if low.startswith("T") and not clock:
            out = f"{out}T{part}"
        else:
            out += part
        clock = clock or low.startswith("T") and not whole
    elif frac:
        out = f"{n:g}{letter}"
    return f"PT{out}" if clock else f"P{out}"


def ref_for(direction: int) -> str:
    """An unanchored relative expression: past, present or future reference."""
    return "PAST_REF" if direction < 0 else "FUTURE_REF" if direction > 0 else "PRESENT_REF"
