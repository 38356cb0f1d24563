"""A Result flattened into the store's per-article rows (pure: no duckdb here).

Column order follows the tables in `schema.py`; the merge keys come from `merge.py`.
Entity references inside events and quotes are doc-local ids ("e1"); the writer maps
them to cross-document entities after the merge.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from ..model import Document, Entity, ErrorResult, Event, Result
from . import merge

COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "url", "title", "published", "publisher", "agency", "dateline", "language", "text",
                  "removed", "origin", "source_key", "lead_end", "ingested_at", "author", "published_precision"),
    "doc_entities": ("doc_id", "local_id", "name", "type", "country", "role", "sector", "actor_code", "rule",
                     "aliases", "n_mentions", "block"),
    "mentions": ("doc_id", "entity", "n", "start", "end", "text", "label"),
    "event_evidence": ("doc_id", "local_id", "code", "root_code", "label", "quad_class", "goldstein",
                       "plover_type", "plover_mode",
                       "source_name", "source_entity", "source_country", "source_actor_code",
                       "target_name", "target_entity", "target_country", "target_actor_code",
                       "date", "date_precision", "location_name", "location_country", "lat", "lon",
                       "location_feature", "modality", "start", "end", "text", "trigger", "rule", "confidence",
                       "is_root", "block"),
    "quotes": ("doc_id", "n", "text", "kind", "start", "end", "speaker_name", "speaker_entity", "cue",
               "addressee_name", "addressee_entity", "rule"),
    "times": ("doc_id", "n", "text", "start", "end", "type", "value", "rule"),
    "amounts": ("doc_id", "n", "text", "start", "end", "value", "currency", "unit", "rule"),
    "places": ("doc_id", "n", "text", "start", "end", "name", "country", "lat", "lon", "feature", "rule"),
    "errors": ("id", "doc_id", "origin", "code", "message", "hint", "first_seen"),
}

@dataclass(slots=True)
class Rows:
    """Rows for several tables, built up for one write transaction."""

    tables: dict[str, list[tuple]] = field(default_factory=lambda: {t: [] for t in COLUMNS})

    def add_result(self, result: Result, now: datetime) -> None:
        doc, facts = result.document, result.facts
        names = {e.id: e.name for e in facts.entities}
        self.tables["documents"].append(_document_row(doc, now))
        for e in facts.entities:
            self.tables["doc_entities"].append(_entity_row(doc.id, e))
            self.tables["mentions"].extend(
                (doc.id, e.id, n, m.start, m.end, m.text, m.label) for n, m in enumerate(e.mentions))
        lead_end = _lead_end(doc.text)
        features = {(p.name, p.country): p.feature for p in facts.places}
        for ev in facts.events:
            self.tables["event_evidence"].append(_event_row(doc, ev, names, lead_end, features))
        for n, q in enumerate(facts.quotes):
            sp, ad = q.speaker, q.addressee
            self.tables["quotes"].append((doc.id, n, q.text, q.kind, q.start, q.end,
                                          sp.name if sp else None, sp.entity if sp else None, q.cue,
                                          ad.name if ad else None, ad.entity if ad else None, q.rule))
        self.tables["times"].extend((doc.id, n, t.text, t.start, t.end, t.type, t.value, t.rule)
                                    for n, t in enumerate(facts.times))
        self.tables["amounts"].extend((doc.id, n, a.text, a.start, a.end, float(a.value), a.currency, a.unit, a.rule)
                                      for n, a in enumerate(facts.amounts))
        self.tables["places"].extend((doc.id, n, p.text, p.start, p.end, p.name, p.country, p.lat, p.lon, p.feature,
                                      p.rule) for n, p in enumerate(facts.places))

    def add_error(self, error: ErrorResult, now: datetime) -> None:
        e = error.error
        key = merge.stable_hash(error.origin, e.code, e.message)
        self.tables["errors"].append((key, error.id, error.origin, e.code, e.message, e.hint, now))

    def blocks(self, table: str) -> set[str]:
        return {row[-1] for row in self.tables[table]}


def _document_row(doc: Document, now: datetime) -> tuple:
    removed = json.dumps([r.to_dict() for r in doc.removed], ensure_ascii=False)
    published, precision = stored_published(doc.published)
    return (doc.id, doc.url, doc.title, published, doc.publisher, doc.agency, doc.dateline, doc.language,
            doc.text, removed, doc.origin, merge.source_key(doc.agency, doc.publisher, doc.url, doc.id),
            _lead_end(doc.text), now, doc.author, precision)


def stored_published(published: str | None) -> tuple[str | None, str | None]:
    """The DATE column takes a whole day: a month ("2016-11") or a year ("2016") is
    stored as its first day, with `published_precision` saying which it was."""
    if published is None:
        return None, None
    if len(published) == 4:
        return f"{published}-01-01", "year"
    if len(published) == 7:
        return f"{published}-01", "month"
    return published, "day"


def _lead_end(text: str) -> int:
    """End of the lead paragraph: GDELT's IsRootEvent marks events reported there."""
    cut = text.find("\n\n")
    return len(text) if cut < 0 else cut


