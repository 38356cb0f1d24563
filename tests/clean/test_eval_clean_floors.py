"""`diurna eval clean` over the fixtures and the wrapped VOA stories meets its floors."""

from __future__ import annotations

import pytest

from diurna.evaluate import below_floor


@pytest.mark.slow
def test_eval_clean_meets_floors(data_dir, settings):
    from diurna.evaluate import clean as scorer

    class _Settings:  # the scorer reads only `settings`: no spaCy model needed
        pass

    holder = _Settings()
    holder.settings = settings
    report = scorer.run(data_dir, holder, None)
    assert report.counts["voa_pages"] >= 4 * 80
    assert below_floor(report) == {}
    assert report.metrics["story_recall"] >= 0.99
    # the dev half's noise is phrased as the patterns were written from; the test half's
    # from fresh wordings (session 6: 0.8504), so the whole set sits lower
    assert report.splits["dev"]["noise_recall"] >= 0.95 and report.metrics["noise_recall"] >= 0.90
