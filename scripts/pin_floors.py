"""Re-pin the floors of src/diurna/evaluate/floors.toml by the convention written at its top.

For every floor whose metric is a share in [0, 1] measured on a test half:

    n        = the metric's denominator on the test half (gold events, records, predicted
               events, pages, ...: what the scorer divides by, read from the report's
               `test_*` counts; an F1 divides by the mean of its gold and predicted counts,
               a macro-F1 over K classes by K times its smallest class's);
    proposed = round DOWN to 3 decimals of (measured - max(1/n, 0.002));
    new      = max(old floor, proposed)        (floors never go down).

So a change may lose one unit of a metric and pass; losing two fails. The script reads
only the scorers' TEST figures and counts (never a test record) from their JSON reports:
it runs each eval once (`--run`, writing `DIR/eval-NAME.json`) or reads reports already
saved in DIR, prints old -> measured -> n -> proposed -> new per floor, and with `--write`
rewrites the floor values in place (comments kept) and adds one history line per section.

    python scripts/pin_floors.py --reports /tmp/pin --run [--only news geo] [--write]
"""

from __future__ import annotations

import argparse
import json
import math
import re
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "src" / "diurna" / "evaluate" / "floors.toml"
MIN_MARGIN = Fraction(2, 1000)

Counts = Mapping[str, int]
Units = Callable[[Counts], int]


def ratio(*keys: str) -> Units:
    """A share whose denominator is the sum of these test-half counts."""
    return lambda c: sum(int(c[k]) for k in keys)


def f1(gold: Sequence[str], predicted: Sequence[str]) -> Units:
    """An F1 = 2TP / (gold + predicted): its unit is the mean of the two counts (one gold
    item missed moves it by about (2 - F1) / (gold + predicted) <= 1 / that mean)."""
    return lambda c: (sum(int(c[k]) for k in gold) + sum(int(c[k]) for k in predicted)) // 2


