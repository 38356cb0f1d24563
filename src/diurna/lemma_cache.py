"""A cached stand-in for spaCy's attribute_ruler + lemmatizer (issue 20).

Both components are generic Python loops over every token (about a fifth of the model's
time on news text), yet what they assign to a token is a function of a handful of its
attributes. This class runs the model's own two components only on tokens it has not
seen before and copies their answer to every later token with the same key:

- the attribute ruler's one-token patterns read LOWER, TAG, DEP and IS_SPACE, all
  functions of (ORTH, TAG, DEP);
- its few two-token patterns ("there is", "gon na", "let 's") also read a neighbour.
  Whether a neighbour fits a place in such a pattern is again a function of its own
  (ORTH, TAG, DEP): a Matcher holding each place of those patterns as a one-token
  pattern names the places a row fits. A token fitting some place is keyed with the
  places its two neighbours fit (not with the neighbours themselves, so "is" after any
  noun shares one entry); every other token by its row alone;
- the rule lemmatizer reads ORTH, POS and MORPH of the token alone (it keys its own
  cache the same way).

A miss is answered by running the real components on a small Doc holding the unseen
tokens (with their neighbours when those matter), so every answer is the model's own.
The table lives on one LemmaCache (one per Pipeline): results never depend on what ran
before, only the time does. The table is also kept in the cache folder
(knowledge/compiled.py's, one file per model and spaCy version) and written again as it
grows by an eighth; it is read only once the process has had to learn `lazy_min` keys
on its own, so one short story never pays for reading a large table. Every entry is
still the model's own answer for its key, so a table read from disk changes no result;
the strings its values name (lemmas, morphology) are added to the vocabulary first.
DIURNA_CACHE=off keeps it in memory only.
"""

from __future__ import annotations

import gzip
import json
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Token attributes the two components may assign, in the order the table stores them.
_ASSIGNED = ("TAG", "DEP", "POS", "MORPH", "LEMMA")
Key = tuple[Any, ...]
Value = tuple[int, int, int, int, int]
Places = frozenset[int]  # the places of two-token patterns a row fits (Matcher ids)
STORE_FORMAT = "diurna-lemma-table-3"
MAX_STORED = 400_000  # entries: past this the file would cost more to read than it saves
LAZY_MIN = 600  # keys learnt in this process before a kept table is read (about two stories)
_NONE: Places = frozenset()
_OTHER_LABEL = "diurna-unnamed-label"  # stands for every dependency label no ruler pattern names


