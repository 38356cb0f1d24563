"""PETRARCH/TABARI actor and agent dictionaries, as they exist in the wild.

One actor per entry: a name line, `+` synonym lines, and code lines:

    LEVON_TER_PETROSYAN_  # CountryInfo.txt
    +TER-PETROSYAN_
        [ARMELI 630101-900804]
        [ARMGOV 900804-980203]
        [ARMELI]
    JEAN_MARIE_GUEHENNO_  [IGOUNO 000101-080801] [---] #BK 16 Jul 2009# NGO_Actors

- Codes go on the name line or on continuation lines, several per line, each
  `[CODE]`, `[CODE >YYMMDD]` (from), `[CODE <YYMMDD]` (until) or `[CODE YYMMDD-YYMMDD]`;
  dates are YYMMDD (years from 30 are 19xx) or YYYYMMDD. A code without dates is the
  entry's default, used when no dated code covers the date. `[---]` (also `+++`, `###`,
  `***`) is a phrase to recognise but not code. `CODE/CODE` keeps its first code.
- `#` starts a comment anywhere (outside a code block), `<!-- ... -->` blocks are
  skipped, underscores stand for spaces; a line such as `Source: MNC.MLH.actors` is a
  header; text after the last code (`[MNCMED]  Newspapers/Magazines`) is a note.
- Agent entries carry `~` in their code: `PRESIDENT [~GOV]`, `{PLURAL}` gives an
  irregular plural and `{}` none; `!PERSON! = MAN, WOMAN` defines a substitution
  (`CONGRESS!PERSON!`). `[~ENV}` (a brace for the bracket) is read as `[~ENV]`.

Real dictionaries are messy, so a bad line is skipped, not fatal: `read_petrarch`
returns the `Skip`s (file:line and the reason) beside what it read; `strict=True`
raises E011 on the first one instead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..errors import E011, DiurnaError
from .actor_records import Actor, Agent, Dictionary, Office, Skip, split_code

# TABARI null codes: the phrase is an actor the coder must recognise (so that a
# shorter pattern inside it does not match) but must not code: `---` (null), `+++`
# and `###` (older TABARI discard/complex markers), `***`.
_NULL_CODES = frozenset(("---", "+++", "###", "***"))
_BLOCK = re.compile(r"\[([^\[\]{}]*)[\]}]")  # `}` closes a block too: `[~ENV}` is a known typo
_OFFICE = re.compile(r"\s*([A-Za-z0-9-]+(?:/[A-Za-z0-9-]+)*|[-+#*]{3})\s*"
                     r"(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*")
_MARKER_LINE = re.compile(r"^!([A-Za-z]+)!\s*=\s*(.+)$")
_HEADER = re.compile(r"^[A-Za-z][A-Za-z .]*:(?:\s|$)")  # "Source: MNC.MLH.actors"
_AGENT_CODE = re.compile(r"~[A-Z0-9]{2,12}|[A-Z0-9]{2,12}~")


def petr_date(text: str) -> str:
    """YYMMDD or YYYYMMDD -> YYYY-MM-DD; anything else (or no such day) is a ValueError."""
    if len(text) == 6:  # YYMMDD, TABARI style
        year = int(text[:2])
        text = f"{1900 + year if year >= 30 else 2000 + year}{text[2:]}"
    if not re.fullmatch(r"\d{8}", text):
        raise ValueError(f"bad date {text!r}: use YYMMDD or YYYYMMDD")
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:])).isoformat()
    except ValueError:
        raise ValueError(f"bad date {text!r}: no such day") from None


def petr_office(block: str) -> Office:
    """`CODE`, `CODE < date`, `CODE > date`, `CODE date - date` -> Office.

    A compound actor `CODE/CODE/...` keeps its first code (the others are the same
    phrase's further members); a null code gives an Office without a code."""
    m = _OFFICE.fullmatch(block)
    if not m:
        raise ValueError(f"bad code block [{block.strip()}]: expected CODE, CODE <YYMMDD, CODE >YYMMDD, "
                         "CODE YYMMDD-YYMMDD, a compound CODE/CODE or a null code (---, +++, ###)")
    code = m.group(1).upper().split("/")[0]
    if len(code) < 3 and code not in _NULL_CODES:
        raise ValueError(f"bad code block [{block.strip()}]: a code has at least three letters")
    start = end = None
    if m.group(2) == "<":
        end = petr_date(m.group(3))
    elif m.group(2) == ">":
        start = petr_date(m.group(3))
    elif m.group(4):
        start, end = petr_date(m.group(4)), petr_date(m.group(5))
    if code in _NULL_CODES:
        return Office(role=None, sector=None, start=start, end=end, code=None)
    return Office(role=None, sector=split_code(code)[1], start=start, end=end, code=code)


def petr_name(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split()).title()


def uncomment(line: str) -> str:
    """The line without its `#` comment; a `#` inside a code block (`[###]`) is code."""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch in "]}" and depth > 0:
            depth -= 1
        elif ch == "#" and depth <= 0:
            return line[:i].rstrip()
    return line.rstrip()


def without_block_comments(text: str) -> str:
    """`<!-- -->` comments removed, their line breaks kept (line numbers stay true)."""
    return re.sub(r"<!\s*--.*?-->", lambda m: "\n" * m.group(0).count("\n"), text, flags=re.S)


@dataclass(slots=True)
class _Line:
    """One dictionary line cut into its name part and code blocks."""

    name: str  # the text before the first code block (synonym `+` kept)
    blocks: list[str]
    unclosed: bool  # a `[` that no `]` closes

    @property
    def is_agent(self) -> bool:
        return any("~" in b for b in self.blocks)


def _cut(line: str) -> _Line:
    first = line.find("[")
    if first < 0:
        return _Line(line.strip(), [], False)
    blocks = [m.group(1) for m in _BLOCK.finditer(line, first)]
    unclosed = line.count("[") > len(blocks)
    return _Line(line[:first].strip(), blocks, unclosed)


@dataclass(slots=True)
class _Entry:
    name: str
    aliases: list[str] = field(default_factory=list)
    offices: list[Office] = field(default_factory=list)
    coded: bool = False  # a code block was seen (even a null or a bad one)


class _Reader:
    """Collects entries and skips over one file's lines."""

    def __init__(self, origin: str, strict: bool) -> None:
        self.origin, self.strict = origin, strict
        self.entries: list[_Entry] = []
        self.skipped: list[Skip] = []
        self.entry_lines = 0
        self.current: _Entry | None = None  # None after a name line that could not be read

    def skip(self, lineno: int, reason: str, raw: str) -> None:
        if self.strict:
            raise DiurnaError(E011, f"{self.origin}:{lineno}: {reason} (without --strict-dictionaries such lines "
                                    "are skipped with a warning)")
        self.skipped.append(Skip(self.origin, lineno, reason, raw))

    def offices(self, lineno: int, blocks: list[str], raw: str) -> list[Office]:
        out, bad = [], []
        for block in blocks:
            try:
                out.append(petr_office(block))
            except ValueError as exc:
                bad.append(str(exc))
        if bad:
            self.skip(lineno, "; ".join(bad) + (" (the line's other codes are kept)" if out else ""), raw)
        return out

    def line(self, lineno: int, raw: str) -> None:
        line = uncomment(raw).strip()
        if not line or _HEADER.match(line) and "[" not in line:
            return
        if _MARKER_LINE.match(line):
            return
        cut = _cut(line)
        if cut.is_agent:
            self.current = None  # an agent entry ends the actor above it; read_agents reads it
            return
        self.entry_lines += 1
        if cut.unclosed:
            self.skip(lineno, "a code block '[' is not closed", raw)
        if cut.name.startswith("+"):
            self.synonyms(lineno, cut, raw)
        elif not cut.name:
            if self.current is None:
                self.skip(lineno, "code line with no entry above it", raw)
            else:
                self.current.coded = True
                self.current.offices += self.offices(lineno, cut.blocks, raw)
        elif not re.search(r"[^\W_]", cut.name):
            self.current = None
            self.skip(lineno, "expected NAME [CODE]: the name has no letters or digits", raw)
        elif self.current is not None and not self.current.coded and not cut.blocks:
            # Name lines in a row share the codes that follow them (as PETRARCH reads them):
            # "IVO_JOSIPOVIC_ / PRESIDENT_JOSIPOVIC_ / [HRVGOV >20120219]"
            self.add_names(self.current, [petr_name(cut.name)])
        else:
            self.current = _Entry(petr_name(cut.name), coded=bool(cut.blocks))
            self.entries.append(self.current)
            self.current.offices += self.offices(lineno, cut.blocks, raw)

    def synonyms(self, lineno: int, cut: _Line, raw: str) -> None:
        if self.current is None:
            self.skip(lineno, "synonym '+' with no entry above it", raw)
            return
        # "+A_+_B": two synonyms run together on one line (but "+B+H_OCEAN" is one name)
        names = [petr_name(n) for n in re.split(r"(?<=_)\+|\+(?=_)", cut.name[1:]) if re.search(r"[^\W_]", n)]
        self.add_names(self.current, names)
        if cut.blocks:
            self.current.coded = True
            self.current.offices += self.offices(lineno, cut.blocks, raw)

    @staticmethod
    def add_names(entry: _Entry, names: list[str]) -> None:
        entry.aliases += [n for n in names if n != entry.name and n not in entry.aliases]


def _actor(entry: _Entry, origin: str) -> Actor:
    # Undated codes first: a dated code that covers the date wins over the default.
    offices = tuple(sorted((o for o in entry.offices if o.code),
                           key=lambda o: (o.start is not None or o.end is not None, o.start or "")))
    undated = [o for o in offices if o.start is None and o.end is None]
    main = undated[-1] if undated else (offices[-1] if offices else None)
    country, sector = split_code(main.code if main else None)
    return Actor(
        name=entry.name,
        country=country,
        # A bare country code ("ISRAEL [ISR]") names a polity; anything else a person.
        type="ORG" if main and main.code and len(main.code) == 3 and country else "PERSON",
        offices=offices,
        sector=sector,
        aliases=tuple(entry.aliases),
        short=(),
        code=main.code if main else None,
        source=origin,
    )


def read_actors(text: str, origin: str, strict: bool = False) -> tuple[tuple[Actor, ...], tuple[Skip, ...], int]:
    """The actor entries of a dictionary text, the lines skipped, and the entry-line count."""
    reader = _Reader(origin, strict)
    for lineno, raw in enumerate(without_block_comments(text).splitlines(), start=1):
        reader.line(lineno, raw)
    return tuple(_actor(e, origin) for e in reader.entries), tuple(reader.skipped), reader.entry_lines


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


def _agent(cut: _Line, markers: dict[str, tuple[str, ...]], origin: str) -> list[Agent]:
    code = next(b for b in cut.blocks if "~" in b).replace(" ", "").upper()
    if not _AGENT_CODE.fullmatch(code):
        raise ValueError(f"agent code [{code}] must be ~CODE or CODE~")
    m = re.fullmatch(r"([^{]*?)\s*(?:\{([^}]*)\})?", cut.name)
    if not m:
        raise ValueError("expected PHRASE {PLURAL} [~CODE]")
    out = []
    for form in _agent_forms(m.group(1), m.group(2), markers):
        if not re.search(r"[a-z0-9]", form):
            raise ValueError("agent without words")
        out.append(Agent(form, code.strip("~"), code.endswith("~"), origin))
    return out


def read_agents(text: str, origin: str, strict: bool = False) -> tuple[tuple[Agent, ...], tuple[Skip, ...], int]:
    """The agent entries (codes with `~`) of a dictionary text, the lines skipped, and
    the agent-line count. Regular plurals are left to the role matcher."""
    reader = _Reader(origin, strict)  # for its skip()
    markers: dict[str, tuple[str, ...]] = {}
    out: list[Agent] = []
    lines = 0
    for lineno, raw in enumerate(without_block_comments(text).splitlines(), start=1):
        line = uncomment(raw).strip()
        marker = _MARKER_LINE.match(line)
        if marker:
            markers[marker.group(1).upper()] = tuple(i.strip() for i in marker.group(2).split(",") if i.strip())
            continue
        cut = _cut(line)
        if not cut.is_agent:
            continue
        lines += 1
        try:
            out += _agent(cut, markers, origin)
        except ValueError as exc:
            reader.skip(lineno, str(exc), raw)
    return tuple(out), tuple(reader.skipped), lines


def read_petrarch(text: str, origin: str, strict: bool = False) -> Dictionary:
    """Actors and agents of one PETRARCH/TABARI dictionary text, with the lines skipped.
    A text that yields neither actors nor agents raises E011."""
    actors, actor_skips, actor_lines = read_actors(text, origin, strict)
    agents, agent_skips, agent_lines = read_agents(text, origin, strict)
    if not actors and not agents:
        reason = f"; {len(actor_skips) + len(agent_skips)} line(s) could not be read" if actor_skips or agent_skips else ""
        raise DiurnaError(E011, f"{origin}: no actor or agent entries (expected NAME [CODE] lines){reason}")
    skipped = tuple(sorted(actor_skips + agent_skips, key=lambda s: s.line))
    return Dictionary(origin, actors, agents, skipped, actor_lines + agent_lines)


def parse_petrarch(text: str, origin: str, strict: bool = False) -> tuple[Actor, ...]:
    return read_actors(text, origin, strict)[0]


def parse_petrarch_agents(text: str, origin: str, strict: bool = False) -> tuple[Agent, ...]:
    return read_agents(text, origin, strict)[0]
