"""One event per act: the mentions of one act in an article become one event.

The coder codes every sentence match and dyad as an event of its own, so an article
that reports an act several times (the lead, then details, then a quote), names it
with a noun and a verb ("the arrest", "arrested"), or leaves a side out in one mention
("Gunmen stormed the hotel", "the gunmen also ...") gives several events for one act.
`merge` makes them one event with several mentions (`Event.mentions`), as the coding
guide codes a repeat (docs/coding-guide.md, "Repeats").

Two mentions are of one act (`_Act.accepts`) when they have
- the same modality;
- codes of one family: the same code, or a code and its ancestor ("182" and "1823");
  a root's generic "x0" code is not taken for its siblings' parent ("visited Europe and
  met officials", 042 and 040, are two acts). Within one sentence an attack (roots 18,
  19) and a killing (1823) by the same doer are one act too, coded as the killing: "a
  strike and the casualties it caused are one act" (the guide; `_Act._toll`);
- a compatible date: the same, one unknown or a fallback to the publication date, or
  one the other's month or year;
- on each side the same actor (entity, else words; a side the coder left unlinked is
  read by the document's mentions, a "we" in a direct quote as its speaker, as the
  resolve stage links them) or no actor on one of them; two
  different known actors never merge ("sanctions on A and B" stays two events, one
  per target, as the guide codes multi-target acts), nor does an actor standing on
  the other side in the other mention (the two directions of a mutual act, setting
  `mutual_both_ways`, stay two events). Within one sentence a side with nothing known
  of it (no entity, country or actor code: "the end", "chicks") gives way to an
  actor with a country or actor code on that side in another mention: it is the
  parse's guess at a complement beside the mention that names the actor. Two sides
  without a country stay apart ("passengers and several policemen"), except that (setting
  `coordinated_acts`, on by default) the coordinated sides of one trigger (the same word in the same
  evidence: "banned imports of chicks and hatching eggs", "Lai's son and his lawyers
  met officials and lawmakers") are one act unless they state two countries: the
  guide codes one event per target country, and sides of one country or of none are
  not two acts (sides named by two triggers still stay apart);
- sides that nest: one mention names every side the other names. "The mob was
  shooting ... one person was killed" does not make the mob the killer: a dyad is
  never pieced together from two mentions.
In another sentence a mention repeats the act only with the same code, and only when
each side it names is the act's: it may leave a side out ("X was killed" after "Y
killed X"), never add one. A
statement (CAMEO 01) repeats only with the same speaker, addressee and date: a speaker
says several things in an article, and the guide codes one 010 per speaker and topic.
Actorless events (kept only with the setting `actorless_events`) merge within their
sentence only. Not merged, though measured: a root's generic code with its siblings,
which lost gold matches on the news dev stories.

The merged event takes the first of the mentions with the most known sides as its
evidence and rule, the most specific code of the family, each side from the
best-grounded mention that names it, the date and place the text gives (over a
fallback), and the highest rule score plus a little for each further sentence that
reports it (SEVERAL_SENTENCES):
an act an article reports more than once is more likely real. The calibration model
also weighs the number of mentions (`knowledge/confidence.py`, feature `mentions`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ...knowledge import cameo
from ...model import FROM_TEXT, PUBLISHED, ActorRef, Entity, Event, Plover, Quote
from ..mentions import MentionIndex
from ..quoting import cues as cue_data
from ..quoting.direct import DIRECT

STATEMENT_ROOT = "01"  # CAMEO make a public statement
KILLING = "1823"  # CAMEO kill by physical assault: the toll of an attack
ATTACK_ROOTS = frozenset({"18", "19"})  # CAMEO assault, fight: the attacks a toll belongs to
SEVERAL_SENTENCES = 0.03  # rule-score bonus per further sentence reporting the act
_MAX_SCORE = 0.95  # the coder's ceiling (coder._confidence)


def key(ref: ActorRef | None) -> str:
    """Who a side is, as far as the text says: its entity, else its words."""
    if ref is None:
        return ""
    return ref.entity or ref.text.casefold()


def known(ref: ActorRef | None) -> bool:
    """A side something is known of: a resolved entity, a country or an actor code."""
    return ref is not None and bool(ref.entity or ref.country or ref.actor_code)


def placed(ref: ActorRef | None) -> bool:
    """A side with a country or an actor code: an actor a coder could code."""
    return ref is not None and bool(ref.country or ref.actor_code)


def grounding(ref: ActorRef | None) -> int:
    """How much is known of a side: 0 none, 1 words only, 2 a country or code, 3 an entity."""
    if ref is None:
        return 0
    return 3 if ref.entity else 2 if ref.country or ref.actor_code else 1


def family(a: str, b: str) -> bool:
    """The same code, or a code and its ancestor ("182" and "1823"). A root's generic
    "x0" code is not taken for its siblings' parent: "visited Europe and met officials"
    (042, 040) and "signed pacts to boost cooperation" (057, 050) are two acts each."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short)


