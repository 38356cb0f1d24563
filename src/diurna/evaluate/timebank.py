"""`diurna eval timebank`: TIMEX3 extraction and normalisation on TBAQ (TimeBank +
AQUAINT, the TempEval-3 training corpus) in ../shared/data/time/tbaq/.

Reading: the <TEXT> element of each .tml file with its tags stripped (XML entities
decoded) is the document text; each <TIMEX3> inside it is a gold span with offsets
into that text. The DCT (document creation time) is the anchor (`published`) and is
not scored. We run the times extractor directly on the exact text (the clean stage
would reflow whitespace and may take the first line as a title, which would move
offsets); the extractor reads no spaCy annotation, so a tokenizer-only Doc is passed.

Metrics, as TempEval-3 defines them (UzZaman et al. 2013):
- strict span P/R/F1: system and gold extents identical;
- relaxed span P/R/F1: extents overlap (one-to-one, greedy in text order);
- type and value: among relaxed matches, attribute P = correct / system count,
  R = correct / gold count, F1 of the two; `type_accuracy` = correct type / matches.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..extract.times import SPEC as TIMES
from ..model import Document, Facts, TimeExpr
from ..pipeline import Pipeline
from .base import Report, prf, split_report

NAME = "timebank"
DESCRIPTION = "TIMEX3 spans, types and values on TBAQ (TempEval-3 metrics)"
DATA = "time/tbaq"

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class TimeMLDoc:
    id: str
    text: str
    dct: str | None
    timexes: tuple[Gold, ...]


def read_timeml(path: Path) -> TimeMLDoc:
    raw = path.read_text("utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    body_m = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if body_m is None:
        raise ValueError(f"{path}: no <TEXT> element; is this a TimeML file?")
    text, timexes = strip_tags(body_m.group(1))
    return TimeMLDoc(path.stem, text, dct_m.group(1)[:10] if dct_m else None, tuple(timexes))


def strip_tags(markup: str) -> tuple[str, list[Gold]]:
    """Plain text and the TIMEX3 spans of a TimeML fragment (entities decoded)."""
    out: list[str] = []
    pos = 0
    opened: list[tuple[int, dict[str, str]]] = []
    golds: list[Gold] = []
    length = 0
    for m in _TAG.finditer(markup):
        piece = html.unescape(markup[pos:m.start()])
        out.append(piece)
        length += len(piece)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            start, attrs = opened.pop()
            text = "".join(out)[start:length]
            golds.append(Gold(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
        elif not m.group(3).rstrip().endswith("/"):
            opened.append((length, dict(_ATTR.findall(m.group(3)))))
    out.append(html.unescape(markup[pos:]))
    return "".join(out), sorted(golds, key=lambda g: g.start)


def match(system: list[TimeExpr], gold: list[Gold]) -> list[tuple[TimeExpr, Gold]]:
    """One-to-one overlap matches, preferring the largest overlap, in text order."""
    pairs = []
    used: set[int] = set()
    for s in system:
        best, best_overlap = None, 0
        for i, g in enumerate(gold):
            if i in used:
                continue
            overlap = min(s.end, g.end) - max(s.start, g.start)
            if overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is not None:
            used.add(best)
            pairs.append((s, gold[best]))
    return pairs


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    paths = sorted((data_dir / DATA).glob("*/*.tml"))[:limit]
    extract = TIMES.build(pipeline.settings)
    items = []
    for path in paths:
        doc = read_timeml(path)
        document = Document(id=doc.id, text=doc.text, published=doc.dct)
        items.append((doc, list(extract(document, pipeline.nlp.make_doc(doc.text), Facts()).times)))
    return split_report(NAME, items, key=lambda item: item[0].id, score=score)


def score(items: Sequence[tuple[TimeMLDoc, list[TimeExpr]]]) -> Report:
    """TempEval-3 span, type and value figures over (gold document, our times) pairs."""
    n_sys = n_gold = strict = relaxed = type_ok = value_ok = 0
    errors: Counter[str] = Counter()
    examples: list[dict[str, str]] = []
    for doc, found in items:
        gold = list(doc.timexes)
        n_sys += len(found)
        n_gold += len(gold)
        pairs = match(found, gold)
        relaxed += len(pairs)
        for s, g in pairs:
            strict += (s.start, s.end) == (g.start, g.end)
            type_ok += s.type == g.type
            value_ok += s.value == g.value
            if s.value != g.value:
                errors["value"] += 1
                if len(examples) < 200:
                    examples.append({"doc": doc.id, "system": f"{s.text} -> {s.value}", "gold": g.value})
        errors["spurious"] += len(found) - len(pairs)
        errors["missed"] += len(gold) - len(pairs)
    strict_prf, relaxed_prf = prf(strict, n_sys - strict, n_gold - strict), prf(relaxed, n_sys - relaxed, n_gold - relaxed)
    type_prf, value_prf = prf(type_ok, n_sys - type_ok, n_gold - type_ok), prf(value_ok, n_sys - value_ok, n_gold - value_ok)
    metrics = {
        **{f"strict_{k}": v for k, v in strict_prf.items()},
        **{f"relaxed_{k}": v for k, v in relaxed_prf.items()},
        "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0,
        "type_f1": type_prf["f1"],
        **{f"value_{k}": v for k, v in value_prf.items()},
    }
    return Report(
        name=NAME,
        metrics=metrics,
        counts={"documents": len(items), "gold": n_gold, "system": n_sys, "strict": strict, "relaxed": relaxed,
                "type_correct": type_ok, "value_correct": value_ok, **errors},
        details={"value_errors": examples},
    )

