"""Inputs for the Spark engine: any Spark-readable location (local paths, hdfs://,
s3a://, globs) -> an RDD of (order, RawDocument | ErrorResult).

Files are listed on the driver through Hadoop's FileSystem (what Spark itself uses), with
the local reader's rules: folders recursive, hidden files and page assets skipped,
sorted. Then, by file name:

- `*.jsonl` / `*.ndjson`: read line by line (`sc.textFile`, split across tasks), each line
  through the local reader's `jsonl_line`, so errors and origins (FILE:LINE) are the same;
- `*.parquet` (a file or a dataset folder): rows with `text` or `html` and the metadata
  columns, each through the local reader's `record` (origin FILE:ROW);
- anything else (text, HTML, CSV, feeds, WARC): whole files (`sc.binaryFiles`) through
  the local reader's `read_blob`, which sniffs the content exactly as `diurna ingest`
  does. Files over `max_bytes` (that are not multi-record files) get E004 unread.

Origins follow the local reader (`examples/abuja.txt` for a local folder argument), so
the Spark tables and the DuckDB store's agree; remote files keep their full URI.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from ..errors import E008, DiurnaError
from ..model import ErrorResult
from ..read.records import record
from ..read.sniff import JSONL_SUFFIXES, SKIP_SUFFIXES
from ..read.sources import jsonl_line, oversize, read_blob
from ..settings import Settings
from .spark_worker import Order

if TYPE_CHECKING:
    from pyspark import RDD
    from pyspark.sql import SparkSession

Kind = Literal["jsonl", "parquet", "blob"]
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_GLOB = re.compile(r"[*?\[{]")


@dataclass(frozen=True, slots=True)
class InputFile:
    uri: str        # what Hadoop calls it (file:/..., hdfs://...)
    origin: str     # what the tables call it (the local reader's form for local paths)
    kind: Kind
    size: int
    order: tuple[int, int]


def list_inputs(spark: SparkSession, inputs: list[str]) -> tuple[list[InputFile], list[tuple[Order, ErrorResult]]]:
    """The files behind the inputs, in the local reader's order, and an E008 error for
    every input that names nothing."""
    jvm = spark.sparkContext._jvm
    assert jvm is not None  # a running SparkContext has its JVM gateway
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    files: list[InputFile] = []
    missing: list[tuple[Order, ErrorResult]] = []
    for i, given in enumerate(inputs):
        path = jvm.org.apache.hadoop.fs.Path(given)
        fs = path.getFileSystem(conf)
        statuses = list(fs.globStatus(path) or [])
        if not statuses:
            err = DiurnaError(E008, f"{given}: No such file or directory")  # as the local reader says
            missing.append(((i, 0, 0), ErrorResult(index=-1, error=err.info(), origin=given)))
            continue
        found: list[tuple[str, str, int]] = []  # (uri, origin, size)
        for status in statuses:
            found.extend(_expand(fs, status, given, glob=bool(_GLOB.search(given))))
        files.extend(InputFile(uri, origin, _kind(uri), size, (i, j)) for j, (uri, origin, size) in enumerate(found))
    return files, missing


def _expand(fs: Any, status: Any, given: str, glob: bool) -> list[tuple[str, str, int]]:
    uri = status.getPath().toString()
    if not status.isDirectory():
        return [(uri, _origin(given, uri, None, glob), status.getLen())]
    if uri.rstrip("/").lower().endswith(".parquet"):  # a Parquet dataset is one input
        return [(uri, _origin(given, uri, None, glob), 0)]
    base = uri.rstrip("/") + "/"
    found = []
    listing = fs.listFiles(status.getPath(), True)
    while listing.hasNext():
        child = listing.next()
        child_uri = child.getPath().toString()
        rel = child_uri[len(base):] if child_uri.startswith(base) else child.getPath().getName()
        parts = PurePosixPath(rel).parts
        if any(p.startswith((".", "_")) for p in parts) or rel.lower().endswith(SKIP_SUFFIXES):
            continue  # hidden files, Spark/Hadoop markers (_SUCCESS), page assets
        found.append((parts, child_uri, _origin(given, child_uri, rel, glob), child.getLen()))
    found.sort(key=lambda f: f[0])
    return [(u, o, n) for _, u, o, n in found]


def _origin(given: str, uri: str, rel: str | None, glob: bool) -> str:
    """The local reader names a file by the argument it came from (`examples/a.txt`);
    remote files and glob matches keep their location."""
    if _SCHEME.match(given):
        return uri
    if glob:
        return re.sub(r"^file:", "", uri)
    return str(PurePosixPath(given) / rel) if rel else str(PurePosixPath(given))


def _kind(uri: str) -> Kind:
    name = uri.rstrip("/").lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    if name.endswith(".parquet"):
        return "parquet"
    return "blob"


def items_rdd(spark: SparkSession, inputs: list[str], settings: Settings) -> RDD:
    """An RDD of (order, RawDocument | ErrorResult) for every document behind the inputs."""
    sc = spark.sparkContext
    files, missing = list_inputs(spark, inputs)
    parts: list[RDD] = [sc.parallelize(missing, 1)] if missing else []
    blobs, unread = [], []
    for f in files:
        too_big = oversize(f.origin, f.uri, f.size, settings) if f.kind == "blob" else None
        if too_big is not None:
            unread.append(((*f.order, 0), too_big))
        elif f.kind == "blob" and "," in f.uri:
            err = DiurnaError(E008, f"{f.origin}: Spark cannot read a file whose name holds a comma; rename it")
            unread.append(((*f.order, 0), ErrorResult(index=-1, error=err.info(), origin=f.origin)))
        elif f.kind == "blob":
            blobs.append(f)
        elif f.kind == "jsonl":
            parts.append(sc.textFile(f.uri).zipWithIndex().flatMap(functools.partial(_jsonl_item, f.origin, f.order, settings.day_first)))
        else:
            rows = spark.read.parquet(f.uri).rdd.zipWithIndex()
            parts.append(rows.map(functools.partial(_parquet_item, f.origin, f.order, settings.day_first)))
    if unread:
        parts.append(sc.parallelize(unread, 1))
    if blobs:
        where = {f.uri: (f.order, f.origin) for f in blobs}
        read = sc.binaryFiles(",".join(_escape(f.uri) for f in blobs), max(1, min(len(blobs), sc.defaultParallelism)))
        parts.append(read.flatMap(functools.partial(_blob_items, where, settings.to_dict())))
    if not parts:
        return sc.emptyRDD()
    return sc.union(parts) if len(parts) > 1 else parts[0]


def _escape(uri: str) -> str:
    """binaryFiles reads its argument as glob patterns: a listed file's own glob
    characters must match themselves. (A comma cannot be escaped: `items_rdd` reports
    such files as E008 instead.)"""
    return re.sub(r"([*?\[\]{}\\])", r"\\\1", uri)


def _jsonl_item(origin: str, order: tuple[int, int], day_first: bool,
                pair: tuple[str, int]) -> list[tuple[Order, Any]]:
    line, n = pair
    item = jsonl_line(line.lstrip("\ufeff") if n == 0 else line, f"{origin}:{n + 1}", day_first=day_first)
    return [] if item is None else [((*order, n), item)]


def _parquet_item(origin: str, order: tuple[int, int], day_first: bool,
                  pair: tuple[Any, int]) -> tuple[Order, Any]:
    row, n = pair
    rec = {str(k).lower(): v for k, v in row.asDict().items()}
    return (*order, n), record(rec, f"{origin}:{n + 1}", day_first=day_first)


def _blob_items(where: dict[str, tuple[tuple[int, int], str]], settings: dict[str, Any],
                pair: tuple[str, bytes]) -> list[tuple[Order, Any]]:
    uri, data = pair
    order, origin = where.get(uri, ((1 << 30, 0), uri))
    name = PurePosixPath(origin).name.lower()
    items = read_blob(bytes(data), origin, Settings.from_dict(settings), name)
    return [((*order, k), item) for k, item in enumerate(items)]
