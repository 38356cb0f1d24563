"""PETRARCH/TABARI dictionaries as they exist in the wild: every syntax feature, bad
lines skipped and counted (or refused with strict), dated codes. The dictionary is
written for the tests (fictional names)."""

from __future__ import annotations

import pytest

from diurna.errors import DiurnaError
from diurna.knowledge.actors_loader import read_dictionary, skip_report
from diurna.knowledge.gazetteer import code_on
from diurna.knowledge.petrarch_dict import petr_date, read_petrarch

WILD = """\
# TABARI-formatted .actor file, written for diurna's tests
# Generated at: a header comment
<!-- a block comment
ANY_NAME [XXX] inside it is not an entry
-->
Source: ARN.TEST.actors
ARNOR_  [ARN]
+ARNORIAN_
+NORTH_KINGDOM_+_KINGDOM_OF_ARNOR_
MARA_VELIN_  # CountryInfo.txt
+PRESIDENT_VELIN_
\t[ARNGOV 130225-170310]
\t[ARNELI >170310]
TOBIN_ASHGROVE_\t[IGOUNO 000101-080801] [---] #BK 16 Jul 2009# NGO_Actors
KESTREL_WORKS_\t[MNCARN]\tShipbuilding/Ironworks\t$137,000,000
EDRIC_PALE_
EDRIC_PALE_THE_ELDER_
\t[GONGOV <950601]
\t[GONELI]
LAKE_EVENDIM_  [---]
RANGERS_OF_THE_NORTH_ [ARNREB 19950601 - 19990815][ARNMIL >19990816]
MARCH_WARDEN_ [ARNGOV 9008223-911221]
HALLA_BRENN_ [GONLEG >201005011]
+BRENN_
NIMRA_DOSS_ [ARNGOV 130230-140101] [ARNELI]
PRESIDENT [~GOV] # an agent in an actor file
CONSERVATOR [~ENV}
[ORPHANGOV]
+ORPHAN_SYNONYM_
===
MIRO_TALL_ [ARNOPP
"""


@pytest.fixture()
def wild():
    return read_petrarch(WILD, "wild.txt")


def _actor(d, name):
    return next(a for a in d.actors if a.name == name)


def test_petrarch_dict_reads_every_syntax_feature(wild):
    names = [a.name for a in wild.actors]
    assert "Any Name" not in names and "Source: Arn.Test.Actors" not in names  # block comment, header
    arnor = _actor(wild, "Arnor")
    assert arnor.code == "ARN" and arnor.type == "ORG"
    assert arnor.aliases == ("Arnorian", "North Kingdom", "Kingdom Of Arnor")  # '+' synonyms, two run together
    velin = _actor(wild, "Mara Velin")  # comment after the name, dated codes on continuation lines
    assert [(o.code, o.start, o.end) for o in velin.offices] == [
        ("ARNGOV", "2013-02-25", "2017-03-10"), ("ARNELI", "2017-03-10", None)]
    tobin = _actor(wild, "Tobin Ashgrove")  # several codes on the name line, [---], #..# comments
    assert [o.code for o in tobin.offices] == ["IGOUNO"] and tobin.country == "UNO"
    works = _actor(wild, "Kestrel Works")  # free text after the code
    assert works.code == "MNCARN" and (works.country, works.sector) == ("ARN", "BUS")
    pale = _actor(wild, "Edric Pale")  # name lines in a row share the codes below them
    assert pale.aliases == ("Edric Pale The Elder",) and pale.code == "GONELI"
    assert _actor(wild, "Lake Evendim").code is None  # [---]: recognised, not coded
    rangers = _actor(wild, "Rangers Of The North")  # YYYYMMDD dates, two blocks without a space
    assert [o.code for o in rangers.offices] == ["ARNREB", "ARNMIL"]
    assert [a.phrase for a in wild.agents] == ["president", "conservator"]  # `[~ENV}` typo read


