"""Query latency over a generated store with ~1M merged events (not a timed test).

    .venv/bin/python benchmarks/store_bench.py [--events 1000000] [--db /tmp/bench.duckdb] [--report FILE]

The store is generated with SQL straight into the tables `diurna ingest` fills (events,
event_evidence, documents, entities), with a realistic spread of actors, codes, days,
countries and evidence words, then every `diurna events` filter is timed (best of 3,
warm) through the Python query API the CLI uses. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from diurna.store import Store, query
from diurna.store.query import EventFilter

COUNTRIES = ["GND", "ROH", "MOR", "ISG", "SHR", "ERB", "DAL", "LOR", "FAN", "HAR", "RHU", "UMB"]
SECTORS = ["GOV", "MIL", "OPP", "REB", "BUS", "MED", "CVL", "JUD"]


def generate(store: Store, n_events: int) -> None:
    """Fill the store with n_events merged events and ~1.3 reports each (one transaction)."""
    c = store.con
    n_docs = max(1, n_events // 4)
    countries = "[" + ", ".join(f"'{x}'" for x in COUNTRIES) + "]"
    sectors = "[" + ", ".join(f"'{x}'" for x in SECTORS) + "]"
    c.execute("BEGIN TRANSACTION")
    c.execute(f"""
        INSERT INTO documents (id, url, title, published, publisher, language, text, origin, source_key, lead_end,
                               ingested_at)
        SELECT printf('%016x', i), 'https://news' || (i % 400) || '.example/' || i, 'Story ' || i,
               DATE '2020-01-01' + (i % 2200)::INTEGER, 'Outlet ' || (i % 400), 'en', 'text ' || i, 'gen',
               'publisher:outlet ' || (i % 400), 100, TIMESTAMP '2026-01-01' + to_seconds(i)
        FROM range({n_docs}) t(i)""")
    c.execute(f"""
        INSERT INTO events (id, block, code, root_code, base_code, label, quad_class, goldstein, plover_type,
            source_name, source_country, source_actor_code, target_name, target_country, target_actor_code,
            date, date_precision, day, location_name, location_country, lat, lon, modality, is_root, confidence,
            num_mentions, num_sources, num_articles, documents, url, anchor_doc, evidence_text, trigger,
            first_added, updated_at, search)
        SELECT 'V' || printf('%015x', i), 'b' || (i % 50000),
            lpad(((i * 7) % 20 + 1)::VARCHAR, 2, '0') || ((i * 13) % 6)::VARCHAR,
            lpad(((i * 7) % 20 + 1)::VARCHAR, 2, '0'), lpad(((i * 7) % 20 + 1)::VARCHAR, 2, '0') || ((i * 13) % 6)::VARCHAR,
            'label ' || (i % 97), (i % 4) + 1, ((i % 21) - 10)::DOUBLE, 'CONSULT',
            'Leader ' || (i % 5000), {countries}[(i % 12) + 1], {countries}[(i % 12) + 1] || {sectors}[((i // 12) % 8) + 1],
            'Leader ' || ((i * 31) % 5000), {countries}[((i // 7) % 12) + 1],
            {countries}[((i // 7) % 12) + 1] || {sectors}[((i // 96) % 8) + 1],
            strftime(DATE '2020-01-01' + (i % 2200)::INTEGER, '%Y-%m-%d'), 'day', DATE '2020-01-01' + (i % 2200)::INTEGER,
            'City ' || (i % 3000), {countries}[((i * 7) % 12) + 1], (i % 180) - 90.0, (i % 360) - 180.0,
            'asserted', i % 3 = 0, 0.8, 1 + (i % 5), 1 + (i % 3), 1 + (i % 4),
            [printf('%016x', i % {n_docs})], 'https://news.example/' || i, printf('%016x', i % {n_docs}),
            'evidence sentence number ' || i || ' about talks in city ' || (i % 3000), 'met',
            TIMESTAMP '2026-01-01' + to_seconds(i), TIMESTAMP '2026-01-01' + to_seconds(i),
            lower('label ' || (i % 97) || ' leader ' || (i % 5000) || ' city ' || (i % 3000) ||
                  ' evidence sentence number ' || i || ' about talks in city ' || (i % 3000) || CASE WHEN i % 1000 = 0 THEN ' ceasefire' ELSE '' END)
        FROM range({n_events}) t(i)""")
    c.execute("COMMIT")


CASES = [
    ("all, newest 50", EventFilter()),
    ("--actor 'Leader 42'", EventFilter(actor="Leader 42")),
    ("--actor GNDMIL", EventFilter(actor="GNDMIL")),
    ("--country ROH", EventFilter(country="ROH")),
    ("--dyad GND-ROH", EventFilter(dyad="GND-ROH")),
    ("--code 043", EventFilter(code="043")),
    ("--root 14 --quad 4", EventFilter(root="14", quad=4)),
    ("--since 2024-01-01 --until 2024-01-31", EventFilter(since="2024-01-01", until="2024-01-31")),
    ("--q ceasefire", EventFilter(q="ceasefire")),
    ("--q 'talks city 17'", EventFilter(q="talks city 17")),
    ("--actor Leader --country MOR --q talks --limit 1000", EventFilter(actor="Leader", country="MOR", q="talks", limit=1000)),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default="/tmp/diurna-bench.duckdb")
    parser.add_argument("--report", type=Path)
    args = parser.parse_args()
    Path(args.db).unlink(missing_ok=True)
    Path(args.db + ".wal").unlink(missing_ok=True)
    t0 = time.perf_counter()
    with Store(args.db) as store:
        generate(store, args.events)
    print(f"generated {args.events:,} events in {time.perf_counter() - t0:.1f} s -> {args.db}")
    figures = {}
    with Store(args.db, read_only=True) as store:
        print(f"{'query':<55} {'rows':>6} {'best ms':>9}")
        for label, f in CASES:
            times, rows = [], 0
            for _ in range(3):
                t = time.perf_counter()
                rows = len(query.events(store, f))
                times.append(time.perf_counter() - t)
            figures[label] = {"rows": rows, "best_ms": round(1000 * min(times), 1)}
            print(f"{label:<55} {rows:>6} {1000 * min(times):>9.1f}")
        t = time.perf_counter()
        stats = query.stats(store)
        figures["stats"] = {"rows": stats["counts"]["events"], "best_ms": round(1000 * (time.perf_counter() - t), 1)}
        print(f"{'stats':<55} {stats['counts']['events']:>6} {figures['stats']['best_ms']:>9.1f}")
    if args.report:
        args.report.write_text(json.dumps({"events": args.events, "queries": figures}, indent=2) + "\n")


if __name__ == "__main__":
    main()
