"""Knowledge as data: the files in this folder are written by the diurna project,
loaded once, validated at load, and documented in their headers.

Loaders return immutable structures and are cached per file path: the files are part
of the installed package and never change during a run, so the cache cannot make a
result depend on what ran before.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


def read_text(name: str) -> str:
    """The text of a knowledge file shipped in this package."""
    return resources.files(__name__).joinpath(name).read_text("utf-8")


def read_tsv(name: str, columns: int) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV file, '#' comment lines skipped, each row checked for its width."""
    rows = []
    for lineno, line in enumerate(read_text(name).splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = tuple(c.strip() for c in line.split("\t"))
        if len(cells) != columns:
            raise ValueError(f"{name}:{lineno}: expected {columns} tab-separated columns, got {len(cells)}")
        rows.append(cells)
    return tuple(rows)


@lru_cache(maxsize=None)
def agencies() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(canonical agency name, credit forms) from agencies.tsv."""
    return tuple((name, tuple(forms.split("|"))) for name, forms in read_tsv("agencies.tsv", 2))
