"""Acts only a political actor does (knowledge/political_acts.tsv) are no events when
civilians, the press, academics or refugees do them (eventing/doers.py, setting
political_acts); their
political acts (appeals, protests) and a political actor's acts stay."""

from __future__ import annotations

import pytest

from diurna import Pipeline
from diurna.extract.eventing import doers
from diurna.extract.eventing.statements import quiet_sectors
from diurna.knowledge import cameo


@pytest.fixture(scope="module")
def political(with_settings) -> Pipeline:
    return with_settings(political_acts=True)


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Thousands of Kenyan tourists visited Tanzania on Monday.", "04"),
        ("Kenyan bloggers praised Tanzania on Monday.", "05"),
        ("Kenyan journalists met Tanzanian officials on Monday.", "04"),
        ("Kenyan reporters examined the Tanzanian budget on Monday.", "09"),
    ],
)
def test_events_doers_quiet_doer_makes_no_event(political: Pipeline, pipeline: Pipeline, codes_of, text: str,
                                                root: str) -> None:
    assert not any(c.startswith(root) for c in codes_of(political, text))
    assert any(c.startswith(root) for c in codes_of(pipeline, text))  # the setting is off by default


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # a political actor's act
        ("Kenyan President Daniel Mwangi visited Tanzania on Monday.", "042"),
        # what civilians do as political actors: appeal, protest
        ("Kenyan farmers called on the Tanzanian government to lower border fees.", "020"),
        ("Kenyan students protested against Tanzania on Monday.", "141"),
        # aid and yielding are social acts too: doctors' aid, a union calling off its strike
        ("Kenyan doctors donated medicine to Tanzanian hospitals on Monday.", "070"),
    ],
)
def test_events_doers_political_acts_stay(political: Pipeline, codes_of, text: str, code: str) -> None:
    assert code in codes_of(political, text)


def test_events_doers_table_is_cameo_roots() -> None:
    roots = doers.political_roots()
    assert roots and roots <= {c.root for c in cameo.codebook().values()}
    assert not roots & {"01", "02", "07", "08", "10", "11", "12", "13", "14"}  # what civilians do politically
    assert quiet_sectors() and "GOV" not in quiet_sectors()
