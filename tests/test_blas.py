"""blas.py: numpy's OpenBLAS held to the threads a one-pipeline process wants."""

from __future__ import annotations

import subprocess
import sys

import pytest

from diurna import blas


@pytest.fixture
def restore_threads():
    import numpy  # noqa: F401 - loads OpenBLAS

    before = blas.threads()
    yield
    if before:
        blas.limit_threads(before[0])


@pytest.mark.parametrize("n", [1, 2])
def test_blas_limit_threads_sets_every_loaded_openblas(restore_threads, n):
    if not blas.loaded_openblas():
        pytest.skip("no OpenBLAS loaded (numpy built against another BLAS)")
    assert blas.limit_threads(n) == len(blas.loaded_openblas())
    assert set(blas.threads()) == {n}


@pytest.mark.parametrize(("maps", "found"), [
    ("7f00-7f10 r-xp 00000000 08:01 42 /venv/numpy.libs/libscipy_openblas64_-32a4b2a6.so\n"
     "7f10-7f20 r--p 00010000 08:01 42 /venv/numpy.libs/libscipy_openblas64_-32a4b2a6.so\n",
     ["/venv/numpy.libs/libscipy_openblas64_-32a4b2a6.so"]),
    ("7f00-7f10 r-xp 00000000 08:01 7 /usr/lib/libopenblas.so.0\n", ["/usr/lib/libopenblas.so.0"]),
    # none: other libraries, anonymous maps, a folder merely named so
    ("7f00-7f10 r-xp 00000000 08:01 9 /usr/lib/libmkl_rt.so\n7f10-7f20 rw-p 00000000 00:00 0 \n", []),
    ("7f00-7f10 r-xp 00000000 08:01 9 /opt/openblas/lib/libblis.so\n", []),
    ("", []),
])
def test_blas_loaded_openblas_reads_the_maps(tmp_path, maps, found):
    f = tmp_path / "maps"
    f.write_text(maps)
    assert blas.loaded_openblas(f) == found


def test_blas_loaded_openblas_without_maps_is_empty(tmp_path):
    assert blas.loaded_openblas(tmp_path / "missing") == []


@pytest.mark.parametrize(("setting", "expected"), [(1, "[1]"), (0, "[2]")])
def test_blas_settled_pipeline_holds_the_threads(setting, expected):
    # in a process of its own, as the CLI and the pool workers run it (settle() freezes the
    # collector's view of the process); the model load is stood in for by numpy's import
    code = ("import types, numpy, diurna.pipeline as p\n"
            "from diurna import blas\n"
            "from diurna.settings import Settings\n"
            "if not blas.loaded_openblas(): print('none'); raise SystemExit\n"
            "blas.limit_threads(2)\n"
            "p.Pipeline = lambda s: types.SimpleNamespace(settings=s)\n"
            f"p.settled_pipeline(Settings(blas_threads={setting}))\n"
            "print(blas.threads())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    if out == "none":
        pytest.skip("no OpenBLAS loaded (numpy built against another BLAS)")
    assert out == expected
