"""Scorers over the benchmark sets in ../shared/data (`diurna eval NAME`).

The data stays in ../shared/data; nothing here copies it. Add a scorer by writing a
module with NAME, DESCRIPTION, DATA (path under the data dir) and run(), and listing
it in SCORERS.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

from .base import Report, below_floor, default_data_dir, dev_view, floors

# scorer name -> module. Add a line here when a scorer lands.
SCORERS: dict[str, str] = {
    "actors": "diurna.evaluate.actors",
    "geo": "diurna.evaluate.geo",
    "clean": "diurna.evaluate.clean",
    "timebank": "diurna.evaluate.timebank",
    "plover": "diurna.evaluate.plover",
    "petr": "diurna.evaluate.petr",
    "case2021": "diurna.evaluate.case2021",
    "ipe": "diurna.evaluate.ipe",
    "quotes": "diurna.evaluate.quotes",
    "news": "diurna.evaluate.news",
}


def scorer(name: str) -> ModuleType:
    return import_module(SCORERS[name])


__all__ = ["SCORERS", "Report", "below_floor", "default_data_dir", "dev_view", "floors", "scorer"]
