"""The extractor registry's plug-ins: other packages register extractors under the
entry-point group `diurna.extractors`; faked here with importlib.metadata.EntryPoint
objects pointing at a module made in the test. Broken plug-ins give coded errors and
never lose a document."""

from __future__ import annotations

import importlib
import sys
import types
from dataclasses import replace
from importlib import metadata

import pytest
import spacy

from diurna.errors import DiurnaError
from diurna.extract import GROUP, ExtractorSpec
from diurna.model import Amount
from diurna.pipeline import Pipeline
from diurna.settings import Settings

registry = importlib.import_module("diurna.extract")  # `diurna.extract` the attribute is a function
MODULE = "fake_diurna_plugin"


def _counter(settings):
    def count_words(document, doc, facts):
        if "explode" in document.text:
            raise RuntimeError("kaboom")
        n = len(document.text.split())
        return replace(facts, amounts=(*facts.amounts, Amount(text=document.text[:1], start=0, end=1, value=n,
                                                              unit="words", rule="acme.counter.v1")))
    return count_words


GOOD = ExtractorSpec("counter", "acme.counter.v1", requires=("times",), assigns=("amounts",), spacy=(),
                     build=_counter)


def _failing_build(settings):
    raise OSError("model file missing")


def _module() -> types.ModuleType:
    mod = types.ModuleType(MODULE)
    mod.SPEC = GOOD
    mod.NOT_A_SPEC = {"name": "counter"}
    mod.WRONG_NAME = replace(GOOD, name="tally")
    mod.UNVERSIONED = replace(GOOD, version="counter")
    mod.OURS = replace(GOOD, version="diurna.counter.v1")
    mod.OTHER_NAME_IN_VERSION = replace(GOOD, version="acme.tally.v1")
    mod.BAD_BUILD = replace(GOOD, build=_failing_build)
    mod.RETURNS_NONE = replace(GOOD, build=lambda settings: None)
    mod.TIMES = replace(GOOD, name="times", version="acme.times.v1")
    return mod


@pytest.fixture
def install(monkeypatch):
    """Install fake plug-ins: install(("counter", "SPEC"), ...) -> entry points of MODULE."""
    monkeypatch.setitem(sys.modules, MODULE, _module())

    def _install(*entries: tuple[str, str]) -> None:
        eps = [metadata.EntryPoint(name, f"{MODULE}:{attr}" if ":" not in attr else attr, GROUP)
               for name, attr in entries]
        real = metadata.entry_points

        def fake(**params):
            return [ep for ep in eps if ep.group == params.get("group")] if params else real()
        monkeypatch.setattr(registry.metadata, "entry_points", fake)
    return _install


def test_registry_plugin_is_found_without_editing_registry(install):
    install(("counter", "SPEC"))
    spec = registry.get_spec("counter")
    assert "counter" not in registry.REGISTRY
    assert spec.version == "acme.counter.v1" and spec.origin == f"{MODULE}:SPEC"
    assert "counter" in registry.known() and "times" in registry.known()


def test_registry_versioned_names_select_and_pin(install):
    install(("counter", "SPEC"))
    assert registry.get_spec("acme.counter.v1").name == "counter"
    assert registry.get_spec("diurna.times.v1").name == "times"
    for pinned in ("acme.counter.v2", "diurna.times.v9"):
        with pytest.raises(DiurnaError, match="E011.*is not installed"):
            registry.get_spec(pinned)


@pytest.mark.parametrize(("entries", "name", "message"), [
    ([("counter", "no_such_module_for_diurna:SPEC")], "counter", "cannot be loaded: ModuleNotFoundError"),
    ([("counter", "NO_SUCH_ATTRIBUTE")], "counter", "cannot be loaded: AttributeError"),
    ([("counter", "NOT_A_SPEC")], "counter", "expected a diurna.extract.ExtractorSpec, got dict"),
    ([("counter", "WRONG_NAME")], "counter", "SPEC.name is 'tally'"),
    ([("counter", "UNVERSIONED")], "counter", "must read '<namespace>.counter.v<N>'"),
    ([("counter", "OTHER_NAME_IN_VERSION")], "counter", "must read '<namespace>.counter.v<N>'"),
    ([("counter", "OURS")], "counter", "namespace 'diurna'"),
    ([("counter", "SPEC"), ("counter", "SPEC")], "counter", "2 plug-ins claim the name 'counter'"),
    ([("times", "TIMES")], "times", "which is diurna's own extractor"),
])
def test_registry_broken_plugin_is_a_coded_error(install, entries, name, message):
    install(*entries)
    with pytest.raises(DiurnaError, match="E025") as err:
        registry.get_spec(name)
    assert message in str(err.value) and "Hint:" in str(err.value)


@pytest.mark.parametrize("attr", ["BAD_BUILD", "RETURNS_NONE"])
def test_registry_plugin_that_cannot_build_stops_before_any_document(install, attr):
    install(("counter", attr))
    with pytest.raises(DiurnaError, match="E025.*counter"):
        Pipeline(Settings(extractors=("times", "counter")), nlp=spacy.blank("en"))


def test_registry_unknown_name_lists_the_plugins(install):
    install(("counter", "SPEC"))
    with pytest.raises(DiurnaError, match="E011.*unknown extractor 'sentiment'.*counter"):
        registry.get_spec("sentiment")


def test_registry_broken_plugin_not_asked_for_changes_nothing(install):
    install(("counter", "no_such_module_for_diurna:SPEC"), ("tally", "NOT_A_SPEC"))
    assert [s.name for s in registry.resolve_order(("times", "amounts"))] == ["times", "amounts"]


def test_registry_plugin_runs_in_the_pipeline_and_a_failure_loses_no_document(install):
    install(("counter", "SPEC"))
    p = Pipeline(Settings(extractors=("times", "acme.counter.v1")), nlp=spacy.blank("en"))
    texts = ["Talks ended on March 3.", "This one will explode on Friday.", "Three more words here."]
    out = list(p.process_many(texts, published="2026-03-04"))
    assert [o.ok for o in out] == [True, True, True]
    assert [a.value for a in out[0].facts.amounts] == [5] and not out[0].document.warnings
    broken = out[1]
    assert broken.facts.amounts == () and [t.value for t in broken.facts.times] == ["2026-03-06"]
    assert [w.code for w in broken.document.warnings] == ["W003"]
    assert "acme.counter.v1" in broken.document.warnings[0].message and "kaboom" in broken.document.warnings[0].message
    assert [a.value for a in out[2].facts.amounts] == [4]


def test_registry_finds_a_plugin_installed_as_a_distribution(tmp_path, monkeypatch):
    """No stub of entry_points: a package's metadata on sys.path, as pip installs it."""
    monkeypatch.setitem(sys.modules, MODULE, _module())
    info = tmp_path / "acme_diurna-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-diurna\nVersion: 1.0\n", "utf-8")
    (info / "entry_points.txt").write_text(f"[{GROUP}]\ncounter = {MODULE}:SPEC\ntallies = {MODULE}:WRONG_NAME\n",
                                           "utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert registry.get_spec("counter").version == "acme.counter.v1"
    with pytest.raises(DiurnaError, match="E025.*'tallies'.*of package acme-diurna.*SPEC.name is 'tally'"):
        registry.get_spec("tallies")
