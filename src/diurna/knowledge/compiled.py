"""Compiled knowledge: the parsed form of shipped knowledge files, kept in the cache folder.

Parsing the knowledge YAML with PyYAML's pure-Python loader was the largest part of
start-up (about 5 of the 8 seconds before the first result, issue 20), and reading the
Phoenix actors the next. The parsed data is pickled once into the cache folder and
read back on later runs. The entry's name carries a hash of the source bytes, of what
was done to them (loader and its version), diurna's version, the pickle format and
Python's version, so an edited knowledge file, an upgrade or another interpreter never
reads a stale entry: it parses and writes a new one. What a loader returns is exactly
what it returned when it parsed the same bytes.

The folder is $DIURNA_CACHE (when set and not empty), else $XDG_CACHE_HOME/diurna, else ~/.cache/diurna (the
geo gazetteer keeps its index there too). DIURNA_CACHE=off turns the cache off. A
broken or unreadable entry is parsed again; a folder that cannot be written is only
slower.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import yaml

CACHE_ENV = "DIURNA_CACHE"
FORMAT = "diurna-compiled-1"
T = TypeVar("T")


def cache_dir() -> Path | None:
    """The cache folder, or None when DIURNA_CACHE=off."""
    own = os.environ.get(CACHE_ENV)
    if own:  # unset or empty: the default folder, as for the geo gazetteer's cache
        return None if own.strip().lower() in ("off", "0", "false") else Path(own)
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "diurna"


def parse_yaml(text: str, name: str, loader: type = yaml.SafeLoader) -> Any:
    """`yaml.load(text, Loader=loader)`, read from the cache entry for this exact text
    and loader when there is one; `name` only makes the entry's file name readable. A
    loader's error is raised as it is (only good parses are kept)."""
    kind = f"yaml:{loader.__module__}.{loader.__qualname__}:{yaml.__version__}"
    return compiled(name, kind, text.encode("utf-8"), lambda: yaml.load(text, Loader=loader))  # noqa: S506 - safe loaders only


def compiled(name: str, kind: str, source: bytes, build: Callable[[], T]) -> T:
    """build(), or what it returned last time for the same `source` bytes, `kind` (what
    build does, with its version) and diurna version, read from the cache folder."""
    path = entry_path(name, kind, source)
    if path is not None and path.is_file():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)  # type: ignore[no-any-return, unused-ignore]
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError, IndexError, TypeError):
            pass  # a broken entry is built again and replaced below
    data = build()
    if path is not None:
        write_pickle(path, data)
    return data


def entry_path(name: str, kind: str, source: bytes) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    from .. import __version__

    digest = hashlib.sha256()
    for part in (FORMAT, kind, __version__, sys.version, str(pickle.HIGHEST_PROTOCOL)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    digest.update(source)
    stem = "".join(c if c.isalnum() else "-" for c in Path(name).name.split(".")[0])
    return folder / f"knowledge-{stem}-{digest.hexdigest()[:20]}.pickle"


def write_pickle(path: Path, data: Any) -> None:
    """Pickle `data` to `path` atomically; a read-only folder is not an error (the caller
    parses again next time)."""
    write_bytes(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically: concurrent workers never read half a file. A
    read-only folder is not an error (the caller builds again next time). Shared by the
    knowledge cache and the geo gazetteer's index."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass  # read-only home: parse or build again next time
