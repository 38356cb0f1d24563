"""Every command, option, setting and error code is documented in README.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from diurna import errors
from diurna.cli import app
from diurna.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def _commands(group, prefix: str = "") -> list[tuple[str, object]]:
    # Typer vendors its own click, so groups are recognised by having sub-commands.
    out = []
    for name, cmd in group.commands.items():
        full = f"{prefix}{name}"
        out.append((full, cmd))
        if hasattr(cmd, "commands"):
            out.extend(_commands(cmd, full + " "))
    return out


COMMANDS = _commands(typer.main.get_command(app))


def test_docs_command_walk_sees_sub_commands():
    names = {n for n, _ in COMMANDS}
    assert {"extract", "eval actors"} <= names, "the walk must reach the commands inside groups"


@pytest.mark.parametrize("name, cmd", COMMANDS, ids=[n for n, _ in COMMANDS])
def test_docs_every_command_and_option_is_in_the_readme(name, cmd):
    top = name.split(" ")[0]
    if top == "eval" and name != "eval":
        # scorers are documented in the eval table by name
        assert f"`{name.split(' ')[1]}`" in README, f"scorer {name} missing from README"
        return
    assert f"diurna {name}" in README, f"command `diurna {name}` missing from README"
    for param in cmd.params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--") and opt != "--help":
                assert opt in README, f"option {opt} of `diurna {name}` missing from README"


@pytest.mark.parametrize("key", list(Settings().to_dict()))
def test_docs_every_setting_is_in_the_readme(key):
    assert re.search(rf"^\| `{key}` \|", README, re.M), f"setting {key} missing from the README table"


@pytest.mark.parametrize("code", sorted(n for n in dir(errors) if re.fullmatch(r"E\d{3}", n)))
def test_docs_every_error_code_is_in_the_readme(code):
    assert re.search(rf"^\| {code} \|", README, re.M), f"error code {code} missing from README"


def test_docs_readme_names_the_two_commands():
    assert "make demo" in README and "make test" in README
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert "make test" in ci
