"""The store's commands (`diurna ingest`, `events`, `quotes`, `entities`, `documents`,
`stats`, `errors`, `follow ...`, `export`): a thin layer over `diurna.store`.

`register(app)` adds them to the main typer app.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields as _fields
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional

import typer

from .errors import E022, E023, E024, DiurnaError
from .tables import DOCUMENTS, ENTITIES, ERRORS, EVENTS, FOLLOWS, QUOTES, Column

DbOpt = Annotated[str, typer.Option("--db", envvar="DIURNA_DB", help="The DuckDB store file (env DIURNA_DB).")]
FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table | json | csv")]
LimitOpt = Annotated[int, typer.Option(help="At most this many rows.")]
WideOpt = Annotated[bool, typer.Option("--wide", help="Table: every column, uncut (rows may wrap).")]
DEFAULT_DB = "diurna.duckdb"

follow_app = typer.Typer(help="Follow a topic: saved event filters and what is new since the last check.",
                         no_args_is_help=True)


def fail(exc: DiurnaError, code: int = 2) -> NoReturn:
    typer.echo(str(exc), err=True)
    raise typer.Exit(code)


def _open(db: str, read_only: bool = True):
    from .store import Store

    try:
        return Store(db, read_only=read_only)
    except DiurnaError as exc:
        fail(exc)


@contextmanager
def _guarded(db: str, read_only: bool = True) -> Iterator[Any]:
    """An open store whose coded errors (a bad filter value, E018 no store, E019 busy)
    end the command with the code and hint on stderr and exit 2, never a traceback."""
    store = _open(db, read_only)
    try:
        with store:
            yield store
    except DiurnaError as exc:
        fail(exc)


def _emit(rows: Sequence[Any], fmt: str, title: str, columns: Sequence[Column], fields: Sequence[str],
          wide: bool = False) -> None:
    """Rows (with to_dict) as a table that fits the terminal (tables.py), JSON (every
    field) or CSV (every field; `fields` is the header when there is no row)."""
    if fmt == "table":
        from rich.console import Console

        from .tables import render

        render(Console(), title, columns, rows, wide=wide)
        return
    dicts = [r.to_dict() for r in rows]
    if fmt == "json":
        sys.stdout.write(json.dumps(dicts, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(dicts[0]) if dicts else list(fields),
                                lineterminator="\n")
        writer.writeheader()
        for d in dicts:
            writer.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
                             for k, v in d.items()})
    else:
        typer.echo(f"unknown --format {fmt!r}; use table, json or csv", err=True)
        raise typer.Exit(2)


# --------------------------------------------------------------------------- ingest


def resolve_workers(value: str, paths: list[str] | None) -> int:
    """`--workers` as a count: a number as given, `auto` from the size of the input
    (`paths`; None for a single document). A bad value is a usage error (exit 2)."""
    from .engines.local import auto_workers, parse_workers

    try:
        n = parse_workers(value)
    except ValueError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    if n is not None:
        return n
    if paths is None:
        return 1
    from .engines.ingest import count_inputs

    try:
        return auto_workers(count_inputs(paths))
    except OSError:
        return 1  # unreadable input: the read stage reports it, one process is enough


def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), JSONL files, or - for stdin.")],
    db: DbOpt = DEFAULT_DB,
    workers: Annotated[str, typer.Option(help="Worker processes running the pipeline: auto (one per 16 documents, up to the cores) or a number.")] = "auto",
    published: Annotated[Optional[str], typer.Option(help="Publication date YYYY-MM-DD; wins over dates found in the input (as for extract).")] = None,
    config: Annotated[Optional[Path], typer.Option("--config", help="TOML settings file overriding the defaults.")] = None,
    min_confidence: Annotated[Optional[float], typer.Option("--min-confidence", help="Store only events whose confidence (0-1) is at least this (setting min_confidence).")] = None,
) -> None:
    """Process articles into the store; re-running adds nothing and resumes an interrupted run."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from .engines.ingest import count_inputs
    from .engines.ingest import ingest as run
    from .settings import Settings

    try:
        settings = Settings.load(config)
        if min_confidence is not None:
            settings = settings.replace(min_confidence=min_confidence)
    except DiurnaError as exc:
        fail(exc)
    n_workers = resolve_workers(workers, paths)
    console = Console(stderr=True)
    columns = (TextColumn("[bold]ingest[/]"), BarColumn(), TextColumn("{task.completed}/{task.total} docs"),
               TextColumn("{task.fields[rate]:.1f} docs/s"), TextColumn("[red]{task.fields[errors]} errors[/]"),
               TextColumn("{task.fields[skipped]} skipped"), TimeElapsedColumn(), TextColumn("ETA"),
               TimeRemainingColumn())
    try:
        with Progress(*columns, console=console, transient=False) as bar:
            task = bar.add_task("ingest", total=count_inputs(paths), rate=0.0, errors=0, skipped=0)
            t0 = bar.get_time()

            def show(p) -> None:
                elapsed = max(bar.get_time() - t0, 1e-9)
                total = bar.tasks[0].total
                bar.update(task, completed=p.seen, rate=p.seen / elapsed, errors=p.errors, skipped=p.skipped,
                           total=None if total is None else max(total, p.seen))

            report = run(paths, db, settings, workers=n_workers, published=published, on_progress=show)
    except DiurnaError as exc:
        fail(exc)
    except KeyboardInterrupt:
        console.print(f"interrupted: every committed batch is in {db}; run the same command again to finish")
        raise typer.Exit(130)
    if report.seen == 0:  # an empty folder is a mistake to report, not a success
        fail(DiurnaError(E023, f"{', '.join(paths)} holds no document to ingest"))
    console.print(f"{report.stored} new documents, {report.skipped} already stored, {report.errors} errors "
                  f"in {report.seconds:.1f} s -> {db}")
    if report.errors:
        console.print("see them with: diurna errors --db " + db)
    raise typer.Exit(1 if report.errors else 0)


