"""`diurna eval news`: events of whole real articles against hand-coded VOA and BBC stories.

The gold (`data/news_gold.jsonl`, built by `scripts/news_gold.py` from coders'
working files; docs/coding-guide.md) holds only annotations: per story its fixed
split (dev/test) and per event the offsets of its evidence sentences and trigger in
the story's raw text, acceptable CAMEO codes, the actors' countries, symmetric
and core. The article text comes from the shared corpora (`story_records`): a VOA
record of `corpora/voa_stories.jsonl` by its id, or for an id "bbc-<category>-NNN" the
body of the BBC News file `corpora/bbc/<category>/NNN.txt` (its first line is the
title, given to the pipeline as the title and not part of the text); each story runs
through the whole pipeline (clean included) and gold offsets are carried to the
cleaned text through the document's offset map, else by finding the sentence.

A predicted event matches a gold event when its evidence (or one of its repeat
mentions) overlaps a gold sentence, its CAMEO root is the root of a gold code, and
every gold side with a country finds that country on the same predicted side
(either way round for symmetric acts; a side without a country accepts anything).
The stories' split is fixed in the gold (docs/coding-guide.md), not by
`base.split_of`. Dev is cut again into two fixed halves, dev-a and dev-b (`dev_half`),
so that a rule can be written on one and confirmed on the other (`--split dev-a`
scores dev-a alone, reported under "dev"). Reported for the whole set (`metrics`) and each half (`splits`; the
floors pin the test half), with the counts per half as `<split>_<count>`:
- core_recall: gold core events matched one-to-one by distinct predicted events;
- core_recall_root: the same ignoring actors (root and sentence only);
- event_recall: as core_recall over every gold event;
- dyadic_precision: predicted events with a country on both sides that match a gold event
  no earlier such event matched (a dyadic repeat of an act is not right: since session 11,
  as for precision below);
- one_actor_precision: predicted events with a country on exactly one side that match
  a gold event on root and that side, no earlier such event having matched it;
- actorless_share: predicted events with no country on either side / all predicted;
- duplicate_share: predicted events matching (sentence and root) a gold event already
  claimed by an earlier predicted event / all predicted (the details' `repeats` list each
  beside the event that claimed the act: `python -m diurna.dev.news_repeats`);
- country_share and distinct_share: 1 - actorless_share and 1 - duplicate_share (floors
  bound metrics from below);
- precision: predicted events that are right / all predicted, where right is `labels()`
  (the event matches a gold event on sentence and root and every country it states agrees
  with that gold event: the calibration's definition) and the gold act it matches was not
  already found by an earlier right event: a repeat of an act is not right, so merging it
  into the event that found the act does not lower precision (it did until session 11).
  Unlike one_actor_precision it does not fall when a right one-actor event becomes a right
  dyadic one, and unlike distinct_share it does not fall when a wrong event that repeats
  nothing is removed;
- distinct_acts_share: gold acts found (by sentence and root) / (acts found + repeats of
  them): only another mention of an act already found lowers it;
- events_per_article and gold_events_per_article;
- confidence_ece and confidence_brier: how well the events' confidence works as the
  probability that an event is right (`evaluate/calibration.py` defines right, the
  reliability table and the expected calibration error; lower is better, so they are
  reported, not pinned); `calibration` = 1 - confidence_ece.
The details list per story the missed gold events (core, then the others) with why
each was missed (no event of its root in its sentences, or the source, target or
both sides wrong) and what was predicted there, plus the dyadic events matching no
gold event, and the story's own counts (`tally`: what it adds to its split's counts, for
`python -m diurna.dev.news_diff`); `core_miss_reasons` counts the reasons per split;
`reliability` holds the reliability table (bins, events, mean confidence, share right) per
split; `halves` the metrics (not the confidence's) of dev-a and dev-b when dev was scored;
`by_corpus` the metrics of each split per corpus (voa, bbc).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..extract.eventing.merging import countries as _countries  # what a side states, as merging reads it
from ..model import Event, Result
from ..pipeline import Pipeline
from . import calibration
from .base import Report

NAME = "news"
DESCRIPTION = "events of whole VOA and BBC articles (core recall, dyadic precision, actorless share) on the news gold"
DATA = "corpora/voa_stories.jsonl"
BBC = "corpora/bbc"  # BBC News 2004-2005 (Greene and Cunningham 2006): <category>/NNN.txt
GOLD = "data/news_gold.jsonl"
SPLITS = ("dev", "test")
HALVES = ("dev-a", "dev-b")  # the two halves of dev (`dev_half`)
SPLIT_CHOICES = ("all", *SPLITS, *HALVES)  # what `run(split=...)` and `--split` take

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldEvent:
    story: str
    index: int
    spans: tuple[Span, ...]  # evidence sentences in the cleaned text (empty: not found)
    roots: frozenset[str]
    codes: tuple[str, ...]
    source: str | None  # country code, None when the side has no country
    target: str | None
    symmetric: bool
    core: bool
    sentence: str = ""  # the first evidence sentence and trigger, for the report's details
    trigger: str = ""


@dataclass(frozen=True, slots=True)
class PredEvent:
    spans: tuple[Span, ...]
    root: str
    source: frozenset[str]  # the side's country and the country part of its actor code
    target: frozenset[str]
    label: str


def root(code: str) -> str:
    return code[:2]


def dev_half(story: str) -> str:
    """The half of dev a story belongs to, fixed per story: dev-a when the lowest bit of
    the sha256 of `"dev-a:" + id` is 0, else dev-b. Not a bit of the `"voa:"` hash that
    chose dev (the first 20 dev stories were the lowest of that hash); the salt was picked
    for balance: 32/29 stories, 360/360 gold events, 64/66 core, 9/11 of the first 20."""
    return HALVES[hashlib.sha256(f"dev-a:{story}".encode("utf-8")).digest()[0] & 1]


def _in_split(story: dict[str, Any], split: str) -> bool:
    if split in HALVES:
        return story["split"] == "dev" and dev_half(story["story"]) == split
    return split == "all" or story["split"] == split


def load_gold(path: Path | None = None) -> list[dict[str, Any]]:
    text = path.read_text("utf-8") if path else resources.files(__package__).joinpath(GOLD).read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def corpus_of(story: str) -> str:
    """The corpus a gold story comes from, by its id: "bbc-<category>-NNN" names the BBC
    News file <category>/NNN.txt; any other id is a VOA record's id."""
    return "bbc" if story.startswith("bbc-") else "voa"