@pytest.mark.parametrize("line, reason", [
    (22, "bad date '9008223'"),
    (23, "bad date '201005011'"),
    (25, "bad date '20130230': no such day"),
    (28, "code line with no entry above it"),
    (29, "synonym '+' with no entry above it"),
    (30, "the name has no letters or digits"),
    (31, "'[' is not closed"),
])
def test_petrarch_dict_bad_lines_are_skipped_with_line_and_reason(wild, line, reason):
    assert any(s.line == line and reason in s.reason for s in wild.skipped), [str(s) for s in wild.skipped]


def test_petrarch_dict_skips_keep_the_rest_of_the_entry(wild):
    assert len(wild.skipped) == 7
    assert _actor(wild, "March Warden").offices == ()  # its only code was bad: the name stays, uncoded
    assert _actor(wild, "Halla Brenn").aliases == ("Brenn",)  # the synonym still joins its entry
    assert [o.code for o in _actor(wild, "Nimra Doss").offices] == ["ARNELI"]  # the good code is kept


def test_petrarch_dict_strict_refuses_the_first_bad_line():
    with pytest.raises(DiurnaError, match=r"wild.txt:22: bad date '9008223'.*strict-dictionaries"):
        read_petrarch(WILD, "wild.txt", strict=True)


@pytest.mark.parametrize("text", ["", "# only a comment\n", "<!-- all -->\n", "===\n[ARN 9999]\n", "Source: X\n"])
def test_petrarch_dict_a_file_that_yields_nothing_is_an_error(text):
    with pytest.raises(DiurnaError, match="E011"):
        read_petrarch(text, "empty.txt")


@pytest.mark.parametrize("text, date", [
    ("130225", "2013-02-25"), ("991231", "1999-12-31"), ("300101", "1930-01-01"), ("20070101", "2007-01-01"),
])
def test_petrarch_dict_dates(text, date):
    assert petr_date(text) == date


@pytest.mark.parametrize("text", ["9008223", "2004017", "201005011", "131301", "20130229", "1920030320"])
def test_petrarch_dict_bad_dates(text):
    with pytest.raises(ValueError):
        petr_date(text)


@pytest.mark.parametrize("name, date, code, country, former", [
    ("Mara Velin", "2015-06-01", "ARNGOV", "ARN", False),
    ("Mara Velin", "2019-06-01", "ARNELI", "ARN", False),
    ("Mara Velin", "2013-02-25", "ARNGOV", "ARN", False),  # the first day counts
    ("Mara Velin", "2012-01-01", "ARNELI", "ARN", False),  # before any dated code: the code given most
    ("Edric Pale", "1990-01-01", "GONGOV", "GON", False),  # until 1995
    ("Edric Pale", "2020-01-01", "GONELI", "GON", False),  # the undated default after
    ("Tobin Ashgrove", "2005-01-01", "IGOUNO", "UNO", False),
    ("Tobin Ashgrove", "2012-01-01", "UNOELI", "UNO", True),  # no default: a former holder
    ("Rangers Of The North", "1997-01-01", "ARNREB", "ARN", False),
    ("Rangers Of The North", "2001-01-01", "ARNMIL", "ARN", False),
    ("Arnor", "2001-01-01", "ARN", "ARN", False),  # undated: any date
    ("Lake Evendim", "2001-01-01", None, None, False),  # null code: never coded
])
def test_petrarch_dict_dated_code_by_date(wild, name, date, code, country, former):
    dated = code_on(_actor(wild, name), date)
    assert (dated.code, dated.country, dated.former) == (code, country, former)


def test_petrarch_dict_read_dictionary_reports_skips(tmp_path):
    path = tmp_path / "wild.txt"
    path.write_text(WILD, encoding="utf-8")
    d = read_dictionary(path)
    assert len(d.actors) >= 10 and len(d.skipped) == 7
    lines = skip_report([d], first=3)
    assert lines[0].startswith(f"warning: {path}: {len(d.actors)} actors, 2 agents; 7 of {d.entry_lines} entry lines")
    assert "bad date 3" in lines[0]
    assert len(lines) == 4 and lines[1].startswith(f"warning: {path}:22: bad date '9008223'")
    with pytest.raises(DiurnaError, match="E011"):
        read_dictionary(path, strict=True)
