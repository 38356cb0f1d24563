"""The FastAPI application: `create_app(db_path, settings)`.

Library first: every route calls `diurna.store.query`, `diurna.store.follows` or
`server.queries` on a read-only Store opened for that request (over the server's
private snapshot, see `source.py`), and returns their rows. No SQL is built here.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.background import BackgroundTask

from ..errors import DiurnaError
from ..settings import Settings
from ..store import follows
from ..store import query as q
from ..store.query import EventFilter
from . import queries
from .limits import LOOPBACK_HOSTS, BodyLimit, HostGuard, TokenGuard
from .schemas import (
    Article,
    Bucket,
    Document,
    Entity,
    EventDetail,
    EventPage,
    EvidenceContext,
    ExtractIn,
    FollowCheck,
    FollowIn,
    FollowOut,
    Point,
    Problem,
    Quote,
    Status,
)
from .source import Source, StoreBusy

WEB = Path(__file__).resolve().parent.parent / "web"
MAX_BODY = 1_000_000  # bytes of any request body (POST /api/extract is the big one)
BODY_TIMEOUT = 10.0  # seconds a client may take to send its whole body
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many rows.")]
Str = Annotated[str | None, Query(max_length=200)]
OptInterval = Annotated[queries.Interval | None, Query(description="day, week or month; none = all time.")]
Top = Annotated[int, Query(ge=1, le=1000, description="The busiest groups only.")]
Id = Annotated[str, PathParam(min_length=1, max_length=64, pattern=r"^[\w .:-]+$")]


def event_filter(
    actor: Annotated[str | None, Query(max_length=200, description="Source or target: name contains, or actor code starts with.")] = None,
    country: Annotated[str | None, Query(max_length=3, description="Source, target or location country (ISO alpha-3).")] = None,
    dyad: Annotated[str | None, Query(max_length=200, description="SOURCE-TARGET, each a code, country or name (FRA-NGA).")] = None,
    code: Annotated[str | None, Query(max_length=4, description="CAMEO code or prefix (043, 04).")] = None,
    root: Annotated[str | None, Query(max_length=2, description="CAMEO root code (01-20).")] = None,
    quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4.")] = None,
    since: Annotated[str | None, Query(max_length=10, description="On or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(max_length=10, description="On or before YYYY-MM-DD.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Full text: every word must appear.")] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0, description=(
        "Only events whose confidence is at least this, 0-1."))] = None,
    limit: Limit = 50,
) -> EventFilter:
    """The CLI's `diurna events` filters, as query parameters."""
    return EventFilter(actor=actor, country=country, dyad=dyad, code=code, root=root, quad=quad, since=since,
                       until=until, q=q, min_confidence=min_confidence, limit=limit)


Filter = Annotated[EventFilter, Depends(event_filter)]


def create_app(db_path: str | Path, settings: Settings | None = None, *, token: str | None = None,
               pipeline: Any = None, max_body: int = MAX_BODY, refresh_every: float = 1.0,
               allowed_hosts: Sequence[str] = (), body_timeout: float = BODY_TIMEOUT) -> FastAPI:
    """The API and dashboard over the store at `db_path`. With `token`, every /api request
    must carry `Authorization: Bearer TOKEN` (the dashboard sends it when opened as /?token=TOKEN);
    without one, only requests whose Host is a loopback name or in `allowed_hosts` are served
    (DNS rebinding). docs/security.md has the threat model."""
    if token is not None and not token.strip():
        raise ValueError("a blank token protects nothing: give a real secret or none")
    settings = settings or Settings.load()
    source = Source(db_path, refresh_every=refresh_every)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        source.refresh(force=True)
        yield
        source.close()

    # No /docs or /redoc: FastAPI's pages load Swagger UI from a CDN, and the server must work offline.
    app = FastAPI(title="diurna", version=_version(), lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political events, entities and quotes extracted from news articles, with evidence.")
    app.state.source = source
    app.state.extractor = _Extractor(settings, pipeline)
    # Added last = runs first: the Host check, then the body limit, then the token.
    app.add_middleware(TokenGuard, token=token)
    app.add_middleware(BodyLimit, max_bytes=max_body, timeout=body_timeout)
    if not token:
        app.add_middleware(HostGuard, allowed=[*LOOPBACK_HOSTS, *allowed_hosts])
    _errors(app)
    _routes(app, source)
    _follow_routes(app, source)
    app.mount("/static", StaticFiles(directory=WEB), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB / "index.html")

    return app


def _version() -> str:
    from importlib.metadata import version

    return version("diurna")


class _Extractor:
    """One Pipeline for POST /api/extract, loaded on first use (spaCy takes seconds), one request at a time."""

    def __init__(self, settings: Settings, pipeline: Any) -> None:
        self.settings, self.pipeline, self.lock = settings, pipeline, threading.Lock()

    def __call__(self, record: dict[str, Any], published: str | None):
        with self.lock:
            if self.pipeline is None:
                from ..pipeline import Pipeline

                self.pipeline = Pipeline(self.settings)
            return next(self.pipeline.process_many([record], published=published))


def _errors(app: FastAPI) -> None:
    @app.exception_handler(DiurnaError)
    async def diurna_error(request: Request, exc: DiurnaError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"code": exc.code, "message": exc.message, "hint": exc.hint})

    @app.exception_handler(StoreBusy)
    async def busy(request: Request, exc: StoreBusy) -> JSONResponse:
        return JSONResponse(status_code=503, headers={"Retry-After": "5"},
                            content={"code": "busy", "message": str(exc), "hint": "retry when the ingest has finished"})

    @app.middleware("http")
    async def snapshot_headers(request: Request, call_next):
        response = await call_next(request)
        snap = app.state.source.snapshot
        if request.url.path.startswith("/api/") and snap is not None:
            response.headers["X-Diurna-Snapshot"] = snap.taken_at.isoformat(timespec="seconds")
            response.headers["X-Diurna-Stale"] = "1" if app.state.source.stale else "0"
        return response


NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem}}


def _routes(app: FastAPI, source: Source) -> None:
    @app.get("/api/status", response_model=Status, tags=["store"])
    def status() -> Status:
        """What the server reads: the store, its copy, counts and date range."""
        with source.reader() as store:
            data = q.stats(store)
        snap = source.snapshot
        return Status(store=str(source.db), snapshot_taken_at=snap.taken_at.isoformat() if snap else None,
                      stale=source.stale, counts=data["counts"], published=data["published"])

    @app.get("/api/events", response_model=EventPage, tags=["events"])
    def events(f: Filter, offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0, sort: queries.Sort = "day",
               order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc") -> Any:
        """Merged events matching the CLI's filters, one page, sorted."""
        with source.reader() as store:
            return queries.event_page(store, f, offset=offset, sort=sort, descending=order == "desc")

    @app.get("/api/export/events", response_class=FileResponse, tags=["events"],
             responses={200: {"content": {"text/csv": {}, "application/vnd.apache.parquet": {}},
                              "description": "The events as a file download."}})
    def export_events(f: Filter, format: queries.ExportFormat = "csv") -> FileResponse:
        """Every event matching the filters (no page limit) as a CSV or Parquet download."""
        folder = tempfile.mkdtemp(prefix="diurna-export-")
        out = Path(folder) / f"diurna-events.{format}"
        try:
            with source.reader() as store:
                n = queries.export_events(store, f, format, out)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return FileResponse(out, filename=out.name, headers={"X-Diurna-Rows": str(n)},
                            media_type="text/csv" if format == "csv" else "application/vnd.apache.parquet",
                            background=BackgroundTask(shutil.rmtree, folder, ignore_errors=True))

    @app.get("/api/events/{event_id}", response_model=EventDetail, responses=NOT_FOUND, tags=["events"])
    def event(event_id: Id) -> EventDetail:
        """One event with every supporting sentence and the article text around it."""
        with source.reader() as store:
            found = queries.event(store, event_id)
            if found is None:
                raise HTTPException(404, f"no event {event_id!r}")
            ctx = queries.evidence_in_context(store, event_id)
        return EventDetail(event=found.to_dict(), evidence=[EvidenceContext(evidence=c.evidence.to_dict(), context=c.context,
                           context_start=c.context_start, start=c.start, end=c.end) for c in ctx])

    @app.get("/api/entities", response_model=list[Entity], tags=["entities"])
    def entities(name: Str = None, type: Annotated[str | None, Query(pattern="^(?i:PERSON|ORG|PLACE|GROUP)$")] = None,
                 country: Annotated[str | None, Query(max_length=3)] = None, limit: Limit = 50) -> Any:
        """Cross-document entities, most documented first."""
        with source.reader() as store:
            return q.entities(store, name=name, type=type, country=country, limit=limit)

    @app.get("/api/quotes", response_model=list[Quote], tags=["quotes"])
    def quotes(speaker: Str = None, q_: Annotated[str | None, Query(alias="q", max_length=200)] = None,
               since: Annotated[str | None, Query(max_length=10)] = None,
               until: Annotated[str | None, Query(max_length=10)] = None, limit: Limit = 50) -> Any:
        """Quotes with their speakers."""
        with source.reader() as store:
            return q.quotes(store, speaker=speaker, q=q_, since=since, until=until, limit=limit)

    @app.get("/api/documents", response_model=list[Document], tags=["documents"])
    def documents(q_: Annotated[str | None, Query(alias="q", max_length=200)] = None,
                  since: Annotated[str | None, Query(max_length=10)] = None,
                  until: Annotated[str | None, Query(max_length=10)] = None, limit: Limit = 50) -> Any:
        """Stored articles with their fact counts."""
        with source.reader() as store:
            return q.documents(store, q=q_, since=since, until=until, limit=limit)

    @app.get("/api/documents/{doc_id}", response_model=Article, responses=NOT_FOUND, tags=["documents"])
    def document(doc_id: Id) -> Any:
        """The cleaned text and every extracted span (entities, events, quotes, times, amounts, places)."""
        with source.reader() as store:
            found = queries.article(store, doc_id)
        if found is None:
            raise HTTPException(404, f"no document {doc_id!r}")
        return found

    _aggregate_routes(app, source)

    @app.post("/api/extract", tags=["extract"], responses={422: {"model": Problem}, 413: {"model": Problem}})
    def extract(body: ExtractIn) -> dict[str, Any]:
        """Run the pipeline on one article (not stored); the same JSON as `diurna extract`."""
        if bool(body.text) == bool(body.html):
            raise HTTPException(422, "give exactly one of text or html")
        record = {k: v for k, v in body.model_dump().items() if v is not None and k != "published"}
        outcome = app.state.extractor(record, body.published)
        if not outcome.ok:
            # a Response goes out as is; the annotation is the schema of the 200 body
            return JSONResponse(status_code=422, content=outcome.to_dict())  # type: ignore[return-value]
        return outcome.to_dict()


def _aggregate_routes(app: FastAPI, source: Source) -> None:

    @app.get("/api/aggregates/timeline", response_model=list[Bucket], tags=["aggregates"])
    def timeline(f: Filter, interval: queries.Interval = "month") -> Any:
        """Event counts per QuadClass and mean Goldstein per period (any CLI filter: a dyad, a country, ...)."""
        with source.reader() as store:
            return queries.timeline(store, f, interval)

    @app.get("/api/aggregates/dyads", response_model=list[Bucket], tags=["aggregates"])
    def dyads(f: Filter, interval: OptInterval = None, top: Top = 50) -> Any:
        """Source-target country pairs: counts per QuadClass and mean Goldstein (per period with interval)."""
        with source.reader() as store:
            return queries.dyads(store, f, interval, top)

    @app.get("/api/aggregates/countries", response_model=list[Bucket], tags=["aggregates"])
    def countries(f: Filter, interval: OptInterval = None, top: Top = 50) -> Any:
        """Countries (as source, target or location): counts per QuadClass and mean Goldstein."""
        with source.reader() as store:
            return queries.countries(store, f, interval, top)

    @app.get("/api/aggregates/places", response_model=list[Point], tags=["aggregates"])
    def places(f: Filter, top: Top = 500) -> Any:
        """Event locations with coordinates and counts, for the map."""
        with source.reader() as store:
            return queries.places(store, f, top)


def _follow_out(f: follows.Follow, new: int | None = None) -> FollowOut:
    d = f.to_dict()
    return FollowOut(name=d["name"], filters=d["filters"], created_at=d["created_at"], checked_at=d["checked_at"],
                     new_events=new, problem=f.problem)


def _follow_routes(app: FastAPI, source: Source) -> None:
    @app.get("/api/follows", response_model=list[FollowOut], tags=["follows"])
    def list_follows() -> list[FollowOut]:
        """Followed topics, each with the number of matching events new since its last check."""
        with source.reader() as store:
            # a follow whose stored filter no longer validates lists with its problem, no count
            return [_follow_out(f, None if f.problem else len(follows.check(store, f.name, limit=10_000, mark=False)))
                    for f in follows.list_all(store)]

    @app.post("/api/follows", response_model=FollowOut, status_code=201, tags=["follows"],
              responses={422: {"model": Problem}, 503: {"model": Problem}})
    def add_follow(body: FollowIn) -> FollowOut:
        """Follow a topic: a name and the same filters as GET /api/events."""
        f = EventFilter.from_dict(body.model_dump(exclude={"name"}))
        with source.writer() as store:
            return _follow_out(follows.add(store, body.name, f))

    @app.delete("/api/follows/{name}", status_code=204, tags=["follows"], responses=NOT_FOUND)
    def delete_follow(name: Id) -> None:
        """Stop following a topic."""
        with source.writer() as store:
            if not follows.remove(store, name):
                raise HTTPException(404, f"no follow named {name!r}")

    @app.get("/api/follows/{name}/new", response_model=FollowCheck, tags=["follows"], responses=NOT_FOUND)
    def new_events(name: Id, limit: Limit = 100) -> FollowCheck:
        """Events matching the topic added or re-reported since the last check (does not mark them seen)."""
        with source.reader() as store:
            found = follows.get(store, name)
            if found is None:
                raise HTTPException(404, f"no follow named {name!r}")
            rows = follows.check(store, name, limit=limit, mark=False)
        return FollowCheck(follow=_follow_out(found, len(rows)), events=[r.to_dict() for r in rows])

    @app.post("/api/follows/{name}/seen", response_model=FollowCheck, tags=["follows"], responses=NOT_FOUND)
    def mark_seen(name: Id, limit: Limit = 100) -> FollowCheck:
        """Return what is new for the topic and mark it seen (like `diurna follow check`)."""
        with source.writer() as store:
            if follows.get(store, name) is None:
                raise HTTPException(404, f"no follow named {name!r}")
            rows = follows.check(store, name, limit=limit)
            found = follows.get(store, name)
            assert found is not None  # checked above, under the same write lock
        return FollowCheck(follow=_follow_out(found, len(rows)), events=[r.to_dict() for r in rows])
