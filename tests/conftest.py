"""Shared fixtures: one model load per test session, the examples, the benchmark data,
and the small readers of a result that many extractor tests use (`events_of`,
`codes_of`, `dyads_of`, `side_countries`, `top_event_of`, `entity_at`) and `pipeline_of`.

Tests that read ../shared/data use `data_dir` and skip cleanly when it is absent.
pytest runs in importlib mode: test modules are not on sys.path and cannot import each
other, so a helper that test files of several directories need lives here, as a fixture
that returns it (a directory's own builders are imported relatively, as in
`from .store_builders import story`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

from diurna import Pipeline, Settings
from diurna.evaluate import default_data_dir
from diurna.model import Entity, Event, Result

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/ from the current output.")


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.load()


@pytest.fixture(scope="session")
def session_pipeline(settings: Settings) -> Pipeline:
    """The default pipeline, loaded once for the whole session, under a name no test
    directory or module overrides (several override `pipeline`)."""
    return Pipeline(settings)


@pytest.fixture(scope="session")
def pipeline(session_pipeline: Pipeline) -> Pipeline:
    """The default pipeline, loaded once for the whole session."""
    return session_pipeline


# The full evaluations run on one worker process per core (at most two, the CI box's
# cores): the scores are the same as in one process (tests/engines/test_local_engine.py).
EVAL_WORKERS = min(2, os.cpu_count() or 1)


@pytest.fixture(scope="session")
def pipeline_of(session_pipeline: Pipeline) -> Callable[..., Pipeline]:
    """`pipeline_of(extractors=["entities"], person_countries=True)`: a Pipeline of
    `Settings.load(**those)` on the session's spaCy model, built once per set of
    settings and shared. A model load costs seconds; every extractor set loads the
    same components (tok2vec, tagger, parser, lemma cache, ner)."""
    built: dict[str, Pipeline] = {}

    def make(**changes: object) -> Pipeline:
        key = repr(sorted(changes.items()))
        if key not in built:
            built[key] = Pipeline(Settings.load(**changes), nlp=session_pipeline.nlp)
        return built[key]

    return make


@pytest.fixture(scope="session")
def pooled(pipeline: Pipeline) -> Iterator[object]:
    """The default pipeline on EVAL_WORKERS processes, started on first use."""
    from diurna.engines.local import PooledPipeline

    with PooledPipeline(pipeline.settings, EVAL_WORKERS, local=pipeline) as pool:
        yield pool


@pytest.fixture(scope="session")
def pooled_pipeline():
    """Makes a pipeline of other settings on EVAL_WORKERS processes (use it in `with`)."""
    from diurna.engines.local import PooledPipeline

    return lambda settings: PooledPipeline(settings, EVAL_WORKERS)


@pytest.fixture(scope="session")
def blank_nlp():
    """A tokenizer-only English pipeline, for tests that build Docs by hand."""
    import spacy

    return spacy.blank("en")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = default_data_dir()
    if not path.is_dir():
        pytest.skip(f"benchmark data not present at {path}")
    return path


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


# ---------------------------------------------------------------- readers of a result

# The publication date the extractor tests give their texts (relative dates resolve
# against it).
PUBLISHED = "2026-03-04"


def _events_of(pipeline: Pipeline, text: str, root: str = "") -> tuple[Event, ...]:
    """The events `pipeline` codes in `text` published on PUBLISHED, those whose code
    starts with `root` when one is given."""
    events = pipeline.process(text, published=PUBLISHED).facts.events
    return tuple(e for e in events if e.code.startswith(root)) if root else events


def _codes_of(pipeline: Pipeline, text: str) -> set[str]:
    """The event codes of `text`."""
    return {e.code for e in _events_of(pipeline, text)}


def _dyads_of(pipeline: Pipeline, text: str) -> set[tuple[str, str | None, str | None]]:
    """(code, source text, target text) of each event of `text`; None for a missing side."""
    return {(e.code, e.source.text if e.source else None, e.target.text if e.target else None)
            for e in _events_of(pipeline, text)}


def _side_countries(events: Iterable[Event], side: str) -> set[str]:
    """The countries on `side` ("source" or "target") of `events`, sides without one left out."""
    return {ref.country for e in events if (ref := getattr(e, side)) is not None and ref.country}


def _top_event_of(pipeline: Pipeline, text: str) -> Event | None:
    """The event the evaluations take as the text's main one (evaluate's top_event)."""
    from diurna.evaluate._events_common import top_event

    return top_event(pipeline.process(text, published=PUBLISHED))


def _entity_at(result: Result, needle: str) -> Entity | None:
    """The entity with a mention covering the first character of `needle` in the text."""
    i = result.document.text.find(needle)
    for e in result.facts.entities:
        if any(m.start <= i < m.end for m in e.mentions):
            return e
    return None


@pytest.fixture(scope="session")
def events_of() -> Callable[..., tuple[Event, ...]]:
    """`events_of(pipeline, text, root="")`: the events of `text` (see _events_of)."""
    return _events_of


@pytest.fixture(scope="session")
def codes_of() -> Callable[[Pipeline, str], set[str]]:
    """`codes_of(pipeline, text)`: the set of event codes of `text`."""
    return _codes_of


@pytest.fixture(scope="session")
def dyads_of() -> Callable[[Pipeline, str], set[tuple[str, str | None, str | None]]]:
    """`dyads_of(pipeline, text)`: {(code, source text, target text)} of `text`."""
    return _dyads_of


def _has_dyad(found: Iterable[tuple[str, str | None, str | None]], code: str, source: str | None,
              target: str | None) -> bool:
    return any(c == code and (source is None or (s is not None and source in s))
               and (target is None or (t is not None and target in t)) for c, s, t in found)


@pytest.fixture(scope="session")
def has_dyad() -> Callable[..., bool]:
    """`has_dyad(dyads_of(pipeline, text), code, source, target)`: one of the dyads has
    `code`, unless `source` is None a source whose text contains `source`, and unless
    `target` is None a target whose text contains `target`."""
    return _has_dyad


@pytest.fixture(scope="session")
def side_countries() -> Callable[[Iterable[Event], str], set[str]]:
    """`side_countries(events, "source" | "target")`: the countries on that side."""
    return _side_countries


@pytest.fixture(scope="session")
def top_event_of() -> Callable[[Pipeline, str], Event | None]:
    """`top_event_of(pipeline, text)`: the main event of `text`, as the evaluations pick it."""
    return _top_event_of


@pytest.fixture(scope="session")
def entity_at() -> Callable[[Result, str], Entity | None]:
    """`entity_at(result, needle)`: the entity mentioned where `needle` first occurs."""
    return _entity_at
