"""How the entity extractor found what it found, spelled once: the label of a mention
and the rule of an entity (after "diurna.entities.v2:"), for the modules that write
them and those that read them back. A gazetteer kind ("igo", "group", "place") is its
own rule, and the NER component's name (base.NER) the rule of what it alone found; the
NER's labels (PERSON, ORG) and the prefixed labels ("gazetteer:KIND", "coref:pronoun",
"bare:RULE") are written where they are made."""

from __future__ import annotations

from typing import Final

TITLE: Final = "title"  # a person's title or apposition ("French President", ", Kenya's president,")
NOMINAL: Final = "nominal"  # a role phrase with or without a country word ("Kenyan farmers")
RESIDENT: Final = "resident"  # a role word and the place it is in ("rebels in the Ivory Coast")
METONYMY: Final = "metonymy"  # a country or capital acting as its government ("Paris urged")
DEMONYM: Final = "demonym"  # a people or nationality word ("Kenyans")
DICTIONARY: Final = "dictionary"  # the actor dictionary (or the user's actor files)
SENTENCE_COUNTRY: Final = "sentence-country"  # an official's country from the one country around