class LemmaCache:
    """Assigns what `ruler` then `lemmatizer` would, from a table keyed per token."""

    def __init__(self, nlp: Language, ruler: str = "attribute_ruler", lemmatizer: str = "lemmatizer",
                 store: Path | None = None, lazy_min: int = LAZY_MIN, shipped: Path | None = None) -> None:
        from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
        from spacy.matcher import Matcher

        self._vocab = nlp.vocab
        self._ruler = nlp.get_pipe(ruler)
        self._lemmatizer = nlp.get_pipe(lemmatizer)
        patterns: list[dict[str, Any]] = getattr(self._ruler, "patterns")  # noqa: B009 - spaCy types get_pipe loosely
        self._read = [ORTH, TAG, DEP]
        self._write = [POS, MORPH, LEMMA]
        self._table: dict[Key, Value] = {}
        self._places: dict[Key, Places] = {}  # (ORTH, TAG, DEP) -> places it fits
        self._contextual = Matcher(nlp.vocab)
        for n, entry in enumerate(patterns):
            for m, pattern in enumerate(entry["patterns"]):
                if len(pattern) > 1:
                    for k, token in enumerate(pattern):
                        self._contextual.add(f"diurna-lemma-place-{n}.{m}.{k}", [[token]])
        self._deps = _dependency_labels(patterns, nlp.vocab.strings)
        self.hits = 0
        self.misses = 0
        self._store = store
        self._shipped = shipped
        self._model = model_id(nlp)
        self._lazy_min = lazy_min
        self._kept_read = store is None and shipped is None  # nothing kept to read
        self._stored = 0  # table size when last read or written

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = self._rows(doc)
        keys, contextual = self._keys(doc, rows)
        table = self._table
        missing = {key: i for i, key in enumerate(keys) if key not in table}  # one token per unseen key
        if missing and not self._kept_read and self.misses + len(missing) >= self._lazy_min:
            self._read_kept()
            table = self._table
            missing = {key: i for key, i in missing.items() if key not in table}
        self.misses += len(missing)
        self.hits += len(keys) - len(missing)
        if missing:
            self._learn(doc, len(rows), keys, list(missing.values()), contextual)
            if (self._kept_read and self._store is not None
                    and self._stored + max(200, self._stored // 8) <= len(table) <= MAX_STORED):
                self._write_store(self._store)
        self._assign(doc, [table[key] for key in keys])
        return doc

    def keys_of(self, doc: Doc) -> list[Key]:
        """Each token's key, as a call on `doc` reads it (to count keys over a corpus)."""
        return self._keys(doc, self._rows(doc))[0] if len(doc) else []

    def shipped_rows(self, keys: Iterable[Key]) -> list[list[Any]]:
        """The context-free `keys` this table holds, as rows of a shipped table (strings)."""
        from spacy.parts_of_speech import NAMES  # type: ignore[import-not-found, unused-ignore]  # Cython, no stub

        strings, morphology = self._vocab.strings, self._vocab.morphology
        rows = []
        for key in keys:
            value = self._table.get(key)
            if value is None or len(key) != 3:
                continue
            orth, tag, dep = key
            tag_to, dep_to, pos, morph, lemma = value
            rows.append([strings[orth], strings[tag], None if dep == -1 else strings[dep],
                         strings[tag_to] if tag_to else None, strings[dep_to] if dep_to else None,
                         NAMES[pos], morphology.get(morph) if morph else None, strings[lemma]])
        return rows

    def _rows(self, doc: Doc) -> list[Key]:
        rows = [tuple(row) for row in doc.to_array(self._read).tolist()]
        if self._deps is not None:
            deps = self._deps  # a label no pattern names reads as any other such label
            rows = [(orth, tag, dep if dep in deps else -1) for orth, tag, dep in rows]
        return rows

    def _keys(self, doc: Doc, rows: list[Key]) -> tuple[list[Key], set[int]]:
        """Each token's key, and the tokens keyed with their neighbours' places."""
        places = self._row_places(doc, rows)
        keys: list[Key] = []
        contextual: set[int] = set()
        last = len(rows) - 1
        for i, row in enumerate(rows):
            if places[i]:
                contextual.add(i)
                keys.append((*row, places[i - 1] if i else _NONE, places[i + 1] if i < last else _NONE))
            else:
                keys.append(row)
        return keys, contextual

    def _row_places(self, doc: Doc, rows: list[Key]) -> list[Places]:
        """The places each row fits; the Matcher runs only on rows not seen before, side
        by side in a small Doc. A row keyed alone in the table fits none."""
        if not len(self._contextual):
            return [_NONE] * len(rows)
        known, table = self._places, self._table
        unseen = {row: i for i, row in enumerate(rows) if row not in known and row not in table}
        if unseen:
            mini = self._mini_doc(doc, list(unseen.values()))
            found: dict[int, set[int]] = {}
            for match_id, start, _ in self._contextual(mini, allow_missing=True):
                found.setdefault(start, set()).add(match_id)
            for n, row in enumerate(unseen):
                known[row] = frozenset(found.get(n, ()))
        return [known.get(row, _NONE) for row in rows]

    def _read_kept(self) -> None:
        """The table an earlier process kept in the cache folder (it holds the shipped
        one too), else the table shipped with diurna for this model, else none."""
        self._kept_read = True
        if self._store is not None and self._read_store(self._store):
            return
        if self._shipped is not None:
            data = read_shipped(self._shipped, self._vocab, self._model)
            if data is not None and self._merge(data):
                self._stored = len(self._table)

    def _read_store(self, path: Path) -> bool:
        """Add the table kept by an earlier process, when the file is whole."""
        try:
            with path.open("rb") as fh:
                data = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError, AttributeError):
            return False  # no file yet, or a broken one: learn again (and replace it)
        if not self._merge(data):
            return False
        self._stored = len(self._table)
        return True

    def _merge(self, data: Any) -> bool:
        """Add a kept table ({format, strings, morphs, table}) when it is in our format
        and every morphology string it names gets the key it had."""
        try:
            if data["format"] != STORE_FORMAT or not isinstance(data["table"], dict):
                return False
            strings, morphology = self._vocab.strings, self._vocab.morphology
            for text in data["strings"]:
                strings.add(text)
            if any(key and morphology.add(feats) != key for key, feats in data["morphs"]):
                return False  # (key 0: no morphology set, no string to add)
        except (KeyError, TypeError, ValueError, AttributeError):
            return False
        kept: dict[Key, Value] = dict(data["table"])
        kept.update(self._table)  # the same answers; ours are already in use
        self._table = kept
        return True

    def _write_store(self, path: Path) -> None:
        from .knowledge.compiled import write_pickle

        strings, morphology = self._vocab.strings, self._vocab.morphology
        named = {h for v in self._table.values() for h in (v[0], v[1], v[4]) if h}
        data = {
            "format": STORE_FORMAT,
            "strings": sorted(_known(strings, named)),
            "morphs": sorted({(v[3], morphology.get(v[3])) for v in self._table.values()}),
            "table": self._table,
        }
        write_pickle(path, data)
        self._stored = len(self._table)

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
            values = iter(self._run(doc, keys, [group for group, _ in batch]))
            for group, target in batch:
                answers = [next(values) for _ in group]
                self._table.setdefault(keys[target], answers[group.index(target)])

    def _run(self, doc: Doc, keys: list[Key], groups: list[list[int]]) -> list[Value]:
        picked = [j for group in groups for j in group]
        # A label no pattern names is keyed as "any such label" (-1): learn with one the
        # model never gives, so a label the ruler sets is kept as set (it would set it
        # on every token of the key), never read as "unchanged" off one token's own.
        mini = self._mini_doc(doc, picked, [_OTHER_LABEL if keys[j][2] == -1 else None for j in picked])
        before = [(t.tag, t.dep) for t in mini]
        mini = self._lemmatizer(self._ruler(mini))
        # TAG and DEP are kept as changes (0: unchanged): tokens sharing a key may differ there.
        return [(t.tag if t.tag != tag else 0, t.dep if t.dep != dep else 0, int(t.pos), _morph_key(t), t.lemma)
                for t, (tag, dep) in zip(mini, before)]

    def _mini_doc(self, doc: Doc, picked: list[int], deps: list[str | None] | None = None) -> Doc:
        from spacy.tokens import Doc as SpacyDoc

        tokens = [doc[j] for j in picked]
        return SpacyDoc(
            self._vocab,
            words=[t.text for t in tokens],
            spaces=[bool(t.whitespace_) for t in tokens],
            tags=[t.tag_ for t in tokens],
            deps=[t.dep_ for t in tokens] if deps is None else [d or t.dep_ for t, d in zip(tokens, deps)],
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


# ----------------------------------------------------------------------------- shipped table

SHIPPED_FORMAT = "diurna-shipped-lemma-table-1"


def model_id(nlp: Language) -> str:
    """"en_core_web_sm==3.8.0": the model a table was learnt from."""
    return f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}=={nlp.meta.get('version')}"


def write_shipped(path: Path, rows: list[list[Any]], model: str, note: str) -> None:
    """Write a shipped table: gzipped JSON, one row per context-free key, sorted."""
    import spacy

    head = {"format": SHIPPED_FORMAT, "model": model, "spacy": spacy.__version__, "note": note,
            "columns": ["orth", "tag", "dep", "tag_to", "dep_to", "pos", "morph", "lemma"]}
    lines = [json.dumps(r, ensure_ascii=False) for r in sorted(rows, key=lambda r: [x or "" for x in r])]
    text = json.dumps(head, ensure_ascii=False)[:-1] + ', "rows": [\n' + ",\n".join(lines) + "\n]}\n"
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


def read_shipped(path: Path, vocab: Any, model: str) -> dict[str, Any] | None:
    """The shipped table as a kept table ({format, strings, morphs, table}), when it was
    learnt from this very model and spaCy version (else None: another version's
    components may answer otherwise). Parsed once, then read from the cache folder."""
    import spacy

    from .knowledge.compiled import compiled

    try:
        raw = path.read_bytes()
    except OSError:
        return None
    kind = f"{SHIPPED_FORMAT}>{STORE_FORMAT}:spacy=={spacy.__version__}:{model}"
    data: dict[str, Any] | None = compiled("lemma-table-shipped", kind, raw,
                                            lambda: _parse_shipped(raw, vocab, model, spacy.__version__))
    return data


def _parse_shipped(raw: bytes, vocab: Any, model: str, spacy_version: str) -> dict[str, Any] | None:
    try:
        data = json.loads(gzip.decompress(raw))
    except (OSError, EOFError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != SHIPPED_FORMAT \
            or data.get("model") != model or data.get("spacy") != spacy_version:
        return None
    from spacy.parts_of_speech import IDS  # type: ignore[import-not-found, unused-ignore]  # Cython, no stub

    add, morphology = vocab.strings.add, vocab.morphology
    table: dict[Key, Value] = {}
    named: set[str] = set()
    morphs: set[tuple[int, str]] = set()
    for orth, tag, dep, tag_to, dep_to, pos, morph, lemma in data["rows"]:
        morph_key = morphology.add(morph) if morph is not None else 0
        if morph is not None:
            morphs.add((morph_key, morph))
        if lemma:
            named.add(lemma)
        if tag_to:
            named.add(tag_to)
        if dep_to:
            named.add(dep_to)
        table[(add(orth), add(tag), -1 if dep is None else add(dep))] = (
            add(tag_to) if tag_to else 0, add(dep_to) if dep_to else 0, IDS[pos], morph_key, add(lemma))
    return {"format": STORE_FORMAT, "strings": sorted(named), "morphs": sorted(morphs), "table": table}
