"""Shared by the coreference tests: the entity one of whose mentions is exactly the
`nth` occurrence of `needle` in the cleaned text."""

from __future__ import annotations

from diurna.model import Entity, Result


def entity_of(result: Result, needle: str, nth: int = 0) -> Entity | None:
    i = -1
    for _ in range(nth + 1):
        i = result.document.text.find(needle, i + 1)
    for e in result.facts.entities:
        if any(m.start == i and m.end == i + len(needle) for m in e.mentions):
            return e
    return None
