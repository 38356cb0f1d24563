"""The repeats of one act in a `diurna eval news` report, each beside the event that found
the act, on dev only.

    diurna eval news --split dev-a --report /tmp/a.json
    python -m diurna.dev.news_repeats /tmp/a.json [--kind statement] [--story ID]

A repeat is what the scorer counts as a duplicate (`evaluate/news.py`): a predicted event
matching (sentence and root) a gold act an earlier predicted event already claimed. Each
is put in one of three kinds, to see which merge would remove it:
- `trigger`: both events have the same trigger word (coordinated sides of one trigger:
  "banned imports of chicks and hatching eggs", "met officials and lawmakers");
- `statement`: one of the two is a statement (CAMEO 01) and the other is not (a statement
  beside the act it reports);
- `other`: two triggers for one act (a noun and a verb, a repeat in another wording).
Test stories are never read or printed (held out), whatever the report holds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KINDS = ("trigger", "statement", "other")
_LABEL = re.compile(r"^(?P<code>\S+) \[(?P<trigger>[^\]]*)\] (?P<rest>.*)$")  # news.pred_event's label


@dataclass(frozen=True, slots=True)
class Repeat:
    story: str
    half: str
    sentence: str
    found_by: str  # the label of the event that claimed the act
    repeat: str  # the label of the repeat

    @property
    def kind(self) -> str:
        first, second = _parts(self.found_by), _parts(self.repeat)
        if first[1].casefold() == second[1].casefold():
            return "trigger"
        if (first[0][:2] == "01") != (second[0][:2] == "01"):
            return "statement"
        return "other"


def _parts(label: str) -> tuple[str, str]:
    """(code, trigger) of a predicted event's label; ("", "") when it is not one."""
    m = _LABEL.match(label)
    return (m["code"], m["trigger"]) if m else ("", "")


def repeats(report: dict[str, Any]) -> list[Repeat]:
    """Every repeat of the report's dev stories, by half, story and order."""
    out = []
    for sid, story in report.get("details", {}).get("stories", {}).items():
        if story.get("split") != "dev":
            continue
        for r in story.get("repeats", []):
            out.append(Repeat(sid, story.get("half", "-"), r["sentence"], r["found_by"], r["repeat"]))
    return sorted(out, key=lambda r: (r.half, r.story))


def render(found: list[Repeat], kind: str | None = None, story: str | None = None) -> str:
    chosen = [r for r in found if (kind is None or r.kind == kind) and (story is None or r.story == story)]
    lines = []
    for r in chosen:
        lines += [f"{r.story} ({r.half}) {r.kind}: {' '.join(r.sentence.split())[:160]}",
                  f"    found by  {r.found_by}", f"    repeat    {r.repeat}"]
    kinds = Counter(r.kind for r in found)
    halves = Counter(r.half for r in found)
    lines.append(f"repeats: {len(found)} (" + ", ".join(f"{h} {n}" for h, n in sorted(halves.items())) + "; "
                 + ", ".join(f"{k} {kinds[k]}" for k in KINDS) + f"); shown {len(chosen)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("report", type=Path, help="a `diurna eval news --report` file")
    ap.add_argument("--kind", choices=KINDS, help="show only repeats of this kind")
    ap.add_argument("--story", help="show only this dev story")
    args = ap.parse_args(argv)
    print(render(repeats(json.loads(args.report.read_text("utf-8"))), args.kind, args.story))
    return 0


if __name__ == "__main__":
    sys.exit(main())
