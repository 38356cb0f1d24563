"""Records (JSONL lines, CSV rows, feed entries, WARC records) -> RawDocument.

A record carries `text` (plain text) or `html`, and optionally `id`, `url`, `title`,
`published`, `publisher`. A bad record becomes an ErrorResult at its place.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from ..errors import E001, E006, E007, E014, DiurnaError
from ..model import ErrorResult, InputKind, RawDocument
from .dates import date_in_line
from .sniff import looks_like_html

Item = RawDocument | ErrorResult
META_FIELDS = ("id", "url", "title", "published", "publisher")
CONTENT_FIELDS = ("text", "html")


def read_text(text: str, *, origin: str = "<string>", index: int = 0, **meta: Any) -> RawDocument:
    """A Python string as one document; HTML is recognised by its content."""
    if not text.strip():
        raise DiurnaError(E001, origin)
    kind: InputKind = "html" if looks_like_html(text) else "text"
    return RawDocument(index=index, content=text, kind=kind, origin=origin, **clean_meta(meta, origin))


def record(rec: Mapping[str, Any], origin: str) -> Item:
    """One record as a document, or the error that says what is wrong with it."""
    rid = rec.get("id")
    rid = None if rid is None or rid == "" else str(rid)
    content, field = rec.get("text"), "text"
    if not (isinstance(content, str) and content.strip()):
        content, field = rec.get("html"), "html"
    if not (isinstance(content, str) and content.strip()):
        return ErrorResult(index=-1, error=DiurnaError(E006, origin).info(), id=rid, origin=origin)
    meta: dict[str, Any] = {k: rec.get(k) for k in META_FIELDS if rec.get(k) not in (None, "")}
    meta["id"] = rid
    try:
        doc = read_text(content, origin=origin, **meta)
    except DiurnaError as exc:
        return ErrorResult(index=-1, error=exc.info(), id=rid, origin=origin)
    if field == "html" and doc.kind != "html":
        doc = RawDocument(doc.index, doc.content, "html", doc.id, doc.url, doc.title, doc.published, doc.publisher,
                          doc.origin)
    return doc


def read_csv_text(text: str, origin: str) -> Iterator[Item]:
    """Rows of a CSV/TSV export with a header naming `text` or `html` and metadata."""
    sample = text[:20_000]
    try:
        dialect: Any = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",\t;|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if not set(CONTENT_FIELDS) & set(header):
        msg = f"{origin}: the CSV header has no `text` or `html` column (found: {', '.join(header[:10]) or 'none'})"
        yield ErrorResult(index=-1, error=DiurnaError(E006, msg).info(), origin=origin)
        return
    reader.fieldnames = header
    rowno = 1
    try:
        for rowno, row in enumerate(reader, start=2):
            yield record({k: v for k, v in row.items() if k is not None}, f"{origin}:{rowno}")
    except csv.Error as exc:
        where = f"{origin}:{rowno + 1}"
        yield ErrorResult(index=-1, error=DiurnaError(E014, f"{where}: broken CSV ({exc}); rows after it were not read").info(),
                          origin=where)


def clean_meta(meta: Mapping[str, Any], origin: str) -> dict[str, Any]:
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
        out[key] = value.strip() if isinstance(value, str) else value
    return out


_DATE_PREFIX = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")


def normalise_date(value: Any, origin: str = "<input>") -> str:
    """YYYY-MM-DD from a date, a datetime, an ISO-like string ("2025-03-14 20:30:26Z"),
    an RFC 2822 date as in RSS ("Fri, 14 Mar 2025 20:30:26 GMT") or "March 14, 2025"."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and len(value) <= 100:
        text = value.strip()
        m = _DATE_PREFIX.match(text)
        if m:
            try:
                return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                pass
        found = _rfc2822(text) or _written(text)
        if found:
            return found
    raise DiurnaError(E007, f"{origin}: {value!r}")


def _rfc2822(text: str) -> str | None:
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _written(text: str) -> str | None:
    return date_in_line(text, numeric=False)  # 03/04/2026 is ambiguous: refused
