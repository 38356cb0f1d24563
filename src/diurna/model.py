"""The data model: typed, frozen records that cross every stage boundary.

Dicts exist only at the serialisation edge (`Result.to_dict`, `ErrorResult.to_dict`),
and their shape is the public contract in CONTRACT.md (`schema/document.schema.json`).
Every fact that points into the article carries `start`/`end` character offsets into
`Document.text` (end exclusive), so `text[start:end] == fact.text` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1"

InputKind = Literal["text", "html"]
EntityType = Literal["PERSON", "ORG", "PLACE", "GROUP"]
# How an entity's country was inferred when the text does not state it (Entity.country_from).
CountryFrom = Literal["sentence", "story"]
FROM_SENTENCE: CountryFrom = "sentence"  # the one country of the mention's sentence (or document)
FROM_STORY: CountryFrom = "story"  # the country the story is about (extract/implicit.py)
Modality = Literal["asserted", "future", "hypothetical", "negated"]
# The values of Modality, one spelling each (extractors compare and return these).
ASSERTED: Modality = "asserted"
FUTURE: Modality = "future"
HYPOTHETICAL: Modality = "hypothetical"
NEGATED: Modality = "negated"
# Where an event's date or place comes from (Event.date_source, location_source): the
# text, else a fallback (the publication date, the dateline).
FROM_TEXT = "text"
PUBLISHED = "published"
QuoteKind = Literal["direct", "mixed", "indirect"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


def _plain(value: Any) -> Any:
    """A record, a tuple of records or a plain value, as JSON-ready data."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _as_dict(record: Any, always: tuple[str, ...], extras: tuple[str, ...] = ()) -> dict[str, Any]:
    """The contract's keys of `record` in order (always present, null when unset), then
    the added keys only when they carry something: CONTRACT.md lets fields be added, so
    extras appear without making older readers see nulls they never asked for."""
    out = {key: _plain(getattr(record, key)) for key in always}
    for key in extras:
        value = getattr(record, key)
        if value is not None and value != ():
            out[key] = _plain(value)
    return out


# --------------------------------------------------------------------------- input


@dataclass(frozen=True, slots=True)
class WarningInfo:
    """Something of a document's input that was left out (an unreadable date): the
    document is processed all the same, and the warning says what is missing."""

    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("code", "message"))


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What the read stage hands on: the decoded input and the metadata that came with it.

    `content` is text or HTML as found (already decoded to str); nothing is cleaned yet.
    `index` is the position in the input stream, so output order can follow input order.
    """

    index: int
    content: str
    kind: InputKind
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    origin: str = "<string>"  # file path, "<stdin>", "file.jsonl:12": for error messages
    author: str | None = None
    warnings: tuple[WarningInfo, ...] = ()  # metadata the read stage had to leave out


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the input left out of the cleaned text, and why."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("text", "reason"))


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned article: `text` is the string every offset in the output indexes."""

    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    agency: str | None = None
    dateline: str | None = None
    language: str = "en"
    removed: tuple[Removed, ...] = ()
    index: int = 0
    origin: str = "<string>"
    # Added by the clean stage (issue 3): the date was read from the text, not metadata;
    # sub-headings kept as their own paragraphs, as (start, end) into `text`; and the
    # offset map back to the source input, as (text_start, source_start, length) runs.
    published_inferred: bool = False
    headings: tuple[tuple[int, int], ...] = ()
    offset_map: tuple[tuple[int, int, int], ...] = ()
    # Added by the read stage (issue 18): the record's byline, and what of the input
    # was left out (an unreadable date) while the document was processed all the same.
    author: str | None = None
    warnings: tuple[WarningInfo, ...] = ()


# --------------------------------------------------------------------------- facts


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity in the text. `label` is the NER label or rule that found it."""

    start: int
    end: int
    text: str
    label: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("start", "end", "text"), ("label",))


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...]
    country: str | None = None
    role: str | None = None
    sector: str | None = None
    actor_code: str | None = None
    rule: str | None = None  # which extractor/rule produced the entity
    # How the country was found when the text does not state it: "sentence" (the one
    # country of the mention's sentence), "story" (the country the story is about): a
    # guess, which confidence may weigh. None when the text says it (a title, a country
    # word, the dictionary).
    country_from: CountryFrom | None = None

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("id", "name", "type", "country", "role", "sector", "actor_code", "mentions"),
                        ("rule", "country_from"))


def story_guess(ent: Entity | None) -> bool:
    """Is the entity's country setting story_people's guess (extract/guesses.py): a
    person of no role given the country the story is about?"""
    return ent is not None and ent.type == "PERSON" and ent.country_from == FROM_STORY and ent.sector is None


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An event participant: an entity id (when resolved) and what the text said."""

    text: str
    entity: str | None = None
    country: str | None = None
    actor_code: str | None = None
    start: int | None = None  # the actor's words in the evidence, when known
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("entity", "text", "country", "actor_code"), ("start", "end"))


