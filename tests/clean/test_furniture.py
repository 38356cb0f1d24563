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
    ("DALE—", "Dale", None),                         # an em dash with no space, after capitals
    ("MINAS TIRITH–", "Minas Tirith", None),
    ("DALE (Reuters) - ", "Dale", "Reuters"),
    ("DALE (AP) — ", "Dale", "Associated Press"),
    ("DALE, March 3 (AFP) - ", "Dale", "Agence France-Presse"),
    ("DALE, Nov. 3 (Reuters) – ", "Dale", "Reuters"),
    ("MINAS TIRITH, Gondor (AP) — ", "Minas Tirith", "Associated Press"),
    ("Dale — ", "Dale", None),
    ("DALE (VOA) — ", "Dale", "Voice of America"),
    ("DALE — (AP) ", "Dale", "Associated Press"),     # the credit after the dash
    ("DALE — (AP) — ", "Dale", "Associated Press"),
    ("(VOA) — ", None, "Voice of America"),           # an agency and no place
    ("— (AP) ", None, "Associated Press"),
    ("(Reuters) - ", None, "Reuters"),
    ("RIO DE JANEIRO — ", "Rio de Janeiro", None),    # particles in lower case (place_names.yaml)
    ("DAR ES SALAAM, Tanzania (AP) — ", "Dar es Salaam", "Associated Press"),
    ("PORT-AU-PRINCE, Haiti — ", "Port-au-Prince", None),
    ("DEIR AL-BALAH, Gaza Strip (AP) — ", "Deir al-Balah", "Associated Press"),
    ("AL-MUKALLA, Yemen — ", "Al-Mukalla", None),     # a particle first is a capital
    ("LA PAZ — ", "La Paz", None),
    ("HOI AN — ", "Hoi An", None),                    # "an" is no particle
    ("MCALLEN, Texas — ", "McAllen", None),
    # not datelines
    ("Dale: ", None, None),
    ("Mr Bard - ", None, None),
    ("UN - ", None, None),
    ("(Updated) — ", None, None),                     # no agency in the brackets
    ("(Gondor) ", None, None),
    ("Dale—", None, None),                           # "Gondor—Arnor talks" is a compound
])
def test_furniture_dateline_forms(opening, place, agency):
    got_place, got_agency, start = split_dateline(opening + STORY)
    assert (got_place, got_agency) == (place, agency)
    if place or agency:
        assert (opening + STORY)[start:] == STORY


def test_furniture_dateline_keeps_brackets_that_name_no_agency():
    assert split_dateline("DALE — (Updated) " + STORY) == ("Dale", None, len("DALE — "))


def test_furniture_dateline_of_an_agency_alone_leaves_the_story(settings):
    text = "Gondor and Arnor sign river pact\n\n(VOA) — " + STORY + "\n\nTalks will resume in May, the envoy added.\n"
    doc = clean(RawDocument(0, text, "text"), settings)
    assert (doc.dateline, doc.agency) == (None, "Voice of America")
    assert doc.text.startswith(STORY)


def test_furniture_contribution_line_naming_a_broadcaster_is_no_agency(settings):
    # "(VOA)" is a credit; "of VOA's Arnorian Service contributed" is a staff story's line
    text = (STORY + "\n\nTalks will resume in May, the envoy added. Bard Bowman of VOA's Arnorian Service "
            "contributed to this report.\n")
    doc = clean(RawDocument(0, text, "text"), settings)
    assert doc.agency is None
    assert [r.reason for r in doc.removed] == ["additional-reporting"]


@pytest.mark.parametrize("paras,note", [
    # a correction note goes whole, wherever it stands, with the sentences that follow it
    ([STORY, "Talks will resume in May.", "Correction: An earlier version of this story misstated the day of "
      "the signing. It was Tuesday, not Monday."],
     "Correction: An earlier version of this story misstated the day of the signing. It was Tuesday, not Monday."),
    (["This story has been corrected to show that the pact was signed in Dale, not Esgaroth.", STORY,
      "Talks will resume in May."],
     "This story has been corrected to show that the pact was signed in Dale, not Esgaroth."),
    # closing the last paragraph: the note comes off, the story sentence stays
    ([STORY, "Talks will resume in May. An earlier version of this article gave the wrong date for the talks."],
     "An earlier version of this article gave the wrong date for the talks."),
    # story sentences that mention a correction stay
    ([STORY, "The ministry issued a correction on Tuesday, saying 40 people had died, not 14.",
      "Talks will resume in May."], None),
    ([STORY, "An earlier version of the treaty, drafted in 2019, was rejected by the senate.", "Talks resume."], None),
    ([STORY, "The newspaper said its story had been corrected after the minister complained.", "Talks resume."], None),
    ([STORY, "“This report has been corrected,” the commission said in a statement on Monday.", "Talks resume."],
     None),
])
def test_furniture_correction_note(settings, paras, note):
    doc = clean(RawDocument(0, "\n\n".join(paras) + "\n", "text"), settings)
    assert [r.text for r in doc.removed if r.reason == "correction"] == ([note] if note else [])
    if note:
        assert note not in doc.text and STORY in doc.text


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
    (STORY + " Reuters", "Reuters"),  # the agency's name alone after the last sentence
    (STORY + " | Reuters", "| Reuters"),
    (STORY + " – dpa", "– dpa"),      # lower case after a dash
    (STORY + " (Agence France-Presse)", "(Agence France-Presse)"),
    ("The minister told Reuters", None),   # no sentence end before the name
    ("The senator blamed Michael R. Bloomberg.", None),   # an initial, not a sentence end
    ("Talks resumed in the U.S. Reuters", None),
    ("“We will not yield,” he said. Bloomberg", "Bloomberg"),
    (STORY + " Gondor", None),
    (STORY + " | Arnor Herald", None),
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


