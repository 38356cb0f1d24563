"""Pronouns across sentences (setting full_coref): agreement, recency, subject
preference, quotes; initials joining the organisation they spell."""

from __future__ import annotations

import pytest

from diurna import Pipeline, Settings
from diurna.extract.coref import Antecedent, Pronoun, resolve_pronoun

from .mentioned import entity_of as _entity_of

PERSON = frozenset({"person"})
GROUP = frozenset({"group"})


@pytest.fixture(scope="module")
def coref_pipeline(pipeline: Pipeline) -> Pipeline:
    return Pipeline(Settings.load(extractors=["entities"], full_coref=True), nlp=pipeline.nlp)


@pytest.fixture(scope="module")
def cautious_pipeline(pipeline: Pipeline) -> Pipeline:
    return Pipeline(Settings.load(extractors=["entities"], full_coref=False), nlp=pipeline.nlp)


@pytest.mark.parametrize(("pronoun", "antecedents", "expected"), [
    # the nearest sentence with an agreeing mention wins over an earlier one
    (Pronoun(100, 2, PERSON, "male"), [Antecedent(0, 0, 1, "person"), Antecedent(60, 1, 2, "person", verb=7)], 2),
    # a known gender that disagrees rules a person out
    (Pronoun(100, 2, PERSON, "female"), [Antecedent(0, 1, 1, "person", "female"),
                                         Antecedent(60, 1, 2, "person", "male", verb=7)], 1),
    # in an earlier sentence the first subject; in its own sentence the nearest one
    (Pronoun(100, 2, PERSON, "male"), [Antecedent(0, 1, 1, "person", verb=3), Antecedent(40, 1, 2, "person", verb=9)], 1),
    (Pronoun(100, 1, PERSON, "male"), [Antecedent(0, 1, 1, "person", verb=3), Antecedent(40, 1, 2, "person", verb=9)], 2),
    # two people known to have the pronoun's gender: no way to tell, bail out
    (Pronoun(100, 2, PERSON, "male"), [Antecedent(0, 1, 1, "person", "male", verb=3),
                                       Antecedent(40, 1, 2, "person", "male")], None),
    # a subject over an object in the same sentence
    (Pronoun(100, 2, PERSON, "male"), [Antecedent(0, 1, 1, "person"), Antecedent(40, 1, 2, "person", verb=9)], 2),
    # "they" is a group, never a person; "him" is not its own verb's subject
    (Pronoun(100, 1, GROUP), [Antecedent(0, 1, 1, "person", verb=3), Antecedent(40, 1, 2, "group")], 2),
    (Pronoun(100, 1, PERSON, "male", object_of=3), [Antecedent(0, 1, 1, "person", verb=3)], None),
    # nothing agrees, or the mention is too far back, or after the pronoun
    (Pronoun(100, 1, GROUP), [Antecedent(0, 1, 1, "person")], None),
    (Pronoun(100, 5, PERSON, "male"), [Antecedent(0, 1, 1, "person")], None),
    (Pronoun(100, 1, PERSON, "male"), [Antecedent(120, 1, 1, "person")], None),
])
def test_coref_pronouns_resolve(pronoun, antecedents, expected):
    assert resolve_pronoun(pronoun, antecedents) == expected


@pytest.mark.parametrize(("text", "needle", "nth", "name", "country"), [
    # across sentences, with the antecedent's country
    ("Gondorian Foreign Minister Aldo Veran arrived in Lagos on Monday. He met the trade minister.",
     "He", 0, "Aldo Veran", None),
    ("Kenyan President William Ruto met Tanzanian President Samia Hassan. He said the border would open.",
     "He", 0, "William Ruto", "KEN"),
    # the object form is not the subject of its own verb
    ("Kenyan President William Ruto spoke in Nairobi. Police officers later thanked him.",
     "him", 0, "William Ruto", "KEN"),
    # "they" is a group
    ("Kenyan farmers blocked a road near Nakuru on Monday. They demanded lower fuel prices.",
     "They", 0, "farmers", "KEN"),
])
def test_coref_pronouns_join_antecedent(coref_pipeline, text, needle, nth, name, country):
    ent = _entity_of(coref_pipeline.process(text), needle, nth)
    assert ent is not None
    assert name in ent.name
    if country is not None:
        assert ent.country == country


@pytest.mark.parametrize(("text", "needle"), [
    # no person in view: "they" cannot stand for one man
    ("Kenyan President William Ruto spoke in Nairobi. They said the plan had failed.", "They"),
    # a quoted "he" is the speaker's reference, not the speaker
    ('Kenyan President William Ruto spoke in Nairobi. "He will not win," Ruto said.', "He"),
    # a possessive is not its phrase: "his plan" is no one
    ("Kenyan President William Ruto spoke in Nairobi. His plan was rejected.", "His"),
    # a pronoun with nothing before it
    ("He said the talks would resume in March.", "He"),
])
def test_coref_pronouns_left_alone(coref_pipeline, text, needle):
    assert _entity_of(coref_pipeline.process(text), needle) is None


