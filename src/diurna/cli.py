"""The command line: a thin layer over the library (README.md documents every command)."""

from __future__ import annotations

import inspect
import json
import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer

from .errors import E023, DiurnaError
from .settings import Settings

app = typer.Typer(
    name="diurna",
    help="News articles in, political event data out: who did what to whom, when, where, and who said what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score an extractor on the benchmark data in ../shared/data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="TOML settings file overriding the defaults.")]


def _settings(config: Path | None) -> Settings:
    try:
        return Settings.load(config)
    except DiurnaError as exc:
        _fail(exc)


def with_min_confidence(settings: Settings, bound: float) -> Settings:
    """`--min-confidence` over the settings; a bound outside 0-1 ends the command (E011, exit 2)."""
    try:
        return settings.replace(min_confidence=bound)
    except DiurnaError as exc:
        _fail(exc)


def _fail(exc: DiurnaError, code: int = 2) -> NoReturn:
    typer.echo(str(exc), err=True)
    raise typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), JSONL files, or - for stdin.")],
    published: Annotated[Optional[str], typer.Option(help="Publication date (YYYY-MM-DD, or any common date form); wins over dates found in the input.")] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="json | jsonl | table | markdown. Default: json for one document, jsonl for several.")] = None,
    url: Annotated[Optional[str], typer.Option(help="Source URL, when the input is one document.")] = None,
    config: ConfigOpt = None,
    actors: Annotated[Optional[list[Path]], typer.Option("--actors", help="Actor dictionary (diurna YAML or PETRARCH .txt) to add; repeatable.")] = None,
    predicates: Annotated[Optional[list[Path]], typer.Option("--predicates", help="Predicate dictionary (diurna YAML or PETRARCH verbs .txt) to merge over the lexicon; repeatable.")] = None,
    strict_dictionaries: Annotated[bool, typer.Option("--strict-dictionaries", help="Refuse an actor dictionary with a bad line (E011) instead of skipping the line with a warning.")] = False,
    min_confidence: Annotated[Optional[float], typer.Option("--min-confidence", help="Leave out events whose confidence (the calibrated probability of being right, 0-1) is below this (setting min_confidence).")] = None,
    workers: Annotated[str, typer.Option(help="Worker processes: auto (one per 16 documents, up to the cores; one for a single document or stdin) or a number.")] = "auto",
) -> None:
    """Extract entities, events, quotes, times, amounts and places from articles."""
    from .cli_store import resolve_workers
    from .read import read_paths
    from .read.sources import JSONL_SUFFIXES

    if format not in (None, "json", "jsonl", "table", "markdown"):
        typer.echo(f"unknown --format {format!r}; use json, jsonl, table or markdown", err=True)
        raise typer.Exit(2)
    settings = _settings(config)
    if actors:
        settings = settings.replace(actor_files=(*settings.actor_files, *(str(p) for p in actors)))
    if predicates:
        settings = settings.replace(predicate_files=(*settings.predicate_files, *(str(p) for p in predicates)))
    if strict_dictionaries:
        settings = settings.replace(strict_dictionaries=True)
    if min_confidence is not None:
        settings = with_min_confidence(settings, min_confidence)
    single = len(paths) == 1 and paths[0] != "-" and Path(paths[0]).is_file() and Path(paths[0]).suffix.lower() not in JSONL_SUFFIXES
    fmt = format or ("json" if single or paths == ["-"] else "jsonl")
    n_workers = resolve_workers(workers, None if single else paths)
    try:
        _report_dictionaries(settings)
        with _pipeline(settings, n_workers) as pipeline:
            items = read_paths(paths, settings)
            if url is not None:
                items = (_with_url(item, url) for item in items)
            seen = [0]
            outcomes = pipeline.process_many(_counted(items, seen), published=published)
            failed = _emit(outcomes, fmt)
        if seen[0] == 0:  # an empty folder is a mistake to report, not a success (as in ingest)
            raise DiurnaError(E023, f"{', '.join(paths)} holds no document to extract")
    except DiurnaError as exc:
        _fail(exc)
    raise typer.Exit(1 if failed else 0)


def _pipeline(settings: Settings, workers: int):
    """A context manager giving the one-process Pipeline, or a pool of `workers`."""
    from contextlib import nullcontext

    if workers > 1:
        from .engines.local import PooledPipeline

        return PooledPipeline(settings, workers)
    from .pipeline import settled_pipeline

    return nullcontext(settled_pipeline(settings))  # this process runs this one pipeline to its end


