"""Plain-text furniture: datelines in every wire form, a wire credit closing the last
paragraph, and prompts to sign up, subscribe, follow or install an app; story sentences
that look like them stay."""

from __future__ import annotations

import pytest

from diurna.clean import clean
from diurna.clean.boilerplate import classify
from diurna.clean.metadata import split_dateline, split_trailing_credit
from diurna.model import RawDocument

STORY = "Gondor and Arnor signed a river pact on Tuesday, officials said."


@pytest.mark.parametrize("opening,place,agency", [
    ("DALE - ", "Dale", None),
    ("DALE – ", "Dale", None),
    ("DALE — ", "Dale", None),
    ("DALE -- ", "Dale", None),
    ("DALE (Reuters) - ", "Dale", "Reuters"),
    ("DALE (AP) — ", "Dale", "Associated Press"),
    ("DALE, March 3 (AFP) - ", "Dale", "Agence France-Presse"),
    ("DALE, Nov. 3 (Reuters) – ", "Dale", "Reuters"),
    ("MINAS TIRITH, Gondor (AP) — ", "Minas Tirith", "Associated Press"),
    ("Dale — ", "Dale", None),
    # not datelines
    ("Dale: ", None, None),
    ("Mr Bard - ", None, None),
    ("UN - ", None, None),
])
def test_furniture_dateline_forms(opening, place, agency):
    got_place, got_agency, start = split_dateline(opening + STORY)
    assert (got_place, got_agency) == (place, agency)
    if place:
        assert (opening + STORY)[start:] == STORY


@pytest.mark.parametrize("text,credit", [
    (STORY + " REUTERS", "REUTERS"),
    (STORY + " (AFP)", "(AFP)"),
    (STORY + " — AP", "— AP"),
    (STORY + " AFP", "AFP"),
    ("“We will not yield,” he said. (AP)", "(AP)"),
    (STORY + " (dpa)", "(dpa)"),                       # an agency written in lower case, in brackets
    (STORY + " --AP", "--AP"),                         # a double hyphen
    (STORY + " /AFP/", "/AFP/"),                       # slashes
    (STORY + " — Associated Press", "— Associated Press"),
    # the credit, not a run of capitalised words before it
    ("“The river is ours,” said Elrond Peredhel. REUTERS", "REUTERS"),
    ("Talks resume in May, Mr Faramir. AFP", "AFP"),
    # a sentence, not a credit
    ("The minister said so in an interview with Reuters.", None),
    ("The minister told Reuters. Nothing else", None),
    (STORY + " NATO", None),          # no agency
    (STORY + " Reuters", None),       # not in capitals, no bracket or dash
    ("Talks resume in DALE", None),
    (STORY + " dpa", None),           # lower case, no bracket or dash
    (STORY + " (File)", None),        # no agency
    (STORY + " — Aragorn Elessar", None),
])
def test_furniture_trailing_credit(text, credit):
    found = split_trailing_credit(text)
    assert (found[1] if found else None) == credit
    if found:
        assert text[:found[0]].rstrip() == text[:found[0]]


def test_furniture_trailing_credit_fills_agency_and_keeps_the_paragraph(settings):
    text = ("Gondor and Arnor sign river pact\n\nDALE – " + STORY + "\n\nTalks will resume in May, the envoy added. REUTERS\n\n"
            "Download our app to get news alerts wherever you are\n")
    doc = clean(RawDocument(0, text, "text"), settings)
    assert doc.dateline == "Dale" and doc.agency == "Reuters"
    assert doc.text.endswith("Talks will resume in May, the envoy added.")
    assert [r.reason for r in doc.removed if r.text == "REUTERS"] == ["wire-credit"]


@pytest.mark.parametrize("line,reason", [
    ("Subscribe to the Weekend Edition for in-depth reporting", "subscribe-prompt"),
    ("Enjoying this story? Subscribe for full access.", "subscribe-prompt"),
    ("Stay up to date with our world news emails.", "subscribe-prompt"),
    ("Download our app to get news alerts wherever you are", "app-prompt"),
    ("Install the Herald app for iPhone and Android", "app-prompt"),
    ("Turn on notifications to never miss breaking news", "app-prompt"),
    ("Join our WhatsApp channel for the latest headlines", "app-prompt"),
    ("Read in app", "app-prompt"),
    ("Comments on this story are moderated.", "comments"),
    ("About us | Advertise | Careers", "navigation"),
    # offers in the publication's voice, or imperatives naming its products (reader-offer)
    ("For more world news, visit our homepage", "reader-offer"),
    ("Tap the bell icon to be notified of new stories", "reader-offer"),
    ("Got a news tip? Contact our reporters securely.", "reader-offer"),
    ("Upgrade to premium for an ad-free experience", "reader-offer"),
    ("Questions about your subscription? Contact customer service.", "reader-offer"),
    ("Readers like you keep this site running. Chip in what you can.", "reader-offer"),
    ("Your support makes this journalism possible.", "reader-offer"),
    ("Text NEWS to 55555 to get updates by SMS", "reader-offer"),
    # imperatives to the reader (reader-imperative)
    ("Love local news? Become a supporter today.", "reader-imperative"),
    ("Tell a friend about the Herald", "reader-imperative"),
    ("Advertise with us", "reader-imperative"),
    ("Never miss an update — enable alerts", "reader-imperative"),
    ("Read this story in Spanish", "reader-imperative"),
    # story sentences that look like prompts stay
    ("Subscribers to the state broadcaster fell by half last year, the regulator said.", None),
    ("The app was downloaded a million times in its first week, the ministry said.", None),
    ("Residents were told to turn on their radios for alerts about the flooding.", None),
    ("Rebels used a Telegram channel to claim the attack on Tuesday.", None),
    ("Stay calm, the president told the nation in a televised address on Sunday.", None),
    ("Subscribe to the view that the war is over and you will be disappointed, the general warned.", None),
    ("Comments by the minister on the pact angered the opposition.", None),
    ("Iraq | Syria", None),
    ("The US has refused to sign up to the treaty, branding it politically motivated.", None),
    ("With a broadband subscription, you can also get your TV and phone service.", None),
    ("We will hold our reporters' attackers to account, the editor said.", None),
    ("Why did the talks fail? Contact between the two sides had stopped in May.", None),
    ("Set in a village school, the play won the best drama prize.", None),
    ("Support for a ban on hunting has fallen in the past six years, a poll suggests.", None),
    ("Text messaging was a valuable tool after the floods.", None),
    ("Drop in oil prices hits Gondor budget", None),
    ("Oil markets: drop in prices hits Gondor budget", None),
    ("Get Me Out of Here drew 10 million viewers.", None),
])
def test_furniture_prompts(line, reason):
    assert classify(line, 5, 12) == reason
