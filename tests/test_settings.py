from __future__ import annotations

import pytest

from diurna.errors import DiurnaError
from diurna.settings import Settings


def test_settings_defaults_file_matches_dataclass_defaults():
    # defaults.toml and the dataclass must agree, so Settings() and Settings.load() are one thing.
    assert Settings.load() == Settings()


def test_settings_user_file_overrides(tmp_path):
    f = tmp_path / "s.toml"
    f.write_text('batch_size = 4\nday_first = true\n')
    s = Settings.load(f)
    assert s.batch_size == 4 and s.day_first is True
    assert s.spacy_model == Settings().spacy_model


@pytest.mark.parametrize(
    "content, message",
    [
        ("batch_sise = 4\n", "unknown setting"),
        ("batch_size = 'four'\n", "must be an integer"),
        ("batch_size = 0\n", "batch_size must be >= 1"),
        ("day_first = 1\n", "must be true or false"),
        ("extractors = 'entities'\n", "must be a list"),
        ("extractors = ['entities', 'entities']\n", "listed twice"),
        ("batch_size = \n", "E011"),
        ("blas_threads = -1\n", "blas_threads must be a whole number >= 0"),
    ],
)
def test_settings_invalid_values_are_refused(tmp_path, content, message):
    f = tmp_path / "s.toml"
    f.write_text(content)
    with pytest.raises(DiurnaError) as info:
        Settings.load(f)
    assert info.value.code == "E011"
    assert message in str(info.value)


def test_settings_are_immutable():
    s = Settings()
    with pytest.raises(AttributeError):
        s.batch_size = 3  # type: ignore[misc]


def test_settings_round_trip_through_dict():
    s = Settings.load(batch_size=7)
    assert Settings.from_dict(s.to_dict()) == s


def test_settings_missing_file_is_a_coded_error(tmp_path):
    with pytest.raises(DiurnaError, match="E011"):
        Settings.load(tmp_path / "nope.toml")
