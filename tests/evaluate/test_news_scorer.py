"""The news scorer on a tiny hand-made gold and prediction (no shared data needed),
and on the real gold's test half when ../shared/data is present."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from diurna.evaluate import below_floor
from diurna.evaluate.news import (
    HALVES,
    GoldEvent,
    PredEvent,
    Tally,
    corpus_of,
    dev_half,
    load_gold,
    matches,
    miss_reason,
    one_to_one,
    run,
    score_story,
    story_records,
    to_clean,
)
from diurna.model import ActorRef, Document, Event, Evidence, Facts, Result

SENT = (0, 40)
OTHER = (41, 80)


def gold(codes: tuple[str, ...] = ("112",), source: str | None = "GON", target: str | None = "MOR",
         symmetric: bool = False, core: bool = True, spans: tuple[tuple[int, int], ...] = (SENT,), index: int = 0
         ) -> GoldEvent:
    return GoldEvent("s1", index, spans, frozenset(c[:2] for c in codes), codes, source, target, symmetric, core)


def pred(root: str = "11", source: Iterable[str] = ("GON",), target: Iterable[str] = ("MOR",),
         spans: tuple[tuple[int, int], ...] = ((5, 20),)) -> PredEvent:
    return PredEvent(spans, root, frozenset(source), frozenset(target), f"{root} pred")


@pytest.mark.parametrize(("p", "g", "expected"), [
    (pred(), gold(), True),
    (pred(root="12"), gold(), False),  # wrong root
    (pred(spans=((45, 60),)), gold(), False),  # another sentence
    (pred(spans=((45, 60),)), gold(spans=(SENT, OTHER)), True),  # an `also` sentence
    (pred(source=("MOR",), target=("GON",)), gold(), False),  # sides swapped
    (pred(source=("MOR",), target=("GON",)), gold(symmetric=True), True),  # either way round when symmetric
    (pred(source=()), gold(), False),  # the gold source has a country: a bare side misses it
    (pred(source=(), target=()), gold(source=None, target=None), True),  # null gold sides accept anything
    (pred(root="04"), gold(codes=("112", "040")), True),  # any acceptable code's root
])
def test_news_scorer_matches(p: PredEvent, g: GoldEvent, expected: bool) -> None:
    assert matches(p, g) is expected


def test_news_scorer_one_to_one_counts_each_prediction_once() -> None:
    golds = [gold(index=0), gold(index=1)]
    assert len(one_to_one(golds, [pred()], ("source", "target"))) == 1
    assert len(one_to_one(golds, [pred(), pred()], ("source", "target"))) == 2
    assert one_to_one(golds, [pred(root="19")], ()) == {}


@pytest.mark.parametrize(("preds", "expected"), [
    ([pred(root="19")], "no_event_of_root"),
    ([pred(spans=((45, 60),))], "no_event_of_root"),
    ([pred(target=("ZZZ",))], "target"),
    ([pred(source=("ZZZ",))], "source"),
    ([pred(source=(), target=())], "both_actors"),
])
def test_news_scorer_miss_reason(preds: list[PredEvent], expected: str) -> None:
    assert miss_reason(gold(), preds) == expected


@pytest.mark.parametrize(("span", "offset_map", "clean", "expected"), [
    ((10, 20), ((0, 5, 100),), "", (5, 15)),  # inside one run of the map
    ((0, 20), ((0, 5, 100),), "", (0, 15)),  # a dropped dateline at the start is skipped
    ((2, 9), ((0, 0, 4), (3, 6, 10)), "", (2, 6)),  # across runs: first to last kept character
    ((30, 35), ((0, 0, 4),), "xx 0123456789", (3, 8)),  # outside the map: found by its words
    ((30, 35), ((0, 0, 4),), "nothing here", None),
])
def test_news_scorer_to_clean(span: tuple[int, int], offset_map: tuple[tuple[int, int, int], ...], clean: str,
                              expected: tuple[int, int] | None) -> None:
    raw = "0 Abc Z 0123456789" + " " * 12 + "01234" + " " * 100
    assert to_clean(span, raw, clean, offset_map) == expected


def test_news_scorer_story_tally() -> None:
    golds = [gold(index=0), gold(codes=("190",), source="GON", target=None, core=False, spans=(OTHER,), index=1)]
    preds = [
        pred(),  # the core accusation, right dyad
        pred(),  # the same act again: a duplicate
        pred(root="19", target=(), spans=((50, 55),)),  # one-actor, right
        pred(root="19", source=("ZZZ",), target=(), spans=((50, 55),)),  # one-actor, wrong country
        pred(root="01", source=(), target=()),  # actorless
        pred(root="04", source=("GON",), target=("ZZZ",)),  # dyadic, no such gold event
    ]
    tally = Tally()
    details = score_story(golds, preds, tally)
    assert (tally.core_hit, tally.gold_core, tally.event_hit, tally.gold) == (1, 1, 2, 2)
    # the right dyad's repeat is no right dyad
    assert (tally.dyadic, tally.dyadic_ok, tally.one_actor, tally.one_actor_ok) == (3, 1, 2, 1)
    assert (tally.actorless, tally.duplicates, tally.predicted) == (1, 2, 6)
    assert details["missed_core"] == details["missed_other"] == [] and details["wrong_dyadic"] == ["04 pred"]
    # each repeat beside the event that found the act (diurna.dev.news_repeats prints them)
    assert [(r["event"], r["found_by"], r["repeat"]) for r in details["repeats"]] == [
        (0, "11 pred", "11 pred"), (1, "19 pred", "19 pred")]
    metrics = tally.metrics()
    assert metrics["core_recall"] == 1.0 and metrics["dyadic_precision"] == 0.3333
    assert metrics["country_share"] == 0.8333 and metrics["distinct_share"] == 0.6667
    # one right dyad and one right one-actor event; the right dyad's repeat is no right event
    assert (tally.right, tally.acts_found) == (2, 2)
    assert metrics["precision"] == 0.3333 and metrics["distinct_acts_share"] == 0.5


def test_news_scorer_gated_measures_ignore_composition() -> None:
    """Removing a wrong event that repeats nothing lowers distinct_share (the repeats are
    a larger part of less output) but not distinct_acts_share, and raises precision; a
    right one-actor event becoming a right dyad lowers one_actor_precision but not
    precision."""
    golds = [gold(index=0)]
    right_dyad, repeat, wrong = pred(), pred(), pred(root="04", source=("GON",), target=("ZZZ",))
    before, after = Tally(), Tally()
    score_story(golds, [right_dyad, repeat, wrong], before)
    score_story(golds, [right_dyad, repeat], after)
    b, a = before.metrics(), after.metrics()
    assert a["distinct_share"] < b["distinct_share"] and a["distinct_acts_share"] == b["distinct_acts_share"] == 0.5
    assert a["precision"] > b["precision"]
    one_actor, grounded = Tally(), Tally()
    score_story(golds, [pred(target=()), pred(source=(), target=()), pred(root="04", target=())], one_actor)
    score_story(golds, [pred(), pred(source=(), target=()), pred(root="04", target=())], grounded)
    assert grounded.metrics()["one_actor_precision"] < one_actor.metrics()["one_actor_precision"]
    assert grounded.metrics()["precision"] == one_actor.metrics()["precision"]


@pytest.mark.parametrize("merged, repeated, rises", [
    ([0], [0, 0], True),  # a right repeat merged into the event that found the act
    ([0, 1], [0, 1, 0], True),  # one of two acts repeated
    ([0], [0], False),  # nothing repeated: the same output
])
def test_news_scorer_precision_counts_an_act_once(merged: list[int], repeated: list[int], rises: bool) -> None:
    """Merging a repeat of an act already found raises precision and dyadic precision (a
    repeat is no right event); without repeats nothing moves."""
    golds = [gold(index=0), gold(codes=("190",), index=1, spans=(OTHER,))]
    act = {0: pred(), 1: pred(root="19", spans=((45, 60),))}
    one, two = Tally(), Tally()
    score_story(golds, [act[i] for i in merged], one)
    score_story(golds, [act[i] for i in repeated], two)
    assert (one.metrics()["precision"] > two.metrics()["precision"]) is rises
    assert (one.metrics()["dyadic_precision"] > two.metrics()["dyadic_precision"]) is rises
    assert one.right == two.right == len(set(merged))


# --- run() end to end on a fictional story and a fake pipeline --------------------

TEXT = "\nGondor accused Mordor of shelling the border. Rain fell in the hills."


def _event(code: str, start: int, end: int, source: str | None, target: str | None) -> Event:
    ref = lambda c: ActorRef(text=c, country=c) if c else None  # noqa: E731
    return Event(id=f"e{start}", code=code, root_code=code[:2], label="x", quad_class=3, goldstein=-2.0,
                 evidence=Evidence(start, end, TEXT[start + 1:end + 1], "accused"), rule="test", confidence=0.9,
                 source=ref(source), target=ref(target))


class FakePipeline:
    """Cleans by dropping the leading newline (so offsets must be mapped) and returns
    two events: the accusation with its dyad and an actorless shelling."""

    def process_many(self, items: Iterable[dict[str, Any]]) -> Iterator[Result]:
        for item in items:
            text = item["text"][1:]
            doc = Document(id=item["id"], text=text, offset_map=((0, 1, len(text)),))
            events = (_event("112", 0, 44, "GON", "MOR"), _event("190", 23, 44, None, None))
            yield Result(document=doc, facts=Facts(events=events))


def _accusation() -> dict[str, Any]:
    """The gold event of TEXT's first sentence (raw offsets 1-47), a core 112 of GON on MOR."""
    sentence = TEXT[1:47]
    return {"evidence": [{"start": 1, "end": 47, "sha1": hashlib.sha1(sentence.encode()).hexdigest(),
                          "trigger_start": 8, "trigger_end": 15}],
            "codes": ["112"], "source": {"name": "Gondor", "country": "GON", "sector": "GOV"},
            "target": {"name": "Mordor", "country": "MOR", "sector": "GOV"},
            "symmetric": False, "modality": "asserted", "core": True}