@pytest.mark.parametrize(("text", "needle", "name"), [
    # the speaker of a quote is not someone the quote names: "he" looks past the quote
    ('Gondorian President Aldo Veran spoke in Minas on Monday. "Borin Kael must face trial," he said.',
     "he", "Aldo Veran"),
    ('Gondorian President Aldo Veran spoke in Minas on Monday. "We will not let Borin Kael win," he said. '
     "He added that talks would resume.", "He", "Aldo Veran"),
    # outside quotation marks the nearest subject still wins
    ("Gondorian President Aldo Veran met opposition leader Borin Kael in Minas. Kael said he would "
     "join the talks.", "he", "Borin Kael"),
])
def test_coref_pronouns_narration_skips_quoted_mentions(coref_pipeline, text, needle, name):
    ent = _entity_of(coref_pipeline.process(text), needle)
    assert ent is not None
    assert name in ent.name


@pytest.mark.parametrize(("text", "needle"), [
    # the only person named is named inside the quote: the speaker stays unknown
    ('The statement was read out on Monday. "Borin Kael must face trial," he said.', "he"),
])
def test_coref_pronouns_narration_quoted_only(coref_pipeline, text, needle):
    ent = _entity_of(coref_pipeline.process(text), needle)
    assert ent is None or "Kael" not in ent.name


def test_coref_pronouns_cautious_setting(cautious_pipeline):
    # with full_coref = false a pronoun joins only the one person in view
    text = "Kenyan farmers blocked a road near Nakuru on Monday. They demanded lower fuel prices."
    assert _entity_of(cautious_pipeline.process(text), "They") is None


@pytest.mark.parametrize(("text", "joined"), [
    ("The Kenya Freedom Front attacked a convoy in Gondor. The KFF said it would fight on.", True),
    # initials that spell no named body, or two bodies, stay alone
    ("The Kenya Freedom Front attacked a convoy in Gondor. The XYZ said it would fight on.", False),
])
def test_coref_acronyms_join_the_spelt_name(coref_pipeline, text, joined):
    result = coref_pipeline.process(text)
    full, short = _entity_of(result, "Kenya Freedom Front"), _entity_of(result, text.split("The ")[-1].split(" ")[0])
    if full is None:
        pytest.skip("the NER did not read the full name as an organisation")
    assert (short is not None and short.id == full.id) is joined


@pytest.mark.parametrize(("text", "label", "match", "expected"), [
    ("Tanaka", "ORG", False, True),  # the NER's organisation is a surname named before
    ("Tanaka", "GPE", False, True),
    ("Tanaka", "PERSON", False, False),  # a person is read as one already
    ("Osaka", "GPE", False, False),  # no person has that short form
    ("Tanaka", "GPE", True, False),  # the gazetteer knows the word: a place
    ("Yoshi Tanaka", "ORG", False, False),  # one word only
])
def test_coref_misread_surname(text, label, match, expected):
    from types import SimpleNamespace

    from diurna.extract.actors import SpanInfo
    from diurna.extract.coref import PersonRef
    from diurna.extract.entities import _misread_surname
    from diurna.knowledge.gazetteer import Match

    found = Match(0, len(text), text, ()) if match else None
    state = SimpleNamespace(forms=[{"tanaka"}], people=[PersonRef("Yoshi Tanaka")])
    assert _misread_surname(state, SpanInfo(0, len(text), text, label, found)) is expected


def test_coref_short_form_of_the_notable_one():
    # "Sali Berisha", the former prime minister, then his wife "Liri Berisha": a later
    # "Berisha" out of view of both is the one the text gave an office (full_coref only)
    from diurna.extract.coref import PersonRef, resolve_short, short_forms
    from diurna.knowledge.gazetteer import load_gazetteer

    g = load_gazetteer()
    people = [PersonRef("Arno Velt", country="ARN", role="Former Prime Minister", sentences={0}),
              PersonRef("Lira Velt", sentences={1})]
    forms = [short_forms(p.name, g.particles, g.east_asian) for p in people]
    assert resolve_short("Velt", None, 5, people, forms, g.roles.leaders) is None
    assert resolve_short("Velt", None, 5, people, forms, g.roles.leaders, notable=True) == 0
    assert resolve_short("Velt", None, 2, people, forms, g.roles.leaders, notable=True) == 1  # in view: Lira
    both = [people[0], PersonRef("Lira Velt", role="Minister", sentences={1})]
    assert resolve_short("Velt", None, 5, both, forms, g.roles.leaders, notable=True) is None  # two with offices


_GLA = "The Gondor Liberation Army attacked a convoy near Quetta on Monday. The GLA said it would fight on. "


@pytest.mark.parametrize(("text", "needle", "nth", "joined"), [
    # initials read once as the organisation's are it where the NER left them untagged
    (_GLA + "Pakistan and the United States have designated GLA a terrorist group.", "GLA", 1, True),
    # never read as its mention: left alone
    ("The Gondor Liberation Army attacked a convoy near Quetta on Monday. Pakistan and the United States "
     "have designated GLA a terrorist group.", "GLA", 0, False),
])
def test_coref_initials_elsewhere(coref_pipeline, text, needle, nth, joined):
    result = coref_pipeline.process(text)
    full, short = _entity_of(result, "Gondor Liberation Army"), _entity_of(result, needle, nth)
    if full is None:
        pytest.skip("the NER did not read the full name as an organisation")
    assert (short is not None and short.id == full.id) is joined
