"""Actor dictionaries: diurna's YAML format and PETRARCH/TABARI `.txt` files.

YAML (the seed dictionary `actors.yaml` and users' files, documented in its header):

    actors:
    - name: Emmanuel Macron
      aliases: [Macron]
      country: FRA
      offices: [{role: President, sector: GOV, from: 2017-05-14}]

PETRARCH/TABARI actor dictionaries (as used by `diurna eval petr`): one actor per
entry, `NAME [CODE]` or `NAME` followed by indented date-restricted code lines
(`[CODE < 950601]`, `[CODE 19950601 - 19990815]`, `[CODE > 990816]`); `+ALIAS` lines
add names to the entry above; `#` starts a comment; `<!-- ... -->` blocks are skipped;
underscores stand for spaces. A CAMEO code `PSEREBHMS` gives country `PSE` and sector
`REB` (the code is kept whole as the actor code).

PETRARCH agent dictionaries may be given as actor files too (or be mixed into one):
an entry whose code carries `~` is an agent, a role word that adds its code to the
actor's: `PRESIDENT [~GOV]` ("Arnorian president" -> ARNGOV), `FOREIGN_MINISTER
[~GOVFRM]`; `{PLURAL}` gives an irregular plural and `{}` none (regular plurals are
made); `!PERSON! = MAN, MEN, WOMAN` defines a substitution used as `CONGRESS!PERSON!`.
`load_agent_files` reads them; the gazetteer adds them to the role words (a user's
agent wins over ours). A code placed before the actor's (`NGO~`) is read but not
used: diurna's codes put the country first.

    from diurna.knowledge.actors_loader import load_actor_file
    actors = load_actor_file("PETR.Validate.actors.txt")      # tuple[Actor, ...]
    agents = load_agent_files(["PETR.Validate.agents.txt"])  # tuple[Agent, ...]
    Settings.load(actor_files=["PETR.Validate.actors.txt"])   # or use it in a pipeline
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import yaml

from ..errors import E011, DiurnaError

ActorType = Literal["PERSON", "ORG", "GROUP"]
_SECTORS = frozenset(
    "GOV MIL LEG JUD COP SPY OPP PTY REB CRM BUS MED EDU REL LAB AGR REF CVL NGO IGO ELI UAF HLH ENV".split()
)
_CODE = re.compile(r"^[A-Za-z0-9-]{3,15}$")


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


def _date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value)
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise DiurnaError(E011, f"{where}: date {text!r} must be YYYY-MM-DD")
    return text


def _sector(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if value not in _SECTORS:
        raise DiurnaError(E011, f"{where}: unknown sector {value!r}; use one of {', '.join(sorted(_SECTORS))}")
    return str(value)


def parse_actors(data: Any, origin: str) -> tuple[Actor, ...]:
    """Validate a loaded YAML document of the diurna actor format."""
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise DiurnaError(E011, f"{origin}: expected a mapping with an `actors:` list (see knowledge/actors.yaml)")
    out = []
    for n, row in enumerate(data["actors"], start=1):
        where = f"{origin}: actor {n}"
        if not isinstance(row, dict) or not isinstance(row.get("name"), str) or not row["name"].strip():
            raise DiurnaError(E011, f"{where}: every actor needs a `name`")
        unknown = set(row) - {"name", "aliases", "country", "type", "offices", "sector", "short", "code"}
        if unknown:
            raise DiurnaError(E011, f"{where} ({row['name']}): unknown field(s) {sorted(unknown)}")
        country = row.get("country")
        if country is not None and not re.fullmatch(r"[A-Z0-9]{2,4}", str(country)):
            raise DiurnaError(E011, f"{where} ({row['name']}): country {country!r} must be an ISO3 or IGO code")
        kind = row.get("type", "PERSON")
        if kind not in ("PERSON", "ORG", "GROUP"):
            raise DiurnaError(E011, f"{where} ({row['name']}): type must be PERSON, ORG or GROUP")
        offices = tuple(
            Office(
                role=o.get("role"),
                sector=_sector(o.get("sector"), where),
                start=_date(o.get("from"), where),
                end=_date(o.get("to"), where),
            )
            for o in row.get("offices") or ()
        )
        short = row.get("short")
        out.append(
            Actor(
                name=row["name"].strip(),
                country=country,
                type=kind,
                offices=tuple(sorted(offices, key=lambda o: o.start or "")),
                sector=_sector(row.get("sector"), where),
                aliases=tuple(str(a) for a in row.get("aliases") or ()),
                short=None if short is None else tuple(str(s) for s in short),
                code=row.get("code"),
                source=origin,
            )
        )
    return tuple(out)


# ----------------------------------------------------------------------------- PETRARCH


def _petr_date(text: str) -> str:
    text = text.strip()
    if len(text) == 6:  # YYMMDD, TABARI style
        year = int(text[:2])
        text = f"{1900 + year if year >= 30 else 2000 + year}{text[2:]}"
    if not re.fullmatch(r"\d{8}", text):
        raise ValueError(f"bad date {text!r}")
    return f"{text[:4]}-{text[4:6]}-{text[6:]}"


# TABARI null codes: the phrase is an actor the coder must recognise (so that a
# shorter pattern inside it does not match) but must not code: `---` (null), `+++`
# and `###` (older TABARI discard/complex markers), `***`.
_NULL_CODES = frozenset(("---", "+++", "###", "***"))


def _petr_office(block: str) -> Office:
    """`CODE`, `CODE < date`, `CODE > date`, `CODE date - date` -> Office.

    A compound actor `CODE/CODE/...` keeps its first code (the others are the same
    phrase's further members); a null code gives an Office without a code."""
    m = re.fullmatch(r"\s*([A-Za-z0-9-]+(?:/[A-Za-z0-9-]+)*|[-+#*]{3})\s*"
                     r"(?:([<>])\s*(\d{6,8})|(\d{6,8})\s*-\s*(\d{6,8}))?\s*", block)
    if not m:
        raise ValueError(f"bad code block [{block}]: expected CODE, CODE < YYMMDD, CODE > YYMMDD, "
                         "CODE YYMMDD - YYMMDD, a compound CODE/CODE or a null code (---, +++, ###)")
    code = m.group(1).upper().split("/")[0]
    start = end = None
    if m.group(2) == "<":
        end = _petr_date(m.group(3))
    elif m.group(2) == ">":
        start = _petr_date(m.group(3))
    elif m.group(4):
        start, end = _petr_date(m.group(4)), _petr_date(m.group(5))
    if code in _NULL_CODES:
        return Office(role=None, sector=None, start=start, end=end, code=None)
    sector = code[3:6] if code[3:6] in _SECTORS else None
    return Office(role=None, sector=sector, start=start, end=end, code=code)


def _petr_name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split()).title()


