"""The parts of the quotes extractor (diurna.extract.quotes): quotation-mark pairing
(marks), speech cues (cues), speakers and addressees (speakers), direct quotes
(direct) and reported speech (reported)."""
