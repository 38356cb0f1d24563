"""No lost documents on messy records (issue 18): 100+ records of our own, in JSONL,
CSV, .json object and array files and Python dicts, with publication dates in every
common form and some that are no date at all; every one is processed, keeps its
title and byline, and an unreadable date is a warning, never an error."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from diurna.model import ErrorResult, RawDocument, Result
from diurna.read import read_paths

# Stories of our own: invented places and people.
STORIES = (
    "Officials in Varnia said on Tuesday that the border crossing at Keld would reopen after talks with Osmark.",
    "Talia Orven, the foreign minister of Varnia, met her Osmark counterpart Bram Kessel in the capital Dunmore.",
    "Protesters gathered outside the parliament in Dunmore to demand new elections, police said.",
    "The government of Osmark announced a grant of 40 million dollars to rebuild the port of Halvik.",
    "Rebels in northern Varnia released twelve aid workers they had held for a month, the Red Lantern Society said.",
    "Osmark's central bank raised interest rates for the third time this year, citing rising food prices.",
    "Varnian troops withdrew from the disputed valley of Ardel under a ceasefire agreed last week.",
    "Judges in Halvik sentenced a former mayor to six years in prison for taking bribes from builders.",
)
SECOND = "A spokesman for the ministry told reporters that further meetings were planned for next month."

# (published as the record gives it, what `published` becomes; None: left out, W001)
DATES: tuple[tuple[Any, str | None], ...] = (
    ("2016-11-23", "2016-11-23"),
    ("2016-11-23T07:58:00-05:00", "2016-11-23"),
    ("2016-11-23 20:30:26Z", "2016-11-23"),
    ("Wed, 23 Nov 2016 07:58:00 -0500", "2016-11-23"),
    ("Wed Nov 23, 2016", "2016-11-23"),
    ("23 November 2016", "2016-11-23"),
    ("November 23, 2016 7:58 AM", "2016-11-23"),
    ("Nov. 23, 2016", "2016-11-23"),
    ("23/11/2016", "2016-11-23"),  # day first: no 23rd month
    ("11/23/2016", "2016-11-23"),
    ("03/04/2016", "2016-03-04"),  # both ways readable: month first by default (day_first = false)
    ("23.11.2016", "2016-11-23"),
    ("20161123", "2016-11-23"),
    ("Updated Nov 23 2016, 7:58 AM ET", "2016-11-23"),
    ("2016-11", "2016-11"),  # a month keeps its precision
    ("November 2016", "2016-11"),
    ("2016", "2016"),
    (2016, "2016"),
    (1479905880, "2016-11-23"),  # epoch seconds
    (1479905880000, "2016-11-23"),  # epoch milliseconds
    ("1479905880", "2016-11-23"),
    # no date at all: processed with published null and a warning
    ("7:58 AM ET", None),
    ("last Tuesday", None),
    ("yesterday", None),
    ("someday", None),
    ("2016-13-45", None),
)
FORMATS = ("jsonl", "csv", "json-array", "json-object")


def make_records() -> list[dict[str, Any]]:
    """One record per (date, format): 26 dates x 4 formats = 104 records."""
    out = []
    for n, ((given, _), fmt) in enumerate((d, f) for f in FORMATS for d in DATES):
        story = STORIES[n % len(STORIES)]
        rec: dict[str, Any] = {"id": f"r{n:03d}", "title": f"Report {n}: {story.split(',')[0][:50]}",
                               "url": f"https://news.example.org/{n}", "publisher": "Example Wire",
                               "author": f"Reporter {n % 7}", "published": given, "_format": fmt}
        if n % 5 == 0:
            rec["html"] = f"<html><body><article><p>{story}</p><p>{SECOND}</p></article></body></html>"
        else:
            rec["text"] = f"{story}\n\n{SECOND}"
        out.append(rec)
    return out


def write_records(folder: Path, records: list[dict[str, Any]]) -> list[Path]:
    """The records in the files a user would have: JSONL, CSV, a .json array, and one
    .json file per object."""
    folder.mkdir(parents=True, exist_ok=True)
    by_format: dict[str, list[dict[str, Any]]] = {f: [] for f in FORMATS}
    for rec in records:
        by_format[rec["_format"]].append({k: v for k, v in rec.items() if k != "_format"})
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in by_format["jsonl"]), encoding="utf-8")
    with (folder / "b.csv").open("w", newline="", encoding="utf-8") as f:
        fields = ("id", "title", "url", "publisher", "author", "published", "text", "html")
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(by_format["csv"])
    (folder / "c.json").write_text(json.dumps(by_format["json-array"], indent=2), encoding="utf-8")
    paths = [folder / "a.jsonl", folder / "b.csv", folder / "c.json"]
    for rec in by_format["json-object"]:
        path = folder / f"{rec['id']}.json"
        path.write_text(json.dumps(rec, indent=2), encoding="utf-8")
        paths.append(path)
    return paths


EXPECTED = {f"r{n:03d}": exp for n, (_, exp) in enumerate(d for _ in FORMATS for d in DATES)}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory, pipeline) -> list[Any]:
    records = make_records()
    paths = write_records(tmp_path_factory.mktemp("messy"), records)
    return list(pipeline.process_many(read_paths(paths, pipeline.settings)))


def test_read_lost_documents_none_of_104(outcomes):
    lost = [o.to_dict() for o in outcomes if isinstance(o, ErrorResult)]
    assert len(outcomes) == len(DATES) * len(FORMATS) >= 100
    assert lost == []


def test_read_lost_documents_titles_and_bylines_kept(outcomes):
    for out in outcomes:
        doc = out.document
        n = int(doc.id[1:])
        assert doc.title is not None and doc.title.startswith(f"Report {n}: "), doc.id
        assert doc.author == f"Reporter {n % 7}" and doc.publisher == "Example Wire"
        assert doc.url == f"https://news.example.org/{n}"
        assert out.to_dict()["author"] == doc.author


def test_read_lost_documents_dates_and_warnings(outcomes):
    for out in outcomes:
        doc, expected = out.document, EXPECTED[out.document.id]
        assert doc.published == expected, (doc.id, doc.origin)
        assert [w.code for w in doc.warnings] == ([] if expected else ["W001"]), doc.id


def test_read_lost_documents_output_validates(outcomes):
    from diurna.schema import validate

    for out in outcomes:
        validate(out.to_dict())


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # one object, an array, an API answer with a list of records
        ({"id": "x", "title": "One", "text": STORIES[0]}, ["x"]),
        ([{"id": "x", "text": STORIES[0]}, {"id": "y", "text": STORIES[1]}], ["x", "y"]),
        ({"status": "ok", "articles": [{"id": "x", "text": STORIES[0]}]}, ["x"]),
        # negative: an element that is not a record, a record without text
        ([{"id": "x", "text": STORIES[0]}, "stray"], ["x", "E005"]),
        ([{"id": "x"}], ["E006"]),
        ({"name": "a page manifest", "icons": []}, ["E006"]),
    ],
)
def test_read_lost_documents_json_files_are_records(tmp_path, settings, content, expected):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(content, indent=2), encoding="utf-8")
    items = list(read_paths([path], settings))
    assert [i.id if isinstance(i, RawDocument) else i.error.code for i in items] == expected


def test_read_lost_documents_json_in_a_folder_walk(tmp_path, settings):
    """In a folder, .json with records is read; a manifest without any is passed over."""
    (tmp_path / "records.json").write_text(json.dumps([{"id": "x", "text": STORIES[0]}]), encoding="utf-8")
    (tmp_path / "manifest.json").write_text(json.dumps({"name": "site", "icons": []}), encoding="utf-8")
    assert [i.id for i in read_paths([tmp_path], settings)] == ["x"]


def test_read_lost_documents_json_on_stdin(settings):
    import io

    data = json.dumps([{"id": "x", "title": "One", "text": STORIES[0]}, {"id": "y", "text": STORIES[1]}], indent=2)
    items = list(read_paths(["-"], settings, stdin=io.BytesIO(data.encode())))
    assert [(i.id, i.title) for i in items] == [("x", "One"), ("y", None)]


@pytest.mark.parametrize(
    ("field", "value", "kept", "warned"),
    [
        ("title", "A title", "A title", []),
        ("title", 1984, "1984", []),  # a number, as written
        ("author", ["Ada Vell", "Bo Rann"], "Ada Vell, Bo Rann", []),  # several authors
        ("author", {"name": "Ada Vell"}, None, ["W002"]),  # not text: left out, the document kept
        ("title", True, None, ["W002"]),
        ("published", {"year": 2016}, None, ["W001"]),
    ],
)
def test_read_lost_documents_odd_metadata_is_a_warning(field, value, kept, warned):
    from diurna.read.records import record

    doc = record({"text": STORIES[0], field: value}, "<test>")
    assert isinstance(doc, RawDocument)
    assert getattr(doc, field) == kept
    assert [w.code for w in doc.warnings] == warned


def test_read_lost_documents_day_first_setting(settings):
    from diurna.read.records import record

    rec = {"text": STORIES[0], "published": "03/04/2016"}
    assert record(rec, "<t>").published == "2016-03-04"
    assert record(rec, "<t>", day_first=True).published == "2016-04-03"
    # unambiguous forms read the same either way
    assert record({**rec, "published": "23/11/2016"}, "<t>").published == "2016-11-23"
    assert record({**rec, "published": "11/23/2016"}, "<t>", day_first=True).published == "2016-11-23"


def test_read_lost_documents_result_keeps_record_title(pipeline):
    """A record's title wins over a first line the cleaner would read as a headline."""
    out = next(pipeline.process_many([{"title": "Kept title", "text": f"Keld talks\n\n{STORIES[0]}\n\n{SECOND}"}]))
    assert isinstance(out, Result) and out.document.title == "Kept title"
    out = next(pipeline.process_many([{"text": f"Keld talks resume\n\n{STORIES[0]}\n\n{SECOND}"}]))
    assert out.document.title == "Keld talks resume"  # negative: no record title, the headline line
