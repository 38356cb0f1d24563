"""Start-up: heavy modules are imported only by the commands that use them (issue 20)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "statement, module, imported",
    [
        ("import diurna.cli", "fastapi", False),  # `diurna extract` never pays for the server
        ("import diurna.cli", "uvicorn", False),
        ("import diurna.cli", "pyspark", False),
        ("from diurna.server import create_app", "fastapi", True),  # the server still gets it
        ("import diurna.cli", "rich.console", False),  # tables import rich's console when they draw
        ("from diurna.tables import render", "rich.table", False),
    ],
)
def test_startup_heavy_modules_load_on_use(statement, module, imported):
    code = f"{statement}; import sys; print({module!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(imported)


def test_startup_server_unknown_attribute_is_an_attribute_error():
    import diurna.server

    with pytest.raises(AttributeError):
        diurna.server.no_such_thing  # noqa: B018


@pytest.mark.parametrize("enabled", [True, False])
def test_startup_gc_paused_restores_the_collector(enabled):
    import gc

    from diurna.pipeline import gc_paused

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), gc_paused():
            raise RuntimeError("a failed build")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_startup_settle_freezes_what_is_alive():
    code = ("import gc; from diurna.pipeline import settle; keep = [[i] for i in range(1000)]; settle(); "
            "print(gc.get_freeze_count() >= 1000)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def test_startup_settle_makes_young_collections_rarer():
    code = ("import gc; from diurna.pipeline import SETTLED_GC_THRESHOLD, settle; older = gc.get_threshold()[1:]; "
            "settle(); print(gc.get_threshold() == (SETTLED_GC_THRESHOLD, *older))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def test_startup_settled_pipeline_freezes_the_build_before_collecting():
    # what the build made (under its own pause, as Pipeline does) is frozen while the
    # collector is still paused: no collection runs over it
    code = ("import gc, diurna.pipeline as p\n"
            "def build(settings):\n"
            "    with p.gc_paused():\n"
            "        return [[i] for i in range(100_000)]\n"
            "p.Pipeline = build\n"
            "runs = []\n"
            "gc.callbacks.append(lambda phase, info: runs.append(phase))\n"
            "built = p.settled_pipeline(None)\n"
            "after = [[i] for i in range(100)]\n"
            "print(gc.isenabled(), gc.get_freeze_count() >= 100_000, runs == [])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True True True"
