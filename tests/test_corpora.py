"""Every shared corpus through the whole pipeline: no extractor crash loses a document.

All of ../shared/data/corpora (every BBC file, every VOA story), every PolNeAR text
(train and dev) and every PLOVER gold-record text run through the pipeline as a user
would feed them (files and JSONL through the read stage); an E010 is a bug in an
extractor, and each must be fixed with a regression test of our own.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from diurna.evaluate import plover
from diurna.model import ErrorResult
from diurna.read import read_paths


def corpus_inputs(data_dir: Path, settings: Any) -> Iterator[Any]:
    """The read-stage items of every shared corpus, then the PLOVER record texts."""
    paths = [data_dir / "corpora", *(data_dir / "quotes" / "polnear" / s / "text" for s in ("train", "dev"))]
    records = ({"id": f"plover-{r['id']}", "text": r["text"]} for r in plover.load(data_dir / plover.DATA))
    return itertools.chain(read_paths([p for p in paths if p.exists()], settings), records)


@pytest.mark.slow
@pytest.mark.data
def test_corpora_no_extractor_crash(data_dir, settings, pooled):
    codes: Counter[str] = Counter()
    crashes = []
    for outcome in pooled.process_many(corpus_inputs(data_dir, settings)):
        code = outcome.error.code if isinstance(outcome, ErrorResult) else "ok"
        codes[code] += 1
        if code == "E010":
            crashes.append(f"{outcome.origin}: {outcome.error.message}")
    # 2,225 BBC files, 89 VOA stories, 924 PolNeAR texts, 322 PLOVER sentences
    assert sum(codes.values()) >= 3_500, codes
    assert crashes == [], "\n".join(crashes)