def macro_f1(prefix: str = "test_") -> Units:
    """The mean of K per-class F1s: one item of the smallest class moves it most, by its
    class's unit divided by K (classes: every `<prefix>gold_<c>` with a predicted count;
    a class with neither has F1 0 and no unit to lose, but still counts in K)."""
    def units(c: Counts) -> int:
        classes = [k[len(prefix) + 5:] for k in c if k.startswith(prefix + "gold_")
                   and f"{prefix}predicted_{k[len(prefix) + 5:]}" in c]
        sizes = [int(c[f"{prefix}gold_{k}"]) + int(c[f"{prefix}predicted_{k}"]) for k in classes]
        if not any(sizes):
            return 0
        return len(classes) * min(max(1, size // 2) for size in sizes if size)
    return units


def _geo(corpus: str) -> dict[str, Units]:
    return {f"{corpus}_recall": ratio(f"{corpus}_test_gold_toponyms"),
            f"{corpus}_accuracy_161km": ratio(f"{corpus}_test_found")}


# {scorer (= floors.toml section): {metric: its test-half denominator}}. A floor not listed
# here (actors.cases_accuracy: our own cases, the same figure in both halves) is not a
# test-half share and keeps its value.
UNITS: dict[str, dict[str, Units]] = {
    "actors": {"mention_recall": ratio("test_gold_actors"), "country_accuracy": ratio("test_gold_actors"),
               "sector_accuracy": ratio("test_with_sector")},
    "quotes": {"direct_f1": f1(["test_gold_direct"], ["test_predicted_direct"]),
               "direct_speaker_accuracy": ratio("test_direct_speaker_scored"),
               "speaker_accuracy": ratio("test_speaker_scored"),
               "indirect_f1": f1(["test_gold_indirect", "test_gold_mixed"],
                                 ["test_predicted_indirect", "test_predicted_mixed"])},
    "clean": {"story_recall": ratio("test_story_units"), "story_precision": ratio("test_story_output"),
              "noise_recall": ratio("test_noise_units"), "noise_precision": ratio("test_noise_output"),
              "fixture_pass_rate": ratio("test_fixtures"),
              **{f"{k}_accuracy": ratio(f"test_{k}_n") for k in ("title", "dateline", "agency", "published")},
              **{f"{g}_story_recall": ratio(f"test_{g}_story_n") for g in ("layouts", "text")},
              **{f"{g}_noise_removed": ratio(f"test_{g}_noise_n") for g in ("layouts", "text")},
              **{f"layouts_{k}_accuracy": ratio(f"test_layouts_{k}_n") for k in ("title",)},
              **{f"text_{k}_accuracy": ratio(f"test_text_{k}_n") for k in ("title", "dateline", "agency")}},
    "plover": {"type_accuracy": ratio("test_records"), "any_type_accuracy": ratio("test_records"),
               "source_country_recall": ratio("test_gold_source_countries"),
               "target_country_recall": ratio("test_gold_target_countries")},
    "petr": {"coding_recall": ratio("test_expected_codings"), "code_recall": ratio("test_expected_codings"),
             "root_recall": ratio("test_expected_codings"), "noevent_precision": ratio("test_noevent_records")},
    "case2021": {"macro_f1": macro_f1(), "accuracy": ratio("test_snippets")},
    "timebank": {"strict_f1": f1(["test_gold"], ["test_system"]), "relaxed_f1": f1(["test_gold"], ["test_system"]),
                 "type_accuracy": ratio("test_relaxed"), "value_f1": f1(["test_gold"], ["test_system"])},
    "geo": {**_geo("geovirus"), **_geo("lgl")},
    "ipe": {**{f"{lab}_recall": ratio(f"test_gold_{lab}") for lab in ("arrest", "kill", "force")},
            **{f"{lab}_precision": ratio(f"test_predicted_{lab}") for lab in ("arrest", "kill", "force")},
            "macro_f1": macro_f1()},
    "news": {"core_recall": ratio("test_gold_core"), "core_recall_root": ratio("test_gold_core"),
             "event_recall": ratio("test_gold"), "dyadic_precision": ratio("test_dyadic"),
             "country_share": ratio("test_predicted"), "precision": ratio("test_predicted"),
             "distinct_acts_share": ratio("test_acts_found", "test_duplicates")},
}


@dataclass(frozen=True, slots=True)
class Pin:
    section: str
    metric: str
    old: Fraction
    measured: Fraction | None  # None: no report, or the metric is not a test-half share
    n: int
    proposed: Fraction | None

    @property
    def new(self) -> Fraction:
        return self.old if self.proposed is None else max(self.old, self.proposed)


def propose(measured: Fraction, n: int) -> Fraction:
    """Round down to 3 decimals of (measured - max(1/n, 0.002)), exactly (no float error)."""
    if n <= 0:
        raise ValueError("a share needs a positive denominator")
    value = max(Fraction(0), measured - max(Fraction(1, n), MIN_MARGIN))
    return Fraction(math.floor(value * 1000), 1000)


def pin(section: str, metric: str, old: float, report: Mapping | None) -> Pin:
    """One floor's row: the report's test figure and denominator, the proposal, the new floor."""
    old_f = Fraction(str(old))
    units = UNITS.get(section, {}).get(metric)
    test = (report or {}).get("splits", {}).get("test", {})
    if units is None or report is None or metric not in test:
        return Pin(section, metric, old_f, None, 0, None)
    try:
        n = units(report.get("counts", {}))
    except KeyError as missing:
        raise ValueError(f"{section}.{metric}: the report has no count {missing}: re-run `diurna eval {section}` "
                         "with this code (older reports lack the test-half counts)") from None
    measured = Fraction(str(test[metric]))
    return Pin(section, metric, old_f, measured, n, propose(measured, n) if n > 0 else None)


def fmt(value: Fraction | None, places: int = 3) -> str:
    if value is None:
        return "-"
    text = f"{float(value):.{places}f}"
    if places == 3:  # floors as they are written: 0.93, 0.666, 1.0
        text = text.rstrip("0")
        text += "0" if text.endswith(".") else ""
    return text


def table(pins: Sequence[Pin]) -> str:
    rows = [("floor", "old", "measured", "n", "proposed", "new")]
    for p in pins:
        rows.append((f"{p.section}.{p.metric}", fmt(p.old), fmt(p.measured, 4), str(p.n) if p.n else "-",
                     fmt(p.proposed), fmt(p.new) + (" ^" if p.new > p.old else "")))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def history(pins: Sequence[Pin], commit: str, label: str = "Re-pinned") -> str:
    """One comment line (wrapped) for a section: what rose, what held."""
    raised = [f"{p.metric} {fmt(p.old)} -> {fmt(p.new)} (test {fmt(p.measured, 4)}, n {p.n})"
              for p in pins if p.new > p.old]
    held = [f"{p.metric} {fmt(p.measured, 4)}/{p.n}" for p in pins if p.measured is not None and p.new == p.old]
    text = f"{label}: re-pinned by the convention at {commit}: " + ("; ".join(raised) or "no floor rises")
    if held:
        text += "; held (measured/n): " + ", ".join(held)
    return _wrap(text + ".")


def _wrap(text: str, width: int = 100) -> str:
    lines, line = [], "#"
    for word in text.split(" "):
        if len(line) + 1 + len(word) > width and line != "#":
            lines.append(line)
            line = "#"
        line += " " + word
    return "\n".join([*lines, line])


_KEY = re.compile(r"^(?P<key>[a-z0-9_]+)\s*=\s*(?P<value>[0-9.]+)\s*$")
_SECTION = re.compile(r"^\[(?P<name>[^\]]+)\]\s*$")


def rewrite(text: str, pins: Sequence[Pin], commit: str, label: str = "Re-pinned") -> str:
    """floors.toml with each pinned value replaced (never by a lower one) and one history
    line at the end of every section that was measured; every other line is kept."""
    by_key = {(p.section, p.metric): p for p in pins}
    measured = {p.section for p in pins if p.measured is not None}
    out: list[str] = []
    section = ""

    def close(name: str) -> None:
        if name in measured:
            while out and not out[-1].strip():
                out.pop()
            out.append(history([p for p in pins if p.section == name], commit, label))
            out.append("")

    for line in text.splitlines():
        head = _SECTION.match(line)
        if head:
            close(section)
            section = head["name"]
        key = _KEY.match(line)
        pin_ = by_key.get((section, key["key"])) if key else None
        if key and pin_ is not None:
            if pin_.new < Fraction(key["value"]):
                raise ValueError(f"{section}.{key['key']}: refusing to lower {key['value']} to {fmt(pin_.new)}")
            if pin_.new > Fraction(key["value"]):
                line = f"{key['key']} = {fmt(pin_.new)}"
        out.append(line)
    close(section)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out) + "\n"


def floors(text: str) -> dict[str, dict[str, float]]:
    import tomllib

    return tomllib.loads(text)


def run_eval(name: str, reports: Path) -> None:
    diurna = Path(sys.executable).with_name("diurna")
    path = reports / f"eval-{name}.json"
    print(f"running diurna eval {name} -> {path}", file=sys.stderr, flush=True)
    # exit code 1 means a floor failed: the report is still written, and the table shows it
    subprocess.run([str(diurna), "eval", name, "--report", str(path)], check=False,
                   stdout=subprocess.DEVNULL, cwd=ROOT)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reports", type=Path, required=True, help="folder of eval-NAME.json reports")
    ap.add_argument("--run", action="store_true", help="run each eval first (writes the reports)")
    ap.add_argument("--only", nargs="*", default=None, help="these scorers only")
    ap.add_argument("--write", action="store_true", help="rewrite floors.toml (values only rise)")
    ap.add_argument("--commit", default=None, help="the commit measured (default: git HEAD)")
    ap.add_argument("--label", default="Re-pinned", help="how each history line starts, e.g. 'Session 12'")
    args = ap.parse_args(argv)
    text = FLOORS.read_text("utf-8")
    pinned = floors(text)
    names = [s for s in pinned if args.only is None or s in args.only]
    args.reports.mkdir(parents=True, exist_ok=True)
    pins: list[Pin] = []
    for name in names:
        if args.run:
            run_eval(name, args.reports)
        path = args.reports / f"eval-{name}.json"
        report = json.loads(path.read_text("utf-8")) if path.exists() else None
        pins += [pin(name, metric, old, report) for metric, old in pinned[name].items()]
    print(table(pins))
    if args.write:
        commit = args.commit or subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                               text=True, cwd=ROOT).stdout.strip()
        FLOORS.write_text(rewrite(text, pins, commit, args.label), "utf-8")
        print(f"wrote {FLOORS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