# --------------------------------------------------------------------------- queries

ActorOpt = Annotated[Optional[str], typer.Option(help="Source or target: name contains, or actor code starts with.")]
CountryOpt = Annotated[Optional[str], typer.Option(help="Source, target or location country (ISO alpha-3).")]
DyadOpt = Annotated[Optional[str], typer.Option(help="SOURCE-TARGET, each a code, country or name (FRA-NGA).")]
CodeOpt = Annotated[Optional[str], typer.Option(help="CAMEO code or prefix (043, 04).")]
RootOpt = Annotated[Optional[str], typer.Option(help="CAMEO root code (01-20).")]
QuadOpt = Annotated[Optional[int], typer.Option(help="QuadClass: 1 verbal coop., 2 material coop., 3 verbal conflict, 4 material conflict.")]
SinceOpt = Annotated[Optional[str], typer.Option(help="On or after YYYY-MM-DD.")]
UntilOpt = Annotated[Optional[str], typer.Option(help="On or before YYYY-MM-DD.")]
QOpt = Annotated[Optional[str], typer.Option("--q", help="Full text: every word must appear.")]
MinConfOpt = Annotated[Optional[float], typer.Option(
    "--min-confidence", help="Only events whose confidence (0-1) is at least this.")]



def _names(row_type: type) -> tuple[str, ...]:
    """The CSV header of a row type, for an empty result."""
    return tuple(f.name for f in _fields(row_type))


def _filter(actor, country, dyad, code, root, quad, since, until, q, limit, min_confidence=None):
    from .store.query import EventFilter

    try:
        return EventFilter(actor=actor, country=country, dyad=dyad, code=code, root=root, quad=quad, since=since,
                           until=until, q=q, min_confidence=min_confidence, limit=limit)
    except DiurnaError as exc:
        fail(exc)


