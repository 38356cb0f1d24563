"""What a document's event coding reads besides the sentence (`coder.code_document`
builds it once per document; `announcing` and `sides` read it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...knowledge.gazetteer import Roles
from ...model import Document, Facts
from ..mentions import MentionIndex
from .lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Context:
    """What a document's coding reads besides the sentence: fixed for the document."""

    document: Document
    doc: Doc
    facts: Facts
    index: MentionIndex
    lexicon: Lexicon
    implied_targets: bool = True  # setting implied_targets: see eventing/domestic.py
    mutual_both_ways: bool = True  # setting mutual_both_ways: a symmetric act once per direction
    roles: Roles | None = None  # roles.yaml: bare role words take the story's country (eventing/grounding.py)
    place_targets: bool = False  # setting place_targets: see sides.fallback_targets
    unrealised_acts: bool = False  # setting unrealised_acts: see eventing/unrealised.py
    unrealised_purposes: bool = False  # setting unrealised_purposes: see eventing/unrealised.py
    target_phrases: bool = False  # setting target_phrases: see sides.fallback_targets, sides.owners
