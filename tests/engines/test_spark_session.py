"""Without the spark extra, `diurna spark ingest` says how to get it (E017), exit code 2."""

from __future__ import annotations

import sys

import pytest
from typer.testing import CliRunner

from diurna.cli import app
from diurna.engines.spark import session
from diurna.errors import DiurnaError


@pytest.fixture()
def no_pyspark(monkeypatch):
    for name in ("pyspark", "pyspark.sql"):
        monkeypatch.setitem(sys.modules, name, None)  # import now raises ImportError


def test_spark_session_without_pyspark_is_e017(no_pyspark):
    with pytest.raises(DiurnaError) as exc:
        session("local[1]")
    assert exc.value.code == "E017" and "diurna[spark]" in exc.value.hint


def test_spark_cli_without_pyspark_fails_cleanly(no_pyspark, examples_dir, tmp_path):
    result = CliRunner().invoke(app, ["spark", "ingest", str(examples_dir), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "E017" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("bad", ["spark.executor.memory", "=4g"])
def test_spark_cli_refuses_a_conf_without_key_and_value(bad, examples_dir, tmp_path):
    result = CliRunner().invoke(app, ["spark", "ingest", str(examples_dir), "--out", str(tmp_path / "o"), "--conf", bad])
    assert result.exit_code == 2 and "KEY=VALUE" in result.output
