"""Bytes to text: encodings detected, not assumed; binary and empty input refused."""

from __future__ import annotations

import codecs

import pytest

from diurna.errors import DiurnaError
from diurna.read.decode import decode_bytes

TEXT = "Café owners in Bree said the town’s “new tax” was unfair."


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),           # with BOM
    TEXT.encode("utf-16-le"),        # without BOM
    TEXT.encode("utf-16-be"),
    TEXT.encode("cp1252"),
])
def test_decode_encodings_round_trip(data):
    assert decode_bytes(data, origin="x", max_bytes=10_000) == TEXT


def test_decode_mixed_utf8_and_cp1252_keeps_both():
    data = "Café in Bree: ".encode("utf-8") + "the town’s tax".encode("cp1252")
    assert decode_bytes(data, origin="x", max_bytes=10_000) == "Café in Bree: the town’s tax"


def test_decode_stray_nuls_are_dropped():
    assert decode_bytes(b"Gondor\x00 said the talks would resume.", origin="x", max_bytes=10_000) == \
        "Gondor said the talks would resume."


@pytest.mark.parametrize("data,code", [
    (b"", "E001"), (b"  \n\t ", "E001"), (b"%PDF-1.7 ...", "E002"), (b"\x89PNG\r\n\x1a\n....", "E002"),
    (bytes(range(256)) * 4, "E002"), (b"x" * 2001, "E004"),
])
def test_decode_refuses_with_code(data, code):
    with pytest.raises(DiurnaError) as err:
        decode_bytes(data, origin="x", max_bytes=2000)
    assert err.value.code == code and err.value.hint