def bbc_record(data_dir: Path, story: str) -> dict[str, Any]:
    """A BBC News story as the pipeline reads it: the file's first line is its title, the
    rest (from the first non-blank line) its text, which the gold's offsets index."""
    _, category, number = story.split("-", 2)
    raw = (data_dir / BBC / category / f"{number}.txt").read_bytes().decode("utf-8", "replace")
    title, _, body = raw.partition("\n")
    return {"id": story, "text": body.lstrip("\n"), "title": title.strip(), "published": None}


def story_records(data_dir: Path, stories: Iterable[str], voa: Path | None = None) -> dict[str, dict[str, Any]]:
    """The shared corpora's record (id, text, title, published) of each story id; `voa`
    replaces the VOA file (tests, scripts/news_gold.py --corpus)."""
    wanted = set(stories)
    out: dict[str, dict[str, Any]] = {}
    if any(corpus_of(s) == "voa" for s in wanted):
        for line in (voa or data_dir / DATA).read_text("utf-8").splitlines():
            rec = json.loads(line)
            if str(rec.get("id")) in wanted and rec.get("text"):
                out[str(rec["id"])] = {"id": str(rec["id"]), "text": rec["text"], "title": rec.get("title"),
                                       "published": rec.get("published")}
    for story in wanted:
        if corpus_of(story) == "bbc" and (data_dir / BBC).is_dir():
            try:
                out[story] = bbc_record(data_dir, story)
            except (OSError, ValueError):
                continue  # not in the corpus: the caller reports it
    return out


def to_clean(span: Span, raw: str, clean: str, offset_map: Sequence[tuple[int, int, int]]) -> Span | None:
    """A raw-text span in the cleaned text, through the clean stage's offset map: from
    the first kept character of the span to the last (a dateline or a line the cleaner
    dropped inside the span is skipped), else where the raw sentence occurs in the
    cleaned text."""
    s, e = span
    runs = [(t, src, n) for t, src, n in offset_map if src < e and s < src + n]
    if runs:
        (t0, src0, _), (t1, src1, n1) = runs[0], runs[-1]
        return t0 + max(s, src0) - src0, t1 + min(e, src1 + n1) - src1
    at = clean.find(raw[s:e])
    return (at, at + e - s) if at >= 0 else None


