"""Which lexicon entry a trigger word fires, and with which arguments.

A cheap pass first: a sentence is looked at only when one of its lemmas is a trigger.
Then, per trigger, the most specific entry whose constraints hold ("held talks" before
"held"), its source and target tokens, and a pattern name for the rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...knowledge import argument_words, event_words, grounding_words
from ..tokens import column, words
from . import arguments as A
from .lexicon import SUBJECT_TARGET, Lexicon, Predicate
from .phrases import object_targets, words_hold

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_LOCATIVE = grounding_words.load().event_place_prepositions  # "took a flag march in the city"
_W = event_words.load()  # the word lists of knowledge/event_words.yaml
_INFINITIVE_MARKERS = argument_words.load().infinitive_markers  # "sworn to fight"
_NOT_ACTORS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_NAMED_ACTORS = ("GPE", "ORG", "NORP", "PERSON")
_VERBAL = ("VERB", "AUX")
_NOMINAL = ("NOUN", "PROPN")
MODAL_CLAUSE = "modal-clause"  # the pattern of a modal entry coding the clause it governs


@dataclass(slots=True)
class Match:
    """One fired entry: mutable while the sentence is being coded, never leaves it."""

    pred: Predicate
    trigger: Token
    words: list[Token]  # the trigger's words ("held", "talks")
    pattern: str
    sources: list[Token] = field(default_factory=list)
    targets: list[Token] = field(default_factory=list)
    consumed: list[Token] = field(default_factory=list)  # nouns this match speaks for
    code: str = ""
    frame_verb: Token | None = None
    inner: Match | None = None


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def has_trigger(sent: Span, lex: Lexicon) -> bool:
    return _mentions(sent, lex.triggers)


def _mentions(sent: Span, wanted: frozenset[str] | set[str]) -> bool:
    """Whether a word of `sent` is in `wanted` by its lemma or its lower-cased form:
    `any(lemma(t) in wanted or t.lower_ in wanted for t in sent)`, read from the Doc's
    word columns (no Token per word)."""
    lows, lemmas = words(sent.doc)
    return any(lemmas[i] in wanted or lows[i] in wanted for i in range(sent.start, sent.end))


def _keys(tok: Token) -> tuple[str, ...]:
    low, lem = tok.lower_, lemma(tok)
    return (lem,) if low == lem else (lem, low)


# Words of a date or time are not events: "on March 3" is no march, "in May" no modal.
_TEMPORAL = {"DATE", "TIME"}


def verb_entries(tok: Token, lex: Lexicon) -> list[Predicate]:
    if tok.pos_ not in _VERBAL and not (tok.pos_ == "NOUN" and tok.dep_ == "ROOT") or tok.ent_type_ in _TEMPORAL:
        return []
    return [p for k in _keys(tok) for p in lex.verbs.get(k, ())]


# Words inside a name are not events: "Warsaw Pact", "Asia-Pacific Economic Cooperation".
_NAMES = {"ORG", "GPE", "PERSON", "NORP", "FAC", "LOC", "LAW", "WORK_OF_ART", "PRODUCT"}


def noun_entries(tok: Token, lex: Lexicon) -> list[Predicate]:
    if tok.pos_ not in _NOMINAL or (tok.ent_type_ in _NAMES and tok.is_title) or tok.ent_type_ in _TEMPORAL:
        return []
    if tok.dep_ == "compound" and tok.head.pos_ in _NOMINAL:
        return []  # a modifier names a kind of thing, not an event: "arrest warrant", "attack helicopter"
    return [p for k in _keys(tok) for p in lex.nouns.get(k, ())]


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN")


# An object candidate with the words an entry's object list is tested on: the noun, its
# lemma and lower-cased form, and (lemma, lower-cased form) of its compound and adjective
# modifiers. Read once per verb, then tested against each of its entries.
_Candidate = tuple["Token", str, str, list[tuple[str, str]]]


def _object_candidates(verb: Token) -> list[_Candidate]:
    """The nouns that may carry an object-constrained entry's object: active object,
    passive subject ("sanctions were imposed"), or the object of the particle ("go on
    strike")."""
    direct = A.objects(verb) + A.passive_subjects(verb)
    # not a locative phrase's: "took a flag march in the city" takes no city
    candidates = direct + [g for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ not in _LOCATIVE
                           for g in c.children if g.dep_ == "pobj"]
    # "gave ... dollars of aid", "tons of food": a measure's "of" object carries the
    # lemma (not a prepositional phrase's: "stopped work on the first day of a strike")
    candidates += [g for c in direct if c.pos_ in ("NOUN", "NUM", "PRON")
                   for p in c.children if p.dep_ == "prep" and p.lower_ in _W.measure_prepositions
                   for g in p.children if g.dep_ == "pobj"]
    # "conducted the drills encircling the island" misparsed as a clause whose subject
    # is the object: a participle's subject right after the verb is its object
    candidates += [n for c in verb.children if c.dep_ == "ccomp" and c.tag_ == "VBG"
                   for n in c.children if n.dep_ == "nsubj" and n.i > verb.i and n.i < c.i]
    return [(c, lemma(c), c.lower_, [(lemma(g), g.lower_) for g in c.children if g.dep_ in ("compound", "amod")])
            for c in candidates]


def _object_noun(candidates: list[_Candidate], pred: Predicate) -> Token | None:
    """The candidate an object-constrained entry needs (`_object_candidates`)."""
    for c, key, low, modifiers in candidates:
        if key in pred.object or low in pred.object:
            return c
        # "imposed new trade sanctions": the head noun carries the lemma; "suspended aid
        # deliveries", "a military aid program": a light head takes its modifier's
        if any(m_lemma in pred.object or m_low in pred.object for m_lemma, m_low in modifiers) \
                and (low in pred.object or low in _LIGHT_HEADS):
            return c
    return None


# Heads that name a kind of activity and take their sense from a modifier.
_LIGHT_HEADS = _W.light_heads


def _constraints_hold(tok: Token, pred: Predicate, sent: Span, lex: Lexicon) -> bool:
    if not words_hold(tok, pred):
        return False  # a word pattern (user PETRARCH dictionaries) does not stand around the trigger
    if not _sense_fits(tok, pred):
        return False
    if pred.particle and not any(
        c.dep_ in ("prt", "prep", "advmod") and c.lower_ == pred.particle and not _dated(c) for c in tok.children
    ):
        return False
    if pred.requires_word and not _mentions(sent, pred.requires_word):
        return False
    if pred.requires_prep and not any(c.dep_ == "prep" and c.lower_ in pred.requires_prep for c in tok.children) \
            and not any(p.lower_ in pred.requires_prep for p in _alleging(tok, pred)):
        return False
    if pred.requires_xcomp and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children) \
            and _infinitive_after(tok) is None:
        return False
    if pred.requires_protest_context and not _mentions(sent, lex.protest_words):
        return False
    if pred.clause_subject and not _clause_subject(tok):
        return False
    objs = _objects(tok) + (A.passive_subjects(tok) if tok.pos_ in _VERBAL else [])
    if pred.requires_dobj and not objs:
        return False
    if pred.requires_human_object and not any(_human(o, lex) for o in objs + _infinitive_subjects(tok)):
        return False
    if pred.requires_actor_object and not any(_human(o, lex) or o.ent_type_ in _NAMED_ACTORS or o.pos_ == "PROPN"
                                              or o.pos_ == "PRON" and A.actor_like(o) for o in objs):
        return False
    if pred.requires_verb:
        light = A.verb_of_noun(tok) if tok.pos_ in _NOMINAL else None
        if light is None or lemma(light) not in pred.requires_verb:
            return False
    if pred.target_is:
        acted_on = objs if tok.pos_ in _VERBAL else list(A.prep_objects(tok, pred.target))
        # every one of them: "killed a scientist and nine soldiers" is no combat
        if not acted_on or not all(lemma(o) in pred.target_is or o.lower_ in pred.target_is for o in acted_on):
            return False
    return True


