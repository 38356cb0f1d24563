"""Readers for every input shape `diurna extract` accepts.

Readers yield items with a provisional index; `_numbered` gives each item its place in
the whole stream, so output keeps input order across files and records.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import E001, E004, E005, E006, E007, E008, E014, DiurnaError
from ..model import ErrorResult, RawDocument
from ..settings import Settings
from .decode import decode_bytes
from .sniff import looks_like_html

Item = RawDocument | ErrorResult

TEXT_SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
META_FIELDS = ("id", "url", "title", "published", "publisher")


def read_text(text: str, *, origin: str = "<string>", index: int = 0, **meta: Any) -> RawDocument:
    """A Python string as one document; HTML is recognised by its content."""
    if not text.strip():
        raise DiurnaError(E001, origin)
    kind = "html" if looks_like_html(text) else "text"
    return RawDocument(index=index, content=text, kind=kind, origin=origin, **_clean_meta(meta, origin))


def read_bytes(data: bytes, *, origin: str, settings: Settings, index: int = 0, **meta: Any) -> Item:
    try:
        text = decode_bytes(data, origin=origin, max_bytes=settings.max_bytes)
        return read_text(text, origin=origin, index=index, **meta)
    except DiurnaError as exc:
        return ErrorResult(index=index, error=exc.info(), id=meta.get("id"), origin=origin)


def read_texts(items: Iterable[str | Mapping[str, Any]]) -> Iterator[Item]:
    """Strings or records (dicts with text/html and metadata) from Python code."""
    def raw() -> Iterator[Item]:
        for n, item in enumerate(items):
            origin = f"<item {n}>"
            if isinstance(item, str):
                yield _guard(lambda: read_text(item, origin=origin), origin)
            else:
                yield _record(dict(item), origin)
    return _numbered(raw())


def read_jsonl_lines(lines: Iterable[str], *, origin: str = "<jsonl>") -> Iterator[Item]:
    """One JSON object per line; a bad line is an error at its place, the rest go on."""
    def raw() -> Iterator[Item]:
        for lineno, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            where = f"{origin}:{lineno}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ErrorResult(index=-1, error=DiurnaError(E005, f"{where}: {exc.msg}").info(), origin=where)
                continue
            if not isinstance(record, dict):
                yield ErrorResult(index=-1, error=DiurnaError(E005, f"{where}: not an object").info(), origin=where)
                continue
            yield _record(record, where)
    return _numbered(raw())


def read_paths(paths: Sequence[str | Path], settings: Settings, *, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Files, folders (recursive) and "-" for standard input, in the order given."""
    def raw() -> Iterator[Item]:
        for p in paths:
            if str(p) == "-":
                yield from _read_stream((stdin or sys.stdin.buffer).read(), "<stdin>", settings)
                continue
            path = Path(p)
            if path.is_dir():
                for child in _walk(path):
                    yield from _read_file(child, settings)
            else:
                yield from _read_file(path, settings)
    return _numbered(raw())


# --------------------------------------------------------------------------- helpers


def _numbered(items: Iterable[Item]) -> Iterator[Item]:
    for n, item in enumerate(items):
        yield dataclasses.replace(item, index=n)


def _walk(folder: Path) -> list[Path]:
    """Files under a folder, sorted for a stable order, hidden files and folders skipped."""
    found = []
    for path in sorted(folder.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts):
            continue
        if path.is_file() and (path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES or not path.suffix):
            found.append(path)
    return found


def _read_file(path: Path, settings: Settings) -> Iterator[Item]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            # Never read an oversized file into memory just to refuse it.
            err = DiurnaError(E004, f"{origin} has {size:,} bytes (limit {settings.max_bytes:,})")
            yield ErrorResult(index=-1, error=err.info(), origin=origin)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ErrorResult(index=-1, error=DiurnaError(E008, f"{origin}: {exc.strerror or exc}").info(), origin=origin)
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_stream(data, origin, settings, force_jsonl=True)
    else:
        yield from _read_stream(data, origin, settings)


def _read_stream(data: bytes, origin: str, settings: Settings, force_jsonl: bool = False) -> Iterator[Item]:
    """One blob: a JSONL stream when it is one, else a single text or HTML document."""
    if force_jsonl or _looks_like_jsonl(data):
        try:
            text = decode_bytes(data, origin=origin, max_bytes=max(settings.max_bytes, len(data)))
        except DiurnaError as exc:
            yield ErrorResult(index=-1, error=exc.info(), origin=origin)
            return
        yield from read_jsonl_lines(text.splitlines(), origin=origin)
        return
    yield read_bytes(data, origin=origin, settings=settings)


def _looks_like_jsonl(data: bytes) -> bool:
    head = data.lstrip()[:1]
    if head != b"{":
        return False
    first = data.lstrip().split(b"\n", 1)[0]
    try:
        record = json.loads(first)
    except ValueError:
        return False
    return isinstance(record, dict) and ("text" in record or "html" in record)


def _record(record: dict[str, Any], origin: str) -> Item:
    rid = record.get("id")
    rid = None if rid is None else str(rid)
    content = record.get("text")
    field = "text"
    if not (isinstance(content, str) and content.strip()):
        content, field = record.get("html"), "html"
    if not (isinstance(content, str) and content.strip()):
        return ErrorResult(index=-1, error=DiurnaError(E006, origin).info(), id=rid, origin=origin)
    meta = {k: record.get(k) for k in META_FIELDS if record.get(k) is not None}
    meta["id"] = rid
    try:
        doc = read_text(content, origin=origin, **meta)
    except DiurnaError as exc:
        return ErrorResult(index=-1, error=exc.info(), id=rid, origin=origin)
    if field == "html" and doc.kind != "html":
        doc = dataclasses.replace(doc, kind="html")
    return doc


def _guard(make, origin: str) -> Item:
    try:
        return make()
    except DiurnaError as exc:
        return ErrorResult(index=-1, error=exc.info(), origin=origin)


def _clean_meta(meta: Mapping[str, Any], origin: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in meta.items():
        if value is None:
            continue
        if key not in META_FIELDS:
            raise DiurnaError(E014, f"{origin}: unknown field {key!r}")
        if key == "published":
            value = normalise_date(value, origin)
        elif not isinstance(value, str):
            if key == "id" and isinstance(value, int):
                value = str(value)
            else:
                raise DiurnaError(E014, f"{origin}: {key} must be a string")
        out[key] = value
    return out


_DATE_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def normalise_date(value: Any, origin: str = "<input>") -> str:
    """YYYY-MM-DD from a date, a datetime or an ISO-like string ("2025-03-14 20:30:26Z")."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        m = _DATE_PREFIX.match(value.strip())
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                pass
    raise DiurnaError(E007, f"{origin}: {value!r}")
