"""Exports of a store: `parquet` (every table), `gdelt` (GDELT 2.0 event format),
`plover` (PLOVER JSON records). Each writes into a folder and returns the files written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..duckdb import Store
from . import gdelt, parquet, plover

FORMATS: dict[str, Callable[[Store, Path], list[Path]]] = {
    "parquet": parquet.export,
    "gdelt": gdelt.export,
    "plover": plover.export,
}


def sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


__all__ = ["FORMATS", "sql_path"]
