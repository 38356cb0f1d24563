"""The golden files' diff as facts: what a change adds, removes and changes.

    python -m diurna.dev.golden_diff              # HEAD's golden files -> the working tree's
    python -m diurna.dev.golden_diff --ref main   # main's golden files -> the working tree's
    python -m diurna.dev.golden_diff --fresh      # HEAD's golden files -> the pipeline's output now

A golden change is reviewed fact by fact, not line by line: events are matched by (code,
dyad, rule), quotes by (speaker, text), entities by (type, name), times by (type, value),
amounts by (value, unit, currency), places by (name, country); what else differs in a
matched fact is listed as `field: old -> new`. Local ids ("ev3", "e2") are ignored: they
renumber whenever a fact is added before them. Exit status 0 when nothing differs, 1 when
something does (as diff(1)); paste the output into the commit message.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GOLDEN = Path("tests/golden")
EXAMPLES = Path("examples")
PUBLISHED = "2026-03-04"  # the demo's publication date, as tests/test_examples.py uses
FACT_STAGES = ("entities", "events", "quotes", "times", "amounts", "places")
_IDS = frozenset({"id", "entity"})  # local ids and references to them: renumbered, not facts

Fact = dict[str, Any]


def _actor(ref: Fact | None) -> str:
    if not ref:
        return "-"
    return str(ref.get("actor_code") or ref.get("country") or ref.get("text") or "?")


def _speaker(ref: Fact | None) -> str:
    return str(ref.get("name") or ref.get("text") or "?") if ref else "-"


# stage -> the fields that say which fact it is (the rest of a fact can change)
KEYS: dict[str, Callable[[Fact], tuple[Any, ...]]] = {
    "events": lambda f: (f.get("code"), f"{_actor(f.get('source'))} -> {_actor(f.get('target'))}", f.get("rule")),
    "quotes": lambda f: (_speaker(f.get("speaker")), f.get("text")),
    "entities": lambda f: (f.get("type"), f.get("name")),
    "times": lambda f: (f.get("type"), f.get("value")),
    "amounts": lambda f: (f.get("value"), f.get("unit"), f.get("currency")),
    "places": lambda f: (f.get("name"), f.get("country")),
}


# stage -> what an added or removed fact is shown with, beside its key
DETAILS: dict[str, Callable[[Fact], Any]] = {
    "events": lambda f: (f.get("evidence") or {}).get("text"),
    "quotes": lambda f: f.get("cue"),
    "entities": lambda f: f.get("actor_code"),
    "times": lambda f: f.get("text"),
    "amounts": lambda f: f.get("text"),
    "places": lambda f: f.get("text"),
}


@dataclass(frozen=True, slots=True)
class Change:
    key: tuple[Any, ...]
    fields: tuple[tuple[str, Any, Any], ...]  # (dotted field, old, new)


@dataclass(frozen=True, slots=True)
class StageDiff:
    stage: str
    added: tuple[tuple[Any, ...], ...] = ()  # keys, each with its detail last
    removed: tuple[tuple[Any, ...], ...] = ()
    changed: tuple[Change, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


@dataclass(frozen=True, slots=True)
class ExampleDiff:
    name: str
    stages: tuple[StageDiff, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return all(s.empty for s in self.stages)


def _strip_ids(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_ids(v) for k, v in value.items() if k not in _IDS}
    if isinstance(value, list):
        return [_strip_ids(v) for v in value]
    return value


def field_changes(old: Any, new: Any, path: str = "") -> list[tuple[str, Any, Any]]:
    """The leaves that differ between two JSON values, as (dotted path, old, new)."""
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[tuple[str, Any, Any]] = []
        for k in sorted(set(old) | set(new)):
            out += field_changes(old.get(k), new.get(k), f"{path}.{k}" if path else k)
        return out
    return [] if old == new else [(path, old, new)]


def diff_facts(stage: str, old: Iterable[Fact], new: Iterable[Fact]) -> StageDiff:
    """Facts of one stage matched by their key; facts sharing a key pair up in order."""
    key = KEYS[stage]
    olds: dict[tuple[Any, ...], list[Fact]] = {}
    news: dict[tuple[Any, ...], list[Fact]] = {}
    for facts, into in ((old, olds), (new, news)):
        for f in facts:
            into.setdefault(key(f), []).append(_strip_ids(f))
    added, removed, changed = [], [], []
    for k in sorted(set(olds) | set(news), key=repr):
        a, b = olds.get(k, []), news.get(k, [])
        for x, y in zip(a, b):
            fields = field_changes(x, y)
            if fields:
                changed.append(Change(k, tuple(fields)))
        removed += [(*k, DETAILS[stage](f)) for f in a[len(b):]]
        added += [(*k, DETAILS[stage](f)) for f in b[len(a):]]
    return StageDiff(stage, tuple(added), tuple(removed), tuple(changed))


def diff_document(old: Fact | None, new: Fact | None) -> StageDiff:
    """The document record: its fields that differ (the text only as 'text changed')."""
    o, n = _strip_ids(old or {}), _strip_ids(new or {})
    fields = [(p, "...", "...") if p == "text" else (p, a, b) for p, a, b in field_changes(o, n)]
    return StageDiff("document", changed=(Change(("document",), tuple(fields)),) if fields else ())


def diff_example(name: str, old: dict[str, Any], new: dict[str, Any]) -> ExampleDiff:
    """`old` and `new` map stage -> golden JSON (a missing stage is empty)."""
    stages = [diff_document(old.get("document"), new.get("document"))]
    stages += [diff_facts(s, old.get(s) or [], new.get(s) or []) for s in FACT_STAGES]
    return ExampleDiff(name, tuple(s for s in stages if not s.empty))


def _short(value: Any, width: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def _key_text(key: tuple[Any, ...]) -> str:
    return "  ".join("-" if k is None else str(k) for k in key)


def _fact_text(key_and_detail: tuple[Any, ...]) -> str:
    *key, detail = key_and_detail
    return _key_text(tuple(key)) + (f"  ({_short(detail)})" if detail is not None else "")


def render(diffs: Iterable[ExampleDiff]) -> str:
    lines: list[str] = []
    totals = [0, 0, 0]
    for ex in diffs:
        if ex.empty:
            continue
        lines.append(ex.name)
        for s in ex.stages:
            for k in s.added:
                lines.append(f"  + {s.stage}: {_fact_text(k)}")
            for k in s.removed:
                lines.append(f"  - {s.stage}: {_fact_text(k)}")
            for c in s.changed:
                what = "; ".join(f"{p}: {_short(a)} -> {_short(b)}" for p, a, b in c.fields)
                lines.append(f"  ~ {s.stage}: {_key_text(c.key)}: {what}")
            totals[0] += len(s.added)
            totals[1] += len(s.removed)
            totals[2] += len(s.changed)
    lines.append(f"{totals[0]} added, {totals[1]} removed, {totals[2]} changed")
    return "\n".join(lines) + "\n"


# --- where the two sides come from ------------------------------------------------------

def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


def at_ref(root: Path, ref: str, golden: Path = GOLDEN) -> dict[str, dict[str, Any]]:
    """example -> stage -> JSON, as committed at `ref`."""
    out: dict[str, dict[str, Any]] = {}
    for path in _git(root, "ls-tree", "-r", "--name-only", ref, "--", golden.as_posix()).split():
        rel = Path(path).relative_to(golden)
        if len(rel.parts) == 2 and rel.suffix == ".json":
            out.setdefault(rel.parts[0], {})[rel.stem] = json.loads(_git(root, "show", f"{ref}:{path}"))
    return out


def in_tree(root: Path, golden: Path = GOLDEN) -> dict[str, dict[str, Any]]:
    """example -> stage -> JSON, as the working tree has them."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((root / golden).glob("*/*.json")):
        out.setdefault(path.parent.name, {})[path.stem] = json.loads(path.read_text("utf-8"))
    return out


def fresh(root: Path) -> dict[str, dict[str, Any]]:
    """example -> stage -> JSON, as the pipeline produces them now (what --update-golden writes)."""
    from ..pipeline import Pipeline
    from ..read import read_paths
    from ..settings import Settings

    pipeline = Pipeline(Settings.load())
    files = sorted(p for p in (root / EXAMPLES).iterdir() if p.is_file())
    outcomes = pipeline.process_many(read_paths(files, pipeline.settings), published=PUBLISHED)
    out: dict[str, dict[str, Any]] = {}
    for path, outcome in zip(files, outcomes):
        d = outcome.to_dict()
        out[path.stem] = {"document": {k: v for k, v in d.items() if k not in FACT_STAGES},
                          **{s: d.get(s, []) for s in FACT_STAGES}}
    return out


def compare(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]]) -> list[ExampleDiff]:
    return [diff_example(name, old.get(name, {}), new.get(name, {})) for name in sorted(set(old) | set(new))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m diurna.dev.golden_diff", description=__doc__.split("\n\n")[0])
    ap.add_argument("--ref", default="HEAD", help="the git ref of the old golden files (default HEAD)")
    ap.add_argument("--fresh", action="store_true", help="compare with the pipeline's output now, not the files")
    ap.add_argument("--root", type=Path, default=None, help="the repository (default: the one around the cwd)")
    args = ap.parse_args(argv)
    root = args.root or Path(_git(Path.cwd(), "rev-parse", "--show-toplevel").strip())
    new = fresh(root) if args.fresh else in_tree(root)
    diffs = compare(at_ref(root, args.ref), new)
    sys.stdout.write(render(diffs))
    return 0 if all(d.empty for d in diffs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
