"""The publication-voice line classifier: does a short line speak to the reader on
behalf of the publication, or is it a line of the story?

The clean stage asks it (boilerplate.classify) of every paragraph but the first, where a
headline stands, when no rule matched (reason REASON), with the model of the setting
`voice_model`: "s10" (the default) is session 10's fit, "" session 8's (WEIGHTS), "s9"
session 9's (MODELS; it did not hold the clean test floors).

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
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path

from .. import knowledge
from ..knowledge.regex_cache import regex
from ..knowledge.wordlists import parse_lists, word_list

FILE = "publication_voice.yaml"
WEIGHTS = "publication_voice_weights.json"  # session 8's fit: the default
# Packaged models a user may name in the setting `voice_model`. "s9": session 9's refit
# with the page-deixis, interface, navigation, sponsorship, support and question-lead
# features (it passed dev but not the clean test floors, issue 18). "s10" (the setting's
# default): session 10's, with the rights, community, privacy, policy-label, stamp and
# credit-opening features too, fitted with a lower threshold (5 dev paragraphs over it).
MODELS = {"s9": "publication_voice_weights_s9.json", "s10": "publication_voice_weights_s10.json"}
REASON = "publication-voice"
_PHRASES = frozenset({"platform_phrases", "attribution_phrases", "navigation_phrases", "sponsorship_phrases",
                      "rights_phrases"})


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
    deictic_words: frozenset[str]
    document_nouns: frozenset[str]
    page_positions: frozenset[str]
    interface_words: frozenset[str]
    navigation_phrases: frozenset[str]
    sponsorship_phrases: frozenset[str]
    support_words: frozenset[str]
    rights_phrases: frozenset[str]
    community_words: frozenset[str]
    privacy_words: frozenset[str]
    policy_words: frozenset[str]
    duration_units: frozenset[str]
    stamp_words: frozenset[str]
    agent_words: frozenset[str]
    politeness_words: frozenset[str]
    attribution_words: frozenset[str]
    attribution_phrases: frozenset[str]
    third_person: frozenset[str]
    past_auxiliaries: frozenset[str]
    participle_heads: frozenset[str]
    time_words: frozenset[str]
    determiners: frozenset[str]


@dataclass(frozen=True, slots=True)
class VoiceModel:
    """A logistic model over FEATURES: P(prompt) = sigmoid(bias + sum(weight * value)),
    asked only of a line with one of the `address` features."""

    bias: float
    weights: tuple[tuple[str, float], ...]
    threshold: float
    max_chars: int
    address: tuple[str, ...]
    cue_files: tuple[str, ...] = ()  # knowledge files extending FILE's lists for this model


def parse_words(data: object, source: str = FILE) -> VoiceWords:
    return parse_lists(VoiceWords, data, source, phrases=_PHRASES)


def extend_words(base: VoiceWords, data: object, source: str) -> VoiceWords:
    """`base` with the entries of an extension file added: its keys are any of base's
    lists, each entry new to its list (validated as the base file's are)."""
    keys = {f.name for f in fields(VoiceWords)}
    if not isinstance(data, dict) or not data or set(data) - keys:
        unknown = sorted(set(data) - keys) if isinstance(data, dict) else []
        raise ValueError(f"{source}: expected a mapping of lists of {FILE}; unknown keys {unknown}")
    added: dict[str, frozenset[str]] = {}
    for key, value in data.items():
        extra = word_list(value, f"{source}:{key}", one_word=key not in _PHRASES)
        twice = sorted(set(extra) & getattr(base, key))
        if twice:
            raise ValueError(f"{source}:{key}: {twice} already in {FILE}")
        added[key] = getattr(base, key) | frozenset(extra)
    return replace(base, **added)


@lru_cache(maxsize=4)
def words(cue_files: tuple[str, ...] = ()) -> VoiceWords:
    """The shipped cue lists, validated, extended by `cue_files` (knowledge files)."""
    found = parse_words(knowledge.read_yaml(FILE))
    for name in cue_files:
        found = extend_words(found, knowledge.read_yaml(name), name)
    return found


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
    address = data.get("address")
    if not isinstance(address, list) or not address or not set(address) <= set(FEATURES):
        raise ValueError(f"{source}: `address` must be a non-empty list of features, got {address!r}")
    cue_files = data.get("cue_files", [])
    if not isinstance(cue_files, list) or not all(isinstance(c, str) and c.endswith(".yaml") for c in cue_files):
        raise ValueError(f"{source}: `cue_files` must be a list of knowledge .yaml file names")
    return VoiceModel(float(data["bias"]), tuple((f, float(got[f])) for f in FEATURES), float(data["threshold"]),
                      data["max_chars"], tuple(address), tuple(cue_files))


@lru_cache(maxsize=4)
def model(name: str = "") -> VoiceModel:
    """The model of the setting `voice_model`: "" the packaged default (WEIGHTS), a
    packaged name (MODELS), else the path of a file the fit script wrote."""
    if not name:
        return parse_model(json.loads(knowledge.read_text(WEIGHTS)))
    if name in MODELS:
        return parse_model(json.loads(knowledge.read_text(MODELS[name])), MODELS[name])
    return parse_model(json.loads(Path(name).read_text("utf-8")), name)


# --------------------------------------------------------------------------- features

# Decoration a page sets around a prompt ("▶ Watch the full report", "🔔 Turn on
# notifications", ">> Sign up for our newsletter <<"): arrows, bullets, emoji. Letters,
# digits, quotation marks, brackets and currency signs are never decoration.
_DECORATION = regex(r"^[^\w\s\"“”‘’'(\[£$€¥]+\s*|\s*[^\w\s\"“”‘’')\].!?%]+$")
_QUOTED = regex(r"\"[^\"]*(?:\"|$)|“[^”]*(?:”|$)|‘[^’]{12,}’")
# The end of a quotation opened in an earlier sentence ('You can't ask for more," he said.')
_CONTINUED = regex(r'^[^"“”]*[”"](?=[\s,.;:!?]|$)(?![^"“]*[”"])')
_WORD = regex(r"[a-z0-9][a-z0-9'\-]*")
_CLAUSE = regex(r"(?:^|[.:?!|—–]\s+|\s[-–—]\s)(?P<w>[A-Za-z][\w'’]*)(?:\s+(?P<next>[A-Za-z][\w'’]*))?")
_LINK = regex(r"https?://|www\.|\b[\w.-]+@[\w-]+\.\w|(?<![\w@])@\w{2,}|\b\w[\w-]*\.(?:com|org|net|co|io|me|"
                   r"news|example|uk|tv|fm)\b(?:/|\b)", re.I)
_PRICE = regex(r"[£$€¥]\s?\d|\b\d+(?:\.\d+)?\s?(?:p|c|cents|pence)\b|\b\d+\s?%", re.I)
_NAME = regex(r"(?<=[a-z,;] )[A-Z][a-z]+")  # a capitalised word inside a clause: a name
_LABEL = regex(r"^[A-Z][\w'’ ]{0,24}:\s")  # "Newsletter: ...", "READ MORE: ..."
_PAST = regex(r"[a-z]{3,}ed$")  # a told event ("suspended", "received"); not "need", "feed"
_TRAILING = regex(r",\s+(?:(?:the|a|an|his|her|their|its|one)\s+(?:[\w'’-]+\s+){1,3}|(?:he|she|they|we|i|it)\s+)"
                       r"[\w'’-]+[.!?]?[\"”’]?$", re.I)
# A reporting clause anywhere after a comma ("Help us, the villagers cried as ...", "...,
# he added"): someone in the story speaks, not the publication. A veto, not a feature.
# A bare plural subject counts too, of one or two words (", protesters chanted outside
# ...", ", election officials instructed voters").
_REPORTING = regex(r",\s+(?:(?:the|a|an|his|her|their|its|one)\s+(?:[\w'’-]+\s+){0,2}[\w'’-]+|he|she|they|it|"
                        r"(?:[a-z]+\s+)?[a-z]+s)"
                        r"\s+(?:[a-z]+ed|said|says|told|wrote|read|cried|shouted)\b", re.I)
_YEAR = regex(r"\b(?:1[89]|20)\d\d\b")
# A short question opening the line, then more ("Can't see the video? Reload the page.",
# "Short on time? Here's the summary."): the page asks its reader, then answers.
_QUESTION_LEAD = regex(r"^[^.!?\"“”]{3,50}\?\s+\S")
_LABEL_WORDS = 10
_POSITIONED = regex(r"\b(?:the|our)\s+[\w'’-]+\s+(?P<pos>[a-z]+)\s*(?:[.,;:!?)]|$)", re.I)
_END = tuple(".!?\"”’)")

FEATURES: tuple[str, ...] = (
    "second_person", "first_person_plural", "imperative_start", "imperative_clause", "imperative_phrase",
    "publication_noun", "platform", "link", "decorated", "pipes", "question", "exclamation", "price",
    "per_period", "offer", "politeness", "all_caps", "no_end_stop", "words_le_5", "words_6_12",
    "words_ge_25", "attribution", "third_person", "past_auxiliary", "time_word", "year", "quoted",
    "names", "label_colon", "past_tense", "determiner_start", "medium_unaddressed", "trailing_clause",
    "document_deixis", "interface", "navigation", "sponsorship", "support", "question_lead", "participle",
    "rights", "community", "privacy", "policy_label", "stamp", "credit_opening",
)
# Evidence of the reader or of the publication: without one of these a line is not
# judged, whatever its score ("Call for calm", a sub-heading, opens with a verb too).
# Each model names its own (`address` in its file); these are what the fit script writes.
ADDRESS: tuple[str, ...] = ("second_person", "first_person_plural", "publication_noun", "platform", "link",
                            "decorated", "pipes", "politeness", "document_deixis", "interface", "navigation",
                            "sponsorship", "question_lead", "rights", "community", "privacy", "policy_label", "stamp")


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
        # an -ed word after "be" or "get" tells no past event ("get notified", "will be
        # updated"); the fit weighs it against past_tense
        "participle": _participle(tokens, cues.participle_heads),
        "determiner_start": first in cues.determiners,
        # the site, app or channel spoken of with no reader asked to do anything: a
        # story about media ("The militia posted the video on Telegram")
        "medium_unaddressed": medium and not (imperative or clause or person),
        # a reporting clause closing the line (", the poster read.", ", he shouted.")
        "trailing_clause": bool(_TRAILING.search(bare)),
        # the page pointing at itself ("this piece", "this live page", "these photos")
        "document_deixis": _deixis(tokens, cues) or _positioned(outside, cues.page_positions),
        "interface": bool(found & cues.interface_words),
        # a label over a list of links is short and has no end stop ("Most read", "Latest
        # from the Gazette"); a sentence is not one ("Trending topics included the strike.")
        "navigation": n <= _LABEL_WORDS and not bare.rstrip().endswith(_END)
                      and _has_words(tokens, cues.navigation_phrases),
        "sponsorship": _has_words(tokens, cues.sponsorship_phrases),
        "support": bool(found & cues.support_words),
        "question_lead": bool(_QUESTION_LEAD.match(outside.strip())),
        **_notices(tokens, lower, bare, cues),
    }
    return {k: float(v) for k, v in values.items()}


