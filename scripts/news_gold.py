"""Build `src/diurna/evaluate/data/news_gold.jsonl` from the coders' working files.

    .venv/bin/python scripts/news_gold.py [--work /work/goldwork] [--corpus PATH] [--data DIR] [--out PATH] [--check]

The coders' YAML files (one per VOA or BBC story, see docs/coding-guide.md) quote the
articles' sentences; the repository keeps only annotations. For every event this
writes the character offsets of its evidence sentence and trigger into the story's
raw text (`evaluate.news.story_records`: a VOA record's `text`, a BBC file's body) (also
for the `also` sentences that report the same act), a sha1
of the sentence (so a changed corpus is detected, not silently mis-scored), the
codes, the actors (canonical name, country, sector, mention offsets), symmetric,
modality and core. It stops with a message naming the file and event when a
sentence, trigger or mention is not found, or a field is malformed: fix the YAML.

The output keeps every story already in it that the work folder has no file for (the
coders' files of earlier sessions are not kept), and replaces the ones it has.
`--check` converts and reports without writing (the coders' checker).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from diurna.evaluate.base import split_of
from diurna.evaluate.news import corpus_of, story_records

# The fixed split; never move a story between halves. The first 30 stories were split 20/10
# by the sha256 of "voa:" + id; the 18 test stories added in session 6 (coded by gold-d and
# gold-e, who never saw diurna's output) are the uncoded stories whose
# evaluate.base.split_of("voa", id) is "test", chosen by that rule before coding; the 41
# dev stories added at the end of session 6 (gold-f, gold-g, gold-h, who never saw
# diurna's output either) are every other story, all with split_of "dev".
DEV = ("8009853 8009314 6184384 6205674 6205843 8009027 6204681 8008998 6203896 6206085 "
       "7746511 8010842 8011218 7638284 6183074 8009004 8009976 6183254 8010779 8007760 "
       "8011117 8010030 8007271 8005899 8010588 8009719 8008079 8006503 8005797 8010418 8009771 8009495 "
       "8011076 8006651 8005869 8010657 8009044 8009973 8010046 8008126 8010057 8009714 6205629 6203091 6205546 6202623 6205512 "
       "6204569 6205696 6205362 6181504 6181316 6181245 6180932 6180790 6181522 7846440 7810159 7686618 7742331 7808748").split()
TEST = ("7836916 8008456 8006723 7678740 6202743 8008697 6184244 6203525 6180206 6203336 "
        "8011115 8010694 8010476 8008619 8008152 8011004 6183227 6180015 7677701 "
        "8007739 8008349 8006924 8004380 6204080 6181132 6180705 6181235 7750892").split()
SPLIT = {**{s: "dev" for s in DEV}, **{s: "test" for s in TEST}}


def split_for(story: str) -> str | None:
    """The fixed split of a story: the lists above for VOA; for BBC stories (added in
    session 13, chosen before coding by the sha256 of "bbc-gold:" + id among the BBC
    politics stories, coders gold-i/j/k never saw diurna's output) `split_of("bbc", id)`."""
    if corpus_of(story) == "bbc":
        return split_of("bbc", story)
    return SPLIT.get(story)

MODALITIES = {"asserted", "future", "hypothetical", "negated"}
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "REB", "OPP", "PTY", "CVL", "MED", "NGO", "IGO", "BUS",
           "EDU", "HLH", "REL", "ELI", "SPY", "CRM", "LAB", "REF"}
CODE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{1,2}$")
COUNTRY = re.compile(r"^[A-Z]{3}$")
REPO = Path(__file__).resolve().parents[1]


class GoldError(Exception):
    pass


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _locate(needle: str, hay: str, start: int, what: str) -> int:
    """Offset of `needle` in `hay` from `start`, or GoldError (the coder must fix it)."""
    if not isinstance(needle, str) or not needle:
        raise GoldError(f"{what}: empty or not a string")
    at = hay.find(needle, start)
    if at < 0:
        raise GoldError(f"{what} not found: {needle[:90]!r}")
    return at


def _span(sentence: str, text: str, trigger: str | None, what: str) -> dict[str, Any]:
    s = _locate(sentence, text, 0, f"{what} sentence")
    out: dict[str, Any] = {"start": s, "end": s + len(sentence), "sha1": sha1(sentence),
                           "trigger_start": None, "trigger_end": None}
    if trigger is not None:
        t = _locate(trigger, sentence, 0, f"{what} trigger")
        out["trigger_start"], out["trigger_end"] = s + t, s + t + len(trigger)
    return out


