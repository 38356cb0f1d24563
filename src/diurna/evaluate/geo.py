"""`diurna eval geo`: toponym recall and geocoding accuracy on LGL and GeoVirus.

Per corpus (`geo/lgl.xml`, local US and world news with GeoNames-resolved toponyms;
`geo/geovirus.xml`, WikiNews disease-outbreak stories with Wikipedia coordinates):
- recall: share of gold toponyms (with coordinates) overlapped by one of our places;
- accuracy_161km: of the gold toponyms we found, the share whose place lies within
  161 km (100 miles) of the gold point; a found place without coordinates counts wrong;
- precision: share of our places that overlap some gold toponym (indicative only:
  neither corpus annotates every place name, GeoVirus in particular);
- median_error_km over found toponyms with coordinates.
LGL also annotates demonyms ("American", "Palestinian") as toponyms; diurna by design
does not make places of them, so LGL additionally reports recall_excl_demonyms.

How texts are run: each article's exact text goes through the pipeline's spaCy model
and the `entities` and `places` extractors directly, without the clean stage, so gold
offsets index our offsets one to one (cleaning would normalise whitespace and may take
a first line as title, moving every offset).
"""

from __future__ import annotations

import statistics
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..extract import resolve_order
from ..extract.geo.gazetteer import distance_km
from ..model import Document, Place
from ..pipeline import Pipeline
from .base import Report, exact_facts, split_report

NAME = "geo"
DESCRIPTION = "toponym recall and accuracy within 161 km on LGL and GeoVirus"
DATA = "geo"
CORPORA = (("geovirus", "geovirus.xml"), ("lgl", "lgl.xml"))
KM = 161.0
DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "ic", "i", "ean")


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    phrase: str
    lat: float
    lon: float


def load(path: Path) -> list[tuple[str, list[Gold]]]:
    """(text, gold toponyms with coordinates) per article of either corpus format."""
    root = ET.parse(path).getroot()
    out = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = []
        for t in (*art.iter("toponym"), *art.iter("location")):
            point = t.find("gaztag") if t.tag == "toponym" else t
            if point is None or point.findtext("lat") is None:
                continue  # LGL toponyms without a gazetteer entry have no coordinates
            name = t.findtext("phrase") or t.findtext("name") or ""
            start = _align(text, name, int(t.findtext("start", "")))
            end = start + len(name)
            gold.append(Gold(start, end, text[start:end], float(point.findtext("lat", "")), float(point.findtext("lon", ""))))
        out.append((text, gold))
    return out


def _align(text: str, name: str, start: int) -> int:
    """The gold start, moved to where the gold name really is: GeoVirus offsets are one
    character past the name throughout; LGL's are exact."""
    for shift in (0, -1, 1, -2, 2, -3, 3):
        if name and text[start + shift : start + shift + len(name)] == name:
            return start + shift
    return start


def run(data_dir: Path, pipeline: Pipeline, limit: int | None = None) -> Report:
    specs = resolve_order(("entities", "places"))
    metrics: dict[str, float] = {}
    counts: dict[str, int] = {}
    details: dict[str, object] = {}
    splits: dict[str, dict[str, float]] = {"dev": {}, "test": {}}
    for corpus, filename in CORPORA:
        articles = load(data_dir / DATA / filename)[:limit]
        documents = [Document(id=f"{corpus}-{n}", text=text) for n, (text, _) in enumerate(articles)]
        predicted = [facts.places for facts in exact_facts(pipeline, specs, documents)]
        # An article's key is its text: the corpora give no ids, and the order may change.
        report = split_report(f"geo-{corpus}", list(zip(articles, predicted)), key=lambda item: item[0][0],
                              score=_score)
        metrics.update({f"{corpus}_{k}": v for k, v in report.metrics.items()})
        counts.update({f"{corpus}_{k}": v for k, v in report.counts.items()})
        for half, values in report.splits.items():
            splits[half].update({f"{corpus}_{k}": v for k, v in values.items()})
        details[corpus] = report.details
    return Report(name=NAME, metrics=metrics, counts=counts, details=details, splits=splits)


def _score(items: Sequence[tuple[tuple[str, list[Gold]], tuple[Place, ...]]]) -> Report:
    m, c, d = score([gold for (_, gold), _ in items], [places for _, places in items])
    return Report(name=NAME, metrics=m, counts=c, details=d)


def score(golds: list[list[Gold]], predicted: list[tuple[Place, ...]]) -> tuple[dict, dict, dict]:
    n = found = correct = n_plain = found_plain = overlapping = n_pred = 0
    errors: list[float] = []
    misses: list[str] = []
    wrong: list[dict[str, object]] = []
    for gold, places in zip(golds, predicted):
        n_pred += len(places)
        overlapping += sum(any(_overlap(p, g) for g in gold) for p in places)
        for g in gold:
            n += 1
            plain = not _demonym_like(g.phrase)
            n_plain += plain
            hit = next((p for p in places if _overlap(p, g)), None)
            if hit is None:
                if len(misses) < 60:
                    misses.append(g.phrase)
                continue
            found += 1
            found_plain += plain
            if hit.lat is None or hit.lon is None:
                continue
            km = distance_km(hit.lat, hit.lon, g.lat, g.lon)
            errors.append(km)
            if km <= KM:
                correct += 1
            elif len(wrong) < 60:
                wrong.append({"phrase": g.phrase, "ours": f"{hit.name} ({hit.country}, {hit.feature})", "km": round(km)})
    metrics = {
        "recall": _ratio(found, n),
        "accuracy_161km": _ratio(correct, found),
        "precision": _ratio(overlapping, n_pred),
        "recall_excl_demonyms": _ratio(found_plain, n_plain),
        "median_error_km": round(statistics.median(errors), 1) if errors else 0.0,
    }
    counts = {"articles": len(golds), "gold_toponyms": n, "found": found, "within_161km": correct,
              "predicted_places": n_pred}
    return metrics, counts, {"missed_examples": misses, "wrong_examples": wrong}


def _overlap(p: Place, g: Gold) -> bool:
    return p.start < g.end and g.start < p.end


def _demonym_like(phrase: str) -> bool:
    """"American", "Palestinians": one capitalised word with a demonym ending."""
    word = phrase.strip()
    return " " not in word and word[:1].isupper() and word.lower().endswith(DEMONYM_ENDINGS) and word.lower() not in (
        "iran", "oman", "sudan", "japan", "pakistan", "afghanistan", "taiwan", "jordan", "michigan", "yemen",
        "lebanon", "bahrain", "kazakhstan", "uzbekistan", "tajikistan", "kyrgyzstan", "turkmenistan", "bhutan",
        "vatican", "spokan", "fulton", "milan", "tehran", "amman", "wuhan", "hainan", "hunan", "henan", "taipei",
        "dubai", "mumbai", "hawaii", "mississippi", "missouri", "delhi", "nairobi", "helsinki", "brunei", "mali",
        "malawi", "burundi", "djibouti", "haiti", "fiji", "shanghai", "chicago", "san", "ohio",
    )


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0
