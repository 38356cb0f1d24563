"""Phoenix actor knowledge (Open Event Data Alliance, MIT: see LICENSE and README.md here).

`actors.tsv.gz` is made by scripts/convert_phoenix.py from the Phoenix PETRARCH
dictionaries: 25,607 people and organisations with CAMEO codes, their roles dated
(open-ended roles trusted until the horizon the file names, then the country alone).
The gazetteer adds them after diurna's own knowledge, which wins where both know a
name (setting `phoenix_actors`).
"""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from ..actor_records import Actor, ActorType, Office, split_code

SOURCE = "knowledge/phoenix/actors.tsv.gz"
# Phoenix was compiled in 2014-2015 (its last date is 2015-02-17): open-ended roles are
# trusted until HORIZON. After it a Phoenix actor's country is used only when the
# document names that country, and its role not at all (gazetteer.code_on): a name
# Phoenix knows may be someone else's today. With no date: the country, no role.
HORIZON = "2015-12-31"
MAX_WORDS = 8  # longer Phoenix names are left out of the index (they would slow every match)


def _offices(cell: str) -> tuple[Office, ...]:
    out = []
    for item in cell.split(";"):
        code, start, end = item.split(":")
        out.append(Office(None, split_code(code)[1], start or None, end or None, code))
    # undated codes first: a dated code covering the date wins over the default
    return tuple(sorted(out, key=lambda o: (o.start is not None or o.end is not None, o.start or "")))


def _actor(kind: str, name: str, aliases: str, codes: str) -> Actor:
    offices = _offices(codes)
    undated = [o for o in offices if o.start is None and o.end is None]
    main = undated[-1] if undated else offices[-1]
    country, sector = split_code(main.code)
    type_: ActorType = "PERSON" if kind == "PERSON" else "ORG"
    return Actor(name=name, country=country, type=type_, offices=offices, sector=sector,
                 aliases=tuple(aliases.split("|")) if aliases else (), short=(), code=main.code, source=SOURCE)


def _rows() -> tuple[tuple[str, ...], ...]:
    from ..compiled import compiled

    raw = _raw()
    return compiled("phoenix-actors", "phoenix-rows-1", raw, lambda: _parse_rows(raw))


def _raw() -> bytes:
    return resources.files(__name__).joinpath("actors.tsv.gz").read_bytes()


def _parse_rows(raw: bytes) -> tuple[tuple[str, ...], ...]:
    data = gzip.decompress(raw).decode("utf-8")
    out = []
    for lineno, line in enumerate(data.splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        cells = tuple(line.split("\t"))
        if len(cells) != 6:
            raise ValueError(f"{SOURCE}:{lineno}: expected 6 tab-separated columns, got {len(cells)}")
        out.append(cells)
    return tuple(out)


def load_phoenix() -> tuple[Actor, ...]:
    """Every Phoenix actor, in file order (for tools and tests; the gazetteer reads
    them lazily through `PhoenixNames`)."""
    return tuple(_actor(*cells[:4]) for cells in _rows())


class PhoenixNames:
    """Phoenix names -> actors, made when first asked: the index holds only the folded
    names (so start-up pays for reading them, not for 26,777 actor records). The rows
    themselves are read when a name is first looked up (~25 ms a short story whose
    names are all ours never pays, issue 20)."""

    def __init__(self, max_words: int = MAX_WORDS) -> None:
        from ..compiled import compiled

        self._rows: tuple[tuple[str, ...], ...] | None = None
        self.keys: dict[tuple[str, ...], list[int]] = compiled(
            "phoenix-keys", f"phoenix-keys-1:{max_words}", _raw(), lambda: _keys(self.rows(), max_words))
        self.max_len = max((len(k) for k in self.keys), default=1)
        self._actors: dict[int, Actor] = {}

    def rows(self) -> tuple[tuple[str, ...], ...]:
        if self._rows is None:
            self._rows = _rows()
        return self._rows

    def __len__(self) -> int:
        return len(self.rows())

    def actors(self, key: tuple[str, ...]) -> tuple[Actor, ...]:
        out = []
        for n in self.keys.get(key, ()):
            if n not in self._actors:
                self._actors[n] = _actor(*self.rows()[n][:4])
            out.append(self._actors[n])
        return tuple(out)


def _keys(rows: tuple[tuple[str, ...], ...], max_words: int) -> dict[tuple[str, ...], list[int]]:
    keys: dict[tuple[str, ...], list[int]] = {}
    for n, cells in enumerate(rows):
        for folded in cells[5].split("|"):  # the names' match keys, folded by the conversion
            key = tuple(folded.split(" "))
            if folded and len(key) <= max_words:
                keys.setdefault(key, []).append(n)
    return keys


@lru_cache(maxsize=1)
def phoenix_names() -> PhoenixNames:
    """The index, once per process (the file is part of the package)."""
    return PhoenixNames()
