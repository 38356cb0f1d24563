"""Language labels: short English is English; other languages are labelled."""

from __future__ import annotations

import pytest

from diurna.clean.language import detect


@pytest.mark.parametrize("text,lang", [
    ("Ruto wins Kenya vote", "en"),
    ("Police said.", "en"),
    ("Aragorn met Faramir in Minas Tirith on Tuesday.", "en"),
    ("Elessar Telcontar, Osgiliath, Emyn Arnen.", "en"),
    ("King Elessar Telcontar won the Arnor vote on Sunday, officials in Fornost said.", "en"),
    ("12,000 — 3.5%", "en"),
    ("Le président a rencontré le premier ministre mardi à Paris pour parler du budget de l'année prochaine.", "fr"),
    ("Der Präsident traf am Dienstag den Premierminister, um über den Haushalt des nächsten Jahres zu sprechen.", "de"),
    ("El presidente se reunió con el primer ministro el martes en Madrid para hablar del presupuesto.", "es"),
    ("Президент встретился с премьер-министром во вторник.", "ru"),
    ("总统周二会见了总理，讨论了明年的预算。", "zh"),
])
def test_language_detect(text, lang):
    assert detect(text) == lang


def test_language_pipeline_reports_non_english_as_e013(settings):
    from diurna.evaluate.clean import clean_one
    from diurna.read import read_texts

    text = "Le gouvernement a annoncé mardi un nouveau plan pour les hôpitaux du pays, selon le ministre de la Santé."
    outcome = clean_one(next(read_texts([text])), settings)
    assert outcome.error.code == "E013" and "'fr'" in outcome.error.message
