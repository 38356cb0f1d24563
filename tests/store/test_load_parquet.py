"""`diurna load`: Parquet tables back into the store, equal to a store that ingested
everything itself (fictional stories from store_builders)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from diurna.errors import DiurnaError
from diurna.store import Store
from diurna.store.export import parquet
from diurna.store.load import load
from diurna.store.schema import TABLES

from .store_builders import story

NOW = datetime(2026, 3, 5, 12, 0, 0)
OUTLETS = {"a": "Gondor Herald", "b": "Rohan Times", "c": "Gondor Herald"}


def _results(ids):
    return [story(i, publisher=OUTLETS[i], prefix=f"Story {i}. ") for i in ids]


def _store(path: Path, ids) -> Path:
    with Store(path) as s:
        s.write(_results(ids), now=NOW)
    return path


def _export(db: Path, out: Path) -> Path:
    with Store(db, read_only=True) as s:
        parquet.export(s, out)
    return out


def _tables(db: Path) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLES}
    finally:
        con.close()


def test_load_parquet_export_round_trip_equals_source(tmp_path):
    source = _store(tmp_path / "a.duckdb", "abc")
    report = load(_export(source, tmp_path / "out"), tmp_path / "b.duckdb")
    assert (report.documents, report.skipped, report.blocks_merged) == (3, 0, 0)
    assert report.blocks_taken > 0
    assert _tables(tmp_path / "b.duckdb") == _tables(source)


def test_load_into_a_store_that_holds_some_articles_merges_again(tmp_path):
    full = _store(tmp_path / "full.duckdb", "abc")
    partial = _store(tmp_path / "partial.duckdb", "a")
    report = load(_export(full, tmp_path / "out"), partial)
    assert (report.documents, report.skipped) == (2, 1)
    assert report.blocks_merged > 0  # the talks' blocks already held story a
    assert _tables(partial) == _tables(full)
    again = load(tmp_path / "out", partial)  # loading twice adds nothing
    assert (again.documents, again.skipped, again.errors) == (0, 3, 0)
    assert _tables(partial) == _tables(full)


def test_load_takes_merged_tables_as_computed_for_new_blocks(tmp_path):
    """New blocks are not merged again: the loaded `events` rows are what lands, so a
    test comparing Spark's output with the store does check Spark's merge."""
    out = _export(_store(tmp_path / "a.duckdb", "abc"), tmp_path / "out")
    con = duckdb.connect()
    path = str(out / "events.parquet")
    con.execute(f"COPY (SELECT * REPLACE (num_mentions + 100 AS num_mentions) FROM read_parquet('{path}')) "
                f"TO '{path}.tmp' (FORMAT parquet)")
    Path(path + ".tmp").replace(path)
    load(out, tmp_path / "b.duckdb")
    with Store(tmp_path / "b.duckdb", read_only=True) as s:
        assert s.scalar("SELECT min(num_mentions) FROM events") > 100


@pytest.mark.parametrize("damage", ["missing_table", "missing_column"])
def test_load_refuses_a_folder_that_is_not_diurna_tables(tmp_path, damage):
    out = _export(_store(tmp_path / "a.duckdb", "a"), tmp_path / "out")
    if damage == "missing_table":
        (out / "events.parquet").unlink()
    else:
        p = str(out / "quotes.parquet")
        duckdb.connect().execute(f"COPY (SELECT * EXCLUDE (cue) FROM read_parquet('{p}')) TO '{p}.tmp' (FORMAT parquet)")
        Path(p + ".tmp").replace(p)
    with pytest.raises(DiurnaError) as exc:
        load(out, tmp_path / "b.duckdb")
    assert exc.value.code == "E016"
    assert not (tmp_path / "b.duckdb").exists()  # checked before anything is written


def test_load_reads_a_folder_of_part_files(tmp_path):
    """Spark writes each table as a folder of part files; both layouts load."""
    out = _export(_store(tmp_path / "a.duckdb", "abc"), tmp_path / "out")
    for table in TABLES:
        f = out / f"{table}.parquet"
        f.rename(out / "part.tmp")
        f.mkdir()
        (out / "part.tmp").rename(f / "part-00000.parquet")
        (f / "_SUCCESS").write_text("")
    load(out, tmp_path / "b.duckdb")
    assert _tables(tmp_path / "b.duckdb") == _tables(tmp_path / "a.duckdb")
