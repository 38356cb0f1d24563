"""Entities and actors: our own case set (evaluate/data/actors_cases.yaml), bad input,
and user actor files. The whole case set must hold at the pinned cases_accuracy; a few
core cases must hold exactly."""

from __future__ import annotations

import time

import pytest

from diurna import Pipeline
from diurna.evaluate.actors import check_case, load_cases, run_cases
from diurna.evaluate.base import floors

CORE = [
    ("French President Emmanuel Macron arrived in Abuja on Tuesday.", "Emmanuel Macron", "FRAGOV"),
    ("Paris urged both sides to return to talks.", "Paris", "FRAGOV"),
    ("Kenyan farmers blocked roads to protest against imports.", "Kenyan farmers", "KENCVL"),
    ("The Israeli army lifted the blockade on Friday.", "Israeli army", "ISRMIL"),
    ("NATO said the exercise would go ahead.", "NATO", "IGONAT"),
    ("The summit was held in Paris last week.", "Paris", None),  # a place, not an actor
    ("The weather was fine and the markets were calm.", "weather", None),
]


@pytest.fixture(scope="module")
def entities_pipeline(pipeline_of) -> Pipeline:
    return pipeline_of(extractors=["entities"])


@pytest.mark.parametrize(("text", "needle", "code"), CORE)
def test_entities_actor_code(entities_pipeline, entity_at, text, needle, code):
    ent = entity_at(entities_pipeline.process(text), needle)
    assert (ent.actor_code if ent else None) == code


def test_entities_offsets_hold(entities_pipeline):
    text = "Mr Ruto's chief of staff Felix Koskei met Kenyan leader William Ruto. He said Nairobi agreed."
    result = entities_pipeline.process(text)
    for e in result.facts.entities:
        for m in e.mentions:
            assert result.document.text[m.start : m.end] == m.text
            assert m.label


def test_entities_case_set_at_floor(entities_pipeline):
    ok, total, failures = run_cases(entities_pipeline)
    assert total >= 150 and len(load_cases()) >= 60
    assert ok / total + 1e-9 >= floors()["actors"]["cases_accuracy"], "\n".join(failures)


def test_entities_shared_surname_trap(entities_pipeline):
    case = next(c for c in load_cases() if "Prime Minister Khan later" in c["text"])
    result = entities_pipeline.process(case["text"], published=str(case["published"]))
    assert check_case(result, case) == []


@pytest.mark.parametrize("text", [
    "PRESIDENT EMMANUEL MACRON SAID PARIS WOULD ACT. " * 20,
    "The president met Владимир Путин and Си Цзиньпин in Moscow on Monday, officials said.",
    "Crown Prince محمد بن سلمان met the French president in Riyadh, the ministry said.",
    "Recep Tayyip Erdoğan, Nicolás Maduro and Félix Tshisekedi met in Besançon.",
    "",
])
def test_entities_bad_input_no_crash(entities_pipeline, text):
    if not text:
        return  # an empty document is the clean stage's error, not ours
    result = entities_pipeline.process(text)
    for e in result.facts.entities:
        assert all(result.document.text[m.start : m.end] == m.text for m in e.mentions)


def test_entities_hundreds_of_names_bounded(entities_pipeline):
    first = ["Anna", "Boris", "Chen", "Dario", "Emeka", "Farah", "Goran", "Hana", "Ivan", "Jorge"]
    last = ["Okafor", "Petrov", "Silva", "Kowalski", "Haddad", "Tanaka", "Moreau", "Novak", "Rossi", "Mensah"]
    names = [f"{f} {s}" for f in first for s in last] * 2
    text = " ".join(f"Minister {n} met Mr {n.split()[1]} in Nairobi on Monday, and the two officials discussed "
                    "the new trade agreement with their colleagues. He said that the talks had gone well." for n in names)
    t0 = time.perf_counter()
    result = entities_pipeline.process(text)
    assert time.perf_counter() - t0 < 60
    assert len([e for e in result.facts.entities if e.type == "PERSON"]) >= 50


def test_entities_user_actor_file(tmp_path, entity_at, pipeline_of):
    yaml_file = tmp_path / "mine.yaml"
    yaml_file.write_text(
        "actors:\n- name: Halvard Tesk\n  country: NOR\n  offices: [{role: Governor, sector: GOV, from: 2020-01-01}]\n",
        encoding="utf-8")
    petr = tmp_path / "mine.txt"
    petr.write_text("# a test dictionary\nGONDOR_ [GON]\n+MINAS_TIRITH\nDENETHOR [GONGOV]\n", encoding="utf-8")
    pipe = pipeline_of(extractors=["entities"], actor_files=[str(yaml_file), str(petr)])
    result = pipe.process("Halvard Tesk met Denethor in Minas Tirith.", published="2024-05-01")
    tesk = entity_at(result, "Halvard Tesk")
    assert (tesk.country, tesk.sector, tesk.role) == ("NOR", "GOV", "Governor")
    assert entity_at(result, "Denethor").actor_code == "GONGOV"
    assert entity_at(result, "Minas Tirith").country == "GON"