def gold_events(story: dict[str, Any], raw: str, clean: str,
                offset_map: Sequence[tuple[int, int, int]]) -> tuple[list[GoldEvent], int, int]:
    """The story's gold events in cleaned-text offsets, with how many sentences drifted
    (sha1 differs from the coder's) and how many could not be placed."""
    out, drifted, lost = [], 0, 0
    for i, ev in enumerate(story["events"]):
        spans = []
        for sp in ev["evidence"]:
            drifted += hashlib.sha1(raw[sp["start"]:sp["end"]].encode("utf-8")).hexdigest() != sp["sha1"]
            mapped = to_clean((sp["start"], sp["end"]), raw, clean, offset_map)
            lost += mapped is None
            if mapped:
                spans.append(mapped)
        side = lambda a: a["country"] if a else None  # noqa: E731
        first = ev["evidence"][0]
        trigger = raw[first["trigger_start"]:first["trigger_end"]] if first["trigger_start"] is not None else ""
        out.append(GoldEvent(story["story"], i, tuple(spans), frozenset(root(c) for c in ev["codes"]),
                             tuple(ev["codes"]), side(ev["source"]), side(ev["target"]), ev["symmetric"], ev["core"],
                             raw[first["start"]:first["end"]], trigger))
    return out, drifted, lost


def pred_event(ev: Event) -> PredEvent:
    spans = {(ev.evidence.start, ev.evidence.end), *((m.start, m.end) for m in ev.mentions)}
    side = lambda r: f"{r.text}/{r.country or '-'}" if r else "-"  # noqa: E731
    label = f"{ev.code} [{ev.evidence.trigger}] {side(ev.source)} -> {side(ev.target)} {ev.modality} {ev.rule}"
    return PredEvent(tuple(sorted(spans)), root(ev.code), _countries(ev.source), _countries(ev.target), label)


def _overlaps(a: Iterable[Span], b: Iterable[Span]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _side_ok(gold: str | None, pred: frozenset[str]) -> bool:
    return gold is None or gold in pred


def actors_ok(p: PredEvent, g: GoldEvent, sides: tuple[str, ...] = ("source", "target")) -> bool:
    """Every gold side with a country among `sides` is on the same predicted side;
    a symmetric gold event also accepts the sides swapped."""
    direct = all(_side_ok(getattr(g, s), getattr(p, s)) for s in sides)
    if direct or not g.symmetric:
        return direct
    other = {"source": "target", "target": "source"}
    return all(_side_ok(getattr(g, other[s]), getattr(p, s)) for s in sides)


def matches(p: PredEvent, g: GoldEvent, sides: tuple[str, ...] = ("source", "target")) -> bool:
    return p.root in g.roots and _overlaps(p.spans, g.spans) and actors_ok(p, g, sides)


def one_to_one(golds: Sequence[GoldEvent], preds: Sequence[PredEvent], sides: tuple[str, ...]) -> dict[int, int]:
    """A maximum matching gold index -> predicted index (augmenting paths, Kuhn)."""
    edges = [[j for j, p in enumerate(preds) if matches(p, g, sides)] for g in golds]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass
class Tally:
    """Counts behind every ratio, summed over the stories of one split."""

    stories: int = 0
    gold: int = 0
    gold_core: int = 0
    core_hit: int = 0
    core_hit_root: int = 0
    event_hit: int = 0
    predicted: int = 0
    dyadic: int = 0
    dyadic_ok: int = 0
    one_actor: int = 0
    one_actor_ok: int = 0
    actorless: int = 0
    duplicates: int = 0
    right: int = 0
    acts_found: int = 0
    drifted_sentences: int = 0
    unplaced_sentences: int = 0

    def add(self, other: Tally) -> None:
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)

    def metrics(self) -> dict[str, float]:
        r = lambda a, b: round(a / b, 4) if b else 0.0  # noqa: E731
        values = {
            "core_recall": r(self.core_hit, self.gold_core),
            "core_recall_root": r(self.core_hit_root, self.gold_core),
            "event_recall": r(self.event_hit, self.gold),
            "dyadic_precision": r(self.dyadic_ok, self.dyadic),
            "one_actor_precision": r(self.one_actor_ok, self.one_actor),
            "actorless_share": r(self.actorless, self.predicted),
            "duplicate_share": r(self.duplicates, self.predicted),
            # the complements of the two shares, so that floors (which bound from below) can pin them
            "country_share": r(self.predicted - self.actorless, self.predicted),
            "distinct_share": r(self.predicted - self.duplicates, self.predicted),
            "precision": r(self.right, self.predicted),
            "distinct_acts_share": r(self.acts_found, self.acts_found + self.duplicates),
            "events_per_article": r(self.predicted, self.stories),
            "gold_events_per_article": r(self.gold, self.stories),
        }
        return values


