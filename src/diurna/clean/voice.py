"""The publication-voice line classifier: does a short line speak to the reader on
behalf of the publication, or is it a line of the story?

NOT YET WIRED INTO THE CLEAN STAGE (session 8): the fitted model removes 7 of the
counter-example story lines of knowledge/boilerplate.yaml ("Protesters used a Telegram
channel to organise the march."); scripts/fit_publication_voice.py must take those as
negatives and be refitted before boilerplate._classify_one calls `is_prompt` (on every
paragraph but the first, where a headline stands; reason REASON).

The boilerplate rules (knowledge/boilerplate.yaml) know prompts by their wordings, and
wordings nobody has seen slip past them. This classifier knows them by their voice: the
reader addressed ("you", an imperative opening a clause), the publication speaking of
itself outside quotation marks ("our newsletter", "follow us"), the site, app, account or
channel as the object, links, handles, offers, decoration, a short line with no speaker;
against a story's voice: attribution ("said", "according to"), third persons, narrative
past, times, quotations. The cue words are data (knowledge/publication_voice.yaml); the
weight of each feature, the bias, the threshold and the longest line it judges are
fitted on dev prompts against dev story lines (knowledge/publication_voice_weights.json,
written by scripts/fit_publication_voice.py, reproducible).

Conservative: a line longer than the model's `max_chars` is never judged, nor one with no
cue of the reader or the publication (ADDRESS), nor one with a reporting clause; the
threshold leaves at most a handful of the ~5,000 dev story paragraphs over it.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import knowledge
from ..knowledge.wordlists import parse_lists

FILE = "publication_voice.yaml"
WEIGHTS = "publication_voice_weights.json"
REASON = "publication-voice"
_PHRASES = frozenset({"platform_phrases", "attribution_phrases"})


@dataclass(frozen=True, slots=True)
class VoiceWords:
    """One frozen set per cue class; field names are the keys of publication_voice.yaml."""

    second_person: frozenset[str]
    first_person_plural: frozenset[str]
    imperative_verbs: frozenset[str]
    imperative_followers: frozenset[str]
    publication_nouns: frozenset[str]
    platform_words: frozenset[str]
    platform_phrases: frozenset[str]
    offer_words: frozenset[str]
    period_words: frozenset[str]
    politeness_words: frozenset[str]
    attribution_words: frozenset[str]
    attribution_phrases: frozenset[str]
    third_person: frozenset[str]
    past_auxiliaries: frozenset[str]
    time_words: frozenset[str]
    determiners: frozenset[str]


@dataclass(frozen=True, slots=True)
class VoiceModel:
    """A logistic model over FEATURES: P(prompt) = sigmoid(bias + sum(weight * value))."""

    bias: float
    weights: tuple[tuple[str, float], ...]
    threshold: float
    max_chars: int


def parse_words(data: object, source: str = FILE) -> VoiceWords:
    return parse_lists(VoiceWords, data, source, phrases=_PHRASES)


@lru_cache(maxsize=1)
def words() -> VoiceWords:
    """The shipped cue lists, validated."""
    return parse_words(knowledge.read_yaml(FILE))


def parse_model(data: object, source: str = WEIGHTS) -> VoiceModel:
    """Validate the fitted model: every feature weighed, nothing unknown."""
    if not isinstance(data, dict):
        raise ValueError(f"{source}: expected a JSON object")
    got = data.get("weights")
    if not isinstance(got, dict) or set(got) != set(FEATURES):
        have = set(got) if isinstance(got, dict) else set()
        raise ValueError(f"{source}: `weights` must weigh exactly the features {FEATURES}; "
                         f"missing {sorted(set(FEATURES) - have)}, unknown {sorted(have - set(FEATURES))}: "
                         "rerun scripts/fit_publication_voice.py")
    for key in ("bias", "threshold"):
        if not isinstance(data.get(key), (int, float)):
            raise ValueError(f"{source}: `{key}` must be a number")
    if not 0.0 < data["threshold"] < 1.0:
        raise ValueError(f"{source}: `threshold` must lie between 0 and 1")
    if not isinstance(data.get("max_chars"), int) or data["max_chars"] < 1:
        raise ValueError(f"{source}: `max_chars` must be a positive integer")
    return VoiceModel(float(data["bias"]), tuple((f, float(got[f])) for f in FEATURES), float(data["threshold"]),
                      data["max_chars"])


@lru_cache(maxsize=1)
def model() -> VoiceModel:
    return parse_model(json.loads(knowledge.read_text(WEIGHTS)))


# --------------------------------------------------------------------------- features

# Decoration a page sets around a prompt ("▶ Watch the full report", "🔔 Turn on
# notifications", ">> Sign up for our newsletter <<"): arrows, bullets, emoji. Letters,
# digits, quotation marks, brackets and currency signs are never decoration.
_DECORATION = re.compile(r"^[^\w\s\"“”‘’'(\[£$€¥]+\s*|\s*[^\w\s\"“”‘’')\].!?%]+$")
_QUOTED = re.compile(r"\"[^\"]*(?:\"|$)|“[^”]*(?:”|$)|‘[^’]{12,}’")
# The end of a quotation opened in an earlier sentence ('You can't ask for more," he said.')
_CONTINUED = re.compile(r'^[^"“”]*[”"](?=[\s,.;:!?]|$)(?![^"“]*[”"])')
_WORD = re.compile(r"[a-z0-9][a-z0-9'\-]*")
_CLAUSE = re.compile(r"(?:^|[.:?!|—–]\s+|\s[-–—]\s)(?P<w>[A-Za-z][\w'’]*)(?:\s+(?P<next>[A-Za-z][\w'’]*))?")
_LINK = re.compile(r"https?://|www\.|\b[\w.-]+@[\w-]+\.\w|(?<![\w@])@\w{2,}|\b\w[\w-]*\.(?:com|org|net|co|io|me|"
                   r"news|example|uk|tv|fm)\b(?:/|\b)", re.I)
_PRICE = re.compile(r"[£$€¥]\s?\d|\b\d+(?:\.\d+)?\s?(?:p|c|cents|pence)\b|\b\d+\s?%", re.I)
_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")  # a capitalised word inside a clause: a name
_LABEL = re.compile(r"^[A-Z][\w'’ ]{0,24}:\s")  # "Newsletter: ...", "READ MORE: ..."
_PAST = re.compile(r"[a-z]{3,}ed$")  # a told event ("suspended", "received"); not "need", "feed"
_TRAILING = re.compile(r",\s+(?:(?:the|a|an|his|her|their|its|one)\s+(?:[\w'’-]+\s+){1,3}|(?:he|she|they|we|i|it)\s+)"
                       r"[\w'’-]+[.!?]?[\"”’]?$", re.I)
# A reporting clause anywhere after a comma ("Help us, the villagers cried as ...", "...,
# he added"): someone in the story speaks, not the publication. A veto, not a feature.
# A bare plural subject counts too (", protesters chanted outside ...").
_REPORTING = re.compile(r",\s+(?:(?:the|a|an|his|her|their|its|one)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+|he|she|they|it|[a-z]+s)"
                        r"\s+(?:[a-z]+ed|said|says|told|wrote|read|cried|shouted)\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_END = tuple(".!?\"”’)")

FEATURES: tuple[str, ...] = (
    "second_person", "first_person_plural", "imperative_start", "imperative_clause", "imperative_phrase",
    "publication_noun", "platform", "link", "decorated", "pipes", "question", "exclamation", "price",
    "per_period", "offer", "politeness", "all_caps", "no_end_stop", "words_le_5", "words_6_12",
    "words_ge_25", "attribution", "third_person", "past_auxiliary", "time_word", "year", "quoted",
    "names", "label_colon", "past_tense", "determiner_start", "medium_unaddressed", "trailing_clause",
)
# Evidence of the reader or of the publication: without one of these a line is not
# judged, whatever its score ("Call for calm", a sub-heading, opens with a verb too).
ADDRESS: tuple[str, ...] = ("second_person", "first_person_plural", "publication_noun", "platform", "link",
                            "decorated", "pipes", "politeness")


def undecorated(text: str) -> str:
    """The text without the symbols that open or close it ("" when it is only symbols)."""
    return _DECORATION.sub("", _DECORATION.sub("", text, count=1), count=1).strip()


def features(text: str, cues: VoiceWords | None = None) -> dict[str, float]:
    """The value of each feature of FEATURES for one line (0 or 1 but `names`)."""
    cues = cues or words()
    bare = undecorated(text) or text
    outside = _QUOTED.sub(" ", _CONTINUED.sub(" ", bare))
    lower = outside.lower().replace("’", "'")
    tokens = _WORD.findall(lower)
    found = set(tokens)
    clauses = list(_CLAUSE.finditer(outside))
    starts = [m["w"].lower().replace("’", "'") for m in clauses]
    seconds = [(m["next"] or "").lower().replace("’", "'") for m in clauses]
    first = tokens[0] if tokens else ""
    imperative = first in cues.imperative_verbs
    clause = any(w in cues.imperative_verbs for w in starts[1:])
    person = bool(found & cues.second_person or found & cues.first_person_plural)
    medium = bool(found & cues.publication_nouns or found & cues.platform_words or _has(lower, cues.platform_phrases))
    letters = [c for c in bare if c.isalpha()]
    n = len(tokens)
    capitals = _NAME.findall(outside)
    values = {
        "second_person": bool(found & cues.second_person),
        "first_person_plural": bool(found & cues.first_person_plural),
        "imperative_start": imperative,
        "imperative_clause": clause,
        "imperative_phrase": _imperative_phrase(starts, seconds, cues),
        "publication_noun": bool(found & cues.publication_nouns),
        "platform": bool(found & cues.platform_words) or _has(lower, cues.platform_phrases),
        "link": bool(_LINK.search(bare)),
        "decorated": bare != text.strip(),
        "pipes": "|" in bare,
        "question": "?" in outside,
        "exclamation": "!" in outside,
        "price": bool(_PRICE.search(outside)),
        "per_period": _per_period(tokens, cues.period_words),
        "offer": bool(found & cues.offer_words),
        "politeness": bool(found & cues.politeness_words),
        "all_caps": len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.8 * len(letters),
        "no_end_stop": not bare.rstrip().endswith(_END),
        "words_le_5": n <= 5,
        "words_6_12": 6 <= n <= 12,
        "words_ge_25": n >= 25,
        "attribution": bool(found & cues.attribution_words) or _has(lower, cues.attribution_phrases),
        "third_person": bool(found & cues.third_person),
        "past_auxiliary": bool(found & cues.past_auxiliaries),
        "time_word": bool(found & cues.time_words),
        "year": bool(_YEAR.search(outside)),
        "quoted": len(outside.strip()) < 0.6 * len(bare),
        "names": min(len(capitals), 4) / 4,
        "label_colon": bool(_LABEL.match(bare)),
        "past_tense": any(_PAST.match(w) for w in tokens[1:]),
        "determiner_start": first in cues.determiners,
        # the site, app or channel spoken of with no reader asked to do anything: a
        # story about media ("The militia posted the video on Telegram")
        "medium_unaddressed": medium and not (imperative or clause or person),
        # a reporting clause closing the line (", the poster read.", ", he shouted.")
        "trailing_clause": bool(_TRAILING.search(bare)),
    }
    return {k: float(v) for k, v in values.items()}


def _imperative_phrase(starts: list[str], seconds: list[str], cues: VoiceWords) -> bool:
    """A clause opening with an imperative verb then a particle, determiner or pronoun
    ("Sign up", "Download the app", "Follow us"): the shape of a request, not of a
    headline's noun ("Download chart debut ...")."""
    return any(a in cues.imperative_verbs and b in cues.imperative_followers for a, b in zip(starts, seconds))


def _has(lower: str, phrases: frozenset[str]) -> bool:
    return any(p in lower for p in phrases)


def _per_period(tokens: list[str], periods: frozenset[str]) -> bool:
    return any(a in ("a", "per", "each", "every") and b in periods for a, b in zip(tokens, tokens[1:]))


def probability(text: str, voice: VoiceModel | None = None) -> float:
    """P(the line is the publication speaking to its reader)."""
    return _probability(features(text), voice or model())


def _probability(values: dict[str, float], voice: VoiceModel) -> float:
    z = voice.bias + sum(w * values[f] for f, w in voice.weights)
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def is_prompt(text: str, voice: VoiceModel | None = None) -> bool:
    """A line the publication speaks to its reader in (never a line over `max_chars`)."""
    voice = voice or model()
    if not text or len(text) > voice.max_chars:
        return False
    values = features(text)
    if not any(values[f] for f in ADDRESS) or _REPORTING.search(text):
        return False
    return _probability(values, voice) >= voice.threshold


__all__ = ["FEATURES", "REASON", "VoiceModel", "VoiceWords", "features", "is_prompt", "model", "parse_model",
           "parse_words", "probability", "undecorated", "words"]
