"""The lemma cache assigns what spaCy's attribute_ruler + lemmatizer would, token for token."""

from __future__ import annotations

import pytest

from diurna import Settings
from diurna.nlp import LEMMA_CACHE, load_model

# Our own sentences, chosen to reach the ruler's two-token rules ("there is", "gon na",
# "let 's", "ai n't"), whitespace tokens, pronoun cases by dependency, and words at the
# very start and end of a document.
TEXTS = [
    "There is no deal yet, the Arnor minister said. There were talks in Minas Tirith.",
    "Let's see what they're gonna do, she said.\n\nIt ain't over: we'd got to wait.",
    "is",
    "Is there a plan? They told me they would give it to you.\n",
    "I said it. You saw it. It saw you and me. The envoys have had their say; did they?",
    "Gondor's King Aragorn Elessar met Arnor President Elendil Halvard on Monday.  ",
    "",
]


ALL = ["ner", "parser", "tagger", "attribute_ruler", "lemmatizer"]


def _attrs(doc):
    return [(t.text, t.tag_, t.dep_, t.pos_, str(t.morph), t.lemma_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def models():
    model = Settings().spacy_model
    return load_model(model, ALL, lemma_cache=False), load_model(model, ALL, lemma_cache=True)


def test_lemma_cache_replaces_the_two_components(models):
    plain, cached = models
    assert "attribute_ruler" in plain.pipe_names and "lemmatizer" in plain.pipe_names
    assert LEMMA_CACHE not in plain.pipe_names
    assert LEMMA_CACHE in cached.pipe_names
    assert "attribute_ruler" not in cached.pipe_names and "lemmatizer" not in cached.pipe_names
    assert cached.pipe_names.index(LEMMA_CACHE) > cached.pipe_names.index("parser")


@pytest.mark.parametrize("text", TEXTS)
def test_lemma_cache_assigns_what_the_components_would(models, text):
    plain, cached = models
    assert _attrs(cached(text)) == _attrs(plain(text))


def test_lemma_cache_second_pass_is_all_hits_and_still_equal(models):
    plain, cached = models
    cache = cached.get_pipe(LEMMA_CACHE)
    list(cached.pipe(TEXTS))
    misses = cache.misses
    again = list(cached.pipe(TEXTS))
    assert cache.misses == misses  # every key already known
    assert [_attrs(d) for d in again] == [_attrs(d) for d in plain.pipe(TEXTS)]


@pytest.mark.parametrize(
    "components, cached",
    [
        (ALL, True),
        (["ner", "tagger", "attribute_ruler"], False),  # no lemmatizer wanted: nothing to stand in for
        (["ner"], False),
    ],
)
def test_lemma_cache_only_when_both_components_run(components, cached):
    nlp = load_model(Settings().spacy_model, components)
    assert (LEMMA_CACHE in nlp.pipe_names) is cached


def test_lemma_cache_setting_off_keeps_the_shipped_components():
    from diurna import Pipeline

    pipeline = Pipeline(Settings(lemma_cache=False))
    assert LEMMA_CACHE not in pipeline.nlp.pipe_names
    assert "lemmatizer" in pipeline.nlp.pipe_names


def _up_to_the_parse(nlp, text):
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        return nlp(text)


def test_lemma_cache_table_kept_on_disk_gives_the_same_answers(models, tmp_path):
    """A table written by one process and read by another (a fresh vocabulary) answers
    as the components do, with no miss; the lemma strings it names are restored."""
    from diurna.lemma_cache import LemmaCache

    plain, _ = models
    text = "The glorfindels were marching; there is no quarrel, she said."
    store = tmp_path / "lemma-table.pickle"
    first_nlp = load_model(Settings().spacy_model, ALL, lemma_cache=False)
    first = LemmaCache(first_nlp, store=store)
    first(_up_to_the_parse(first_nlp, text))
    first._write_store(store)
    second_nlp = load_model(Settings().spacy_model, ALL, lemma_cache=False)
    assert "glorfindel" not in second_nlp.vocab.strings
    second = LemmaCache(second_nlp, store=store)
    doc = second(_up_to_the_parse(second_nlp, text))
    assert second.misses == 0
    assert _attrs(doc) == _attrs(plain(text))
    assert "glorfindel" in [t.lemma_ for t in doc]


@pytest.mark.parametrize("content", [b"", b"not a pickle", None])
def test_lemma_cache_broken_or_missing_table_starts_empty(models, tmp_path, content):
    from diurna.lemma_cache import LemmaCache

    plain, _ = models
    store = tmp_path / "lemma-table.pickle"
    if content is not None:
        store.write_bytes(content)
    nlp = load_model(Settings().spacy_model, ALL, lemma_cache=False)
    cache = LemmaCache(nlp, store=store)
    assert cache._table == {}
    doc = cache(_up_to_the_parse(nlp, TEXTS[0]))
    assert _attrs(doc) == _attrs(plain(TEXTS[0]))
