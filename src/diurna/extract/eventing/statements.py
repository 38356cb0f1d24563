"""Statements: the CAMEO 01x events of reported speech ("Macron told Tinubu ...").

CAMEO, GDELT and ICEWS code the act of making a public statement (010 "make
statement", 015 "acknowledge responsibility", 016 "deny responsibility"); PLOVER has no
type for it (the crosswalk maps 01 to none). What was said is coded as any clause is,
by the predicate lexicon, and only when it is itself an event; this module adds the
statement: one event per attributed quote, its source the speaker, its target the
addressee when one is named and resolved, its code from the cue verb
(`knowledge/statements.tsv`), its evidence the cue's sentence, its rule
`statements.tsv:<cue lemma>/quote-<kind>`.

With the setting `statement_contents`, a neutral cue ("said", "told") is coded by the
content when it accuses, demands,
appeals, denies, threatens, praises or promises (`eventing/contents.py`,
`knowledge/statement_contents.tsv`; rule `statement_contents.tsv:<word>/<cue>/quote-<kind>`),
aimed at the actor the content names as the doer (for the speaker's own promise or
praise: the first other state's actor the content names), else the addressee. A
statement left neutral is aimed at the addressee only: aiming it at the state the
content names cost dyadic precision on the news dev set (0.360 -> 0.340).

Coding by content, statements are made by actors only, and no neutral statement by a
speaker of a sector listed in `knowledge/statement_speakers.tsv` (a resident, a
professor, a reporter or a news agency; an international body's people speak for it),
nor by a speaker with no sector whose title or apposition describes one ("analyst Jon
Doe", "Jon Doe, a senior fellow at ...": `eventing/describing.py`);
with the setting `political_speakers`, by political actors only: a speaker with a country, an actor code
or a sector not listed in `knowledge/statement_speakers.tsv` (residents, reporters,
academics: the coding guide's "quotes of analysts, experts, witnesses ... are not
events"); a person with no sector whose country is only the story's guess
(`Entity.country_from` "story") makes no neutral statement.

Not coded (safest to bail out rather than guess): a quote with no speaker; a cue whose
lemma the table does not list; a cue the predicate lexicon already coded as an event of
its own ("warned", "urged", "accused": the richer code wins); a negated cue ("did not
say").
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, get_args

from ...knowledge import cameo, read_tsv
from ...model import (
    ASSERTED,
    FROM_STORY,
    ActorRef,
    Document,
    Entity,
    Event,
    Evidence,
    Facts,
    Plover,
    Quote,
    QuoteKind,
    SpeakerRef,
)
from ..quoting.reported import INFINITIVE_RULE
from ..tokens import column, covering, token_range, tokens_from
from . import coder, contents
from .anchors import when, where
from .describing import described_sector, quiet_sectors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from ...knowledge.gazetteer import Roles

FILE = "statements.tsv"
LABEL_RULE = f"{contents.FILE}:{contents.NAMING}"  # a naming verb's quoted label coded by the verb alone
NEUTRAL = "010"  # the cue code that the content may make more specific
_PASSIVE_DEPS = ("nsubjpass", "auxpass")
_PARTICIPLE_DEPS = ("acl", "amod", "advcl")  # "a base called 'X'", "announced aid, calling it a gift"
_MIXED = get_args(QuoteKind)[1]  # "mixed": a quoted fragment in reported speech
_MEDIA = "MED"  # the news media's sector (knowledge/roles.yaml): an audience, not a target
_ELABORATING = ("advcl", "xcomp")  # a cue hung on another verb: "denied it, saying ..."
_INTERNATIONAL = ("IGO", "NGO")  # actor code prefixes of international bodies and NGOs (CAMEO)


@lru_cache(maxsize=1)
def cue_codes() -> dict[str, str]:
    """Cue lemma -> CAMEO 01x code (package data: never changes during a run)."""
    table = {}
    for lemma, code in read_tsv(FILE, 2):
        if not code.startswith("01"):
            raise ValueError(f"{FILE}: {lemma!r} -> {code}: statement codes are CAMEO 01x")
        cameo.lookup(code)  # a code outside the codebook fails here, at load
        table[lemma] = code
    return table


def statement_events(document: Document, doc: Doc, facts: Facts, coded: list[Event], *,
                     by_content: bool = False, roles: Roles | None = None, political: bool = False) -> list[Event]:
    """The statements of `facts.quotes`, unmerged (ids empty), given the document's
    unmerged coded events: `merging.merge` then makes one event of the same speaker's
    statements to the same addressee on the same day."""
    codes = cue_codes()
    entities = {e.id: e for e in facts.entities}
    out = []
    for q in facts.quotes:
        if q.speaker is None or not q.cue:
            continue
        cue = _cue_token(doc, q)
        if cue is None or any(c.dep_ == "neg" for c in cue.children) or _already_coded(cue, coded):
            continue
        lemma = cue.lemma_.lower()
        if len(q.cue.split()) > 1:
            lemma = f"{lemma} {q.cue.split()[1].lower()}"
        code = codes.get(lemma)
        if code is None:
            continue
        code, rule, target = _by_content(document, doc, facts, q, cue, code, lemma, entities, by_content)
        source = _ref(document, q.speaker, entities)
        if _told_already(doc, code, source, q, coded, by_content) or by_content and _elaborates(doc, cue, code, source, coded):
            continue
        ev = _event(document, doc, facts, q, cue, code, rule, source=source, target=target)
        if by_content and (code != NEUTRAL and _same_act_coded(ev, coded) or not _actor_speaks(doc, ev, roles, entities, political)):
            continue
        out.append(ev)
    return _once_per_speaker(_one_per_sentence(out)) if by_content else out


def _actor_speaks(doc: Doc, ev: Event, roles: Roles | None, entities: dict[str, Entity], political: bool) -> bool:
    """The speaker is an actor (the coding guide: quotes of analysts, experts, witnesses,
    residents or the reporter are no events). With `political` (setting
    `political_speakers`): a speaker with a country or an actor code, or one with a
    sector, from its entity or its group word ("police", "rebels"), unless that sector is
    one whose statements are not events (knowledge/statement_speakers.tsv: "residents",
    "a professor"); a named person with neither (an analyst, "he" resolved to one)
    makes none: news dev, 111 such statements, 100 wrong; nor does one with no sector
    whose country is the story's guess, unless the content makes the statement more than
    neutral. Without it: any resolved
    entity, country, actor code or political group word, and no neutral statement by a
    speaker of one of those sectors with or without a country ("a Kenyan resident said",
    "Agence France-Presse reported": news dev 15 such statements, all wrong; an
    accusation or a demand they make stays). Either way an international
    body's people speak for it, and a pronoun not yet resolved ('"We will ...," Rubio
    said') is given the benefit of the doubt: the resolve stage links it after this one."""
    src = ev.source
    if src is None or roles is None:
        return True
    words = list(tokens_from(doc, src.start, src.end)) if src.start is not None and src.end is not None else []
    if src.entity is None and len(words) == 1 and words[0].pos_ == "PRON":
        return True
    international = (src.actor_code or "")[:3] in _INTERNATIONAL  # its people speak for it ("U.N. children's agency")
    if not political:
        # a label the verb alone codes says no more than a neutral statement does
        weak = ev.code == NEUTRAL or ev.rule.startswith(f"{LABEL_RULE}/")
        if weak and not international and _speaker_sector(doc, src, entities, roles) in quiet_sectors():
            return False
        return coder.has_actor(replace(ev, target=None), doc, roles)
    if international:
        return True
    sector = side_sector(doc, src, entities, roles)
    if sector in quiet_sectors():
        return False
    ent = entities.get(src.entity) if src.entity else None
    if ev.code == NEUTRAL and ent is not None and ent.country_from == FROM_STORY and not sector:
        # a neutral statement by a person whose country is the story's guess and who holds
        # no role: an analyst or a witness (news dev: 50 such statements, 47 wrong); an
        # accusation or a demand is a political act whoever makes it (the coding guide)
        return False
    return bool(src.country or src.actor_code or sector)


