"""The geo gazetteer's compact index: arrays and strings read back through a memory map,
binary search over sorted keys, broken files refused (issue 20)."""

from __future__ import annotations

import pickle
from array import array

import pytest

from diurna.extract.geo import gazetteer, store

FMT = "demo-store-v1"


def _sample() -> bytes:
    blob, offsets = store.strings(["Arnor", "Gondor", "Minas Tirith", "Łódź"])
    return store.dump(FMT, {"labels": ["", "city"]}, {"offsets": offsets, "pop": array("q", [5, -7, 2**40, 0]),
                                                      "lat": array("d", [1.5, float("nan"), -3.25, 0.0])},
                      {"names": blob})


def _names(head: store.Header, buf: bytes) -> list[str]:
    off, base = head.arrays["offsets"], head.blobs["names"]
    return [buf[base + off[i]: base + off[i + 1]].decode() for i in range(len(off) - 1)]


def test_store_round_trip_from_bytes_and_from_a_mapped_file(tmp_path) -> None:
    data = _sample()
    path = tmp_path / "index.bin"
    path.write_bytes(data)
    mapped = store.map_file(path)
    assert mapped is not None
    for buf in (data, mapped):
        head = store.read_header(buf, FMT)
        assert head.meta == {"labels": ["", "city"]}
        assert _names(head, buf) == ["Arnor", "Gondor", "Minas Tirith", "Łódź"]
        assert list(head.arrays["pop"]) == [5, -7, 2**40, 0]
        assert head.arrays["lat"][2] == -3.25


@pytest.mark.parametrize(
    ("mangle", "why"),
    [
        (lambda b: b"other-format\n" + b[len(FMT) + 1:], "another format"),
        (lambda b: b[: len(b) // 2], "cut short"),
        (lambda b: b[: len(FMT) + 3], "no header"),
    ],
)
def test_store_refuses_a_broken_file(mangle, why) -> None:
    with pytest.raises(ValueError):
        store.read_header(mangle(_sample()), FMT)


@pytest.mark.parametrize("content", [None, b""])
def test_store_missing_or_empty_file_maps_to_none(tmp_path, content) -> None:
    path = tmp_path / "index.bin"
    if content is not None:
        path.write_bytes(content)
    assert store.map_file(path) is None


@pytest.fixture(scope="module")
def gaz() -> gazetteer.Gazetteer:
    return gazetteer.load()


def test_store_gazetteer_keys_are_sorted_and_each_is_found(gaz: gazetteer.Gazetteer) -> None:
    keys = [k.encode() for k in gaz.keys()]
    assert keys == sorted(keys) and len(keys) > 200_000
    for i in (0, 1, len(keys) // 3, len(keys) - 1):
        assert gaz._find(keys[i]) == i
    assert gaz._find(b"") == -1 and gaz._find(b"\xff\xff") == -1 and gaz._find(keys[5] + b"~") == -1


def test_store_gazetteer_pickles_to_an_equal_index(gaz: gazetteer.Gazetteer) -> None:
    again = pickle.loads(pickle.dumps(gaz))
    assert again.lookup("Nairobi") == gaz.lookup("Nairobi") and again.us_state_codes == gaz.us_state_codes


def test_store_gazetteer_cache_off_builds_in_memory(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DIURNA_CACHE", "off")
    monkeypatch.chdir(tmp_path)
    assert gazetteer._cache_path() is None
    assert not list(tmp_path.iterdir())  # no folder named "off" in the working directory
