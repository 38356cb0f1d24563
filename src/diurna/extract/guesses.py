"""Countries the text does not state, guessed for people (extract/entities.py): an
official with no country named is of the one country of the sentence, else of the
document; once every mention is read, with settings person_countries and story_people,
of the country the story is about. Every guess is marked in Entity.country_from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..model import FROM_SENTENCE, FROM_STORY, Entity, Event, story_guess
from . import titles as T
from .coref import PersonRef
from .entitystate import DOMESTIC_SECTORS, EntityState
from .labels import SENTENCE_COUNTRY


def sentence_country(st: EntityState, p: PersonRef, sentence: int) -> None:
    """A person read so far with no country: an official's from the one country around."""
    # (settings person_countries, person_affiliations: officials and political figures
    # only; a professor or a business chief quoted in a story is as often a foreigner)
    guessed = T.POLITICAL_SECTORS if st.affiliations else DOMESTIC_SECTORS | {"ELI"}
    if p.country is None and p.sector in guessed:
        # An official (or an opposition, party, union or rebel leader: domestic actors)
        # with no country named: the one country of the sentence, else of the document,
        # if unique.
        found = st.sent_countries.get(sentence, set())
        if not found:
            found = set().union(*st.sent_countries.values()) if st.sent_countries else set()
        if len(found) == 1:
            p.country = next(iter(found))
            p.rule, p.country_from = SENTENCE_COUNTRY, FROM_SENTENCE


def story_people(st: EntityState) -> None:
    """People the text gives no country, once every mention is read. With setting
    person_countries an official or political figure is of the story's country, as a
    bare "the ministry" is (extract/implicit.py): "Wynter Mmolotsi, minister of
    environment and tourism," in a story about Botswana. With setting story_people a
    named person with no role ("Rastafarian Feniya Mbewe", "retired basketball star Yao
    Ming") is of the country the story is about when it is about one. Both are marked
    country_from "story": a guess."""
    if not st.story:
        return
    for p in st.people:
        if p.country is not None:
            continue
        if st.person_countries and p.sector in T.POLITICAL_SECTORS:
            p.country, p.country_from = st.story[0], FROM_STORY
        elif st.story_people and p.sector is None and st.story_main is not None:
            p.country, p.country_from = st.story_main, FROM_STORY


def guessed_targets_only(events: Sequence[Event], entities: Sequence[Entity]) -> list[Event]:
    """The events with `story_people`'s guess kept on the target side only (setting
    story_targets): the person an act is done to in a story about one country is most
    often of that country ("the U.S. imposed sanctions on Dodik"), the one who does or
    says it much less so (an envoy, an analyst, a foreign witness quoted in the story).
    News dev, the dyads the guess adds: as target 9/11 (dev-a), 4/6 (dev-b); as source
    4/4, 1/5."""
    by_id = {e.id: e for e in entities}
    out = []
    for ev in events:
        src = ev.source
        if src is not None and src.entity and src.country and story_guess(by_id.get(src.entity)):
            ev = replace(ev, source=replace(src, country=None, actor_code=None))
        out.append(ev)
    return out
