"""Statements coded by what they say: "X said Iran is defying the council" is an
accusation (112) of Iran, "X said Y must withdraw" a demand (100) on Y, "X said it was
not responsible" a denial (016), as ICEWS and POLECAT code them.

The cues are data (`knowledge/statement_contents.tsv`): a word, where it sits in the
content clause (its head, a modal on the head, a preposition on a copular head), who
the clause's subject is (another actor, the speaker's side, anyone) and the clause's
mood (read by `modality`). Only the heads of the content are read (the clause the cue
verb reports, and the clauses joined to it), never words deeper down: "said the
council had ignored" is read, "said the report that he wrote ignored" is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, get_args

from ...knowledge import cameo, event_words, read_tsv
from ...model import Entity, Modality
from ..quoting import cues as cue_data
from ..tokens import column, head_indices, ids, tokens_from, words
from .modality import modality

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

FILE = "statement_contents.tsv"
_PARTS = (HEAD, PASSIVE, MODAL, PREP, INFINITIVE, WORD, NAMING) = (
    "HEAD", "PASSIVE", "MODAL", "PREP", "INFINITIVE", "WORD", "NAMING")
_SUBJECTS = (OTHER, SELF, ANY, DOER) = ("OTHER", "SELF", "ANY", "DOER")
_MOODS = (POS, NEG, FUTURE, UNREAL) = ("POS", "NEG", "FUTURE", "UNREAL")
_UNKNOWN = "UNKNOWN"  # no subject: whose act it is goes unsaid
_ASSERTED, _FUTURE, _HYPOTHETICAL, _NEGATED = get_args(Modality)
_MOOD = {_NEGATED: NEG, _FUTURE: FUTURE}  # asserted and hypothetical ("should") read as POS
# UNREAL: an act not (yet) done, "will" or "could"/"would": "said it could retaliate"
# threatens as "said it will retaliate" does
_UNREAL = (_FUTURE, _HYPOTHETICAL)
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_PASSIVE_SUBJECT = "nsubjpass"
_AUX_DEPS = ("aux", "auxpass")
_COMPLEMENT_DEPS = ("acomp", "attr", "xcomp")


@dataclass(frozen=True, slots=True)
class ContentCue:
    word: str
    part: str
    subject: str
    mood: str
    code: str


@dataclass(frozen=True, slots=True)
class ContentCode:
    """The code a statement's content gives, the cue that gave it and the actor it is
    aimed at (the token of the clause's subject when that is another actor)."""

    code: str
    cue: ContentCue
    target: Token | None


@lru_cache(maxsize=1)
def cues() -> tuple[ContentCue, ...]:
    """The table, validated at load (package data: never changes during a run)."""
    out = []
    for n, row in enumerate(read_tsv(FILE, 5), start=1):
        cue = ContentCue(*row)
        if cue.part not in _PARTS or cue.subject not in _SUBJECTS or cue.mood not in _MOODS:
            raise ValueError(f"{FILE}: row {n} {row}: part in {_PARTS}, subject in {_SUBJECTS}, mood in {_MOODS}")
        if cue.part == NAMING and cue.word not in cue_data.load().naming_verbs:
            raise ValueError(f"{FILE}: row {n} {row}: a NAMING row's word is a naming verb of cues.yaml")
        cameo.lookup(cue.code)  # a code outside the codebook fails here, at load
        out.append(cue)
    return tuple(out)


def directive(cue_lemma: str, negated: bool) -> ContentCue | None:
    """The row coding a cue verb that reports an infinitive ("told the council to draft
    rules": a demand on the addressee), None when the table has none."""
    mood = NEG if negated else POS
    return next((c for c in cues() if c.part == INFINITIVE and c.word == cue_lemma and c.mood == mood), None)


def naming(cue_lemma: str) -> ContentCue | None:
    """The row coding a naming verb's quoted label ('called the budget "a sticking
    plaster"', 'branded the plan "a shambles"') when no word of the label judges, None
    when the table has none."""
    return next((c for c in cues() if c.part == NAMING and c.word == cue_lemma), None)


def content_code(doc: Doc, start: int, end: int, speaker: str | None,
                 entities: tuple[Entity, ...]) -> ContentCode | None:
    """The code of the content at [start, end) said by entity `speaker`, or None when
    the content is neutral (a plain 01x statement)."""
    span = tokens_from(doc, start, end)
    if not len(span):
        return None
    for head in _heads(span):
        found = _match(head, speaker, entities)
        if found is not None:
            return found
    return _judgement(span, speaker, entities)


@lru_cache(maxsize=1)
def _judging_words() -> dict[str, ContentCue]:
    """The WORD rows of the table, by word (the table never changes during a run)."""
    return {c.word: c for c in cues() if c.part == WORD and c.mood == POS}


def _judgement(span: Span, speaker: str | None, entities: tuple[Entity, ...]) -> ContentCode | None:
    """A word anywhere in the content that judges what the speaker speaks of (WORD rows:
    "heinous", "unacceptable", "deeply disappointed"): the statement is a criticism
    (or a denial: "baseless"), unless the word's clause is negated ("is not illegal").
    It is aimed at the other actor whose act the word judges ("Russia's illegal
    aggression"); else whom is left to the caller (the other actor the content names)."""
    table = _judging_words()
    doc = span.doc
    lows, lemmas = words(doc)  # the Doc's word columns: no Token per word
    for i in range(span.start, span.end):
        cue = table.get(lemmas[i]) or table.get(lows[i])
        if cue is not None and not _negated_clause(doc[i]):
            owner = _judged_owner(doc[i])
            return ContentCode(cue.code, cue, owner if _who(owner, speaker, entities) == OTHER else None)
    return None


def _judged_owner(word: Token) -> Token | None:
    """The possessor of the noun a judging adjective qualifies ("Israel's heinous and
    cruel attacks" -> Israel), not a pronoun ("their unjust detention": whose is the
    caller's to find)."""
    noun = word
    while noun.dep_ in ("amod", "conj") and noun.head is not noun and noun.pos_ == "ADJ":
        noun = noun.head
    if noun is word or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)