def test_news_scorer_run_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "corpora").mkdir()
    (tmp_path / "corpora/voa_stories.jsonl").write_text(json.dumps({"id": "1", "title": "t", "text": TEXT}) + "\n")
    event = _accusation()
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text(json.dumps({"story": "1", "split": "dev", "events": [event]}) + "\n")
    report = run(tmp_path, FakePipeline(), gold_path=gold_path)  # type: ignore[arg-type]
    assert report.splits["dev"]["core_recall"] == report.metrics["core_recall"] == 1.0
    assert report.splits["dev"]["actorless_share"] == 0.5
    assert report.counts["dev_drifted_sentences"] == 0 and report.counts["test_stories"] == 0
    # the two events at confidence 0.9, one right: the 0.9-1.0 bin is half right
    assert report.splits["dev"]["confidence_ece"] == 0.4 and report.details["reliability"]["dev"][9]["events"] == 2
    # the story's own counts, and dev's halves (story "1" is in dev-a) beside the splits
    assert report.details["stories"]["1"]["tally"]["predicted"] == 2
    assert report.details["halves"] == {"dev-a": {k: v for k, v in report.splits["dev"].items()
                                                  if not k.startswith(("confidence", "calibration"))}}
    only_test = run(tmp_path, FakePipeline(), split="test", gold_path=gold_path)  # type: ignore[arg-type]
    assert set(only_test.splits) == {"test"} and only_test.metrics["events_per_article"] == 0.0
    assert "halves" not in only_test.details


