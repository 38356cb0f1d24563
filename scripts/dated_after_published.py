"""Share of asserted events dated after their article's publication (issue 18).

An asserted event is something the text says happened; a date after the article was
published is a misread relative expression ("two decades later" read from the
publication date) or a scheduled act that should be `future`. Target: <= 0.2%.

    .venv/bin/python scripts/dated_after_published.py [voa bbc polnear] [--every N] [--show]

VOA: every story except the held-out ones: the news gold's test stories and every story
whose split_of("voa", id) is test (the rule that chose the test stories coded later);
published from the record.
BBC: every Nth text file (default 10: 223 files) of the 2004-2005 corpus, published 2005-12-31
(the corpus carries no dates; the end of its era is the latest it can be).
PolNeAR dev: published from the file name (source_YYYY-MM-DD_slug.txt).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from diurna.evaluate.base import split_of

DATA = Path("/work/shared/data")
BBC_PUBLISHED = "2005-12-31"


def _held_out() -> set[str]:
    gold = resources.files("diurna.evaluate").joinpath("data/news_gold.jsonl").read_text("utf-8")
    return {str(s["story"]) for s in map(json.loads, gold.splitlines()) if s["split"] == "test"}


def voa(every: int) -> Iterator[dict[str, Any]]:
    held_out = _held_out()
    with open(DATA / "corpora/voa_stories.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if str(r["id"]) not in held_out and split_of("voa", str(r["id"])) == "dev":
                yield {"id": r["id"], "text": r["text"], "published": r["published"][:10]}


def bbc(every: int) -> Iterator[dict[str, Any]]:
    files = sorted((DATA / "corpora/bbc").rglob("*.txt"))
    for p in files[::every]:
        yield {"id": str(p.relative_to(DATA / "corpora/bbc")), "text": p.read_text(encoding="latin-1"),
               "published": BBC_PUBLISHED}


def polnear(every: int) -> Iterator[dict[str, Any]]:
    for p in sorted((DATA / "quotes/polnear/dev/text").glob("*.txt")):
        m = re.search(r"_(\d{4}-\d{2}-\d{2})_", p.name)
        yield {"id": p.stem, "text": p.read_text(encoding="utf-8"), "published": m.group(1) if m else None}


CORPORA = {"voa": voa, "bbc": bbc, "polnear": polnear}


def after(date: str, published: str) -> bool:
    """Is the event's period entirely after the publication day?"""
    return date > published[:len(date)]


def measure(name: str, every: int, show: bool) -> tuple[int, int]:
    from diurna.model import ErrorResult
    from diurna.pipeline import Pipeline

    records = list(CORPORA[name](every))
    asserted = late = 0
    for rec, out in zip(records, Pipeline().process_many(records), strict=True):
        if isinstance(out, ErrorResult) or not rec["published"]:
            continue
        for ev in out.facts.events:
            if ev.modality != "asserted":
                continue
            asserted += 1
            if ev.date and after(ev.date, rec["published"]):
                late += 1
                if show:
                    print(f"  {rec['id']} pub={rec['published']} date={ev.date} {ev.code}: "
                          f"{ev.evidence.text[:200]!r}")
    return asserted, late


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpora", nargs="*", default=list(CORPORA))
    ap.add_argument("--every", type=int, default=10, help="BBC: every Nth file")
    ap.add_argument("--show", action="store_true", help="print each late event")
    args = ap.parse_args()
    for name in args.corpora:
        asserted, late = measure(name, args.every, args.show)
        share = late / asserted if asserted else 0.0
        print(f"{name}: {late}/{asserted} asserted events dated after publication = {share:.2%}")


if __name__ == "__main__":
    main()
