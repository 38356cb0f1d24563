"""`diurna bench`: throughput and peak memory of the whole pipeline, side by side with
the bare spaCy pipeline over the same texts, in the same run.

Each measurement runs in its own fresh process (spawned), so peak RSS is that of one
configuration alone and no model or cache is shared between them. Figures are printed,
never asserted: this is a yardstick, not a timed test.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .model import RawDocument
from .settings import Settings


@dataclass(frozen=True, slots=True)
class Measure:
    name: str
    docs: int
    words: int
    seconds: float
    peak_rss_mb: float
    load_seconds: float
    errors: int = 0
    stages: dict[str, float] = field(default_factory=dict)

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "docs_per_s": round(self.docs_per_s, 2), "words_per_s": round(self.words_per_s, 1)}


def load_corpus(paths: Sequence[str | Path], settings: Settings, n: int | None) -> list[RawDocument]:
    from .read import read_paths

    docs = []
    for item in read_paths(paths, settings):
        if isinstance(item, RawDocument):
            docs.append(item)
            if n is not None and len(docs) >= n:
                break
    return docs


def run_bench(paths: Sequence[str | Path], settings: Settings, n: int | None = None) -> list[Measure]:
    docs = load_corpus(paths, settings, n)
    if not docs:
        raise ValueError("no readable documents in the corpus")
    ctx = mp.get_context("spawn")
    jobs = [("diurna", "diurna"), ("spaCy, same parts", "spacy-same"), ("spaCy, all parts", "spacy-all")]
    measures = []
    with ctx.Pool(1, maxtasksperchild=1) as pool:
        for label, kind in jobs:
            measures.append(pool.apply(_measure, (label, kind, docs, settings.to_dict())))
    return measures


def _measure(label: str, kind: str, docs: list[RawDocument], settings_dict: dict[str, Any]) -> Measure:
    settings = Settings.from_dict(settings_dict)
    t0 = time.perf_counter()
    stages: dict[str, float] = {}
    if kind == "diurna":
        from .pipeline import Pipeline

        pipeline = Pipeline(settings)
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        outcomes = list(pipeline.process_many(docs))
        seconds = time.perf_counter() - t1
        errors = sum(not o.ok for o in outcomes)
        stages = {k: round(v, 3) for k, v in pipeline.timings.items()}
    else:
        import spacy

        from .extract import resolve_order, spacy_components
        from .nlp import load_model

        if kind == "spacy-all":
            nlp = spacy.load(settings.spacy_model)
        else:
            nlp = load_model(settings.spacy_model, spacy_components(resolve_order(settings.extractors)))
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        for _ in nlp.pipe((d.content for d in docs), batch_size=settings.batch_size):
            pass
        seconds = time.perf_counter() - t1
        errors = 0
    words = sum(len(d.content.split()) for d in docs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return Measure(label, len(docs), words, round(seconds, 3), round(peak, 1), round(load, 3), errors, stages)