def _uncomment(line: str) -> str:
    """The line without its `#` comment; a `#` inside a code block (`[###]`) is code."""
    depth = 0
    for i, ch in enumerate(line):
        depth += (ch == "[") - (ch == "]")
        if ch == "#" and depth <= 0:
            return line[:i].rstrip()
    return line.rstrip()


def _without_block_comments(text: str) -> str:
    """`<!-- -->` comments removed, their line breaks kept (line numbers stay true)."""
    return re.sub(r"<!\s*--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)


_AGENT_LINE = re.compile(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]]*~[^\]]*?)\s*\]\s*$")
_MARKER_LINE = re.compile(r"^!([A-Za-z]+)!\s*=\s*(.+)$")


def _is_agent_or_marker(line: str) -> bool:
    return bool(_AGENT_LINE.match(line) or _MARKER_LINE.match(line))


def parse_petrarch(text: str, origin: str) -> tuple[Actor, ...]:
    text = _without_block_comments(text)  # "<! --" occurs in old files too
    entries: list[tuple[str, list[str], list[Office]]] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        line = _uncomment(line)
        if not line.strip() or _is_agent_or_marker(line.strip()):
            continue  # agents are read by parse_petrarch_agents
        try:
            stripped = line.strip()
            if stripped.startswith("+"):
                if entries:
                    entries[-1][1].append(_petr_name(stripped[1:]))
            elif stripped.startswith("["):
                if entries:
                    entries[-1][2].append(_petr_office(stripped.strip("[]")))
            else:
                m = re.fullmatch(r"([^\[]+?)\s*(?:\[([^\]]*)\])?", stripped)
                if not m:
                    raise ValueError("expected NAME [CODE]")
                offices = [_petr_office(m.group(2))] if m.group(2) else []
                entries.append((_petr_name(m.group(1)), [], offices))
        except ValueError as exc:
            raise DiurnaError(E011, f"{origin}:{lineno}: {exc}") from None
    actors = []
    for name, aliases, offices in entries:
        codes = [o for o in offices if o.code]
        undated = next((o for o in codes if o.start is None and o.end is None), None)
        main = undated or (codes[-1] if codes else None)
        country = main.code[:3] if main and main.code else None
        actors.append(
            Actor(
                name=name,
                country=country,
                # A bare country code ("ISRAEL [ISR]") names a polity; anything else a person.
                type="ORG" if main and main.code and len(main.code) == 3 else "PERSON",
                offices=tuple(codes),
                sector=main.sector if main else None,
                aliases=tuple(aliases),
                short=(),
                code=main.code if main else None,
                source=origin,
            )
        )
    return tuple(actors)