def _negated_clause(tok: Token) -> bool:
    """The word, or the verb of its clause, carries a negation ("not unacceptable",
    "is not illegal")."""
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.head is not head and head.dep_ in ("amod", "acomp", "attr", "advmod"):
        head = head.head
    return any(c.dep_ == "neg" for t in {tok, head} for c in t.children)


def _heads(span: Span) -> list[Token]:
    """The content's clause heads: tokens whose head lies outside the span, and the
    verbs coordinated with them ("said Iran defied the council and ignored ...")."""
    inside = range(span.start, span.end)
    doc = span.doc
    # read from the Doc's columns: a Token only for a clause head
    heads_of, pos, clausal = head_indices(doc), column(doc, "POS"), ids(doc, _CLAUSAL)
    heads = [doc[i] for i in inside if (heads_of[i] not in inside or heads_of[i] == i) and pos[i] in clausal]
    heads += [c for t in heads for c in t.conjuncts if c.i in inside and c.pos_ in _CLAUSAL]
    return heads[:4]


_CLAUSAL = frozenset({"VERB", "AUX", "ADJ"})  # the parts of speech of a content's clause head


def _subject(head: Token) -> Token | None:
    """The clause's subject: a child of its head, else of an auxiliary the parser hung
    it on ("Iran is flagrantly defying": the subject under "is"), else a coordinated
    verb's shared subject ("Iran defied the council and ignored ...")."""
    tok = head
    for _ in range(3):
        for holder in (tok, *(c for c in tok.children if c.dep_ in _AUX_DEPS)):
            subj = next((c for c in holder.children if c.dep_ in _SUBJECT_DEPS), None)
            if subj is not None:
                return subj
        if tok.dep_ != "conj" or tok.head is tok:
            return None
        tok = tok.head
    return None


def _match(head: Token, speaker: str | None, entities: tuple[Entity, ...]) -> ContentCode | None:
    subj = _subject(head)
    words = _words(head)
    if subj is not None and subj.dep_ == _PASSIVE_SUBJECT:
        # "workers had been ignored (by X)": the doer is the agent, not the subject;
        # PASSIVE rows name the verbs whose passive subject is the doer ("was involved in")
        words[PASSIVE], words[HEAD] = words[HEAD], set()
        agent = _agent(head)
        if agent is not None:
            words[HEAD], subj = words[PASSIVE], agent
    read: tuple[str, Modality, str] | None = None  # (who, modality, mood): read at the first row whose word fits
    for cue in cues():
        if cue.word not in words.get(cue.part, ()):
            continue  # most clauses fit no row: whose act and its modality go unread
        if read is None:
            mode = modality(head)
            read = _who(subj, speaker, entities), mode, _MOOD.get(mode, POS)
        who, mode, mood = read
        if cue.subject == DOER and not _doers(subj, who):
            continue
        if cue.subject not in (ANY, DOER) and cue.subject != who:
            continue
        if cue.mood != mood and not (cue.mood == UNREAL and mode in _UNREAL):
            continue
        # a DOER row's target is not the perpetrators but the state the clause ties them to
        return ContentCode(cue.code, cue, subj if who == OTHER and cue.subject != DOER else None)
    return None


