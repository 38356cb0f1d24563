"""Response and request schemas of the web API (they make the OpenAPI description).

Rows are the store's own frozen dataclasses (`diurna.store.query`, `server.queries`);
`row_model` derives a pydantic model from each, so the API and the CLI's JSON share one
shape and a field added to a row type appears in the API without a second definition.
"""

from __future__ import annotations

import dataclasses
import typing
from typing import TYPE_CHECKING, Any, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, create_model

from ..store import query
from . import queries


def row_model(cls: type, **nested: Any) -> type[BaseModel]:
    """A pydantic model with the fields of a row dataclass (`nested` replaces field types).

    Type hints are resolved against the module only: a field named `date` would otherwise
    shadow the `date` type inside the class."""
    hints = typing.get_type_hints(cls, localns={})
    fields: dict[str, Any] = {f.name: (nested.get(f.name, hints[f.name]), ...) for f in dataclasses.fields(cls)}
    return create_model(cls.__name__.removeprefix("Stored"), __doc__=cls.__doc__, **fields)


if TYPE_CHECKING:
    # Models built at run time by `create_model` are opaque to the type checker; to it they
    # are `Any`, as pydantic fields of these types accept a dict or a model.
    StoredEvent: TypeAlias = Any
    Evidence: TypeAlias = Any
    Quote: TypeAlias = Any
    Entity: TypeAlias = Any
    Document: TypeAlias = Any
    Span: TypeAlias = Any
    Article: TypeAlias = Any
    Bucket: TypeAlias = Any
    Point: TypeAlias = Any
    EventPage: TypeAlias = Any
else:
    StoredEvent = row_model(query.StoredEvent)
    Evidence = row_model(query.Evidence)
    Quote = row_model(query.StoredQuote)
    Entity = row_model(query.StoredEntity)
    Document = row_model(query.StoredDocument)
    Span = row_model(queries.Span)
    Article = row_model(queries.Article, spans=list[Span])
    Bucket = row_model(queries.Bucket)
    Point = row_model(queries.Point)
    EventPage = row_model(queries.EventPage, items=list[StoredEvent])

MAX_EXTRACT_CHARS = 200_000  # one article; `diurna ingest` is for bulk work


class EventDetail(BaseModel):
    event: StoredEvent
    evidence: list[EvidenceContext]


class EvidenceContext(BaseModel):
    evidence: Evidence
    context: str = Field(description="Article text around the evidence (its paragraph, cut to 400 chars each side).")
    context_start: int = Field(description="Offset of `context` in the article text.")
    start: int = Field(description="Start of the evidence inside `context`.")
    end: int = Field(description="End (exclusive) of the evidence inside `context`.")


class FollowIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=64, pattern=r"^[\w][\w .:-]{0,63}$")
    actor: str | None = Field(default=None, max_length=200)
    country: str | None = Field(default=None, max_length=3)
    dyad: str | None = Field(default=None, max_length=200)
    code: str | None = Field(default=None, max_length=4)
    root: str | None = Field(default=None, max_length=2)
    quad: int | None = Field(default=None, ge=1, le=4)
    since: str | None = Field(default=None, max_length=10)
    until: str | None = Field(default=None, max_length=10)
    q: str | None = Field(default=None, max_length=200)
    min_confidence: float | None = Field(default=None, ge=0.0, le=1.0)


class FollowOut(BaseModel):
    name: str
    filters: dict[str, Any]
    created_at: str
    checked_at: str | None
    new_events: int | None = Field(default=None, description="Events matching the topic added since the last check.")
    problem: str | None = Field(default=None, description="Why the stored filter is unusable (remove and re-add it).")


class FollowCheck(BaseModel):
    follow: FollowOut
    events: list[StoredEvent]


class ExtractIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str | None = Field(default=None, max_length=MAX_EXTRACT_CHARS, description="Plain text (or give html).")
    html: str | None = Field(default=None, max_length=MAX_EXTRACT_CHARS, description="An HTML page.")
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    author: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(default=None, max_length=100,
                                  description="YYYY-MM-DD or any common date form (2016-11-23T07:58:00Z, Wed Nov 23, 2016)")


class Problem(BaseModel):
    code: str
    message: str
    hint: str | None = None


class Status(BaseModel):
    store: str
    snapshot_taken_at: str | None
    stale: bool = Field(description="True while an ingest holds the store: answers come from the last copy.")
    counts: dict[str, int]
    published: dict[str, str | None]


EventDetail.model_rebuild()
