"""Regular expressions compiled once per installation, not once per process (issue 20).

`re.compile` parses a pattern and generates its matching code in pure Python: for the
~250 boilerplate patterns and the amount and time patterns that came to ~60 ms CPU of
the ~1.5 s to a first result, paid again by every process. What it hands to the C
engine (`_sre.compile`: flags, code, group count, group names) is plain data, so it is
kept in the cache folder (knowledge/compiled.py) and a later process builds the same
pattern object from it in microseconds.

Same answers by construction: an entry is stored only when the pattern it rebuilds
compares equal to `re.compile`'s (a Pattern's equality covers its source, flags and
whole code) and has the same group names. The entry's name carries Python's version
and the engine's MAGIC, so another interpreter never reads code it did not write. A
missing, broken or unreadable entry only costs the compile; DIURNA_CACHE=off compiles
every time. New entries are written when the process exits, merged with what other
processes wrote since (up to LIMIT entries; past it the file starts again).
"""

from __future__ import annotations

import atexit
import hashlib
import pickle
import re
import sys
from pathlib import Path
from typing import Any

_sre: Any
try:  # CPython's regular-expression internals; without them every pattern is compiled
    import _sre  # type: ignore[import-not-found, no-redef, unused-ignore]
    from re import _compiler, _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - other interpreters
    _sre = None

Key = tuple[str, int]  # pattern source, flags
Code = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]  # _sre.compile's arguments after the source

_FORMAT = "diurna-regex-1"
# Entries kept at most (a run compiles ~450; ~1 KB each): an edited pattern leaves its old
# form behind, so the file is started again past this many rather than grow for ever
LIMIT = 4000
_read_entries: dict[Path, dict[Key, Code]] = {}  # each entry as this process first read it
_new: dict[Path, dict[Key, Code]] = {}  # compiled in this process, written at exit
_flush_registered: list[bool] = []


def regex(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, built from the cached compiled form when there is one."""
    flags = int(flags)
    path = entry_path()
    if path is None:
        return re.compile(source, flags)
    known = _read_entries.get(path)
    if known is None:
        known = _read_entries[path] = _read(path) or {}
    code = known.get((source, flags))
    if code is not None:
        try:
            return _sre.compile(source, *code)  # type: ignore[no-any-return, unused-ignore]
        except (TypeError, ValueError, RuntimeError):
            pass  # a broken entry: compile as re does
    pattern = re.compile(source, flags)
    code = _code(source, flags, pattern)
    if code is not None:
        if not _flush_registered:
            _flush_registered.append(True)
            atexit.register(flush)
        _new.setdefault(path, {})[(source, flags)] = code
    return pattern


def _code(source: str, flags: int, pattern: re.Pattern[str]) -> Code | None:
    """What re._compiler.compile hands to _sre.compile for `source`, checked to rebuild
    `pattern` exactly; None when it does not (or the internals are not there)."""
    if _sre is None:
        return None
    try:
        parsed = _parser.parse(source, flags)
        code = [int(c) for c in _compiler._code(parsed, flags)]  # plain ints: opcodes are named ints
        groups = parsed.state.groupdict
        names: list[str | None] = [None] * parsed.state.groups
        for name, i in groups.items():
            names[i] = name
        out: Code = (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groups), tuple(names))
        rebuilt = _sre.compile(source, *out)
    except Exception:  # noqa: BLE001 - internals changed: no entry, the pattern stands
        return None
    same = rebuilt == pattern and rebuilt.groupindex == pattern.groupindex and rebuilt.flags == pattern.flags
    return out if same else None


def entry_path() -> Path | None:
    """The cache entry for this interpreter and engine, or None when the cache is off."""
    from .compiled import cache_dir

    folder = cache_dir()
    if folder is None or _sre is None:
        return None
    return folder / _NAME


def _name() -> str:
    parts = (_FORMAT, sys.version, str(getattr(_sre, "MAGIC", "")), str(getattr(_sre, "CODESIZE", "")),
             str(pickle.HIGHEST_PROTOCOL))
    return f"regex-{hashlib.sha256(chr(0).join(parts).encode('utf-8')).hexdigest()[:20]}.pickle"


_NAME = _name()


def _read(path: Path) -> dict[Key, Code] | None:
    try:
        with path.open("rb") as fh:
            data: Any = pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, IndexError, TypeError):
        return None
    return data if isinstance(data, dict) else None


def flush() -> None:
    """Write this process's new entries, merged with each entry as it is now on disk."""
    from .compiled import write_pickle

    for path, entries in list(_new.items()):
        merged = _read(path) or {}
        if len(merged) + len(entries) > LIMIT:
            merged = {}  # patterns of edited knowledge files pile up: start again from this process's
        merged.update(entries)
        write_pickle(path, merged)
        _read_entries[path] = merged
    _new.clear()
