"""The bundled examples: every output validates, every span points at its text, and
each stage's output matches its golden file (tests/golden/<example>/<stage>.json).

After an intended change of output, rewrite the golden files with
`pytest tests/test_examples.py --update-golden` and review the diff before committing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from diurna.schema import validate

GOLDEN = Path(__file__).resolve().parent / "golden"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_FILES = sorted(p.name for p in EXAMPLES.iterdir() if p.is_file())
PUBLISHED = "2026-03-04"  # the demo's publication date (README)


@pytest.fixture(scope="session")
def example_outputs(pipeline) -> dict[str, dict[str, Any]]:
    from diurna.read import read_paths

    items = read_paths([EXAMPLES / name for name in EXAMPLE_FILES], pipeline.settings)
    outcomes = list(pipeline.process_many(items, published=PUBLISHED))
    return {name: o.to_dict() for name, o in zip(EXAMPLE_FILES, outcomes)}


def spans(obj: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    """Every dict in the output that carries start/end/text, with where it was found."""
    found = []
    if isinstance(obj, dict):
        if {"start", "end", "text"} <= set(obj) and isinstance(obj["start"], int):
            found.append((path, obj))
        for k, v in obj.items():
            if k != "text":
                found.extend(spans(v, f"{path}.{k}"))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            found.extend(spans(v, f"{path}[{i}]"))
    return found


def test_examples_are_many_and_varied():
    assert len(EXAMPLE_FILES) >= 10
    assert any(n.endswith(".html") for n in EXAMPLE_FILES)


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_examples_output_validates_against_the_schema(example_outputs, name):
    out = example_outputs[name]
    assert "error" not in out, out
    validate(out)


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_examples_every_span_points_at_its_text(example_outputs, name):
    out = example_outputs[name]
    found = spans({k: v for k, v in out.items() if k != "text"})
    assert found, "an example with no spans at all"
    for path, span in found:
        assert 0 <= span["start"] < span["end"] <= len(out["text"]), path
        assert out["text"][span["start"]:span["end"]] == span["text"], path


def _stages(out: dict[str, Any]) -> dict[str, Any]:
    document = {k: v for k, v in out.items() if k not in ("entities", "events", "quotes", "times", "amounts", "places")}
    return {"document": document, **{k: out[k] for k in ("entities", "events", "quotes", "times", "amounts", "places")}}


@pytest.mark.parametrize("name", EXAMPLE_FILES)
def test_examples_match_golden_files_per_stage(example_outputs, name, update_golden, pipeline):
    produced = {"document"} | {f for spec in pipeline.extractors for f in spec.assigns}
    folder = GOLDEN / Path(name).stem
    for stage, value in _stages(example_outputs[name]).items():
        if stage not in produced:
            assert value == [], f"{stage} is filled though no extractor assigns it"
            continue
        path = folder / f"{stage}.json"
        text = json.dumps(value, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
        if update_golden:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            continue
        assert path.exists(), f"no golden file {path}; run pytest --update-golden and review it"
        assert json.loads(text) == json.loads(path.read_text("utf-8")), f"{name}: {stage} differs from {path}"


# Random input must never crash the pipeline or break the offset invariant.
_PIECES = list("abcdefghij ABCDEFG .,;:'\"“”‘’«»—-()\n0123456789€$£") + ["Mr ", "Arnor ", "said ", "March ", "\n\n"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_TEXT, min_size=1, max_size=4))
def test_examples_random_text_keeps_offsets_and_order(pipeline, texts):
    outs = [o.to_dict() for o in pipeline.process_many(texts)]
    assert len(outs) == len(texts)
    for out in outs:
        validate(out)
        if "error" in out:
            # Empty, nothing left after cleaning, or gibberish long enough for the language
            # identifier to call it another language: each a coded refusal, never a crash.
            assert out["error"]["code"] in {"E001", "E009", "E013"}, out
            continue
        for path, span in spans({k: v for k, v in out.items() if k != "text"}):
            assert out["text"][span["start"]:span["end"]] == span["text"], path