def _clause_subject(verb: Token) -> bool:
    """The clause a control verb wraps has a named subject of its own ("hopes Gondor
    will withdraw", "wants Gondor to withdraw", also parsed as object + infinitive); a
    pronoun may be the wisher itself ("hopes it will")."""
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    subjects = [n for c in clauses for n in c.children if n.dep_ in ("nsubj", "nsubjpass")]
    if any(c.dep_ == "xcomp" for c in clauses):
        subjects += A.objects(verb)
    return any(n.pos_ in _NOMINAL for n in subjects)


def _dated(prep: Token) -> bool:
    """"called Gondor on Monday": a preposition of a date is no particle ("call on")."""
    return any(g.dep_ == "pobj" and g.ent_type_ in _TEMPORAL for g in prep.children)


def _sense_fits(tok: Token, pred: Predicate) -> bool:
    """The entry's selectional restrictions (predicates.yaml): a particle, a dependent
    or an object modifier that marks another sense of the word ("signed up", "called
    the plan ridiculous", "launched air strikes" under a labour-strike entry)."""
    if pred.excludes_particle and any(c.dep_ in ("prt", "prep") and c.lower_ in pred.excludes_particle
                                      and not _dated(c) for c in tok.children):
        return False
    if pred.excludes_dep and any(c.dep_ in pred.excludes_dep for c in tok.children):
        return False
    if (pred.subject or pred.subject_excludes) and tok.pos_ in _VERBAL:
        doers = {w for d in _doers(tok) for w in (lemma(d), d.lower_)}
        if pred.subject and not doers & pred.subject or doers & pred.subject_excludes:
            return False
    if pred.complement and not any(lemma(w) in pred.complement or w.lower_ in pred.complement
                                   for w in _complement(tok)):
        return False
    if pred.object_excludes:
        heads = [tok] if tok.pos_ in _NOMINAL else A.objects(tok) + A.passive_subjects(tok)
        words = [w for h in heads for w in (h, *(m for m in h.children if m.dep_ in ("compound", "amod", "nmod")))
                 if w is not tok]
        if any(lemma(w) in pred.object_excludes or w.lower_ in pred.object_excludes for w in words):
            return False
    return True


