"""A compact binary file of typed arrays and byte strings, read through a memory map.

The geo gazetteer (a quarter of a million entries) used to be a pickled dict: every
process start paid 0.10-0.15 s to unpickle it (issue 20). In this form nothing is
rebuilt on load: the file is mapped and each array is a memoryview cast over its bytes,
so start-up costs a header read, lookups touch only the pages they need, and worker
processes share one copy in the page cache.

Layout: the format line (ending in a newline), the header length (8 bytes, little
endian), a JSON header ([meta, {section: [offset, length in bytes, array type code, "B"
for a byte string]}]), then the sections, each aligned to 8 bytes.
Arrays are in the machine's byte order; the cache file's name carries it.
"""

from __future__ import annotations

import json
import mmap
import os
import struct
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeAlias

Buffer: TypeAlias = "bytes | mmap.mmap"
_LENGTH = struct.Struct("<Q")
_ALIGN = 8


@dataclass(frozen=True, slots=True)
class Header:
    """What the file holds: `meta` as written, arrays as memoryviews over the buffer,
    and for each byte string its offset in the buffer."""

    meta: dict[str, Any]
    arrays: dict[str, memoryview]
    blobs: dict[str, int]


def strings(values: Iterable[str | bytes]) -> tuple[bytes, array]:
    """Byte strings laid end to end, and the offsets (n + 1) that cut them apart."""
    parts: list[bytes] = []
    offsets = array("I", [0])
    size = 0
    for v in values:
        b = v.encode("utf-8") if isinstance(v, str) else v
        parts.append(b)
        size += len(b)
        offsets.append(size)
    return b"".join(parts), offsets


def dump(fmt: str, meta: Mapping[str, Any], arrays: Mapping[str, array], blobs: Mapping[str, bytes]) -> bytes:
    """The file's bytes: `fmt` names the format (a reader of another format refuses it)."""
    items: list[tuple[str, str, bytes]] = [(k, a.typecode, a.tobytes()) for k, a in arrays.items()]
    items += [(k, "B", b) for k, b in blobs.items()]
    sections: dict[str, tuple[int, int, str]] = {}
    offset = 0
    for name, code, data in items:
        sections[name] = (offset, len(data), code)
        offset += _padded(len(data))
    head = json.dumps([dict(meta), sections], ensure_ascii=False).encode("utf-8")
    start = _padded(len(fmt.encode("utf-8")) + 1 + _LENGTH.size + len(head))
    prefix = fmt.encode("utf-8") + b"\n" + _LENGTH.pack(len(head)) + head
    out = bytearray(prefix.ljust(start, b"\0"))
    for _, _, data in items:
        out += data.ljust(_padded(len(data)), b"\0")
    return bytes(out)


def read_header(buf: Buffer, fmt: str) -> Header:
    """The header of a file of format `fmt`; ValueError when it is another format or cut short."""
    magic = fmt.encode("utf-8") + b"\n"
    if buf[: len(magic)] != magic or len(buf) < len(magic) + _LENGTH.size:
        raise ValueError(f"not a {fmt} file")
    (size,) = _LENGTH.unpack_from(buf, len(magic))
    at = len(magic) + _LENGTH.size
    meta, sections = json.loads(bytes(buf[at : at + size]).decode("utf-8"))
    start = _padded(at + size)
    view = memoryview(buf)
    arrays: dict[str, memoryview] = {}
    blobs: dict[str, int] = {}
    for name, (offset, length, code) in sections.items():
        begin = start + offset
        if begin + length > len(buf):
            raise ValueError(f"{fmt} file cut short in section {name!r}")
        if code == "B":
            blobs[name] = begin
        else:
            arrays[name] = view[begin : begin + length].cast(code)
    return Header(meta, arrays, blobs)


def map_file(path: Path) -> mmap.mmap | None:
    """The file mapped read-only, or None when it is missing or unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        return mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # unreadable, or empty (mmap refuses length 0)
        return None
    finally:
        os.close(fd)  # the map keeps its own reference to the file


def _padded(n: int) -> int:
    return -(-n // _ALIGN) * _ALIGN