@dataclass(frozen=True, slots=True)
class Agent:
    """A PETRARCH agent: a role phrase and the code it adds to an actor's."""

    phrase: str  # lower case words: "foreign minister"
    code: str  # "GOVFRM"
    first: bool = False  # `NGO~`: the code goes before the actor's
    source: str = ""


def _agent_forms(phrase: str, plural: str | None, markers: dict[str, tuple[str, ...]]) -> list[str]:
    """The phrase (markers substituted) and its plural forms: regular unless `{}`
    says none or `{FORM}` gives the irregular one."""
    words = " ".join(phrase.replace("_", " ").split()).lower()
    m = re.search(r"!([a-z]+)!", words)
    if m:
        items = markers.get(m.group(1).upper())
        if items is None:
            raise ValueError(f"substitution !{m.group(1).upper()}! is not defined above")
        return [words[: m.start()] + item.lower() + words[m.end():] for item in items]
    if plural is None:
        return [words]
    return [words] + [" ".join(p.replace("_", " ").split()).lower() for p in plural.split(",") if p.strip()]


def parse_petrarch_agents(text: str, origin: str) -> tuple[Agent, ...]:
    """The agent entries (codes with `~`) of a PETRARCH dictionary text. Regular
    plurals are left to the role matcher, which makes them for every role word."""
    markers: dict[str, tuple[str, ...]] = {}
    out: list[Agent] = []
    for lineno, raw in enumerate(_without_block_comments(text).splitlines(), start=1):
        line = _uncomment(raw).strip()
        marker = _MARKER_LINE.match(line)
        if marker:
            markers[marker.group(1).upper()] = tuple(i.strip() for i in marker.group(2).split(",") if i.strip())
            continue
        m = _AGENT_LINE.match(line)
        if not m:
            continue
        code = m.group(3).replace(" ", "").upper()
        if not re.fullmatch(r"~[A-Z0-9]{2,12}|[A-Z0-9]{2,12}~", code):
            raise DiurnaError(E011, f"{origin}:{lineno}: agent code [{m.group(3)}] must be ~CODE or CODE~")
        try:
            forms = _agent_forms(m.group(1), m.group(2), markers)
        except ValueError as exc:
            raise DiurnaError(E011, f"{origin}:{lineno}: {exc}") from None
        for form in forms:
            if not re.search(r"[a-z0-9]", form):
                raise DiurnaError(E011, f"{origin}:{lineno}: agent without words")
            out.append(Agent(form, code.strip("~"), code.endswith("~"), origin))
    return tuple(out)


def load_agent_files(paths: Iterable[str | Path]) -> tuple[Agent, ...]:
    """The agents of the user's actor files (PETRARCH `.txt` only; YAML has none)."""
    out: list[Agent] = []
    for path in paths:
        p = Path(path)
        if p.suffix.lower() != ".txt":
            continue
        try:
            text = p.read_text("utf-8")
        except OSError as exc:
            raise DiurnaError(E011, f"cannot read actor file {p}: {exc}") from exc
        out += parse_petrarch_agents(text, str(p))
    return tuple(out)


def load_actor_file(path: str | Path) -> tuple[Actor, ...]:
    """One user actor file: `.yaml`/`.yml` (diurna format) or `.txt` (PETRARCH/TABARI)."""
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except OSError as exc:
        raise DiurnaError(E011, f"cannot read actor file {p}: {exc}") from exc
    if p.suffix.lower() in (".yaml", ".yml"):
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise DiurnaError(E011, f"actor file {p} is not valid YAML: {exc}") from exc
        return parse_actors(data, str(p))
    if p.suffix.lower() == ".txt":
        return parse_petrarch(text, str(p))
    raise DiurnaError(E011, f"actor file {p}: use .yaml/.yml (diurna format) or .txt (PETRARCH dictionary)")


def load_actor_files(paths: Iterable[str | Path]) -> tuple[Actor, ...]:
    return tuple(a for p in paths for a in load_actor_file(p))
