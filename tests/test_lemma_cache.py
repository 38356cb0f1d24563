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
    second = LemmaCache(second_nlp, store=store, lazy_min=0)
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


def _fresh(**kw):
    from diurna.lemma_cache import LemmaCache

    nlp = load_model(Settings().spacy_model, ALL, lemma_cache=False)
    return nlp, LemmaCache(nlp, **kw)


def test_lemma_cache_shipped_table_answers_as_the_components(models):
    """Read from the shipped table (at the first miss here), the answers are the model's,
    and most tokens of our own sentences need no learning."""
    from diurna.nlp import SHIPPED_LEMMAS

    plain, _ = models
    nlp, cache = _fresh(shipped=SHIPPED_LEMMAS, lazy_min=0)
    docs = [cache(_up_to_the_parse(nlp, text)) for text in TEXTS]
    assert [_attrs(d) for d in docs] == [_attrs(plain(text)) for text in TEXTS]
    assert cache.hits > 2 * cache.misses


def test_lemma_cache_shipped_table_read_only_after_lazy_min_misses():
    from diurna.nlp import SHIPPED_LEMMAS

    nlp, cache = _fresh(shipped=SHIPPED_LEMMAS, lazy_min=10_000)
    cache(_up_to_the_parse(nlp, TEXTS[0]))
    assert len(cache._table) == cache.misses  # learnt alone: one short text reads no table


@pytest.mark.parametrize("change", [{"model": "en_other_model==1.0"}, {"spacy": "2.0.0"}, {"format": "old"}])
def test_lemma_cache_shipped_table_of_another_model_is_not_read(tmp_path, monkeypatch, change):
    """A table learnt from another model or spaCy version is ignored: the cache learns."""
    import gzip
    import json

    from diurna.lemma_cache import model_id, read_shipped, write_shipped

    monkeypatch.setenv("DIURNA_CACHE", "off")
    nlp, cache = _fresh()
    cache(_up_to_the_parse(nlp, TEXTS[0]))
    path = tmp_path / "table.json.gz"
    write_shipped(path, cache.shipped_rows(list(cache._table)), model_id(nlp), "test")
    assert read_shipped(path, nlp.vocab, model_id(nlp)) is not None
    data = json.loads(gzip.decompress(path.read_bytes())) | change
    path.write_bytes(gzip.compress(json.dumps(data).encode()))
    assert read_shipped(path, nlp.vocab, model_id(nlp)) is None


def test_lemma_cache_shipped_rows_round_trip(tmp_path, monkeypatch):
    """Rows written from one table and read into a fresh vocabulary give the same entries."""
    from diurna.lemma_cache import model_id, read_shipped, write_shipped

    monkeypatch.setenv("DIURNA_CACHE", "off")
    nlp, cache = _fresh()
    for text in TEXTS:
        cache(_up_to_the_parse(nlp, text))
    path = tmp_path / "table.json.gz"
    free = [k for k in cache._table if len(k) == 3]
    write_shipped(path, cache.shipped_rows(free), model_id(nlp), "test")
    second, _ = _fresh()
    data = read_shipped(path, second.vocab, model_id(nlp))
    assert data is not None and data["table"] == {k: cache._table[k] for k in free}


@pytest.mark.slow
def test_lemma_cache_every_shipped_entry_is_the_models_answer():
    """Each row of the shipped table, put through the model's own attribute_ruler and
    lemmatizer (rows fit no two-token pattern, so they can stand side by side)."""
    import gzip
    import json

    from spacy.tokens import Doc

    from diurna.lemma_cache import model_id
    from diurna.nlp import SHIPPED_LEMMAS

    nlp = load_model(Settings().spacy_model, ALL, lemma_cache=False)
    data = json.loads(gzip.decompress(SHIPPED_LEMMAS.read_bytes()))
    assert data["model"] == model_id(nlp) and len(data["rows"]) > 10_000
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    rows = data["rows"]
    for start in range(0, len(rows), 5000):
        chunk = rows[start:start + 5000]
        doc = Doc(nlp.vocab, words=[r[0] for r in chunk], spaces=[False] * len(chunk),
                  tags=[r[1] for r in chunk], deps=[r[2] or "npadvmod" for r in chunk],
                  heads=list(range(len(chunk))))
        doc = lemmatizer(ruler(doc))
        got = [[t.text, r[1], r[2], t.tag_ if t.tag_ != r[1] else None,
                t.dep_ if t.dep_ != (r[2] or "npadvmod") else None, t.pos_,
                nlp.vocab.morphology.get(t.morph.key) if t.morph.key else None, t.lemma_]
               for t, r in zip(doc, chunk)]
        assert got == rows[start:start + 5000]


@pytest.mark.slow
@pytest.mark.data
def test_lemma_cache_with_shipped_table_equals_the_components_on_voa(data_dir, models):
    """Token for token on a corpus the shipped table was not learnt from."""
    from diurna.bench import load_corpus
    from diurna.nlp import SHIPPED_LEMMAS

    plain, _ = models
    texts = [d.content for d in load_corpus([data_dir / "corpora" / "voa_stories.jsonl"], Settings(), 40)]
    nlp, cache = _fresh(shipped=SHIPPED_LEMMAS)
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        docs = [cache(doc) for doc in nlp.pipe(texts)]
    assert [_attrs(d) for d in docs] == [_attrs(d) for d in plain.pipe(texts)]
    assert cache.hits > 5 * cache.misses
