"""`diurna eval actors`: do we find, and code, the actors of the PLOVER gold records?

For each gold source/target actor of `events/plover_gsr_cameo.json` we locate its text
in the sentence and look for an entity mention overlapping it. Reported:
- mention_recall: share of gold actors covered by some entity mention;
- country_accuracy: share of gold actors whose covering entity has the gold country
  code (an actor we did not find counts as wrong);
- sector_accuracy: the same for the gold sector, over actors that have one.
The gold set codes only actors, not every name in a sentence, so there is no
precision here; precision of entities is measured on our own test set.

The gold uses some CAMEO-only codes; they are mapped here, never in our output:
JAP -> JPN, ITL -> ITA, VTN -> VNM; gold IGO accepts any IGO code of igos.yaml; NGO
accepts our NGO; sectors compare on their first three letters (CVLalb -> CVL, CIV ->
CVL), and "***" counts as no sector.

Part (2), `cases_accuracy`: our own sentences in `evaluate/data/actors_cases.yaml`
(titles, metonymy, coreference traps, shared surnames, negatives): the share of the
expected facts (entity covering a mention with the given name/type/country/sector/
role/actor code, or no actor at all) that hold.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..knowledge.gazetteer import load_gazetteer
from ..model import Entity, Result
from ..pipeline import Pipeline
from ._events_common import CAMEO_CODES
from .base import Report, split_report

CASES = Path(__file__).with_name("data") / "actors_cases.yaml"

NAME = "actors"
DESCRIPTION = "actor mentions, countries and sectors on the PLOVER gold records"
DATA = "events/plover_gsr_cameo.json"


@dataclass(frozen=True, slots=True)
class GoldActor:
    record: str
    text: str
    code: str | None
    sector: str | None


def load(path: Path) -> list[tuple[str, str, list[GoldActor]]]:
    records = json.loads(path.read_text("utf-8"))
    out = []
    for rec in records:
        if "text" not in rec or not rec.get("id"):
            continue  # the DOCUMENT header record
        actors = [GoldActor(rec["id"], a["actorText"], a.get("code") or None, a.get("sector") or None)
                  for role in ("source", "target") for a in _actors(rec.get(role))]
        out.append((rec["id"], rec["text"], actors))
    return out


def _actors(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        yield from (a for a in value if isinstance(a, dict) and a.get("actorText"))


def _locate(text: str, needle: str) -> tuple[int, int] | None:
    """The gold actor text in the sentence: exactly, else case-insensitively, else with
    any run of white space matching any other (the gold has stray double and leading
    spaces: "NATO  peacekeeping troops"); of a gold text with an ellipsis, the first part."""
    # "U.S. ... negotiators" (gold for "U.S. and Russian negotiators"): the part before
    # the ellipsis names the actor's country; score that part.
    needle = re.split(r"\s*\.\.\.?\s+", needle.strip())[0] if re.search(r"\s\.\.\.?\s", needle) else needle.strip()
    i = text.find(needle)
    if i < 0:
        i = text.lower().find(needle.lower())
    if i >= 0:
        return i, i + len(needle)
    parts = needle.split()
    if not parts:
        return None
    m = re.search(r"\s+".join(re.escape(p) for p in parts), text, flags=re.IGNORECASE)
    return None if m is None else (m.start(), m.end())


def _covering(result: Result, span: tuple[int, int]) -> Entity | None:
    best, best_overlap = None, 0
    for ent in result.facts.entities:
        for m in ent.mentions:
            overlap = min(m.end, span[1]) - max(m.start, span[0])
            if overlap > best_overlap:
                best, best_overlap = ent, overlap
    return best


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    records = load(data_dir / DATA)[:limit]
    outcomes = pipeline.process_many({"id": rid, "text": text} for rid, text, _ in records)
    # The PLOVER records split as `eval plover` splits them (dataset "plover").
    report = split_report(NAME, list(zip(records, outcomes)), key=lambda item: item[0][0], score=score,
                          dataset="plover")
    # Our own cases are written by us (regression checks, not held-out data): the same
    # figure stands in the whole set and in each half.
    cases_ok, cases_n, failures = run_cases(pipeline)
    cases = {"cases_accuracy": round(cases_ok / cases_n, 4) if cases_n else 0.0}
    return Report(
        name=NAME, metrics={**report.metrics, **cases},
        splits={half: {**metrics, **cases} for half, metrics in report.splits.items()},
        counts={**report.counts, "case_checks": cases_n},
        details={**report.details, "case_failures": failures[:100]},
    )


def score(items: Sequence[tuple[tuple[str, str, list[GoldActor]], object]]) -> Report:
    """Mention recall, country and sector accuracy over (gold record, our outcome) pairs."""
    n = found = country_ok = sector_n = sector_ok = located = 0
    misses: list[dict[str, str]] = []
    for (rid, _, gold), outcome in items:
        if not isinstance(outcome, Result):
            n += len(gold)
            sector_n += sum(_sector(a.sector) is not None for a in gold)
            continue
        text = outcome.document.text
        for actor in gold:
            n += 1
            sector_n += _sector(actor.sector) is not None
            span = _locate(text, actor.text)
            if span is None:
                continue
            located += 1
            ent = _covering(outcome, span)
            if ent is None:
                if len(misses) < 50:
                    misses.append({"record": rid, "actor": actor.text})
                continue
            found += 1
            country_ok += bool(actor.code and country_matches(actor.code, ent.country))
            gold_sector = _sector(actor.sector)
            sector_ok += bool(gold_sector and _sector(ent.sector) == gold_sector)
    return Report(
        name=NAME,
        metrics={
            "mention_recall": round(found / n, 4) if n else 0.0,
            "country_accuracy": round(country_ok / n, 4) if n else 0.0,
            "sector_accuracy": round(sector_ok / sector_n, 4) if sector_n else 0.0,
        },
        counts={"records": len(items), "gold_actors": n, "located_in_text": located, "found": found,
                "with_sector": sector_n},
        details={"missed_examples": misses},
    )


def country_matches(gold: str, ours: str | None) -> bool:
    gold = CAMEO_CODES.get(gold, gold)
    if ours is None:
        return False
    if gold == "IGO":
        return ours in load_gazetteer().igo_codes or ours == "IGO"
    return ours == gold


def _sector(code: str | None) -> str | None:
    if not code or code.startswith("*"):
        return None
    s = code[:3].upper()
    return "CVL" if s == "CIV" else s


# ----------------------------------------------------------------------------- own cases


def load_cases(path: Path = CASES) -> list[dict[str, Any]]:
    data = yaml.safe_load(path.read_text("utf-8"))
    cases = data["cases"]
    for n, case in enumerate(cases, start=1):
        if "text" not in case or "expect" not in case:
            raise ValueError(f"{path}: case {n} needs `text` and `expect`")
        for exp in case["expect"]:
            if exp["mention"] not in case["text"]:
                raise ValueError(f"{path}: case {n}: mention {exp['mention']!r} is not in the text")
    return cases


def check_case(result: Result, case: dict[str, Any]) -> list[str]:
    """The expectations of one case that do not hold (empty: all hold), one line each."""
    text = result.document.text
    failures = []
    for exp in case["expect"]:
        nth = int(exp.get("nth", 1))
        i = -1
        for _ in range(nth):
            i = text.find(exp["mention"], i + 1)
        span = (i, i + len(exp["mention"]))
        ent = _exact_or_covering(result, span)
        if exp.get("none"):
            if ent is not None and ent.type != "PLACE" and ent.actor_code is not None:
                failures.append(f"{exp['mention']!r}: expected no actor, got {ent.name!r} {ent.actor_code}")
            continue
        if ent is None:
            failures.append(f"{exp['mention']!r}: no entity")
            continue
        for key in ("name", "type", "country", "sector", "role", "actor_code"):
            if key in exp and getattr(ent, key) != exp[key]:
                failures.append(f"{exp['mention']!r}: {key} {getattr(ent, key)!r} != {exp[key]!r}")
        if "same_as" in exp:
            j = text.find(exp["same_as"])
            other = _exact_or_covering(result, (j, j + len(exp["same_as"])))
            if other is None or other.id != ent.id:
                failures.append(f"{exp['mention']!r}: not the same entity as {exp['same_as']!r}")
        if "not_same_as" in exp:
            j = text.find(exp["not_same_as"])
            other = _exact_or_covering(result, (j, j + len(exp["not_same_as"])))
            if other is not None and other.id == ent.id:
                failures.append(f"{exp['mention']!r}: wrongly the same entity as {exp['not_same_as']!r}")
    return failures


def _exact_or_covering(result: Result, span: tuple[int, int]) -> Entity | None:
    for ent in result.facts.entities:
        if any(m.start == span[0] and m.end == span[1] for m in ent.mentions):
            return ent
    return _covering(result, span)


def run_cases(pipeline: Pipeline) -> tuple[int, int, list[str]]:
    cases = load_cases()
    ok = total = 0
    failures: list[str] = []
    outcomes = pipeline.process_many(
        ({"id": f"case{n}", "text": c["text"], "published": c.get("published")} for n, c in enumerate(cases, 1)))
    for n, (case, outcome) in enumerate(zip(cases, outcomes), start=1):
        checks = sum(max(1, len(set(e) - {"mention", "nth", "none"})) for e in case["expect"])
        total += checks
        if not isinstance(outcome, Result):
            failures.append(f"case {n}: {outcome.error.message}")
            continue
        bad = check_case(outcome, case)
        ok += checks - len(bad)
        failures.extend(f"case {n}: {b}" for b in bad)
    return ok, total, failures
