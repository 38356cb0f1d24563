"""Event coding in small parts: lexicon, arguments, modality, anchors (date, place), merge, coder."""