# Constructions added for the PLOVER actor figures (issue 4): (text, mention, country, sector).
# A country of None means: no entity with a country may cover the mention.
CONSTRUCTIONS = [
    ("Tomas Varga, the Slovak foreign minister, signed the accord.", "Tomas Varga", "SVK", "GOV"),
    ("Pilar Ruiz, a Peruvian lawmaker, resigned on Friday.", "Pilar Ruiz", "PER", "LEG"),
    ("Israeli army spokesman Avi Dror said the operation was over.", "Avi Dror", "ISR", "MIL"),
    ("Rebels in the Ivory Coast rejected the plan on Friday.", "Rebels", "CIV", "REB"),
    ("Opposition parties in Nepal called a general strike.", "parties", "NPL", "OPP"),
    ("Ethnic Albanians in south Serbia demanded autonomy.", "Albanians", "SRB", None),
    ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia.", "Albanians", "SRB", None),
    ("Albanian farmers blocked the road to Tirana.", "Albanian farmers", "ALB", "CVL"),
    ("Yoruba leaders said they would back the governor.", "Yoruba leaders", "NGA", None),
    ("Hutu rebels attacked a camp in northern Burundi.", "Hutu rebels", "BDI", "REB"),
    ("Hutu rebels attacked a camp in Rwanda.", "Hutu rebels", "RWA", "REB"),
    ("Thousands of Turkish Kurds marched through Ankara.", "Kurds", "TUR", None),
    ("Israeli army bulldozers demolished two houses.", "Israeli army bulldozers", "ISR", "MIL"),
    ("Islamic fundamentalists staged a rally, Algerian officials said.", "Islamic fundamentalists", "DZA", "REB"),
    ("Ethopia has agreed to reopen its border.", "Ethopia", "ETH", "GOV"),
    ("Pakistan rejected an offer from Afganistan for talks.", "Afganistan", "AFG", "GOV"),
    ("Police imposed a curfew in Cizre on Monday.", "Cizre", "TUR", None),
    ("Witnesses said shells landed in Jericho overnight.", "Jericho", "PSE", None),
    ("Police said the Homeland Union party had collected signatures in Lithuania.", "Homeland Union party", "LTU", "PTY"),
    ("UN High Commissioner for Human Rights Volker Turk said 300 people had died.", "Turk", "UNO", "GOV"),
    # negatives: no country where the text gives none, no misspelling where there is none
    # a company's home comes from knowledge (Phoenix: MNCJPN), never from the Kenya the sentence names
    ("Toyota Motor Corporation opened a plant in Kenya.", "Toyota", "JPN", None),
    ("The hostages in Gaza City were freed on Sunday.", "hostages", None, None),
    ("Troops in Rafah opened fire on Monday.", "Troops", None, None),
    ("Farmers protested a deal with South American countries.", "South American", None, None),
    ("African-American voters backed the senator.", "African-American voters", "USA", "CVL"),
    ("The embassy in Nairobi was closed on Monday.", "embassy", None, None),
    ("Columbia University said the talks would resume.", "Columbia", None, None),
    ("Olivia Brandt arrived on Monday.", "Olivia Brandt", None, None),
    # Indiana is no misspelt India: it is a US state (places_extra.tsv admin1), so USA
    ("Officials in Indiana said the storm had passed.", "Indiana", "USA", None),
    ("C Dominici, J Bonnaire and S Chabal were named in the side.", "Bonnaire", None, None),
    ("The minister in charge said nothing.", "minister", None, None),
]


@pytest.mark.parametrize(("text", "needle", "country", "sector"), CONSTRUCTIONS)
def test_entities_actors_constructions(entities_pipeline, entity_at, text, needle, country, sector):
    ent = entity_at(entities_pipeline.process(text), needle)
    assert (ent.country if ent else None) == country
    if sector is not None:
        assert ent.sector == sector


