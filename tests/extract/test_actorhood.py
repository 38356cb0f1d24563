"""What may be an actor (setting abstract_actors = false): an abstract noun or an
unresolved pronoun leaves its side empty; a group word, a name or a country keeps it."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.fixture(scope="module")
def strict(with_settings) -> Pipeline:
    return with_settings(abstract_actors=False)


def _sides(result, trigger: str) -> list[tuple[str | None, str | None]]:
    return [(e.source.text if e.source else None, e.target.text if e.target else None)
            for e in result.facts.events if trigger in e.evidence.trigger]


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # an abstract noun or an unresolved pronoun is no one
    ("Belarus criticised the decision on Monday.", "criticised", ("Belarus", None)),
    ("The new measures were condemned by them.", "condemned", (None, None)),
    # group words of the knowledge files, names and countries stay
    ("Police arrested dozens of protesters in Nairobi on Monday.", "arrested", ("Police", "protesters")),
    ("Kenya criticised Uganda on Monday.", "criticised", ("Kenya", "Uganda")),
    # a phrase that names a country anywhere acts for it
    ("Kenyan drone strikes killed eight militants on Monday.", "killed", ("Kenyan drone strikes", "eight militants")),
])
def test_actorhood_sides(strict, text, trigger, expected):
    assert expected in _sides(strict.process(text), trigger)


def test_actorhood_setting_true_keeps_every_side(pipeline, with_settings):
    keep = with_settings(abstract_actors=True)
    assert ("Belarus", "decision") in _sides(keep.process("Belarus criticised the decision on Monday."), "criticised")
    assert pipeline.settings.abstract_actors  # the default (see defaults.toml: eval ipe)
