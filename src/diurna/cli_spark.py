"""`diurna spark ingest` and `diurna load`: the Spark engine and the way back into the
DuckDB store; a thin layer over `diurna.engines.spark` and `diurna.store.load`.

Under spark-submit, run `engines/spark_app.py` (see README.md): it calls the same command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_store import DEFAULT_DB, DbOpt, fail
from .errors import DiurnaError

spark_app = typer.Typer(help="Run diurna on Apache Spark (pip install 'diurna[spark]').", no_args_is_help=True)


@spark_app.callback()
def spark_group() -> None:
    """Run diurna on Apache Spark (pip install 'diurna[spark]')."""
    # A callback keeps `ingest` a named subcommand (typer would otherwise run a lone
    # command directly), so `diurna spark ingest` and spark_app.py take the same words.


@spark_app.command("ingest")
def spark_ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or globs Spark can read (local, hdfs://, s3a://): JSONL, CSV, Parquet, text, HTML.")],
    out: Annotated[str, typer.Option(help="Folder for the Parquet tables (any Spark location).")],
    master: Annotated[Optional[str], typer.Option(help="Spark master URL (local[2], spark://host:7077, yarn). Default: spark-submit's, else local[*].")] = None,
    partitions: Annotated[Optional[int], typer.Option(min=1, help="Partitions the documents are spread over (default: 3 per core).")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD; wins over dates found in the input (as for ingest).")] = None,
    conf: Annotated[Optional[list[str]], typer.Option("--conf", help="Spark setting KEY=VALUE; repeatable.")] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace tables already in --out.")] = False,
    config: Annotated[Optional[Path], typer.Option("--config", help="TOML settings file overriding the defaults.")] = None,
) -> None:
    """Process articles on Spark into the store's tables as Parquet (load them with `diurna load`)."""
    from rich.console import Console

    from .engines.spark import ingest
    from .settings import Settings

    pairs = {}
    for item in conf or []:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            typer.echo(f"--conf takes KEY=VALUE, not {item!r}", err=True)
            raise typer.Exit(2)
        pairs[key.strip()] = value.strip()
    try:
        report = ingest(inputs, out, Settings.load(config), master=master, partitions=partitions,
                        published=published, conf=pairs, overwrite=overwrite)
    except DiurnaError as exc:
        fail(exc)
    console = Console(stderr=True)
    console.print(f"{report.documents} documents, {report.errors} errors on {report.master} "
                  f"({report.partitions} partitions) in {report.seconds:.1f} s: start-up {report.startup_seconds:.1f} s, "
                  f"pipeline {report.process_seconds:.1f} s ({report.docs_per_s:.2f} docs/s), "
                  f"merge and write {report.merge_write_seconds:.1f} s -> {report.out}")
    typer.echo(json.dumps(report.rows))
    raise typer.Exit(1 if report.errors else 0)


def load(
    folder: Annotated[Path, typer.Argument(help="Folder of Parquet tables from `diurna spark ingest` or `diurna export`.")],
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Load Parquet tables into the DuckDB store (articles already stored are skipped)."""
    from .store.load import load as run

    try:
        report = run(folder, db)
    except DiurnaError as exc:
        fail(exc)
    typer.echo(f"{report.documents} new documents, {report.skipped} already stored, {report.errors} errors; "
               f"{report.blocks_taken} merge blocks taken as computed, {report.blocks_merged} merged again "
               f"in {report.seconds:.1f} s -> {db}")


def register(app: typer.Typer) -> None:
    app.add_typer(spark_app, name="spark")
    app.command("load")(load)