def _counted(items, seen: list[int]):
    """Pass the inputs through, counting them, so an empty input can be told from an empty result."""
    for item in items:
        seen[0] += 1
        yield item


def _report_dictionaries(settings: Settings) -> None:
    """Skipped dictionary lines as warnings on stderr: a summary line per file, the first ten in full."""
    from .knowledge.actors_loader import read_dictionary, skip_report

    for line in skip_report(read_dictionary(p, settings.strict_dictionaries) for p in settings.actor_files):
        typer.echo(line, err=True)


def _with_url(item, url: str):
    import dataclasses

    from .model import RawDocument

    return dataclasses.replace(item, url=url) if isinstance(item, RawDocument) and item.url is None else item


def _emit(outcomes, fmt: str) -> int:
    """Write outcomes as they come (jsonl streams); return how many documents failed."""
    failed = 0
    if fmt in ("table", "markdown"):
        from rich.console import Console

        from .render import render_markdown, render_table

        console = Console()
        for n, outcome in enumerate(outcomes):
            failed += not outcome.ok
            if fmt == "table":
                if n:
                    console.rule()
                render_table(outcome, console)
            else:
                sys.stdout.write(("\n" if n else "") + render_markdown(outcome))
        return failed
    if fmt == "jsonl":
        for outcome in outcomes:
            failed += not outcome.ok
            sys.stdout.write(json.dumps(outcome.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        return failed
    collected = list(outcomes)
    if not collected:  # nothing read: the caller reports it, no empty JSON list
        return 0
    failed = sum(not o.ok for o in collected)
    payload = collected[0].to_dict() if len(collected) == 1 else [o.to_dict() for o in collected]
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return failed


@app.command()
def bench(
    corpus: Annotated[list[str], typer.Argument(help="JSONL file(s) with a `text` field, or folders of articles.")],
    n: Annotated[Optional[int], typer.Option("--n", help="Use the first N documents.")] = None,
    report: Annotated[Optional[Path], typer.Option(help="Also write the figures as JSON here.")] = None,
    config: ConfigOpt = None,
    repeat: Annotated[int, typer.Option("--repeat", min=1,
                                        help="Rounds of the three runs, in turn; each keeps its least-CPU run.")] = 1,
) -> None:
    """Throughput (articles/s, words/s) and peak memory, diurna beside bare spaCy."""
    from rich.console import Console
    from rich.table import Table

    from .bench import run_bench

    settings = _settings(config)
    measures = run_bench(corpus, settings, n, repeat)
    rounds = f", best of {repeat} rounds" if repeat > 1 else ""
    table = Table(title=f"diurna bench: {measures[0].docs} documents, {measures[0].words:,} words, "
                        f"one process (one core){rounds}")
    for col in ("pipeline", "art/s", "words/s", "seconds", "CPU s", "vs diurna", "load s", "load CPU s",
                "RSS MB", "errors", "loadavg"):
        table.add_column(col, justify="right" if col != "pipeline" else "left")
    for m in measures:
        ratio = m.cpu_seconds / measures[0].cpu_seconds if measures[0].cpu_seconds else 0.0
        table.add_row(m.name, f"{m.docs_per_s:.2f}", f"{m.words_per_s:,.0f}", f"{m.seconds:.2f}",
                      f"{m.cpu_seconds:.2f}", f"{ratio:.2f}", f"{m.load_seconds:.2f}", f"{m.load_cpu_seconds:.2f}",
                      f"{m.peak_rss_mb:.0f}", str(m.errors), f"{m.load_average:.1f}")
    console = Console(width=max(120, Console().width))
    console.print(table)
    console.print("vs diurna: the row's CPU seconds over diurna's (above 1.00, diurna is the faster); CPU time "
                  "swings far less than wall time on a loaded machine")
    stages = measures[0].stages
    if stages:
        total = sum(stages.values()) or 1.0
        console.print("diurna CPU time by stage: " + ", ".join(f"{k} {v:.2f}s ({100 * v / total:.1f}%)" for k, v in stages.items()))
    if report:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps([m.to_dict() for m in measures], indent=2) + "\n", encoding="utf-8")


def _print_reliability(console, tables: dict[str, list[dict]] | None) -> None:
    """A scorer's reliability tables (evaluate/calibration.py), its halves side by side."""
    if not tables:
        return
    names = list(tables)
    console.print("  confidence reliability: " + " | ".join(f"{n}: events, mean confidence, right" for n in names))
    for row in zip(*tables.values()):
        cells = " | ".join(f"{b['events']:>5} {b['mean_confidence']:>6.3f} {b['accuracy']:>6.3f}" for b in row)
        console.print(f"    {row[0]['bin']:<8} {cells}")


def _register_scorers() -> None:
    from .evaluate import SCORERS

    for name in SCORERS:
        eval_app.command(name=name, help=f"Score `{name}` on ../shared/data.")(_make_eval_command(name))


def _make_eval_command(name: str):
    def command(
        data: Annotated[Optional[Path], typer.Option(help="Benchmark data folder (default: ../shared/data or $DIURNA_DATA).")] = None,
        report: Annotated[Optional[Path], typer.Option(help="Where to write the JSON report.")] = None,
        limit: Annotated[Optional[int], typer.Option(help="Score only the first N items.")] = None,
        workers: Annotated[int, typer.Option(min=1, help="Worker processes running the pipeline (one per core).")] = 1,
        split: Annotated[Optional[str], typer.Option(help="Score one half only: dev or test (scorers with a fixed split, e.g. news; news also takes dev-a or dev-b, the halves of dev). Every scorer takes dev: it then shows and writes the dev half only, never a test figure.")] = None,
        config: ConfigOpt = None,
    ) -> None:
        from rich.console import Console

        from .engines.local import PooledPipeline
        from .evaluate import below_floor, default_data_dir, dev_view, scorer
        from .pipeline import Pipeline

        module = scorer(name)
        data_dir = data or default_data_dir()
        if not (data_dir / module.DATA).exists():
            typer.echo(f"no data for {name}: {data_dir / module.DATA} not found (use --data)", err=True)
            raise typer.Exit(2)
        extra = {}
        # A scorer that cannot score one half alone still takes `--split dev`: it scores the
        # whole set and shows and writes only the dev half (evaluate.dev_view).
        dev_only = split == "dev" and "split" not in inspect.signature(module.run).parameters
        if split is not None and not dev_only:
            choices = getattr(module, "SPLIT_CHOICES", ("all", "dev", "test"))
            if "split" not in inspect.signature(module.run).parameters or split not in choices:
                typer.echo(f"--split {split}: {name} has no such split (scorers with one take {', '.join(choices)})",
                           err=True)
                raise typer.Exit(2)
            extra["split"] = split
        settings = _settings(config)
        if workers > 1:
            with PooledPipeline(settings, workers) as pooled:
                result = module.run(data_dir, pooled, limit, **extra)
        else:
            result = module.run(data_dir, Pipeline(settings), limit, **extra)
        if dev_only:
            result = dev_view(result)
        out = report or Path("reports") / f"eval-{name}.json"
        result.write(out)
        console = Console()
        console.print(f"[bold]{name}[/bold]: {module.DESCRIPTION}")
        dev, test = result.splits.get("dev", {}), result.splits.get("test", {})
        halves = result.details.get("halves") or {}  # news: dev's two fixed halves
        columns = [dev, test, *halves.values()]
        if dev or test:
            heads = "".join(f" {h:>7}" for h in ("dev", "test", *halves))
            console.print(f"  {'metric':<24} {'all':>7}{heads}")
        for metric, value in result.metrics.items():
            parts = "".join(f" {h[metric]:>7.4f}" if metric in h else f" {'-':>7}" for h in columns)
            console.print(f"  {metric:<24} {value:>7.4f}{parts if dev or test else ''}")
        console.print("  " + ", ".join(f"{k}={v}" for k, v in result.counts.items()))
        _print_reliability(console, result.details.get("reliability"))
        # Floors gate whole runs only: a limited run or one half lacks the pinned metrics.
        low = below_floor(result) if limit is None and split in (None, "all") else {}
        for metric, (value, floor) in low.items():
            console.print(f"  [red]{metric} {value:.4f} (test half) is below its floor {floor:.4f}[/red]")
        console.print(f"  report: {out}")
        raise typer.Exit(1 if low else 0)

    command.__doc__ = f"Score `{name}` on the benchmark data."
    return command


_register_scorers()

from .cli_store import register as _register_store  # noqa: E402 - the store's commands

_register_store(app)

from .cli_spark import register as _register_spark  # noqa: E402 - `diurna spark ingest`, `diurna load`

_register_spark(app)

from .server.cli import register as _register_serve  # noqa: E402 - `diurna serve`

_register_serve(app)


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":
    main()
