"""The CAMEO code of a match: a frame's code from the event it wraps, and an announced,
conditional, obligatory, prepared or refused act coded as what it is now (an intent, a
threat, a demand, a force posture, a refusal)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...knowledge import grammar, grounding_words
from ...model import ASSERTED, FUTURE, HYPOTHETICAL, NEGATED, Modality
from .context import Context
from .matching import Match
from .modality import obligation, preparing, ready

if TYPE_CHECKING:
    from spacy.tokens import Token


def code_of(m: Match, ctx: Context) -> tuple[str, str]:
    """(CAMEO code, pattern) of a match; a frame takes its code from the wrapped event."""
    pred = m.pred
    if pred.frame is None:
        return pred.code, m.pattern
    frame = ctx.lexicon.frames[pred.frame]
    if m.inner is None:
        return frame.default, f"frame-{frame.name}"
    inner_code, _ = code_of(m.inner, ctx)
    if frame.name == "intent" and inner_code[:2] in _THREAT_ROOTS:
        # "vowed to fight on", "plans to impose restrictions": an announced blow is a threat
        return ctx.lexicon.frames["threaten"].code_for(inner_code), "frame-threaten"
    return frame.code_for(inner_code), f"frame-{frame.name}"


# CAMEO codes an announced future act as what it is now: a statement of intent
# ("will provide aid" -> 033, "will visit" -> 036) or a threat ("will strike back"
# -> 138). A conditional announcement is an offer ("would meet him if ...") or, with
# "unless" or a blow, a threat ("will boycott unless ...", "may halt aid if ...").
_INTENT_ROOTS = {"04", "05", "06", "07", "08"}
# A trip (042 with no host as its object: "is due to travel to Gondor") is coded as the trip
# with modality future (docs/coding-guide.md), not as an intent to meet (036).
_TRIPS = ("042",)
_THREAT_ROOTS = {"14", "16", "17", "18", "19", "20"}
_MEASURE_ROOTS = {"16"}  # reduced relations: cut aid or ties, expel, halt talks


def announced(ctx: Context, m: Match, code: str, pattern: str, mood: Modality) -> tuple[str, str, Modality]:
    if m.pred.user:
        return code, pattern, mood  # a user dictionary's code is final
    if obligation(m.trigger) and m.pred.frame not in REQUEST_FRAMES:
        # "Libya must hand over the suspects": a demand on the subject
        return ctx.lexicon.frames["demand"].code_for(code), f"{pattern}+must-demand", ASSERTED
    if mood == NEGATED and m.pred.frame is None and code == _NEUTRAL_STATEMENT:
        # "did not reply to requests for comment", "did not comment on": comment declined
        return ctx.lexicon.frames["reject"].code_for(code), f"{pattern}+declined", ASSERTED
    if mood == NEGATED and m.pred.frame is None and code[:2] in _REFUSABLE and _announced_aux(m.trigger):
        # "will not accept more refugees", "would not meet their demands": a refusal
        return ctx.lexicon.frames["reject"].code_for(code), f"{pattern}+announced-refusal", ASSERTED
    if m.pred.frame is None and code[:2] in _FORCE_ROOTS and mood != NEGATED and preparing(m.trigger):
        # "the army prepared to resume shelling": preparing a blow is a force posture
        # (CAMEO 150); "is prepared to impose martial law" states readiness, a threat
        return _FORCE_POSTURE, f"{pattern}+preparation", ASSERTED
    if m.pred.frame is None and code[:2] in _INTENT_ROOTS and mood != NEGATED and ready(m.trigger):
        # "is willing to send material if ...": readiness to cooperate, on a condition or
        # not, is an intent (an offer); readiness to strike stays a threat (below)
        return ctx.lexicon.frames["intent"].code_for(code), f"{pattern}+ready-intent", ASSERTED
    condition = _condition(m.trigger) if m.pred.frame is None else None
    threat_marks = grounding_words.load().threat_condition_marks
    if mood == HYPOTHETICAL and condition is not None:
        if condition in threat_marks and (_announced_aux(m.trigger) or code[:2] in _THREAT_ROOTS):
            return ctx.lexicon.frames["threaten"].code_for(code), f"{pattern}+conditional-threat", ASSERTED
        if code[:2] in _THREAT_ROOTS:
            return ctx.lexicon.frames["threaten"].code_for(code), f"{pattern}+conditional-threat", ASSERTED
        if code[:2] in _INTENT_ROOTS and _announced_aux(m.trigger):
            # a meeting offered on a condition stays hypothetical ("would meet him if ...")
            mood_after: Modality = mood if code[:2] == "04" else ASSERTED
            return ctx.lexicon.frames["intent"].code_for(code), f"{pattern}+conditional-offer", mood_after
    if mood != FUTURE:
        return code, pattern, mood
    if condition in threat_marks:
        return ctx.lexicon.frames["threaten"].code_for(code), f"{pattern}+conditional-threat", ASSERTED
    if code[:3] in _TRIPS and "dobj" not in m.pred.target:
        # "is due to travel to Gondor": a trip to a place, future (coding guide); "will visit
        # Gondor" names a host to meet (036 below, as PLOVER codes it)
        return code, pattern, mood
    if code[:2] == "04":
        # "is due to hold talks": CAMEO's intent to meet (036), still future
        return ctx.lexicon.frames["intent"].code_for(code), f"{pattern}+announced-meeting", mood
    if code[:2] in _INTENT_ROOTS:
        return ctx.lexicon.frames["intent"].code_for(code), f"{pattern}+announced-intent", ASSERTED
    if code[:2] in _MEASURE_ROOTS:
        # "announced it would prohibit all aid to X": a measure decided, with no condition
        # or threat word, is the measure itself, still to come (a threat needs "unless",
        # "if" or a threat verb, handled above and by the threaten frame)
        return code, f"{pattern}+announced-measure", mood
    if code[:2] in _THREAT_ROOTS:
        return ctx.lexicon.frames["threaten"].code_for(code), f"{pattern}+announced-threat", ASSERTED
    return code, pattern, mood



_REFUSABLE = {"03", "04", "05", "06", "07", "08"}
_NEUTRAL_STATEMENT = "010"  # negated, a comment declined (the reject frame's code of it: 011)
REQUEST_FRAMES = ("demand", "appeal")


def _condition(verb: Token) -> str | None:
    """"if" or "unless" (condition_marks) when a conditional clause hangs on the event's verb."""
    marks = grounding_words.load().condition_marks
    for c in verb.children:
        if c.dep_ == "advcl":
            for g in c.children:
                if g.dep_ == "mark" and g.lower_ in marks:
                    return g.lower_
    return None


_FORCE_ROOTS = {"18", "19", "20"}
_FORCE_POSTURE = "150"


def _announced_aux(verb: Token) -> bool:
    announcing = grammar.load().announcing_auxiliaries
    return any(c.dep_ == "aux" and c.lower_ in announcing for c in verb.children)
