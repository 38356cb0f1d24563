"""A ratchet on English in extractor code: words belong in knowledge files.

Counts the English word literals in src/diurna/extract/**/*.py: each lower-case word of a
string constant made only of such words ("said", "in at near".split() is three), leaving
out docstrings, f-string pieces, subscript keys (m["year"], Literal["direct"]) and the
parser's dependency labels ("nsubj", "prep", read from the installed model's meta.json).
POS, tag and entity labels are upper-case and never counted.

The count may only fall: move word lists to src/diurna/knowledge/ (one validated list per
concept) and lower PINNED in the same commit. Target: 300 (issue 17).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from spacy import util

from diurna.settings import Settings

EXTRACT = Path(__file__).resolve().parents[2] / "src" / "diurna" / "extract"
# 2026-12-06: 1909, then 1923 when resolve/coref.py (14 words) moved into extract/ with no
# word added; 1915 when actors.py's abroad nouns and "-led" participles moved to
# roles.yaml (26 words out, 18 in: extract/implicit.py's term kinds and rule labels); 1911
# when the direction words of extract/timex moved to time_words.tsv; 1760 when the
# locative, resident and place-mention prepositions, motion words, place nouns, generic
# heads, compass words, hedges, "based" participles, admin words and patronage nouns moved
# to knowledge/grammar.yaml (151 words out); 1750 with amounts.py's ambiguous currency
# words; 1378 when the timex rule cascade (names, patterns, trigger words) moved to
# time_rules.yaml, the tense cues to time_words.tsv and the scales, number words, count
# nouns and approximators of amounts.py to amount_words.yaml; 1375 when actors.py's title
# connectors and irregular plurals moved to grammar.yaml (10 out) beside the pronoun
# coreference of entities.py/coref.py (7 in); 1366 when quoting/speakers.py's speaker
# pronouns and phrase prepositions moved to knowledge/cues.yaml; 1358 with the day words
# (today, tonight, yesterday, tomorrow: one list); 1228 when the timex normalisers read
# anaphoric, ago, quarter, clock and movable-holiday words from time_words.tsv, tense and
# direction became constants and the extent group one name; 1207 when the quarter and
# widening phrase checks became context patterns of time_rules.yaml; 1198 when
# eventing/coder's temporal subordinators moved to grammar.yaml; 1196 with its announcing
# auxiliaries (the "alleges" key of eventing/lexicon.py in). 2026-12-07: 1012 when
# eventing/grounding.py's and coder.py's prepositions, pronouns, possessives, affiliation,
# stance, talks, agent and reporting words moved to knowledge/grounding_words.yaml (183 out);
# 890 when entities.py asked for gazetteer kinds by name (knowledge/gazetteer.py), wrote its
# labels from extract/labels.py, read courtesy titles, definite determiners and NGO words
# from grammar.yaml, and the extractor specs named fact fields and spaCy components from
# extract/base.py (109 + 29 words out, 11 in); 608 when the argument finder's words
# (eventing/arguments.py, anchors.py, phrases.py: relative pronouns, collective heads, people
# nouns, message and instrument nouns, speech and demand heads, measures, adjunct and place
# prepositions) moved to knowledge/argument_words.yaml; 560 when the quote extractor's
# words moved to cues.yaml (knowledge/cues.py) and its quote roles, kinds and mark sides
# became constants (45 out); 492 when the place gazetteer's feature classes (priors,
# specificity, the classes each geo rule accepts) moved to knowledge/place_features.yaml
# and its sources became constants (68 out); 477 when timex read its articles, vague
# counts and connectives from time_words.tsv and amounts.py's forms became an Enum (15 out);
# 473 when quoting/marks.py's mark styles and sides became Enums; 470 when eventing/coder's
# participant phrases ("the two countries") moved to grounding_words.yaml
# (eventing/participants.py); 273 when the word lists of eventing/modality.py and
# matching.py moved to knowledge/event_words.yaml (matching's place prepositions are
# grounding_words.yaml's event_place_prepositions), the modality values became constants
# of model.py, and the predicates.yaml loader moved from eventing/lexicon.py to
# knowledge/predicates.py (its schema keys with it); 271 when the geo gazetteer's cache
# became a mapped index (extract/geo/store.py: no file mode, no folder name); 241 when the
# definite article, an organisation name's head prepositions, plural and singular endings,
# motion prepositions and generic leader roles moved to grammar.yaml and the single "of"
# tests of actors, nameless, others and implicit read argument_words.yaml of_prepositions
# (30 out); 223 when eventing/announcing, coder, ranking and statements compared and returned
# the modality values through model.py's constants (ASSERTED, NEGATED, HYPOTHETICAL, FUTURE:
# one spelling each; 18 out); 211 when seven modules asked extract/tokens.covering() for the
# tokens covering a character range (spaCy's alignment_mode "expand", named once) and
# implicit.py named its gazetteer kinds by knowledge/gazetteer.py's constants (12 out); 148
# when actors.py, homes.py and titles.py did both (63 out); 133 when timex read the words
# of "this morning"/"last night", "the day before yesterday", "tonight" and "a.m."/"p.m."
# from time_words.tsv (day_with_part, day_phrase, day_part, meridiem) and "and a half" and
# "high noon" became context patterns of time_rules.yaml (15 out); 132 when eventing/matching.py
# named a match's first pattern by its entry's pos (2 out) beside the "attributive" pattern of
# "met visiting Foreign Minister X" (1 in). May only fall (target 300).
PINNED = 132
_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")


def _labels() -> frozenset[str]:
    meta = json.loads((util.get_package_path(Settings.load().spacy_model) / "meta.json").read_text("utf-8"))
    return frozenset(label for labels in meta["labels"].values() for label in labels)


def _skipped(tree: ast.Module) -> set[int]:
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))  # a docstring
        elif isinstance(node, ast.JoinedStr):
            skip |= {id(v) for v in node.values}
        elif isinstance(node, ast.Subscript):
            keys = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            skip |= {id(k) for k in keys}
    return skip


def english_words(source: str, labels: frozenset[str] = frozenset()) -> list[str]:
    """The English word literals of one module's source, in order."""
    tree = ast.parse(source)
    skip = _skipped(tree)
    out: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            words = node.value.split()
            if words and all(_WORD.fullmatch(w) for w in words):
                out += [w for w in words if w not in labels]
    return out


def count() -> int:
    labels = _labels()
    return sum(len(english_words(p.read_text("utf-8"), labels)) for p in EXTRACT.rglob("*.py"))


def test_word_literals_count_only_falls():
    n = count()
    assert n <= PINNED, f"{n} English word literals in src/diurna/extract (pinned {PINNED}): put new words " \
                        "in a knowledge file, not in extractor code"


WORD_CASES = [
    ('x = "said"', ["said"]),
    ('x = "in at near".split()', ["in", "at", "near"]),
    ('x = {"prime minister", "non-state"}', ["prime", "minister", "non-state"]),
    ('"""A docstring."""\ndef f():\n    """words words"""\n    return 1', []),
    ('x = m["year"]', []),
    ('x: Literal["direct", "mixed"]', []),
    ('x = f"{a} said"', []),
    ('x = "Said"', []),  # not lower-case
    ('x = r"\\b(?:said|told)\\b"', []),  # a pattern, not a word list
    ('x = "utf-8"', []),
    ('x = t.dep_ == "nsubj"', []),  # a dependency label
]


@pytest.mark.parametrize(("source", "expected"), WORD_CASES)
def test_word_literals_counting_rules(source, expected):
    assert english_words(source, frozenset({"nsubj"})) == expected
