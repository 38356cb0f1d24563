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
_KIND_PREFIXES = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS", "IMG": "IMG"}


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
    """A CAMEO actor code's country (or IGO body) and sector.

    `KORGOV` -> (KOR, GOV); `ELI` -> (None, ELI); `IGOUNOKID` -> (UNO, IGO);
    `NGODEV` -> (NGO, NGO); `MNCUSA` -> (USA, BUS); `MNC` -> (None, BUS)."""
    if not code:
        return None, None
    head = code[:3]
    if head in _KIND_PREFIXES:
        rest = code[3:6] or None
        if head == "IGO":
            return rest, "IGO"
        if head == "NGO":
            return "NGO", "NGO"
        if head == "IMG":
            return "IMG", None
        return (rest if rest not in SECTORS else None), _KIND_PREFIXES[head]
    if head in SECTORS:
        return None, head
    sector = code[3:6] if code[3:6] in SECTORS else None
    return head, sector
