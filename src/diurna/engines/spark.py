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
import os
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import E015, E017, DiurnaError
from ..settings import Settings
from ..store import refresh
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
    if (master is None or master.startswith("local")) and "spark.driver.extraJavaOptions" not in (conf or {}):
        # In local mode the driver JVM only moves bytes between Python workers and files, and
        # its optimising JIT compiler (C2) burnt as much CPU as the NLP on a 90-article run;
        # the quick compiler alone halves the JVM's CPU (benchmarks/spark_bench.py).
        builder = builder.config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")
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
        published = normalise_date(published, "--published", day_first=settings.day_first)
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
    from pyspark.sql import functions as F  # noqa: N812 - Spark's own convention

    sc = spark.sparkContext
    if not overwrite and _exists(spark, f"{out}/documents.parquet"):
        raise DiurnaError(E015, out)
    n = partitions or 3 * sc.defaultParallelism  # a few per core: stragglers even out
    now = datetime.now(UTC).replace(tzinfo=None)
    columns = table_columns()
    t1 = time.perf_counter()
    processed = items_rdd(spark, inputs, settings).repartition(n).mapPartitions(
        functools.partial(w.process_partition, settings.to_dict(), published, now))
    # After the pipeline the work is light: one partition per core is enough (fewer tasks, fewer files).
    m = sc.defaultParallelism
    unique = processed.keyBy(lambda d: d.key).reduceByKey(w.first, m).values()
    # One row per input, one array column per per-article table, cached in the JVM: every
    # table below is read from it without going back through Python.
    per_article = [(t, tuple((c, dict(columns[t])[c]) for c in COLUMNS[t])) for t in COLUMNS]
    docs = spark.createDataFrame(unique.map(functools.partial(w.typed_tables, per_article)),
                                 _per_doc_schema(per_article)).persist(StorageLevel.MEMORY_AND_DISK)
    sizes = docs.select(*(F.sum(F.size(t)).alias(t) for t in COLUMNS)).first()  # runs the pipeline, once
    assert sizes is not None  # an aggregate over a DataFrame has one row
    counts = {t: int(sizes[t] or 0) for t in COLUMNS}
    t2 = time.perf_counter()
    merged = _write(spark, docs, columns, m, out)
    # The merged tables are counted off the written files (Parquet footers, no Python job).
    rows = {t: counts[t] if t in COLUMNS else spark.read.parquet(f"{out}/{t}.parquet").count() for t in TABLES}
    for cached in (docs, *merged):
        cached.unpersist()
    t3 = time.perf_counter()
    report = SparkReport(
        out=out, master=sc.master or "", partitions=n, documents=rows["documents"], errors=rows["errors"],
        rows=rows, startup_seconds=round(startup, 3),
        process_seconds=round(t2 - t1, 3), merge_write_seconds=round(t3 - t2, 3), seconds=round(t3 - t0, 3))
    _write_text(spark, f"{out}/{MANIFEST}", json.dumps(
        {"diurna": __version__, "created": now.isoformat(), "inputs": inputs, "settings": settings.to_dict(),
         **report.to_dict()}, indent=2, default=str))
    return report


def _write(spark: SparkSession, docs: Any, columns: dict[str, tuple[tuple[str, str], ...]], m: int,
           out: str) -> tuple[RDD, RDD]:
    """Write every table; return the cached merge outputs (for the caller to release)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F  # noqa: N812

    def rows(table: str) -> Any:
        return docs.select(F.explode(table).alias("r")).select("r.*")

    def ordered(frame: Any, table: str) -> Any:
        return frame.select(*(F.col(f"`{c}`") for c, _ in columns[table]))

    # Entities: doc_entities grouped by merge block, clustered by the store's own code.
    ent = rows("doc_entities").rdd.map(lambda r: (r["block"], r.asDict())).groupByKey(m) \
        .flatMap(lambda kv: w.merge_entity_block(kv[1])).persist(StorageLevel.MEMORY_AND_DISK)
    # Events: evidence with its article's fields (the store refresh's ARTICLE_FIELDS), per block.
    articles = rows("documents").select(
        F.col("id").alias("doc_id"), *(F.col(column).alias(name) for name, column in refresh.ARTICLE_FIELDS))
    ev = rows("event_evidence").join(articles, "doc_id").rdd.map(lambda r: (r["block"], r.asDict())) \
        .groupByKey(m).flatMap(lambda kv: w.merge_event_block(kv[1])).persist(StorageLevel.MEMORY_AND_DISK)

    def merged_table(merged: RDD, table: str) -> Any:
        typed = merged.filter(lambda x: x[0] == "rows").map(lambda x: x[1]).map(
            functools.partial(w.typed_row, columns[table]))
        return spark.createDataFrame(typed, _schema(columns[table]))

    def with_ids(merged: RDD, table: str, column: str) -> Any:
        ids = spark.createDataFrame(merged.filter(lambda x: x[0] == "assign").map(lambda x: (*x[1][0], x[1][1])),
                                    f"doc_id string, local_id string, `{column}` string")
        return ordered(rows(table).join(ids, ["doc_id", "local_id"], "left"), table)

    frames = {t: ordered(rows(t), t) for t in COLUMNS if t not in ("doc_entities", "event_evidence")}
    frames["doc_entities"] = with_ids(ent, "doc_entities", "entity_id")
    frames["event_evidence"] = with_ids(ev, "event_evidence", "event_id")
    frames["entities"] = merged_table(ent, "entities")
    frames["events"] = merged_table(ev, "events")
    frames["follows"] = spark.createDataFrame([], _schema(columns["follows"]))  # user state: empty, as in a fresh store
    for table in TABLES:
        frames[table].write.mode("overwrite").option("compression", "zstd").parquet(f"{out}/{table}.parquet")
    return ent, ev


def _per_doc_schema(per_article: list[tuple[str, tuple[tuple[str, str], ...]]]) -> Any:
    from pyspark.sql import types as T

    return T.StructType([T.StructField(t, T.ArrayType(_schema(cols)), False) for t, cols in per_article])


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
    assert jvm is not None  # a running SparkContext has its JVM gateway
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
