"""A publication date written out in a line ("Published March 14, 2025").

The reader uses it for a record's written `published` field; the clean stage for a page's
timestamp line. There, only lines the classifier removed as timestamps are read: a date in
the story itself is the date of an event, not of the article. The result is marked inferred.
Here in `read`, the lowest layer that needs it: `read` does not import `clean`.
"""

from __future__ import annotations

import re
from datetime import date

_MONTHS = {m: n for n, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MDY = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})\b", re.I)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s(\d{4})\b", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")


def date_in_line(line: str, *, day_first: bool = False, numeric: bool = True) -> str | None:
    """YYYY-MM-DD of the first full date in `line`, or None. `numeric=False` refuses
    ambiguous forms such as 03/04/2026."""
    line = line[:200]
    candidates = []
    if m := _ISO.search(line):
        candidates.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    if m := _MDY.search(line):
        candidates.append((m.start(), int(m[3]), _MONTHS[m[1][:3].lower()], int(m[2])))
    if m := _DMY.search(line):
        candidates.append((m.start(), int(m[3]), _MONTHS[m[2][:3].lower()], int(m[1])))
    if numeric and (m := _NUMERIC.search(line)):
        a, b = int(m[1]), int(m[2])
        month, day = (b, a) if day_first else (a, b)
        candidates.append((m.start(), int(m[3]), month, day))
    for _, y, mo, d in sorted(candidates):
        try:
            return date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None
