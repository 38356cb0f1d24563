"""engines.ingest end to end with the real pipeline: idempotent re-ingest, and kill -9
mid-ingest followed by a resume gives the same tables as a clean run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from diurna.engines.ingest import ingest
from diurna.store import Store

from .store_builders import snapshot

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
OUTLETS = ("Gondor Gazette", "Rohan Herald", "Shire Courier")


def write_corpus(folder: Path) -> Path:
    """Fourteen short articles (ours), twelve in JSONL with ids, two id-less text files, one bad line."""
    folder.mkdir()
    lines = []
    for n in range(12):
        day, outlet = DAYS[n % len(DAYS)], OUTLETS[n % len(OUTLETS)]
        text = (f"King Elessar of Gondor met Queen Eowyn of Rohan in Minas Tirith on {day}, officials said.\n\n"
                f"Elessar told the {outlet} that the western road would reopen. Article {n}.")
        lines.append(json.dumps({"id": f"a{n}", "text": text, "publisher": outlet, "published": "2026-03-06"}))
    lines.insert(5, json.dumps({"id": "bad", "text": ""}))
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "one.txt").write_text("Faramir of Gondor visits Dol Amroth\n\nFaramir of Gondor arrived in Dol Amroth "
                                    "on Tuesday for talks with Prince Imrahil.\n", encoding="utf-8")
    (folder / "two.txt").write_text("Ents march on Isengard\n\nTreebeard said the Ents of Fangorn would march on "
                                    "Isengard, Saruman's fortress.\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def store_settings(settings):
    """Entities only: the store is under test here, and extractors still changing in the
    tree must not make two runs differ (the event merge is tested with built records)."""
    return settings.replace(batch_size=4, extractors=("entities",))


@pytest.fixture(scope="module")
def store_pipeline(store_settings, session_pipeline):
    from diurna import Pipeline

    return Pipeline(store_settings, nlp=session_pipeline.nlp)  # the session's spaCy model: no second load


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "in")


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory, store_settings, store_pipeline):
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    report = ingest([corpus], db, store_settings, pipeline=store_pipeline)
    with Store(db, read_only=True) as store:
        return report, snapshot(store)


def test_ingest_stores_documents_and_errors(clean_run):
    report, snap = clean_run
    assert (report.stored, report.errors, report.skipped) == (14, 1, 0)
    assert len(snap["documents"]) == 14
    assert [row[3] for row in snap["errors"]] == ["E006"]  # (id, doc_id, origin, code, ...)


def test_ingest_rerun_adds_nothing(corpus, clean_run, tmp_path, store_settings, store_pipeline):
    db = tmp_path / "again.duckdb"
    ingest([corpus], db, store_settings, pipeline=store_pipeline)
    report = ingest([corpus], db, store_settings, pipeline=store_pipeline)
    assert (report.stored, report.skipped, report.errors) == (0, 14, 1)
    with Store(db, read_only=True) as store:
        assert snapshot(store) == clean_run[1]


_CHILD = textwrap.dedent("""
    import sys, time
    from diurna import Settings
    from diurna.engines.ingest import ingest

    def slow(progress):
        print("committed", progress.seen, flush=True)
        time.sleep(0.5)  # so that the kill lands while later batches are in flight

    ingest([sys.argv[1]], sys.argv[2], Settings.load().replace(batch_size=3, extractors=("entities",)), on_progress=slow)
    print("finished", flush=True)
""")


@pytest.mark.slow  # ~5 s: an ingest in a subprocess, killed, then resumed
def test_ingest_kill_9_then_resume_equals_clean_run(corpus, clean_run, tmp_path, store_settings, store_pipeline):
    db = tmp_path / "killed.duckdb"
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(corpus), str(db)], stdout=subprocess.PIPE, text=True)
    try:
        first = child.stdout.readline()  # type: ignore[union-attr]
        assert first.startswith("committed"), first
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    with Store(db, read_only=True) as store:  # what survived is whole documents only
        partial = snapshot(store)
    assert 0 < len(partial["documents"]) < 14
    stored_docs = {r[0] for r in partial["documents"]}
    assert {r[0] for r in partial["doc_entities"]} == stored_docs  # every stored article has all its entities
    assert {r[0] for r in partial["mentions"]} == stored_docs
    report = ingest([corpus], db, store_settings, pipeline=store_pipeline)
    assert report.stored == 14 - len(partial["documents"])
    with Store(db, read_only=True) as store:
        assert snapshot(store) == clean_run[1]


@pytest.mark.slow
def test_ingest_workers_equal_one_process(clean_run, corpus, tmp_path, store_settings):
    """Two worker processes (the local engine) store the same tables as one process."""
    db = tmp_path / "two.duckdb"
    report = ingest([corpus], db, store_settings, workers=2)
    with Store(db, read_only=True) as store:
        assert snapshot(store) == clean_run[1]
    assert (report.stored, report.errors) == (clean_run[0].stored, clean_run[0].errors)