def side_sector(doc: Doc, ref: ActorRef, entities: dict[str, Entity], roles: Roles) -> str | None:
    """The side's sector: its entity's, else its words' last role word's ("the police")."""
    ent = entities.get(ref.entity) if ref.entity else None
    if ent is not None and ent.sector:
        return ent.sector
    if ref.start is None or ref.end is None:
        return None
    lemmas = tuple(t.lemma_.lower() for t in tokens_from(doc, ref.start, ref.end))
    return next((s for n in range(min(3, len(lemmas)), 0, -1) if (s := roles.sector_of(lemmas[-n:]))), None)


def _speaker_sector(doc: Doc, ref: ActorRef, entities: dict[str, Entity], roles: Roles) -> str | None:
    """The speaker's sector (`side_sector`), else the one its description gives."""
    sector = side_sector(doc, ref, entities, roles)
    ent = entities.get(ref.entity) if ref.entity else None
    if sector or ent is None or (ent.actor_code or "")[:3] in _INTERNATIONAL:
        return sector
    return described_sector(doc, ent, roles)


def _same_act_coded(ev: Event, coded: list[Event]) -> bool:
    """A content-coded statement the lexicon coded anywhere in the article as the same
    act: its three-digit code, between the same two countries ("Kenya accused Tanzania
    of ...", later "Tanzania had violated the treaty, Kenya said": one accusation; an
    earlier 110 "disapprove" is no accusation)."""
    src, tgt = ev.source, ev.target
    if src is None or tgt is None or not (src.country and tgt.country):
        return False
    return any(c.code[:3] == ev.code[:3] and c.source is not None and c.target is not None
               and c.source.country == src.country and c.target.country == tgt.country for c in coded)


