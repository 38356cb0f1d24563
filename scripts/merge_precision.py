"""Merge precision (issue 19): of the events the store merges across articles, how many
join reports of the same occurrence? Judged by hand, pair by pair.

    .venv/bin/python scripts/merge_precision.py STORE --corpus voa            # precision
    .venv/bin/python scripts/merge_precision.py STORE --corpus voa --sample 30 --show   # to judge

Each cross-article pair of reports in a merged event was read (the two evidence sentences
and their articles' context) and judged `same` (one real occurrence) or `different`.
Judgements are pairs of report ids (doc_id:local_id) with a verdict, no article text, in
src/diurna/evaluate/data/merge_judgements.jsonl. The script recomputes the merge from the
store's evidence rows with the current rules (`strict`) and with the old rules (code
family, dyad, modality, day and place only: `loose`), and prints for both: merged events
across articles, cross-article pairs, judged pairs and precision (same / judged), and
event precision (merged events whose pairs are all `same`, over those settled: all pairs
judged `same`, or one judged `different`), and how many of the pairs judged `same` the rule
keeps (what the stricter rule costs). VOA was judged in full (every cross-article pair of
both rules); the rule was chosen on it. BBC (politics, no publication dates) was judged
afterwards on a sample of merged events of each rule, as the check the rule was not tuned on.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
from pathlib import Path
from typing import Any

from diurna.store import merge
from diurna.store.refresh import ARTICLE_FIELDS, stored_event_record

JUDGEMENTS = Path(__file__).resolve().parents[1] / "src/diurna/evaluate/data/merge_judgements.jsonl"


def evidence_rows(db: str) -> list[dict[str, Any]]:
    import duckdb

    con = duckdb.connect(db, read_only=True)
    article = ", ".join(f"d.{column} AS {name}" for name, column in ARTICLE_FIELDS)
    cur = con.execute(f"SELECT ev.*, {article} FROM event_evidence ev JOIN documents d ON d.id = ev.doc_id")
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r)) for r in cur.fetchall()]
    con.close()
    return rows


def merged_groups(rows: list[dict[str, Any]], strict: bool) -> list[tuple[str, ...]]:
    """Merged events reported by two articles or more, as sorted report ids."""
    records = [stored_event_record(r) for r in rows]
    out = []
    for c in merge.cluster_events(records, strict=strict):
        if len({doc for doc, _ in c.members}) > 1:
            out.append(tuple(sorted(f"{doc}:{local}" for doc, local in c.members)))
    return sorted(out)


def cross_pairs(group: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(a, b) for a, b in itertools.combinations(group, 2) if a.split(":")[0] != b.split(":")[0]]


def load_judgements(corpus: str) -> dict[tuple[str, str], bool]:
    out: dict[tuple[str, str], bool] = {}
    if JUDGEMENTS.exists():
        for line in JUDGEMENTS.read_text(encoding="utf-8").splitlines():
            j = json.loads(line)
            if j["corpus"] == corpus:
                out[tuple(sorted((j["a"], j["b"])))] = j["verdict"] == "same"
    return out


def score(groups: list[tuple[str, ...]], judged: dict[tuple[str, str], bool]) -> dict[str, Any]:
    """Pair precision over judged cross-article pairs; event precision over merged events
    that are settled: wrong when one judged pair is `different`, right when all are `same`."""
    pairs = [p for g in groups for p in cross_pairs(g)]
    verdicts = [judged[p] for p in pairs if p in judged]
    wrong = [g for g in groups if any(judged.get(p) is False for p in cross_pairs(g))]
    right = [g for g in groups if cross_pairs(g) and all(judged.get(p) is True for p in cross_pairs(g))]
    kept = {p for p in pairs if judged.get(p)}
    return {"merged_events": len(groups), "cross_pairs": len(pairs), "judged_pairs": len(verdicts),
            "pair_precision": round(sum(verdicts) / len(verdicts), 3) if verdicts else None,
            "judged_events": len(wrong) + len(right),
            "event_precision": round(len(right) / (len(right) + len(wrong)), 3) if right or wrong else None,
            "same_pairs_kept": f"{len(kept)} of {sum(judged.values())}"}


def sample(groups: list[tuple[str, ...]], n: int) -> list[tuple[str, ...]]:
    """n merged events in a fixed pseudo-random order (a hash of their report ids)."""
    return sorted(groups, key=lambda g: hashlib.sha256("|".join(g).encode()).hexdigest())[:n]


def show(groups: list[tuple[str, ...]], rows: list[dict[str, Any]], judged: dict[tuple[str, str], bool]) -> None:
    by_id = {f"{r['doc_id']}:{r['local_id']}": r for r in rows}
    for g in groups:
        todo = [p for p in cross_pairs(g) if p not in judged]
        if not todo:
            continue
        print("=" * 100)
        for rid in g:
            r = by_id[rid]
            print(f"{rid} {r['code']} {r['source_name']!r} -> {r['target_name']!r} date={r['date']} "
                  f"pub={str(r['published'])[:10]} loc={r['location_name']}/{r['location_country']} title={r['doc_title']!r}")
            print("    ", r["text"])
        print("pairs to judge:", todo)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db")
    ap.add_argument("--corpus", required=True, help="name the judgements are filed under (voa, bbc)")
    ap.add_argument("--sample", type=int, default=0, help="with --show: how many merged events to list")
    ap.add_argument("--show", action="store_true", help="print the sampled merged events' evidence to judge")
    ap.add_argument("--loose", action="store_true", help="with --show: sample the old rules' merges")
    args = ap.parse_args()
    rows = evidence_rows(args.db)
    judged = load_judgements(args.corpus)
    groups = {strict: merged_groups(rows, strict) for strict in (True, False)}
    if args.show:
        show(sample(groups[not args.loose], args.sample), rows, judged)
        return
    print(json.dumps({"corpus": args.corpus, "documents": len({r["doc_id"] for r in rows}), "reports": len(rows),
                      "strict": score(groups[True], judged), "loose": score(groups[False], judged)}, indent=2))


if __name__ == "__main__":
    main()
