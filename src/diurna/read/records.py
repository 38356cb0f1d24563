"""Records (JSONL lines, CSV rows, feed entries, WARC records) -> RawDocument.

A record carries `text` (plain text) or `html`, and optionally `id`, `url`, `title`,
`published`, `publisher`, `author`. A record without text becomes an ErrorResult at its
place; metadata that cannot be read (a date that is not one, a title that is not text)
is left out with a warning on the document, never the document itself.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any

from ..errors import E001, E005, E006, E014, W001, W002, DiurnaError, warning
from ..model import ErrorResult, InputKind, RawDocument, WarningInfo
from .published import parse_published
from .sniff import looks_like_html

Item = RawDocument | ErrorResult
META_FIELDS = ("id", "url", "title", "published", "publisher", "author")
CONTENT_FIELDS = ("text", "html")
# Other names exports give the same metadata (a feed's "link", a CMS's "headline",
# "byline" or "date"): read as the field they mean when that field is absent.
_ALIASES = {"headline": "title", "link": "url", "byline": "author", "authors": "author", "date": "published",
            "pubdate": "published", "published_at": "published"}


def read_text(text: str, *, origin: str = "<string>", index: int = 0, day_first: bool = False,
              **meta: Any) -> RawDocument:
    """A Python string as one document; HTML is recognised by its content."""
    if not text.strip():
        raise DiurnaError(E001, origin)
    kind: InputKind = "html" if looks_like_html(text) else "text"
    fields, warnings = clean_meta(meta, origin, day_first=day_first)
    return RawDocument(index=index, content=text, kind=kind, origin=origin, warnings=warnings, **fields)


def record(rec: Mapping[str, Any], origin: str, *, day_first: bool = False) -> Item:
    """One record as a document, or the error that says what is wrong with it."""
    rid = rec.get("id")
    rid = None if rid is None or rid == "" else str(rid)
    content, field = rec.get("text"), "text"
    if not (isinstance(content, str) and content.strip()):
        content, field = rec.get("html"), "html"
    if not (isinstance(content, str) and content.strip()):
        return ErrorResult(index=-1, error=DiurnaError(E006, origin).info(), id=rid, origin=origin)
    meta: dict[str, Any] = {k: rec.get(k) for k in META_FIELDS if rec.get(k) not in (None, "")}
    for alias, name in _ALIASES.items():
        if name not in meta and rec.get(alias) not in (None, ""):
            meta[name] = rec[alias]
    meta["id"] = rid
    try:
        doc = read_text(content, origin=origin, day_first=day_first, **meta)
    except DiurnaError as exc:
        return ErrorResult(index=-1, error=exc.info(), id=rid, origin=origin)
    if field == "html" and doc.kind != "html":
        doc = dataclasses.replace(doc, kind="html")
    return doc


def read_csv_text(text: str, origin: str, *, day_first: bool = False) -> Iterator[Item]:
    """Rows of a CSV/TSV export with a header naming `text` or `html` and metadata."""
    sample = text[:20_000]
    try:
        sniffed: Any = csv.Sniffer().sniff(sample.split("\n", 1)[0], delimiters=",\t;|")
    except csv.Error:
        sniffed = csv.excel
    # Only the delimiter (and spaces after it) are learnt from the header line; quoting
    # stays RFC 4180 ("" is a quote inside a quoted field). A header has no quotes to
    # learn from, and the sniffer's guess there (doublequote off) cut a row's text at
    # its first quoted quote and spilled the rest into other columns.
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=csv.excel, delimiter=sniffed.delimiter,
                            skipinitialspace=sniffed.skipinitialspace)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if not set(CONTENT_FIELDS) & set(header):
        msg = f"{origin}: the CSV header has no `text` or `html` column (found: {', '.join(header[:10]) or 'none'})"
        yield ErrorResult(index=-1, error=DiurnaError(E006, msg).info(), origin=origin)
        return
    reader.fieldnames = header
    rowno = 1
    try:
        for rowno, row in enumerate(reader, start=2):
            yield record({k: v for k, v in row.items() if k is not None}, f"{origin}:{rowno}", day_first=day_first)
    except csv.Error as exc:
        where = f"{origin}:{rowno + 1}"
        yield ErrorResult(index=-1, error=DiurnaError(E014, f"{where}: broken CSV ({exc}); rows after it were not read").info(),
                          origin=where)


def read_json_text(text: str, origin: str, *, day_first: bool = False, quiet: bool = False) -> Iterator[Item]:
    """A JSON document of records: one object, an array of objects, or an object whose
    list holds them ({"articles": [...]}, as news APIs answer). Records are numbered
    FILE#N; an element that is not an object is an error at its place. `quiet`: yield
    nothing for JSON that holds no record at all (a manifest met in a folder walk)."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        if not quiet:
            msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield ErrorResult(index=-1, error=DiurnaError(E005, f"{origin}: {msg}").info(), origin=origin)
        return
    recs = _json_records(data)
    if quiet and not any(isinstance(r, dict) and _has_content(r) for r in recs):
        return
    if isinstance(data, dict) and recs == [data]:
        yield record(data, origin, day_first=day_first)
        return
    for n, rec in enumerate(recs, start=1):
        where = f"{origin}#{n}"
        if isinstance(rec, dict):
            yield record(rec, where, day_first=day_first)
        else:
            yield ErrorResult(index=-1, error=DiurnaError(E005, f"{where}: not an object").info(), origin=where)


def _json_records(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict) and not _has_content(data):
        for value in data.values():
            if isinstance(value, list) and any(isinstance(v, dict) and _has_content(v) for v in value):
                return value
    return [data]


def _has_content(rec: Mapping[str, Any]) -> bool:
    return any(isinstance(rec.get(k), str) and rec[k].strip() for k in CONTENT_FIELDS)


def clean_meta(meta: Mapping[str, Any], origin: str, *,
               day_first: bool = False) -> tuple[dict[str, Any], tuple[WarningInfo, ...]]:
    """The metadata fields a RawDocument takes, and warnings for the values left out.
    An unknown keyword is a caller's mistake (E014); a bad value is the input's, so the
    document goes on without it."""
    out: dict[str, Any] = {}
    warnings: list[WarningInfo] = []
    for key, value in meta.items():
        if value is None:
            continue
        if key not in META_FIELDS:
            raise DiurnaError(E014, f"{origin}: unknown field {key!r}")
        if key == "published":
            try:
                out[key] = parse_published(value, day_first=day_first, origin=origin)
            except DiurnaError:
                warnings.append(warning(W001, _shown(value)))
            continue
        text = _as_text(value)
        if text is None and key == "id":
            raise DiurnaError(E014, f"{origin}: id must be a string or a number")
        if text is None:
            warnings.append(warning(W002, f"{key} ({type(value).__name__})"))
        elif text.strip():
            out[key] = text.strip()
    return out, tuple(warnings)


def normalise_date(value: Any, origin: str = "<input>", *, day_first: bool = False) -> str:
    """"YYYY-MM-DD", "YYYY-MM" or "YYYY" from any common date form; E007 otherwise
    (see read.published.parse_published)."""
    return parse_published(value, day_first=day_first, origin=origin)


def _as_text(value: Any) -> str | None:
    """A string, a number as written, or a list of strings (several authors) joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip())
    return None


def _shown(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."
