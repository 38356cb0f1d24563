"""Spark engine throughput: `diurna spark ingest` on local[1] and local[2] over the raw
corpora in ../shared/data/corpora (VOA JSONL, BBC text files), each run in its own
process (a fresh JVM), with the memory of the JVM, the driver and the Python workers.

    python benchmarks/spark_bench.py [--data ../shared/data] [--bbc-n 200] [--report FILE]

Prints figures; not a pass/fail test. The speed-up is computed on the pipeline phase
(reading + processing every article; model loads included) and on the whole run.
Memory is sampled from /proc every 0.2 s: peak RSS of the JVM, of the driver Python
process, and of the Python workers summed (each holds one spaCy pipeline).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _children(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        kids = []
        for task in Path(f"/proc/{p}/task").glob("*"):  # a JVM starts its children from other threads
            try:
                kids += (task / "children").read_text().split()
            except OSError:
                continue
        out.extend(int(k) for k in kids)
        todo.extend(int(k) for k in kids)
    return out


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far (its own, not its children's)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def _role(pid: int) -> str:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return "gone"
    if "java" in cmd.split(" ")[0]:
        return "jvm"
    if "pyspark.daemon" in cmd or "pyspark.worker" in cmd or "pyspark/daemon" in cmd:
        return "python_workers"
    return "other"


class Sampler(threading.Thread):
    """Peak RSS per role over the process tree of one run."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.stop = pid, threading.Event()
        self.peak = {"jvm": 0.0, "driver": 0.0, "python_workers": 0.0, "python_worker_max": 0.0}
        self.cpu: dict[int, tuple[str, float]] = {}  # pid -> (role, last CPU seconds seen)

    def run(self) -> None:
        while not self.stop.is_set():
            now = {"jvm": 0.0, "python_workers": 0.0}
            worker_max = 0.0
            for p in _children(self.pid):
                role = _role(p)
                if role in ("jvm", "python_workers"):
                    self.cpu[p] = (role, max(_cpu_seconds(p), self.cpu.get(p, (role, 0.0))[1]))
                if role in now:
                    rss = _rss_mb(p)
                    now[role] += rss
                    if role == "python_workers":
                        worker_max = max(worker_max, rss)
            self.peak["jvm"] = max(self.peak["jvm"], now["jvm"])
            self.peak["python_workers"] = max(self.peak["python_workers"], now["python_workers"])
            self.peak["python_worker_max"] = max(self.peak["python_worker_max"], worker_max)
            self.peak["driver"] = max(self.peak["driver"], _rss_mb(self.pid))
            time.sleep(0.2)


def run_once(inputs: list[str], master: str, work: Path, conf: list[str] = ()) -> dict:
    out = work / f"out-{master.strip('local[]')}"
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "diurna.cli", "spark", "ingest", *inputs, "--out", str(out), "--master", master,
           "--conf", "spark.ui.enabled=false", *(x for kv in conf for x in ("--conf", kv))]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    stdout, stderr = proc.communicate()
    sampler.stop.set()
    sampler.join()
    wall = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{master} failed:\n{stderr[-3000:]}")
    manifest = json.loads((out / "_diurna.json").read_text())
    return {"master": master, "wall_seconds": round(wall, 2), **{k: manifest[k] for k in (
        "documents", "errors", "partitions", "startup_seconds", "process_seconds", "merge_write_seconds", "seconds",
        "docs_per_s")}, "peak_rss_mb": {k: round(v) for k, v in sampler.peak.items()},
        "cpu_seconds": {role: round(sum(c for r, c in sampler.cpu.values() if r == role), 1)
                        for role in ("jvm", "python_workers")}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("DIURNA_DATA", ROOT.parent / "shared" / "data")))
    ap.add_argument("--bbc-n", type=int, default=200, help="BBC articles (the first N files, sorted).")
    ap.add_argument("--voa-n", type=int, default=None, help="VOA stories (default: all).")
    ap.add_argument("--report", type=Path, default=None)
    ap.add_argument("--conf", action="append", default=[], help="Spark setting KEY=VALUE for every run; repeatable.")
    ap.add_argument("--only", choices=("voa", "bbc"), default=None, help="Run one corpus only.")
    args = ap.parse_args()
    corpora = args.data / "corpora"
    if not corpora.is_dir():
        raise SystemExit(f"no corpora at {corpora}")
    work = Path(tempfile.mkdtemp(prefix="diurna-spark-bench-"))
    voa = corpora / "voa_stories.jsonl"
    if args.voa_n:
        lines = voa.read_text(encoding="utf-8").splitlines()[: args.voa_n]
        voa = work / "voa.jsonl"
        voa.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bbc = sorted(p for p in (corpora / "bbc").rglob("*.txt"))[: args.bbc_n]
    sets = {"voa": [str(voa)], "bbc": [str(p) for p in bbc]}
    results = {}
    for name, inputs in sets.items():
        if args.only and name != args.only:
            continue
        runs = [run_once(inputs, m, work, args.conf) for m in ("local[1]", "local[2]")]
        one, two = runs
        results[name] = {
            "runs": runs,
            "speedup_pipeline": round(one["process_seconds"] / two["process_seconds"], 2),
            "speedup_total": round(one["seconds"] / two["seconds"], 2),
            "docs_per_s_per_core_local2": round(two["docs_per_s"] / 2, 3),
        }
        for r in runs:
            print(f"{name:4} {r['master']:9} {r['documents']:4} docs  start-up {r['startup_seconds']:5.1f}s  "
                  f"pipeline {r['process_seconds']:6.1f}s ({r['docs_per_s']:.2f} docs/s)  "
                  f"merge+write {r['merge_write_seconds']:5.1f}s  total {r['seconds']:6.1f}s  "
                  f"JVM {r['peak_rss_mb']['jvm']} MB  driver {r['peak_rss_mb']['driver']} MB  "
                  f"workers {r['peak_rss_mb']['python_workers']} MB (max one {r['peak_rss_mb']['python_worker_max']} MB)  "
                  f"CPU s: JVM {r['cpu_seconds']['jvm']}, workers {r['cpu_seconds']['python_workers']}")
        print(f"{name:4} speed-up local[2]/local[1]: pipeline {results[name]['speedup_pipeline']}x, "
              f"total {results[name]['speedup_total']}x; {results[name]['docs_per_s_per_core_local2']} docs/s per core")
    shutil.rmtree(work, ignore_errors=True)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
