"""Knowledge as data: the files in this folder are written by the diurna project,
loaded once, validated at load, and documented in their headers.

Loaders return immutable structures and are cached per file path: the files are part
of the installed package and never change during a run, so the cache cannot make a
result depend on what ran before.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


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


class _UniqueKeys(yaml.SafeLoader):
    """Safe loading that refuses a mapping key written twice (PyYAML keeps the last)."""


def _mapping(loader: _UniqueKeys, node: yaml.MappingNode) -> dict[object, object]:
    keys = [loader.construct_object(k) for k, _ in node.value]
    twice = sorted({str(k) for k in keys if keys.count(k) > 1})
    if twice:
        raise ValueError(f"line {node.start_mark.line + 1}: keys {twice} written twice")
    return loader.construct_mapping(node)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_yaml(name: str, loader: type = yaml.SafeLoader) -> Any:
    """`yaml.load` of the shipped knowledge file `name` with `loader`, parsed once and then
    read from the cache folder (knowledge/compiled.py)."""
    from .compiled import parse_yaml

    return parse_yaml(read_text(name), name, loader)


def read_yaml(name: str) -> object:
    """A YAML knowledge file, safely loaded; a key written twice in a mapping is an error."""
    try:
        from .compiled import parse_yaml

        return parse_yaml(read_text(name), name, _UniqueKeys)  # a SafeLoader subclass; parsed once, then cached
    except ValueError as e:
        raise ValueError(f"{name}: {e}") from None


@lru_cache(maxsize=None)
def agencies() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(canonical agency name, credit forms) from agencies.tsv."""
    return tuple((name, tuple(forms.split("|"))) for name, forms in read_tsv("agencies.tsv", 2))
