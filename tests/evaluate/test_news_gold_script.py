"""scripts/news_gold.py: coders' YAML -> the annotations-only gold; it stops on what it
cannot place, and the shipped gold keeps the fixed split."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from diurna.evaluate.base import split_of
from diurna.evaluate.news import load_gold

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "news_gold.py"
TEXT = "Gondor accused Mordor of shelling the border. Rain fell. Gondor again accused Mordor."


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("news_gold", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _event(**over: object) -> dict[str, object]:
    event = {"sentence": "Gondor accused Mordor of shelling the border.", "trigger": "accused", "codes": ["112"],
             "source": {"name": "Gondor", "mention": "Gondor", "country": "GON", "sector": "GOV"},
             "target": {"name": "Mordor", "mention": "Mordor", "country": "MOR", "sector": "GOV"},
             "symmetric": False, "modality": "asserted", "core": True,
             "also": [{"sentence": "Gondor again accused Mordor.", "trigger": "accused"}, "Rain fell."]}
    event.update(over)
    return event


def _convert(tmp_path: Path, event: dict[str, object]) -> int:
    story = _script().DEV[0]
    work = tmp_path / "work"
    work.mkdir()
    (work / f"{story}.yaml").write_text(json.dumps({"story": story, "coder": "t", "events": [event]}))
    corpus = tmp_path / "voa.jsonl"
    corpus.write_text(json.dumps({"id": story, "text": TEXT}) + "\n")
    return _script().main(["--work", str(work), "--corpus", str(corpus), "--out", str(tmp_path / "gold.jsonl")])


def test_news_gold_script_writes_offsets_not_words(tmp_path: Path) -> None:
    assert _convert(tmp_path, _event()) == 0
    story = json.loads((tmp_path / "gold.jsonl").read_text())
    ev = story["events"][0]
    assert [(s["start"], s["end"], s["trigger_start"]) for s in ev["evidence"]] == [(0, 45, 7), (57, 85, 70), (46, 56, None)]
    assert ev["source"]["mention_start"] == 0 and ev["target"]["mention_start"] == 15
    assert "shelling" not in (tmp_path / "gold.jsonl").read_text()


@pytest.mark.parametrize("over", [
    {"sentence": "Gondor praised Mordor."},  # not in the text
    {"trigger": "praised"},  # not in the sentence
    {"codes": ["999"]},
    {"codes": ["12"]},
    {"modality": "alleged"},
    {"source": {"name": "Gondor", "mention": "Rohan", "country": "GON", "sector": "GOV"}},
    {"source": {"name": "Gondor", "mention": None, "country": "Gondor", "sector": "GOV"}},
    {"source": {"name": "Gondor", "mention": None, "country": "GON", "sector": "KING"}},
    {"also": ["Snow fell."]},
])
def test_news_gold_script_stops_on_what_it_cannot_place(tmp_path: Path, over: dict[str, object]) -> None:
    assert _convert(tmp_path, _event(**over)) == 1


def test_news_gold_shipped_split_is_the_fixed_one() -> None:
    script = _script()
    assert len(script.DEV) == 61 and len(script.TEST) == 28 and not set(script.DEV) & set(script.TEST)
    for story in load_gold():
        assert story["split"] == script.split_for(story["story"])
    assert script.split_for("bbc-politics-067") == split_of("bbc", "bbc-politics-067")
    assert script.split_for("123") is None


def test_news_gold_script_reads_bbc_bodies_checks_and_keeps_other_stories(tmp_path: Path) -> None:
    story = "bbc-politics-900"
    (tmp_path / "data/corpora/bbc/politics").mkdir(parents=True)
    (tmp_path / "data/corpora/bbc/politics/900.txt").write_text("Gondor angry\n\n" + TEXT + "\n", "utf-8")
    work = tmp_path / "work"
    work.mkdir()
    (work / f"{story}.yaml").write_text(json.dumps({"story": story, "coder": "t", "events": [_event()]}))
    out = tmp_path / "gold.jsonl"
    out.write_text(json.dumps({"story": "8009853", "split": "dev", "events": []}) + "\n")
    args = ["--work", str(work), "--data", str(tmp_path / "data"), "--out", str(out)]
    assert _script().main([*args, "--check"]) == 0
    assert len(out.read_text().splitlines()) == 1  # --check writes nothing
    assert _script().main(args) == 0
    stories = {s["story"]: s for s in map(json.loads, out.read_text().splitlines())}
    assert set(stories) == {"8009853", story} and stories[story]["split"] == split_of("bbc", story)
    assert stories[story]["events"][0]["evidence"][0]["start"] == 0  # offsets index the body, not the title
