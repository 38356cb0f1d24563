"""diurna.dev.news_agreement: two codings of one story scored against each other as the
news scorer scores diurna, in both directions."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from diurna.dev.news_agreement import agreement, main

TEXT = "Gondor accused Mordor of shelling the border. Rohan met Gondor in Minas Tirith."


def _event(sentence: str, codes: list[str], source: str | None, target: str | None, core: bool) -> dict[str, Any]:
    start = TEXT.index(sentence)
    side = lambda c: {"name": c, "country": c, "sector": "GOV"} if c else None  # noqa: E731
    return {"evidence": [{"start": start, "end": start + len(sentence),
                          "sha1": hashlib.sha1(sentence.encode()).hexdigest(),
                          "trigger_start": None, "trigger_end": None}],
            "codes": codes, "source": side(source), "target": side(target), "symmetric": False,
            "modality": "asserted", "core": core}


def _setup(tmp_path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    (tmp_path / "corpora").mkdir()
    (tmp_path / "corpora/voa_stories.jsonl").write_text(json.dumps({"id": "1", "text": TEXT}) + "\n")
    accuse, meet = "Gondor accused Mordor of shelling the border.", "Rohan met Gondor in Minas Tirith."
    a = [{"story": "1", "split": "dev", "events": [_event(accuse, ["112"], "GON", "MOR", True),
                                                  _event(meet, ["036", "040"], "ROH", "GON", False)]},
         {"story": "2", "split": "dev", "events": []}]  # coded by A only: not compared
    # B agrees on the accusation but codes it 111 first (same root 11 as A's 112),
    # and gives the meeting the wrong target
    b = [{"story": "1", "split": "dev", "events": [_event(accuse, ["111", "112"], "GON", "MOR", True),
                                                  _event(meet, ["040"], "ROH", "MOR", True)]}]
    return a, b


def test_news_agreement_scores_both_directions(tmp_path: Path) -> None:
    a, b = _setup(tmp_path)
    figures = agreement(a, b, tmp_path)
    b_on_a, a_on_b = figures["B against A"], figures["A against B"]
    assert b_on_a["stories"] == a_on_b["stories"] == 1
    # B's 111 has root 11, which A's 112 (root 11) accepts: the core act agrees; the meeting has a wrong target
    assert b_on_a["core_recall"] == 1.0 and b_on_a["event_recall"] == 0.5 and b_on_a["dyadic_precision"] == 0.5
    # A's events against B's: B marked both core; A's meeting stands with its first code, 036 (root 03),
    # which B's 040 does not accept, so only the accusation is found
    assert a_on_b["core_recall"] == a_on_b["core_recall_root"] == 0.5


def test_news_agreement_cli_prints_aggregates_only(tmp_path: Path, capsys: Any) -> None:
    a, b = _setup(tmp_path)
    (tmp_path / "a.jsonl").write_text("".join(json.dumps(s) + "\n" for s in a))
    (tmp_path / "b.jsonl").write_text("".join(json.dumps(s) + "\n" for s in b))
    assert main([str(tmp_path / "b.jsonl"), "--a", str(tmp_path / "a.jsonl"), "--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "core_recall" in out and "B against A" in out and "Gondor" not in out


def test_news_agreement_shipped_second_coding_is_annotations_of_gold_stories() -> None:
    """The second coding shipped for the agreement figures (22 stories, session 13) holds
    offsets and codes only, of stories the gold holds, with the gold's split."""
    from importlib import resources

    from diurna.evaluate.news import load_gold

    text = resources.files("diurna.evaluate").joinpath("data/news_second_coding.jsonl").read_text("utf-8")
    second = [json.loads(line) for line in text.splitlines()]
    gold = {s["story"]: s for s in load_gold()}
    assert len(second) == 22
    for story in second:
        assert set(story) == {"story", "split", "coder", "text_sha1", "events"}
        assert story["coder"] in {"gold-x", "gold-y"} and story["coder"] != gold[story["story"]]["coder"]
        assert story["split"] == gold[story["story"]]["split"] and story["text_sha1"] == gold[story["story"]]["text_sha1"]
        for ev in story["events"]:
            assert set(ev) == {"evidence", "codes", "source", "target", "symmetric", "modality", "core"}