def _notices(tokens: list[str], lower: str, bare: str, cues: VoiceWords) -> dict[str, bool]:
    """Session 10's families: the page's rights line ("© ...", "may not be reproduced"),
    its comment moderation, its privacy notices, a short policy label with no end stop
    ("Corrections policy"), a length or age stamp ("4 min read", "Updated 35 minutes
    ago"), a credit opening with a participle and its agent ("Translated from the
    Spanish by ...": a story's "Killed by ..." is weighed against it by the fit)."""
    found, n = set(tokens), len(tokens)
    label = not bare.rstrip().endswith(_END)
    return {
        "rights": _has(lower, cues.rights_phrases),
        "community": bool(found & cues.community_words),
        "privacy": bool(found & cues.privacy_words),
        "policy_label": n <= _LABEL_WORDS // 2 and label and bool(found & cues.policy_words),
        "stamp": n <= _LABEL_WORDS and _stamp(tokens, cues) and bool(found & cues.stamp_words or _LABEL.match(bare)),
        "credit_opening": bool(tokens) and bool(_PAST.match(tokens[0])) and bool(found & cues.agent_words),
    }


def _imperative_phrase(starts: list[str], seconds: list[str], cues: VoiceWords) -> bool:
    """A clause opening with an imperative verb then a particle, determiner or pronoun
    ("Sign up", "Download the app", "Follow us"): the shape of a request, not of a
    headline's noun ("Download chart debut ...")."""
    return any(a in cues.imperative_verbs and b in cues.imperative_followers for a, b in zip(starts, seconds))