def _one_per_sentence(events: list[Event]) -> list[Event]:
    """One statement per speaker and sentence ("X said A, adding B" is one statement):
    the content-coded one when there is one, else the first."""
    best: dict[tuple[int, str], Event] = {}
    for ev in events:
        key = (ev.evidence.start, (ev.source.entity or ev.source.text) if ev.source else "")
        kept = best.get(key)
        if kept is None or kept.code == NEUTRAL and ev.code != NEUTRAL:
            best[key] = ev
    return [ev for ev in events if best[(ev.evidence.start, (ev.source.entity or ev.source.text) if ev.source else "")] is ev]


def _once_per_speaker(events: list[Event]) -> list[Event]:
    """One content-coded statement per speaker and topic in an article, as coders code
    a repeated accusation ("Pakistan's envoy said Kabul was failing ... 'The Kabul
    authorities have failed', the Pakistani envoy said": one 112). The speaker is the
    side's country (two references to one envoy are two entities, often with two
    sectors), the topic the code and the target's country; a repeat takes the first statement's
    actors, date and modality so that `merging.merge` makes one event of them."""
    first: dict[tuple[str, ...], Event] = {}
    out = []
    for ev in events:
        key = _topic_key(ev)
        if key is None:
            out.append(ev)
            continue
        seen = first.setdefault(key, ev)
        out.append(ev if seen is ev else replace(ev, source=seen.source, target=seen.target, date=seen.date,
                                                 date_precision=seen.date_precision, date_source=seen.date_source,
                                                 modality=seen.modality))
    return out


def _topic_key(ev: Event) -> tuple[str, ...] | None:
    """The speaker and topic of a statement: for a content-coded one the code and the two
    sides' countries; for a neutral one (the coding guide: "at most one 010 per speaker and
    topic") the speaker's entity and the target's."""
    src, tgt = ev.source, ev.target
    if src is None:
        return None
    if ev.rule.startswith(contents.FILE):
        return (ev.code, src.country, tgt.country) if tgt is not None and src.country and tgt.country else None
    if ev.code != NEUTRAL or not src.entity:
        return None
    return (ev.code, src.entity, (tgt.entity or tgt.text) if tgt is not None else "")


