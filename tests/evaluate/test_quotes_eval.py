"""The PolNeAR quote scorer: gold kinds, brat reading, matching, and the floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna.evaluate import below_floor
from diurna.evaluate import quotes as scorer
from diurna.model import Quote, SpeakerRef

TEXT = '"We will win," Arnor said. Gondor said the river was high.'


def _spans(needle: str) -> tuple[tuple[int, int], ...]:
    i = TEXT.index(needle)
    return ((i, i + len(needle)),)


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ('"We will win,"', "direct"),
        ("the river was high", "indirect"),
        ('"We will win," Arnor', "mixed"),
    ],
)
def test_quotes_eval_gold_kind(content: str, kind: str) -> None:
    assert scorer.gold_kind(TEXT, _spans(content)) == kind


def test_quotes_eval_gold_kind_typewriter_and_split() -> None:
    text = "''One,'' he said, ''two.''"
    assert scorer.gold_kind(text, ((0, 8), (18, 26))) == "direct"


def test_quotes_eval_load_split(tmp_path: Path) -> None:
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(TEXT, "utf-8")
    s, e = _spans("the river was high")[0]
    src = TEXT.index("Gondor")
    ann = (f"T1\tSource {src} {src + 6}\tGondor\nT2\tCue {src + 7} {src + 11}\tsaid\n"
           f"T3\tContent {s} {e}\tthe river was high\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n")
    (tmp_path / "attributions" / "a_x1.ann").write_text(ann, "utf-8")
    (tmp_path / "attributions" / "a_x2.ann").write_text("", "utf-8")  # second annotator: ignored
    (article,) = scorer.load_split(tmp_path)
    (gold,) = article.golds
    assert gold.kind == "indirect" and gold.source_text == "Gondor"


def _quote(needle: str, speaker: str | None = None, at: str | None = None) -> Quote:
    (s, e), = _spans(needle)
    ref = None
    if speaker is not None:
        i = TEXT.index(at or speaker)
        ref = SpeakerRef(name=speaker, start=i, end=i + len(at or speaker))
    return Quote(text=needle, kind="indirect", start=s, end=e, speaker=ref)


def test_quotes_eval_match_overlap_both_ways() -> None:
    gold = scorer.Gold(_spans("Gondor said the river was high"), "indirect", (), "")
    assert scorer.match(TEXT, [gold], [_quote("the river was high")]) == {0: [0]}
    # a prediction mostly outside the gold content does not match
    assert scorer.match(TEXT, [gold], [_quote('"We will win," Arnor said. Gondor')]) == {}
    # a prediction too small for the gold content does not match
    assert scorer.match(TEXT, [gold], [_quote("river")]) == {}


def test_quotes_eval_match_split_quote() -> None:
    text = '"One two three," he said, "four five six."'
    gold = scorer.Gold(((0, 16), (26, 42)), "direct", (), "")
    a = Quote(text="One two three", kind="direct", start=1, end=14)
    b = Quote(text="four five six.", kind="direct", start=27, end=41)
    assert scorer.match(text, [gold], [a, b]) == {0: [0, 1]}
    assert scorer.match(text, [gold], [a]) == {0: [0]}  # half the tokens: still matched


@pytest.mark.parametrize(
    ("speaker", "at", "ok"),
    [
        ("Gondor", None, True),  # span overlaps the source
        ("King of Gondor", "Arnor", True),  # last word shared with the source text
        ("Arnor", None, False),
    ],
)
def test_quotes_eval_speaker_ok(speaker: str, at: str | None, ok: bool) -> None:
    src = TEXT.index("Gondor")
    gold = scorer.Gold(_spans("the river was high"), "indirect", ((src, src + 6),), "Gondor")
    assert scorer.speaker_ok(TEXT, gold, _quote("the river was high", speaker, at)) is ok


@pytest.mark.slow
def test_quotes_eval_floors(data_dir: Path, pooled) -> None:
    if not (data_dir / scorer.DATA).is_dir():
        pytest.skip("PolNeAR dev not present")
    report = scorer.run(data_dir, pooled)
    assert below_floor(report) == {}
