"""`diurna bench`: throughput and peak memory of the whole pipeline, side by side with
the bare spaCy pipeline over the same texts, in the same run.

Each measurement runs in its own fresh process (spawned), so peak RSS is that of one
configuration alone and no model or cache is shared between them. Figures are printed,
never asserted: this is a yardstick, not a timed test.

Wall-clock seconds swing with whatever else runs on the machine; CPU seconds of the
measuring process (all its threads) much less so. Both are kept, with the load average
at the start of each measurement, and the ratios are taken on CPU seconds.

CPU seconds still swing on a shared machine: the two bare-spaCy rows run the very same
components and differed by 0.5-1.0 of ~13 CPU s in one run at load 5-10 (issue 20).
`repeat` runs the three configurations round after round, in turn, and keeps each one's
best (lowest CPU) measurement, so a slow moment of the machine does not fall on one
configuration alone.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
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
    cpu_seconds: float = 0.0  # CPU time of the measuring process over `seconds`
    load_cpu_seconds: float = 0.0  # CPU time to load (imports, model, knowledge)
    load_average: float = 0.0  # 1-minute load average when the measurement started
    runs: int = 1  # measurements taken; the figures are those of the one with the least CPU time

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    @property
    def docs_per_cpu_s(self) -> float:
        return self.docs / self.cpu_seconds if self.cpu_seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "docs_per_s": round(self.docs_per_s, 2), "words_per_s": round(self.words_per_s, 1),
                "docs_per_cpu_s": round(self.docs_per_cpu_s, 2)}


def load_corpus(paths: Sequence[str | Path], settings: Settings, n: int | None) -> list[RawDocument]:
    from .read import read_paths

    docs = []
    for item in read_paths(paths, settings):
        if isinstance(item, RawDocument):
            docs.append(item)
            if n is not None and len(docs) >= n:
                break
    return docs


def run_bench(paths: Sequence[str | Path], settings: Settings, n: int | None = None,
              repeat: int = 1) -> list[Measure]:
    """diurna, then bare spaCy with the same components, then with all of them; with
    `repeat` > 1, that many rounds in turn, each configuration's best (least CPU) kept."""
    docs = load_corpus(paths, settings, n)
    if not docs:
        raise ValueError("no readable documents in the corpus")
    if repeat < 1:
        raise ValueError("repeat must be at least 1")
    ctx = mp.get_context("spawn")
    jobs = [("diurna", "diurna"), ("spaCy, same parts", "spacy-same"), ("spaCy, all parts", "spacy-all")]
    with ctx.Pool(1, maxtasksperchild=1) as pool:
        rounds = [[pool.apply(_measure, (label, kind, docs, settings.to_dict())) for label, kind in jobs]
                  for _ in range(repeat)]
    return best_of(rounds)


def best_of(rounds: Sequence[Sequence[Measure]]) -> list[Measure]:
    """Per configuration (the same place in every round), the measurement with the least
    CPU time, counting the rounds in `runs`."""
    return [replace(min(runs, key=lambda m: m.cpu_seconds), runs=len(runs)) for runs in zip(*rounds)]


def _measure(label: str, kind: str, docs: list[RawDocument], settings_dict: dict[str, Any]) -> Measure:
    settings = Settings.from_dict(settings_dict)
    load_average = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.process_time()
    stages: dict[str, float] = {}
    if kind == "diurna":
        from .pipeline import settled_pipeline

        pipeline = settled_pipeline(settings)  # as `diurna extract` does: this process runs this one pipeline
        load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
        t1, c1 = time.perf_counter(), time.process_time()
        outcomes = list(pipeline.process_many(docs))
        seconds, cpu = time.perf_counter() - t1, time.process_time() - c1
        errors = sum(not o.ok for o in outcomes)
        stages = {k: round(v, 3) for k, v in pipeline.timings.items()}
    else:
        import spacy

        from .extract import resolve_order, spacy_components
        from .nlp import load_model

        if kind == "spacy-all":
            nlp = spacy.load(settings.spacy_model)
        else:
            # the model's own components, as shipped: no lemma cache
            nlp = load_model(settings.spacy_model, spacy_components(resolve_order(settings.extractors)),
                             lemma_cache=False)
        load, load_cpu = time.perf_counter() - t0, time.process_time() - c0
        t1, c1 = time.perf_counter(), time.process_time()
        for _ in nlp.pipe((d.content for d in docs), batch_size=settings.batch_size):
            pass
        seconds, cpu = time.perf_counter() - t1, time.process_time() - c1
        errors = 0
    words = sum(len(d.content.split()) for d in docs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return Measure(label, len(docs), words, round(seconds, 3), round(peak, 1), round(load, 3), errors, stages,
                   round(cpu, 3), round(load_cpu, 3), round(load_average, 2))
