"""The extract stage: small extractors over the annotated doc, each yielding typed
records with offsets. The registry maps setting names to extractor modules, imported
only when a pipeline asks for them."""

from __future__ import annotations

from importlib import import_module

from ..errors import E011, DiurnaError
from .base import FACT_FIELDS, ExtractFn, ExtractorSpec

# name in settings -> module holding SPEC. Add a line here when an extractor lands.
REGISTRY: dict[str, str] = {
    "entities": "diurna.extract.entities",
    "times": "diurna.extract.times",
    "amounts": "diurna.extract.amounts",
    "places": "diurna.extract.places",
    "events": "diurna.extract.events",
    "quotes": "diurna.extract.quotes",
}


def get_spec(name: str) -> ExtractorSpec:
    try:
        module = REGISTRY[name]
    except KeyError:
        raise DiurnaError(E011, f"unknown extractor {name!r}; known: {', '.join(sorted(REGISTRY))}") from None
    return import_module(module).SPEC


def resolve_order(names: tuple[str, ...]) -> tuple[ExtractorSpec, ...]:
    """The specs in settings order, checked so each one's requirements come before it."""
    specs = tuple(get_spec(n) for n in names)
    assigned: set[str] = set()
    for spec in specs:
        missing = [r for r in spec.requires if r not in assigned]
        if missing:
            raise DiurnaError(
                E011, f"extractor {spec.name!r} needs {missing} from an extractor listed before it"
            )
        assigned.update(spec.assigns)
    return specs


def spacy_components(specs: tuple[ExtractorSpec, ...]) -> list[str]:
    """The spaCy components these extractors read, sorted: what the annotate stage keeps."""
    return sorted({c for spec in specs for c in spec.spacy})


__all__ = ["FACT_FIELDS", "REGISTRY", "ExtractFn", "ExtractorSpec", "get_spec", "resolve_order", "spacy_components"]
