"""Convert the Phoenix PETRARCH actor dictionaries (MIT, Open Event Data Alliance) into
diurna's shipped knowledge: src/diurna/knowledge/phoenix/actors.tsv.gz.

Run once, by hand, when the Phoenix files change (the package never reads them):

    .venv/bin/python scripts/convert_phoenix.py ../shared/data/actors/phoenix

What the conversion keeps, and why (the figures are printed at the end):
- The actors of Phoenix.Countries, Phoenix.International and Phoenix.MilNonState with
  at least one code that carries both a country (or IGO body) and a sector (KORGOV,
  IGOUNO, MNCUSA, NGOxxx). Country-level entries (`ARMENIA [ARM]`, with town names and
  historical states among their synonyms) are left to knowledge/countries.yaml and the
  gazetteer; entries coded by sector alone (`REUTERS [MED]`, `[MNC]`: no actor country
  to give), codeless and `[---]` entries are dropped.
- Dated codes stay dated. Phoenix was compiled in 2014-2015, so an open-ended code
  (`[TURGOV >030314]`) is trusted until HORIZON only; after it an entry without an
  undated code of its own falls back to its country alone (a new undated default made
  here): the dictionary cannot know who holds an office today, so it must not say.
- Names that are a title or carry one ("Secretary Of State Warren Christopher", "Us
  President", "Senate") are dropped: our role reader reads titles, and a title inside a
  name would hide it; so are "The" + one word ("The Foundation"). An entry left without
  names is dropped. In text, a Phoenix name matches only when its longer words are
  capitalised (gazetteer._written_as_a_name).
- Type: PERSON when the entry has a dated code or an ELI code (Phoenix dates people's
  roles), else ORG (parties, ministries, companies, armed groups).
The agents and discards files are not converted: diurna's roles.yaml covers the role
words, and discards are PETRARCH's sentence filter, not actors.

Columns: type, name, aliases (|), codes (; each CODE:START:END with empty ends), file,
and the match keys of the name and aliases (|; their words folded as the gazetteer
folds them, so that loading needs no folding: tests/knowledge/test_phoenix.py checks
them against gazetteer.fold/words).
"""

from __future__ import annotations

import argparse
import collections
import gzip
import sys
from pathlib import Path

from diurna.knowledge.actor_records import Actor, Office, split_code
from diurna.knowledge.actors_loader import read_dictionary
from diurna.knowledge.gazetteer import fold, load_gazetteer, load_roles, words
from diurna.knowledge.phoenix import HORIZON

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
OUT = Path(__file__).resolve().parents[1] / "src" / "diurna" / "knowledge" / "phoenix" / "actors.tsv.gz"


def _codes(actor: Actor) -> list[Office] | None:
    """The entry's offices as shipped, or None when it is not kept."""
    offices = [o for o in actor.offices if o.code]
    if not any(all(split_code(o.code)) for o in offices):
        return None
    capped = [Office(None, o.sector, o.start, HORIZON if o.start and not o.end else o.end, o.code) for o in offices]
    undated = [o for o in offices if not o.start and not o.end]
    last = max(offices, key=lambda o: o.start or "")
    country = split_code(last.code)[0]
    if not undated and any(o.start and not o.end for o in offices) and country and country != "NGO":
        capped.append(Office(None, None, None, None, country))  # after HORIZON: the country alone
    return capped


class _Titles:
    """Names that are a title, or carry one, are our role reader's to read (knowledge/
    roles.yaml): "Secretary Of State Warren Christopher", "Us President", "Senate"."""

    def __init__(self) -> None:
        self.roles = load_roles()
        g = load_gazetteer()
        self.countries = {k for k, terms in g.names.items() if any(t.kind in ("country", "adj") for t in terms)}
        self.countries |= {tuple(fold(w) for w in k) for k, terms in g.exact.items()
                           if any(t.kind in ("country", "adj") for t in terms)}

    def _role(self, key: tuple[str, ...]) -> bool:
        return key in self.roles.sectors or key in self.roles.institutions

    def __call__(self, name: str) -> bool:
        """A role (or institution) word group starts the name, after a country name or
        adjective if one leads: "Secretary Christopher", "United States Secretary Of
        Homeland Security", "Us President"."""
        key = tuple(fold(w) for w in words(name))
        for lead in range(0, min(4, len(key))):
            if lead and key[:lead] not in self.countries:
                continue
            rest = key[lead:]
            if any(self._role(rest[:n]) for n in range(1, min(4, len(rest)) + 1)):
                return True
        # ... or a person's role ends it: "Homeland Security Secretary" (not "Liberation Army")
        return any(key[-n:] in self.roles.sectors and key[-n:] not in self.roles.institutions
                   for n in range(1, min(4, len(key)) + 1))


def _the_word(name: str) -> bool:
    """ "The Foundation", "The Base": a common word that only the article makes a name."""
    key = [fold(w) for w in words(name)]
    return len(key) == 2 and key[0] == "the"


def _row(actor: Actor, offices: list[Office], source: str, titled: _Titles) -> str | None:
    person = any(o.start or o.end for o in actor.offices) or any(split_code(o.code)[1] == "ELI" for o in offices)
    codes = ";".join(f"{o.code}:{o.start or ''}:{o.end or ''}" for o in offices)
    names = [n for n in (actor.name, *actor.aliases) if "|" not in n and not titled(n) and not _the_word(n)]
    if not names:
        return None
    keys = "|".join(" ".join(fold(w) for w in words(n)) for n in names)  # what the gazetteer matches
    return "\t".join(("PERSON" if person else "ORG", names[0], "|".join(names[1:]), codes, source, keys))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    rows, counts = [], collections.Counter()
    titled = _Titles()
    for name in FILES:
        d = read_dictionary(args.folder / name)
        counts["skipped lines"] += len(d.skipped)
        for actor in d.actors:
            offices = _codes(actor)
            if offices is None:
                counts["dropped: country-level, sector-only or uncoded"] += 1
                continue
            row = _row(actor, offices, name.split(".")[1], titled)
            counts["kept" if row else "dropped: every name a title"] += 1
            if row:
                rows.append(row)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = f"# Phoenix actor dictionaries converted by scripts/convert_phoenix.py (MIT, see LICENSE); horizon {HORIZON}\n"
    with gzip.GzipFile(OUT, "wb", mtime=0) as fh:  # mtime=0: the same input gives the same bytes
        fh.write((header + "\n".join(rows) + "\n").encode("utf-8"))
    for key, n in counts.items():
        print(f"{key}: {n}", file=sys.stderr)
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
