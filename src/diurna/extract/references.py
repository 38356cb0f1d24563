"""References back to entities already read (extract/entities.py step 5): initials to the
organisation they spell (and, once read as its mention, wherever the NER left them
untagged), definite descriptions ("the council", "those leaders") to the entity named
before by the same noun, third-person pronouns ("he", "their", "its") to the entity
they stand for (extract/coref.py), or with setting full_coref off only "he"/"she" to
the one person in view, and an interviewer's "you" to the person answering."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ..knowledge import grammar
from ..knowledge.gazetteer import FEMALE, MALE, fold
from ..model import Mention
from . import actors as A
from . import coref as C
from .coref import Antecedent, Pronoun, resolve_pronoun, resolve_short, resolve_subject_pronoun
from .entitystate import EntityState, OtherDraft, taken, tokens_at
from .labels import TITLE
from .quoting.marks import inside_quotes
from .tokens import where

if TYPE_CHECKING:
    from spacy.tokens import Token

_G = grammar.load()


def acronyms(st: EntityState) -> None:
    """An organisation named by its initials ("the BLA") is the one whose name they
    spell, when the document names exactly one such ("the Baloch Liberation Army"): it
    takes that entity's country and sector. Words in lower case ("of", "for") are not
    spelt."""
    spelt: dict[str, list[tuple]] = {}
    for key, o in st.others.items():
        if o.type in ("ORG", "GROUP") and (o.country or o.sector):
            initials = "".join(w[0] for w in re.split(r"[\s-]+", o.name) if w[:1].isupper())
            if len(initials) >= 2:
                spelt.setdefault(initials, []).append(key)
    for key, o in list(st.others.items()):
        if o.type != "ORG" or o.country or o.sector or not o.name.isupper() or not o.name.isalpha():
            continue
        found = spelt.get(o.name, [])
        if len(found) == 1 and found[0] != key:
            st.others[found[0]].mentions.extend(o.mentions)
            del st.others[key]


DESCRIPTION = "coref:description"  # the label of a definite description's mention
# Sentences a description looks back over, its own included: a noun phrase with "the"
# reaches further back than a pronoun, but a story names its actors again as it goes.
# News dev, 4 -> 7: 8 more links, 7 right ("the foreign ministers" -> G7 foreign
# ministers, "the council" -> the Security Council; wrong: "the prime minister, the
# president" of Albania -> Joe Biden), event recall +1 gold event on each half.
DESCRIPTION_WINDOW = 7
# Dependents that make a noun phrase describe someone anew ("the leaders of Puntland",
# "the group that claimed the attack", "the charity Doctors Without Borders").
_NEW_REFERENT_DEPS = frozenset({"prep", "acl", "relcl", "appos", "nummod"})


def descriptions(st: EntityState) -> None:
    """"The council", "those leaders", "the group": a definite noun phrase no mention
    holds is the entity named in the last few sentences whose mention (or role) has the
    same head noun in the same number, when exactly one entity does ("the U.N. Security
    Council ... the council"; "leaders of Puntland and Jubaland ... Those leaders"). The
    determiners are knowledge (grammar.yaml anaphoric_determiners); the nouns come from
    the text, not from a list. Two entities with that noun in view leave it alone."""
    if not st.doc.has_annotation("DEP"):
        return
    heads, words = _heads(st)
    others = list(st.others.values())
    for det in (st.doc[i] for i in where(st.doc, "LOWER", _G.anaphoric_determiners)):
        head = det.head
        if det.dep_ != "det" or head.pos_ != "NOUN" or not 0 < head.i - det.i <= 3 \
                or any(c.dep_ in _NEW_REFERENT_DEPS for c in head.children):
            continue
        start, end = st.doc[det.i + 1].idx, head.idx + len(head.text)
        if taken(st, det.idx, end):
            continue
        sentence, noun = st.sentence(start), _head_noun(head)
        modifiers = {t.lower_ for t in st.doc[det.i + 1 : head.i] if t.is_alpha}
        found = {key for at, sent, key, n in heads
                 if at < start and sentence - sent < DESCRIPTION_WINDOW and n == noun and modifiers <= words[key]}
        if len(found) != 1:
            continue
        key = found.pop()
        if key < len(st.people):
            st.people[key].spans.append((start, end, DESCRIPTION))
            st.people[key].sentences.add(sentence)
        else:
            others[key - len(st.people)].mentions.append(Mention(start, end, st.text[start:end], DESCRIPTION))
        st.claimed[start] = end
        heads.append((start, sentence, key, noun))


def _heads(st: EntityState) -> tuple[list[tuple[int, int, int, tuple[str, bool]]], dict[int, set[str]]]:
    """(start, sentence, key, head noun) of every mention a description may point back to:
    a person's by their role's last word (keys 0..), an organisation's or group's by the
    head of its mention (keys after the people, in st.others order), as `pronouns` keys
    them; and per key the words its name, role and mentions hold, which a description's
    modifiers must be among ("the upper house" is not "the lower house"). Places, and
    groups that are a nationality word alone, are left out."""
    out: list[tuple[int, int, int, tuple[str, bool]]] = []
    words: dict[int, set[str]] = {}
    for key, p in enumerate(st.people):
        if p.role:
            noun = (p.role.split()[-1].lower(), False)
            out.extend((s, st.sentence(s), key, noun) for s, _, label in p.spans if label != TITLE)
            words[key] = _words(p.name, p.role, *(st.text[s:e] for s, e, _ in p.spans))
    for key, o in enumerate(st.others.values(), start=len(st.people)):
        if o.type == "PLACE" or o.type == "GROUP" and o.sector is None and o.role is None:
            continue
        words[key] = _words(o.name, o.role or "", *(m.text for m in o.mentions))
        for m in o.mentions:
            sp = tokens_at(st, m.start, m.end)
            if sp is not None and sp.root.pos_ in ("NOUN", "PROPN"):
                out.append((m.start, st.sentence(m.start), key, _head_noun(sp.root)))
    return out, words


def _words(*texts: str) -> set[str]:
    return {w.lower() for t in texts for w in re.findall(r"[^\W\d_]+", t)}


def _head_noun(tok: Token) -> tuple[str, bool]:
    """A noun's lemma and whether it is plural ("leaders" -> ("leader", True))."""
    return tok.lemma_.lower(), tok.tag_ in ("NNS", "NNPS")


def pronouns(st: EntityState) -> None:
    """Third-person pronouns join the entity they stand for (extract/coref.py), so that
    "he", "their" or "its" act with the antecedent's country and sector."""
    if not st.doc.has_annotation("DEP"):
        return
    antecedents = _antecedents(st)
    others = list(st.others.values())
    quoted: dict[int, bool] = {}  # offset -> inside quotation marks (memo)
    for tok in (st.doc[i] for i in where(st.doc, "POS", ("PRON",))):  # _pronoun reads no other token
        pronoun = _pronoun(st, tok)
        if pronoun is None or taken(st, tok.idx, tok.idx + len(tok.text)):
            continue
        in_quote = _quoted_at(st.text, tok.idx, quoted)
        if pronoun.gender is not None and in_quote:
            continue
        key = resolve_pronoun(pronoun, antecedents if in_quote else _narrated(st.text, pronoun, antecedents, quoted))
        if key is None:
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if key < len(st.people):
            person = st.people[key]
            person.spans.append((start, end, "coref:pronoun"))
            person.sentences.add(pronoun.sentence)
            person.gender = person.gender or pronoun.gender
        else:
            others[key - len(st.people)].mentions.append(Mention(start, end, tok.text, "coref:pronoun"))
        st.claimed[start] = end
        kind = next(a.kind for a in antecedents if a.key == key)
        gender = st.people[key].gender if key < len(st.people) else None
        bisect.insort(antecedents, Antecedent(start, pronoun.sentence, key, kind, gender, _subject_verb(st, start, end)),
                      key=lambda a: a.start)


def _narrated(text: str, pronoun: Pronoun, antecedents: list[Antecedent],
              quoted: dict[int, bool]) -> list[Antecedent]:
    """The antecedents a pronoun of the narration (outside quotation marks) may stand for:
    no mention inside quotation marks. '"The #PNH is instructed to restore calm," he
    tweeted': the speaker of a quote is not someone the quote names (a speaker names
    others in the third person, not themselves), and the narration's "he" follows the
    people it narrates, not those a quote talks about. News dev: 23 pronoun links change
    (14 in 8 dev-a stories, 9 in 5 dev-b stories), about 19 of them to the right entity
    or to none where the old one was wrong, 2 to a wrong one."""
    return [a for a in antecedents
            if a.start >= pronoun.start or not _quoted_at(text, a.start, quoted)]


def _quoted_at(text: str, offset: int, memo: dict[int, bool]) -> bool:
    found = memo.get(offset)
    if found is None:
        found = memo[offset] = inside_quotes(text, offset)
    return found


def _antecedents(st: EntityState) -> list[Antecedent]:
    """Every mention a pronoun may stand for, in text order: people (keys 0..), then the
    organisations and groups that act (keys after the people, in st.others order).
    Places, and bare nationality words with no role ("Pakistani"), stand for no one."""
    out = []
    for key, p in enumerate(st.people):
        for s, e, label in p.spans:
            if label != TITLE:
                out.append(Antecedent(s, st.sentence(s), key, C.PERSON, p.gender, _subject_verb(st, s, e)))
    for n, o in enumerate(st.others.values(), start=len(st.people)):
        if o.type == "PLACE" or o.type == "GROUP" and o.sector is None and o.role is None:
            continue
        kind = C.GROUP if o.type == "GROUP" or o.role is not None and A.is_plural(o.role) else C.BODY
        out.extend(Antecedent(m.start, st.sentence(m.start), n, kind, None, _subject_verb(st, m.start, m.end))
                   for m in o.mentions)
    out.sort(key=lambda a: a.start)
    return out


def _subject_verb(st: EntityState, start: int, end: int) -> int | None:
    """The token index of the verb a mention is the subject of, else None."""
    sp = tokens_at(st, start, end)
    if sp is None or sp.root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    return sp.root.head.i


def _pronoun(st: EntityState, tok: Token) -> Pronoun | None:
    g, w = _G, tok.lower_
    if tok.pos_ != "PRON" or tok.dep_ == "poss":
        return None  # "its ally", "his client": the phrase is not its possessor
    gender = MALE if w in g.male_pronouns else FEMALE if w in g.female_pronouns else None
    if gender is not None:
        kinds = frozenset({C.PERSON})
    elif w in g.plural_pronouns:
        kinds = frozenset({C.GROUP})
    elif w in g.neuter_pronouns:
        kinds = frozenset({C.BODY})
    else:
        return None
    obj = tok.head.i if w in g.object_pronouns and tok.dep_ in ("dobj", "obj", "dative") else None
    return Pronoun(tok.idx, st.sentence(tok.idx), kinds, gender, obj)


def subject_pronouns(st: EntityState) -> None:
    """"he said", "she said": the only person in view (setting full_coref off)."""
    if not st.doc.has_annotation("DEP"):
        return
    mention_sentence = {s: st.sentence(s) for p in st.people for s, _, _ in p.spans}
    for tok in st.doc:
        if tok.lower_ not in _G.male_pronouns | _G.female_pronouns or tok.dep_ == "poss" or tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if tok.head.pos_ not in ("VERB", "AUX"):
            continue
        idx = resolve_subject_pronoun(tok.text, tok.idx, st.sentence(tok.idx), st.people, mention_sentence)
        if idx is not None:
            st.people[idx].spans.append((tok.idx, tok.idx + len(tok.text), "coref:pronoun"))


def interviewees(st: EntityState) -> None:
    """An interview set out as "VOA: <question> <Name>[, title]: <answer>": in a
    question (after a label that is a news medium) "you" and "your" are the person
    whose label opens the next answer. Labels are a name and a colon at a sentence start."""
    labels = [(tok.i, _label_person(st, tok)) for tok in st.doc if tok.text == ":" and _label_start(st, tok)]
    for n, (colon, person) in enumerate(labels):
        if person is not None or not _media_label(st, colon):
            continue
        nxt = next(((i, p) for i, p in labels[n + 1 :] if p is not None), None)
        if nxt is None or any(i < nxt[0] for i, p in labels[n + 1 :] if p is None):
            continue  # no answer follows, or another question comes first
        for tok in st.doc[colon + 1 : nxt[0]]:
            if tok.lower_ in _G.second_person_pronouns and not taken(st, tok.idx, tok.idx + len(tok.text)):
                person_ = st.people[nxt[1]]
                person_.spans.append((tok.idx, tok.idx + len(tok.text), "coref:interview"))
                person_.sentences.add(st.sentence(tok.idx))
                st.claimed[tok.idx] = tok.idx + len(tok.text)


def _label_start(st: EntityState, colon: Token) -> bool:
    """Is the colon's label the start of its sentence, a few words at most ("VOA:",
    "Richard Moss, former U.S. envoy:")?"""
    start = st.sent_starts[st.sentence(colon.idx)]
    first = tokens_at(st, start, start + 1)
    return first is not None and 0 < colon.i - first.start <= _LABEL_MAX


_LABEL_MAX = 12  # tokens of an interview label ("Richard Moss, former U.S. deputy secretary of state")


def _label_person(st: EntityState, colon: Token) -> int | None:
    """The person whose name opens the colon's label, else None."""
    start = st.sent_starts[st.sentence(colon.idx)]
    for idx, p in enumerate(st.people):
        if any(s == start and e <= colon.idx for s, e, label in p.spans if label != TITLE):
            return idx
    return None


def _media_label(st: EntityState, colon: int) -> bool:
    """Is the label before the colon a news medium (sector MED: "VOA", "Reuters")?"""
    tok = st.doc[colon - 1]
    return any(o.sector == "MED" and any(m.start <= tok.idx < m.end for m in o.mentions) for o in st.others.values())


SURNAME = "coref:surname"  # the label of a short form of a person's name (extract/people.py)


def surnames_elsewhere(st: EntityState) -> None:
    """A person named in full, then by a short form where the NER tagged nothing
    ("Frantz Exantus, Haiti's secretary of state ... Exantus told VOA", "Blessed Geza
    ... Geza said that he would ..."): the short form is that person, as a tagged one is
    (people.add_person). Only a capitalised proper noun standing alone (no other proper
    noun beside it: not "National" in "the National Day parade"), after the person's
    first mention, that no mention holds already and that resolve_short gives one person.
    News dev (VOA): 51 such short forms in 27 stories (35 dev-a, 16 dev-b), most of them
    speakers ("Exantus told reporters", "Abanda said", "Risch told Politico")."""
    if not st.people:
        return
    keys = set().union(*st.forms)
    for tok in st.doc:
        if tok.pos_ != "PROPN" or len(tok.text) < 3 or not tok.text[0].isupper() or fold(tok.text) not in keys \
                or _beside_name(tok):
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if taken(st, start, end):
            continue
        sentence = st.sentence(start)
        idx = resolve_short(tok.text, None, sentence, st.people, st.forms, st.gaz.roles.leaders, st.full_coref)
        if idx is None or min(s for s, _, _ in st.people[idx].spans) > start:
            continue
        person = st.people[idx]
        person.spans.append((start, end, SURNAME))
        person.sentences.add(sentence)
        st.claimed[start] = end


def _beside_name(tok: Token) -> bool:
    """Is a proper noun part of a longer name (a capitalised proper noun right before or after it)?"""
    doc = tok.doc
    return any(0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()
               for i in (tok.i - 1, tok.i + 1))


INITIALS = "coref:initials"  # the label of initials the NER left untagged (`initials_elsewhere`)


def initials_elsewhere(st: EntityState) -> None:
    """An organisation's initials, once read as its mention ("the BLA claimed ..."), are
    that organisation wherever the NER left them untagged ("Gondor designated BLA a
    terrorist group"), as a reader takes them; a group a nominal names by them ("BLA
    insurgents") is its members, of its country. Initials two bodies share are left
    alone, and so are words a mention already holds."""
    bodies: dict[str, OtherDraft | None] = {}
    for o in st.others.values():
        if o.type in ("ORG", "GROUP") and (o.country or o.sector):
            for m in o.mentions:
                if len(m.text) >= 2 and m.text.isalpha() and m.text.isupper():
                    bodies[m.text] = o if bodies.get(m.text, o) is o else None
    if not any(bodies.values()):
        return
    for tok in st.doc:
        body = bodies.get(tok.text)
        if body is None:
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if not taken(st, start, end):
            body.mentions.append(Mention(start, end, tok.text, INITIALS))
            st.claimed[start] = end
            continue
        for o in st.others.values():
            if o.type == "GROUP" and not o.country and any(m.start == start and m.end > end for m in o.mentions):
                o.country, o.sector = body.country, o.sector or body.sector