def dates_compatible(a: Event, b: Event) -> bool:
    """The same date, one a fallback (publication date) or unknown, or one within the other."""
    if a.date is None or b.date is None or a.date_source == PUBLISHED or b.date_source == PUBLISHED:
        return True
    return a.date.startswith(b.date) or b.date.startswith(a.date)


def countries(ref: ActorRef | None) -> frozenset[str]:
    """The countries a side states: its country and the country part of its actor code."""
    if ref is None:
        return frozenset()
    codes = {ref.country} if ref.country else set()
    if ref.actor_code and len(ref.actor_code) >= 3 and ref.actor_code[:3].isalpha():
        codes.add(ref.actor_code[:3])
    return frozenset(codes)


def sides_compatible(a: ActorRef | None, b: ActorRef | None, same_sentence: bool, same_trigger: bool = False) -> bool:
    """One actor or none on one of them; never two different known actors, except the
    coordinated sides of one trigger that are not of two countries."""
    if a is None or b is None or key(a) == key(b):
        return True
    if same_trigger:
        return not (countries(a) and countries(b)) or bool(countries(a) & countries(b))
    return same_sentence and (placed(a) and not known(b) or placed(b) and not known(a))


def same_trigger(a: Event, b: Event) -> bool:
    """Two events of one trigger word in one evidence span: a coordination split."""
    return (a.evidence.start, a.evidence.end) == (b.evidence.start, b.evidence.end) \
        and a.evidence.trigger.casefold() == b.evidence.trigger.casefold()


