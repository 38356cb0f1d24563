"""store.merge: which entity records and event reports are one (pure functions)."""

from __future__ import annotations

import itertools

import pytest

from diurna.store import merge
from diurna.store.merge import EntityRecord, EventRecord


def ent(doc: str, name: str, country: str | None = None, etype: str = "PERSON", aliases: tuple[str, ...] = ()):
    return EntityRecord(doc_id=doc, local_id="e1", name=name, type=etype, country=country, aliases=aliases)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (ent("d1", "King Elessar", "GND"), ent("d2", "King Elessar", "GND"), True),
        (ent("d1", "King Elessar", "GND"), ent("d2", "king elessar"), True),            # case, no country
        (ent("d1", "Théoden King"), ent("d2", "Theoden King"), True),                    # accents folded
        (ent("d1", "Elessar Telcontar", "GND"), ent("d2", "Telcontar"), True),           # surname joins full name
        (ent("d1", "Elessar Telcontar", "GND"), ent("d2", "Telcontar", "ROH"), False),   # countries disagree
        (ent("d1", "King Elessar", "GND"), ent("d2", "King Elessar", "ROH"), False),
        (ent("d1", "Queen Eowyn"), ent("d2", "Queen Eowyn", etype="ORG"), False),        # types differ
        (ent("d1", "Bilbo Baggins"), ent("d2", "Frodo Baggins"), False),                 # same surname only
        (ent("d1", "Gondor", etype="ORG"), ent("d2", "Rohan", etype="ORG"), False),
    ],
)
def test_merge_entities_pairs(a, b, same):
    clusters = merge.cluster_entities([a, b])
    assert (len(clusters) == 1) is same


def test_merge_entities_ambiguous_surname_stays_alone():
    """'Baggins' could be Bilbo or Frodo: bail out rather than guess."""
    records = [ent("d1", "Bilbo Baggins"), ent("d2", "Frodo Baggins"), ent("d3", "Baggins")]
    clusters = merge.cluster_entities(records)
    assert sorted(len(c.members) for c in clusters) == [1, 1, 1]


def test_merge_entities_country_conflict_keeps_countryless_apart():
    records = [ent("d1", "Saruman White", "ISG"), ent("d2", "Saruman White", "MOR"), ent("d3", "Saruman White")]
    assert len(merge.cluster_entities(records)) == 3


def rep(doc: str, date: str | None = "2026-03-03", *, code: str = "043", src: str | None = "code:GNDGOV",
        tgt: str | None = "code:ROHGOV", modality: str = "asserted", country: str | None = "GND",
        lat: float | None = None, lon: float | None = None, published: str | None = "2026-03-04",
        names: tuple[str | None, str | None] = ("King Elessar", "Queen Eowyn"),
        evidence: str | None = "King Elessar received envoys of Queen Eowyn at the citadel.") -> EventRecord:
    return EventRecord(doc_id=doc, local_id="ev1", code=code, root_code=code[:2], source_key=src, target_key=tgt,
                       modality=modality, date=date, published=published, location_country=country, lat=lat, lon=lon,
                       source_name=names[0], target_name=names[1], evidence=evidence)


LETTER_A = "Senator Aldo Brenn wrote to the secretary urging sanctions over the Vardan border crossings."
LETTER_B = "Senator Mira Quell sent a letter to the secretary demanding answers about the Ostmark port deal."
LETTER_A2 = "In a letter to the secretary, Senator Aldo Brenn urged new sanctions over the Vardan border crossings."


