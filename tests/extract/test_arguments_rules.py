"""eventing/arguments.py rules on small hand-built parses (words, tags, heads, labels,
entity types), so that a model upgrade cannot change what a rule test checks: passive
raising, a reported pronoun with co-participants, the sides of "leaders from A and B",
and "that" misparsed as an object."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from diurna.extract.eventing import arguments as A

# one token: word, fine tag, coarse tag, label, head index, entity type ("" for none)
Tok = tuple[str, str, str, str, int, str]


_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower-case forms), no model
_LEMMAS = {"said": "say", "agreed": "agree", "met": "meet", "expected": "expect", "is": "be", "was": "be"}


def _doc(toks: list[Tok]) -> Doc:
    ents, prev = [], ""
    for t in toks:
        ents.append(f"{'I' if t[5] and t[5] == prev else 'B'}-{t[5]}" if t[5] else "O")
        prev = t[5]
    return Doc(_VOCAB, words=[t[0] for t in toks], tags=[t[1] for t in toks], pos=[t[2] for t in toks],
               deps=[t[3] for t in toks], heads=[t[4] for t in toks], lemmas=[_LEMMAS.get(t[0], t[0].lower()) for t in toks],
               ents=ents)


def _words(tokens) -> list[str]:
    return [t.text for t in tokens]


# "The president is expected to visit Gondor."
EXPECTED = [("The", "DT", "DET", "det", 1, ""), ("president", "NN", "NOUN", "nsubjpass", 3, ""),
            ("is", "VBZ", "AUX", "auxpass", 3, ""), ("expected", "VBN", "VERB", "ROOT", 3, ""),
            ("to", "TO", "PART", "aux", 5, ""), ("visit", "VB", "VERB", "xcomp", 3, ""),
            ("Gondor", "NNP", "PROPN", "dobj", 5, "GPE"), (".", ".", "PUNCT", "punct", 3, "")]
# "The president expected Rohan to visit Gondor." (active: object control, unchanged)
OBJECT_CONTROL = [("The", "DT", "DET", "det", 1, ""), ("president", "NN", "NOUN", "nsubj", 2, ""),
                  ("expected", "VBD", "VERB", "ROOT", 2, ""), ("Rohan", "NNP", "PROPN", "dobj", 2, "GPE"),
                  ("to", "TO", "PART", "aux", 5, ""), ("visit", "VB", "VERB", "xcomp", 2, ""),
                  ("Gondor", "NNP", "PROPN", "dobj", 5, "GPE"), (".", ".", "PUNCT", "punct", 2, "")]
# "Gondor was attacked to visit Arnor." has no raising reading to test; a passive with no
# subject of its own ("To visit Arnor was expected.") gives nobody
NO_SUBJECT = [("To", "TO", "PART", "aux", 1, ""), ("visit", "VB", "VERB", "xcomp", 4, ""),
              ("Arnor", "NNP", "PROPN", "dobj", 1, "GPE"), ("was", "VBD", "AUX", "auxpass", 4, ""),
              ("expected", "VBN", "VERB", "ROOT", 4, ""), (".", ".", "PUNCT", "punct", 4, "")]


@pytest.mark.parametrize(("toks", "verb", "expected"), [
    (EXPECTED, 5, ["president"]),
    (OBJECT_CONTROL, 5, ["Rohan"]),
    (NO_SUBJECT, 1, []),
])
def test_arguments_passive_raises_its_subject_into_the_infinitive(toks, verb, expected):
    assert _words(A.subjects(_doc(toks)[verb])) == expected


# "The minister said he and Gondor agreed."
HE_AND = [("The", "DT", "DET", "det", 1, ""), ("minister", "NN", "NOUN", "nsubj", 2, ""),
          ("said", "VBD", "VERB", "ROOT", 2, ""), ("he", "PRP", "PRON", "nsubj", 6, ""),
          ("and", "CC", "CCONJ", "cc", 3, ""), ("Gondor", "NNP", "PROPN", "conj", 3, "GPE"),
          ("agreed", "VBD", "VERB", "ccomp", 2, ""), (".", ".", "PUNCT", "punct", 2, "")]
# "The minister said he agreed."
HE_ALONE = [("The", "DT", "DET", "det", 1, ""), ("minister", "NN", "NOUN", "nsubj", 2, ""),
            ("said", "VBD", "VERB", "ROOT", 2, ""), ("he", "PRP", "PRON", "nsubj", 4, ""),
            ("agreed", "VBD", "VERB", "ccomp", 2, ""), (".", ".", "PUNCT", "punct", 2, "")]


@pytest.mark.parametrize(("toks", "verb", "expected"), [
    (HE_AND, 6, ["minister", "Gondor"]),
    (HE_ALONE, 4, ["minister"]),
])
def test_arguments_reported_pronoun_keeps_its_co_participants(toks, verb, expected):
    assert _words(A.subjects(_doc(toks)[verb])) == expected


def _leaders(head: str, tag: str, prep: str, a: tuple[str, str, str], b: tuple[str, str, str]) -> list[Tok]:
    """"<head> <prep> <a> and <b> met." with a and b as (word, pos, entity type)."""
    return [(head, tag, "NOUN", "nsubj", 5, ""), (prep, "IN", "ADP", "prep", 0, ""),
            (a[0], "NNP" if a[1] == "PROPN" else "JJ", a[1], "pobj", 1, a[2]), ("and", "CC", "CCONJ", "cc", 2, ""),
            (b[0], "NNP" if b[1] == "PROPN" else "JJ", b[1], "conj", 2, b[2]), ("met", "VBD", "VERB", "ROOT", 5, ""),
            (".", ".", "PUNCT", "punct", 5, "")]


ARNOR, GONDOR = ("Arnor", "PROPN", "GPE"), ("Gondor", "PROPN", "GPE")


@pytest.mark.parametrize(("toks", "expected"), [
    (_leaders("leaders", "NNS", "from", ARNOR, GONDOR), ["Arnor", "Gondor"]),
    (_leaders("ministers", "NNS", "of", ARNOR, GONDOR), ["Arnor", "Gondor"]),
    (_leaders("protesters", "NNS", "from", ARNOR, GONDOR), ["Arnor", "Gondor"]),
    # one side named, or descriptions rather than sides, or no plural of people: as written
    (_leaders("leaders", "NNS", "from", ARNOR, ("Arnorian", "ADJ", "NORP")), ["leaders"]),
    (_leaders("passengers", "NNS", "of", ("Arnorian", "ADJ", "NORP"), ("Gondorian", "ADJ", "NORP")),
     ["passengers"]),
    (_leaders("leader", "NN", "of", ARNOR, GONDOR), ["leader"]),
    (_leaders("ships", "NNS", "from", ARNOR, GONDOR), ["ships"]),
])
def test_arguments_plural_of_people_from_several_sides_is_each_side(toks, expected):
    assert _words(A.subjects(_doc(toks)[5])) == expected


# "Arnor will meet that ..." with "that" misparsed as the object; "Arnor will meet Gondor."
MEET_THAT = [("Arnor", "NNP", "PROPN", "nsubj", 2, "GPE"), ("will", "MD", "AUX", "aux", 2, ""),
             ("meet", "VB", "VERB", "ROOT", 2, ""), ("that", "WDT", "PRON", "dobj", 2, ""),
             (".", ".", "PUNCT", "punct", 2, "")]
MEET_GONDOR = [("Arnor", "NNP", "PROPN", "nsubj", 2, "GPE"), ("will", "MD", "AUX", "aux", 2, ""),
               ("meet", "VB", "VERB", "ROOT", 2, ""), ("Gondor", "NNP", "PROPN", "dobj", 2, "GPE"),
               (".", ".", "PUNCT", "punct", 2, "")]


@pytest.mark.parametrize(("toks", "expected"), [(MEET_THAT, []), (MEET_GONDOR, ["Gondor"])])
def test_arguments_relative_pronoun_is_no_object(toks, expected):
    assert _words(A.objects(_doc(toks)[2])) == expected


# "Arnor blamed Gondor, accusing it of spying."
ACCUSING_IT = [("Arnor", "NNP", "PROPN", "nsubj", 1, "GPE"), ("blamed", "VBD", "VERB", "ROOT", 1, ""),
               ("Gondor", "NNP", "PROPN", "dobj", 1, "GPE"), (",", ",", "PUNCT", "punct", 1, ""),
               ("accusing", "VBG", "VERB", "advcl", 1, ""), ("it", "PRP", "PRON", "dobj", 4, ""),
               ("of", "IN", "ADP", "prep", 4, ""), ("spying", "VBG", "VERB", "pcomp", 6, ""),
               (".", ".", "PUNCT", "punct", 1, "")]
# "Arnor praised the envoys, thanking them for the visit."
THANKING_THEM = [("Arnor", "NNP", "PROPN", "nsubj", 1, "GPE"), ("praised", "VBD", "VERB", "ROOT", 1, ""),
                 ("the", "DT", "DET", "det", 3, ""), ("envoys", "NNS", "NOUN", "dobj", 1, ""),
                 (",", ",", "PUNCT", "punct", 1, ""), ("thanking", "VBG", "VERB", "advcl", 1, ""),
                 ("them", "PRP", "PRON", "dobj", 5, ""), ("for", "IN", "ADP", "prep", 5, ""),
                 ("the", "DT", "DET", "det", 9, ""), ("visit", "NN", "NOUN", "pobj", 7, ""),
                 (".", ".", "PUNCT", "punct", 1, "")]
# "Arnor blamed the envoys, accusing it of spying.": "it" does not fit a plural
ACCUSING_IT_PLURAL = [("Arnor", "NNP", "PROPN", "nsubj", 1, "GPE"), ("blamed", "VBD", "VERB", "ROOT", 1, ""),
                      ("the", "DT", "DET", "det", 3, ""), ("envoys", "NNS", "NOUN", "dobj", 1, ""),
                      (",", ",", "PUNCT", "punct", 1, ""), ("accusing", "VBG", "VERB", "advcl", 1, ""),
                      ("it", "PRP", "PRON", "dobj", 5, ""), ("of", "IN", "ADP", "prep", 5, ""),
                      ("spying", "VBG", "VERB", "pcomp", 7, ""), (".", ".", "PUNCT", "punct", 1, "")]
# "Arnor said it accused Gondor.": no adjunct, the object stands for itself
ACCUSED_DIRECT = [("Arnor", "NNP", "PROPN", "nsubj", 1, "GPE"), ("said", "VBD", "VERB", "ROOT", 1, ""),
                  ("it", "PRP", "PRON", "nsubj", 3, ""), ("accused", "VBD", "VERB", "ccomp", 1, ""),
                  ("Gondor", "NNP", "PROPN", "dobj", 3, "GPE"), (".", ".", "PUNCT", "punct", 1, "")]


@pytest.mark.parametrize(("toks", "verb", "expected"), [
    (ACCUSING_IT, 4, ["Gondor"]),
    (THANKING_THEM, 5, ["envoys"]),
    (ACCUSING_IT_PLURAL, 5, ["it"]),
    (ACCUSED_DIRECT, 3, ["Gondor"]),
])
def test_arguments_adjunct_pronoun_object_stands_for_the_main_object(toks, verb, expected):
    assert _words(A.objects(_doc(toks)[verb])) == expected