@dataclass
class _Act:
    """The mentions merged so far, and what they say together."""

    members: list[Event]
    sentences: set[int]
    code: str
    source: ActorRef | None
    target: ActorRef | None
    dated: Event  # the member whose date the act takes
    coordinated: bool = True  # setting coordinated_acts: one trigger's coordinated sides are one act

    def accepts(self, ev: Event, sentence: int) -> bool:
        """Is `ev` (in sentence number `sentence`) a mention of this act?"""
        same = sentence in self.sentences
        if not same and not self._repeats(ev):
            return False
        nested = all(s is None or o is not None for s, o in ((ev.source, self.source), (ev.target, self.target))) \
            or all(o is None or s is not None for s, o in ((ev.source, self.source), (ev.target, self.target)))
        swapped = any(a is not None and b is not None and key(a) == key(b)
                      for a, b in ((ev.source, self.target), (ev.target, self.source)))
        split = self.coordinated and any(same_trigger(ev, m) for m in self.members)
        kin = family(ev.code, self.code) or same and self._toll(ev)
        return (nested and not swapped and ev.modality == self.members[0].modality and kin
                and dates_compatible(ev, self.dated)
                and sides_compatible(ev.source, self.source, same, split)
                and sides_compatible(ev.target, self.target, same, split))

    def _toll(self, ev: Event) -> bool:
        """Are `ev` and the act an attack and the killing it caused, by one named doer
        ("detonated her explosives near a convoy, killing a soldier", "ambushed a bus and
        killed 18")? The guide codes them as one act."""
        codes = (ev.code, self.code)
        kills = [c.startswith(KILLING) for c in codes]
        return kills.count(True) == 1 and codes[kills.index(False)][:2] in ATTACK_ROOTS \
            and ev.source is not None and self.source is not None and key(ev.source) == key(self.source)

    def _repeats(self, ev: Event) -> bool:
        """May `ev`, in a sentence of its own, repeat the act? (see the module doc)"""
        sides = ((ev.source, self.source), (ev.target, self.target))
        if ev.source is None and ev.target is None or self.source is None and self.target is None:
            return False
        if ev.code != self.code:
            return False
        if ev.code[:2] == STATEMENT_ROOT:
            return ev.date == self.dated.date and all(key(s) == key(o) for s, o in sides)
        return all(s is None or key(s) == key(o) for s, o in sides)

    def add(self, ev: Event, sentence: int) -> None:
        self.members.append(ev)
        self.sentences.add(sentence)
        if family(ev.code, self.code):
            if len(ev.code) > len(self.code):
                self.code = ev.code
        elif ev.code.startswith(KILLING):  # an attack joined by its toll: coded by the killing
            self.code = ev.code
        if grounding(ev.source) > grounding(self.source):
            self.source = ev.source
        if grounding(ev.target) > grounding(self.target):
            self.target = ev.target
        if _date_rank(ev) > _date_rank(self.dated):
            self.dated = ev


def _date_rank(ev: Event) -> tuple[bool, int]:
    """A date from the text over a fallback, then the more precise (2024-05-01 over 2024-05)."""
    return ev.date is not None and ev.date_source != PUBLISHED, len(ev.date or "")


def _sides(ev: Event) -> int:
    return (ev.source is not None) + (ev.target is not None)


def merge(events: Sequence[Event], sentence_starts: Sequence[int] = (), coordinated: bool = True,
          entities: Sequence[Entity] = (), quotes: Sequence[Quote] = ()) -> tuple[Event, ...]:
    """One event per act (see the module doc), numbered ev1, ev2, ... in text order.
    `sentence_starts` are the character offsets where the document's sentences start
    (none: every evidence start is a sentence of its own); `coordinated` is the setting
    coordinated_acts; `entities` and `quotes` are the document's, by whose mentions and
    speakers a side the coder left unlinked is known to be who it is (see `_linked`)."""
    originals: dict[ActorRef, ActorRef] = {}
    if entities:
        index, voices = MentionIndex(tuple(entities)), _voices(quotes)
        events = [_linked(ev, index, voices, originals) for ev in events]
    return tuple(_unlinked(ev, originals) for ev in _merge(events, sentence_starts, coordinated))


def _voices(quotes: Sequence[Quote]) -> list[tuple[int, int, str]]:
    """(start, end, speaker entity) of every direct quote whose speaker is resolved."""
    return [(q.start, q.end, q.speaker.entity) for q in quotes
            if q.kind == DIRECT and q.speaker is not None and q.speaker.entity]


def _linked(ev: Event, index: MentionIndex, voices: list[tuple[int, int, str]],
            originals: dict[ActorRef, ActorRef]) -> Event:
    """`ev` with each side the coder left without an entity given the entity whose mention
    its words are, or for a first-person "we" in a direct quote the quote's speaker ("He
    also urged X" and "we urged X" in his quote are one act), as the resolve stage links
    them later (resolve/links.py). `originals` maps each linked side back to the coder's,
    which the merged event keeps, for the resolve stage to link as before."""
    sides = []
    for ref in (ev.source, ev.target):
        if ref is None or ref.entity or ref.start is None or ref.end is None:
            sides.append(ref)
            continue
        ent = index.at(ref.start, ref.end)
        found = ent.id if ent is not None and _within(ent, ref) else None
        if ref.text.lower() in cue_data.load().first_person:
            found = next((e for s, end, e in voices if s <= ref.start < end), None)
        if found is None:
            sides.append(ref)
            continue
        linked = replace(ref, entity=found)
        originals[linked] = ref
        sides.append(linked)
    return replace(ev, source=sides[0], target=sides[1])


