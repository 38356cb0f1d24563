"""`diurna eval petr`: the PETRARCH-2 unit-test records, coded with the suite's own
validation dictionaries loaded as user dictionaries (this is the proof that custom
dictionaries work).

The suite's actors and agents dictionaries (`PETR.Validate.actors.txt`,
`PETR.Validate.agents.txt`) go into the pipeline as user actor files (setting
`actor_files`; agents such as "PRESIDENT [~GOV]" become role words), and its verb
dictionary (`PETR.Validate.verbs.txt`) as a user predicate file (setting
`predicate_files`). The scorer reads only what the pipeline outputs: each event's
code and its source's and target's entity actor codes (`---` when an actor has none,
as PETRARCH writes it).

Reported:
- coding_recall: share of expected (source, target, event code) codings produced;
- code_recall: share whose event code was produced (actors aside);
- root_recall: share whose root code (first two digits) was produced;
- noevent_precision: share of "no event" records where we produce no event;
- counts of the dictionary entries loaded and of the verb patterns read and skipped
  (with the reasons), so a drop in a figure can be told from a dictionary change.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..extract.eventing import lexicon
from ..knowledge.actors_loader import load_actor_file, load_agent_files
from ..model import ActorRef, Result
from ..pipeline import Pipeline
from .base import Report, split_report

NAME = "petr"
DESCRIPTION = "share of the PETRARCH-2 unit-test codings produced, with the suite's dictionaries as user dictionaries"
DATA = "events/petr_unittest/PETR.UnitTest.records.xml"
ACTORS = "events/petr_unittest/PETR.Validate.actors.txt"
AGENTS = "events/petr_unittest/PETR.Validate.agents.txt"
VERBS = "events/petr_unittest/PETR.Validate.verbs.txt"
NO_ACTOR = "---"


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    text: str
    codings: tuple[tuple[str, str, str], ...]
    no_events: bool
    date: str | None = None  # YYYY-MM-DD: the story date, which date-restricted actor codes read


def load(path: Path) -> list[Record]:
    root = ET.parse(path).getroot()
    out = []
    for s in root.iter("Sentence"):
        text = " ".join((s.findtext("Text") or "").split())
        codings: list[tuple[str, str, str]] = []
        no_events = False
        for c in s.iter("EventCoding"):
            if c.get("noevents") is not None:
                no_events = True
            elif c.get("eventcode"):
                source, target, code = (c.get(k, "").strip('"') for k in ("sourcecode", "targetcode", "eventcode"))
                codings.append((source, target, code))
        if text and (codings or no_events):
            out.append(Record(s.get("id", "").strip(), text, tuple(codings), no_events, _date(s.get("date"))))
    return out


def _date(raw: str | None) -> str | None:
    raw = (raw or "").strip()
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if len(raw) == 8 and raw.isdigit() else None


def petr_pipeline(data_dir: Path, pipeline: Pipeline) -> Pipeline:
    """The given pipeline's settings plus the suite's dictionaries as user files, on
    the same spaCy model. A dictionary that does not load raises DiurnaError E011.
    Statement events from quotes are off: PETRARCH codes a statement only when its
    verb dictionary has the verb, and the suite's dictionary is loaded. Actorless events
    are kept, as PETRARCH codes them (`---`)."""
    s = pipeline.settings
    settings = s.replace(
        actor_files=(*s.actor_files, str(data_dir / ACTORS), str(data_dir / AGENTS)),
        predicate_files=(*s.predicate_files, str(data_dir / VERBS)),
        statement_events=False,
        actorless_events=True,  # code_recall and root_recall score codes whatever the actors
        mutual_both_ways=True,  # PETRARCH codes a mutual act ("A and B met") once per direction
    )
    return Pipeline(settings, nlp=pipeline.nlp)


def actor_code(ref: ActorRef | None) -> str:
    """The entity actor code the pipeline gave, PETRARCH's `---` when none."""
    return (ref.actor_code or NO_ACTOR).upper() if ref is not None else NO_ACTOR


def _dictionary_counts(data_dir: Path) -> tuple[dict[str, int], dict[str, object]]:
    verbs = lexicon.load_user_file(str(data_dir / VERBS))
    report = verbs.report
    agents = load_agent_files([data_dir / AGENTS])
    counts = {
        "dictionary_actors": len(load_actor_file(data_dir / ACTORS)),
        "dictionary_agents": sum(not a.first for a in agents),
        "dictionary_agents_skipped": sum(a.first for a in agents),
        "dictionary_verbs": report.verbs if report else 0,
        "verb_entries": sum(len(v) for v in verbs.lexicon.verbs.values()),
        "verb_patterns_read": report.patterns_read if report else 0,
        "verb_patterns_skipped": report.patterns_skipped if report else 0,
        "verb_items_partial": len(report.partial) if report else 0,
    }
    details: dict[str, object] = {
        "verb_skip_reasons": report.reasons() if report else {},
        "agents_skipped_because": "a code before the actor's (NGO~) has no place in diurna's country-first codes",
    }
    return counts, details


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    records = load(data_dir / DATA)[:limit]
    pipe = petr_pipeline(data_dir, pipeline)
    outcomes = pipe.process_many({"id": r.id or str(n), "text": r.text, **({"published": r.date} if r.date else {})}
                                 for n, r in enumerate(records))
    # Keyed by the record's text: the suite's ids are not all unique.
    report = split_report(NAME, list(zip(records, outcomes)), key=lambda item: item[0].text, score=score)
    dict_counts, dict_details = _dictionary_counts(data_dir)
    return Report(name=NAME, metrics=report.metrics, splits=report.splits, counts={**report.counts, **dict_counts},
                  details={**report.details, **dict_details})


def score(items: Sequence[tuple[Record, object]]) -> Report:
    """Coding, code and root recall and no-event precision over (gold record, outcome) pairs."""
    expected = full = code_ok = root_ok = noev_n = noev_ok = 0
    misses: list[dict[str, object]] = []
    for rec, outcome in items:
        events = outcome.facts.events if isinstance(outcome, Result) else ()
        produced = {(actor_code(e.source), actor_code(e.target), e.code) for e in events}
        codes = {e.code for e in events}
        if rec.no_events and not rec.codings:
            noev_n += 1
            noev_ok += not events
        for coding in rec.codings:
            expected += 1
            hit = coding in produced
            full += hit
            code_ok += coding[2] in codes
            root_ok += coding[2][:2] in {c[:2] for c in codes}
            if not hit and len(misses) < 60:
                misses.append({"id": rec.id, "expected": "/".join(coding),
                               "produced": sorted("/".join(p) for p in produced)})
    ratio = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
    return Report(
        name=NAME,
        metrics={"coding_recall": ratio(full, expected), "code_recall": ratio(code_ok, expected),
                 "root_recall": ratio(root_ok, expected), "noevent_precision": ratio(noev_ok, noev_n)},
        counts={"records": len(items), "expected_codings": expected, "noevent_records": noev_n},
        details={"missed_examples": misses},
    )
