"""Build `src/diurna/knowledge/lemma_table.json.gz`, the lemma cache's shipped table (issue 20).

    .venv/bin/python scripts/build_lemma_table.py CORPUS... [--min-count 2] [--n N]

Parses the corpus with the pinned model (tok2vec, tagger, parser: what the lemma cache's
key reads), runs the lemma cache with nothing kept, and writes every context-free key
(form, tag, dependency class) seen at least --min-count times with the model's own
answer for it (tag and dependency changes, POS, morphology, lemma). The file holds
single word forms with their tags, never a sentence or a neighbour. It is read only by
the model and spaCy version it was built with. After a model or spaCy upgrade, build it
again (the lemma tests check every entry against the model).
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "diurna" / "knowledge" / "lemma_table.json.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="+")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--n", type=int, default=None)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    os.environ["DIURNA_CACHE"] = "off"  # the table learnt here must be this run's own

    from diurna.bench import load_corpus
    from diurna.lemma_cache import LemmaCache, model_id, write_shipped
    from diurna.nlp import load_model
    from diurna.settings import Settings

    settings = Settings.load()
    texts = [d.content for d in load_corpus(args.corpus, settings, args.n)]
    nlp = load_model(settings.spacy_model, ["parser", "tagger", "attribute_ruler", "lemmatizer"], lemma_cache=False)
    cache = LemmaCache(nlp)
    counts: Counter = Counter()
    c0 = time.process_time()
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        for doc in nlp.pipe(texts, batch_size=settings.batch_size):
            counts.update(cache.keys_of(doc))
            cache(doc)
    keep = [key for key, n in counts.items() if n >= args.min_count]
    rows = cache.shipped_rows(keep)
    note = (f"learnt from {len(texts)} documents of {', '.join(Path(c).name for c in args.corpus)}; "
            f"context-free keys seen at least {args.min_count} times")
    write_shipped(args.out, rows, model_id(nlp), note)
    print(f"{len(texts)} documents, {sum(counts.values())} tokens, {len(counts)} keys; "
          f"{len(rows)} rows written to {args.out} ({args.out.stat().st_size} bytes) "
          f"in {time.process_time() - c0:.1f} CPU s")


if __name__ == "__main__":
    main()
