"""Title, dateline and wire-agency credit: taken out of the body, kept as metadata."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import knowledge

# "NAIROBI —", "WASHINGTON (AP) —", "KYIV, Ukraine, March 3 (Reuters) -", "Abuja, 4 March:"
_DATELINE = re.compile(
    r"""^(?P<place>[A-Z][A-Z.'\- ]{1,40}?|[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2})
        (?:,\s(?P<region>[A-Z][A-Za-z.\- ]{1,30}?))?
        (?:,?\s(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}
                       |\d{1,2}\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*))?
        \s?(?P<agency>\((?:[A-Za-z][A-Za-z\- ]{0,30})\))?
        \s?(?:[—–]|--?|:)\s+""",
    re.X,
)


def split_title(paras: list[str]) -> tuple[str | None, list[str]]:
    """The first paragraph is the title when it reads as a headline: one short line,
    no closing full stop, followed by more text."""
    if len(paras) < 2:
        return None, paras
    first = paras[0]
    if len(first) <= 200 and not first.endswith((".", ":", ";", ",")) and len(first.split()) <= 25 and not _DATELINE.match(first):
        return first, paras[1:]
    return None, paras


def split_dateline(para: str) -> tuple[str | None, str | None, str]:
    """(dateline place, agency named in it, the paragraph without the dateline)."""
    m = _DATELINE.match(para)
    if not m:
        return None, None, para
    place = m["place"].strip()
    rest = para[m.end():]
    # An all-caps place is a dateline by convention; a Title-case one needs a dash
    # ("Abuja — ...") so that "Paris: the city..." or "Mr Ruto - ..." stay text.
    if not place.isupper() and not re.search(r"[—–]", m.group(0)):
        return None, None, para
    if not rest or not (rest[0].isupper() or rest[0] in "\"'“‘"):
        return None, None, para
    agency = agency_name(m["agency"].strip("()")) if m["agency"] else None
    return _titlecase_place(place), agency, rest


def _titlecase_place(place: str) -> str:
    if place.isupper():
        return " ".join(w.capitalize() if len(w) > 2 else w.capitalize() for w in place.split())
    return place


@lru_cache(maxsize=1)
def _credit_forms() -> dict[str, str]:
    forms = {}
    for name, credits in knowledge.agencies():
        for form in credits:
            forms[form.strip("()")] = name
    return forms


def agency_name(credit: str) -> str | None:
    return _credit_forms().get(credit.strip().strip("()"))


# A trailing credit paragraph: "REUTERS", "— AFP", "(Reporting by ...; Editing by ...) Reuters"
_CREDIT_LINE = re.compile(r"^[—–\-\s(]*(?P<credit>[A-Za-z][A-Za-z\- ]{1,30}?)[)\s.]*$")


def split_agency_credit(paras: list[str]) -> tuple[str | None, list[str], str | None]:
    """(agency, paragraphs without a trailing credit line, the removed line)."""
    if len(paras) < 2:
        return None, paras, None
    m = _CREDIT_LINE.match(paras[-1])
    if m:
        name = agency_name(m["credit"])
        if name:
            return name, paras[:-1], paras[-1]
    return None, paras, None