def score_story(golds: Sequence[GoldEvent], preds: Sequence[PredEvent], tally: Tally) -> dict[str, Any]:
    """Add one story to `tally`; return its misses for the report's details."""
    both = ("source", "target")
    core = [g for g in golds if g.core]
    core_hit = one_to_one(core, preds, both)
    tally.stories += 1
    tally.gold += len(golds)
    tally.gold_core += len(core)
    tally.core_hit += len(core_hit)
    tally.core_hit_root += len(one_to_one(core, preds, ()))
    event_hit = one_to_one(golds, preds, both)
    tally.event_hit += len(event_hit)
    tally.predicted += len(preds)
    claimed: dict[int, str] = {}  # gold index -> the label of the predicted event that found the act
    found_right: set[int] = set()  # gold acts an earlier right event found: `precision` counts each once
    found_dyadic: set[int] = set()  # ... an earlier right dyadic event found (dyadic precision)
    found_one: set[int] = set()  # ... an earlier right one-actor event found (one-actor precision)
    repeats: list[dict[str, Any]] = []
    wrong: list[str] = []
    for p in preds:
        sided = _stated(p)
        acts = _right_acts(p, golds)
        tally.right += _first(acts, found_right)
        if not sided:
            tally.actorless += 1
        elif len(sided) == 2:
            tally.dyadic += 1
            tally.dyadic_ok += _first(acts, found_dyadic)
            if not acts:
                wrong.append(p.label)
        else:
            tally.one_actor += 1
            tally.one_actor_ok += _first(acts, found_one)
        same_act = [g.index for g in golds if matches(p, g, ())]
        free = [i for i in same_act if i not in claimed]
        if free:
            claimed[free[0]] = p.label
        elif same_act:
            tally.duplicates += 1
            act = next(g for g in golds if g.index == same_act[0])
            repeats.append({"event": act.index, "sentence": act.sentence, "trigger": act.trigger,
                            "found_by": claimed[act.index], "repeat": p.label})
    tally.acts_found += len(claimed)
    missed = [g for k, g in enumerate(core) if k not in core_hit]
    other = [g for k, g in enumerate(golds) if k not in event_hit and not g.core]
    return {"missed_core": [_gold_label(g, preds) for g in missed],
            "missed_other": [_gold_label(g, preds) for g in other], "wrong_dyadic": wrong, "repeats": repeats}


def miss_reason(g: GoldEvent, preds: Sequence[PredEvent]) -> str:
    """Why no predicted event matches `g`: no event of its root in its sentences, or
    one is there with the source, the target or both sides wrong."""
    same = [p for p in preds if matches(p, g, ())]
    if not same:
        return "no_event_of_root"
    if any(matches(p, g, ("source",)) for p in same):
        return "target"
    if any(matches(p, g, ("target",)) for p in same):
        return "source"
    return "both_actors"


def labels(golds: Sequence[GoldEvent], events: Sequence[Event]) -> list[bool]:
    """Per event of one story, is it right: it matches a gold event on sentence and root,
    and every side of it with a country has the gold's country there (the test of
    dyadic and one-actor precision; root and sentence alone for an event with no country)."""
    return [_right(pred_event(ev), golds) for ev in events]


def _stated(p: PredEvent) -> tuple[str, ...]:
    """The sides of `p` that state a country."""
    return tuple(s for s in ("source", "target") if getattr(p, s))


def _first(acts: Sequence[int], found: set[int]) -> bool:
    """Does a right event matching the gold `acts` find one no earlier right event found?
    That act joins `found`. A repeat of an act already found is no right event for the
    precisions: a user counting events counts it twice, and merging it into the event
    that found the act (eventing/merging.py) must not lower the measure."""
    new = next((i for i in acts if i not in found), None)
    if new is not None:
        found.add(new)
    return new is not None