def events(db: DbOpt = DEFAULT_DB, actor: ActorOpt = None, country: CountryOpt = None, dyad: DyadOpt = None,
           code: CodeOpt = None, root: RootOpt = None, quad: QuadOpt = None, since: SinceOpt = None,
           until: UntilOpt = None, q: QOpt = None, min_confidence: MinConfOpt = None, limit: LimitOpt = 50,
           show_all: Annotated[bool, typer.Option("--all", help="Also the events with neither a source nor a target.")] = False,
           wide: WideOpt = False, format: FormatOpt = "table") -> None:
    """Merged events, the most reported first, then the newest (one row per real event)."""
    from .store import query

    f = _filter(actor, country, dyad, code, root, quad, since, until, q, limit, min_confidence)
    with _guarded(db) as store:
        rows = query.events(store, f, order="reported", with_actor=not show_all)
    hidden = "" if show_all else " (--all adds those without an actor)"
    _emit(rows, format, f"events: {len(rows)}, most reported first, then newest{hidden}", EVENTS,
          _names(query.StoredEvent), wide)


def quotes(db: DbOpt = DEFAULT_DB,
           speaker: Annotated[Optional[str], typer.Option(help="Speaker name (or one of its aliases).")] = None,
           q: QOpt = None, since: SinceOpt = None, until: UntilOpt = None, limit: LimitOpt = 50,
           wide: WideOpt = False, format: FormatOpt = "table") -> None:
    """Quotes with their speakers, the newest articles first."""
    from .store import query

    with _guarded(db) as store:
        try:
            rows = query.quotes(store, speaker=speaker, q=q, since=since, until=until, limit=limit)
        except DiurnaError as exc:
            fail(exc)
    _emit(rows, format, f"quotes: {len(rows)}", QUOTES, _names(query.StoredQuote), wide)


def entities(db: DbOpt = DEFAULT_DB,
             name: Annotated[Optional[str], typer.Option(help="Name contains, or an exact alias.")] = None,
             type: Annotated[Optional[str], typer.Option(help="PERSON, ORG, PLACE or GROUP.")] = None,
             country: CountryOpt = None, limit: LimitOpt = 50, wide: WideOpt = False,
             format: FormatOpt = "table") -> None:
    """Cross-document entities: one row per person, organisation, place or group."""
    from .store import query

    with _guarded(db) as store:
        rows = query.entities(store, name=name, type=type, country=country, limit=limit)
    _emit(rows, format, f"entities: {len(rows)}, in the most articles first", ENTITIES, _names(query.StoredEntity), wide)


def documents(db: DbOpt = DEFAULT_DB, q: QOpt = None, since: SinceOpt = None, until: UntilOpt = None,
              limit: LimitOpt = 50, wide: WideOpt = False, format: FormatOpt = "table") -> None:
    """Stored articles with their fact counts."""
    from .store import query

    with _guarded(db) as store:
        try:
            rows = query.documents(store, q=q, since=since, until=until, limit=limit)
        except DiurnaError as exc:
            fail(exc)
    _emit(rows, format, f"documents: {len(rows)}", DOCUMENTS, _names(query.StoredDocument), wide)


