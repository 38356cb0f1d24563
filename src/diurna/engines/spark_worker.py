"""What runs inside Spark's Python workers: plain functions over plain values.

Nothing here imports pyspark, so every function can be tested without a JVM. The driver
(`engines/spark.py`) ships only these functions and plain data (the Settings as a dict,
dates, strings); each worker process builds its own Pipeline from the settings the first
time it needs one and keeps it for the tasks that follow (Spark reuses Python workers).

The rows are the DuckDB store's rows: `store.rows.Rows` flattens a Result exactly as
`Store.write` does, and `store.refresh.entity_rows` / `event_rows` derive the merged
tables exactly as the store's refresh does. One definition, two engines.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..model import ErrorResult, Outcome, Result
from ..store import refresh
from ..store.rows import COLUMNS, Rows

Order = tuple[int, int, int]  # (input path, file within it, record within the file)


@dataclass(frozen=True, slots=True)
class DocRows:
    """One input's rows for every per-article table.

    `key` is what the store de-duplicates on ("doc:ID" for an article, "error:HASH" for an
    error); `order` is the input's place, so that, as in the store, the first of several
    inputs with one id wins whatever partition it landed in."""

    key: str
    order: Order
    tables: Mapping[str, tuple[tuple, ...]]


@functools.lru_cache(maxsize=1)
def _pipeline(settings_json: str) -> Any:
    """The worker's pipeline, keyed on the settings' content: a worker that is handed
    other settings builds a new one, so a result never depends on what ran before."""
    from ..pipeline import Pipeline
    from ..settings import Settings

    return Pipeline(Settings.from_dict(json.loads(settings_json)))


def process_partition(settings: dict[str, Any], published: str | None, now: datetime,
                      pairs: Iterable[tuple[Order, Any]]) -> Iterator[DocRows]:
    """(order, RawDocument | ErrorResult) pairs -> one DocRows per input, in order. An
    empty partition loads no model."""
    stream = iter(pairs)
    head = next(stream, None)
    if head is None:
        return
    orders: deque[Order] = deque()

    def items() -> Iterator[Any]:
        for order, item in itertools.chain([head], stream):
            orders.append(order)
            yield item

    pipeline = _pipeline(json.dumps(settings, sort_keys=True))
    for outcome in pipeline.process_many(items(), published=published):
        yield doc_rows(outcome, orders.popleft(), now)


def doc_rows(outcome: Outcome, order: Order, now: datetime) -> DocRows:
    rows = Rows()
    if isinstance(outcome, Result):
        rows.add_result(outcome, now)
        key = "doc:" + outcome.document.id
    else:
        assert isinstance(outcome, ErrorResult)
        rows.add_error(outcome, now)
        key = "error:" + rows.tables["errors"][0][0]
    return DocRows(key=key, order=order, tables={t: tuple(r) for t, r in rows.tables.items() if r})


def first(a: DocRows, b: DocRows) -> DocRows:
    """reduceByKey: of two inputs with one key, the one that came first in the input."""
    return a if a.order <= b.order else b


# --------------------------------------------------------------------------- merges


def merge_entity_block(rows: Iterable[dict[str, Any]]) -> list[tuple[str, Any]]:
    """All doc_entities rows of one block -> ("rows", `entities` row dict) and
    ("assign", ((doc_id, local_id), entity_id)) items."""
    merged, assigned = refresh.entity_rows(list(rows))
    out: list[tuple[str, Any]] = [("rows", dict(zip(refresh.ENTITY_COLUMNS, r))) for r in merged]
    out.extend(("assign", ((doc, local), eid)) for doc, local, eid in assigned)
    return out


def merge_event_block(rows: Iterable[dict[str, Any]]) -> list[tuple[str, Any]]:
    """All evidence rows of one block, each with its article's `refresh.ARTICLE_FIELDS`
    -> ("rows", `events` row dict)
    and ("assign", ((doc_id, local_id), event_id)) items."""
    merged, assigned = refresh.event_rows(list(rows))
    out: list[tuple[str, Any]] = [("rows", dict(zip(refresh.EVENT_COLUMNS, r))) for r in merged]
    out.extend(("assign", ((doc, local), eid)) for doc, local, eid in assigned)
    return out


# --------------------------------------------------------------------------- typed rows


def typed_tables(tables: Sequence[tuple[str, Sequence[tuple[str, str]]]], doc: DocRows) -> tuple[list[tuple], ...]:
    """One input's per-article rows as one value per table (a list of typed rows, empty
    when the input has none), for the per-document DataFrame."""
    return tuple([typed_row(cols, dict(zip(COLUMNS[t], row))) for row in doc.tables.get(t, ())]
                 for t, cols in tables)


def typed_row(columns: Sequence[tuple[str, str]], row: Mapping[str, Any]) -> tuple:
    """A row dict -> a tuple in table column order, each value of the Python type that
    Spark's type for the DuckDB column accepts (DOUBLE wants a float, DATE a date)."""
    return tuple(_typed(row.get(name), dtype) for name, dtype in columns)


def _typed(value: Any, dtype: str) -> Any:
    if value is None:
        return None
    if dtype == "DOUBLE":
        return float(value)
    if dtype == "INTEGER":
        return int(value)
    if dtype == "BOOLEAN":
        return bool(value)
    if dtype == "DATE":
        if isinstance(value, datetime):
            return value.date()
        return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    if dtype == "TIMESTAMP":
        return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if dtype.endswith("[]"):
        return [str(v) for v in value]
    return value if isinstance(value, str) else str(value)