def _right_acts(p: PredEvent, golds: Sequence[GoldEvent]) -> list[int]:
    """The gold events `p` matches on sentence and root, with every country it states
    (`p` is right when there is one: the definition of precision, dyadic and one-actor
    precision, and the calibration)."""
    return [g.index for g in golds if matches(p, g, _stated(p))]


def _right(p: PredEvent, golds: Sequence[GoldEvent]) -> bool:
    return bool(_right_acts(p, golds))


def _gold_label(g: GoldEvent, preds: Sequence[PredEvent]) -> dict[str, Any]:
    near = [p.label for p in preds if _overlaps(p.spans, g.spans)]
    return {"event": g.index, "why": miss_reason(g, preds), "sentence": g.sentence, "trigger": g.trigger,
            "codes": list(g.codes), "source": g.source, "target": g.target,
            "symmetric": g.symmetric, "spans": [list(s) for s in g.spans], "predicted_in_sentence": near}


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None, split: str = "all",
        gold_path: Path | None = None) -> Report:
    if split not in SPLIT_CHOICES:
        raise ValueError(f"split {split!r}: news takes one of {', '.join(SPLIT_CHOICES)}")
    chosen = SPLITS if split == "all" else ("dev",) if split in HALVES else (split,)
    stories = [s for s in load_gold(gold_path) if _in_split(s, split)][:limit]
    records = story_records(data_dir, (s["story"] for s in stories))
    inputs = [records[s["story"]] for s in stories]
    tallies = {name: Tally() for name in chosen}
    corpora: dict[str, dict[str, Tally]] = {name: {} for name in chosen}  # split -> corpus -> its counts
    rated: dict[str, list[tuple[float, bool]]] = {name: [] for name in chosen}  # (confidence, right)
    details: dict[str, Any] = {}
    halves = {name: Tally() for name in HALVES}
    for story, outcome in zip(stories, pipeline.process_many(inputs)):
        raw = records[story["story"]]["text"]
        if not isinstance(outcome, Result):
            golds, drifted, lost = gold_events(story, raw, "", ())
            preds: list[PredEvent] = []
        else:
            doc = outcome.document
            golds, drifted, lost = gold_events(story, raw, doc.text, doc.offset_map)
            preds = [pred_event(e) for e in outcome.facts.events]
            rated[story["split"]] += [(e.confidence, right) for e, right in
                                      zip(outcome.facts.events, labels(golds, outcome.facts.events))]
        own = Tally(drifted_sentences=drifted, unplaced_sentences=lost)
        half = {"half": dev_half(story["story"])} if story["split"] == "dev" else {}
        details[story["story"]] = {"split": story["split"], **half, **score_story(golds, preds, own),
                                   "tally": vars(own)}
        tallies[story["split"]].add(own)
        corpora[story["split"]].setdefault(corpus_of(story["story"]), Tally()).add(own)
        if half:
            halves[half["half"]].add(own)
    whole = Tally()
    counts: dict[str, int] = {}
    for name, tally in tallies.items():
        whole.add(tally)
        counts.update({f"{name}_{k}": v for k, v in vars(tally).items()})
    reasons = {name: dict(Counter(m["why"] for d in details.values() if d["split"] == name for m in d["missed_core"]))
               for name in chosen}
    tables = {name: calibration.reliability(pairs) for name, pairs in rated.items()}
    every = [pair for pairs in rated.values() for pair in pairs]
    return Report(name=NAME, metrics={**whole.metrics(), **_calibration(every)}, counts=counts,
                  details={"core_miss_reasons": reasons, "reliability": {
                      name: [b.to_dict() for b in table] for name, table in tables.items()}, "stories": details,
                      "by_corpus": {name: {c: t.metrics() for c, t in sorted(per.items())}
                                    for name, per in corpora.items()},
                      **({"halves": {name: t.metrics() for name, t in halves.items() if t.stories}}
                         if "dev" in chosen else {})},
                  splits={name: {**tally.metrics(), **_calibration(rated[name])} for name, tally in tallies.items()})


def _calibration(pairs: Sequence[tuple[float, bool]]) -> dict[str, float]:
    error = calibration.ece(calibration.reliability(pairs))
    return {"confidence_ece": error, "calibration": round(1 - error, 4), "confidence_brier": calibration.brier(pairs)}