def _doers(subj: Token | None, who: str) -> bool:
    """The subject names perpetrators other than the speaker's side: another actor, or
    a pronoun their phrase defines ("those involved in the attack"), not "we"."""
    if subj is None or not _perpetrators(subj):
        return False
    return who == OTHER or who == SELF and subj.pos_ == "PRON" and "1" not in subj.morph.get("Person", [])


def _perpetrators(subj: Token | None) -> bool:
    """The subject names those who did a violent act: a perpetrator noun ("the
    attackers", "the handlers of the attack") or a phrase about such an act ("those
    involved in Tuesday's attack")."""
    if subj is None:
        return False
    words = event_words.load()
    if subj.lemma_.lower() in words.perpetrator_nouns or subj.lower_ in words.perpetrator_nouns:
        return True
    return any(t.lemma_.lower() in words.violent_act_nouns for t in subj.subtree)


def _agent(head: Token) -> Token | None:
    """The object of a passive's by-phrase ("ignored by the council" -> council)."""
    by = next((c for c in head.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _words(head: Token) -> dict[str, set[str]]:
    """The lemmas of the clause by place: its head (and the complement of a copula or
    a control verb), the modals on a verb head (an obligation to be something is no
    demand), the prepositions of a copular head."""
    heads = {head.lemma_.lower()}
    heads |= {c.lemma_.lower() for c in head.children if c.dep_ in _COMPLEMENT_DEPS}
    copula = head.pos_ == "AUX"  # "is responsible", "must be careful": no act of its own
    modals = {c.lemma_.lower() for c in head.children if c.dep_ == "aux" and c.tag_ == "MD"} if not copula else set()
    preps = {c.lemma_.lower() for c in head.children if c.dep_ == "prep"} if copula else set()
    return {HEAD: heads, MODAL: modals, PREP: preps}


def _who(subj: Token | None, speaker: str | None, entities: tuple[Entity, ...]) -> str:
    """Whose act the clause reports: the speaker's side (a first-person pronoun, a
    mention of the speaker or of the speaker's state, an unresolved pronoun: in reported
    speech the speaker is its nearest antecedent), another actor (a noun phrase, a
    pronoun resolved to another entity), or unknown (no subject)."""
    if subj is None:
        return _UNKNOWN
    if subj.pos_ == "PRON" and "1" in subj.morph.get("Person", []):
        return SELF
    ent = entity_at(entities, *subject_span(subj))
    said_by = next((e for e in entities if e.id == speaker), None) if speaker else None
    if ent is not None and said_by is not None and (ent.id == said_by.id or ent.country and ent.country == said_by.country):
        return SELF  # the speaker, or the speaker's own state ("the president said Kenya will help")
    if subj.pos_ == "PRON":
        return OTHER if ent is not None else SELF  # "the army said it was not responsible"
    if subj.pos_ in ("DET", "NUM"):
        return _UNKNOWN  # "this", "one": no actor
    return OTHER


def entity_at(entities: tuple[Entity, ...], start: int, end: int) -> Entity | None:
    """The entity with the largest mention overlapping [start, end), if any."""
    best, most = None, 0
    for ent in entities:
        for m in ent.mentions:
            overlap = min(m.end, end) - max(m.start, start)
            if overlap > most:
                best, most = ent, overlap
    return best


def subject_span(subj: Token) -> tuple[int, int]:
    """The characters of a subject up to its head ("the Tanzanian army", not the
    relative clause after it: "the report that Hassan wrote")."""
    doc = subj.doc
    return doc[subj.left_edge.i].idx, subj.idx + len(subj.text)


def phrase_span(subj: Token) -> tuple[int, int]:
    """The characters of a subject's whole phrase ("immigration to France")."""
    doc = subj.doc
    last = doc[subj.right_edge.i]
    return doc[subj.left_edge.i].idx, last.idx + len(last.text)


def about(start: int, end: int, speaker: str | None, entities: tuple[Entity, ...]) -> tuple[Entity, int, int] | None:
    """What a neutral statement is about: the first actor with a country that the
    content names, other than the speaker and the speaker's own country ("UNICEF said
    children in Sudan are suffering" is about Sudan), with its mention."""
    own = next((e for e in entities if e.id == speaker), None)
    if own is None:
        return None  # an unresolved speaker ("the two governments"): its own side is unknown
    found = [(m.start, m.end, e) for e in entities if e.country and e.id != speaker
             and e.country != own.country for m in e.mentions if start <= m.start and m.end <= end]
    if not found:
        return None
    s, t, ent = min(found, key=lambda f: f[0])
    return ent, s, t
