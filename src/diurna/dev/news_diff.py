"""Two `diurna eval news` reports compared on dev: the metrics of dev, dev-a and dev-b
before and after, and the dev stories a change touched.

    diurna eval news --split dev --report /tmp/before.json     # on main
    diurna eval news --split dev --report /tmp/after.json      # with the change
    python -m diurna.dev.news_diff /tmp/before.json /tmp/after.json

A story is touched when its own counts (the report's per-story `tally`: predicted,
dyadic, right, core hit ...) or its wrong dyadic events differ. Test stories are never
read or printed (held out), whatever the reports hold. Paste the output into the commit
message: it gives both halves and how many stories the change touched.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# The metrics printed, in order (each report's `splits`/`details.halves` hold more).
METRICS = ("core_recall", "core_recall_root", "event_recall", "dyadic_precision", "one_actor_precision",
           "precision", "actorless_share", "events_per_article")
# The per-story counts shown for a touched story.
COUNTS = ("predicted", "dyadic", "dyadic_ok", "one_actor", "one_actor_ok", "actorless", "right", "core_hit",
          "event_hit")


def dev_figures(report: dict[str, Any]) -> dict[str, dict[str, float]]:
    """{"dev" | "dev-a" | "dev-b": metrics}: what the report holds of dev and its halves."""
    out = {"dev": report.get("splits", {}).get("dev", {})}
    out.update(report.get("details", {}).get("halves", {}))
    return {name: figures for name, figures in out.items() if figures}


def dev_stories(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {sid: d for sid, d in report.get("details", {}).get("stories", {}).items() if d.get("split") == "dev"}


def touched(before: dict[str, Any], after: dict[str, Any]) -> list[tuple[str, str, dict[str, tuple[int, int]]]]:
    """(story, half, {count: (before, after)}) of every dev story in both reports whose
    counts or wrong dyadic events differ, sorted by half and story."""
    old, new = dev_stories(before), dev_stories(after)
    out = []
    for sid in sorted(set(old) & set(new), key=lambda s: (old[s].get("half", ""), s)):
        a, b = old[sid].get("tally", {}), new[sid].get("tally", {})
        moved = {k: (a.get(k, 0), b.get(k, 0)) for k in COUNTS if a.get(k, 0) != b.get(k, 0)}
        if moved or sorted(old[sid].get("wrong_dyadic", [])) != sorted(new[sid].get("wrong_dyadic", [])):
            out.append((sid, old[sid].get("half", "-"), moved))
    return out


def render(before: dict[str, Any], after: dict[str, Any]) -> str:
    old, new = dev_figures(before), dev_figures(after)
    names = [n for n in ("dev", "dev-a", "dev-b") if n in old and n in new]
    lines = [f"{'metric':<22}" + "".join(f" {n + ' before':>14} {'after':>7}" for n in names)]
    for m in METRICS:
        if all(m in old[n] and m in new[n] for n in names):
            lines.append(f"{m:<22}" + "".join(f" {old[n][m]:>14.4f} {new[n][m]:>7.4f}" for n in names))
    changed = touched(before, after)
    per_half = {h: sum(1 for _, half, _ in changed if half == h) for h in ("dev-a", "dev-b")}
    lines.append(f"dev stories touched: {len(changed)} of {len(dev_stories(after))} "
                 f"(dev-a {per_half['dev-a']}, dev-b {per_half['dev-b']})")
    for sid, half, moved in changed:
        what = ", ".join(f"{k} {a}->{b}" for k, (a, b) in moved.items()) or "wrong dyadic events differ"
        lines.append(f"  {sid} ({half}): {what}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path, help="the report without the change")
    ap.add_argument("after", type=Path, help="the report with it")
    args = ap.parse_args(argv)
    reports = [json.loads(p.read_text("utf-8")) for p in (args.before, args.after)]
    print(render(*reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())
