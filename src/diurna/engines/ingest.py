"""`diurna ingest`: read inputs, run the pipeline in N worker processes, write to the store.

The main process reads and writes (DuckDB has one writer); workers only process. Each
worker builds its own Pipeline from the Settings (plain data): no loaded model is ever
pickled. Workers are started with `spawn`, so they share nothing with the parent.

Idempotent: ids already stored are skipped before any work when the input names them;
id-less documents are cleaned first (cheap) to learn their content id, but only when
the store is not empty, so a first bulk ingest pays nothing for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import ErrorResult, Outcome, RawDocument, Result
from ..settings import Settings
from ..store import Store
from .local import TASK_DOCS, chunked, run_ordered, start_pool

Item = RawDocument | ErrorResult


@dataclass(frozen=True, slots=True)
class Progress:
    """What the progress bar shows after each committed batch."""

    seen: int        # inputs handled so far (stored, skipped or failed)
    stored: int      # new documents written
    skipped: int     # already in the store
    errors: int      # documents that could not be processed


@dataclass(frozen=True, slots=True)
class IngestReport:
    seen: int
    stored: int
    skipped: int
    errors: int
    seconds: float

    @property
    def docs_per_s(self) -> float:
        return self.seen / self.seconds if self.seconds else 0.0


@dataclass(frozen=True, slots=True)
class _Skipped:
    index: int


def ingest(
    paths: Sequence[str | Path],
    db: str | Path,
    settings: Settings,
    *,
    workers: int = 1,
    published: str | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    pipeline: Any = None,
) -> IngestReport:
    """Ingest every document under `paths` into the store at `db`.

    `pipeline` (optional) is an already built Pipeline to use in this process when
    workers == 1 (tests, notebooks); worker processes always build their own."""
    import time

    from ..read import read_paths
    from ..read.sources import normalise_date

    if published is not None:
        published = normalise_date(published, "--published", day_first=settings.day_first)
    t0 = time.perf_counter()
    with Store(db) as store:
        known = store.known_ids()
        counts = {"seen": 0, "stored": 0, "skipped": 0, "errors": 0}
        items = read_paths(paths, settings)
        for chunk in _process(items, settings, known, workers, published, pipeline):
            fresh = [o for o in chunk if not isinstance(o, _Skipped)]
            stored, errors = store.write(fresh)
            known.update(o.document.id for o in fresh if isinstance(o, Result))
            counts["seen"] += len(chunk)
            counts["stored"] += stored
            counts["errors"] += errors
            counts["skipped"] += len(chunk) - stored - errors
            if on_progress:
                on_progress(Progress(**counts))
    return IngestReport(**counts, seconds=time.perf_counter() - t0)


def _process(items: Iterable[Item], settings: Settings, known: set[str], workers: int,
             published: str | None, pipeline: Any = None) -> Iterator[list[Outcome | _Skipped]]:
    """Chunks of outcomes; ids the input already names and the store holds never reach a
    worker. Chunks are small (TASK_DOCS), so the progress bar moves every few documents
    and the workers stay balanced."""
    size = min(TASK_DOCS, settings.batch_size)
    pending = _chunks(items, known, size)
    if workers <= 1:
        worker = _Worker(settings.to_dict(), frozenset(known), published, pipeline)
        for chunk in pending:
            yield worker.run(chunk)
        return
    initargs = (settings.to_dict(), frozenset(known), published)
    with start_pool(workers, _init_worker, initargs) as pool:
        yield from run_ordered(pool, _run_in_worker, pending, workers)


def _chunks(items: Iterable[Item], known: set[str], size: int) -> Iterator[list[Item | _Skipped]]:
    stored = (_Skipped(item.index) if isinstance(item, RawDocument) and item.id is not None and item.id in known
              else item for item in items)
    return chunked(stored, size)


class _Worker:
    """One process's pipeline, built lazily from plain settings."""

    def __init__(self, settings: dict[str, Any], known: frozenset[str], published: str | None,
                 pipeline: Any = None) -> None:
        self.settings = Settings.from_dict(settings)
        self._pipeline: Any = pipeline  # else loaded on the first document that needs it: a re-run loads no model
        self.known = known
        self.published = published

    def run(self, chunk: list[Item | _Skipped]) -> list[Outcome | _Skipped]:
        out: list[Outcome | _Skipped] = []
        todo: list[Item] = []
        for item in chunk:
            if isinstance(item, ErrorResult):
                out.append(item)  # a read error needs no model
            elif isinstance(item, _Skipped) or (self.known and self._already_stored(item)):
                out.append(item if isinstance(item, _Skipped) else _Skipped(item.index))
            else:
                todo.append(item)
        if todo:
            out.extend(self.pipeline.process_many(todo, published=self.published))
        return out

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            from ..pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def _already_stored(self, item: Item) -> bool:
        if not isinstance(item, RawDocument) or item.id is not None:
            return False
        from ..clean import clean as clean_document
        from ..errors import DiurnaError

        try:
            return clean_document(item, self.settings, published=self.published).id in self.known
        except DiurnaError:
            return False  # the pipeline will report it


# The one pipeline of a worker process, set once by its initializer: this is how a
# multiprocessing pool hands per-process state to its tasks. Never used in the parent.
_WORKER: list[_Worker] = []


def _init_worker(settings: dict[str, Any], known: frozenset[str], published: str | None) -> None:
    _WORKER.append(_Worker(settings, known, published))


def _run_in_worker(chunk: list[Item | _Skipped]) -> list[Outcome | _Skipped]:
    return _WORKER[0].run(chunk)


def count_inputs(paths: Sequence[str | Path]) -> int | None:
    """A quick estimate of how many documents the paths hold, for the ETA, without
    decoding anything: one per file, one per non-blank line of JSONL/CSV files (feeds
    and WARC archives count as one, so the bar may run past its total). None for stdin."""
    total = 0
    for p in paths:
        if str(p) == "-":
            return None
        path = Path(p)
        if path.is_dir():
            files = [f for f in sorted(path.rglob("*"))
                     if f.is_file() and not any(part.startswith(".") for part in f.relative_to(path).parts)]
        else:
            files = [path] if path.is_file() else []
        for f in files:
            name = f.name.lower()
            if name.endswith((".jsonl", ".ndjson", ".csv", ".tsv")):
                with f.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip()) - name.endswith((".csv", ".tsv"))
            else:
                total += 1
    return total
