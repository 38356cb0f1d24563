"""Follows: a named, saved event filter, and "what is new since I last looked".

`check` returns the events that match the filter and gained an article after the
previous check (new events, and known events that new articles reported again), then
moves the follow's watermark to the newest article it has seen.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

from ..errors import E011, E020, E021, E024, DiurnaError
from .duckdb import Store
from .query import EventFilter, StoredEvent, events

_NAME = re.compile(r"^[\w][\w .:-]{0,63}$")


@dataclass(frozen=True, slots=True)
class Follow:
    name: str
    filter: EventFilter
    created_at: datetime
    checked_at: datetime | None
    # Why the stored filter is unusable (a bad value written by an older version), else None.
    # Such a follow still lists (with its raw filters) but matches nothing until re-added.
    problem: str | None = None
    raw: dict | None = None

    def to_dict(self) -> dict:
        return {"name": self.name, "filters": self.raw if self.problem else self.filter.to_dict(),
                "created_at": self.created_at.isoformat(),
                "checked_at": self.checked_at.isoformat() if self.checked_at else None}


def add(store: Store, name: str, f: EventFilter) -> Follow:
    if not _NAME.match(name):
        raise DiurnaError(E011, f"follow name {name!r}: use letters, digits, spaces, '.', ':' or '-' (at most 64)")
    if not f.to_dict():
        raise DiurnaError(E021, f"follow {name!r} has no filter: give at least one of --actor, --country, --dyad, ...")
    if get(store, name) is not None:
        raise DiurnaError(E020, f"a follow named {name!r} exists; remove it first with `diurna follow rm {name}`")
    store.con.execute("INSERT INTO follows VALUES (?, ?, now(), NULL)", [name, json.dumps(f.to_dict(), sort_keys=True)])
    made = get(store, name)
    assert made is not None  # inserted just above
    return made


def get(store: Store, name: str) -> Follow | None:
    rows = store.fetch("SELECT * FROM follows WHERE name = ?", [name])
    return _follow(rows[0]) if rows else None


def list_all(store: Store) -> list[Follow]:
    return [_follow(r) for r in store.fetch("SELECT * FROM follows ORDER BY name")]


def remove(store: Store, name: str) -> bool:
    found = get(store, name) is not None
    store.con.execute("DELETE FROM follows WHERE name = ?", [name])
    return found


def check(store: Store, name: str, *, limit: int = 1000, mark: bool = True) -> list[StoredEvent]:
    """Events matching the follow that were added or re-reported since the last check."""
    follow = get(store, name)
    if follow is None:
        raise DiurnaError(E024, f"no follow named {name!r}")
    if follow.problem:
        raise DiurnaError(E021, f"follow {name!r} holds {follow.problem}; remove it and add it again")
    f = EventFilter.from_dict({**follow.filter.to_dict(), "limit": limit})
    found = events(store, f, updated_after=follow.checked_at)
    if mark:
        # The watermark is the newest article in the store, not the clock: an ingest that
        # commits while we check is seen by the next check, never skipped.
        newest = store.scalar("SELECT max(ingested_at) FROM documents")
        if newest is not None:
            store.con.execute("UPDATE follows SET checked_at = ? WHERE name = ?", [newest, name])
    return found


def _follow(row: dict) -> Follow:
    """Validate on write, tolerate on read: a stored filter that no longer validates marks
    the follow (`problem`) instead of breaking every list of follows."""
    try:
        raw = json.loads(row["filters"])
        if not isinstance(raw, dict):
            raise ValueError("filters are not an object")
        return Follow(row["name"], EventFilter.from_dict(raw), row["created_at"], row["checked_at"])
    except DiurnaError as exc:
        problem = exc.message
    except (ValueError, TypeError) as exc:
        problem, raw = f"an unreadable filter ({exc})", {}
    return Follow(row["name"], EventFilter(), row["created_at"], row["checked_at"], problem=problem, raw=raw)