def _within(ent: Entity, ref: ActorRef) -> bool:
    """Do `ref`'s words hold a whole mention of `ent`? A side that is one part of a longer
    mention ("Arnor" in the NER's "Arnor and Gondor") is not that entity: left unlinked."""
    return any((ref.start or 0) <= m.start and m.end <= (ref.end or 0) for m in ent.mentions)


def _unlinked(ev: Event, originals: dict[ActorRef, ActorRef]) -> Event:
    if ev.source not in originals and ev.target not in originals:
        return ev
    source = originals.get(ev.source, ev.source) if ev.source is not None else None
    target = originals.get(ev.target, ev.target) if ev.target is not None else None
    return replace(ev, source=source, target=target)


def _merge(events: Sequence[Event], sentence_starts: Sequence[int], coordinated: bool) -> tuple[Event, ...]:
    starts = sorted(sentence_starts)

    def sentence(ev: Event) -> int:
        return bisect_right(starts, ev.evidence.start) if starts else ev.evidence.start

    # mentions with both sides first: a one-sided mention then joins every act it may
    # repeat ("X imposed sanctions" after "sanctions on A" and "sanctions on B")
    order = sorted(range(len(events)), key=lambda n: (-_sides(events[n]), events[n].evidence.start, n))
    acts: list[_Act] = []
    for n in order:
        ev, at = events[n], sentence(events[n])
        joined = [a for a in acts if a.accepts(ev, at)]
        if _sides(ev) == 2:
            joined = joined[:1]  # a full dyad is one act's mention
        for act in joined:
            act.add(ev, at)
        if not joined:
            acts.append(_Act([ev], {at}, ev.code, ev.source, ev.target, ev, coordinated))
    merged = [_event(a) for a in acts]
    merged.sort(key=lambda e: (e.evidence.start, e.evidence.end, e.code, key(e.source), key(e.target)))
    return tuple(replace(e, id=f"ev{n}") for n, e in enumerate(merged, start=1))


def _event(act: _Act) -> Event:
    """The act as one event: its lead mention with the act's code, sides, date and score."""
    lead = max(act.members, key=lambda e: (grounding(e.source) + grounding(e.target), -e.evidence.start))
    spans = tuple(sorted({(e.evidence.start, e.evidence.end): e.evidence for e in act.members}.values(),
                         key=lambda s: s.start))
    best = max(e.confidence for e in act.members)
    score = max(best, min(_MAX_SCORE, best + SEVERAL_SENTENCES * (len(act.sentences) - 1)))
    ev = replace(lead, source=act.source, target=act.target, date=act.dated.date,
                 date_precision=act.dated.date_precision, date_source=act.dated.date_source,
                 location=_place(act.members, lead).location, location_source=_place(act.members, lead).location_source,
                 confidence=round(score, 2),
                 mentions=spans if len(spans) > 1 else ())
    return _recoded(ev, act.code) if act.code != ev.code else ev


def _place(members: list[Event], lead: Event) -> Event:
    if lead.location_source == FROM_TEXT:
        return lead
    return next((e for e in members if e.location_source == FROM_TEXT), lead)


def _recoded(ev: Event, code: str) -> Event:
    entry = cameo.lookup(code)
    p = cameo.plover(code)
    return replace(ev, code=code, root_code=entry.root, label=entry.label, quad_class=entry.quad_class,
                   goldstein=entry.goldstein, plover=Plover(p.type, p.mode) if p else None)