def _has(lower: str, phrases: frozenset[str]) -> bool:
    return any(p in lower for p in phrases)


def _participle(tokens: list[str], heads: frozenset[str]) -> bool:
    """An -ed word right after "be" or "get" ("get notified", "will be updated")."""
    return any(_PAST.match(w) and tokens[i] in heads for i, w in enumerate(tokens[1:]))


def _has_words(tokens: list[str], phrases: frozenset[str]) -> bool:
    """A phrase of `phrases` as whole words ("related", not "unrelated")."""
    padded = f" {' '.join(tokens)} "
    return any(f" {p} " in padded for p in phrases)


def _deixis(tokens: list[str], cues: VoiceWords) -> bool:
    """"this"/"these" then, within two words, a document noun: the page itself."""
    nouns = cues.document_nouns
    return any(w in cues.deictic_words and any(n in nouns for n in tokens[i + 1:i + 3]) for i, w in enumerate(tokens))


def _positioned(outside: str, positions: frozenset[str]) -> bool:
    """A noun placed on the page ("the table below", "the map above."): "the", a word, a
    page position, then the end of the clause."""
    return any(m["pos"].lower() in positions for m in _POSITIONED.finditer(outside))


def _stamp(tokens: list[str], cues: VoiceWords) -> bool:
    """A number then a unit of duration ("4 min", "35 minutes", "3 min 20 s")."""
    return any(a.isdigit() and b in cues.duration_units for a, b in zip(tokens, tokens[1:]))


def _per_period(tokens: list[str], periods: frozenset[str]) -> bool:
    return any(a in ("a", "per", "each", "every") and b in periods for a, b in zip(tokens, tokens[1:]))


def probability(text: str, voice: VoiceModel | None = None) -> float:
    """P(the line is the publication speaking to its reader)."""
    voice = voice or model()
    return _probability(features(text, words(voice.cue_files)), voice)


def _probability(values: dict[str, float], voice: VoiceModel) -> float:
    z = voice.bias + sum(w * values[f] for f, w in voice.weights)
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def is_prompt(text: str, voice: VoiceModel | None = None) -> bool:
    """A line the publication speaks to its reader in (never a line over `max_chars`)."""
    voice = voice or model()
    if not text or len(text) > voice.max_chars:
        return False
    values = features(text, words(voice.cue_files))
    if not any(values[f] for f in voice.address) or _REPORTING.search(text):
        return False
    return _probability(values, voice) >= voice.threshold


__all__ = ["ADDRESS", "FEATURES", "MODELS", "REASON", "VoiceModel", "VoiceWords", "extend_words", "features",
           "is_prompt", "model", "parse_model",
           "parse_words", "probability", "undecorated", "words"]
