"""The temporal tagger behind `extract/times.py`, in small parts:

- lexicon: the time words of `knowledge/time_words.tsv`, loaded once and validated;
- calendar: date arithmetic against an anchor (publication date), TIMEX3 values;
- context: cheap lexical tense cues around an expression (no spaCy needed);
- rules: the regex cascade (HeidelTime-style: patterns plus small normalisers);
- reading: the records rules read and return (Reading, Ctx);
- tagger: runs the rules over a text, keeps the longest matches, resolves values in
  reading order (so "a year earlier" can follow the last quarter mentioned).
"""

from .tagger import tag

__all__ = ["tag"]
