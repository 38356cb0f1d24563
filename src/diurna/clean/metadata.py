"""Title, dateline and wire agency: taken out of the body, kept as metadata.

Datelines: "NAIROBI –", "WASHINGTON (AP) —", "KYIV, Ukraine, March 3 (Reuters) -",
"PARIS/BERLIN, March 3 (Reuters) -", "Abuja, 4 March:", "WASHINGTON — (AP) —", and an
agency with no place, "(VOA) —". Agency credits: the dateline's "(AP)", a trailing
"REUTERS" / "— AFP" line, "(FRANCE 24 with AFP)", a copyright line "© 2025 The Associated
Press", matched against the forms in knowledge/agencies.tsv. A place printed in capitals
is written as a name with knowledge/place_names.yaml ("RIO DE JANEIRO" -> "Rio de Janeiro").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import knowledge
from ..knowledge import place_names
from ..knowledge.regex_cache import regex

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_UPPER_PLACE = r"[A-Z][A-ZÀ-Ý.'’\-]*(?:[ /][A-Z][A-ZÀ-Ý.'’\-]*){0,3}"
_TITLE_PLACE = r"[A-Z][a-zà-ÿ'’]+(?:[ \-][A-Z][a-zà-ÿ'’]+){0,2}"
_DATELINE = regex(
    rf"""^(?P<place>{_UPPER_PLACE}|{_TITLE_PLACE})
        (?:,\s(?P<region>[A-Z][A-Za-z.\- ]{{1,30}}?))?
        (?:,?\s(?P<date>{_MONTH}\s\d{{1,2}}|\d{{1,2}}\s{_MONTH})(?:,\s\d{{4}})?)?
        \s?(?P<agency>\((?:[A-Za-z][A-Za-z\-. ]{{0,30}})\))?
        \s?(?:(?P<dash>[—–]|--?|:)\s+|(?P<tight>[—–]))""",
    re.X,
)
_OPENING = "\"'“‘(["
_DASH = r"(?:[—–]|--?)"
# An agency credit standing where a dateline's place would be, or after its dash:
# "(VOA) — ...", "— (AP) ...", "WASHINGTON — (AP) — ...". The agency must be known.
_AGENCY_FIRST = regex(rf"^(?:{_DASH}\s?)?\((?P<agency>[A-Za-z][A-Za-z\-. ]{{0,30}})\)\s?(?:{_DASH}|:)?\s+")
_AGENCY_AFTER = regex(rf"^\((?P<agency>[A-Za-z][A-Za-z\-. ]{{0,30}})\)\s?(?:{_DASH}\s+|\s*)")


def looks_like_headline(text: str) -> bool:
    """One short line, no closing full stop, not a dateline or a byline."""
    return (
        len(text) <= 200
        and len(text.split()) <= 25
        and not text.endswith((".", ":", ";", ","))
        and split_dateline(text)[2] == 0
        and not re.match(r"(?i)by\s", text)
    )


def split_dateline(para: str) -> tuple[str | None, str | None, int]:
    """(dateline place, agency named in it, where the story starts in `para`); a
    dateline of an agency alone ("(VOA) — ...") has no place, and the start is then > 0."""
    m = _AGENCY_FIRST.match(para[:60])
    if m:
        agency = agency_name(m["agency"])
        rest = para[m.end():]
        if agency and rest and (rest[0].isupper() or rest[0].isdigit() or rest[0] in _OPENING):
            return None, agency, m.end()
        return None, None, 0
    m = _DATELINE.match(para[:200])
    if not m:
        return None, None, 0
    place = m["place"].strip()
    end = m.end()
    agency = agency_name(m["agency"].strip("()")) if m["agency"] else None
    after = _AGENCY_AFTER.match(para[end:end + 60])
    if after and not m["agency"] and agency_name(after["agency"]):
        agency, end = agency_name(after["agency"]), end + after.end()  # "WASHINGTON — (AP) ..."
    rest = para[end:]
    # An all-caps place is a dateline by convention; a Title-case one needs a dash
    # ("Abuja — ...") or a date so that "Paris: the city..." and "Mr Ruto - ..." stay text.
    # A dash with no space after it only after capitals ("BOGOTA—The ..."): "Russia—Ukraine
    # talks" is a compound.
    if m["tight"] and not place.isupper():
        return None, None, 0
    if not place.isupper() and not (m["dash"] in ("—", "–") or m["date"] or m["agency"]):
        return None, None, 0
    if place.isupper() and len(place.replace(" ", "")) < 3 and not m["agency"]:
        return None, None, 0  # "UN: ..." / "AP - ..." are not places
    if not rest or not (rest[0].isupper() or rest[0].isdigit() or rest[0] in _OPENING):
        return None, None, 0
    return _titlecase_place(place), agency, end


def _titlecase_place(place: str) -> str:
    if not place.isupper():
        return place
    return "/".join(_name(part.split()) for part in place.split("/"))


def _name(words: list[str]) -> str:
    """Words of a place printed in capitals as a name: "RIO DE JANEIRO" -> "Rio de Janeiro",
    "PORT-AU-PRINCE" -> "Port-au-Prince", "DEIR AL-BALAH" -> "Deir al-Balah"."""
    particles = place_names.load().particles
    out = []
    for n, word in enumerate(words):
        pieces = word.split("-")
        out.append("-".join(p.lower() if (n or k) and p.lower() in particles else _cap(p)
                            for k, p in enumerate(pieces)))
    return " ".join(out)


def _cap(word: str) -> str:
    # "N’DJAMENA" -> "N’Djamena", "ADDIS" -> "Addis", "MCALLEN" -> "McAllen"
    m = re.match(r"^([A-Z][’'])(.+)$", word)
    if m:
        return m[1] + m[2].capitalize()
    for prefix in place_names.load().capital_after:
        if word.lower().startswith(prefix) and len(word) > len(prefix) + 1:
            return prefix.capitalize() + word[len(prefix):].capitalize()
    return word.capitalize()


@lru_cache(maxsize=1)
def _credit_forms() -> dict[str, str]:
    forms = {}
    for name, credits in knowledge.agencies():
        for form in credits:
            forms[form.strip("()")] = name
    return forms


@lru_cache(maxsize=1)
def _mention_pattern() -> re.Pattern[str]:
    # a name listed only in brackets ("(VOA)") is no mention ("of VOA's Urdu Service")
    mentioned = {form.strip("()") for _, credits in knowledge.agencies() for form in credits
                 if not all(c.startswith("(") for c in credits)}
    names = sorted(mentioned, key=len, reverse=True)
    return regex(r"(?<![\w/])(" + "|".join(re.escape(n) for n in names) + r")(?![\w/])")


def agency_name(credit: str) -> str | None:
    return _credit_forms().get(credit.strip().strip("()").strip())


# A credit paragraph: "REUTERS", "— AFP", "(AP)", "AFP/dpa", "Reuters."
_CREDIT_LINE = regex(r"^[—–\-\s(/|]{0,4}(?P<credit>[A-Za-z][A-Za-z\-. ]{1,30}?(?:/[A-Za-z][A-Za-z\-. ]{1,30}?)?)[)\s./]{0,4}$")


def wire_credit_agency(text: str) -> str | None:
    """The agency of a paragraph that is nothing but a wire credit, else None."""
    if len(text) > 80:
        return None
    m = _CREDIT_LINE.match(text)
    if not m:
        return None
    names = [agency_name(part) for part in m["credit"].split("/")]
    return names[0] if names and all(names) else None


def agency_in_credit(text: str) -> str | None:
    """The first agency named in a removed credit or copyright line ("© 2025 Reuters")."""
    m = _mention_pattern().search(text[:400])
    return _credit_forms()[m[1]] if m else None


# A wire credit closing the story's last paragraph: "... the ministry said. REUTERS",
# "... said. (AFP)", "... said. — AP", "(dpa)", "--AP", "/AFP/", "— Associated Press",
# "| Reuters", "– dpa", "(Agence France-Presse)", or the agency's name alone after the
# last sentence ("... said. Reuters"); "... told Reuters." is a sentence (no full stop
# before the name). The agency must be one of agencies.tsv.
# The leftmost match is the one tried, so the credit's shape is strict: a lower-case
# name only in brackets, slashes or after a dash, more than one word only after a dash
# or in brackets (else "...,” said Pant. REUTERS" would be read from "said").
_SEPARATOR = r"(?:--|[—–\-|])"
_TRAILING_CREDIT = regex(
    rf"(?<=[.!?\"”’)])\s+(?P<credit>{_SEPARATOR}\s?[A-Z][A-Za-z\-.]{{1,30}}(?: [A-Z][A-Za-z\-.]{{1,30}}){{1,2}}"
    r"|\([A-Z][A-Za-z\-.]{1,30}(?: [A-Z][A-Za-z\-.]{1,30}){1,2}\)"
    rf"|(?:{_SEPARATOR}\s?[A-Za-z]|[(/][A-Za-z]|[A-Z])[A-Za-z\-.]{{1,30}}(?:/[A-Z][A-Za-z\-.]{{1,30}})?[)/]?)\s*$")


def split_trailing_credit(text: str) -> tuple[int, str] | None:
    """(where the credit starts, the credit) when `text` ends with a wire credit; else None."""
    tail = text[-80:]
    m = _TRAILING_CREDIT.search(tail)
    if not m:
        return None
    credit = m["credit"]
    at = len(text) - len(tail) + m.start()
    if not wire_credit_agency(credit.lstrip("|")):
        return None
    if credit[0].isalpha() and not credit.isupper() and not _SENTENCE_BEFORE.search(text[:at]):
        return None  # "... blaming Michael R. Bloomberg.": an initial, not a sentence end
    return at, credit


# The end of a sentence before a credit written as a plain name: a word of two or more
# lower-case letters, a digit or a closing quote before the stop ("said. Reuters"), not
# an initial or a title ("R.", "Mr.", "U.S.").
_SENTENCE_BEFORE = regex(r"(?:[a-z]{2}|\d)[.!?][\"”’)]?$|[\"”’)]$")
