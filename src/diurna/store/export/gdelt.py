"""The merged events in the GDELT 2.0 event format: 61 tab-separated columns, no header,
one line per event, in GDELT's column order, so that existing GDELT tooling reads them.

Mapping (GDELT 2.0 Event Codebook column -> diurna):

 1 GlobalEventID        first 13 hex digits of the event id as an integer (stable content hash)
 2 Day                  event day YYYYMMDD: the event's date, else its first report's publication
                        day, else the day it entered the store (as GDELT does for undated events)
 3 MonthYear            YYYYMM of Day
 4 Year                 YYYY of Day
 5 FractionDate         Year + (month * 30 + day) / 365, GDELT's formula, 4 decimals
 6 Actor1Code           source actor code (CAMEO, e.g. FRAGOV)
 7 Actor1Name           source canonical name, upper case as in GDELT
 8 Actor1CountryCode    source country (ISO 3166-1 alpha-3, CAMEO's country codes)
 9-12 Actor1KnownGroupCode, EthnicCode, Religion1Code, Religion2Code: empty (not coded)
13-15 Actor1Type1/2/3Code  the 3-letter role codes after the country in the actor code (GOV, MIL, ...)
16-25 Actor2*           the same for the target
26 IsRootEvent          1 when a report of the event is in its article's lead paragraph
27 EventCode            CAMEO code ("043")
28 EventBaseCode        its first three digits
29 EventRootCode        its first two digits
30 QuadClass            1-4
31 GoldsteinScale       from the CAMEO codebook
32 NumMentions          reports of the event over all articles (one per supporting sentence)
33 NumSources           distinct sources: the wire agency for wire copy, else the publisher
34 NumArticles          distinct articles
35 AvgTone              empty: diurna computes no tone
36-43 Actor1Geo_*       Type 0, other fields empty: diurna geocodes the event, not the actors
44-51 Actor2Geo_*       Type 0, other fields empty
52 ActionGeo_Type       1 country, 4 world city (any geocoded place below country), 5 world state
                        (a place whose feature is a state, province or region), 0 unknown
53 ActionGeo_FullName   the location name
54 ActionGeo_CountryCode  ISO alpha-3 (GDELT uses FIPS 10-4 here: map it if your tool needs FIPS)
55-56 ActionGeo_ADM1Code, ADM2Code: empty
57 ActionGeo_Lat, 58 ActionGeo_Long   from the offline gazetteer
59 ActionGeo_FeatureID  empty
60 DATEADDED            when the event's first article entered the store, YYYYMMDDHHMMSS (UTC)
61 SOURCEURL            the URL of the anchor article, else urn:diurna:document:<id>
"""

from __future__ import annotations

from pathlib import Path

from ..duckdb import Store

FILE = "events.export.CSV"
COLUMNS = 61


def _text(expr: str) -> str:
    """Tabs, newlines and quotes would break a reader that splits on tabs: make them spaces."""
    return f"regexp_replace(coalesce({expr}, ''), '[\\t\\r\\n\"]', ' ', 'g')"


def _actor(side: str) -> list[str]:
    code = f"{side}_actor_code"
    return [
        _text(code), _text(f"upper({side}_name)"), _text(f"{side}_country"), "''", "''", "''", "''",
        *(f"CASE WHEN length({code}) >= {6 + 3 * i} THEN substr({code}, {4 + 3 * i}, 3) ELSE '' END" for i in range(3)),
    ]


_EMPTY_GEO = ["0", "''", "''", "''", "''", "NULL", "NULL", "''"]

SELECT = [
    "('0x' || substr(id, 2, 13))::BIGINT",
    "strftime(d, '%Y%m%d')", "strftime(d, '%Y%m')", "strftime(d, '%Y')",
    "round(year(d) + (month(d) * 30 + day(d)) / 365.0, 4)",
    *_actor("source"), *_actor("target"),
    "is_root::INTEGER", _text("code"), _text("base_code"), _text("root_code"), "quad_class", "goldstein",
    "num_mentions", "num_sources", "num_articles", "NULL",
    *_EMPTY_GEO, *_EMPTY_GEO,
    ("CASE WHEN lower(location_feature) = 'country' THEN 1 "
     "WHEN lower(location_feature) IN ('state', 'province', 'region', 'admin1', 'adm1') THEN 5 "
     "WHEN lat IS NOT NULL THEN 4 WHEN location_country IS NOT NULL THEN 1 ELSE 0 END"),
    _text("location_name"), _text("location_country"), "''", "''", "lat", "lon", "''",
    "strftime(first_added, '%Y%m%d%H%M%S')",
    _text("coalesce(url, 'urn:diurna:document:' || anchor_doc)"),
]
assert len(SELECT) == COLUMNS, len(SELECT)


def export(store: Store, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    path = out / FILE
    quoted = "'" + str(path).replace("'", "''") + "'"
    columns = ", ".join(f"{expr} AS c{n + 1}" for n, expr in enumerate(SELECT))
    store.con.execute(
        f"COPY (SELECT {columns} FROM (SELECT *, coalesce(day, first_added::DATE) AS d FROM events) ORDER BY d, id) "
        f"TO {quoted} "
        "(FORMAT csv, DELIMITER '\t', HEADER false, QUOTE '', ESCAPE '')"
    )
    return [path]
