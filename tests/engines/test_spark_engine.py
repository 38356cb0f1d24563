"""The Spark engine on a local Spark (`local[2]`): the same tables as the DuckDB store.

Marked `spark` and `slow`; skipped cleanly without pyspark (`pip install 'diurna[spark]'`)
or without Java. `.ci/run` installs both and runs them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from diurna.engines.ingest import ingest
from diurna.errors import DiurnaError
from diurna.store.load import load
from diurna.store.schema import TABLES, table_columns

pytestmark = [pytest.mark.spark, pytest.mark.slow]
PUBLISHED = "2026-03-04"
HTML_EXAMPLE = "13-seoul-talks.html"
# Set when the row is written: the one thing that differs between two runs.
TIMESTAMPS = {"ingested_at", "first_added", "updated_at", "first_seen", "created_at", "checked_at"}


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="the spark extra is not installed")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java: the Spark engine needs Java 17 or 21")
    from diurna.engines.spark import session

    s = session("local[2]", {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "2"})
    yield s
    s.stop()


def _tables(db: Path) -> dict[str, list[str]]:
    cols = table_columns()
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for t in TABLES:
            names = ", ".join(f'"{c}"' for c, _ in cols[t] if c not in TIMESTAMPS)
            out[t] = sorted(map(repr, con.execute(f"SELECT {names} FROM {t}").fetchall()))
        return out
    finally:
        con.close()


def _same_as_store(inputs: list[str], tmp_path: Path, spark, settings, pipeline) -> tuple[Path, dict]:
    """Run both engines over the inputs; return Spark's out folder and the store's tables
    after asserting that the loaded Spark tables equal them, table by table."""
    from diurna.engines.spark import ingest as spark_ingest

    report = spark_ingest(inputs, str(tmp_path / "out"), settings, published=PUBLISHED, spark=spark)
    ingest(inputs, tmp_path / "local.duckdb", settings, published=PUBLISHED, pipeline=pipeline)
    load(tmp_path / "out", tmp_path / "spark.duckdb")
    local, loaded = _tables(tmp_path / "local.duckdb"), _tables(tmp_path / "spark.duckdb")
    for table in TABLES:
        assert loaded[table] == local[table], f"{table}: Spark and the DuckDB store differ"
    assert report.rows["documents"] == len(local["documents"])
    return tmp_path / "out", local


def test_spark_ingest_equals_the_duckdb_store_on_the_examples(spark, settings, pipeline, examples_dir, tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([
        json.dumps({"id": "arnor-1", "text": "The King of Arnor met the Steward of Gondor in Annuminas on Monday. "
                    "The two leaders agreed to reopen the northern road.", "published": "2026-03-02"}),
        "{not json",
        json.dumps({"id": "empty-1", "text": ""}),
        json.dumps({"id": "arnor-1", "text": "A second story under an id already used: the first one wins."}),
    ]) + "\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    # A folder (three stories, one of them a saved HTML page) read as whole files, plus JSONL and bad inputs.
    folder = tmp_path / "stories"
    folder.mkdir()
    for name in ("01-abuja-visit.txt", "03-eu-sanctions.txt", HTML_EXAMPLE):
        shutil.copy(examples_dir / name, folder / name)
    inputs = [str(folder), str(feed), str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt")]
    out, local = _same_as_store(inputs, tmp_path, spark, settings, pipeline)
    codes = sorted(r.split(",")[3].strip(" '") for r in local["errors"])
    assert codes == ["E001", "E005", "E006", "E008"]  # every bad input recorded, none lost
    assert len(local["documents"]) == 4
    # DuckDB reads Spark's output directly, no load needed
    n = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{out}/events.parquet/*.parquet')").fetchone()[0]
    assert n == len(local["events"]) > 0
    manifest = json.loads((out / "_diurna.json").read_text())
    assert manifest["rows"]["events"] == n and manifest["settings"]["extractors"]


def test_spark_ingest_refuses_an_out_folder_with_tables(spark, settings, examples_dir, tmp_path):
    from diurna.engines.spark import ingest as spark_ingest

    (tmp_path / "out" / "documents.parquet").mkdir(parents=True)
    with pytest.raises(DiurnaError) as exc:
        spark_ingest([str(examples_dir)], str(tmp_path / "out"), settings, spark=spark)
    assert exc.value.code == "E015"


@pytest.mark.data
def test_spark_ingest_equals_the_duckdb_store_on_60_real_articles(spark, settings, pipeline, data_dir, tmp_path):
    """40 BBC politics stories as text files and 20 VOA stories in a JSONL file."""
    bbc = sorted((data_dir / "corpora" / "bbc" / "politics").glob("*.txt"))[:40]
    voa = (data_dir / "corpora" / "voa_stories.jsonl").read_text(encoding="utf-8").splitlines()[:20]
    if len(bbc) < 40 or len(voa) < 20:
        pytest.skip("the corpora in ../shared/data are incomplete")
    feed = tmp_path / "voa20.jsonl"
    feed.write_text("\n".join(voa) + "\n", encoding="utf-8")
    _, local = _same_as_store([*map(str, bbc), str(feed)], tmp_path, spark, settings, pipeline)
    assert len(local["documents"]) == 60
    assert len(local["events"]) > 60 and len(local["entities"]) > 300


def test_spark_submit_runs_the_same_command(spark, examples_dir, tmp_path):
    """The application file for spark-submit, on two examples in a separate JVM."""
    import pyspark

    submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    app = Path(__file__).resolve().parents[2] / "src" / "diurna" / "engines" / "spark_app.py"
    inputs = sorted(examples_dir.glob("*.txt"))[:2]
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable}
    run = subprocess.run(
        [str(submit), "--master", "local[1]", "--conf", "spark.ui.enabled=false", str(app), "ingest",
         *map(str, inputs), "--out", str(tmp_path / "out"), "--published", PUBLISHED],
        capture_output=True, text=True, env=env, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    rows = json.loads(run.stdout.strip().splitlines()[-1])
    assert rows["documents"] == 2 and rows["events"] > 0


def test_spark_ingest_reads_parquet_and_csv_records(spark, settings, tmp_path):
    """Parquet rows and CSV rows go through the local reader's record rules (origin FILE:ROW)."""
    from diurna.engines.spark import ingest as spark_ingest

    story = ("Gondor's Steward Faramir visited Arnor on Tuesday and met King Aragorn in Annuminas, "
             "where the two leaders signed a trade agreement.")
    con = duckdb.connect()
    con.execute(f"COPY (SELECT * FROM (VALUES ('gondor-7', ?, DATE '2026-03-03'), ('blank-1', '', NULL)) "
                f"AS t(id, text, published)) TO '{tmp_path / 'news.parquet'}' (FORMAT parquet)", [story])
    (tmp_path / "wire.csv").write_text('id,title,text\nrohan-2,Riders,"Rohan\'s riders crossed the '
                                       'Isen on Monday, officials in Edoras said."\n', encoding="utf-8")
    out = tmp_path / "out"
    report = spark_ingest([str(tmp_path / "news.parquet"), str(tmp_path / "wire.csv")], str(out), settings, spark=spark)
    assert (report.documents, report.errors) == (2, 1)
    docs = dict(con.execute(f"SELECT id, origin FROM read_parquet('{out}/documents.parquet/*.parquet')").fetchall())
    assert docs == {"gondor-7": f"{tmp_path / 'news.parquet'}:1", "rohan-2": f"{tmp_path / 'wire.csv'}:2"}
    published = con.execute(f"SELECT published::VARCHAR FROM read_parquet('{out}/documents.parquet/*.parquet') "
                            "WHERE id = 'gondor-7'").fetchone()[0]
    assert published == "2026-03-03"
    errors = con.execute(f"SELECT code, origin FROM read_parquet('{out}/errors.parquet/*.parquet')").fetchall()
    assert errors == [("E006", f"{tmp_path / 'news.parquet'}:2")]
