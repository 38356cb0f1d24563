"""Offline geoparsing parts: gazetteer (names -> candidates), candidates (place
mentions in a doc), disambiguate (one reading per name). `extract/places.py` joins them."""
