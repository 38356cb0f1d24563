"""The PETRARCH verb dictionary reader: blocks, patterns, synsets and what is skipped.

Dictionaries here are written for the tests (fictional actors and words).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diurna.errors import DiurnaError
from diurna.extract.eventing import lexicon
from diurna.knowledge.petrarch_verbs import PREP_TARGETS, parse

SYNSETS = """<!-- synsets, written for the tests -->
&TIETYPES
+MILITARY
+CULTURAL_
+&MORE

&MORE
+SILVER TRADE

&CURRENCY
+DUCATS
+GOLDEN_CROWNS

"""


HEADER = SYNSETS.count("\n") + 1  # the line of the first block header below the synsets


def _read(body: str):
    return parse(SYNSETS + body, "t.txt")


def _entry(verbs, ident: str) -> dict:
    found = [e for e in verbs.entries if e["id"] == ident]
    assert found, f"no entry {ident}; have {[e['id'] for e in verbs.entries]}"
    return found[0]


def test_petrarch_verbs_block_verbs_take_the_block_or_their_own_code():
    verbs = _read("--- RESTORE [064] ---\nRESTORE  # a comment\nRENEW {RENEWED} [036]\nCLEAR_UP\nWIRE_+TAP\n")
    assert verbs.lemmas == {"restore", "renew", "clear", "tap"}
    restore = next(e for e in verbs.entries if e["lemmas"] == ["restore"])
    assert restore["code"] == "064" and restore["target"] == ["dobj", *PREP_TARGETS]
    assert next(e for e in verbs.entries if e["lemmas"] == ["renew"])["code"] == "036"
    assert next(e for e in verbs.entries if e["lemmas"] == ["clear"])["particle"] == "up"
    assert next(e for e in verbs.entries if e["lemmas"] == ["tap"])["before"] == ["_wire"]


@pytest.mark.parametrize("pattern, before, after, target", [
    ("- * DIPLOMATIC TIES [064]", [], ["diplomatic", "ties"], list(PREP_TARGETS)),
    ("- * &TIETYPES TIES [064]", [], ["military|cultural|silver trade", "ties"], list(PREP_TARGETS)),
    ("- NOT_* AID [064]", ["_not"], ["aid"], list(PREP_TARGETS)),
    ("- SAID * TO ATTEND [064]", ["said"], ["to", "attend"], list(PREP_TARGETS)),
    ("- *_ON [064]", [], ["_on"], ["dobj", *PREP_TARGETS]),
    ("- * WITH + [064]", [], ["with"], ["with"]),
    ("- * EID AT ^ WITH + [064]", [], ["eid", "at", "with"], ["with"]),
    ("- * + [064]", [], [], ["dobj"]),
    ("- $ * TALKS [064]", [], ["talks"], list(PREP_TARGETS)),
    ("- * &CURRENCY [064]", [], ["ducats|golden crowns"], list(PREP_TARGETS)),
])
def test_petrarch_verbs_patterns_become_word_slots(pattern, before, after, target):
    verbs = _read(f"--- RESTORE [---] ---\nRESTORE\n{pattern}\n")
    entry = _entry(verbs, f"L{HEADER + 2}-restore")
    assert entry.get("before", []) == before
    assert entry.get("after", []) == after
    assert entry["target"] == target
    assert verbs.report.patterns_read == 1 and verbs.report.skipped == ()


def test_petrarch_verbs_compound_subject_is_reciprocal():
    verbs = _read("--- DELAY [---] ---\nDELAY\n- % HAVE * [0312]\n")
    entry = _entry(verbs, f"L{HEADER + 2}-delay")
    assert entry["requires_coordinated_subject"] and entry["reciprocal"] and entry["target"] == []


@pytest.mark.parametrize("pattern, reason", [
    ("- * TIES [---]", "null code"),
    ("- * TIES [903]", "outside the CAMEO codebook"),
    ("- * TIES [064A]", "outside the CAMEO codebook"),
    ("- + * IN $ [064]", "target before the verb"),
    ("- * TIES WITH $ [064]", "source after the verb"),
    ("- * &NOSUCH TIES [064]", "synset &NOSUCH is not defined"),
    ("- * {TIES | LINKS} [064]", "disjunction sets"),
    ("- TIES WITH GONDOR [064]", "exactly one *"),
    ("- * TIES * [064]", "exactly one *"),
    ("- * TIES", "without a [code]"),
    ("- * TIES=LINKS [064]", "is not a word"),
])
def test_petrarch_verbs_unrepresentable_patterns_are_skipped_and_counted(pattern, reason):
    verbs = _read(f"--- RESTORE [064] ---\nRESTORE\n{pattern}\n- * LINKS [036]\n")
    assert verbs.report.patterns_read == 1  # the good pattern after it is still read
    assert verbs.report.patterns_skipped == 1
    assert reason in verbs.report.skipped[0].reason
    assert verbs.report.skipped[0].line == HEADER + 2
    assert not any(e["id"] == f"L{HEADER + 2}-restore" for e in verbs.entries)


def test_petrarch_verbs_dual_code_keeps_the_first_and_is_partial():
    verbs = _read("--- ARRIVE [032:033] ---\nARRIVE\n")
    assert _entry(verbs, f"L{HEADER}-arrive")["code"] == "032"
    assert len(verbs.report.partial) == 1 and "dual code" in verbs.report.partial[0].reason


def test_petrarch_verbs_null_block_codes_nothing_alone():
    verbs = _read("--- ACCORD [---] ---\nACCORD\n- IN * [036]\n")
    assert [e["id"] for e in verbs.entries] == [f"L{HEADER + 2}-accord"]
    assert verbs.lemmas == {"accord"}


@pytest.mark.parametrize("text, line", [
    ("- * TIES [064]\n", 1),
    ("&BAD NAME!\n+X\n", 1),
    ("--- RESTORE [064] ---\nRESTORE\n<!-- never closed\n", 3),
])
def test_petrarch_verbs_malformed_file_names_the_line(text, line):
    with pytest.raises(ValueError, match=rf"t\.txt:? ?(line )?{line}"):
        parse(text, "t.txt")


@pytest.mark.parametrize("text", ["", "# only a comment\n", "&SYN\n+WORD\n"])
def test_petrarch_verbs_file_without_blocks_is_refused(text):
    with pytest.raises(ValueError, match="no verb block"):
        parse(text, "t.txt")


def test_petrarch_verbs_bad_user_file_is_e011_with_path_and_line(tmp_path: Path):
    bad = tmp_path / "arnor.verbs.txt"
    bad.write_text("# Arnor's verbs\n\n- * TIES [064]\n", encoding="utf-8")
    with pytest.raises(DiurnaError, match=r"E011.*arnor\.verbs\.txt:3"):
        lexicon.load_user_file(str(bad))


@pytest.mark.parametrize("name, content, message", [
    ("p.yaml", "predicates: [{id: x, pos: verb, lemmas: [restore], code: '999'}]", "not a CAMEO code"),
    ("p.yaml", "predicates: [{id: x, pos: verb, lemmas: [restore], code: '064', colour: red}]", "unknown key"),
    ("p.yaml", "predicates: [{id: x, pos: verb, lemmas: [restore], code: '064', after: [7]}]", "after must be"),
    ("p.yaml", "predicates: [{id: x, pos: verb, lemmas: [restore], code: '064', after: ['a||b']}]", "empty"),
    ("p.yaml", "predicates: [{id: x, pos: verb, lemmas: [restore], code: '064', frame: nosuch}]", "frame"),
    ("p.yaml", "predicates: {x: 1}", "predicates' list"),
    ("p.yaml", "predicates: [a: [", "not valid YAML"),
    ("p.json", "{}", "use .yaml/.yml"),
])
def test_petrarch_verbs_bad_yaml_user_file_is_e011(tmp_path: Path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DiurnaError, match=message) as info:
        lexicon.load_user_file(str(path))
    assert info.value.info().code == "E011" and str(path) in str(info.value)


def test_petrarch_verbs_missing_file_is_e011(tmp_path: Path):
    with pytest.raises(DiurnaError, match="cannot read predicate file"):
        lexicon.load_user_file(str(tmp_path / "absent.txt"))