def test_news_scorer_dev_halves_are_disjoint_cover_dev_and_are_fixed() -> None:
    dev = {s["story"] for s in load_gold() if s["split"] == "dev"}
    halves = {h: {s for s in dev if dev_half(s) == h} for h in HALVES}
    assert not halves["dev-a"] & halves["dev-b"] and halves["dev-a"] | halves["dev-b"] == dev
    voa = {h: {s for s in stories if corpus_of(s) == "voa"} for h, stories in halves.items()}
    assert (len(voa["dev-a"]), len(voa["dev-b"])) == (32, 29)
    # fixed per story, whatever else is in dev: a few stories pinned to their half
    assert [dev_half(s) for s in ("6180790", "6183074", "8009853", "6205629")] == ["dev-a", "dev-a", "dev-b", "dev-b"]


@pytest.mark.parametrize(("half", "stories"), [("dev-a", {"1"}), ("dev-b", {"2"}), ("dev", {"1", "2"}),
                                               ("test", {"7"}), ("all", {"1", "2", "7"})])
def test_news_scorer_run_scores_only_the_split_asked(tmp_path: Path, half: str, stories: set[str]) -> None:
    assert dev_half("1") == "dev-a" and dev_half("2") == "dev-b"
    (tmp_path / "corpora").mkdir()
    records = [json.dumps({"id": i, "title": "t", "text": TEXT}) for i in ("1", "2", "7")]
    (tmp_path / "corpora/voa_stories.jsonl").write_text("\n".join(records) + "\n")
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps({"story": i, "split": sp, "events": []}) + "\n"
                                 for i, sp in (("1", "dev"), ("2", "dev"), ("7", "test"))))
    report = run(tmp_path, FakePipeline(), split=half, gold_path=gold_path)  # type: ignore[arg-type]
    assert set(report.details["stories"]) == stories
    assert set(report.details.get("halves", {})) == {dev_half(s) for s in stories if s != "7"}
    assert set(report.splits) == ({"dev", "test"} if half == "all" else {"test" if half == "test" else "dev"})
    assert all(d.get("half") == (dev_half(s) if d["split"] == "dev" else None)
               for s, d in report.details["stories"].items())


