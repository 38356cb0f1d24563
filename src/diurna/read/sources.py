"""Readers for every input shape `diurna extract` accepts: strings, files, folders,
stdin, JSONL, CSV/TSV, RSS/Atom, WARC.

Readers yield items with a provisional index; `_numbered` gives each item its place in
the whole stream, so output keeps input order across files and records. Every problem
with one document becomes an ErrorResult at its place; the stream goes on.

A `.json` file (or a blob that parses as one JSON document) holding one object or an
array of objects is read as records, like JSONL; `settings.day_first` decides numeric
publication dates that read both ways (3/4/2016).

Size limit: one document (a file, a record, a WARC payload) may have at most
`settings.max_bytes` bytes (default 20 MB); larger ones get E004 without being read
into memory. Files that hold many records (JSONL, CSV, feeds, WARC) are not limited as
a whole, only record by record.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import E004, E005, E008, DiurnaError
from ..model import ErrorResult
from ..settings import Settings
from .decode import decode_bytes
from .records import META_FIELDS, Item, normalise_date, read_csv_text, read_json_text, read_text, record
from .sniff import (
    CSV_SUFFIXES,
    FEED_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    SKIP_SUFFIXES,
    WARC_SUFFIXES,
    sniff_bytes,
)

__all__ = ["JSONL_SUFFIXES", "META_FIELDS", "normalise_date", "read_bytes", "read_jsonl_lines", "read_paths",
           "read_text", "read_texts"]

MULTI_RECORD_LIMIT = 2_000_000_000  # a JSONL/CSV/feed file is read whole: keep it under 2 GB


def read_bytes(data: bytes, *, origin: str, settings: Settings, index: int = 0, **meta: Any) -> Item:
    """One document from raw bytes: encoding detected, HTML told from text by content."""
    try:
        text = decode_bytes(data, origin=origin, max_bytes=settings.max_bytes)
        return read_text(text, origin=origin, index=index, day_first=settings.day_first, **meta)
    except DiurnaError as exc:
        return ErrorResult(index=index, error=exc.info(), id=meta.get("id"), origin=origin)


def read_texts(items: Iterable[str | Mapping[str, Any]], *, first: int = 0, day_first: bool = False) -> Iterator[Item]:
    """Strings or records (dicts with text/html and metadata) from Python code; their
    origins are "<item N>" counted from `first`."""
    def raw() -> Iterator[Item]:
        for n, item in enumerate(items, start=first):
            origin = f"<item {n}>"
            if isinstance(item, str):
                yield _guard(lambda: read_text(item, origin=origin), origin)
            else:
                yield record(dict(item), origin, day_first=day_first)
    return _numbered(raw())


def read_jsonl_lines(lines: Iterable[str], *, origin: str = "<jsonl>", day_first: bool = False) -> Iterator[Item]:
    """One JSON object per line; a bad line is an error at its place, the rest go on."""
    return _numbered(_jsonl(lines, origin, day_first))


def _jsonl(lines: Iterable[str], origin: str, day_first: bool = False) -> Iterator[Item]:
    for lineno, line in enumerate(lines, start=1):
        item = jsonl_line(line, f"{origin}:{lineno}", day_first=day_first)
        if item is not None:
            yield item


def jsonl_line(line: str, where: str, *, day_first: bool = False) -> Item | None:
    """One JSONL line as a document or the error at its place; None for a blank line.
    `where` is FILE:LINE. (The Spark engine reads JSONL line by line with this too.)"""
    if not line.strip():
        return None
    try:
        rec = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return ErrorResult(index=-1, error=DiurnaError(E005, f"{where}: {msg}").info(), origin=where)
    if not isinstance(rec, dict):
        return ErrorResult(index=-1, error=DiurnaError(E005, f"{where}: not an object").info(), origin=where)
    return record(rec, where, day_first=day_first)


def read_paths(paths: Sequence[str | Path], settings: Settings, *, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Files, folders (recursive) and "-" for standard input, in the order given."""
    def raw() -> Iterator[Item]:
        for p in paths:
            if str(p) == "-":
                data = (stdin or sys.stdin.buffer).read()
                yield from read_blob(data, "<stdin>", settings)
                continue
            path = Path(p)
            if path.is_dir():
                for child in _walk(path):
                    yield from _read_file(child, settings, walked=True)
            else:
                yield from _read_file(path, settings)
    return _numbered(raw())


