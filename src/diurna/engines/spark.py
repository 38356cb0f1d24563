"""`diurna spark ingest`: the per-document pipeline on Apache Spark, writing the same
Parquet tables as `diurna export --format parquet`.

The job, step by step:

1. list and read the inputs (`spark_input`): an RDD of (order, raw document or error);
2. `repartition(N)` and `mapPartitions(spark_worker.process_partition)`: every Python
   worker builds ONE Pipeline from the Settings dict (plain data, never a live object)
   and turns each input into the store's per-article rows (`store.rows.Rows`);
3. de-duplicate by document id (the first input wins, as in the store), then persist;
4. the cross-document steps as Spark jobs: doc_entities grouped by `merge.entity_block`
   and event evidence (joined with its article) grouped by `merge.event_block`, each block
   clustered by `store.refresh.entity_rows` / `event_rows`, the very functions the
   DuckDB store runs: the keys and rules have one definition;
5. every table written as `OUT/<table>.parquet/` with the schema read off the store's
   migrations (`store.schema.table_columns`), plus `OUT/_diurna.json` (counts, timings).

Per-document problems become rows of the `errors` table; they never fail the job.
"""

from __future__ import annotations

import functools
import json
import operator
import os
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import E015, E017, DiurnaError
from ..settings import Settings
from ..store.rows import COLUMNS
from ..store.schema import TABLES, table_columns
from . import spark_worker as w
from .spark_input import items_rdd

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

MANIFEST = "_diurna.json"  # leading underscore: Spark and Hadoop readers skip it


@dataclass(frozen=True, slots=True)
class SparkReport:
    out: str
    master: str
    partitions: int
    documents: int          # articles written (after de-duplication by id)
    errors: int             # per-document errors recorded
    rows: dict[str, int] = field(default_factory=dict)  # rows per table
    startup_seconds: float = 0.0   # SparkSession ready (JVM start) — 0 when a session was given
    process_seconds: float = 0.0   # read + pipeline on every input (models load inside)
    merge_write_seconds: float = 0.0
    seconds: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return (self.documents + self.errors) / self.process_seconds if self.process_seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "docs_per_s": round(self.docs_per_s, 3)}


