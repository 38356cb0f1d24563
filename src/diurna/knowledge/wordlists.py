"""One validator for the word-list knowledge files (grammar.yaml, cues.yaml and the
per-area lists beside them): each concept is one non-empty list of lower-case entries,
none listed twice, read into a frozen dataclass whose field names are the file's keys.

A new list file needs only a frozen dataclass of `frozenset[str]` fields and
`load_lists(TheClass, "file.yaml")`; unknown or missing keys are errors that name the key.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any, TypeVar

from . import read_yaml

T = TypeVar("T")


def _kind(one_word: bool) -> str:
    return "one lower-case word" if one_word else \
        "lower-case words separated by single spaces, without outer spaces"


def word_entry(item: object, where: str, *, one_word: bool = True) -> str:
    """One entry, checked: lower-case, no outer spaces; with `one_word` no inner space
    either ("point out" is then an error), else single spaces between words."""
    if (not isinstance(item, str) or not item or item != " ".join(item.lower().split())
            or (one_word and " " in item)):
        raise ValueError(f"{where}: {item!r} must be {_kind(one_word)}")
    return item


def word_list(value: object, where: str, *, one_word: bool = True) -> tuple[str, ...]:
    """The entries of one list, in order, checked: non-empty, each a `word_entry`, none
    twice."""
    if not isinstance(value, list) or not value:
        raise ValueError(f"{where}: expected a non-empty list, each item {_kind(one_word)}")
    out: list[str] = []
    seen: set[str] = set()
    for item in value:
        word_entry(item, where, one_word=one_word)
        if item in seen:
            raise ValueError(f"{where}: {item!r} is listed twice")
        seen.add(item)
        out.append(item)
    return tuple(out)


def parse_lists(cls: type[T], data: object, source: str, *, phrases: frozenset[str] = frozenset()) -> T:
    """Build `cls` (a frozen dataclass of frozenset fields) from a YAML mapping whose
    keys are exactly its field names. Keys named in `phrases` may hold several words."""
    assert is_dataclass(cls)
    keys = tuple(f.name for f in fields(cls))
    if not isinstance(data, dict):
        raise ValueError(f"{source}: expected a mapping with keys {', '.join(keys)}")
    missing = [k for k in keys if k not in data]
    unknown = sorted(set(data) - set(keys))
    if missing or unknown:
        raise ValueError(f"{source}: missing keys {missing}, unknown keys {unknown}")
    values: dict[str, Any] = {k: frozenset(word_list(data[k], f"{source}:{k}", one_word=k not in phrases))
                              for k in keys}
    return cls(**values)


def load_lists(cls: type[T], name: str, *, phrases: frozenset[str] = frozenset()) -> T:
    """`parse_lists` over the shipped knowledge file `name`."""
    return parse_lists(cls, read_yaml(name), name, phrases=phrases)
