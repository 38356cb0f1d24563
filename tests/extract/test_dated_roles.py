"""Dated dictionary roles: a PETRARCH entry's code is chosen by the event's date, else
the document's. The dictionary and the story are written for the tests (fictional)."""

from __future__ import annotations

import pytest

from diurna import Pipeline

DICTIONARY = """\
MARA_VELIN_
+PRESIDENT_VELIN_
\t[ARNGOV 130225-170310]
\t[ARNELI >170310]
TOBIN_ASHGROVE_ [GONGOV <950601] [GONMIL 950601-990101]
"""
STORY = ("Mara Velin met Gondor's king in Minas Tirith on Monday, the Arnor government said.\n\n"
         "In March 2015, Mara Velin signed a trade agreement with Gondor, officials recalled.\n")


@pytest.fixture(scope="module")
def dated_pipeline(tmp_path_factory, pipeline_of) -> Pipeline:
    path = tmp_path_factory.mktemp("dict") / "dated.actors.txt"
    path.write_text(DICTIONARY, encoding="utf-8")
    return pipeline_of(actor_files=[str(path)], extractors=["entities", "times", "events"])


@pytest.mark.parametrize("published, code", [
    ("2015-06-01", "ARNGOV"), ("2019-06-01", "ARNELI"), ("2017-03-10", "ARNELI"), ("2013-02-25", "ARNGOV"),
    ("2010-01-01", "ARNELI"),  # before any dated code: the code given last (an entry without a default)
])
def test_dated_roles_entity_code_by_publication_date(dated_pipeline, published, code):
    res = dated_pipeline.process(STORY, published=published)
    (velin,) = [e for e in res.facts.entities if e.name == "Mara Velin"]
    assert (velin.country, velin.actor_code) == ("ARN", code)


@pytest.mark.parametrize("published", ["2015-06-01", "2019-06-01"])
def test_dated_roles_event_code_by_event_date(dated_pipeline, published):
    res = dated_pipeline.process(STORY, published=published)
    agreement = [e for e in res.facts.events if e.date == "2015-03" and e.source and e.source.text == "Mara Velin"]
    assert agreement and all(e.source.actor_code == "ARNGOV" for e in agreement)
    today = [e for e in res.facts.events if e.date_source == "text" and e.date != "2015-03"
             and e.source and e.source.text == "Mara Velin"]
    assert today and all(e.source.actor_code == ("ARNGOV" if published < "2017" else "ARNELI") for e in today)


@pytest.mark.parametrize("text", ["Tobin Ashgrove met Mara Velin on Monday.\n"])
def test_dated_roles_former_holder_is_an_elite_of_the_country(dated_pipeline, text):
    res = dated_pipeline.process(text, published="2020-01-01")
    (tobin,) = [e for e in res.facts.entities if e.name == "Tobin Ashgrove"]
    assert (tobin.country, tobin.actor_code) == ("GON", "GONELI")
    res = dated_pipeline.process(text, published="1997-01-01")
    (tobin,) = [e for e in res.facts.entities if e.name == "Tobin Ashgrove"]
    assert (tobin.country, tobin.actor_code) == ("GON", "GONMIL")
