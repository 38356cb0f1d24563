"""Actor dictionaries: diurna's YAML format and PETRARCH/TABARI `.txt` files.

YAML (the seed dictionary `actors.yaml` and users' files, documented in its header):

    actors:
    - name: Emmanuel Macron
      aliases: [Macron]
      country: FRA
      offices: [{role: President, sector: GOV, from: 2017-05-14}]

PETRARCH/TABARI actor and agent dictionaries (`.txt`, as used by `diurna eval petr`
and as Phoenix ships them) are read by `petrarch_dict.py`, whose docstring gives the
syntax. A CAMEO code `PSEREBHMS` gives country `PSE` and sector `REB` (the code is
kept whole as the actor code); dated codes become dated offices. Agent entries
(`PRESIDENT [~GOV]`) become role words whose code follows the country ("Arnorian
president" -> ARNGOV; a user's agent wins over ours); a code placed before the
actor's (`NGO~`) is read but not used. A bad line is skipped and reported
(`read_dictionary(...).skipped`, `skip_report`), or refused with `strict=True`
(setting `strict_dictionaries`).

    from diurna.knowledge.actors_loader import load_actor_file, read_dictionary
    actors = load_actor_file("PETR.Validate.actors.txt")      # tuple[Actor, ...]
    d = read_dictionary("Phoenix.Countries.actors.txt")       # actors, agents, skipped
    agents = load_agent_files(["PETR.Validate.agents.txt"])  # tuple[Agent, ...]
    Settings.load(actor_files=["PETR.Validate.actors.txt"])   # or use it in a pipeline
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import E011, DiurnaError
from .actor_records import SECTORS, Actor, Agent, Dictionary, Office, Skip
from .petrarch_dict import parse_petrarch, parse_petrarch_agents, read_petrarch

_SECTORS = SECTORS


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


# ----------------------------------------------------------------------------- files


@lru_cache(maxsize=32)
def _read_cached(path: str, stamp: tuple[int, int], strict: bool) -> Dictionary:
    # keyed by the file's mtime and size: a pure function of the file's content
    p = Path(path)
    try:
        text = p.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DiurnaError(E011, f"cannot read actor file {p}: {exc}") from exc
    if p.suffix.lower() in (".yaml", ".yml"):
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise DiurnaError(E011, f"actor file {p} is not valid YAML: {exc}") from exc
        actors = parse_actors(data, str(p))
        return Dictionary(str(p), actors, (), (), len(actors))
    if p.suffix.lower() == ".txt":
        return read_petrarch(text, str(p), strict)
    raise DiurnaError(E011, f"actor file {p}: use .yaml/.yml (diurna format) or .txt (PETRARCH dictionary)")


def read_dictionary(path: str | Path, strict: bool = False) -> Dictionary:
    """One user actor file, `.yaml`/`.yml` (diurna format) or `.txt` (PETRARCH/TABARI),
    with the lines skipped (`strict`: E011 on the first bad line instead)."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError as exc:
        raise DiurnaError(E011, f"cannot read actor file {p}: {exc}") from exc
    return _read_cached(str(p), (st.st_mtime_ns, st.st_size), strict)


def load_actor_file(path: str | Path, strict: bool = False) -> tuple[Actor, ...]:
    return read_dictionary(path, strict).actors


def load_actor_files(paths: Iterable[str | Path], strict: bool = False) -> tuple[Actor, ...]:
    return tuple(a for p in paths for a in load_actor_file(p, strict))


def load_agent_files(paths: Iterable[str | Path], strict: bool = False) -> tuple[Agent, ...]:
    """The agents of the user's actor files (PETRARCH `.txt` only; YAML has none)."""
    return tuple(a for p in paths for a in read_dictionary(p, strict).agents)


def skip_report(dictionaries: Iterable[Dictionary], first: int = 10) -> list[str]:
    """One line per dictionary (what it gave, and the lines skipped with the count by
    reason), then the first `first` skipped lines in full (file:line: reason: text)."""
    out, shown = [], 0
    dicts = list(dictionaries)
    for d in dicts:
        reasons = Counter(_reason_kind(s.reason) for s in d.skipped)
        share = 100 * len(d.skipped) / max(1, d.entry_lines)
        out.append(f"{'warning' if d.skipped else 'note'}: {d.origin}: {len(d.actors)} actors, {len(d.agents)} agents; "
                   f"{len(d.skipped)} of {d.entry_lines} entry lines skipped ({share:.2f}%)"
                   + "".join(f", {k} {n}" for k, n in reasons.most_common()))
    for d in dicts:
        for s in d.skipped:
            if shown < first:
                out.append(f"warning: {s}")
                shown += 1
    return out


def _reason_kind(reason: str) -> str:
    """The reason without its particulars ("bad date '9008223': ..." -> "bad date")."""
    return re.split(r"[\s]*['\[:(]", reason, maxsplit=1)[0].strip()


__all__ = [
    "Actor", "Agent", "Dictionary", "Office", "Skip", "load_actor_file", "load_actor_files", "load_agent_files",
    "parse_actors", "parse_petrarch", "parse_petrarch_agents", "read_dictionary", "skip_report",
]
