"""Events (issue 16, session 12): a scheduled trip ("is due to travel to Gondor") is the
trip (042) with modality future, as docs/coding-guide.md codes plans; a scheduled visit
of a host ("will visit Gondor") stays an intent to meet (036). Fictional actors."""

from __future__ import annotations

import pytest

from diurna import Pipeline


@pytest.mark.parametrize(
    ("text", "code", "modality"),
    [
        ("Arnorian Prime Minister Aragorn Elessar is due to travel to Gondor on Tuesday.", "042", "future"),
        ("Arnorian Foreign Minister Aragorn Elessar is scheduled to fly to Gondor on Wednesday.", "042", "future"),
        ("Arnorian Prime Minister Aragorn Elessar will visit Gondor in June.", "036", "future"),
        # a trip made is asserted
        ("Arnorian Prime Minister Aragorn Elessar travelled to Gondor on Tuesday.", "042", "asserted"),
    ],
)
def test_events_roots_trips_code_and_modality(pipeline: Pipeline, text: str, code: str, modality: str) -> None:
    events = pipeline.process(text).facts.events
    assert any(e.code == code and e.modality == modality for e in events), [(e.code, e.modality) for e in events]
    assert not any(e.code == "036" for e in events) or code == "036", [(e.code, e.modality) for e in events]
