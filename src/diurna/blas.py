"""How many threads the BLAS library under numpy may use in this process (issue 20).

numpy's wheels bundle OpenBLAS, which starts one thread per core and keeps them spinning
between the matrix products that spaCy's layers ask of it. A diurna process runs one
pipeline on one core (a pool worker per core, `diurna extract`, the bench), so the other
threads only burn CPU waiting for work, and fight the other workers for their cores. On
the 89 VOA stories, one thread made annotation ~10% cheaper in CPU seconds, and no slower
by the clock, for output identical byte for byte (bare spaCy: 13.4 -> 11.3 CPU s).

The library is found among the shared objects this process has loaded (Linux's
/proc/self/maps) and told through its own entry point, as threadpoolctl does; where
there is none (another platform, a BLAS other than OpenBLAS) nothing changes.
"""

from __future__ import annotations

import ctypes
from pathlib import Path
from typing import Any

# The entry points of OpenBLAS builds: numpy's scipy-openblas (64-bit integers), then
# other 64-bit and plain builds.
_SETTERS = ("scipy_openblas_set_num_threads64_", "openblas_set_num_threads64_", "openblas_set_num_threads")
_GETTERS = ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads")


def loaded_openblas(maps: Path = Path("/proc/self/maps")) -> list[str]:
    """The paths of the OpenBLAS libraries this process has loaded, in order, once each."""
    try:
        lines = maps.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    paths = (parts[5].strip() for parts in (line.split(maxsplit=5) for line in lines) if len(parts) == 6)
    return list(dict.fromkeys(p for p in paths if "openblas" in Path(p).name.lower()))


def _entry(path: str, names: tuple[str, ...]) -> Any:
    try:
        lib = ctypes.CDLL(path)  # already loaded: the same handle, nothing run again
    except OSError:
        return None
    for name in names:
        fn = getattr(lib, name, None)
        if fn is not None:
            return fn
    return None


def limit_threads(n: int) -> int:
    """Let every loaded OpenBLAS use `n` threads; how many libraries were told."""
    told = 0
    for path in loaded_openblas():
        setter = _entry(path, _SETTERS)
        if setter is not None:
            setter(ctypes.c_int(n))
            told += 1
    return told


def threads() -> list[int]:
    """The thread count of every loaded OpenBLAS (for tests and `diurna bench`)."""
    out = []
    for path in loaded_openblas():
        getter = _entry(path, _GETTERS)
        if getter is not None:
            getter.restype = ctypes.c_int
            out.append(int(getter()))
    return out
