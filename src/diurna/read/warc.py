"""WARC (and gzipped WARC) crawls -> one document per HTML or plain-text response.

Streamed record by record with warcio, so a crawl larger than memory is fine; the size
limit applies to each record. Requests, metadata, redirects, errors and non-text
payloads (images, scripts) are not articles and are passed over.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..errors import E004, E008, DiurnaError
from ..model import ErrorResult
from .decode import decode_bytes
from .records import Item, record

_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(stream: BinaryIO, origin: str, max_bytes: int) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for rec in ArchiveIterator(stream):
            if rec.rec_type not in ("response", "resource"):
                continue
            ctype = _content_type(rec)
            if not ctype.startswith(_TEXT_TYPES):
                continue
            if rec.http_headers is not None and not rec.http_headers.get_statuscode().startswith("2"):
                continue
            n += 1
            where = f"{origin}#{n}"
            url = rec.rec_headers.get_header("WARC-Target-URI")
            yield _payload(rec, where, url, ctype, max_bytes)
    except (ArchiveLoadFailed, OSError, ValueError, EOFError, AttributeError, TypeError) as exc:
        # warcio raises whatever its parser meets on a malformed record: report the file
        err = DiurnaError(E008, f"{origin}: broken WARC after {n} record(s): {exc}")
        yield ErrorResult(index=-1, error=err.info(), origin=origin)


def _content_type(rec) -> str:
    if rec.http_headers is not None:
        return (rec.http_headers.get_header("Content-Type") or "").lower()
    return (rec.rec_headers.get_header("Content-Type") or "").lower()


def _payload(rec, where: str, url: str | None, ctype: str, max_bytes: int) -> Item:
    stream = rec.content_stream()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        err = DiurnaError(E004, f"{where} has more than {max_bytes:,} bytes")
        return ErrorResult(index=-1, error=err.info(), origin=where)
    charset = _charset(ctype)
    try:
        text = data.decode(charset) if charset else decode_bytes(data, origin=where, max_bytes=max_bytes)
    except (LookupError, UnicodeDecodeError):
        try:
            text = decode_bytes(data, origin=where, max_bytes=max_bytes)
        except DiurnaError as exc:
            return ErrorResult(index=-1, error=exc.info(), origin=where)
    except DiurnaError as exc:
        return ErrorResult(index=-1, error=exc.info(), origin=where)
    field = "text" if ctype.startswith("text/plain") else "html"
    return record({field: text, "url": url}, where)


def _charset(ctype: str) -> str | None:
    for part in ctype.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key == "charset" and value:
            return value.strip("\"' ")
    return None
