"""find_role and its cheap pre-test may_end_role (issue 20: the pre-test skips words no
role phrase ends with, so the bare-actor and NGO passes need not gather words first)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from diurna.extract import actors as A
from diurna.knowledge.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.mark.parametrize(
    "words, expected",
    [
        (["the", "prime", "minister"], (1, 3, "GOV")),
        (["army", "officers"], (1, 2, "MIL")),  # "officers" takes the sector of "army"
        (["Lt.", "Gen."], (0, 2, "MIL")),
        (["human", "rights", "group"], (0, 3, "NGO")),
        (["the", "kitchen", "table"], None),  # no role word at all
        (["the", "minister", "said"], (1, 2, "GOV")),  # the rightmost role, not at the end
    ],
)
def test_actors_find_role_table(blank_nlp, gaz, words, expected):
    toks = list(Doc(blank_nlp.vocab, words=words))
    assert A.find_role(gaz, toks) == expected
    ends_here = expected is not None and expected[1] == len(toks)
    assert A.may_end_role(gaz, toks[-1]) or not ends_here


@pytest.mark.parametrize("word, expected", [("minister", True), ("Ministers", True), ("Gen.", True),
                                            ("table", False), ("said", False), ("-", False)])
def test_actors_may_end_role(blank_nlp, gaz, word, expected):
    assert A.may_end_role(gaz, Doc(blank_nlp.vocab, words=[word])[0]) is expected
