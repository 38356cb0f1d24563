"""The real Phoenix dictionaries (../shared/data/actors/phoenix, MIT) load: at most 0.5%
of entry lines skipped, each with its reason, and `diurna extract --actors FILE` exits 0
and reports the count."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from diurna.cli import app
from diurna.knowledge.actors_loader import read_dictionary

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "01-abuja-visit.txt"
FILES = ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
         "Phoenix.agents.txt", "Phoenix.discards.txt"]


@pytest.fixture(scope="module")
def phoenix(data_dir) -> Path:
    path = data_dir / "actors" / "phoenix"
    if not path.is_dir():
        pytest.skip(f"Phoenix dictionaries not present at {path}")
    return path


@pytest.mark.data
def test_phoenix_files_skip_at_most_half_a_percent(phoenix):
    dicts = [read_dictionary(phoenix / name) for name in FILES]
    assert all(d.actors or d.agents for d in dicts)
    skipped = sum(len(d.skipped) for d in dicts)
    assert skipped <= 0.005 * sum(d.entry_lines for d in dicts)
    assert all(s.reason and s.line > 0 for d in dicts for s in d.skipped)
    assert sum(len(d.actors) for d in dicts[:3]) > 25_000 and len(dicts[3].agents) > 3_000


@pytest.mark.data
@pytest.mark.slow
@pytest.mark.parametrize("name", FILES)
def test_phoenix_files_load_through_the_cli(phoenix, name):
    res = CliRunner().invoke(app, ["extract", "--actors", str(phoenix / name), str(EXAMPLE)])
    assert res.exit_code == 0, res.output
    assert f"{phoenix / name}: " in res.stderr and "entry lines skipped" in res.stderr
