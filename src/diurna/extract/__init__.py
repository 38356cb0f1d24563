"""The extract stage: small extractors over the annotated doc, each yielding typed
records with offsets.

The registry maps the names used in settings (`extractors = [...]`) to extractors:
diurna's own are listed in REGISTRY and imported only when a pipeline asks for them;
other packages add theirs without editing REGISTRY, through the entry-point group
`diurna.extractors` (as spaCy's factories do). In the plug-in's pyproject.toml:

    [project.entry-points."diurna.extractors"]
    sentiment = "acme_diurna.sentiment:SPEC"

The entry point's name is the setting name and must equal `SPEC.name`; `SPEC.version`
is a versioned name of the plug-in's own ("acme.sentiment.v1": a change of behaviour
gets a new one; "diurna." is ours). Settings may name an extractor by its name or by
its versioned name, which pins the version: if the installed one differs, the pipeline
refuses to start (E011) rather than run changed code. A plug-in that cannot be loaded
is E025 when a pipeline asks for it, before any document is read; one that fails on a
document leaves that document's other facts in place and adds warning W003 (see
pipeline.py). Entry points are looked up on each call (cheap, no cache), so installing a
plug-in needs no restart of anything but the process.
"""

from __future__ import annotations

import dataclasses
import re
from importlib import import_module, metadata

from ..errors import E011, E025, DiurnaError
from ..settings import Settings
from .base import AMOUNTS, BUILTIN, ENTITIES, EVENTS, FACT_FIELDS, PLACES, QUOTES, TIMES, ExtractFn, ExtractorSpec

# name in settings -> module holding SPEC. Add a line here when an extractor of ours lands.
REGISTRY: dict[str, str] = {
    ENTITIES: "diurna.extract.entities",
    TIMES: "diurna.extract.times",
    AMOUNTS: "diurna.extract.amounts",
    PLACES: "diurna.extract.places",
    EVENTS: "diurna.extract.events",
    QUOTES: "diurna.extract.quotes",
}

GROUP = "diurna.extractors"  # the entry-point group plug-ins register in
# "<namespace>.<name>.v<N>": a plug-in's namespace is its own, never "diurna".
VERSIONED = re.compile(r"(?P<ns>[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*)\.(?P<name>[a-z][a-z0-9_]*)\.v[1-9][0-9]*")


def plugins() -> dict[str, list[metadata.EntryPoint]]:
    """The installed plug-ins by name (a list: two packages may claim one name)."""
    out: dict[str, list[metadata.EntryPoint]] = {}
    for ep in metadata.entry_points(group=GROUP):
        out.setdefault(ep.name, []).append(ep)
    return out


def known() -> list[str]:
    """Every name settings may use: ours, then the installed plug-ins'."""
    return sorted(REGISTRY) + sorted(n for n in plugins() if n not in REGISTRY)


def get_spec(name: str, installed: dict[str, list[metadata.EntryPoint]] | None = None) -> ExtractorSpec:
    """The spec of an extractor named in settings: "times", "sentiment", or a versioned
    name ("diurna.times.v1", "acme.sentiment.v1") that must match what is installed.
    `installed` is plugins(), when the caller already has it."""
    installed = plugins() if installed is None else installed
    versioned = VERSIONED.fullmatch(name)
    short = versioned["name"] if versioned else name
    entries = installed.get(short, [])
    spec = _builtin(short, entries) if short in REGISTRY else _plugin(short, entries, installed)
    if versioned and spec.version != name:
        raise DiurnaError(E011, f"extractor {name!r} is not installed: {short!r} is {spec.version}; "
                                f"name {spec.version!r} (or {short!r}) in `extractors`")
    return spec


def _builtin(name: str, entries: list[metadata.EntryPoint]) -> ExtractorSpec:
    if entries:
        raise DiurnaError(E025, f"{_where(entries[0])} registers the name {name!r}, which is "
                                f"diurna's own extractor; the plug-in must use a name of its own")
    spec: ExtractorSpec = import_module(REGISTRY[name]).SPEC
    return spec


def _where(ep: metadata.EntryPoint) -> str:
    package = f" of package {ep.dist.name}" if ep.dist is not None else ""
    return f"plug-in {ep.name!r} ({ep.value}{package})"


def _plugin(name: str, entries: list[metadata.EntryPoint], installed: dict[str, list[metadata.EntryPoint]],
            ) -> ExtractorSpec:
    if not entries:
        names = sorted(REGISTRY) + sorted(n for n in installed if n not in REGISTRY)
        raise DiurnaError(E011, f"unknown extractor {name!r}; known: {', '.join(names)}")
    if len(entries) > 1:
        raise DiurnaError(E025, f"{len(entries)} plug-ins claim the name {name!r}: "
                                f"{'; '.join(_where(ep) for ep in entries)}")
    ep = entries[0]
    try:
        spec = ep.load()
    except Exception as exc:  # noqa: BLE001 - any failure of foreign code is the plug-in's
        raise DiurnaError(E025, f"{_where(ep)} cannot be loaded: {type(exc).__name__}: {exc}") from exc
    problem = _check_plugin(name, spec)
    if problem:
        raise DiurnaError(E025, f"{_where(ep)}: {problem}")
    return dataclasses.replace(spec, origin=ep.value)


def _check_plugin(name: str, spec: object) -> str | None:
    """What is wrong with a loaded plug-in object, or None."""
    if not isinstance(spec, ExtractorSpec):
        return f"expected a diurna.extract.ExtractorSpec, got {type(spec).__name__}"
    if spec.name != name:
        return f"its SPEC.name is {spec.name!r}; the entry point's name must be the same"
    versioned = VERSIONED.fullmatch(spec.version)
    if not versioned or versioned["name"] != name:
        return f"its version {spec.version!r} must read '<namespace>.{name}.v<N>'"
    if versioned["ns"].split(".")[0] == BUILTIN:
        return f"its version {spec.version!r} uses the namespace {BUILTIN!r}, which is diurna's own"
    if not callable(spec.build):
        return "its SPEC.build is not callable"
    return None


def build(spec: ExtractorSpec, settings: Settings) -> ExtractFn:
    """`spec.build(settings)`; a plug-in's failure to build is E025 (no document read yet)."""
    if spec.origin == BUILTIN:
        return spec.build(settings)
    try:
        fn = spec.build(settings)
    except Exception as exc:  # noqa: BLE001 - any failure of foreign code is the plug-in's
        raise DiurnaError(E025, f"plug-in {spec.name!r} ({spec.origin}) failed to build: "
                                f"{type(exc).__name__}: {exc}") from exc
    if not callable(fn):
        raise DiurnaError(E025, f"plug-in {spec.name!r} ({spec.origin}): build returned "
                                f"{type(fn).__name__}, not a function")
    return fn


def resolve_order(names: tuple[str, ...]) -> tuple[ExtractorSpec, ...]:
    """The specs in settings order, checked so each one's requirements come before it."""
    installed = plugins()
    specs = tuple(get_spec(n, installed) for n in names)
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


__all__ = ["BUILTIN", "FACT_FIELDS", "GROUP", "REGISTRY", "ExtractFn", "ExtractorSpec", "get_spec", "resolve_order",
           "spacy_components"]
