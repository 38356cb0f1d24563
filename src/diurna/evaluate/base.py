"""What every scorer shares: where the data is, the report it returns, and the floors.

A scorer is a module with `NAME`, `DESCRIPTION` and `run(data_dir, pipeline, limit)`
returning a `Report`. Floors live in `floors.toml` beside this file: a metric may only
go up there; `tests/evaluate/test_floors.py` runs every scorer whose data is present
and fails when a metric falls below its floor.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Document, Facts
from ..resolve import resolve

if TYPE_CHECKING:
    from ..extract import ExtractorSpec
    from ..pipeline import Pipeline

DATA_ENV = "DIURNA_DATA"


def default_data_dir() -> Path:
    """`$DIURNA_DATA`, else `../shared/data` next to the working directory or the repo."""
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env)
    candidates = [Path.cwd() / "../shared/data", Path(__file__).resolve().parents[3] / "../shared/data"]
    for c in candidates:
        if c.is_dir():
            return c.resolve()
    return candidates[0]


@dataclass(frozen=True, slots=True)
class Report:
    name: str
    metrics: dict[str, float]
    counts: dict[str, int] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"scorer": self.name, "metrics": self.metrics, "counts": self.counts, "details": self.details}

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def exact_facts(pipeline: Pipeline, specs: Iterable[ExtractorSpec], documents: list[Document]) -> Iterator[Facts]:
    """The facts of `specs` over a parse of each document's exact text, resolved as the
    pipeline resolves them. Scorers whose gold offsets index the raw text use this
    instead of the clean stage, which reflows whitespace and may take a title.
    A pipeline with worker processes (`engines.local.PooledPipeline`) parses on them."""
    if getattr(pipeline, "workers", 1) > 1:
        yield from pipeline.map_chunks(partial(_exact_chunk, tuple(s.name for s in specs)), documents)
        return
    fns = [spec.build(pipeline.settings) for spec in specs]
    docs = pipeline.nlp.pipe((d.text for d in documents), batch_size=pipeline.settings.batch_size)
    for document, doc in zip(documents, docs):
        facts = Facts()
        for fn in fns:
            facts = fn(document, doc, facts)
        yield resolve(document.text, facts)


def _exact_chunk(names: tuple[str, ...], pipeline: Pipeline, documents: list[Document]) -> list[Facts]:
    from ..extract import get_spec

    return list(exact_facts(pipeline, [get_spec(n) for n in names], documents))


def floors() -> dict[str, dict[str, float]]:
    text = resources.files(__package__).joinpath("floors.toml").read_text("utf-8")
    return tomllib.loads(text)


def below_floor(report: Report) -> dict[str, tuple[float, float]]:
    """{metric: (value, floor)} for every metric under its pinned floor."""
    pinned = floors().get(report.name, {})
    return {m: (report.metrics.get(m, 0.0), f) for m, f in pinned.items() if report.metrics.get(m, 0.0) + 1e-9 < f}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