def stats(db: DbOpt = DEFAULT_DB,
          format: Annotated[str, typer.Option("--format", "-f", help="table | json")] = "table") -> None:
    """What is in the store: counts, date range, merge figures, event mix, errors."""
    from .store import query

    if format not in ("table", "json"):
        typer.echo(f"unknown --format {format!r} for stats: use table or json (the store's tables export as "
                   "CSV-like files with `diurna export`)", err=True)
        raise typer.Exit(2)
    with _guarded(db) as store:
        data = query.stats(store)
    if format == "json":
        sys.stdout.write(json.dumps(data, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    from .summary import summary_lines

    console = Console()
    for line in summary_lines(data, console.width):
        console.print(Text(line), soft_wrap=True)


def errors(db: DbOpt = DEFAULT_DB, code: Annotated[Optional[str], typer.Option(help="Only this error code (E004).")] = None,
           limit: LimitOpt = 100, wide: WideOpt = False, format: FormatOpt = "table") -> None:
    """Documents that could not be processed, with the reason and how to fix it."""
    from .store import query

    with _guarded(db) as store:
        rows = query.errors(store, code=code, limit=limit)
    _emit(rows, format, f"errors: {len(rows)}", ERRORS, _names(query.StoredError), wide)


# --------------------------------------------------------------------------- follows


@follow_app.command("add")
def follow_add(name: Annotated[str, typer.Argument(help="A name for the topic.")], db: DbOpt = DEFAULT_DB,
               actor: ActorOpt = None, country: CountryOpt = None, dyad: DyadOpt = None, code: CodeOpt = None,
               root: RootOpt = None, quad: QuadOpt = None, since: SinceOpt = None, until: UntilOpt = None,
               q: QOpt = None, min_confidence: MinConfOpt = None) -> None:
    """Save a topic: the same filters as `diurna events`."""
    from .store import follows

    f = _filter(actor, country, dyad, code, root, quad, since, until, q, 50, min_confidence)
    with _guarded(db, read_only=False) as store:
        try:
            follows.add(store, name, f)
        except DiurnaError as exc:
            fail(exc)
    typer.echo(f"following {name!r}: {json.dumps(f.to_dict())}")


@follow_app.command("list")
def follow_list(db: DbOpt = DEFAULT_DB, wide: WideOpt = False, format: FormatOpt = "table") -> None:
    """The saved topics and when each was last checked."""
    from .store import follows

    with _guarded(db) as store:
        rows = follows.list_all(store)
    _emit(rows, format, f"follows: {len(rows)}", FOLLOWS, ("name", "filters", "created_at", "checked_at"), wide)


@follow_app.command("rm")
def follow_rm(name: Annotated[str, typer.Argument(help="The topic to remove.")], db: DbOpt = DEFAULT_DB) -> None:
    """Remove a topic."""
    from .store import follows

    with _guarded(db, read_only=False) as store:
        if not follows.remove(store, name):
            fail(DiurnaError(E024, f"no follow named {name!r}"), 1)
    typer.echo(f"removed {name!r}")


@follow_app.command("check")
def follow_check(name: Annotated[str, typer.Argument(help="The topic to check.")], db: DbOpt = DEFAULT_DB,
                 limit: LimitOpt = 1000, wide: WideOpt = False, format: FormatOpt = "table") -> None:
    """Events matching the topic that are new (or newly reported) since the last check."""
    from .store import follows, query

    with _guarded(db, read_only=False) as store:
        try:
            rows = follows.check(store, name, limit=limit)
        except DiurnaError as exc:
            fail(exc)
    _emit(rows, format, f"new for {name!r}: {len(rows)}", EVENTS, _names(query.StoredEvent), wide)


# --------------------------------------------------------------------------- export


def export(db: DbOpt = DEFAULT_DB,
           format: Annotated[str, typer.Option("--format", "-f", help="parquet | gdelt | plover")] = "parquet",
           out: Annotated[Path, typer.Option(help="Folder to write into (created if needed).")] = Path("export")) -> None:
    """Write the store as Parquet tables, GDELT 2.0 events (61 columns) or PLOVER JSON."""
    from .store.export import FORMATS

    if format not in FORMATS:
        typer.echo(f"unknown --format {format!r}; use {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    import duckdb

    try:
        with _guarded(db) as store:
            written = FORMATS[format](store, out)
    except (OSError, duckdb.Error) as exc:
        # no traceback for an unwritable --out (/proc/x, a read-only disk, a file in the way)
        fail(DiurnaError(E022, f"{out}: {getattr(exc, 'strerror', None) or str(exc).splitlines()[0]}"))
    for path in written:
        typer.echo(str(path))


def register(app: typer.Typer) -> None:
    """Add the store's commands to the main app."""
    for fn in (ingest, events, quotes, entities, documents, stats, errors, export):
        app.command(fn.__name__)(fn)
    app.add_typer(follow_app, name="follow")