def test_news_scorer_reads_bbc_stories_by_id(tmp_path: Path) -> None:
    """A "bbc-<category>-NNN" story is the BBC file's body (its first line is the title),
    scored beside VOA stories and reported per corpus."""
    (tmp_path / "corpora/bbc/politics").mkdir(parents=True)
    (tmp_path / "corpora/bbc/politics/900.txt").write_text("Gondor angry\n\n " + TEXT[1:], "utf-8")
    (tmp_path / "corpora/voa_stories.jsonl").write_text(json.dumps({"id": "1", "title": "t", "text": TEXT}) + "\n")
    records = story_records(tmp_path, ["bbc-politics-900", "bbc-politics-901", "1"])
    assert set(records) == {"bbc-politics-900", "1"}  # 901 is not in the corpus
    assert records["bbc-politics-900"] == {"id": "bbc-politics-900", "text": " " + TEXT[1:],
                                           "title": "Gondor angry", "published": None}
    assert [corpus_of(s) for s in ("bbc-politics-900", "8009853")] == ["bbc", "voa"]
    event = _accusation()
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("".join(json.dumps({"story": s, "split": "dev", "events": evs}) + "\n"
                                 for s, evs in (("bbc-politics-900", [event]), ("1", []))))
    report = run(tmp_path, FakePipeline(), gold_path=gold_path)  # type: ignore[arg-type]
    assert report.counts["dev_drifted_sentences"] == 0 and report.splits["dev"]["core_recall"] == 1.0
    assert set(report.details["by_corpus"]["dev"]) == {"bbc", "voa"}
    assert report.details["by_corpus"]["dev"]["bbc"]["core_recall"] == 1.0
    assert report.details["by_corpus"]["dev"]["voa"]["events_per_article"] == 2.0


def test_news_scorer_run_refuses_an_unknown_split(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="dev-c"):
        run(tmp_path, FakePipeline(), split="dev-c")  # type: ignore[arg-type]


def test_news_scorer_gold_holds_no_article_words() -> None:
    """The shipped gold is annotations only: offsets, hashes, codes, actor names."""
    for story in load_gold():
        assert set(story) == {"story", "split", "coder", "text_sha1", "events"}
        for ev in story["events"]:
            assert set(ev) == {"evidence", "codes", "source", "target", "symmetric", "modality", "core"}
            for span in ev["evidence"]:
                assert set(span) == {"start", "end", "sha1", "trigger_start", "trigger_end"}


@pytest.mark.data
def test_news_eval_test_split_at_floors(data_dir: Path, pipeline: Any) -> None:
    if not (data_dir / "corpora/voa_stories.jsonl").exists():
        pytest.skip("no VOA corpus")
    report = run(data_dir, pipeline, split="test")
    assert report.counts["test_drifted_sentences"] == 0
    assert report.counts["test_unplaced_sentences"] == 0
    assert below_floor(report) == {}
