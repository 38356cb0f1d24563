from __future__ import annotations

import importlib
import re

import pytest

from diurna import DiurnaError, Pipeline, Settings, extract
from diurna.extract import ExtractorSpec, resolve_order
from diurna.model import ErrorResult, Result

STORY = "Arnor President Elendil Halvard met Gondor's King Aragorn Elessar in Minas Tirith on Monday."


def test_pipeline_keeps_input_order_and_reports_errors_in_place(pipeline):
    items = ["", STORY, {"id": "r2", "text": "   "}, {"id": "r3", "html": "<html><body><p>" + STORY + "</p></body></html>"},
             {"id": "r4", "text": STORY, "published": "2026-03-04"}]
    out = list(pipeline.process_many(items))
    assert [o.index for o in out] == [0, 1, 2, 3, 4]
    assert [o.ok for o in out] == [False, True, False, True, True]
    assert out[0].error.code == "E001"
    assert out[2].error.code == "E006" and out[2].id == "r2"
    assert out[3].document.id == "r3" and out[4].document.id == "r4"
    assert out[4].document.published == "2026-03-04"
    # each error names its own place in the input, not the first one's
    assert [o.origin if not o.ok else o.document.origin for o in out] == [f"<item {n}>" for n in range(5)]
    assert "<item 2>" in out[2].error.message


def test_pipeline_content_id_is_a_hash_of_the_cleaned_text(pipeline):
    a = next(pipeline.process_many([STORY]))
    b = next(pipeline.process_many(["\n\n  " + STORY + "  \n"]))
    assert re.fullmatch(r"[0-9a-f]{16}", a.document.id)
    assert a.document.id == b.document.id  # same cleaned text, same id


@pytest.mark.parametrize(
    "record, override, expected",
    [
        ({"text": STORY}, None, None),
        ({"text": STORY}, "2026-01-02", "2026-01-02"),
        ({"text": STORY, "published": "2025-12-31"}, None, "2025-12-31"),
        ({"text": STORY, "published": "2025-12-31T23:00:00Z"}, None, "2025-12-31"),
        ({"text": STORY, "published": "2025-12-31"}, "2026-01-02", "2026-01-02"),  # the flag wins
    ],
)
def test_pipeline_publication_date_precedence(pipeline, record, override, expected):
    out = next(pipeline.process_many([record], published=override))
    assert out.document.published == expected


@pytest.mark.parametrize(
    ("published", "override", "expected", "warned"),
    [
        ("last Tuesday", None, None, ["W001"]),  # processed without a date, never lost
        ("7:58 AM ET", None, None, ["W001"]),  # a time is not a date
        ("7:58 AM ET", "2026-01-02", "2026-01-02", []),  # --published rescues it, no warning left
        ("2016-11", None, "2016-11", []),  # a month stays a month
        ("2016", None, "2016", []),
        ("23/11/2016", None, "2016-11-23", []),
        (1479905880, None, "2016-11-23", []),
    ],
)
def test_pipeline_record_date_never_loses_the_document(pipeline, published, override, expected, warned):
    out = list(pipeline.process_many([{"text": STORY, "published": published}, STORY], published=override))
    assert out[0].ok and out[1].ok
    assert out[0].document.published == expected
    assert [w.code for w in out[0].document.warnings] == warned
    assert ("warnings" in out[0].to_dict()) == bool(warned)


def test_pipeline_bad_override_date_stops_the_run(pipeline):
    with pytest.raises(DiurnaError, match="E007"):
        list(pipeline.process_many([STORY], published="sometime soon"))


def test_pipeline_batch_size_does_not_change_results(pipeline):
    texts = [f"{STORY} Story number {n}." for n in range(5)]
    small = Pipeline(pipeline.settings.replace(batch_size=2), nlp=pipeline.nlp)
    assert [r.to_dict() for r in small.process_many(texts)] == [r.to_dict() for r in pipeline.process_many(texts)]


def test_pipeline_failing_extractor_loses_only_that_document(pipeline, monkeypatch):
    broken = Pipeline(pipeline.settings, nlp=pipeline.nlp)

    def boom(document, doc, facts):
        if "explode" in document.text:
            raise RuntimeError("kaboom")
        return facts

    broken._extract_fns = (boom, *broken._extract_fns[1:])
    out = list(broken.process_many([STORY, "This one will explode.", STORY]))
    assert [o.ok for o in out] == [True, False, True]
    assert out[1].error.code == "E010" and "kaboom" in out[1].error.message


@pytest.mark.parametrize("extractors", [("entities",), ("times", "amounts")])
def test_pipeline_disables_components_no_extractor_needs(extractors):
    from diurna.extract import resolve_order, spacy_components
    from diurna.nlp import LEMMA_CACHE, needed_components

    p = Pipeline(Settings(extractors=extractors))
    declared = set(spacy_components(resolve_order(extractors)))
    needed = needed_components(p.nlp, declared)
    if {"attribute_ruler", "lemmatizer"} <= needed:  # one cached component stands in for both
        needed = needed - {"attribute_ruler", "lemmatizer"} | {LEMMA_CACHE}
    assert set(p.nlp.pipe_names) == needed
    assert set(p.nlp.disabled), "every component was kept"
    if not declared:  # rule-only extractors: the tokenizer alone runs
        assert p.nlp.pipe_names == []


def test_pipeline_stages_declare_what_they_need_and_add(pipeline):
    stages = pipeline.stages
    names = [s.name for s in stages]
    assert names[0] == "diurna.read.v1" and names[-1] == "diurna.resolve.v1"
    assert all(re.search(r"\.v\d+$", n) for n in names)
    assigned = {"raw"}
    for s in stages[1:]:
        needed = {r for r in s.requires if not r.startswith("spacy.")}
        assert needed <= assigned | {"document"}, s.name
        assigned |= set(s.assigns)


def test_pipeline_extractor_order_is_checked(monkeypatch):
    # `diurna.extract` the attribute is the API function; the registry is the module.
    registry = importlib.import_module("diurna.extract")
    late = ExtractorSpec("late", "test.late.v1", requires=("entities",), assigns=("events",), spacy=(), build=lambda s: None)
    assert resolve_order(("entities",))[0].name == "entities"
    with pytest.raises(DiurnaError, match="unknown extractor"):
        resolve_order(("nonsense",))
    original = registry.get_spec
    monkeypatch.setattr(registry, "get_spec", lambda name, *rest: late if name == "late" else original(name, *rest))
    with pytest.raises(DiurnaError, match="needs"):
        registry.resolve_order(("late", "entities"))
    assert [s.name for s in registry.resolve_order(("entities", "late"))] == ["entities", "late"]


def test_pipeline_extract_api_returns_a_result():
    result = extract(STORY, published="2026-03-04")
    assert isinstance(result, Result)
    assert result.document.published == "2026-03-04"
    assert any(e.name == "Elendil Halvard" for e in result.facts.entities)
    with pytest.raises(DiurnaError, match="E001"):
        extract("   ")


def test_pipeline_error_result_is_not_raised_by_process_many(pipeline):
    out = list(pipeline.process_many([b"\x00\x01".decode("latin-1")]))
    assert len(out) == 1 and isinstance(out[0], (ErrorResult, Result))
