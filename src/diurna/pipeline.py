"""The pipeline: read -> clean -> annotate -> extract -> resolve, built from one Settings.

One spaCy model load per Pipeline (so per process); documents stream through
`nlp.pipe` in batches; a document that fails becomes an `ErrorResult` at its place and
the batch goes on.
"""

from __future__ import annotations

import dataclasses
import gc
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from . import clean as clean_stage
from . import nlp as annotate_stage
from . import resolve as resolve_stage
from .errors import E010, E013, W001, W003, DiurnaError, warning
from .extract import BUILTIN, ExtractFn, ExtractorSpec, resolve_order, spacy_components
from .extract import build as build_extractor
from .model import Document, ErrorResult, Facts, Outcome, RawDocument, Result
from .read import read_text, read_texts
from .read.sources import normalise_date
from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class StageInfo:
    """What a stage is called, and what it needs and adds (for docs and `diurna stages`)."""

    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


class Pipeline:
    """Build once, process many: `Pipeline(settings).process_many(texts_or_records)`.

    `nlp` may be injected (tests, or a caller that already holds a loaded model); it is
    used as given, so the caller decides which components run.
    """

    def __init__(self, settings: Settings | None = None, *, nlp: Language | None = None) -> None:
        self.settings = settings or Settings.load()
        with gc_paused():
            self.extractors: tuple[ExtractorSpec, ...] = resolve_order(self.settings.extractors)
            self._extract_fns = tuple(build_extractor(spec, self.settings) for spec in self.extractors)
            components = spacy_components(self.extractors)
            self.nlp = nlp if nlp is not None else annotate_stage.load_model(
                self.settings.spacy_model, components, lemma_cache=self.settings.lemma_cache)
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_chars + 1)
        # CPU seconds spent per stage (steadier than wall time on a shared machine), for
        # `diurna bench`. Observability only: never read
        # by any stage, so it cannot change a result.
        self.timings: defaultdict[str, float] = defaultdict(float)  # CPU seconds per stage

    # ------------------------------------------------------------------ introspection

    @property
    def stages(self) -> tuple[StageInfo, ...]:
        return (
            StageInfo("diurna.read.v1", (), ("raw",)),
            StageInfo(clean_stage.NAME, ("raw",), ("document",)),
            StageInfo(annotate_stage.NAME, ("document",), tuple(f"spacy.{c}" for c in self.nlp.pipe_names)),
            *(
                StageInfo(spec.version, ("document", *(f"spacy.{c}" for c in spec.spacy), *spec.requires), spec.assigns)
                for spec in self.extractors
            ),
            StageInfo(resolve_stage.NAME, ("entities",), ("links",)),
        )

    # ------------------------------------------------------------------ processing

    def process(self, text: str, *, published: str | None = None, **meta: Any) -> Result:
        """One article from a string; raises DiurnaError if it cannot be processed."""
        raw = read_text(text, origin=meta.pop("origin", "<string>"), day_first=self.settings.day_first, **meta)
        outcome = next(self.process_many([raw], published=published))
        if isinstance(outcome, ErrorResult):
            raise DiurnaError.from_info(outcome.error)
        return outcome

    def process_many(
        self,
        items: Iterable[str | Mapping[str, Any] | RawDocument | ErrorResult],
        *,
        published: str | None = None,
    ) -> Iterator[Outcome]:
        """Strings, records ({"text"|"html", "id", "url", ...}) or read-stage items, in
        order; yields one Result or ErrorResult per input, in input order."""
        if published is not None:
            published = normalise_date(published, "--published", day_first=self.settings.day_first)
        batch: list[Document | ErrorResult] = []
        n_docs = 0
        for item in read_items(items, day_first=self.settings.day_first):
            batch.append(self._clean(item, published))
            n_docs += isinstance(batch[-1], Document)
            if n_docs >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch, n_docs = [], 0
        if batch:
            yield from self._run_batch(batch)

    def _clean(self, item: RawDocument | ErrorResult, published: str | None) -> Document | ErrorResult:
        if isinstance(item, ErrorResult):
            return item
        t0 = time.process_time()
        try:
            return self._clean_one(item, published)
        finally:
            self.timings["clean"] += time.process_time() - t0

    def _clean_one(self, item: RawDocument, published: str | None) -> Document | ErrorResult:
        try:
            doc = clean_stage.clean(item, self.settings, published=published)
            if doc.language not in self.settings.languages:
                raise DiurnaError(E013, f"{item.origin} is in {doc.language!r}")
            return with_record_meta(doc, item, published)
        except DiurnaError as exc:
            return ErrorResult(index=item.index, error=exc.info(), id=item.id, origin=item.origin)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            return _internal_error(item.index, item.id, item.origin, "clean", exc)

    def _run_batch(self, batch: list[Document | ErrorResult]) -> Iterator[Outcome]:
        docs = [d for d in batch if isinstance(d, Document)]
        annotated = dict(zip((d.index for d in docs), self._annotate(docs)))
        for item in batch:
            if isinstance(item, ErrorResult):
                yield item
                continue
            spacy_doc = annotated[item.index]
            if isinstance(spacy_doc, ErrorResult):
                yield spacy_doc
                continue
            yield self._extract(item, spacy_doc)

    def _annotate(self, docs: list[Document]) -> list[Doc | ErrorResult]:
        t0 = time.process_time()
        try:
            return self._annotate_batch(docs)
        finally:
            self.timings["annotate"] += time.process_time() - t0

    def _annotate_batch(self, docs: list[Document]) -> list[Doc | ErrorResult]:
        texts = [d.text for d in docs]
        try:
            return list(annotate_stage.annotate(self.nlp, texts, self.settings.batch_size))
        except Exception:  # noqa: BLE001 - find the one document that broke the batch
            out: list[Doc | ErrorResult] = []
            for d in docs:
                try:
                    out.append(self.nlp(d.text))
                except Exception as exc:  # noqa: BLE001
                    out.append(_internal_error(d.index, d.id, d.origin, "annotate", exc))
            return out

    def _extract(self, document: Document, spacy_doc: Doc) -> Outcome:
        facts, stage = Facts(), ""
        try:
            for spec, fn in zip(self.extractors, self._extract_fns):
                stage = spec.version
                t0 = time.process_time()
                if spec.origin == BUILTIN:
                    facts = fn(document, spacy_doc, facts)
                else:
                    facts, document = _run_plugin(spec, fn, document, spacy_doc, facts)
                self.timings[spec.name] += time.process_time() - t0
            stage = resolve_stage.NAME
            t0 = time.process_time()
            facts = resolve_stage.resolve(document.text, facts,
                                          guessed_sources=self.settings.story_people or not self.settings.story_targets)
            self.timings["resolve"] += time.process_time() - t0
        except Exception as exc:  # noqa: BLE001 - report the document, go on with the rest
            return _internal_error(document.index, document.id, document.origin, stage, exc)
        return Result(document=document, facts=facts)


