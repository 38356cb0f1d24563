"""Every table of the store as one Parquet file (DuckDB writes Parquet itself: no pyarrow)."""

from __future__ import annotations

from pathlib import Path

from ..duckdb import Store
from ..schema import TABLES


def export(store: Store, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = out / f"{table}.parquet"
        quoted = "'" + str(path).replace("'", "''") + "'"
        store.con.execute(f"COPY (SELECT * FROM {table}) TO {quoted} (FORMAT parquet, COMPRESSION zstd)")
        written.append(path)
    return written