def _by_content(document: Document, doc: Doc, facts: Facts, q: Quote, cue: Token, code: str, lemma: str,
                entities: dict[str, Entity], by_content: bool) -> tuple[str, str, ActorRef | None]:
    """The code, rule and target of a statement: by its content when the content is
    more than neutral (a neutral cue only), else the cue's own code."""
    speaker = q.speaker.entity if q.speaker is not None else None
    to = _addressee(q, entities, by_content)
    addressee = _ref(document, to, entities) if to is not None else None
    rule = f"{FILE}:{lemma}/quote-{q.kind}"
    if code != NEUTRAL or not by_content:
        return code, rule, addressee
    if q.rule == INFINITIVE_RULE:
        told = contents.directive(lemma, _negated_infinitive(doc, q))
        if told is not None:
            return told.code, f"{contents.FILE}:{told.word}/{lemma}/quote-{q.kind}", addressee
    found = contents.content_code(doc, q.start, q.end, speaker, facts.entities)
    if found is not None:
        target = addressee
        if found.target is not None:
            # the subject's entity, else (none, or one with no country: "militants with
            # bases in Gondor") the state its phrase names
            ref = _entity_ref(document, facts, *contents.subject_span(found.target))
            named = None if ref is not None and ref.country else \
                _named_in(document, facts, *contents.phrase_span(found.target))
            target = named or ref or addressee
        else:
            target = addressee or _topic(document, facts, q, speaker)
        return found.code, f"{contents.FILE}:{found.cue.word}/{lemma}/quote-{q.kind}", target
    label = contents.naming(lemma) if q.kind == _MIXED and _labels(cue) else None
    if label is not None:
        return label.code, f"{LABEL_RULE}/{lemma}/quote-{q.kind}", addressee or _topic(document, facts, q, speaker)
    if addressee is None and _international(entities.get(speaker) if speaker else None):
        return code, rule, _topic(document, facts, q, speaker)
    return code, rule, addressee


def _labels(cue: Token) -> bool:
    """The naming verb pins its label on another's act or plan: active, not a name given
    to a thing ("it is called 'permanent residency'", "a new base called 'X'"), nor the
    speaker's word for the act its clause elaborates ("announced a new parliament
    building, calling it a gift 'from the mother of democracy'")."""
    return cue.dep_ not in _PARTICIPLE_DEPS and not any(c.dep_ in _PASSIVE_DEPS for c in cue.children)


def _negated_infinitive(doc: Doc, q: Quote) -> bool:
    """ "told them not to leave": the infinitive's head is negated."""
    tokens = list(tokens_from(doc, q.start, q.end))
    inside = {t.i for t in tokens}
    return any(c.dep_ == "neg" for t in tokens if t.head.i not in inside for c in t.children)


def _international(ent: Entity | None) -> bool:
    """An international body or NGO: its neutral statements are about a country's
    situation ("UNICEF said children in Sudan are suffering": 010 on Sudan, the guide's
    "what it is about"); a state's are as often about itself (news dev: aiming every
    neutral statement at the state it names cost dyadic precision 0.381 -> 0.360)."""
    return ent is not None and (ent.actor_code or "")[:3] in _INTERNATIONAL


def _addressee(q: Quote, entities: dict[str, Entity], by_content: bool) -> SpeakerRef | None:
    """The quote's addressee when it is a participant: a resolved entity; coding by
    content, not the news media the speaker talks to ("told VOA", "told reporters"):
    coders leave those statements without a target (no news gold statement has one)."""
    ent = entities.get(q.addressee.entity) if q.addressee is not None and q.addressee.entity else None
    return q.addressee if ent is not None and not (by_content and ent.sector == _MEDIA) else None


def _topic(document: Document, facts: Facts, q: Quote, speaker: str | None) -> ActorRef | None:
    """The other state's actor the content is about, as a target."""
    topic = contents.about(q.start, q.end, speaker, facts.entities)
    if topic is None:
        return None
    ent, s, e = topic
    return ActorRef(text=document.text[s:e], entity=ent.id, country=ent.country, actor_code=ent.actor_code,
                    start=s, end=e)


