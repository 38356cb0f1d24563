"""The golden facts diff (diurna.dev.golden_diff) on small hand-made golden files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from diurna.dev.golden_diff import at_ref, compare, diff_document, diff_example, diff_facts, in_tree, main, render


def _event(code="042", src="FRAGOV", tgt="NGAGOV", rule="p:visit/active", **more):
    ev = {"id": "ev1", "code": code, "rule": rule, "date": "2026-03-03", "modality": "asserted",
          "source": {"actor_code": src, "entity": "e1", "text": "France"} if src else None,
          "target": {"actor_code": tgt, "entity": "e2", "text": "Nigeria"} if tgt else None,
          "evidence": {"start": 0, "end": 20, "text": "France visited Nigeria"}}
    ev.update(more)
    return ev


def _quote(speaker="Ama Osei", text="We will talk", **more):
    q = {"speaker": {"name": speaker, "entity": "e1"}, "text": text, "cue": "said", "kind": "direct", "start": 5}
    q.update(more)
    return q


# (stage, old facts, new facts, added keys, removed keys, changed fields)
CASES = [
    ("events", [_event()], [_event()], [], [], []),
    ("events", [_event(id="ev1")], [_event(id="ev7")], [], [], []),  # renumbered ids are no change
    ("events", [_event()], [_event(), _event(code="036")], [("036", "FRAGOV -> NGAGOV", "p:visit/active")], [], []),
    ("events", [_event(), _event(code="036")], [_event()], [], [("036", "FRAGOV -> NGAGOV", "p:visit/active")], []),
    ("events", [_event()], [_event(date="2026-03-04")], [], [], [("date", "2026-03-03", "2026-03-04")]),
    ("events", [_event(tgt=None)], [_event()], [("042", "FRAGOV -> NGAGOV", "p:visit/active")],
     [("042", "FRAGOV -> -", "p:visit/active")], []),
    ("events", [_event()], [_event(rule="p:visit/passive")], [("042", "FRAGOV -> NGAGOV", "p:visit/passive")],
     [("042", "FRAGOV -> NGAGOV", "p:visit/active")], []),
    ("events", [_event(), _event()], [_event()], [], [("042", "FRAGOV -> NGAGOV", "p:visit/active")], []),
    ("quotes", [_quote()], [_quote(cue="told")], [], [], [("cue", "said", "told")]),
    ("quotes", [_quote()], [_quote(speaker="Kofi Mensah")], [("Kofi Mensah", "We will talk")],
     [("Ama Osei", "We will talk")], []),
    ("quotes", [_quote(start=5)], [_quote(start=9)], [], [], [("start", 5, 9)]),
    ("entities", [{"id": "e1", "type": "PERSON", "name": "Ama Osei", "country": None}],
     [{"id": "e2", "type": "PERSON", "name": "Ama Osei", "country": "GHA"}], [], [], [("country", None, "GHA")]),
    ("entities", [], [{"id": "e1", "type": "ORG", "name": "Arnor Council"}], [("ORG", "Arnor Council")], [], []),
    ("times", [{"type": "DATE", "value": "2026-03-03", "text": "Tuesday"}],
     [{"type": "DATE", "value": "2026-03-03", "text": "on Tuesday"}], [], [], [("text", "Tuesday", "on Tuesday")]),
    ("times", [{"type": "DATE", "value": "2026-03-03", "text": "Tuesday"}],
     [{"type": "DATE", "value": "2026-03-10", "text": "Tuesday"}], [("DATE", "2026-03-10")], [("DATE", "2026-03-03")], []),
    ("amounts", [{"value": 9, "unit": "agreements", "currency": None}], [], [], [(9, "agreements", None)], []),
    ("places", [{"name": "Abuja", "country": "NGA", "lat": 9.05}], [{"name": "Abuja", "country": "NGA", "lat": 9.06}],
     [], [], [("lat", 9.05, 9.06)]),
]


@pytest.mark.parametrize(("stage", "old", "new", "added", "removed", "changed"), CASES)
def test_golden_diff_matches_facts_by_key(stage, old, new, added, removed, changed):
    d = diff_facts(stage, old, new)
    assert [k[:-1] for k in d.added] == added  # the last item of each is the fact's detail
    assert [k[:-1] for k in d.removed] == removed
    assert [f for c in d.changed for f in c.fields] == changed


def test_golden_diff_nested_changes_are_dotted_paths():
    old, new = _event(), _event(target={"actor_code": "NGAGOV", "text": "the Nigerian government"})
    (change,) = diff_facts("events", [old], [new]).changed
    assert change.fields == (("target.text", "Nigeria", "the Nigerian government"),)


def test_golden_diff_document_fields_and_text():
    d = diff_document({"title": "A", "text": "x", "id": "1"}, {"title": "B", "text": "y", "id": "2"})
    assert d.changed[0].fields == (("text", "...", "..."), ("title", "A", "B"))
    assert diff_document({"title": "A"}, {"title": "A"}).empty


def test_golden_diff_renders_added_removed_changed_and_totals():
    old = {"events": [_event(), _event(code="036")], "quotes": [_quote()]}
    new = {"events": [_event(date="2026-03-05"), _event(code="043")], "quotes": [_quote()]}
    text = render([diff_example("01-visit", old, new), diff_example("02-same", old, old)])
    lines = text.splitlines()
    assert lines[0] == "01-visit"
    assert "  + events: 043  FRAGOV -> NGAGOV  p:visit/active  ('France visited Nigeria')" in lines
    assert "  - events: 036  FRAGOV -> NGAGOV  p:visit/active  ('France visited Nigeria')" in lines
    assert "  ~ events: 042  FRAGOV -> NGAGOV  p:visit/active: date: '2026-03-03' -> '2026-03-05'" in lines
    assert "02-same" not in text
    assert lines[-1] == "1 added, 1 removed, 1 changed"


def test_golden_diff_empty_renders_zero_totals():
    assert render(compare({"a": {"events": [_event()]}}, {"a": {"events": [_event()]}})) == \
        "0 added, 0 removed, 0 changed\n"


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


def _write(root: Path, example: str, stage: str, value) -> None:
    path = root / "tests" / "golden" / example / f"{stage}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(value), encoding="utf-8")


def test_golden_diff_compares_a_git_ref_with_the_working_tree(tmp_path, capsys):
    _git(tmp_path, "init", "-q")
    _write(tmp_path, "01-visit", "events", [_event()])
    _write(tmp_path, "01-visit", "quotes", [_quote()])
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "golden")
    assert at_ref(tmp_path, "HEAD") == in_tree(tmp_path)
    assert main(["--root", str(tmp_path)]) == 0
    _write(tmp_path, "01-visit", "events", [_event(modality="future")])
    _write(tmp_path, "02-new", "times", [{"type": "DATE", "value": "2026-03-03", "text": "Tuesday"}])
    assert main(["--root", str(tmp_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "  ~ events: 042  FRAGOV -> NGAGOV  p:visit/active: modality: 'asserted' -> 'future'" in out
    assert "02-new" in out and "  + times: DATE  2026-03-03  ('Tuesday')" in out
    assert out[-1] == "1 added, 0 removed, 1 changed"