# --------------------------------------------------------------------------- helpers


def _numbered(items: Iterable[Item]) -> Iterator[Item]:
    for n, item in enumerate(items):
        yield dataclasses.replace(item, index=n)


def _walk(folder: Path) -> list[Path]:
    """Files under a folder, sorted for a stable order; hidden files and folders, and
    page assets (images, scripts, styles), are skipped."""
    found = []
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_file() and not path.name.lower().endswith(SKIP_SUFFIXES):
            found.append(path)
    return found


def _read_file(path: Path, settings: Settings, *, walked: bool = False) -> Iterator[Item]:
    """One file's items; in a folder walk a .json file without records (a page's
    manifest) is passed over like the page's other assets."""
    origin = str(path)
    name = path.name.lower()
    try:
        if name.endswith(WARC_SUFFIXES) or _starts_with(path, b"WARC/"):
            from .warc import read_warc

            with path.open("rb") as stream:
                yield from read_warc(stream, origin, settings.max_bytes)
            return
        too_big = oversize(origin, name, path.stat().st_size, settings)
        if too_big is not None:
            yield too_big
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ErrorResult(index=-1, error=DiurnaError(E008, f"{origin}: {exc.strerror or exc}").info(), origin=origin)
        return
    yield from read_blob(data, origin, settings, name, quiet=walked)


def oversize(origin: str, name: str, size: int, settings: Settings) -> ErrorResult | None:
    """E004 for a file too large to read, judged by its size alone, so that an oversized
    file is never read into memory just to refuse it. A file of many records (JSONL,
    CSV, feed, WARC) is limited record by record, as a whole only below 2 GB.
    (The Spark engine checks listed files with this too.)"""
    many = name.lower().endswith(JSONL_SUFFIXES + JSON_SUFFIXES + CSV_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES)
    limit = MULTI_RECORD_LIMIT if many else settings.max_bytes
    if size <= limit:
        return None
    err = DiurnaError(E004, f"{origin} has {size:,} bytes (limit {limit:,})")
    return ErrorResult(index=-1, error=err.info(), origin=origin)


def _starts_with(path: Path, magic: bytes) -> bool:
    with path.open("rb") as f:
        return f.read(len(magic)) == magic


def read_blob(data: bytes, origin: str, settings: Settings, name: str = "", *, quiet: bool = False) -> Iterator[Item]:
    """One blob: a WARC, a feed, JSONL, JSON records or CSV when it is one, else one text
    or HTML document. `quiet`: a JSON file holding no record yields nothing."""
    kind = sniff_bytes(data, name)
    if kind == "warc":
        import io

        from .warc import read_warc

        yield from read_warc(io.BytesIO(data), origin, settings.max_bytes)
    elif kind == "feed":
        from .feeds import read_feed

        yield from read_feed(data, origin, day_first=settings.day_first)
    elif kind in ("jsonl", "json", "csv"):
        try:
            text = decode_bytes(data, origin=origin, max_bytes=max(settings.max_bytes, len(data)))
        except DiurnaError as exc:
            yield ErrorResult(index=-1, error=exc.info(), origin=origin)
            return
        # Split on "\n" only: a JSON string may hold a raw U+2028, which splitlines() breaks.
        if kind == "jsonl":
            yield from _jsonl(text.split("\n"), origin, settings.day_first)
        elif kind == "json":
            yield from read_json_text(text, origin, day_first=settings.day_first, quiet=quiet)
        else:
            yield from read_csv_text(text, origin, day_first=settings.day_first)
    elif len(data) > settings.max_bytes:
        err = DiurnaError(E004, f"{origin} has {len(data):,} bytes (limit {settings.max_bytes:,})")
        yield ErrorResult(index=-1, error=err.info(), origin=origin)
    else:
        yield read_bytes(data, origin=origin, settings=settings)


def _guard(make, origin: str) -> Item:
    try:
        return make()
    except DiurnaError as exc:
        return ErrorResult(index=-1, error=exc.info(), origin=origin)