@dataclass(frozen=True, slots=True)
class Plover:
    type: str
    mode: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("type", "mode"))


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("name", "country", "lat", "lon"))


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int
    end: int
    text: str
    trigger: str

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("start", "end", "text", "trigger"))


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    code: str
    root_code: str
    label: str
    quad_class: int
    goldstein: float
    evidence: Evidence
    rule: str
    confidence: float
    plover: Plover | None = None
    source: ActorRef | None = None
    target: ActorRef | None = None
    date: str | None = None
    date_precision: Literal["day", "month", "year"] | None = None
    location: Location | None = None
    modality: Modality = "asserted"
    # Every evidence span of this one occurrence when several sentences report it.
    mentions: tuple[Evidence, ...] = ()
    date_source: Literal["text", "published"] | None = None  # "published": a fallback
    location_source: Literal["text", "dateline"] | None = None  # "dateline": a fallback

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(
            self,
            ("id", "code", "root_code", "label", "quad_class", "goldstein", "plover", "source", "target",
             "date", "date_precision", "location", "modality", "evidence", "rule", "confidence"),
            ("mentions", "date_source", "location_source"),
        )


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    name: str
    entity: str | None = None
    start: int | None = None  # the mention of the speaker in this quote's context, if any
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("entity", "name"), ("start", "end"))


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    kind: QuoteKind
    start: int
    end: int
    speaker: SpeakerRef | None = None
    cue: str | None = None
    addressee: SpeakerRef | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("text", "kind", "start", "end", "speaker", "cue", "addressee"), ("rule",))


@dataclass(frozen=True, slots=True)
class TimeExpr:
    text: str
    start: int
    end: int
    type: TimeType
    value: str
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("text", "start", "end", "type", "value"), ("rule",))


@dataclass(frozen=True, slots=True)
class Amount:
    text: str
    start: int
    end: int
    value: float | int
    currency: str | None = None
    unit: str | None = None  # for counts of things ("people", "agreements") when currency is None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("text", "start", "end", "value", "currency"), ("unit", "rule"))


@dataclass(frozen=True, slots=True)
class Place:
    text: str
    start: int
    end: int
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("text", "start", "end", "name", "country", "lat", "lon", "feature"), ("rule",))


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the extractors found in one document; each extractor returns a new one."""

    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    amounts: tuple[Amount, ...] = ()
    places: tuple[Place, ...] = ()
    # the countries the story is about, most weighty first (extract/implicit.story_countries,
    # set by the entities stage): the home of nameless actors ("police", "the journalist")
    story_countries: tuple[str, ...] = ()


# --------------------------------------------------------------------------- output


@dataclass(frozen=True, slots=True)
class Result:
    """One processed article: the cleaned document and its facts."""

    document: Document
    facts: Facts = field(default_factory=Facts)

    @property
    def ok(self) -> bool:
        return True

    @property
    def index(self) -> int:
        return self.document.index

    def to_dict(self) -> dict[str, Any]:
        d, f = self.document, self.facts
        return {
            "schema_version": SCHEMA_VERSION,
            "id": d.id,
            "url": d.url,
            "title": d.title,
            "published": d.published,
            "publisher": d.publisher,
            # added keys (issue 18: author, warnings) appear only when set, as extras do
            **({"author": d.author} if d.author is not None else {}),
            "agency": d.agency,
            "dateline": d.dateline,
            "language": d.language,
            "text": d.text,
            "removed": [r.to_dict() for r in d.removed],
            "published_inferred": d.published_inferred,
            "headings": [{"start": a, "end": b, "text": d.text[a:b]} for a, b in d.headings],
            "offset_map": [list(seg) for seg in d.offset_map],
            **({"warnings": [w.to_dict() for w in d.warnings]} if d.warnings else {}),
            "entities": [e.to_dict() for e in f.entities],
            "events": [e.to_dict() for e in f.events],
            "quotes": [q.to_dict() for q in f.quotes],
            "times": [t.to_dict() for t in f.times],
            "amounts": [a.to_dict() for a in f.amounts],
            "places": [p.to_dict() for p in f.places],
        }


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    code: str
    message: str
    hint: str

    def to_dict(self) -> dict[str, Any]:
        return _as_dict(self, ("code", "message", "hint"))


@dataclass(frozen=True, slots=True)
class ErrorResult:
    """A document that could not be processed: reported in place, never skipped."""

    index: int
    error: ErrorInfo
    id: str | None = None
    origin: str = "<string>"

    @property
    def ok(self) -> bool:
        return False

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "origin": self.origin,
            "error": self.error.to_dict(),
        }


Outcome = Result | ErrorResult
