"""One date reader for CLI, API and follows: compact dates understood, bad ones refused
with a coded error, and a bad filter stored by an older version tolerated on read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diurna.cli import app
from diurna.errors import DiurnaError
from diurna.store import Store, follows
from diurna.store.query import EventFilter, iso_day

from .store_builders import outlets_store

runner = CliRunner()


@pytest.mark.parametrize(("value", "expected"), [
    ("2025-01-01", "2025-01-01"), ("20250101", "2025-01-01"), (" 2025-03-04 ", "2025-03-04"),
    ("2024-02-29", "2024-02-29"), ("", None), ("  ", None), (None, None),
])
def test_iso_day_understands(value, expected):
    assert iso_day(value) == expected


@pytest.mark.parametrize("value", ["2025-13-01", "20251301", "20230229", "yesterday", "2025-1-1", "2025/01/01",
                                   "2025-W01-1", "202501011", "2025-01-01T00:00", "1e7"])
def test_iso_day_refuses_with_e007(value):
    with pytest.raises(DiurnaError) as err:
        iso_day(value, "--since")
    assert err.value.code == "E007" and "--since" in err.value.message


def test_event_filter_normalises_compact_dates():
    f = EventFilter(since="20250101", until="2025-12-31")
    assert (f.since, f.until) == ("2025-01-01", "2025-12-31")
    assert EventFilter.from_dict(f.to_dict()) == f


@pytest.mark.parametrize(("kwargs", "code"), [
    ({"dyad": "foo"}, "E021"), ({"quad": 7}, "E021"), ({"quad": True}, "E021"), ({"root": "99"}, "E021"),
    ({"code": "abc"}, "E021"), ({"limit": -1}, "E021"), ({"limit": 0}, "E021"), ({"since": "soon"}, "E007"),
])
def test_event_filter_refuses_each_with_its_code(kwargs, code):
    with pytest.raises(DiurnaError) as err:
        EventFilter(**kwargs)
    assert err.value.code == code


@pytest.fixture()
def db(tmp_path: Path) -> str:
    return outlets_store(tmp_path / "s.duckdb")


def test_follows_tolerate_a_bad_stored_filter(db):
    with Store(db) as store:  # as an older version could have stored it
        store.con.execute("INSERT INTO follows VALUES ('old', ?, now(), NULL)", [json.dumps({"since": "2025-13-01"})])
        store.con.execute("INSERT INTO follows VALUES ('junk', '[1, 2]', now(), NULL)")
        follows.add(store, "good", EventFilter(country="GND", since="20200101"))
        listed = {f.name: f for f in follows.list_all(store)}
        assert listed["good"].problem is None and listed["good"].filter.since == "2020-01-01"
        assert "2025-13-01" in (listed["old"].problem or "") and listed["old"].to_dict()["filters"] == {"since": "2025-13-01"}
        assert listed["junk"].problem
        with pytest.raises(DiurnaError) as err:
            follows.check(store, "old")
        assert err.value.code == "E021"
    result = runner.invoke(app, ["follow", "list", "--db", db, "-f", "json"])
    assert result.exit_code == 0 and {r["name"] for r in json.loads(result.output)} == {"good", "old", "junk"}


@pytest.mark.parametrize(("args", "code"), [
    (["events", "--since", "20200101"], None), (["events", "--until", "20991231"], None),
    (["quotes", "--since", "20200101"], None), (["documents", "--until", "20991231"], None),
    (["events", "--since", "20201301"], "E007"), (["documents", "--since", "soon"], "E007"),
    (["events", "--dyad", "foo"], "E021"), (["events", "--quad", "7"], "E021"),
    (["follow", "add", "x", "--since", "2020-02-30"], "E007"),
])
def test_cli_dates_and_filters(db, args, code):
    result = runner.invoke(app, [*args, "--db", db] if args[0] != "follow" else [*args, "--db", db])
    assert "Traceback" not in result.output
    if code is None:
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 2 and f"[{code}]" in result.output, result.output
        assert code == "E007" or "invalid date" not in result.output


def test_cli_follow_add_compact_date_is_stored_iso(db):
    assert runner.invoke(app, ["follow", "add", "x", "--since", "20200102", "--db", db]).exit_code == 0
    with Store(db, read_only=True) as store:
        assert follows.get(store, "x").filter.since == "2020-01-02"  # type: ignore[union-attr]
