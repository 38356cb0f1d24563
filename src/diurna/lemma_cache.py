"""A cached stand-in for spaCy's attribute_ruler + lemmatizer (issue 20).

Both components are generic Python loops over every token (about a fifth of the model's
time on news text), yet what they assign to a token is a function of a handful of its
attributes. This class runs the model's own two components only on tokens it has not
seen before and copies their answer to every later token with the same key:

- the attribute ruler's one-token patterns read LOWER, TAG, DEP and IS_SPACE, all
  functions of (ORTH, TAG, DEP);
- its few two-token patterns ("there is", "gon na", "let 's") also read a neighbour:
  tokens that could take part in one (found by a Matcher holding each position of those
  patterns as a one-token pattern) are keyed with both neighbours as well;
- the rule lemmatizer reads ORTH, POS and MORPH of the token alone (it keys its own
  cache the same way).

A miss is answered by running the real components on a small Doc holding the unseen
tokens (with their neighbours when those matter), so every answer is the model's own.
The table lives on one LemmaCache (one per Pipeline): results never depend on what ran
before, only the time does. A process used to start with an empty table and learn about
a quarter of a news story's tokens again (most of the cache's time); the table is now
also kept in the cache folder (knowledge/compiled.py's, one file per model and spaCy
version), read when the cache is made and written again as it grows by an eighth. Every
entry is still the model's own answer for its key, so a table read from disk changes no
result; the strings its values name (lemmas, morphology) are added to the vocabulary
first. DIURNA_CACHE=off keeps it in memory only.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes the two components may assign, in the order the table stores them.
_ASSIGNED = ("TAG", "DEP", "POS", "MORPH", "LEMMA")
Key = tuple[Any, ...]
Value = tuple[int, int, int, int, int]
STORE_FORMAT = "diurna-lemma-table-1"
MAX_STORED = 400_000  # entries: past this the file would cost more to read than it saves


class LemmaCache:
    """Assigns what `ruler` then `lemmatizer` would, from a table keyed per token."""

    def __init__(self, nlp: Language, ruler: str = "attribute_ruler", lemmatizer: str = "lemmatizer",
                 store: Path | None = None) -> None:
        from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
        from spacy.matcher import Matcher

        self._vocab = nlp.vocab
        self._ruler = nlp.get_pipe(ruler)
        self._lemmatizer = nlp.get_pipe(lemmatizer)
        patterns: list[dict[str, Any]] = getattr(self._ruler, "patterns")  # noqa: B009 - spaCy types get_pipe loosely
        self._read = [ORTH, TAG, DEP]
        self._write = [POS, MORPH, LEMMA]
        self._table: dict[Key, Value] = {}
        self._flags: dict[Key, bool] = {}  # (ORTH, TAG, DEP) -> may take part in a two-token pattern
        self._contextual = Matcher(nlp.vocab)
        for n, entry in enumerate(patterns):
            for pattern in entry["patterns"]:
                if len(pattern) > 1:
                    self._contextual.add(f"position{n}", [[token] for token in pattern])
        self._deps = _dependency_labels(patterns, nlp.vocab.strings)
        self.hits = 0
        self.misses = 0
        self._store = store
        self._stored = 0  # table size when last read or written
        if store is not None:
            self._read_store(store)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(self._read).tolist()
        if self._deps is not None:
            deps = self._deps  # a label no pattern names reads as any other such label
            rows = [[orth, tag, dep if dep in deps else -1] for orth, tag, dep in rows]
        contextual = self._contextual_tokens(doc, rows)
        keys = [self._key(rows, i, i in contextual) for i in range(len(rows))]
        table = self._table
        missing = {key: i for i, key in enumerate(keys) if key not in table}  # one token per unseen key
        self.misses += len(missing)
        self.hits += len(keys) - len(missing)
        if missing:
            self._learn(doc, len(rows), keys, list(missing.values()), contextual)
            if self._store is not None and self._stored + max(200, self._stored // 8) <= len(table) <= MAX_STORED:
                self._write_store(self._store)
        self._assign(doc, [table[key] for key in keys])
        return doc

    def _read_store(self, path: Path) -> None:
        """The table and flags kept by an earlier process, when the file is whole and
        every morphology string it names gets the key it had; else an empty start."""
        try:
            with path.open("rb") as fh:
                data = pickle.load(fh)
            if data["format"] != STORE_FORMAT:
                return
            strings, morphology = self._vocab.strings, self._vocab.morphology
            for text in data["strings"]:
                strings.add(text)
            if any(morphology.add(feats) != key for key, feats in data["morphs"]):
                return
            self._table, self._flags = dict(data["table"]), dict(data["flags"])
        except (OSError, pickle.UnpicklingError, EOFError, KeyError, TypeError, ValueError, AttributeError):
            return  # no file yet, or a broken one: learn again (and replace it)
        self._stored = len(self._table)

    def _write_store(self, path: Path) -> None:
        from .knowledge.compiled import write_pickle

        strings, morphology = self._vocab.strings, self._vocab.morphology
        named = {h for v in self._table.values() for h in (v[0], v[1], v[4]) if h}
        data = {
            "format": STORE_FORMAT,
            "strings": sorted(_known(strings, named)),
            "morphs": sorted({(v[3], morphology.get(v[3])) for v in self._table.values()}),
            "table": self._table,
            "flags": self._flags,
        }
        write_pickle(path, data)
        self._stored = len(self._table)

    def _contextual_tokens(self, doc: Doc, rows: list[list[int]]) -> set[int]:
        """The tokens some position of a two-token pattern matches; the Matcher runs only
        on (ORTH, TAG, DEP) triples not seen before, side by side in a small Doc."""
        if not len(self._contextual):
            return set()
        flags = self._flags
        keys = [tuple(row) for row in rows]
        unseen = {key: i for i, key in enumerate(keys) if key not in flags}
        if unseen:
            mini = self._mini_doc(doc, list(unseen.values()))
            hits = {start for _, start, _ in self._contextual(mini, allow_missing=True)}
            for n, key in enumerate(unseen):
                flags[key] = n in hits
        return {i for i, key in enumerate(keys) if flags[key]}

    @staticmethod
    def _key(rows: list[list[int]], i: int, contextual: bool) -> Key:
        if not contextual:
            return tuple(rows[i])
        before = tuple(rows[i - 1]) if i else None
        after = tuple(rows[i + 1]) if i + 1 < len(rows) else None
        return (*rows[i], before, after)

    def _learn(self, doc: Doc, n_rows: int, keys: list[Key], missing: list[int], contextual: set[int]) -> None:
        """Run the real components on the unseen tokens, in one small Doc: context-free
        tokens alone (no two-token pattern can match them), each contextual one between
        its neighbours, which keep any pattern spanning a window's edge off the token
        in its middle. A token at either end of the document has no neighbour there, so
        its window goes in a Doc of its own."""
        shared: list[tuple[list[int], int]] = []
        alone: list[tuple[list[int], int]] = []
        for i in missing:
            if i not in contextual:
                shared.append(([i], i))
            elif 0 < i < n_rows - 1:
                shared.append(([i - 1, i, i + 1], i))
            else:
                alone.append(([j for j in (i - 1, i, i + 1) if 0 <= j < n_rows], i))
        for batch in ([shared] if shared else []) + [[window] for window in alone]:
            values = iter(self._run(doc, [group for group, _ in batch]))
            for group, target in batch:
                answers = [next(values) for _ in group]
                self._table.setdefault(keys[target], answers[group.index(target)])

    def _run(self, doc: Doc, groups: list[list[int]]) -> list[Value]:

        mini = self._mini_doc(doc, [j for group in groups for j in group])
        before = [(t.tag, t.dep) for t in mini]
        mini = self._lemmatizer(self._ruler(mini))
        # TAG and DEP are kept as changes (0: unchanged): tokens sharing a key may differ there.
        return [(t.tag if t.tag != tag else 0, t.dep if t.dep != dep else 0, int(t.pos), _morph_key(t), t.lemma)
                for t, (tag, dep) in zip(mini, before)]

    def _mini_doc(self, doc: Doc, picked: list[int]) -> Doc:
        from spacy.tokens import Doc as SpacyDoc

        tokens = [doc[j] for j in picked]
        return SpacyDoc(
            self._vocab,
            words=[t.text for t in tokens],
            spaces=[bool(t.whitespace_) for t in tokens],
            tags=[t.tag_ for t in tokens],
            deps=[t.dep_ for t in tokens],
            heads=list(range(len(tokens))),
        )

    def _assign(self, doc: Doc, values: list[Value]) -> None:
        import numpy

        doc.from_array(self._write, numpy.array([v[2:] for v in values], dtype="uint64"))  # type: ignore[arg-type]
        # TAG and DEP change only on whitespace tokens ('_SP', 'dep'): set those one by one
        # rather than rewrite the parse through from_array.
        for i, value in enumerate(values):
            if value[0]:
                doc[i].tag = value[0]
            if value[1]:
                doc[i].dep = value[1]


def _known(strings: Any, hashes: set[int]) -> list[str]:
    """The strings of `hashes` the vocabulary holds."""
    out = []
    for h in hashes:
        try:
            out.append(strings[h])
        except KeyError:
            pass
    return out


def _morph_key(token: Any) -> int:
    return int(token.morph.key)  # MorphAnalysis.key is missing from spaCy's type stubs


def _dependency_labels(patterns: list[dict[str, Any]], strings: Any) -> frozenset[int] | None:
    """The DEP labels the ruler's patterns name (as hashes), or None when a pattern reads
    DEP in a way other than ==, IN or NOT_IN, and every label must then stay apart."""
    labels: set[int] = set()
    for entry in patterns:
        for pattern in entry["patterns"]:
            for token in pattern:
                spec = token.get("DEP")
                if spec is None:
                    continue
                if isinstance(spec, str):
                    labels.add(strings.add(spec))
                elif isinstance(spec, dict) and set(spec) <= {"IN", "NOT_IN"}:
                    labels.update(strings.add(label) for values in spec.values() for label in values)
                else:
                    return None
    return frozenset(labels)