def session(master: str | None = None, conf: dict[str, str] | None = None) -> SparkSession:
    """A SparkSession; under spark-submit, the one it started. Local masters run the
    Python workers with this interpreter, so they see the same diurna install."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise DiurnaError(E017, "pyspark is not installed") from exc
    builder = SparkSession.builder.appName("diurna")
    if master:
        builder = builder.master(master)
    if (master is None or master.startswith("local")) and "PYSPARK_PYTHON" not in os.environ:
        # PySpark picks the workers' interpreter from this variable when the context starts
        # (the spark.pyspark.python setting only reaches spark-submit's launcher).
        os.environ["PYSPARK_PYTHON"] = sys.executable
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    try:
        spark = builder.getOrCreate()
    except Exception as exc:  # noqa: BLE001 - pyspark raises its own runtime errors when Java is missing
        raise DiurnaError(E017, f"{type(exc).__name__}: {exc}") from exc
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def ingest(inputs: list[str], out: str, settings: Settings, *, master: str | None = None,
           partitions: int | None = None, published: str | None = None, conf: dict[str, str] | None = None,
           overwrite: bool = False, spark: SparkSession | None = None) -> SparkReport:
    """Run the pipeline over `inputs` on Spark and write the store's tables under `out`.
    A given `spark` session is used and left running; else one is made and stopped."""
    from ..read.sources import normalise_date

    if published is not None:
        published = normalise_date(published, "--published")
    t0 = time.perf_counter()
    own = spark is None
    spark = spark or session(master, conf)
    startup = time.perf_counter() - t0 if own else 0.0
    try:
        return _run(spark, inputs, out.rstrip("/"), settings, partitions, published, overwrite, startup, t0)
    finally:
        if own:
            spark.stop()


def _run(spark: SparkSession, inputs: list[str], out: str, settings: Settings, partitions: int | None,
         published: str | None, overwrite: bool, startup: float, t0: float) -> SparkReport:
    from pyspark import StorageLevel

    sc = spark.sparkContext
    if not overwrite and _exists(spark, f"{out}/documents.parquet"):
        raise DiurnaError(E015, out)
    n = partitions or 3 * sc.defaultParallelism  # a few per core: stragglers even out
    now = datetime.now(UTC).replace(tzinfo=None)
    t1 = time.perf_counter()
    processed = items_rdd(spark, inputs, settings).repartition(n).mapPartitions(
        functools.partial(w.process_partition, settings.to_dict(), published, now))
    # After the pipeline the work is light: one partition per core is enough (fewer tasks, fewer files).
    m = sc.defaultParallelism
    unique = processed.keyBy(lambda d: d.key).reduceByKey(w.first, m).values().persist(StorageLevel.MEMORY_AND_DISK)
    counts = unique.map(w.row_counts).fold(Counter(), operator.add)  # runs the pipeline, once
    t2 = time.perf_counter()
    _write(spark, _tables(unique, m), out)
    # The merged tables are counted off the written files (Parquet footers, no Python job).
    rows = {t: (counts.get(t, 0) if t in COLUMNS else spark.read.parquet(f"{out}/{t}.parquet").count())
            for t in TABLES}
    unique.unpersist()
    t3 = time.perf_counter()
    report = SparkReport(
        out=out, master=sc.master, partitions=n, documents=rows["documents"], errors=rows["errors"],
        rows={t: rows.get(t, 0) for t in TABLES}, startup_seconds=round(startup, 3),
        process_seconds=round(t2 - t1, 3), merge_write_seconds=round(t3 - t2, 3), seconds=round(t3 - t0, 3))
    _write_text(spark, f"{out}/{MANIFEST}", json.dumps(
        {"diurna": __version__, "created": now.isoformat(), "inputs": inputs, "settings": settings.to_dict(),
         **report.to_dict()}, indent=2, default=str))
    return report


def _tables(unique: RDD, n: int) -> dict[str, RDD]:
    """Every table of the store as an RDD of row dicts."""
    per_article = {t: unique.flatMap(functools.partial(w.table_dicts, t)) for t in COLUMNS}

    doc_entities = per_article["doc_entities"]
    # Grouped once per block; the shuffle's output is reused by both filters below.
    ent = doc_entities.keyBy(lambda r: r["block"]).groupByKey(n).flatMap(lambda kv: w.merge_entity_block(kv[1]))
    entity_ids = ent.filter(lambda x: x[0] == "assign").map(lambda x: x[1])

    articles = per_article["documents"].map(w.article_fields)
    evidence = per_article["event_evidence"]
    reports = evidence.keyBy(lambda r: r["doc_id"]).join(articles, n).map(w.with_article)
    ev = reports.keyBy(lambda r: r["block"]).groupByKey(n).flatMap(lambda kv: w.merge_event_block(kv[1]))
    event_ids = ev.filter(lambda x: x[0] == "assign").map(lambda x: x[1])

    def keyed(r: dict[str, Any]) -> tuple[tuple[str, str], dict[str, Any]]:
        return (r["doc_id"], r["local_id"]), r

    return {
        **per_article,
        "doc_entities": doc_entities.map(keyed).leftOuterJoin(entity_ids, n).map(w.with_id("entity_id")),
        "entities": ent.filter(lambda x: x[0] == "entities").map(lambda x: x[1]),
        "event_evidence": evidence.map(keyed).leftOuterJoin(event_ids, n).map(w.with_id("event_id")),
        "events": ev.filter(lambda x: x[0] == "events").map(lambda x: x[1]),
        "follows": unique.context.emptyRDD(),  # user state, not derived: written empty, as in a fresh store
    }


def _write(spark: SparkSession, tables: dict[str, RDD], out: str) -> None:
    columns = table_columns()
    for table in TABLES:
        cols = columns[table]
        typed = tables[table].map(functools.partial(w.typed_row, cols))
        frame = spark.createDataFrame(typed, _schema(cols))
        frame.write.mode("overwrite").option("compression", "zstd").parquet(f"{out}/{table}.parquet")


def _schema(columns: tuple[tuple[str, str], ...]) -> Any:
    from pyspark.sql import types as T

    simple = {"VARCHAR": T.StringType(), "JSON": T.StringType(), "INTEGER": T.IntegerType(),
              "DOUBLE": T.DoubleType(), "BOOLEAN": T.BooleanType(), "DATE": T.DateType(),
              "TIMESTAMP": T.TimestampNTZType()}

    def spark_type(dtype: str) -> Any:
        if dtype.endswith("[]"):
            return T.ArrayType(spark_type(dtype[:-2]))
        if dtype not in simple:
            raise TypeError(f"no Spark type for the store's column type {dtype}; add it to engines/spark.py")
        return simple[dtype]

    return T.StructType([T.StructField(name, spark_type(dtype), True) for name, dtype in columns])


def _hadoop_path(spark: SparkSession, path: str) -> tuple[Any, Any]:
    jvm = spark.sparkContext._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)
    return p, p.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())


def _exists(spark: SparkSession, path: str) -> bool:
    p, fs = _hadoop_path(spark, path)
    return bool(fs.exists(p))


def _write_text(spark: SparkSession, path: str, text: str) -> None:
    """A small file through Hadoop's FileSystem, so `--out` may be any Spark location."""
    p, fs = _hadoop_path(spark, path)
    stream = fs.create(p, True)
    try:
        stream.write(bytearray(text.encode("utf-8")))
    finally:
        stream.close()