def _entity_ref(document: Document, facts: Facts, start: int, end: int) -> ActorRef | None:
    """The entity mentioned at [start, end) as a participant, None when none is."""
    ent = contents.entity_at(facts.entities, start, end)
    if ent is None:
        return None
    m = next((m for m in ent.mentions if m.start < end and start < m.end), None)
    s, e = (m.start, m.end) if m is not None else (start, end)
    return ActorRef(text=document.text[s:e], entity=ent.id, country=ent.country, actor_code=ent.actor_code,
                    start=s, end=e)


def _named_in(document: Document, facts: Facts, start: int, end: int) -> ActorRef | None:
    """The first actor with a country named inside [start, end): the state a subject that
    is no actor stands for ("immigration to France should stop": France)."""
    found = [(m.start, m.end, e) for e in facts.entities if e.country for m in e.mentions
             if start <= m.start and m.end <= end]
    if not found:
        return None
    s, e, ent = min(found, key=lambda f: f[0])
    return ActorRef(text=document.text[s:e], entity=ent.id, country=ent.country, actor_code=ent.actor_code,
                    start=s, end=e)


def _event(document: Document, doc: Doc, facts: Facts, q: Quote, cue: Token, code: str, rule: str, *,
           source: ActorRef, target: ActorRef | None) -> Event:
    sent = cue.sent
    spans = [(sent.start_char, sent.end_char)] + [(r.start, r.end) for r in (source, target)
                                                  if r is not None and r.start is not None and r.end is not None]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    end = start + len(document.text[start:end].rstrip())  # a sentence span ends with its trailing blank
    time = when(doc, sent, cue, facts.times, document)
    place = where(doc, sent, cue, facts.places, document)
    entry = cameo.lookup(code)
    p = cameo.plover(code)
    return Event(
        id="", code=code, root_code=entry.root, label=entry.label, quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        evidence=Evidence(start=start, end=end, text=document.text[start:end], trigger=q.cue or cue.text),
        rule=rule,
        confidence=round(0.5 + 0.1 * bool(source.entity) + 0.05 * bool(target), 2),
        plover=Plover(p.type, p.mode) if p else None,
        source=source, target=target, date=time.date, date_precision=time.precision,
        location=place.location, modality=ASSERTED, date_source=time.source, location_source=place.source,
    )


def _ref(document: Document, speaker: SpeakerRef, entities: dict[str, Entity]) -> ActorRef:
    """The speaker (or addressee) as an event participant: the words of its mention when
    the quote located one, its entity's country and actor code when resolved."""
    ent = entities.get(speaker.entity) if speaker.entity else None
    located = speaker.start is not None and speaker.end is not None
    text = document.text[speaker.start:speaker.end] if located else speaker.name
    return ActorRef(text=text, entity=speaker.entity, country=ent.country if ent else None,
                    actor_code=ent.actor_code if ent else None,
                    start=speaker.start if located else None, end=speaker.end if located else None)


def _cue_token(doc: Doc, q: Quote) -> Token | None:
    """The cue verb of a quote: a token reading `q.cue`'s first word in a sentence of the
    quote or of its speaker's mention, the nearest to that mention (else to the quote)."""
    word = (q.cue or "").split()[0]
    anchor = q.speaker.start if q.speaker is not None and q.speaker.start is not None else q.start
    sents: dict[int, Span] = {}
    for start, end in ((q.start, q.end), (anchor, anchor + 1)):
        span = covering(doc, start, max(end, start + 1))
        if span is not None:
            for tok in (span[0], span[-1]):
                sents[tok.sent.start] = tok.sent
    # read from the Doc's shared arrays (tokens.column), not a Token per word of the sentences
    strings = doc.vocab.strings
    orth, verbal = strings[word], {strings["VERB"], strings["AUX"]}
    orths, tags, starts = column(doc, "ORTH"), column(doc, "POS"), column(doc, "IDX")
    found = [i for s in sents.values() for i in range(s.start, s.end)
             if orths[i] == orth and tags[i] in verbal and not q.start <= starts[i] < q.end]
    return doc[min(found, key=lambda i: abs(starts[i] - anchor))] if found else None


