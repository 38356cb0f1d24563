"""`diurna eval quotes`: quote content and speakers on PolNeAR (political news, 2016).

Gold: every attribution relation of `quotes/polnear/dev` with a Content span (brat
standoff, Content possibly discontinuous). Articles annotated twice keep the first
annotation file in name order, so no article counts twice.

Offsets: the quotes extractor and the extractors it needs (entities) run on a spaCy
doc of each article's exact text (no clean stage), so predicted offsets index the same string as the gold ones; the clean stage
would normalise whitespace and may lift the first line out as a title.

Gold kind, from the content's own characters (double quotation marks, including the
typewriter '' and `` of the NYT files; single marks in this corpus are mostly
apostrophes):
- direct: the content opens with a double mark and closes with one (trailing
  punctuation allowed; a discontinuous content "A," ... "B." counts as one);
- mixed: some double mark inside, not direct;
- indirect: no double mark.
PolNeAR also annotates reported beliefs, polls and findings ("a poll shows",
"believes"), which count as indirect gold here: recall of indirect speech is measured
against all of them.

Matching, on word tokens: each predicted quote goes to the gold content holding the
largest share of the gold's tokens among those holding at least half of the
prediction's tokens; a gold content is matched when the predictions assigned to it
together cover at least half of its tokens (so "A," he said, "B." found as two direct
quotes matches one gold content A+B). Precision counts predictions assigned to matched
golds; recall counts matched golds. Scored separately for direct quotes (gold direct vs
predicted direct) and indirect speech (gold indirect+mixed vs predicted
indirect+mixed), and for all quotes regardless of kind.

Speaker accuracy, over matched gold contents that have a Source: the first assigned
prediction's speaker is right when its span overlaps a Source span, or its (canonical)
name and the Source text share their last word.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..extract import ExtractorSpec, get_spec, resolve_order
from ..model import Document, Quote
from ..pipeline import Pipeline
from .base import Report, exact_facts, split_report

NAME = "quotes"
DESCRIPTION = "direct and indirect quote content and speakers on PolNeAR dev"
DATA = "quotes/polnear/dev"

_WORD = re.compile(r"\w+")
_OPENERS = ('"', "\u201c", "``", "''")
_CLOSERS = ('"', "\u201d", "''")
_DOUBLE = re.compile(r"[\"\u201c\u201d]|''|``")


@dataclass(frozen=True, slots=True)
class Gold:
    spans: tuple[tuple[int, int], ...]
    kind: str
    sources: tuple[tuple[int, int], ...]
    source_text: str


@dataclass(frozen=True, slots=True)
class Article:
    name: str
    text: str
    golds: tuple[Gold, ...]


def load_split(split_dir: Path) -> list[Article]:
    """Articles of a PolNeAR split with the gold contents of one annotation each."""
    out = []
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        anns = sorted((split_dir / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not anns:
            continue
        text = text_path.read_text("utf-8")
        out.append(Article(text_path.stem, text, tuple(_golds(anns[0].read_text("utf-8"), text))))
    return out


def _golds(ann: str, text: str) -> Iterator[Gold]:
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    relations = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, where = parts[1].partition(" ")
            pieces = tuple(tuple(int(x) for x in p.split()) for p in where.split(";"))
            spans[parts[0]] = (label, pieces)  # type: ignore[assignment]  # brat offsets come in (start, end) pairs
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(a.split(":", 1) for a in parts[1].split()))
    for rel in relations:
        content = spans.get(rel.get("Content", ""))
        if content is None:
            continue
        source = spans.get(rel.get("Source", ""), ("", ()))[1]
        yield Gold(content[1], gold_kind(text, content[1]), source, " ".join(text[s:e] for s, e in source))


def gold_kind(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    first = text[spans[0][0]:spans[0][1]].strip()
    last = text[spans[-1][0]:spans[-1][1]].strip().rstrip(".,;:!?").rstrip()
    if first.startswith(_OPENERS) and last.endswith(_CLOSERS) and (len(spans) > 1 or len(first) > 2):
        return "direct"
    if any(_DOUBLE.search(text[s:e]) for s, e in spans):
        return "mixed"
    return "indirect"


def _tokens(text: str, spans) -> frozenset[int]:
    return frozenset(m.start() for s, e in spans for m in _WORD.finditer(text, s, e))


def quote_chain(names: tuple[str, ...]) -> tuple[ExtractorSpec, ...]:
    """The quotes extractor and the extractors it needs, in settings order: those listed
    before it that assign a field it (or another kept one) requires. Others (times,
    places, ...) cannot change a quote, so they are not run."""
    names = tuple(names)
    names = names[: names.index("quotes")] if "quotes" in names else names
    quotes = get_spec("quotes")
    needed, keep = set(quotes.requires), [quotes]
    for spec in reversed(resolve_order(names)):
        if needed & set(spec.assigns):
            keep.insert(0, spec)
            needed |= set(spec.requires)
    return tuple(keep)


def extract_exact(pipeline: Pipeline, articles: list[Article]) -> Iterator[tuple[Article, tuple[Quote, ...]]]:
    """Quotes of each article, from a parse of its exact text (see the module docstring)."""
    documents = [Document(id=a.name, text=a.text) for a in articles]
    facts = exact_facts(pipeline, quote_chain(pipeline.settings.extractors), documents)
    for article, found in zip(articles, facts):
        yield article, found.quotes


@dataclass
class _Tally:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0

    def add(self, other: tuple[int, int, int, int]) -> None:
        self.tp_pred += other[0]
        self.n_pred += other[1]
        self.tp_gold += other[2]
        self.n_gold += other[3]

    def metrics(self, prefix: str) -> dict[str, float]:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {f"{prefix}_precision": round(p, 4), f"{prefix}_recall": round(r, 4), f"{prefix}_f1": round(f, 4)}


def match(text: str, golds: list[Gold], preds: list[Quote]) -> dict[int, list[int]]:
    """{gold index: predicted indices} for the matched golds (rules in the docstring)."""
    gtoks = [_tokens(text, g.spans) for g in golds]
    assigned: dict[int, list[int]] = {}
    for j, q in enumerate(preds):
        ptoks = _tokens(text, ((q.start, q.end),))
        best, best_share = None, 0.0
        for i, gt in enumerate(gtoks):
            common = len(ptoks & gt)
            if not ptoks or not gt or common * 2 < len(ptoks) or not common:
                continue
            share = common / len(gt)
            if share > best_share:
                best, best_share = i, share
        if best is not None:
            assigned.setdefault(best, []).append(j)
    out = {}
    for i, js in assigned.items():
        covered = set().union(*(_tokens(text, ((preds[j].start, preds[j].end),)) for j in js))
        if len(covered & gtoks[i]) * 2 >= len(gtoks[i]):
            out[i] = js
    return out


def _score(text: str, golds: list[Gold], preds: list[Quote]) -> tuple[tuple[int, int, int, int], dict[int, list[int]]]:
    matched = match(text, golds, preds)
    tp_pred = sum(len(js) for js in matched.values())
    return (tp_pred, len(preds), len(matched), len(golds)), matched


def speaker_ok(text: str, gold: Gold, quote: Quote) -> bool:
    sp = quote.speaker
    if sp is None:
        return False
    if sp.start is not None and sp.end is not None:
        if any(min(e, sp.end) > max(s, sp.start) for s, e in gold.sources):
            return True
    ours = [w.lower() for w in _WORD.findall(sp.name)]
    theirs = [w.lower() for w in _WORD.findall(gold.source_text)]
    return bool(ours and theirs) and (ours[-1] in theirs or theirs[-1] in ours)


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    return score_split(data_dir / DATA, pipeline, limit)


def score_split(split_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    articles = load_split(split_dir)[:limit]
    t0 = time.perf_counter()
    items = list(extract_exact(pipeline, articles))
    seconds = time.perf_counter() - t0
    report = split_report(NAME, items, key=lambda item: item[0].name, score=score)
    report.details.update({"seconds": round(seconds, 2),
                           "articles_per_second": round(len(articles) / seconds, 2) if seconds else 0.0})
    return report


def score(items: Sequence[tuple[Article, tuple[Quote, ...]]]) -> Report:
    """Quote P/R/F1 by kind and speaker accuracy over (gold article, our quotes) pairs."""
    articles = [article for article, _ in items]
    kinds = {"direct": ("direct",), "indirect": ("indirect", "mixed"), "all": ("direct", "indirect", "mixed")}
    tallies = {k: _Tally() for k in kinds}
    speakers = {k: [0, 0] for k in kinds}
    errors: list[dict[str, str]] = []
    n_pred_kinds = {"direct": 0, "mixed": 0, "indirect": 0}
    for article, quotes in items:
        for q in quotes:
            n_pred_kinds[q.kind] += 1
        for name, members in kinds.items():
            golds = [g for g in article.golds if g.kind in members]
            preds = [q for q in quotes if q.kind in members]
            counts, matched = _score(article.text, golds, preds)
            tallies[name].add(counts)
            for i, js in matched.items():
                if not golds[i].sources:
                    continue
                ok = speaker_ok(article.text, golds[i], preds[js[0]])
                speakers[name][0] += ok
                speakers[name][1] += 1
                if not ok and name == "all" and len(errors) < 40:
                    q = preds[js[0]]
                    errors.append({"article": article.name, "quote_start": str(q.start),
                                   "ours": q.speaker.name if q.speaker else "", "rule": q.rule or ""})
    metrics: dict[str, float] = {}
    for name in ("direct", "indirect", "all"):
        metrics.update(tallies[name].metrics(name))
    for name in ("direct", "indirect", "all"):
        right, n = speakers[name]
        key = "speaker_accuracy" if name == "all" else f"{name}_speaker_accuracy"
        metrics[key] = round(right / n, 4) if n else 0.0
    gold_kinds = {k: sum(g.kind == k for a in articles for g in a.golds) for k in ("direct", "mixed", "indirect")}
    return Report(
        name=NAME,
        metrics=metrics,
        counts={"articles": len(articles), **{f"gold_{k}": v for k, v in gold_kinds.items()},
                **{f"predicted_{k}": v for k, v in n_pred_kinds.items()},
                "speaker_scored": speakers["all"][1], "direct_speaker_scored": speakers["direct"][1],
                "indirect_speaker_scored": speakers["indirect"][1]},
        details={"speaker_errors": errors},
    )
