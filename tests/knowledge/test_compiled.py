"""Compiled knowledge: parsed YAML kept in the cache folder, invalidated by content and version."""

from __future__ import annotations

import pickle

import pytest
import yaml

from diurna.knowledge import compiled, load_yaml, read_text

TEXT = "words:\n  - alpha\n  - beta\nnested: {a: 1, b: [x, y]}\n"


def _entry(text):
    return compiled.entry_path("demo.yaml", f"yaml:yaml.loader.SafeLoader:{yaml.__version__}", text.encode())


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    return tmp_path


def test_compiled_first_load_writes_the_entry_and_the_second_reads_it(cache, monkeypatch):
    assert compiled.parse_yaml(TEXT, "demo.yaml") == yaml.safe_load(TEXT)
    entries = list(cache.glob("knowledge-demo-*.pickle"))
    assert len(entries) == 1

    def no_parse(*_args, **_kwargs):
        raise AssertionError("parsed again although the entry is current")

    monkeypatch.setattr(compiled.yaml, "load", no_parse)
    assert compiled.parse_yaml(TEXT, "demo.yaml") == {"words": ["alpha", "beta"], "nested": {"a": 1, "b": ["x", "y"]}}


@pytest.mark.parametrize("name", ["grammar.yaml", "cues.yaml", "predicates.yaml", "actors.yaml", "boilerplate.yaml"])
def test_compiled_shipped_files_read_back_equal_to_a_fresh_parse(cache, name):
    first = load_yaml(name)
    again = load_yaml(name)
    assert first == again == yaml.safe_load(read_text(name))
    assert again is not first  # a fresh copy each time: no caller can change another's data


@pytest.mark.parametrize(
    "change",
    [
        lambda m: m.setattr(compiled, "FORMAT", "another-format"),
        lambda m: m.setattr("diurna.__version__", "99.0.0"),
    ],
    ids=["format", "diurna-version"],
)
def test_compiled_entry_invalidated_by_versions(cache, monkeypatch, change):
    before = _entry(TEXT)
    change(monkeypatch)
    assert _entry(TEXT) != before


def test_compiled_entry_invalidated_by_content(cache):
    edited = TEXT.replace("beta", "gamma")
    assert _entry(TEXT) != _entry(edited)
    compiled.parse_yaml(TEXT, "demo.yaml")
    assert compiled.parse_yaml(edited, "demo.yaml")["words"] == ["alpha", "gamma"]  # never the stale entry


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", pickle.dumps({"words": 1})[:5]])
def test_compiled_broken_entry_is_parsed_again_and_replaced(cache, garbage):
    path = _entry(TEXT)
    path.write_bytes(garbage)
    assert compiled.parse_yaml(TEXT, "demo.yaml") == yaml.safe_load(TEXT)
    with path.open("rb") as fh:
        assert pickle.load(fh) == yaml.safe_load(TEXT)


@pytest.mark.parametrize("value", ["off", "OFF", "0", "false"])
def test_compiled_cache_off_writes_nothing(tmp_path, monkeypatch, value):
    monkeypatch.setenv(compiled.CACHE_ENV, value)
    monkeypatch.chdir(tmp_path)
    assert compiled.cache_dir() is None
    assert compiled.parse_yaml(TEXT, "demo.yaml") == yaml.safe_load(TEXT)
    assert list(tmp_path.iterdir()) == []


def test_compiled_unwritable_folder_only_parses(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv(compiled.CACHE_ENV, str(blocker / "cache"))
    assert compiled.parse_yaml(TEXT, "demo.yaml") == yaml.safe_load(TEXT)


@pytest.mark.parametrize("value", [None, ""])
def test_compiled_default_folder_follows_xdg(monkeypatch, tmp_path, value):
    if value is None:
        monkeypatch.delenv(compiled.CACHE_ENV, raising=False)
    else:
        monkeypatch.setenv(compiled.CACHE_ENV, value)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert compiled.cache_dir() == tmp_path / "diurna"


def test_compiled_loader_is_part_of_the_key(cache):
    from diurna.knowledge import _UniqueKeys

    twice = "a: 1\na: 2\n"
    assert compiled.parse_yaml(twice, "demo.yaml") == {"a": 2}  # the plain safe loader keeps the last
    with pytest.raises(ValueError, match="written twice"):
        compiled.parse_yaml(twice, "demo.yaml", _UniqueKeys)  # never the other loader's entry
    with pytest.raises(ValueError, match="written twice"):
        compiled.parse_yaml(twice, "demo.yaml", _UniqueKeys)  # errors are not cached


def test_compiled_phoenix_index_equal_from_the_cache(cache):
    from diurna.knowledge.phoenix import PhoenixNames

    first, again = PhoenixNames(), PhoenixNames()
    assert list(cache.glob("knowledge-phoenix-*.pickle"))
    assert first.keys == again.keys and len(first) == len(again) > 20_000
