"""Every fixture (tests/clean/fixtures) cleans as its expectations say: story snippets
kept, noise gone, metadata right, errors where expected."""

from __future__ import annotations

import pytest

from diurna.evaluate.clean import FIXTURES, check_fixture, clean_one, load_fixtures
from diurna.read import read_paths

EXPECTATIONS = load_fixtures()


def test_fixtures_at_least_forty_text_and_html():
    names = list(EXPECTATIONS)
    assert len(names) >= 40
    assert sum(n.endswith(".html") for n in names) >= 10
    assert all((FIXTURES / n).is_file() for n in names)


@pytest.mark.parametrize("name", sorted(EXPECTATIONS))
def test_fixtures_clean_as_expected(name, settings):
    raw = next(read_paths([FIXTURES / name], settings))
    assert check_fixture(EXPECTATIONS[name], clean_one(raw, settings)) == []