def _run_plugin(spec: ExtractorSpec, fn: ExtractFn, document: Document, spacy_doc: Doc,
                facts: Facts) -> tuple[Facts, Document]:
    """A plug-in's step: a failure on one document costs only the plug-in's facts there
    (warning W003), never the document or diurna's own facts."""
    try:
        out = fn(document, spacy_doc, facts)
        if not isinstance(out, Facts):
            raise TypeError(f"returned {type(out).__name__}, not Facts")
    except Exception as exc:  # noqa: BLE001 - foreign code; the document goes on without it
        detail = f"{spec.version} ({spec.origin}) failed: {type(exc).__name__}: {exc}"
        return facts, dataclasses.replace(document, warnings=(*document.warnings, warning(W003, detail)))
    return out, document


def with_record_meta(doc: Document, raw: RawDocument, published: str | None) -> Document:
    """The record's own metadata on the cleaned document: its title wins over a first
    line read as a headline (as it already does over an HTML <title>), its byline, and
    the read stage's warnings, less an unreadable date that --published replaced."""
    warnings = tuple(w for w in raw.warnings if not (published is not None and w.code == W001.code))
    if raw.title is None and raw.author is None and not warnings:
        return doc
    return dataclasses.replace(doc, title=raw.title or doc.title, author=raw.author, warnings=warnings)


def read_items(items: Iterable[Any], *, day_first: bool = False) -> Iterator[RawDocument | ErrorResult]:
    """Read-stage items pass through; strings and records are read; all renumbered."""
    def raw() -> Iterator[RawDocument | ErrorResult]:
        for n, item in enumerate(items):
            if isinstance(item, (RawDocument, ErrorResult)):
                yield item
            else:
                # "<item n>": the error names the input's place
                yield next(read_texts([item], first=n, day_first=day_first))
    for n, item in enumerate(raw()):
        yield dataclasses.replace(item, index=n)


def _internal_error(index: int, doc_id: str | None, origin: str, stage: str, exc: Exception) -> ErrorResult:
    detail = f"{origin} in {stage}: {type(exc).__name__}: {exc}"
    return ErrorResult(index=index, error=DiurnaError(E010, detail).info(), id=doc_id, origin=origin)


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a pipeline is built. Loading the model and the
    knowledge makes ~150,000 long-lived objects, and the collector traversed them again
    and again (three full collections, ~0.08 of 1.4 CPU s of start-up, issue 20).
    Reference counting still frees all that is not in a cycle; the collector's state is
    restored after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


# Container objects allocated (less freed) between two young-generation collections once a
# process has settled; Python's default is 700.
SETTLED_GC_THRESHOLD = 20_000


def settled_pipeline(settings: Settings | None) -> Pipeline:
    """The Pipeline of a process that runs it to its end (the CLI, a pool worker, the
    bench), built and `settle`d with the collector paused throughout. Re-enabling the
    collector between the two let its next young-generation collection traverse every
    object the build had made (~150,000; ~0.04 of the ~1.4 CPU s to a first result,
    issue 20); frozen first, they are never traversed.

    Such a process works on one core: numpy's OpenBLAS is held to `blas_threads`
    threads (blas.py); its others only spun waiting for work."""
    with gc_paused():
        settings = settings or Settings.load()
        pipeline = Pipeline(settings)
        settle()
    if settings.blas_threads:
        from . import blas

        blas.limit_threads(settings.blas_threads)  # the model has loaded numpy, so its OpenBLAS
    return pipeline


def settle() -> None:
    """For a process that runs one pipeline for the rest of its life (the CLI, a pool
    worker): move every object alive now (the model, the knowledge) out of the
    collector's sight, so no later collection traverses them again (`gc.freeze`).
    Garbage made before this point is never collected, so call it once, after the
    pipeline is built; a library caller that builds pipelines over and over should not.

    It also makes young-generation collections rarer: annotating and extracting make
    many short-lived containers (Token and Span objects, records) that reference
    counting frees anyway, and with the default threshold the collector ran ~600 times
    over 89 VOA stories (0.10 CPU s; 14 times and 0.03 s at SETTLED_GC_THRESHOLD, issue
    20). Cyclic garbage then waits for at most that many allocations."""
    gc.freeze()
    gc.set_threshold(SETTLED_GC_THRESHOLD, *gc.get_threshold()[1:])
