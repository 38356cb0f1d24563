"""1 -> 2 worker speed-up of `diurna extract` on the first N BBC stories (issue 20).

Each run is a fresh `diurna extract --workers K --format jsonl` over the same files
(output discarded; the outputs of the runs are checked equal). Prints wall seconds,
CPU seconds of the process tree and the load average at start and end. On a machine
where other work runs, wall-clock speed-up says little: rerun it on a quiet box.

    .venv/bin/python benchmarks/workers_bench.py [--n 300] [--workers 1 2] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "bbc"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--corpus", type=Path, default=Path(os.environ.get("DIURNA_DATA", DEFAULT.parent.parent)) / "corpora" / "bbc")
    args = ap.parse_args()
    files = sorted(str(p) for p in args.corpus.rglob("*.txt"))[: args.n]
    if not files:
        sys.exit(f"no .txt files under {args.corpus}")
    diurna = str(Path(sys.executable).parent / "diurna")
    results = {}
    for k in args.workers:
        load0 = os.getloadavg()[0]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        out = subprocess.run([diurna, "extract", "--workers", str(k), "--format", "jsonl", *files],
                             capture_output=True, check=False).stdout
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        results[k] = (wall, cpu, hashlib.sha256(out).hexdigest()[:12], out.count(b"\n"))
        print(f"--workers {k}: {len(files)} stories, wall {wall:7.1f} s, CPU {cpu:7.1f} s, "
              f"{results[k][3]} lines, output {results[k][2]}, load average {load0:.1f} -> {os.getloadavg()[0]:.1f}",
              flush=True)
    base = results[args.workers[0]][0]
    for k, (wall, *_rest) in results.items():
        print(f"speed-up {args.workers[0]} -> {k} workers (wall): {base / wall:.2f}x")
    print("outputs equal:", len({r[2] for r in results.values()}) == 1)


if __name__ == "__main__":
    main()
