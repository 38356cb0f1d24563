"""The timebank scorer: reading TimeML (offsets of gold TIMEX3s in the stripped text),
one-to-one overlap matching, and the full evaluation against the pinned floors."""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna.evaluate import below_floor
from diurna.evaluate import timebank as tb
from diurna.model import TimeExpr

# A TimeML fragment written for this test (not from the benchmark).
MARKUP = (
    'Arnor <EVENT eid="e1">agreed</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2026-03-03">Tuesday</TIMEX3> '
    'to talks &amp; a truce lasting <TIMEX3 tid="t2" type="DURATION" value="P3W">three weeks</TIMEX3>.'
)


def test_timebank_strip_tags_keeps_offsets() -> None:
    text, gold = tb.strip_tags(MARKUP)
    assert text == "Arnor agreed on Tuesday to talks & a truce lasting three weeks."
    assert [(g.text, g.type, g.value) for g in gold] == [("Tuesday", "DATE", "2026-03-03"),
                                                          ("three weeks", "DURATION", "P3W")]
    for g in gold:
        assert text[g.start:g.end] == g.text


def test_timebank_read_timeml_takes_dct(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(
        '<?xml version="1.0" ?>\n<TimeML><DOCID>d1</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" '
        'value="2026-03-04" functionInDocument="CREATION_TIME">20260304</TIMEX3></DCT>\n'
        f"<TEXT>\n{MARKUP}\n</TEXT>\n</TimeML>\n", "utf-8")
    doc = tb.read_timeml(path)
    assert doc.dct == "2026-03-04"
    assert len(doc.timexes) == 2  # the DCT is not scored


@pytest.mark.parametrize("system,expected_pairs", [
    ([(16, 23)], 1),             # exact
    ([(13, 23)], 1),             # overlapping ("on Tuesday")
    ([(0, 5)], 0),               # no overlap
    ([(16, 20), (20, 23)], 1),   # one gold matched once only
])
def test_timebank_match_is_one_to_one(system: list[tuple[int, int]], expected_pairs: int) -> None:
    text, gold = tb.strip_tags(MARKUP)
    found = [TimeExpr(text[s:e], s, e, "DATE", "x") for s, e in system]
    assert len(tb.match(found, gold)) == expected_pairs


@pytest.mark.slow
def test_timebank_full_run_meets_floors(data_dir: Path, pipeline) -> None:
    report = tb.run(data_dir, pipeline)
    assert report.counts["documents"] == 256
    assert below_floor(report) == {}