@pytest.mark.parametrize(("text", "person"), [
    ("UN High Commissioner for Human Rights Volker Turk said 300 people had died.", "Volker Turk"),
    ("The word is in the Oxford English Dictionary now.", None),  # a name goes on: no person
    ("Bosnian Serbs attacked the town.", None),
])
def test_entities_demonym_surnames(entities_pipeline, text, person):
    people = [e.name for e in entities_pipeline.process(text).facts.entities if e.type == "PERSON"]
    assert people == ([person] if person else [])


@pytest.mark.parametrize(("text", "person", "country"), [
    # a given name the dictionary does not know for the person with that surname: a namesake
    ("Joe Vance, a farmer from Ohio, said the drought was the worst he had seen.", "Joe Vance", None),
    ("Rahul Modi, a shopkeeper in Pune, said prices had risen.", "Rahul Modi", None),
    # negative cases: the dictionary's own given names, a surname alone, a title: the dictionary's person
    ("Joseph Biden spoke in Delaware on Monday.", "Joe Biden", "USA"),
    ("Vance spoke in Ohio on Monday.", "JD Vance", "USA"),
    ("Prime Minister Narendra Modi spoke in Pune on Monday.", "Narendra Modi", "IND"),
])
def test_entities_namesakes(entities_pipeline, text, person, country):
    people = [(e.name, e.country) for e in entities_pipeline.process(text).facts.entities if e.type == "PERSON"]
    assert people == [(person, country)]


@pytest.mark.parametrize(("text", "needle", "code"), [
    # a body with no country whose name or role phrase marks it non-governmental: CAMEO NGO
    ("Members of the Association of Gondorian Jurists visited the prison.", "Association", "NGO"),
    ("The Arnor Water Forum concluded on Saturday that rich nations must pay more.", "Forum", "NGO"),
    ("The Ceasefire Violations Committee has completed its investigation.", "Committee", "NGO"),
    ("Physicians for Human Rights sent a pathologist to the prison.", "Physicians", "NGO"),
    ("A human rights group protested on Wednesday.", "rights group", "NGO"),
    ("Aid agencies said food was short.", "agencies", "NGO"),
    ("The Red Crescent delivered tents.", "Red Crescent", "NGO"),
    ("The International Labor Office said wages fell.", "Labor Office", "IGOILO"),
    # negatives: a country's committee, a state body, a common noun
    ("The Senate Judiciary Committee approved the bill.", "Committee", None),
    ("The Kenyan parliamentary committee met on Monday.", "committee", "KENLEG"),
    ("The foundation of the state was laid long ago.", "foundation", None),
    ("Doctors from two Kenyan aid groups delivered the goods.", "aid groups", "KENNGO"),
    ("The Serbs of eastern Croatia demanded autonomy.", "Croatia", None),  # a place, not "Croatia demanded"
    ("A Buddhist monk from Kenya spoke.", "Kenya", None),  # a place, not "Kenya spoke"
])
def test_entities_actors_ngo(entities_pipeline, entity_at, text, needle, code):
    ent = entity_at(entities_pipeline.process(text), needle)
    assert (ent.actor_code if ent else None) == code


