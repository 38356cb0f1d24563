"""Developer tools (not part of the pipeline): `python -m diurna.dev.golden_diff`."""