def _told_already(doc: Doc, code: str, source: ActorRef, q: Quote, coded: list[Event], by_content: bool) -> bool:
    """The content's own act, already coded by the lexicon inside the quote with the
    speaker's side as its source ("said Kenya welcomed the deal": one 051, not two).
    Coding by content, a neutral statement gives way too ('"We welcome the deal," the
    minister said': no 010 beside the 051), to a directed act only (one with a target:
    '"we see growing threats"' is no act of the speaker's), and a content-coded one to
    any act of its root the lexicon found in the quote's sentences, whoever its source."""
    if code == NEUTRAL and not by_content:
        return False
    if code != NEUTRAL and by_content:
        return any(ev.root_code == code[:2] and ev.evidence.start < q.end and q.start < ev.evidence.end
                   for ev in coded)
    return any((ev.target is not None if code == NEUTRAL else ev.root_code == code[:2])
               and ev.source is not None and ev.source.start is not None
               and q.start <= ev.source.start < q.end and _own_side(doc, ev.source, source)
               for ev in coded)


def _elaborates(doc: Doc, cue: Token, code: str, source: ActorRef, coded: list[Event]) -> bool:
    """The statement is the speaker's act the lexicon coded: its cue elaborates a coded
    act of the speaker's side ("the group denied involvement, saying ...", "Kenya
    accused Tanzania, saying ...": the cue hangs on the act's trigger), or the lexicon
    coded a statement act (root 01: "denied", "considered") by the same speaker in the
    cue's sentence. Coders code one act there (coding guide: statements are coded by
    their content). A statement coded by its content gives way only to an act of its
    own root: what a "statement" the lexicon coded said is the act."""
    sent = cue.sent
    head = cue.head if cue.dep_ in _ELABORATING and cue.head is not cue else None
    for ev in coded:
        if ev.source is None or not (_own_side(doc, ev.source, source) or _same_words(ev.source, source)):
            continue
        if code != NEUTRAL and ev.root_code != code[:2]:
            continue  # "issued a statement saying it was 'deeply disappointed'": the criticism stays
        if head is not None and ev.evidence.start <= head.idx < ev.evidence.end \
                and head.text in ev.evidence.trigger.split():
            return True
        if ev.root_code == NEUTRAL[:2] and ev.evidence.start < sent.end_char and sent.start_char < ev.evidence.end:
            return True
    return False


def _same_words(a: ActorRef, b: ActorRef) -> bool:
    """Two references overlapping in the text (one mention, with or without its article)."""
    return a.start is not None and a.end is not None and b.start is not None and b.end is not None \
        and a.start < b.end and b.start < a.end


def _own_side(doc: Doc, ref: ActorRef, speaker: ActorRef) -> bool:
    """`ref` is the speaker's side: the speaker, the speaker's state (an actor of the
    speaker's country with no other sector: "the army said fighters attacked", fighters
    with a country but no actor code, is no act of the army's), or a first-person pronoun in the speaker's words (not yet linked to the
    speaker when events are coded)."""
    if ref.entity and ref.entity == speaker.entity:
        return True
    if ref.country and ref.country == speaker.country and ref.actor_code:
        mine, theirs = (speaker.actor_code or "")[len(ref.country):], ref.actor_code[len(ref.country):]
        return not mine or not theirs or mine == theirs
    if ref.start is None or ref.end is None:
        return False
    i, j = token_range(doc, ref.start, ref.end)  # how many tokens, with no Span
    return j - i == 1 and doc[i].pos_ == "PRON" and "1" in doc[i].morph.get("Person", [])


def _already_coded(cue: Token, coded: list[Event]) -> bool:
    """A cue the lexicon coded as an event of its own: an event whose evidence holds the
    cue and whose trigger names it."""
    return any(ev.evidence.start <= cue.idx < ev.evidence.end and cue.text in ev.evidence.trigger.split()
               for ev in coded)