@pytest.mark.parametrize(("text", "needle", "country", "sector"), [
    # an international office in apposition beats a surname the NER took for a town
    ("Kenzo Tamashima, the United Nations Emergency Relief Coordinator, demanded access.", "Kenzo Tamashima", "UNO", "GOV"),
    ("Arab League Secretary-General Amr Tarek urged restraint.", "Amr Tarek", "ARL", "GOV"),  # not the military "General"
    # a country's office holder before the name, set off by a comma
    ("Qatar's emir, Sheikh Faisal bin Omar, launched a mediation effort between Rohan and Gondor.", "Faisal", "QAT", "GOV"),
    ("Chad's foreign minister, Abakar Moussa, met his Sudanese counterpart.", "Abakar Moussa", "TCD", "GOV"),
    # misspelt people words before a plural noun; spelling variants of places
    ("A group of Chenchen refugees are continuing a hunger strike.", "Chenchen", "RUS", "REF"),
    ("Protesters marched through Khatmandu on Tuesday.", "Khatmandu", "NPL", None),
    ("The government of Sindh province has ordered patrols.", "government", "PAK", "GOV"),
    # settlers in the occupied territories are Israeli, whatever the place
    ("Jewish settlers in the West Bank city of Hebron set fire to a shop.", "settlers", "ISR", "CVL"),
    # "based in" gives a home to any body
    ("A newspaper based in Christian east Beirut has defied a ban.", "newspaper", "LBN", "MED"),
    ("A terror group based in Trinidad claims to make weapons.", "terror group", "TTO", "REB"),
    # a people named by the country it lives in ("of", not "in": visitors are "in")
    ("The Albanians of southern Serbia are demanding autonomy.", "Albanians", "SRB", "CVL"),
    ("The Serbs of eastern Croatia demanded autonomy.", "Serbs", "HRV", "CVL"),
    ("Americans in Iraq were told to leave.", "Americans", "USA", "CVL"),
    # a patron's client is not the patron's: its country is where it is, if said
    ("Rebels killed a commander of Syria's militia ally in northern Lebanon.", "militia ally", "LBN", "MIL"),
    ("Iran's militia proxies attacked the base.", "proxies", None, "MIL"),
    # a name with places in two countries: the one the text names otherwise
    ("Fighting in Tripoli killed 12 people, Lebanese officials said.", "Tripoli", "LBN", None),
    ("The summit in Tripoli opened on Monday, Libyan officials said.", "Tripoli", "LBY", None),
    ("Tripoli said it would hold elections.", "Tripoli", "LBY", "GOV"),
    # a US state (or a province) is its country's place: the longer name wins over a country
    # inside it; "Georgia" is the state in a story that names another US place, else the country
    ("New Jersey Senator Tom Reyes criticised the ruling.", "Tom Reyes", "USA", "LEG"),
    ("New Mexico Governor Joe Vance signed the bill.", "Joe Vance", "USA", "GOV"),
    ("Jersey's chief minister Ann Lee met French officials.", "Ann Lee", "JEY", "GOV"),
    ("Mexico's President Ana Ruiz met Texas Governor Joe Vance.", "Ana Ruiz", "MEX", "GOV"),
    ("Georgia Governor Ann Lee met lawmakers from Alabama.", "Ann Lee", "USA", "GOV"),
    ("Mary Holt, an attorney for the Georgia School Boards Association, said Ohio would appeal.",
     "Georgia School Boards Association", "USA", None),
    ("Georgia Governor Ann Lee met Russian envoys in Tbilisi.", "Ann Lee", "GEO", "GOV"),
    ("Georgia accused Moscow of provocation.", "Georgia", "GEO", "GOV"),
    # where an actor comes from; an NGO's people are the NGO
    ("A Christian missionary from Calgary was arrested.", "missionary", "CAN", "REL"),
    ("A Buddhist monk from Kenya spoke.", "monk", "KEN", "REL"),
    ("A Buddhist monk from Kenya spoke.", "Kenya", "KEN", None),
    ("Red Cross officials visited the camp.", "officials", "NGO", "NGO"),
    ("A Buddhist monk from the start was calm.", "monk", None, "REL"),
    # an opposition leader is a domestic actor: the sentence's one country
    ("The minister let opposition leader Amos Kibet hold a rally, the Kenyan interior secretary said.", "Amos Kibet", "KEN", "OPP"),
    ("Opposition leader Amos Kibet met the French ambassador and the German envoy.", "Amos Kibet", None, "OPP"),
    # a name followed by its body noun, over a gloss: a domestic party of the sentence's country
    ("The fundamentalist Umma (Nation) party said it will boycott Algeria's elections.", "party", "DZA", "PTY"),
    ("The Umma (Nation) party said it will boycott Algeria's elections.", "Umma", "DZA", "PTY"),
    # a dictionary surname after its particles
    ("President Dos Santos addressed parliament.", "Dos Santos", "AGO", "GOV"),
    ("President al-Bashir spoke in Khartoum.", "al-Bashir", "SDN", "GOV"),
    # negatives: a stance is not a nationality; a target's nationality is not the subject's;
    # media, companies and NGOs work abroad
    ("Reuters news agency reported the vote in Kenya.", "Reuters", None, "MED"),
    ("A prominent anti-Syria journalist was killed in a bombing.", "journalist", None, None),
    ("An anti-Syria journalist was killed in a suburb of Beirut.", "journalist", "LBN", "MED"),
    ("Pro-Moscow rebels seized the airport.", "rebels", None, "REB"),
    ("Muslim hackers have defaced nearly 3,000 Danish Web sites.", "hackers", None, None),
    ("Gerald Chenchen met the press.", "Chenchen", None, None),
    ("Oshima, a port town, was hit by the storm.", "Oshima", "JPN", None),
    ("A car bomb exploded in mostly Christian eastern Beirut.", "Christian", None, None),
])
def test_entities_actors_offices_variants_homes(entities_pipeline, entity_at, text, needle, country, sector):
    ent = entity_at(entities_pipeline.process(text), needle)
    assert (ent.country if ent else None) == country
    if sector is not None:
        assert ent.sector == sector
