"""eventing/confidence.py: the calibration model (loading, validation, sanity, the\ncoder's order kept) and the `min_confidence` cut (setting, `extract --min-confidence`)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from diurna import Pipeline
from diurna.cli import app
from diurna.errors import DiurnaError
from diurna.extract.eventing.confidence import at_least, calibrate
from diurna.knowledge.confidence import FAMILIES, MODEL_NAME, features, load_model, parse_model
from diurna.model import ActorRef, Event, Evidence
from diurna.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


def _event(n: int, confidence: float) -> Event:
    return Event(id=f"ev{n}", code="043", root_code="04", label="Host a visit", quad_class=1, goldstein=2.8,
                 evidence=Evidence(10 * n, 10 * n + 5, "x", "x"), rule="test", confidence=confidence)


@pytest.mark.parametrize(("bound", "kept"), [
    (0.0, [0.2, 0.5, 0.8]), (0.2, [0.2, 0.5, 0.8]), (0.5, [0.5, 0.8]), (0.81, []), (1.0, []),
])
def test_events_confidence_at_least_keeps_and_renumbers(bound, kept):
    out = at_least([_event(1, 0.2), _event(2, 0.5), _event(3, 0.8)], bound)
    assert [e.confidence for e in out] == kept
    assert [e.id for e in out] == [f"ev{n}" for n in range(1, len(kept) + 1)]


@pytest.mark.parametrize(("value", "ok"), [(0.0, True), (1, True), (0.4, True), (-0.1, False), (1.5, False),
                                           (True, False), ("0.5", False)])
def test_events_confidence_setting_is_checked(value, ok):
    if ok:
        assert Settings.load(min_confidence=value).min_confidence == value
    else:
        with pytest.raises(DiurnaError, match="E011"):
            Settings.load(min_confidence=value)


def _extract(*extra: str) -> list[dict]:
    res = runner.invoke(app, ["extract", str(EXAMPLES / "01-abuja-visit.txt"), "--published", "2026-03-04", *extra])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)["events"]


def test_events_confidence_extract_min_confidence_filters(pipeline):
    every = _extract()
    bound = sorted(e["confidence"] for e in every)[len(every) // 2]
    kept = _extract("--min-confidence", str(bound))
    assert 0 < len(kept) < len(every)
    assert all(e["confidence"] >= bound for e in kept)
    assert [e["id"] for e in kept] == [f"ev{n}" for n in range(1, len(kept) + 1)]
    strip = lambda e: {k: v for k, v in e.items() if k != "id"}  # noqa: E731
    assert [strip(e) for e in kept] == [strip(e) for e in every if e["confidence"] >= bound]
    assert _extract("--min-confidence", "1") == []


@pytest.mark.parametrize("bound", ["-1", "1.2"])
def test_events_confidence_extract_refuses_out_of_range(bound):
    res = runner.invoke(app, ["extract", str(EXAMPLES / "01-abuja-visit.txt"), "--min-confidence", bound])
    assert res.exit_code == 2 and "E011" in res.output, res.output


@pytest.mark.parametrize(("bound", "code"), [("1", 0), ("0", 0), ("3", 2)])
def test_events_confidence_ingest_min_confidence(tmp_path, bound, code):
    db = str(tmp_path / "s.duckdb")
    res = runner.invoke(app, ["ingest", str(EXAMPLES / "01-abuja-visit.txt"), "--db", db,
                              "--published", "2026-03-04", "--min-confidence", bound])
    assert res.exit_code == code, res.output
    if code:
        assert "E011" in res.output
        return
    stats = json.loads(runner.invoke(app, ["stats", "--db", db, "-f", "json"]).output)
    assert (stats["counts"]["events"] == 0) == (bound == "1")


# --------------------------------------------------------------------------- the calibration model

def test_events_confidence_packaged_model_loads_and_is_fitted_on_dev():
    model = load_model()
    assert model.name == MODEL_NAME and model.weights["raw"] > 0
    assert "dev" in model.fitted["on"] and "test" not in model.fitted["on"].replace("test halves", "")
    assert set(model.fitted["events"]) == {"news", "plover"}


def _model_json(**changes) -> dict:
    data = {"name": MODEL_NAME, "intercept": -1.0, "weights": {"raw": 2.0, "root=19": 0.5}}
    data.update(changes)
    return data


@pytest.mark.parametrize(("changes", "message"), [
    ({}, None),
    ({"name": "other.v1"}, "not a"),
    ({"intercept": "x"}, "intercept"),
    ({"intercept": float("inf")}, "intercept"),
    ({"weights": {}}, "weights"),
    ({"weights": {"raw": 1.0, "colour=red": 1.0}}, "unknown feature"),
    ({"weights": {"raw": 1.0, "root=19": None}}, "finite number"),
    ({"weights": {"raw": 1.0, "root=19": True}}, "finite number"),
    ({"weights": {"raw": -0.5}}, "negative"),
])
def test_events_confidence_model_is_validated(changes, message):
    if message is None:
        assert parse_model(_model_json(**changes), "m.json").probability({"raw": 0.5}) == pytest.approx(0.5)
    else:
        with pytest.raises(ValueError, match=message):
            parse_model(_model_json(**changes), "m.json")


def test_events_confidence_bad_model_file_is_a_settings_error(tmp_path):
    bad = tmp_path / "m.json"
    bad.write_text(json.dumps(_model_json(name="x")), encoding="utf-8")
    with pytest.raises(DiurnaError, match="E011"):
        Pipeline(Settings.load(confidence_model=str(bad)), nlp=spacy.blank("en"))


def _feats(ev: Event, **kw) -> dict[str, float]:
    return features(ev, kw.pop("depth", 0), {"e1": "PERSON", "e2": "ORG"}, **kw)


def _dyad(ev: Event, *, country: bool = True) -> Event:
    c = "GND" if country else None
    return replace(ev, source=ActorRef("Gondor", "e2", c, "GNDGOV" if country else None),
                   target=ActorRef("Rohan", "e1", "ROH" if country else None))


def test_events_confidence_monotone_in_the_rule_score():
    """Everything else equal, a higher rule score never gives a lower probability."""
    model = load_model()
    probs = [model.probability(_feats(_dyad(_event(1, c)))) for c in (0.05, 0.2, 0.4, 0.6, 0.8, 0.95)]
    assert probs == sorted(probs) and probs[-1] > probs[0]


@pytest.mark.parametrize(("better", "worse"), [
    ({"depth": 0}, {"depth": 3}),                      # the main clause over a side clause
])
def test_events_confidence_sanity(better, worse):
    model = load_model()
    ev = _dyad(_event(1, 0.7))
    assert model.probability(_feats(ev, **better)) >= model.probability(_feats(ev, **worse))


def test_events_confidence_features_name_the_rule_and_sides():
    ev = replace(_dyad(_event(1, 0.7)), rule="predicates.yaml:visit/active+announced-meeting", modality="future")
    f = _feats(ev)
    assert {"raw", "depth", "root=04", "modality=future", "origin=predicates.yaml", "pattern=active",
            "mod=announced-meeting", "source=entity:ORG", "target=entity:PERSON"} <= set(f)
    assert f["source_country"] == 1.0 and f["source_code"] == 1.0 and f["target_code"] == 0.0
    assert _feats(_event(1, 0.7))["source=none"] == 1.0 and "source_country" not in _feats(_event(1, 0.7))
    assert all(k.split("=")[0] in FAMILIES for k in f)


def test_events_confidence_calibrate_keeps_the_coders_order_in_a_sentence(blank_nlp):
    """Two acts of one sentence: whatever the model says, the one the rule score ranks
    first stays first; the two dyads of one act are not ordered."""
    doc = blank_nlp("Gondor attacked Rohan and Rohan praised Gondor .")
    doc[0].is_sent_start = True
    for t in doc[1:]:
        t.is_sent_start = False
    hit = replace(_event(1, 0.9), code="190", root_code="19", evidence=Evidence(0, 21, "Gondor attacked Rohan", "attacked"))
    praise = replace(_event(2, 0.5), code="051", root_code="05",
                     evidence=Evidence(26, 47, "Rohan praised Gondor .", "praised"))
    model = parse_model(_model_json(weights={"raw": 0.1, "root=05": 5.0}), "m.json")  # prefers praise
    out = calibrate([hit, praise, replace(praise, id="ev3")], doc, (), model)
    assert out[0].confidence > out[1].confidence == out[2].confidence
    assert out[0].confidence == round(model.probability(_feats(hit)), 2)