def entity_record(doc_id: str, e: Entity) -> merge.EntityRecord:
    return merge.EntityRecord(
        doc_id=doc_id, local_id=e.id, name=e.name, type=e.type, country=e.country,
        aliases=tuple(sorted({m.text for m in e.mentions})), role=e.role, sector=e.sector,
        actor_code=e.actor_code, mentions=len(e.mentions),
    )


def _entity_row(doc_id: str, e: Entity) -> tuple:
    r = entity_record(doc_id, e)
    return (doc_id, e.id, e.name, e.type, e.country, e.role, e.sector, e.actor_code, e.rule,
            list(r.aliases), r.mentions, merge.entity_block(r))


def event_record(doc: Document, ev: Event, names: dict[str, str]) -> merge.EventRecord:
    def side(ref):
        if ref is None:
            return None
        return merge.actor_key(ref.actor_code, ref.country, names.get(ref.entity or "", ref.text))

    loc = ev.location
    return merge.EventRecord(
        doc_id=doc.id, local_id=ev.id, code=ev.code, root_code=ev.root_code,
        source_key=side(ev.source), target_key=side(ev.target), modality=ev.modality,
        date=ev.date, date_precision=ev.date_precision, published=doc.published,
        location_country=loc.country if loc else None, lat=loc.lat if loc else None, lon=loc.lon if loc else None,
    )


def _event_row(doc: Document, ev: Event, names: dict[str, str], lead_end: int,
               features: dict[tuple[str, str | None], str | None]) -> tuple:
    src, tgt, loc, pl, evd = ev.source, ev.target, ev.location, ev.plover, ev.evidence
    record = event_record(doc, ev, names)

    def actor(ref):
        if ref is None:
            return (None, None, None, None)
        return (names.get(ref.entity or "", ref.text), ref.entity, ref.country, ref.actor_code)

    return (doc.id, ev.id, ev.code, ev.root_code, ev.label, ev.quad_class, ev.goldstein,
            pl.type if pl else None, pl.mode if pl else None, *actor(src), *actor(tgt),
            ev.date, ev.date_precision,
            loc.name if loc else None, loc.country if loc else None, loc.lat if loc else None, loc.lon if loc else None,
            features.get((loc.name, loc.country)) if loc else None,
            ev.modality, evd.start, evd.end, evd.text, evd.trigger, ev.rule, ev.confidence,
            evd.start < lead_end, merge.event_block(record))


def column_lists(rows: Iterable[tuple], width: int) -> list[list]:
    """Rows to one list per column (what the unnest insert takes)."""
    cols: list[list] = [[] for _ in range(width)]
    for row in rows:
        for i, value in enumerate(row):
            cols[i].append(value)
    return cols
