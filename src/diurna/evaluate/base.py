"""What every scorer shares: where the data is, the report it returns, the fixed
dev/test split of every evaluation set, and the floors.

A scorer is a module with `NAME`, `DESCRIPTION` and `run(data_dir, pipeline, limit)`
returning a `Report`. Every item of a set belongs, by a hash of its key, to its dev half
(tune rules on it, cite its figures) or its test half (never tuned on; it gates).
`Report.metrics` are over the whole set, `Report.splits` the same metrics per half.
Floors live in `floors.toml` beside this file and pin the TEST half only: a metric may
only go up there; the slow eval tests run every scorer whose data is present and fail
when a test-half metric falls below its floor.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, runtime_checkable

from ..model import Document, Facts
from ..resolve import resolve

if TYPE_CHECKING:
    from ..extract import ExtractorSpec
    from ..pipeline import Pipeline

DATA_ENV = "DIURNA_DATA"
SPLITS = ("dev", "test")
T = TypeVar("T")


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
    splits: dict[str, dict[str, float]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"scorer": self.name, "metrics": self.metrics, "splits": self.splits,
                "counts": self.counts, "details": self.details}

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def dev_view(report: Report) -> Report:
    """The report as someone tuning rules may read it: the dev half's metrics, its `dev_`
    counts and the dev entries of per-split details, with nothing of the test half and no
    whole-set figure (which mixes test in). `diurna eval NAME --split dev` prints and writes
    this for scorers that cannot score one half alone, so reading dev never shows test."""
    dev = report.splits.get("dev", {})
    counts = {k: v for k, v in report.counts.items() if k.startswith("dev_")}
    details = {k: {"dev": v["dev"]} for k, v in report.details.items() if isinstance(v, dict) and "dev" in v}
    return Report(report.name, dict(dev), counts, details, {"dev": dict(dev)} if dev else {})


@runtime_checkable
class _Pooled(Protocol):
    """A pipeline with worker processes (`engines.local.PooledPipeline`, which this layer
    does not import)."""

    workers: int

    def map_chunks(self, fn: Any, items: Iterable[Any]) -> Iterator[Any]: ...


def exact_facts(pipeline: Pipeline, specs: Iterable[ExtractorSpec], documents: list[Document]) -> Iterator[Facts]:
    """The facts of `specs` over a parse of each document's exact text, resolved as the
    pipeline resolves them. Scorers whose gold offsets index the raw text use this
    instead of the clean stage, which reflows whitespace and may take a title.
    A pipeline with worker processes (`engines.local.PooledPipeline`) parses on them."""
    if isinstance(pipeline, _Pooled) and pipeline.workers > 1:
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


def split_of(dataset: str, key: str) -> str:
    """The fixed half an item belongs to: "dev" or "test", by the SHA-256 of
    "<dataset>:<key>" (half and half). The key is the item's own id where the set
    has one, else its text, so the split never depends on file order or a limit."""
    digest = hashlib.sha256(f"{dataset}:{key}".encode("utf-8")).digest()
    return SPLITS[digest[0] & 1]


def split_report(name: str, items: Sequence[T], key: Callable[[T], str],
                 score: Callable[[Sequence[T]], Report], dataset: str | None = None) -> Report:
    """The report of `score` over all `items`, with the same metrics on the dev and the
    test half in `splits`, the halves' sizes in `counts` (dev_items, test_items) and each
    half's own counts as `<half>_<count>` (test_gold_actors: the denominators of the test
    figures, which scripts/pin_floors.py reads).
    `score` is a pure function of the items it is given (item = gold + our outcome)."""
    halves: dict[str, list[T]] = {s: [] for s in SPLITS}
    for item in items:
        halves[split_of(dataset or name, key(item))].append(item)
    whole = score(items)
    scored = {s: score(halves[s]) for s in SPLITS}
    splits = {s: scored[s].metrics for s in SPLITS}
    counts = {**whole.counts, **{f"{s}_{k}": v for s in SPLITS for k, v in scored[s].counts.items()},
              **{f"{s}_items": len(halves[s]) for s in SPLITS}}
    return Report(name=name, metrics=whole.metrics, counts=counts, details=whole.details, splits=splits)


def floors() -> dict[str, dict[str, float]]:
    """{scorer: {metric: floor}}: the floors of each scorer's test half."""
    text = resources.files(__package__).joinpath("floors.toml").read_text("utf-8")
    return tomllib.loads(text)


def below_floor(report: Report) -> dict[str, tuple[float, float]]:
    """{metric: (value, floor)} for every test-half metric under its pinned floor. A
    report without splits (a scorer that has none) is held to its whole-set metrics."""
    pinned = floors().get(report.name, {})
    scored = report.splits.get("test", report.metrics)
    return {m: (scored.get(m, 0.0), f) for m, f in pinned.items() if scored.get(m, 0.0) + 1e-9 < f}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