def _doers(verb: Token) -> list[Token]:
    """Who does the act as the parse has it: the subject, a passive's agent, or the noun
    a participle modifies ("legislation targeting Gondor": the legislation)."""
    found = A.subjects(verb) or (A.agents(verb) if _passive(verb) else [])
    if not found and verb.dep_ == "acl" and verb.head is not verb:
        found = [verb.head]
    return found


def _complement(verb: Token) -> list[Token]:
    """The words of a predicative complement: "called the ruling arbitrary" (oprd),
    "described the jailbreak as deplorable" (an "as" phrase)."""
    heads = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp", "attr")
             or c.dep_ == "prep" and c.lower_ in _W.complement_prepositions]
    # "designated the group a terrorist organisation" parsed with two objects: the second
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    heads += objs[1:]
    # ... or with the second as an apposition written without a comma ("designated BLA a
    # terrorist group"); "Zamora, a journalist," is a description
    heads += [a for o in objs[:1] for a in o.children
              if a.dep_ == "appos" and not a.doc[a.left_edge.i - 1].is_punct]
    return [w for h in heads for w in h.subtree if w is not h or h.dep_ != "prep"]


def _infinitive_after(verb: Token) -> Token | None:
    """"have sworn to fight" parsed as a purpose clause: the infinitive right after the
    control verb is still its complement."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.i == verb.i + 2 and verb.nbor(1).lower_ in _INFINITIVE_MARKERS:
            return c
    return None


def _infinitive_subjects(verb: Token) -> list[Token]:
    """"allowed Ouattara to run" parsed with Ouattara as the subject of the infinitive:
    the person the verb acts on."""
    # the parse's own subject only: an inferred controller ("tried to proceed" -> the
    # trier) is not acted on
    return [s for c in verb.children if c.dep_ in ("ccomp", "xcomp")
            and A.infinitive(c)
            for n in c.children if n.dep_ == "nsubj" for s in (n, *n.conjuncts)]


def _human(tok: Token, lex: Lexicon) -> bool:
    if tok.ent_type_ in ("PERSON", "NORP") or tok.lower_ in lex.human_nouns or lemma(tok) in lex.human_nouns:
        return True
    # "opposition leader Eomer Eadig", whatever the name's entity label: the title says who
    return tok.pos_ == "PROPN" and any(c.dep_ == "compound" and c.lower_ in lex.human_nouns for c in tok.children)


def _charged_with_doing(tok: Token, lex: Lexicon) -> bool:
    """"charged Rohan with backtracking on its promises": "with" + a gerund accuses;
    "charged him with murder" or "with rioting" (a crime the lexicon knows as
    violence) is a legal charge."""
    return any(c.dep_ == "prep" and c.lower_ in _W.charge_prepositions and any(
        (g.dep_ == "pcomp" or (g.dep_ == "pobj" and g.tag_ == "VBG")) and not _violent(g, lex)
        for g in c.children) for c in tok.children)


def _violent(tok: Token, lex: Lexicon) -> bool:
    return any(p.code[:2] in ("14", "17", "18", "19", "20") for k in _keys(tok)
               for p in (*lex.verbs.get(k, ()), *lex.nouns.get(k, ())))


def match_verb(tok: Token, sent: Span, lex: Lexicon) -> Match | None:
    if tok.tag_ == "MD":
        return _modal_clause(tok, sent, lex)
    doing = None
    candidates: list[_Candidate] | None = None  # read at the first entry that needs an object
    for pred in verb_entries(tok, lex):
        if pred.code[:3] == "173" or pred.code[:3] == "112" and "with" in pred.requires_prep:
            doing = _charged_with_doing(tok, lex) if doing is None else doing
            if doing == (pred.code[:3] == "173"):
                continue
        obj = None
        if pred.object:
            if candidates is None:
                candidates = _object_candidates(tok)
            obj = _object_noun(candidates, pred)
            if obj is None:
                continue
        if not _constraints_hold(tok, pred, sent, lex):
            continue
        m = Match(pred, tok, [tok] if obj is None else [tok, obj], pred.pos)  # _verb_arguments names the pattern
        if obj is not None:
            m.consumed.append(obj)
        _verb_arguments(m, obj)
        return m
    return None


def _modal_clause(modal: Token, sent: Span, lex: Lexicon) -> Match | None:
    """"Arnor declared that Gondor must open its ports": a modal entry (predicates.yaml
    lemma "must") codes the reported clause it governs as a whole, whatever its verb;
    a clause whose verb has an entry of its own is coded through that entry."""
    verb = modal.head
    if modal.dep_ != "aux" or verb.pos_ not in _VERBAL or verb.dep_ != "ccomp" or verb.head.pos_ not in _VERBAL:
        return None
    if lemma(verb) in _W.copulas or match_verb(verb, sent, lex) is not None:
        return None
    for pred in verb_entries(modal, lex):
        return Match(pred, verb, [verb], MODAL_CLAUSE, sources=A.subjects(verb))
    return None


# Participles that state their subject's own stance: "Arnor is opposed to the plan",
# "Gondor is committed to the talks" (no agent: the subject opposes, commits).
_STATAL = _W.stative_participles


def _attributive(part: Token) -> bool:
    """"met visiting Foreign Minister Eadig" parsed as "met" + a complement "visiting
    Eadig": an attributive participle (event_words) right after a verb with no object
    of its own, taking a named person as its object, describes that person."""
    head = part.head
    return (part.dep_ == "xcomp" and part.lower_ in _W.attributive_participles and head.i == part.i - 1
            and head.pos_ in _VERBAL and lemma(head) not in _W.aspectual_verbs and not A.objects(head)
            and any(o.ent_type_ == "PERSON" or o.pos_ == "PROPN" and o.ent_type_ not in _PLACES_AND_BODIES
                    for o in A.objects(part)))


_PLACES_AND_BODIES = ("GPE", "LOC", "FAC", "ORG", "NORP")  # "stopped visiting Gondor" visits a place


def _objects(verb: Token) -> list[Token]:
    """The verb's objects, or the person an attributive participle after it describes
    ("assured visiting Foreign Minister Eadig that ...": Eadig is assured)."""
    return A.objects(verb) or [o for c in verb.children if c.dep_ == "xcomp" and _attributive(c)
                               for o in A.objects(c)]


def _verb_arguments(m: Match, obj: Token | None) -> None:
    verb, pred = m.trigger, m.pred
    if _passive(verb) and lemma(verb) in _STATAL and not A.agents(verb):
        m.pattern = "stative"
        m.sources = A.passive_subjects(verb)
        preps = [p for p in pred.target if p not in ("dobj", "dative")] + sorted(_W.stative_target_prepositions)
        m.targets = [] if obj is not None else list(A.prep_objects(verb, preps))
        if obj is not None:
            m.pattern += "-object"
            m.targets += list(A.prep_objects(obj, preps))
        return
    if _attributive(verb):
        m.pattern = "attributive"  # "met visiting Foreign Minister Eadig": Eadig visits the host
        m.sources, m.targets = A.objects(verb), A.subjects(verb.head)
        return
    if _passive(verb):
        m.pattern = "passive"
        m.sources = A.agents(verb)
        if "dobj" in pred.target and obj is None:
            m.targets = A.passive_subjects(verb)
    else:
        m.pattern = "active"
        m.sources = A.subjects(verb)
        if "dobj" in pred.target and obj is None:
            # "allowed Ouattara to run" may be parsed with the person as the infinitive's subject
            m.targets = _objects(verb) or (_infinitive_subjects(verb) if pred.frame is None else [])
        if "dative" in pred.target:
            m.targets += A.datives(verb)
    preps = [p for p in pred.target if p not in ("dobj", "dative", SUBJECT_TARGET)]
    m.targets += list(A.prep_objects(verb, preps))
    if pred.after and obj is None and "dobj" not in pred.target:
        m.targets += object_targets(verb, preps)  # the words name the object: "restored ties with Gondor"
    if obj is not None:
        m.pattern += "-object"
        m.targets += list(A.prep_objects(obj, preps))
    if pred.source:
        _source_from_preposition(m, obj)
    if pred.complement:
        said = {w.i for w in _complement(verb)}
        m.targets = [t for t in m.targets if t.i not in said]  # what it is called is no target
    _reciprocal(m)


def _source_from_preposition(m: Match, obj: Token | None) -> None:
    """"met with opposition from Gondor", "drew criticism from Gondor": the act is the
    prepositional object's, aimed at the clause's subject (target "subject")."""
    heads = [m.trigger] if obj is None else [m.trigger, obj]
    subject = m.sources
    m.sources = [t for h in heads for t in A.prep_objects(h, m.pred.source)]
    if SUBJECT_TARGET in m.pred.target:
        m.targets = subject + [t for t in m.targets if t not in subject]
    m.pattern += "-source"


def _reciprocal(m: Match) -> None:
    """"Arnor and Gondor met" -> Arnor met Gondor (and the coder adds the converse)."""
    if m.pred.reciprocal and not m.targets and len(m.sources) >= 2:
        m.targets = m.sources[1:]
        m.sources = m.sources[:1]
        m.pattern += "-coordinated"


def match_noun(tok: Token, sent: Span, lex: Lexicon) -> Match | None:
    for pred in noun_entries(tok, lex):
        if pred.compound and not any(
            c.dep_ in ("compound", "amod", "nmod") and (lemma(c) in pred.compound or c.lower_ in pred.compound)
            for c in tok.children
        ):
            continue
        if not _constraints_hold(tok, pred, sent, lex):
            continue
        m = Match(pred, tok, [tok], pred.pos)
        _noun_arguments(m)
        return m
    return None


def _noun_arguments(m: Match) -> None:
    noun, pred = m.trigger, m.pred
    pair = A.between(noun)
    if pair is not None:
        m.sources, m.targets, m.pattern = [pair[0]], [pair[1]], "noun-between"
        return
    # "Tuesday's hijacking by militants": a date's possessive dates the act, it does not
    # do it; the agent phrase may still name who did
    owners = [t for t in A.possessors(noun) if t.ent_type_ not in _TEMPORAL]
    givers = list(A.prep_objects(noun, pred.source))
    m.targets = list(A.prep_objects(noun, pred.target))
    if givers and owners and not m.targets:
        # "the agency's support from Britain": the source preposition names the giver,
        # the possessor the one who receives
        m.sources, m.targets, m.pattern = givers, owners, "noun-source"
        return
    m.sources = owners or [
        c for c in noun.children
        if c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE", "ORG")
    ] or list(A.prep_objects(noun, (*_W.agent_prepositions, *pred.source)))
    m.pattern = "noun-possessive" if m.sources else "noun"
    light = A.verb_of_noun(noun)
    if light is not None:
        if not m.sources:
            m.sources = A.subjects(light)
            m.pattern = "noun-light-verb" if m.sources else m.pattern
        m.targets += list(A.prep_objects(light, [p for p in pred.target if p != "dobj"]))
    _reciprocal(m)


def usable_actor(tok: Token) -> bool:
    named = tok.ent_type_ in ("NORP", "GPE", "ORG")  # "an Australian ultimatum": the adjective names the owner
    return (A.actor_like(tok) or named) and tok.ent_type_ not in _NOT_ACTORS


def frame_inner(m: Match, by_token: dict[int, Match]) -> Match | None:
    """The event a control verb wraps: its infinitive complement ("agreed to
    restore"), or an event noun as its object ("demanded the release")."""
    verb = m.trigger
    clauses = ("xcomp", "ccomp", "acl") if verb.pos_ in _NOMINAL else ("xcomp", "ccomp")
    for c in verb.children:
        if c.dep_ in clauses and c.i in by_token:
            return by_token[c.i]
    light = A.verb_of_noun(verb) if verb.pos_ in _NOMINAL else None
    if light is not None:
        # "reiterated its demand that Rohan withdraw": the clause may hang on the light verb
        for c in light.children:
            if c.dep_ == "ccomp" and c.i in by_token and c.i > verb.i:
                return by_token[c.i]
    after = _infinitive_after(verb)
    if after is not None and after.i in by_token:
        return by_token[after.i]
    for c in verb.children:
        if c.dep_ in ("dobj", "prep") and c.i in by_token:
            return by_token[c.i]
        if c.dep_ == "prep":
            for g in c.children:
                if g.i in by_token:
                    return by_token[g.i]
    return None


def sentence_matches(sent: Span, lex: Lexicon) -> list[Match]:
    """Every fired entry of a sentence, frames resolved: a wrapped event is folded
    into its control verb ("urged Rohan to withdraw" is one appeal, not a withdrawal)."""
    # Only a modal or a word with an entry can fire (match_verb, match_noun): the rest
    # are passed over before their entries and constraints are looked up.
    triggers, doc = lex.triggers, sent.doc
    lows, lemmas = words(doc)
    tags, modal = column(doc, "TAG"), doc.vocab.strings["MD"]
    found = [doc[i] for i in range(sent.start, sent.end)
             if tags[i] == modal or lows[i] in triggers or lemmas[i] in triggers]
    verbs = [m for m in (match_verb(t, sent, lex) for t in found) if m is not None]
    consumed = {c.i for m in verbs for c in m.consumed}
    nouns = [m for m in (match_noun(t, sent, lex) for t in found if t.i not in consumed) if m is not None]
    by_token = {m.trigger.i: m for m in verbs + nouns}
    wrapped: set[int] = set()
    for m in verbs + nouns:
        if m.pred.frame is None or m.pred.object:
            continue
        inner = frame_inner(m, by_token)
        if inner is not None and m.pred.requires_inner and _asserted_clause(m, inner):
            wrapped.add(inner.trigger.i)  # "insists it is committed to peace": a claim, no demand
            continue
        if inner is not None and inner is not m and inner.inner is not m:
            m.inner = inner
            wrapped.add(inner.trigger.i)
            # "demanded a ban on Rohan and the arrest of its leaders": every conjunct is demanded
            wrapped.update(c.i for c in inner.trigger.conjuncts if c.i in by_token and c.i != m.trigger.i)
        if m.pred.frame == "demand" and _purpose_of_protest(m.trigger, by_token):
            wrapped.add(m.trigger.i)  # "staged a hunger strike to demand ...": the protest is the event
    alleged = {i for m in verbs + nouns for i in _alleged(m)}
    # "officials hope tourists will come", "wants peace": a wish with no act in it
    empty = {m.trigger.i for m in verbs + nouns if m.pred.requires_inner and m.inner is None}
    return [m for m in verbs + nouns if m.trigger.i not in wrapped | alleged | empty]


# Finite verb tags of the indicative (Penn Treebank): "is", "was", "commits".
_INDICATIVE = ("VBZ", "VBD", "VBP")


def _asserted_clause(m: Match, inner: Match) -> bool:
    """A control verb that needs an act (`requires_inner`: "insist", "hope") over a
    clause in the indicative asserts what the clause says ("insists it is committed to
    peace"); a demand or a wish takes a subjunctive ("insisted that Gondor withdraw"), a
    modal ("hopes talks will resume"), an infinitive or a noun."""
    verb = inner.trigger
    if verb.dep_ != "ccomp" or verb.head.i != m.trigger.i:
        return False
    finite = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(t.tag_ in _INDICATIVE for t in finite) and not any(t.tag_ == "MD" for t in finite)


def _alleged(m: Match) -> set[int]:
    """The tokens of what an accusation alleges ("accused Rohan of plotting an attack",
    "denied accusations of shelling villages"): the acts of a gerund in there are the
    accusation's content, not events (docs/coding-guide.md, embedded acts). A noun
    stays an event of its own: "blamed Rohan for the attack" (the attack happened)."""
    direct = [c for h in (m.trigger, *m.consumed) for c in h.children if c.dep_ == "prep" and c.lower_ in m.pred.alleges]
    return {t.i for c in (*direct, *_alleging(m.trigger, m.pred))
            for g in c.children if g.tag_ == "VBG" for t in g.subtree}


def _alleging(tok: Token, pred: Predicate) -> list[Token]:
    """An alleging preposition with a gerund that the parser hung below the trigger's
    object or another phrase of its clause, not on the trigger: "accuses [the rebel
    group of killing civilians]", "accused the company - along with another, Endesa -
    of trying". Only a gerund: "accused the head of the agency" names whom it accuses."""
    if not pred.alleges:
        return []
    found = []
    for p in tok.subtree:
        if p.dep_ != "prep" or p.lower_ not in pred.alleges or p.head.i == tok.i:
            continue
        if not any(g.tag_ == "VBG" and g.dep_ in ("pcomp", "pobj") for g in p.children):
            continue
        up = p.head
        while up.i != tok.i and up.pos_ not in _VERBAL and up.head.i != up.i:
            up = up.head
        if up.i == tok.i:  # no clause of its own between: "accused X, who spoke of leaving" is not
            found.append(p)
    return found


def _purpose_of_protest(verb: Token, by_token: dict[int, Match]) -> bool:
    if verb.dep_ not in ("advcl", "xcomp", "acl", "pcomp") or verb.head is verb:
        return False
    head = verb.head
    candidates = [head, *(c for c in head.children if c.dep_ == "dobj")]
    return any(c.i in by_token and by_token[c.i].pred.code[:2] == "14" for c in candidates)
