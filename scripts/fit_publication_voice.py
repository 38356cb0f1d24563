"""Fit the publication-voice line classifier (src/diurna/knowledge/publication_voice_weights_s10.json).

    .venv/bin/python scripts/fit_publication_voice.py [--data ../shared/data] [--l2 1.0]
    .venv/bin/python scripts/fit_publication_voice.py --hold-out app     # writes nothing
    .venv/bin/python scripts/fit_publication_voice.py --check            # writes nothing

Prompts (positives): every DEV prompt wording of `diurna eval clean` (the dev half of
evaluate/data/clean_furniture.yaml, clean_furniture_fresh_dev.yaml's `dev` and
`dev_extra`), never the probe of that file and never a test wording.
Story lines (negatives): our own texts (examples/*.txt, the story of
evaluate/clean_lines.py, the dev must-keep story lines) and the DEV side of the corpora
(split_of("clean", id) == "dev": VOA stories by id, BBC files by path), each paragraph
and each sentence. No corpus text is written anywhere: the model file holds weights and
counts.

The features and their cue words are clean/voice.py and knowledge/publication_voice.yaml.
A logistic model (numpy Newton steps, an L2 penalty on every weight but the bias), the
two classes weighted to equal mass. Threshold: just over the highest dev story line's
probability, and at least 0.5, so that no dev story line is removed; max_chars: the
longest dev prompt, rounded up.

--hold-out FAMILY fits without one family of dev prompts (FAMILIES: app, newsletter,
follow, donate, comment, paywall) and prints how many of them the model still catches:
the check that it reaches wordings it was not fitted on. --check runs the clean stage
over every VOA and BBC story of the dev side as plain text and counts the story
paragraphs the classifier removes (with the model of --voice-model, default "s10").

This script writes session 10's model ("s10", the default of the setting `voice_model`).
Session 8's (knowledge/publication_voice_weights.json, `voice_model = ""`) is reproducible
at commit d1c81de, session 9's ("s9", which did not hold the clean test floors) at 332e52f;
both files since carry weight 0 for the features added after them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np

from diurna.clean import boilerplate, voice
from diurna.evaluate import default_data_dir
from diurna.evaluate.base import split_of
from diurna.evaluate.clean_layouts import furniture, story_lines
from diurna.evaluate.clean_lines import STORY
from diurna.evaluate.clean_pages import split_sentences

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "diurna" / "knowledge" / voice.MODELS["s10"]
# the cue words this model is fitted with, beyond voice.FILE
CUE_FILES = ("publication_voice_s9.yaml", "publication_voice_s10.yaml")
FAMILIES = {
    "app": r"\bapps?\b|app store|google play|download",
    "newsletter": r"newsletter|inbox|briefing|digest|\bemail",
    "follow": r"\bfollow|facebook|instagram|twitter|whatsapp|telegram|tiktok|bluesky|linkedin|youtube|\bon x\b",
    "donate": r"donat|support|contribut|gift|patron|chip in|funded",
    "comment": r"comment|conversation|discussion|have your say|\bshare",
    "paywall": r"subscri|free articles|log in|sign in|account|unlock|trial|member",
}
MARGIN = 0.01
# Dev story paragraphs the threshold may leave over it (of ~12,000): a few corpus lines
# are the publication's own ("Listen again to the interview on the ... website"); the
# script prints those over it. Session 9: 2 (was 5). Session 10: 5 again: fitted without
# a fresh dev batch of 51 wordings, the s10 features caught 27 of them (rules included) at
# 2 and 32 at 5 (19 by the rules alone); the three more dev paragraphs over the threshold
# at 5 are a broadcast plug ("You can hear more on this story on ..."), a "Listen again
# ..." line and VOA's "This story originated in ..." credit, which eval clean counts as noise.
ALLOWED = 5
HARD = 20.0


def prompts() -> list[str]:
    return sorted(set(furniture()["dev"]["prompts"]))


def voa_dev(data_dir: Path) -> list[tuple[str, str]]:
    """(title, text) of the VOA stories on the dev side."""
    path = data_dir / "corpora" / "voa_stories.jsonl"
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [(r["title"], r["text"]) for r in records if split_of("clean", str(r["id"])) == "dev"]


def bbc_dev(data_dir: Path) -> list[str]:
    """The BBC files on the dev side, whole (title line, blank line, paragraphs)."""
    root = data_dir / "corpora" / "bbc"
    files = sorted(root.rglob("*.txt"))
    return [f.read_text("utf-8", errors="replace") for f in files
            if split_of("clean", f.relative_to(root.parent).as_posix()) == "dev"]


def counter_examples() -> list[str]:
    """The story sentences knowledge/boilerplate.yaml says its rules must not remove
    (written by us): story lines about media, channels and subscribers."""
    return [line for rule in boilerplate.rules() for line in rule.counter_examples]


def own_lines() -> list[str]:
    """Our own story lines: the eval's story, the dev must-keep lines, and the cleaned
    text of the examples (tests/golden/*/document.json: their furniture already gone)."""
    lines = [*STORY, *story_lines(), *counter_examples()]
    for path in sorted((REPO / "tests" / "golden").glob("*/document.json")):
        doc = json.loads(path.read_text("utf-8"))
        lines += [p.strip() for p in doc["text"].split("\n\n") if p.strip()]
        lines += [doc["title"]] if doc.get("title") else []
    return lines


def story_units(data_dir: Path) -> tuple[list[str], list[str], list[str]]:
    """(paragraphs, titles, sentences) of the dev stories. Paragraphs are what the clean
    stage judges (a BBC line, a VOA sentence: the VOA text has no paragraphs; our own
    lines); the threshold is set over them. Titles (a page's first line, which the
    classifier never judges) and the sentences of longer paragraphs are fitted on too."""
    paras, titles = own_lines(), []
    for title, text in voa_dev(data_dir):
        titles.append(title)
        paras += split_sentences(text)
    for text in bbc_dev(data_dir):
        lines = [p.strip() for p in text.split("\n") if p.strip()]
        titles += lines[:1]
        paras += lines[1:]
    keep = {u for u in paras if 0 < len(u) <= 600} - set(titles)
    sentences = {s for p in keep for s in split_sentences(p)} - keep - set(titles)
    return sorted(keep), sorted(set(titles)), sorted(u for u in sentences if u)


def matrix(lines: list[str]) -> np.ndarray:
    cues = voice.words(CUE_FILES)
    rows = [[1.0, *(voice.features(line, cues)[f] for f in voice.FEATURES)] for line in lines]
    return np.array(rows)


def fit(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float, steps: int = 60) -> np.ndarray:
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (weight * (p - y)) + penalty * w
        hess = (x * (weight * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w


def train(positives: list[str], paragraphs: list[str], others: list[str],
          l2: float) -> tuple[dict[str, Any], np.ndarray, np.ndarray]:
    """The model and the probabilities of the prompts and of the story paragraphs
    (`others`: titles and sentences, fitted on, not counted for the threshold). Our own
    prompt-like story lines (the dev must-keep lines) weigh HARD times a corpus line:
    they are the few story lines that speak of apps, channels and subscribers."""
    negatives = [*paragraphs, *others]
    x = matrix([*positives, *negatives])
    y = np.array([1.0] * len(positives) + [0.0] * len(negatives))
    hard = set(story_lines()) | set(counter_examples())
    mass = np.array([1.0] * len(positives) + [HARD if n in hard else 1.0 for n in negatives])
    weight = np.where(y == 1.0, 0.5 / len(positives), 0.5 / mass[len(positives):].sum()) * mass * len(y)
    w = fit(x, y, weight, l2)
    probs = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
    gate = x[:, [1 + voice.FEATURES.index(f) for f in voice.ADDRESS]].any(axis=1)
    probs = np.where(gate, probs, 0.0)  # a line with no reader or publication cue is never judged
    story = probs[len(positives):len(positives) + len(paragraphs)]
    over = float(np.sort(story)[-(ALLOWED + 1)])
    model = {
        "bias": round(float(w[0]), 4),
        "weights": {f: round(float(v), 4) for f, v in zip(voice.FEATURES, w[1:])},
        "threshold": round(min(0.99, max(0.5, over + MARGIN)), 4),
        "max_chars": int(-(-max(len(p) for p in positives) // 10) * 10),
        "address": list(voice.ADDRESS),
        "cue_files": list(CUE_FILES),
    }
    return model, probs[:len(positives)], story


def caught(model: dict[str, Any], lines: list[str]) -> list[bool]:
    parsed = voice.parse_model(model)
    return [voice.is_prompt(line, parsed) for line in lines]


def check(data_dir: Path, voice_model: str) -> dict[str, int]:
    """The dev stories' paragraphs the clean stage removes for their voice."""
    from diurna.clean import clean
    from diurna.read import read_texts
    from diurna.settings import Settings

    settings = Settings(voice_model=voice_model)
    pages = [f"{t}\n\n" + "\n\n".join(split_sentences(text)) for t, text in voa_dev(data_dir)]
    counts = {"voa_dev_stories": len(pages), "bbc_dev_stories": 0, "voa_paragraphs": 0, "bbc_paragraphs": 0,
              "voa_removed": 0, "bbc_removed": 0}
    bbc = bbc_dev(data_dir)
    counts["bbc_dev_stories"] = len(bbc)
    for name, texts in (("voa", pages), ("bbc", bbc)):
        for raw in read_texts({"text": t} for t in texts):
            doc = clean(raw, settings)  # type: ignore[arg-type]
            counts[f"{name}_paragraphs"] += doc.text.count("\n\n") + 1
            gone = [r.text for r in doc.removed if r.reason == voice.REASON]
            counts[f"{name}_removed"] += len(gone)
            for line in gone:
                print(f"  removed from a {name} dev story ({len(line)} chars)", file=sys.stderr)
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--hold-out", choices=sorted(FAMILIES))
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--voice-model", default="s10", help='--check: the setting voice_model ("" the default)')
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    data_dir = args.data or default_data_dir()
    if args.check:
        print(json.dumps(check(data_dir, args.voice_model), indent=1))
        return 0
    positives, (paragraphs, titles, sentences) = prompts(), story_units(data_dir)
    others = [*titles, *sentences]
    if args.hold_out:
        family = re.compile(FAMILIES[args.hold_out], re.I)
        held = [p for p in positives if family.search(p)]
        model, _, _ = train([p for p in positives if not family.search(p)], paragraphs, others, args.l2)
        hits = caught(model, held)
        print(f"held out {args.hold_out}: {sum(hits)}/{len(held)} caught by a model fitted without them "
              f"(threshold {model['threshold']})")
        for line, hit in zip(held, hits):
            print(f"  {'caught' if hit else 'MISSED'}  {line}")
        return 0
    model, pos, neg = train(positives, paragraphs, others, args.l2)
    model["fitted_on"] = {"prompts": len(positives), "story_paragraphs": len(paragraphs), "titles": len(titles),
                          "story_sentences": len(sentences), "l2": args.l2, "allowed": ALLOWED,
                          "script": "scripts/fit_publication_voice.py"}
    args.out.write_text(json.dumps(model, indent=1) + "\n", "utf-8")
    print(f"wrote {args.out}: {len(positives)} dev prompts, {len(paragraphs)} dev story paragraphs and "
          f"{len(sentences)} sentences; threshold "
          f"{model['threshold']}; in sample, prompts over it {int((pos >= model['threshold']).sum())}, "
          f"story paragraphs over it {int((neg >= model['threshold']).sum())}")
    for p, line in sorted(zip(neg, paragraphs), reverse=True)[:ALLOWED]:
        print(f"  over it: {p:.3f} a dev story paragraph of {len(line)} characters")
    for f, w in sorted(model["weights"].items(), key=lambda kv: -abs(kv[1])):
        print(f"  {w:+.3f}  {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