def _actor(raw: Any, sentence_start: int, sentence: str, what: str) -> dict[str, Any] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise GoldError(f"{what}: an actor is a mapping or null")
    country, sector = raw.get("country"), raw.get("sector")
    if country is not None and not COUNTRY.match(str(country)):
        raise GoldError(f"{what}: country {country!r} is not a three-letter code")
    if sector is not None and sector not in SECTORS:
        raise GoldError(f"{what}: sector {sector!r} is not one of {sorted(SECTORS)}")
    out: dict[str, Any] = {"name": raw.get("name"), "country": country, "sector": sector,
                           "mention_start": None, "mention_end": None}
    if raw.get("mention"):
        m = _locate(raw["mention"], sentence, 0, f"{what} mention")
        out["mention_start"], out["mention_end"] = sentence_start + m, sentence_start + m + len(raw["mention"])
    return out


def convert_event(raw: dict[str, Any], text: str, what: str) -> dict[str, Any]:
    codes = [str(c) for c in raw.get("codes") or []]
    if not codes or not all(CODE.match(c) for c in codes):
        raise GoldError(f"{what}: codes {codes!r} must be CAMEO codes such as '010', '0831', '190'")
    if raw.get("modality") not in MODALITIES:
        raise GoldError(f"{what}: modality {raw.get('modality')!r} not in {sorted(MODALITIES)}")
    sentence = raw.get("sentence")
    evidence = _span(sentence, text, raw.get("trigger") or "", what)
    also = []
    for i, item in enumerate(raw.get("also") or []):
        sent, trig = (item.get("sentence"), item.get("trigger")) if isinstance(item, dict) else (item, None)
        if trig is None and raw.get("trigger") and raw["trigger"] in sent:
            trig = raw["trigger"]  # a plain `also` string: the main trigger, when it recurs there
        also.append(_span(sent, text, trig, f"{what} also[{i}]"))
    return {
        "evidence": [evidence, *also],
        "codes": codes,
        "source": _actor(raw.get("source"), evidence["start"], sentence, f"{what} source"),
        "target": _actor(raw.get("target"), evidence["start"], sentence, f"{what} target"),
        "symmetric": bool(raw.get("symmetric", False)),
        "modality": raw["modality"],
        "core": bool(raw.get("core", False)),
    }


def convert_story(path: Path, records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    raw = yaml.safe_load(path.read_text("utf-8"))
    story = str(raw.get("story", ""))
    if story != path.stem:
        raise GoldError(f"{path}: story {story!r} does not match the file name")
    split = split_for(story)
    if split is None:
        raise GoldError(f"{path}: story {story} is in neither the dev nor the test split")
    if story not in records:
        raise GoldError(f"{path}: story {story} is not in the corpus")
    text = records[story]["text"]
    events = [convert_event(e, text, f"{path.name} event {i}") for i, e in enumerate(raw.get("events") or [])]
    return {"story": story, "split": split, "coder": raw.get("coder"), "text_sha1": sha1(text),
            "events": events}


def default_data() -> Path:
    base = Path(os.environ["DIURNA_DATA"]) if os.environ.get("DIURNA_DATA") else REPO / "../shared/data"
    return base if base.is_dir() else Path("/work/shared/data")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--work", type=Path, default=Path("/work/goldwork"), help="folder of <story>.yaml files")
    ap.add_argument("--corpus", type=Path, default=None, help="voa_stories.jsonl (default: the shared data's)")
    ap.add_argument("--data", type=Path, default=None, help="the shared data folder (default: ../shared/data)")
    ap.add_argument("--out", type=Path, default=REPO / "src/diurna/evaluate/data/news_gold.jsonl")
    ap.add_argument("--check", action="store_true", help="convert and report, write nothing")
    args = ap.parse_args(argv)
    files = sorted(args.work.glob("*.yaml"))
    records = story_records(args.data or default_data(), (p.stem for p in files), voa=args.corpus)
    try:
        stories = [convert_story(p, records) for p in files]
    except GoldError as err:
        print(f"news_gold: {err}", file=sys.stderr)
        return 1
    for s in stories:
        core = sum(e["core"] for e in s["events"])
        print(f"{s['split']:<4} {s['story']} {s['coder'] or '?':<8} events {len(s['events']):>3} core {core}")
    if args.check:
        print(f"checked {len(stories)} stories: all sentences, triggers and mentions placed")
        return 0
    new = {s["story"] for s in stories}
    kept = [json.loads(line) for line in (args.out.read_text("utf-8").splitlines() if args.out.exists() else [])
            if line.strip() and json.loads(line)["story"] not in new]
    stories = sorted(kept + stories, key=lambda s: (s["split"], s["story"]))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in stories), "utf-8")
    print(f"wrote {len(stories)} stories to {args.out} ({len(new)} from {args.work}, {len(kept)} kept)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
