"""Split a file of fresh furniture wordings into the dev and test files of `eval clean`.

    .venv/bin/python scripts/split_fresh_furniture.py WORDINGS.yaml

WORDINGS.yaml has the categories of evaluate/data/clean_furniture.yaml at its top level
(prompts, places, datelines, credits, sites, captions, related, comments, misc) and is
kept outside the repository: only its two halves are committed, so whoever tunes the
boilerplate patterns on the dev file never sees a test wording.

The rule, fixed before the wordings were written: an entry belongs to the test half
when the lowest bit of sha256("clean-fresh:" + wording), read as a 256-bit number, is
1, else to dev (evaluate/clean_layouts.fresh_half). The wording of an entry is the
entry itself for plain strings, a place's name as in a dateline (PLACE of [PLACE, Place,
Country]), a dateline's form, a credit's text and a site's name (clean_layouts.wording_of).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

from diurna.evaluate.clean_layouts import fresh_half, wording_of

DATA = Path(__file__).resolve().parents[1] / "src" / "diurna" / "evaluate" / "data"
HEADER = """\
# Fresh furniture wordings for `diurna eval clean`'s layout pages, {half} half
# (evaluate/clean_layouts.py). Written in session 6 by an engineer who had not seen the
# boilerplate patterns (knowledge/boilerplate.yaml, src/diurna/clean/) nor their history,
# as readers meet them on news sites and in text copied from them.
#
# Split by a rule fixed in advance (scripts/split_fresh_furniture.py): an entry is in
# the test half when the lowest bit of sha256("clean-fresh:" + wording) is 1, else in
# dev; the wording of a place is its name as in a dateline, of a dateline its form, of
# a credit its text, of a site its name.
# {use}
# Categories and format as in clean_furniture.yaml.
"""
USE = {"dev": "Dev pages take this file plus the dev half of clean_furniture.yaml;\n"
              "# tune rules on these wordings only.",
       "test": "Test pages take their furniture from this file alone.\n"
               "# Held out: never read it to write or tune a rule."}


def split(wordings: dict[str, list[Any]]) -> dict[str, dict[str, list[Any]]]:
    halves: dict[str, dict[str, list[Any]]] = {"dev": {}, "test": {}}
    for category, entries in wordings.items():
        for half in halves:
            halves[half][category] = [e for e in entries if fresh_half(wording_of(category, e)) == half]
    return halves


def _category(name: str, entries: list[Any]) -> str:
    """One category as clean_furniture.yaml writes it: an entry a line, in JSON (which is
    YAML), so every wording reads exactly as it is."""
    return f"  {name}:\n" + "".join(f"    - {json.dumps(e, ensure_ascii=False)}\n" for e in entries)


def main(argv: list[str]) -> int:
    wordings = yaml.safe_load(Path(argv[0]).read_text("utf-8"))
    for half, entries in split(wordings).items():
        empty = [c for c, items in entries.items() if not items]
        if empty:
            print(f"the {half} half has no {', '.join(empty)}: write more wordings", file=sys.stderr)
            return 1
        body = f"{half}:\n" + "".join(_category(c, items) for c, items in entries.items())
        (DATA / f"clean_furniture_fresh_{half}.yaml").write_text(HEADER.format(half=half, use=USE[half]) + body, "utf-8")
        print(half, {c: len(items) for c, items in entries.items()})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
