"""Where the extract stage spends its time: CPU seconds per extractor on a corpus whose
documents are annotated once, then extracted `--repeat` times (issue 20).

Annotation is done once and kept (optionally in a DocBin file, `--docs`, reused when the
texts are the same), so the figures are those of diurna's own code alone. `--profile N`
adds a cProfile table of the N costliest functions (by own time) over one more pass;
`--dump FILE` writes every document's facts as JSON lines, to check that a speed-up left
the output as it was (`cmp` two dumps). It also prints the cost per document, and the
fixed cost of one short document of our own (one sentence, `SHORT`) extracted 200 times:
what every document pays whatever its length. Figures, not a pass/fail test.

    .venv/bin/python benchmarks/extract_profile.py ../shared/data/corpora/voa_stories.jsonl \
        [--docs /tmp/voa.spacy] [--repeat 3] [--profile 30] [--dump facts.jsonl]
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import pstats
import time
from collections import defaultdict
from pathlib import Path

from diurna.bench import load_corpus
from diurna.model import Document, Facts
from diurna.pipeline import Pipeline, settled_pipeline
from diurna.settings import Settings


def annotated(pipeline: Pipeline, docs: list[Document], cache: Path | None) -> list:
    """The spaCy Docs of `docs`, from `cache` when it holds these very texts."""
    from spacy.tokens import DocBin

    digest = hashlib.sha256("\0".join(d.text for d in docs).encode()).hexdigest()[:16]
    path = cache.with_suffix(f".{digest}.spacy") if cache else None
    if path is not None and path.exists():
        return list(DocBin().from_disk(path).get_docs(pipeline.nlp.vocab))
    out = list(pipeline.nlp.pipe((d.text for d in docs), batch_size=pipeline.settings.batch_size))
    if path is not None:
        bin_ = DocBin(store_user_data=True)
        for doc in out:
            bin_.add(doc)
        bin_.to_disk(path)
    return out


SHORT = "Arnor's army shelled Gondor's border posts on Tuesday, the defence ministry said."


def fixed_cost(pipeline: Pipeline, n: int = 200) -> dict[str, float]:
    """CPU milliseconds per extractor for one short document (the best of two rounds)."""
    from diurna.pipeline import read_items

    item = next(read_items([SHORT]))
    document = pipeline._clean(item, None)
    assert isinstance(document, Document)
    doc = pipeline.nlp(document.text)
    best: dict[str, float] = {}
    for _ in range(2):
        times, _facts = extract_all(pipeline, [document] * n, [doc] * n)
        best = {k: min(v * 1000 / n, best.get(k, v * 1000 / n)) for k, v in times.items()}
    return best


def extract_all(pipeline: Pipeline, docs: list[Document], spacy_docs: list) -> tuple[dict[str, float], list[Facts]]:
    times: dict[str, float] = defaultdict(float)
    out = []
    from diurna import resolve as resolve_stage

    for document, doc in zip(docs, spacy_docs):
        # what an extractor keeps in the Doc (extract/tokens.py's columns) is built once
        # per Doc in a real run: every pass pays for it again, as the first did
        for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith("diurna.")]:
            del doc.user_data[key]
        facts = Facts()
        for spec, fn in zip(pipeline.extractors, pipeline._extract_fns):
            c0 = time.process_time()
            facts = fn(document, doc, facts)
            times[spec.name] += time.process_time() - c0
        c0 = time.process_time()
        facts = resolve_stage.resolve(document.text, facts)
        times["resolve"] += time.process_time() - c0
        out.append(facts)
    return times, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--n", type=int, default=None)
    ap.add_argument("--docs", type=Path, default=None, help="DocBin cache of the annotated texts")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", type=int, default=0, help="print the N costliest functions")
    ap.add_argument("--sort", default="tottime", help="cProfile sort key (tottime, cumtime)")
    ap.add_argument("--callers", default="", help="print the callers of functions matching this regex")
    ap.add_argument("--dump", type=Path, default=None, help="write each document's facts as JSON lines")
    args = ap.parse_args()
    settings = Settings.load()
    c0 = time.process_time()
    pipeline = settled_pipeline(settings)  # as `diurna extract` does, so the collector runs as there
    print(f"build: {time.process_time() - c0:.2f} CPU s")
    raws = load_corpus(args.corpus, settings, args.n)
    docs = [d for d in (pipeline._clean(r, None) for r in raws) if isinstance(d, Document)]
    spacy_docs = annotated(pipeline, docs, args.docs)
    best: dict[str, float] = {}
    for n in range(args.repeat):
        load = os.getloadavg()[0]
        times, facts = extract_all(pipeline, docs, spacy_docs)
        total = sum(times.values())
        print(f"pass {n + 1}: {total:6.2f} CPU s (load average {load:.1f}) "
              + " ".join(f"{k} {v:.2f}" for k, v in times.items()))
        for k, v in times.items():
            best[k] = min(v, best.get(k, v))
    print(f"best of {args.repeat} over {len(docs)} documents (CPU s): "
          + " ".join(f"{k} {v:.2f}" for k, v in best.items()) + f"; total {sum(best.values()):.2f}")
    print("per document (CPU ms): " + " ".join(f"{k} {v * 1000 / len(docs):.1f}" for k, v in best.items())
          + f"; total {sum(best.values()) * 1000 / len(docs):.1f}")
    fixed = fixed_cost(pipeline)
    print("one short document (CPU ms): " + " ".join(f"{k} {v:.2f}" for k, v in fixed.items())
          + f"; total {sum(fixed.values()):.2f}")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as f:
            for document, fs in zip(docs, facts):
                from diurna.model import Result

                f.write(json.dumps(Result(document=document, facts=fs).to_dict(), sort_keys=True) + "\n")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        extract_all(pipeline, docs, spacy_docs)
        prof.disable()
        stats = pstats.Stats(prof).sort_stats(args.sort)
        stats.print_stats(args.profile)
        if args.callers:
            stats.print_callers(args.callers)


if __name__ == "__main__":
    main()
