"""The predicate lexicon as the event extractor sees it. Its loader and validator live
beside the file it reads (diurna.knowledge.predicates); this name stays for callers."""

from __future__ import annotations

from ...knowledge.predicates import FILE as FILE
from ...knowledge.predicates import FRAME_TARGETS as FRAME_TARGETS
from ...knowledge.predicates import SUBJECT_TARGET as SUBJECT_TARGET
from ...knowledge.predicates import Frame as Frame
from ...knowledge.predicates import Lexicon as Lexicon
from ...knowledge.predicates import Predicate as Predicate
from ...knowledge.predicates import Slot as Slot
from ...knowledge.predicates import UserFile as UserFile
from ...knowledge.predicates import load as load
from ...knowledge.predicates import load_user_file as load_user_file
from ...knowledge.predicates import merge as merge
from ...knowledge.predicates import parse as parse
