"""1 -> 2 worker speed-up of `diurna extract` on the first N BBC stories (issue 20).

Each run is a fresh `diurna extract --workers K --format jsonl` over the same files
(output discarded; the outputs of the runs are checked equal). Prints wall seconds,
CPU seconds of the process tree and the load average at start and end. On a machine
where other work runs, wall-clock speed-up says little: rerun it on a quiet box.

So it also samples each process of the tree (/proc, every 0.2 s) and prints the CPU
seconds of the busiest one. On an idle box with C cores, a run cannot finish before its
busiest process nor before its total CPU is spread over the cores, so the CPU speed-up
is CPU(first run) / max(busiest process, total CPU / C): what the wall-clock speed-up
would be on an idle machine if nothing but CPU limited it.

    .venv/bin/python benchmarks/workers_bench.py [--n 300] [--workers 1 2] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpora" / "bbc"


TICK = os.sysconf("SC_CLK_TCK")


def _tree_cpu(root: int, seen: dict[int, float]) -> None:
    """CPU seconds so far of `root` and its descendants, into `seen` (pid -> seconds)."""
    parents: dict[int, int] = {}
    times: dict[int, float] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        parents[int(entry)] = int(fields[1])
        times[int(entry)] = (int(fields[11]) + int(fields[12])) / TICK
    for pid, cpu in times.items():
        p = pid
        while p in parents and p != root:
            p = parents[p]
        if p == root:
            seen[pid] = max(cpu, seen.get(pid, 0.0))


def _run(cmd: list[str]) -> tuple[bytes, dict[int, float]]:
    """Run `cmd`, sampling the CPU of its process tree until it ends."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    seen: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            _tree_cpu(proc.pid, seen)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out = proc.communicate()[0]
    done.set()
    sampler.join()
    return out, seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--cores", type=int, default=os.cpu_count() or 1)
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
        out, per_process = _run([diurna, "extract", "--workers", str(k), "--format", "jsonl", *files])
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        busiest = max(per_process.values(), default=cpu)
        results[k] = (wall, cpu, hashlib.sha256(out).hexdigest()[:12], out.count(b"\n"), busiest)
        print(f"--workers {k}: {len(files)} stories, wall {wall:7.1f} s, CPU {cpu:7.1f} s "
              f"(per process: {', '.join(f'{c:.1f}' for c in sorted(per_process.values(), reverse=True))}), "
              f"{results[k][3]} lines, output {results[k][2]}, load average {load0:.1f} -> {os.getloadavg()[0]:.1f}",
              flush=True)
    first = args.workers[0]
    base_wall, base_cpu = results[first][0], results[first][1]
    for k, (wall, cpu, _h, _n, busiest) in results.items():
        bound = max(busiest, cpu / min(k + 1, args.cores) if k > 1 else cpu)
        print(f"speed-up {first} -> {k} workers: wall {base_wall / wall:.2f}x; CPU-bound estimate for an idle "
              f"{args.cores}-core box {base_cpu / bound:.2f}x (busiest process {busiest:.1f} s)")
    print("outputs equal:", len({r[2] for r in results.values()}) == 1)


if __name__ == "__main__":
    main()
