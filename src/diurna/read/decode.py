"""Bytes to text: detect binary input and the encoding instead of assuming UTF-8."""

from __future__ import annotations

import codecs
import re

from ..errors import E001, E002, E003, E004, DiurnaError

# Magic numbers of formats people drop into a folder of articles by mistake.
_BINARY_MAGIC = (
    b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b",
    b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x7fELF", b"RIFF", b"OggS",
    b"ID3", b"\xd0\xcf\x11\xe0",
)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes, *, origin: str, max_bytes: int) -> str:
    """Decode raw input. Raises DiurnaError E001/E002/E003/E004 with the origin named."""
    if len(data) > max_bytes:
        raise DiurnaError(E004, f"{origin} has {len(data):,} bytes (limit {max_bytes:,})")
    if not data.strip():
        raise DiurnaError(E001, origin)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, origin)
    if data.startswith(_BINARY_MAGIC):
        raise DiurnaError(E002, f"{origin} starts with the signature of a binary format")
    utf16 = _bomless_utf16(data)
    if utf16:
        return _strict(data, utf16, origin)
    sample = data[:65536]
    if sum(sample.count(bytes([b])) for b in _CONTROL_BYTES) > 0.05 * len(sample):
        raise DiurnaError(E002, f"{origin} is mostly control bytes")
    if b"\x00" in data:
        # A few stray NULs (a bad export) are dropped; many mean a binary file.
        nuls = data.count(b"\x00")
        if nuls > max(8, len(data) // 100):
            raise DiurnaError(E002, f"{origin} contains {nuls:,} NUL bytes")
        data = data.replace(b"\x00", b"")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        # Mixed encodings (UTF-8 text with pasted cp1252 bytes): keep the UTF-8 and
        # read only the bytes that are not UTF-8 as cp1252, instead of garbling all.
        return data.decode("utf-8", errors="diurna-cp1252")
    high = sum(b >= 0x80 for b in data[:100_000])
    if high <= max(16, 0.05 * min(len(data), 100_000)):
        # English with a few accented letters or curly quotes: Windows-1252 is by far the
        # likeliest, and statistics over a handful of bytes guess worse than that.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    # Not UTF-8: let charset-normalizer weigh the candidates (cp1251, latin-1, ...).
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise DiurnaError(E003, f"{origin} is neither UTF-8 nor a recognisable single-byte encoding")
    text = data.decode(best.encoding, errors="replace")
    if _control_ratio(text) > 0.05:
        raise DiurnaError(E002, f"{origin} decodes to mostly control characters")
    return text


# Bytes that text never holds (UTF-16 is recognised before this is checked).
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 27), *range(28, 32), 127])
# A valid two- to four-byte UTF-8 sequence: evidence that the text is meant as UTF-8.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error("diurna-cp1252", _cp1252_fallback)


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DiurnaError(E003, f"{origin} is not valid {encoding}: {exc.reason} at byte {exc.start}") from exc


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as every other byte being NUL in ASCII-heavy text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _control_ratio(text: str) -> float:
    sample = text[:10_000]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, len(sample))