def letter(doc: str, name: str, text: str, country: str | None = None) -> EventRecord:
    return rep(doc, src="code:USALEG", tgt="code:USAGOV", country=country, names=(name, "the secretary"),
               evidence=text)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        # two unrelated letters by two senators on one day: same dyad, code and day, nothing else shared
        (letter("d1", "Aldo Brenn", LETTER_A), letter("d2", "Mira Quell", LETTER_B), False),
        (letter("d1", "Aldo Brenn", LETTER_A), letter("d2", "Brenn's office", LETTER_A2), True),  # same story
        (letter("d1", "Aldo Brenn", LETTER_A), letter("d1", "Mira Quell", LETTER_B), True),      # one article
        # the same people at the same place: one occurrence told in other words
        (letter("d1", "Aldo Brenn", LETTER_A, "USA"), letter("d2", "Aldo Brenn", LETTER_B, "USA"), True),
        (letter("d1", "Aldo Brenn", LETTER_A), letter("d2", "Aldo Brenn", LETTER_B), False),     # names, no place
        (letter("d1", "Aldo Brenn", LETTER_A, "USA"), letter("d2", "Mira Quell", LETTER_B, "USA"), False),  # place only
        # one speaker, two different statements: a name on one side only is not enough
        (rep("d1", tgt=None, names=("Aldo Brenn", None), evidence=LETTER_A),
         rep("d2", tgt=None, names=("Aldo Brenn", None), evidence=LETTER_B), False),
        (rep("d1", tgt=None, names=("Aldo Brenn", None), evidence=LETTER_A),
         rep("d2", tgt=None, names=("Aldo Brenn", None), evidence=LETTER_A2), True),
        (rep("d1", country=None, names=(None, None), evidence=None),
         rep("d2", country=None, names=(None, None), evidence=None), False),  # nothing
    ],
)
def test_merge_events_same_occurrence_only(a, b, same):
    if a.doc_id == b.doc_id:
        b = EventRecord(**{**{f: getattr(b, f) for f in b.__slots__}, "local_id": "ev2"})
    assert (len(merge.cluster_events([a, b])) == 1) is same
    assert merge.same_occurrence(a, b) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (rep("d1"), rep("d2"), True),
        (rep("d1"), rep("d2", code="042"), True),                          # same code family (root 04)
        (rep("d1"), rep("d2", "2026-03-04"), True),                        # a day apart
        (rep("d1"), rep("d2", "2026-03"), True),                           # month contains the day
        (rep("d1"), rep("d2", None), True),                                # no date: publication day
        (rep("d1"), rep("d2", country=None), True),                        # unknown place
        (rep("d1", lat=10.0, lon=20.0), rep("d2", lat=10.1, lon=20.1), True),
        (rep("d1"), rep("d2", "2026-03-06"), False),                       # three days apart
        (rep("d1"), rep("d2", code="143"), False),                         # another family
        (rep("d1"), rep("d2", src="code:ROHGOV", tgt="code:GNDGOV"), False),  # dyad reversed
        (rep("d1"), rep("d2", tgt=None), False),                           # no target
        (rep("d1"), rep("d2", modality="negated"), False),                 # did not happen
        (rep("d1"), rep("d2", country="ROH"), False),                      # another country
        (rep("d1", lat=10.0, lon=20.0), rep("d2", lat=12.0, lon=22.0), False),  # ~300 km apart
        (rep("d1"), rep("d2", None, published="2026-03-20"), False),       # reported weeks later
        (rep("d1", src=None, tgt=None), rep("d2", src=None, tgt=None), False),  # no dyad: no cross-article match
        (rep("d1", src=None), rep("d2", src=None), True),                  # one side known is enough
    ],
)
def test_merge_events_pairs(a, b, same):
    assert (len(merge.cluster_events([a, b])) == 1) is same


def test_merge_events_without_actors_merge_within_their_article_only():
    a, b = rep("d1", src=None, tgt=None), rep("d1", src=None, tgt=None)
    b = EventRecord(**{**{f: getattr(b, f) for f in b.__slots__}, "local_id": "ev2"})
    assert len(merge.cluster_events([a, b])) == 1


def test_merge_events_daily_protests_do_not_chain():
    """Complete linkage: reports on five consecutive days are not one event."""
    reports = [rep(f"d{i}", f"2026-03-0{i}") for i in range(1, 6)]
    clusters = merge.cluster_events(reports)
    assert len(clusters) > 1
    assert all(len(c.members) <= 2 for c in clusters)


def test_merge_events_order_independent():
    reports = [rep("a", "2026-03-03"), rep("b", "2026-03-04"), rep("c", "2026-03"), rep("d", None),
               rep("e", "2026-03-05"), rep("f", "2026-03-03", modality="negated"), rep("g", "2026-03-06")]
    expected = merge.cluster_events(reports)
    assert max(len(c.members) for c in expected) >= 3  # the test exercises real merges
    for perm in itertools.permutations(reports):
        assert merge.cluster_events(list(perm)) == expected


def test_merge_entities_order_independent():
    records = [ent("d1", "Elessar Telcontar", "GND"), ent("d2", "Telcontar"), ent("d3", "Elessar Telcontar"),
               ent("d4", "Arwen Undomiel"), ent("d5", "Telcontar", "GND")]
    expected = merge.cluster_entities(records)
    assert max(len(c.members) for c in expected) >= 3
    for perm in itertools.permutations(records):
        assert merge.cluster_entities(list(perm)) == expected


@pytest.mark.parametrize(
    ("agency", "publisher", "url", "doc", "key"),
    [
        ("Reuters", "Gondor Gazette", "https://g.example/a", "d1", "agency:reuters"),
        (None, "Gondor Gazette", "https://g.example/a", "d1", "publisher:gondor gazette"),
        (None, None, "https://www.g.example:8080/a?b", "d1", "host:g.example"),
        (None, None, None, "d1", "document:d1"),
    ],
)
def test_merge_source_key(agency, publisher, url, doc, key):
    assert merge.source_key(agency, publisher, url, doc) == key
