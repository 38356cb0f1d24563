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
