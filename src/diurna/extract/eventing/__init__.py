"""Event coding in small parts: lexicon, arguments, modality, anchors (date, place), merge,
coder (with context, announcing, sides, ranking)."""
