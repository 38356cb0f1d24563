"""The records actor dictionaries are read into (diurna YAML and PETRARCH `.txt` alike)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ActorType = Literal["PERSON", "ORG", "GROUP"]
SECTORS = frozenset(
    "GOV MIL LEG JUD COP SPY OPP PTY REB CRM BUS MED EDU REL LAB AGR REF CVL NGO IGO ELI UAF HLH ENV".split()
)
# CAMEO codes that start with an organisation kind rather than a country: `IGOUNO`
# (the UN), `NGODEV`, `MNCUSA` (a company based in the USA).
_KIND_PREFIXES = frozenset(("IGO", "NGO", "MNC"))


@dataclass(frozen=True, slots=True)
class Office:
    role: str | None
    sector: str | None
    start: str | None = None  # YYYY-MM-DD, inclusive
    end: str | None = None  # YYYY-MM-DD, inclusive
    code: str | None = None  # a full actor code (PETRARCH dictionaries), if given


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    country: str | None
    type: ActorType = "PERSON"
    offices: tuple[Office, ...] = ()
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] | None = None  # explicit short forms; None = derive the surname
    code: str | None = None  # a full actor code given by the dictionary
    source: str = ""


@dataclass(frozen=True, slots=True)
class Agent:
    """A PETRARCH agent: a role phrase and the code it adds to an actor's."""

    phrase: str  # lower case words: "foreign minister"
    code: str  # "GOVFRM"
    first: bool = False  # `NGO~`: the code goes before the actor's
    source: str = ""


@dataclass(frozen=True, slots=True)
class Skip:
    """A dictionary line (or the part of it) that was not read, and why."""

    origin: str
    line: int
    reason: str
    text: str

    def __str__(self) -> str:
        return f"{self.origin}:{self.line}: {self.reason}: {self.text.strip()[:120]}"


@dataclass(frozen=True, slots=True)
class Dictionary:
    """What one dictionary file gave: its actors and agents, and the lines skipped."""

    origin: str
    actors: tuple[Actor, ...]
    agents: tuple[Agent, ...]
    skipped: tuple[Skip, ...] = ()
    entry_lines: int = 0  # lines that are entries, names, synonyms or codes (not comments)


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """A CAMEO actor code's country (or IGO body) and sector: the first three-letter
    group after the country that is a sector (`USAMUSREB` -> REB).

    `KORGOV` -> (KOR, GOV); `ELI` -> (None, ELI); `IGOUNOKID` -> (UNO, IGO);
    `NGODEV` -> (NGO, NGO); `MNCUSA` -> (USA, BUS); `MNC` -> (None, BUS);
    `IMGMUSREB` -> (IMG, REB); `ARMUNR` -> (ARM, None)."""
    if not code:
        return None, None
    head = code[:3]
    if head in SECTORS and head not in _KIND_PREFIXES:
        return None, head
    if head == "IGO":
        return code[3:6] or None, "IGO"
    if head == "NGO":
        return "NGO", "NGO"
    if head == "MNC":
        rest = code[3:6] or None
        return (rest if rest not in SECTORS else None), "BUS"
    groups = [code[i: i + 3] for i in range(3, len(code), 3)]
    return head, next((g for g in groups if g in SECTORS), None)