# Session 11: families of prompt wordings (knowledge/boilerplate.yaml), each with story
# sentences that use the same words and must stay. Own wordings, fictional publications.
_PAGE = ("Gondor extends emergency rule", "MINAS TIRITH — " + STORY, "Talks will resume in May, the envoy added.",
         "The opposition called the pact a betrayal and vowed to challenge it in court.")


@pytest.mark.parametrize("line,gone", [
    ("Sign me up for the Dale Evening Wrap", True),
    ("Not registered yet? It only takes a moment.", True),
    ("Subscriptions start at $2 a week for the first year.", True),
    ("Unlock every story on the Esgaroth Sentinel for less than a coffee a month.", True),
    ("Your gift is doubled until midnight.", True),
    ("Ask Alexa to play the Esgaroth Sentinel news.", True),
    ("Replies are turned off for this thread.", True),
    ("This page will be updated as the story develops.", True),
    ("This report is part of our River Towns series.", True),
    ("Ellen Marsh is the Sentinel's chief political correspondent.", True),
    ("Win tickets to the Dale book fair", True),
    ("Offer ends Friday.", True),
    ("Good evening. Here is your briefing for Thursday.", True),
    ("Filed under Politics", True),
    ("We're on Viber too. Search for Esgaroth Sentinel.", True),
    ("Subscribers, sign in here.", True),
    ("Thanks for supporting local news.", True),
    ("Even $2 helps.", True),
    ("For the full story, visit sentinel.example.", True),
    ("Registration is free.", True),
    ("Did someone forward you this?", True),
    ("One email. Every morning. Free.", True),
    ("Trusted by readers since 1921.", True),
    ("A version of this article appeared in print on May 4, 2026.", True),
    ("This is a subscriber-only story. Sign in or subscribe.", True),
    ("Free registration required to read on.", True),
    ("Newsletter — the best of the week, every Sunday morning.", True),
    ("From $3 a week. Cancel whenever you like.", True),
    ("Election alerts: on your phone the moment they are declared.", True),
    # story sentences that read like prompts stay
    ("Registration takes less than a minute, the electoral commission said.", False),
    ("Subscriptions to the state broadcaster start at $3 a month, the regulator said.", False),
    ("Donations to the flood fund were matched by the government.", False),
    ("The interview was released on Spotify on Monday.", False),
    ("Comments were closed after the minister's remarks drew abuse, the paper said.", False),
    ("This report is part of a UN inquiry into abuses, the agency said.", False),
    ("Bard Bowman is the party's candidate for governor.", False),
    ("Tickets for the cup final sold out within an hour, organisers said.", False),
    ("The offer ends on Sunday, the ministry said, after which the border will close.", False),
    ("A new convoy arrives every morning at the border crossing.", False),
    ("Filed under the emergency law, the charges carry a long sentence.", False),
    ("Witnesses spoke to investigators anonymously, the court heard.", False),
    ("We are on the brink of war, the foreign minister said.", False),
    ("Thank you for supporting the troops, the general told the crowd.", False),
    ("Even $1 a day is beyond most families in the north.", False),
    ("Visit the region and you will see the damage, the envoy said.", False),
    ("Registration is free for first-time voters in the north.", False),
    ("Did someone forward the memo to the press?", False),
    ("Mr. Bowman left. He cried. Then silence fell.", False),
    ("Read by millions, the blog was shut down in March.", False),
    ("I want to get the ranking back, but it is very different now.", False),
    ("Registration of parties is required under the new law.", False),
    ("Like many on Facebook, she shared the video of the arrest.", False),
    ("From $2 a week, the price of bread has risen to $9.", False),
    ("Flood alerts: residents of the valley were moved to higher ground.", False),
])
@pytest.mark.parametrize("at", [2, 3, 4])
def test_furniture_prompt_families_on_a_text_page(settings, line, gone, at):
    paras = [*_PAGE[:at], line, *_PAGE[at:]]
    doc = clean(RawDocument(0, "\n\n".join(paras) + "\n", "text"), settings)
    assert (line not in doc.text) is gone
    assert all(p in doc.text for p in (STORY, *_PAGE[2:]))
