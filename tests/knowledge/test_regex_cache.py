"""Regular expressions rebuilt from their cached compiled form equal what re.compile makes."""

from __future__ import annotations

import re

import pytest

from diurna.knowledge import compiled, regex_cache

PATTERNS = [
    (r"abc+", 0),
    (r"(?P<num>\d{1,3}(?:,\d{3})+)(?P<scale>\s*million)?", re.I),
    (r"^(?![^\"“”]*[\"“”])(?:Photo|Image):\s", re.I),
    (r"(?<![\w$€£¥])(?P<sym>[$€])\s?(\d+)(?![\d.,]\d)", 0),
    (r"(a)(b)?\2", 0),  # a backreference
    (r"^\s*<(?:html|body)\b.*?</body>", re.I | re.S),
    (r"(?i)inline flags|[A-Z]", 0),  # flags set inside the pattern
    (r"\bSaïd\b|جنيف", 0),  # non-ASCII
]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(compiled.CACHE_ENV, str(tmp_path))
    monkeypatch.setattr(regex_cache, "_read_entries", {})
    monkeypatch.setattr(regex_cache, "_new", {})
    return tmp_path


def _fresh_process(monkeypatch):
    """Forget what this process read and compiled: the next call reads the entry again."""
    monkeypatch.setattr(regex_cache, "_read_entries", {})
    monkeypatch.setattr(regex_cache, "_new", {})


@pytest.mark.parametrize("source, flags", PATTERNS)
def test_regex_cache_rebuilt_pattern_equals_re_compile(cache, monkeypatch, source, flags):
    expected = re.compile(source, flags)
    first = regex_cache.regex(source, flags)
    regex_cache.flush()
    _fresh_process(monkeypatch)

    def no_compile(*_args, **_kwargs):
        raise AssertionError("compiled again although the entry holds the pattern")

    monkeypatch.setattr(regex_cache.re, "compile", no_compile)
    again = regex_cache.regex(source, flags)
    for pattern in (first, again):
        assert pattern == expected  # source, flags and the whole compiled code
        assert (pattern.groupindex, pattern.groups, pattern.flags) == (
            expected.groupindex, expected.groups, expected.flags)


@pytest.mark.parametrize("text", ["Photo: AFP", "1,200 million", "$5", "abab", "<html><body>x</body>", "Geneva"])
def test_regex_cache_rebuilt_patterns_find_the_same(cache, monkeypatch, text):
    for source, flags in PATTERNS:
        regex_cache.regex(source, flags)
    regex_cache.flush()
    _fresh_process(monkeypatch)
    for source, flags in PATTERNS:
        got, want = regex_cache.regex(source, flags).search(text), re.compile(source, flags).search(text)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))


def test_regex_cache_entry_written_at_flush_only(cache):
    regex_cache.regex(r"x+y", 0)
    assert not list(cache.glob("regex-*.pickle"))
    regex_cache.flush()
    assert len(list(cache.glob("regex-*.pickle"))) == 1


def test_regex_cache_flush_merges_with_other_processes(cache, monkeypatch):
    regex_cache.regex(r"first", 0)
    regex_cache.flush()
    _fresh_process(monkeypatch)
    regex_cache._read_entries[regex_cache.entry_path()] = {}  # this process read the entry before the other wrote
    regex_cache.regex(r"second", 0)
    regex_cache.flush()
    entry = regex_cache._read(regex_cache.entry_path())
    assert entry is not None and {("first", 0), ("second", 0)} <= set(entry)


@pytest.mark.parametrize("value", ["off", "0", "false"])
def test_regex_cache_off_compiles_and_writes_nothing(tmp_path, monkeypatch, value):
    monkeypatch.setenv(compiled.CACHE_ENV, value)
    monkeypatch.setattr(regex_cache, "_new", {})
    assert regex_cache.regex(r"a|b", re.I) == re.compile(r"a|b", re.I)
    regex_cache.flush()
    assert regex_cache.entry_path() is None


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05K\x01."])  # the last: a pickled int
def test_regex_cache_broken_entry_only_costs_the_compile(cache, garbage):
    path = regex_cache.entry_path()
    assert path is not None
    path.write_bytes(garbage)
    assert regex_cache.regex(r"(?P<w>\w+)", 0) == re.compile(r"(?P<w>\w+)", 0)


def test_regex_cache_bad_code_in_the_entry_is_compiled_again(cache, monkeypatch):
    path = regex_cache.entry_path()
    assert path is not None
    compiled.write_pickle(path, {("ab", 0): (32, [999, 1, 2], 0, {}, (None,))})  # no valid engine code
    assert regex_cache.regex("ab", 0) == re.compile("ab", 0)


def test_regex_cache_bad_pattern_raises_as_re_does(cache):
    with pytest.raises(re.error):
        regex_cache.regex(r"(unclosed", 0)


def test_regex_cache_entry_starts_again_past_the_limit(cache, monkeypatch):
    monkeypatch.setattr(regex_cache, "LIMIT", 3)
    for source in ("a1", "a2", "a3"):
        regex_cache.regex(source, 0)
    regex_cache.flush()
    regex_cache.regex("b1", 0)
    regex_cache.flush()  # 3 kept + 1 new > 3: only this process's new entry is kept
    entry = regex_cache._read(regex_cache.entry_path())
    assert entry is not None and set(entry) == {("b1", 0)}
    assert regex_cache.regex("a1", 0) == re.compile("a1", 0)  # a dropped pattern is compiled again
