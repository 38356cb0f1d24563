"""The local engine: the pipeline spread over worker processes on one machine.

`diurna ingest --workers N` and `diurna eval --workers N` run through here. Workers are
spawned, never forked: a fork of a process that holds a loaded model, a DuckDB
connection or a JVM copies their threads' locks in whatever state they were. Each
worker builds its own Pipeline from the plain settings once; chunks of input go out in
order, a few at a time, and come back in input order, so the outcomes are the same,
item for item, as one process gives.
"""

from __future__ import annotations

import dataclasses
import multiprocessing as mp
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from typing import Any, TypeVar

from ..model import ErrorResult, Outcome, RawDocument, Result
from ..settings import Settings

T = TypeVar("T")
R = TypeVar("R")

# Documents per task sent to a worker (and per store commit and progress step in
# ingest). Small, so the workers stay balanced to the end of the input: chunks of
# `batch_size` (32) left one of two workers idle on 60 documents (issue 20). spaCy's
# CPU time per document is the same at batches of 4 as of 32 (measured on 48 VOA
# stories), so nothing is lost inside a task.
TASK_DOCS = 4
# `--workers auto` adds a worker per this many documents, up to the usable cores: each
# worker loads the model and the knowledge once (a few CPU seconds), which a short input
# never earns back.
DOCS_PER_WORKER = 16


def usable_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def auto_workers(n_docs: int | None, cores: int | None = None) -> int:
    """How many worker processes `--workers auto` runs for an input of about `n_docs`
    documents (None: unknown, such as stdin): one for a short or unknown input, else
    one per DOCS_PER_WORKER documents, up to the usable cores."""
    if not n_docs:
        return 1
    return max(1, min(cores or usable_cores(), n_docs // DOCS_PER_WORKER))


def parse_workers(value: str) -> int | None:
    """`--workers`: "auto" (None) or a positive count; ValueError otherwise."""
    if value.strip().lower() == "auto":
        return None
    try:
        n = int(value)
    except ValueError:
        raise ValueError(f"--workers takes a number of processes or 'auto', not {value!r}") from None
    if n < 1:
        raise ValueError(f"--workers must be at least 1, got {n}")
    return n


def start_pool(workers: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> Any:
    """A pool of `workers` spawned processes, each set up once by
    `initializer(*initargs)` (a module-level function: it is sent by name). Use it as a
    context manager, or close() and join() it."""
    ctx = mp.get_context("spawn")
    return ctx.Pool(workers, initializer=_start, initargs=(initializer, initargs, os.getpid()))


def run_ordered(pool: Any, task: Callable[[T], R], chunks: Iterable[T], workers: int) -> Iterator[R]:
    """task(chunk) for every chunk on the pool, yielded in input order."""
    window = 2 * workers  # chunks in flight: keeps every worker busy without reading the whole input ahead
    in_flight: deque = deque()
    for chunk in chunks:
        in_flight.append(pool.apply_async(task, (chunk,)))
        if len(in_flight) >= window:
            yield in_flight.popleft().get()
    while in_flight:
        yield in_flight.popleft().get()


def _start(initializer: Callable[..., None], initargs: tuple[Any, ...], parent: int) -> None:
    initializer(*initargs)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A parent killed with -9 cannot stop its pool; orphaned workers notice and leave."""
    import time

    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)


class PooledPipeline:
    """A Pipeline whose `process_many` runs on `workers` processes.

    It offers what the evaluation scorers read from a Pipeline (`settings`, `nlp`,
    `process_many`); `nlp` and in-process work use `local`, a Pipeline of this process
    built on first use when none is given. The workers start on first use (each loads
    the model once) and serve every later call until close()."""

    def __init__(self, settings: Settings, workers: int, *, local: Any = None) -> None:
        self.settings = settings
        self.workers = max(1, workers)
        self._local = local
        self._pool: Any = None

    def __enter__(self) -> PooledPipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    @property
    def local(self) -> Any:
        if self._local is None:
            from ..pipeline import Pipeline

            self._local = Pipeline(self.settings)
        return self._local

    @property
    def nlp(self) -> Any:
        return self.local.nlp

    def process_many(self, items: Iterable[str | Mapping[str, Any] | RawDocument | ErrorResult], *,
                     published: str | None = None) -> Iterator[Outcome]:
        """As Pipeline.process_many: one outcome per input, in input order."""
        if self.workers == 1:
            yield from self.local.process_many(items, published=published)
            return
        from ..pipeline import read_items

        yield from self.map_chunks(partial(_process, published), read_items(items, day_first=self.settings.day_first))

    def map_chunks(self, fn: Callable[[Any, list[T]], list[R]], items: Iterable[T]) -> Iterator[R]:
        """fn(pipeline, chunk) over chunks of `items`, each on some worker's own Pipeline;
        the results in input order. `fn` must be a module-level function (or a partial
        of one): it is sent by name."""
        if self.workers == 1:
            for chunk in chunked(items, self.settings.batch_size):
                yield from fn(self.local, chunk)
            return
        for out in self._run(fn, chunked(items, min(TASK_DOCS, self.settings.batch_size))):
            yield from out

    def _run(self, fn: Callable[[Any, list[Any]], list[Any]], chunks: Iterator[list[Any]]) -> Iterator[list[Any]]:
        if self._pool is None:
            self._pool = start_pool(self.workers, _init_pipeline, (self.settings.to_dict(),))
        return run_ordered(self._pool, _apply, ((fn, chunk) for chunk in chunks), self.workers)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items in input order (the last one shorter)."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _renumbered(outcome: Outcome, index: int) -> Outcome:
    if isinstance(outcome, Result):
        return dataclasses.replace(outcome, document=dataclasses.replace(outcome.document, index=index))
    return dataclasses.replace(outcome, index=index)


def _process(published: str | None, pipeline: Any, chunk: list[RawDocument | ErrorResult]) -> list[Outcome]:
    """The chunk's outcomes, numbered as the whole input is (process_many numbers its
    own input from 0)."""
    outcomes = pipeline.process_many(chunk, published=published)
    return [_renumbered(o, raw.index) for raw, o in zip(chunk, outcomes)]


# The one pipeline of a worker process, set once by its initializer: this is how a
# multiprocessing pool hands per-process state to its tasks. Never used in the parent.
_PIPELINE: list[Any] = []


def _init_pipeline(settings: dict[str, Any]) -> None:
    from ..pipeline import settled_pipeline

    _PIPELINE.append(settled_pipeline(Settings.from_dict(settings)))  # the worker runs it to its end


def _apply(task: tuple[Callable[[Any, list[Any]], list[Any]], list[Any]]) -> list[Any]:
    fn, chunk = task
    return fn(_PIPELINE[0], chunk)
