"""The merged events as PLOVER JSON records, one per line (JSON Lines), with the field
names of the PLOVER data interchange format (openeventdata/PLOVER): id, date, event,
mode, context, source/target ([{actorText, code, sector}]), text, eventText, eventLoc
({name, country code, lat, lon}), language, publication, version, dateCoded; plus
diurna's fields under `diurna`: CAMEO coding, the merge counts and the documents.

An event without a PLOVER type is left out: PLOVER requires `event`.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..duckdb import Store

FILE = "events.plover.jsonl"
VERSION = "diurna-plover-1"


def _actor(row: dict[str, Any], side: str) -> list[dict[str, Any]]:
    if not (row[f"{side}_name"] or row[f"{side}_actor_code"] or row[f"{side}_country"]):
        return []
    code = row[f"{side}_actor_code"] or row[f"{side}_country"]
    out: dict[str, Any] = {"actorText": row[f"{side}_name"], "code": code}
    if code and len(code) >= 6:
        out["sector"] = code[3:6]
    if row[f"{side}_country"]:
        out["country"] = row[f"{side}_country"]
    return [out]


def record(row: dict[str, Any], coded: str) -> dict[str, Any]:
    loc = None
    if row["location_name"] or row["location_country"]:
        loc = {"name": row["location_name"], "country code": row["location_country"], "lat": row["lat"],
               "lon": row["lon"]}
    return {
        "id": row["id"],
        "date": row["date"] or (row["day"].isoformat() if row["day"] else None),
        "event": row["plover_type"],
        "mode": row["plover_mode"] or "",
        "context": "",
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "text": row["evidence_text"],
        "eventText": row["trigger"],
        "eventLoc": loc,
        "language": "en",
        "publication": row["url"],
        "coder": "diurna",
        "version": VERSION,
        "dateCoded": coded,
        "diurna": {
            "cameo": row["code"], "root_code": row["root_code"], "quad_class": row["quad_class"],
            "goldstein": row["goldstein"], "modality": row["modality"], "num_mentions": row["num_mentions"],
            "num_sources": row["num_sources"], "num_articles": row["num_articles"], "documents": list(row["documents"]),
        },
    }


def export(store: Store, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    path = out / FILE
    coded = datetime.now(UTC).date().isoformat()
    cur = store.con.execute("SELECT * FROM events WHERE plover_type IS NOT NULL ORDER BY day NULLS LAST, id")
    names = [d[0] for d in cur.description]
    with path.open("w", encoding="utf-8") as fh:
        while batch := cur.fetchmany(10_000):
            for values in batch:
                fh.write(json.dumps(record(dict(zip(names, values)), coded), ensure_ascii=False) + "\n")
    return [path]
