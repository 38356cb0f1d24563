"""Amounts: money with symbols, codes and names, ranges, conversions, approximations,
counts of things, and inputs that must yield nothing. Texts written for these tests."""

from __future__ import annotations

import pytest

from diurna.extract.amounts import currencies, find_amounts


def _found(text: str) -> list[tuple[str, int | float, str | None]]:
    return [(a.text, a.value, a.currency) for a in find_amounts(text) if a.currency]


MONEY = [
    ("Gondor pledged €2.5 billion to the fund.", [("€2.5 billion", 2_500_000_000, "EUR")]),
    ("The loan was $1.2bn.", [("$1.2bn", 1_200_000_000, "USD")]),
    ("Rohan paid US$40 million.", [("US$40 million", 40_000_000, "USD")]),
    ("a grant of S$1.5 billion", [("S$1.5 billion", 1_500_000_000, "SGD")]),
    ("HK$300m in bonds", [("HK$300m", 300_000_000, "HKD")]),
    ("A$2m for schools", [("A$2m", 2_000_000, "AUD")]),
    ("C$3.4bn in aid", [("C$3.4bn", 3_400_000_000, "CAD")]),
    ("a fine of £300,000", [("£300,000", 300_000, "GBP")]),
    ("It costs ¥500 million.", [("¥500 million", 500_000_000, "JPY")]),
    ("Beijing set aside ¥20 billion, in renminbi.", [("¥20 billion", 20_000_000_000, "CNY")]),
    ("The yuan-denominated bond raised ¥8 billion.", [("¥8 billion", 8_000_000_000, "CNY")]),
    ("a deal worth 300 million euros", [("300 million euros", 300_000_000, "EUR")]),
    ("They spent 5 billion yuan on rail.", [("5 billion yuan", 5_000_000_000, "CNY")]),
    ("a budget of 2.5bn naira", [("2.5bn naira", 2_500_000_000, "NGN")]),
    ("He owed 100 rupees.", [("100 rupees", 100, "INR")]),
    ("The firm lost 3 trillion won.", [("3 trillion won", 3_000_000_000_000, "KRW")]),
    ("EUR 40 million was wired.", [("EUR 40 million", 40_000_000, "EUR")]),
    ("They raised 12 million USD.", [("12 million USD", 12_000_000, "USD")]),
    ("Rs 5 crore was seized.", [("Rs 5 crore", 50_000_000, "INR")]),
    ("a salary of $50k", [("$50k", 50_000, "USD")]),
    ("a 5 million pounds fine", [("5 million pounds", 5_000_000, "GBP")]),
    ("fifty million dollars in aid", [("fifty million dollars", 50_000_000, "USD")]),
    ("two billion euros", [("two billion euros", 2_000_000_000, "EUR")]),
    ("a $7.25 minimum wage", [("$7.25", 7.25, "USD")]),
    ("₦50,000 per month", [("₦50,000", 50_000, "NGN")]),
    ("₹2,500 crore", [("₹2,500 crore", 25_000_000_000, "INR")]),
    ("10 million Hong Kong dollars", [("10 million Hong Kong dollars", 10_000_000, "HKD")]),
    ("400 million Swiss francs", [("400 million Swiss francs", 400_000_000, "CHF")]),
    ("3 billion roubles", [("3 billion roubles", 3_000_000_000, "RUB")]),
    ("KSh 2 billion", [("KSh 2 billion", 2_000_000_000, "KES")]),
    ("R$1.2 billion", [("R$1.2 billion", 1_200_000_000, "BRL")]),
    ("NT$5 billion", [("NT$5 billion", 5_000_000_000, "TWD")]),
    ("€2.5 billion (US$2.7 billion)",
     [("€2.5 billion", 2_500_000_000, "EUR"), ("US$2.7 billion", 2_700_000_000, "USD")]),
    ("£40m ($52m)", [("£40m", 40_000_000, "GBP"), ("$52m", 52_000_000, "USD")]),
    ("about $3-5 million", [("$3", 3_000_000, "USD"), ("5 million", 5_000_000, "USD")]),
    ("$10 to $20 billion", [("$10", 10_000_000_000, "USD"), ("$20 billion", 20_000_000_000, "USD")]),
    ("between 200 and 300 euros", [("300 euros", 300, "EUR")]),
]

NOTHING = [
    "He lost 20 pounds over the summer.",
    "Arnor won 4-3 on Sunday.",
    "Call 555-1234 for details.",
    "In 2024 the council met twice.",
    "Turnout rose 12 percent.",
    "the 1990s were calm",
    "Room 101 was empty.",
    "They won 12 of 15 seats.",
    "the Sunday Times reported",
    "a 5-4 ruling",
    "Flight 370 vanished.",
    "The dollar fell against the euro.",
    "We had a real problem.",
    "5 m from the shore",
]


@pytest.mark.parametrize("text,expected", MONEY)
def test_amounts_money(text: str, expected: list[tuple[str, int | float, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize("text", NOTHING)
def test_amounts_nothing(text: str) -> None:
    assert find_amounts(text) == ()


@pytest.mark.parametrize("text,rule_part", [
    ("about €2 billion", ":approx"),
    ("more than $5m", ":approx"),
    ("€2.5 billion (US$2.7 billion)", ":conversion"),
    ("$3-5 million", ":range-low"),
])
def test_amounts_rule_marks(text: str, rule_part: str) -> None:
    assert any(rule_part in (a.rule or "") for a in find_amounts(text))


@pytest.mark.parametrize("text,expected", [
    ("At least 12 people were killed.", [("12 people", 12, "people")]),
    ("The two leaders signed nine agreements.", [("nine agreements", 9, "agreements")]),
    ("3,000 soldiers crossed the river", [("3,000 soldiers", 3000, "soldiers")]),
    ("some 40 civilians", [("40 civilians", 40, "civilians")]),
    ("In 2000 people fled.", []),
    ("three weeks of talks", []),
])
def test_amounts_counts(text: str, expected: list[tuple[str, int, str]]) -> None:
    got = [(a.text, a.value, a.unit) for a in find_amounts(text) if a.currency is None]
    assert got == expected


def test_amounts_offsets_index_the_text() -> None:
    text = "Gondor offered €2.5 billion (US$2.7 billion), and 30 million yuan; 12 people died."
    for a in find_amounts(text):
        assert text[a.start:a.end] == a.text
        assert a.rule and a.rule.startswith("diurna.amounts.v1:")


def test_amounts_currency_table_is_valid() -> None:
    table = currencies()
    assert {"USD", "EUR", "GBP", "JPY", "CNY", "HKD", "SGD", "AUD", "CAD", "KRW", "NGN", "INR"} <= table.codes
    assert table.symbols["US$"] == "USD" and table.symbols["€"] == "EUR" and table.names["yuan"] == "CNY"
