"""`diurna eval petr`: the PETRARCH-2 unit-test records, coded with the suite's own
validation dictionaries loaded as user dictionaries.

The actor dictionary (`PETR.Validate.actors.txt`) goes into the pipeline as a user
actor file (setting `actor_files`); the agents
dictionary (`PETR.Validate.agents.txt`, "PRESIDENT [~GOV]") has no loader there, so a
minimal reader of the PETRARCH agent format lives here. An event's actor code is the
entity's actor code when one was linked, else the dictionary lookup of its words:
the longest actor phrase found, plus the agent suffix ("Arnorian foreign minister"
-> ARN + GOV).

Reported:
- coding_recall: share of expected (source, target, event code) codings produced;
- code_recall: share whose event code was produced (actors aside);
- root_recall: share whose root code (first two digits) was produced;
- noevent_precision: share of "no event" records where we produce no event.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import DiurnaError
from ..model import ActorRef, Result
from ..pipeline import Pipeline
from .base import Report

NAME = "petr"
DESCRIPTION = "share of the PETRARCH-2 unit-test codings produced, with the suite's dictionaries"
DATA = "events/petr_unittest/PETR.UnitTest.records.xml"
ACTORS = "events/petr_unittest/PETR.Validate.actors.txt"
AGENTS = "events/petr_unittest/PETR.Validate.agents.txt"

_ENTRY = re.compile(r"^([^\[#{]+?)\s*(?:\{[^}]*\})?\s*\[([^\]]*)\]")
_WORD = re.compile(r"[A-Za-z0-9'-]+")


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    text: str
    codings: tuple[tuple[str, str, str], ...]
    no_events: bool


def load(path: Path) -> list[Record]:
    root = ET.parse(path).getroot()
    out = []
    for s in root.iter("Sentence"):
        text = " ".join((s.findtext("Text") or "").split())
        codings, no_events = [], False
        for c in s.iter("EventCoding"):
            if c.get("noevents") is not None:
                no_events = True
            elif c.get("eventcode"):
                codings.append(tuple(c.get(k, "").strip('"') for k in ("sourcecode", "targetcode", "eventcode")))
        if text and (codings or no_events):
            out.append(Record(s.get("id", "").strip(), text, tuple(codings), no_events))
    return out


def _phrases(path: Path, agents: bool) -> dict[tuple[str, ...], str]:
    """PETRARCH dictionary lines -> {words: code}; "+ALIAS" lines take the code above.
    Agent codes lose their "~" marker. Comments and <!-- --> blocks are skipped."""
    out: dict[tuple[str, ...], str] = {}
    last = None
    in_comment = False
    for raw in path.read_text("utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if "<!--" in line:
            in_comment = "-->" not in line
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if not line or line.startswith("!"):
            continue
        if line.startswith("+") and last:
            out.setdefault(_words(line[1:]), last)
            continue
        m = _ENTRY.match(line)
        if m:
            code = m.group(2).split()[0].lstrip("~") if m.group(2).split() else ""
            if code and code != "---":
                last = code.upper()
                out.setdefault(_words(m.group(1)), last)
    out.pop((), None)
    return out


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w.upper() for w in _WORD.findall(phrase.replace("_", " ")))


@dataclass(frozen=True, slots=True)
class Dictionaries:
    actors: dict[tuple[str, ...], str]
    agents: dict[tuple[str, ...], str]

    def code(self, ref: ActorRef | None) -> str:
        if ref is None:
            return ""
        words = _words(ref.text)
        actor = _longest(words, self.actors) or ""
        agent = _longest(words, self.agents) or ""
        if not actor and ref.actor_code:
            return ref.actor_code.upper()
        return actor + (agent if agent and not actor.endswith(agent) else "")


def _longest(words: tuple[str, ...], table: dict[tuple[str, ...], str]) -> str | None:
    for n in range(min(len(words), 6), 0, -1):
        for i in range(len(words) - n + 1):
            gram = words[i:i + n]
            if gram in table:
                return table[gram]
    # dictionary stems such as "ARGENTIN" match word beginnings ("Argentine")
    for w in words:
        for k, code in table.items():
            if len(k) == 1 and len(k[0]) >= 5 and w.startswith(k[0]):
                return code
    return None


def petr_pipeline(data_dir: Path, pipeline: Pipeline) -> tuple[Pipeline, str | None]:
    """The pipeline with the suite's actor file as a user dictionary; if the file does
    not load, the given pipeline and the reason (the scorer's own dictionary lookup then
    codes the actors)."""
    extra = (str(data_dir / ACTORS),)
    try:
        settings = pipeline.settings.replace(actor_files=tuple(pipeline.settings.actor_files) + extra)
        return Pipeline(settings, nlp=pipeline.nlp), None
    except DiurnaError as exc:
        return pipeline, str(exc)


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    records = load(data_dir / DATA)[:limit]
    dicts = Dictionaries(_phrases(data_dir / ACTORS, False), _phrases(data_dir / AGENTS, True))
    pipe, not_loaded = petr_pipeline(data_dir, pipeline)
    outcomes = pipe.process_many({"id": r.id or str(n), "text": r.text} for n, r in enumerate(records))
    expected = full = code_ok = root_ok = noev_n = noev_ok = 0
    misses = []
    for rec, outcome in zip(records, outcomes):
        events = outcome.facts.events if isinstance(outcome, Result) else ()
        produced = {(dicts.code(e.source), dicts.code(e.target), e.code) for e in events}
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
            if not hit and len(misses) < 40:
                misses.append({"id": rec.id, "expected": "/".join(coding),
                               "produced": sorted("/".join(p) for p in produced)})
    ratio = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
    return Report(
        name=NAME,
        metrics={"coding_recall": ratio(full, expected), "code_recall": ratio(code_ok, expected),
                 "root_recall": ratio(root_ok, expected), "noevent_precision": ratio(noev_ok, noev_n)},
        counts={"records": len(records), "expected_codings": expected, "noevent_records": noev_n,
                "dictionary_actors": len(dicts.actors), "dictionary_agents": len(dicts.agents)},
        details={"missed_examples": misses,
                 "actor_file_in_pipeline": not_loaded is None, "actor_file_not_loaded_because": not_loaded},
    )
