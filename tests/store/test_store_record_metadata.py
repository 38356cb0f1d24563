"""Records keep their metadata in the store (issue 18): title, url, publisher and author
of JSONL, CSV and feed records reach the documents table; a published month or year
keeps its precision."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from diurna.engines.ingest import ingest
from diurna.store import Store

STORY = "Talia Orven, the foreign minister of Varnia, met Bram Kessel of Osmark in Dunmore on {day}."
FEED = """<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Dunmore Daily</title>
<item><title>Feed story</title><link>https://dunmore.example/f1</link><guid>f1</guid>
<dc:creator>Ada Vell</dc:creator><pubDate>Wed, 23 Nov 2016 07:58:00 GMT</pubDate>
<description>{text}</description></item>
</channel></rss>
"""


@pytest.fixture(scope="module")
def stored(tmp_path_factory, settings) -> list[dict]:
    folder = tmp_path_factory.mktemp("records")
    rows = [{"id": "j1", "title": "JSONL story", "url": "https://ex.org/j1", "publisher": "Example Wire",
             "author": "Bo Rann", "published": "2016-11", "text": STORY.format(day="Monday")},
            {"id": "j2", "title": "Undated story", "published": "7:58 AM ET", "text": STORY.format(day="Friday")}]
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (folder / "b.csv").write_text("id,title,author,published,text\n"
                                  f'c1,CSV story,Cy Dorn,2016,"{STORY.format(day="Tuesday")}"\n', encoding="utf-8")
    (folder / "c.rss").write_text(FEED.format(text=STORY.format(day="Wednesday")), encoding="utf-8")
    db = folder / "store.duckdb"
    ingest([folder], db, settings.replace(extractors=("entities",)))
    with Store(db, read_only=True) as store:
        return store.fetch("SELECT id, title, url, publisher, author, CAST(published AS VARCHAR) AS published, "
                           "published_precision FROM documents ORDER BY id")


def test_store_record_metadata_reaches_documents(stored):
    got = {r["id"]: r for r in stored}
    assert set(got) == {"j1", "j2", "c1", "f1"}  # none lost, the undated one included
    assert got["j1"] == {"id": "j1", "title": "JSONL story", "url": "https://ex.org/j1", "publisher": "Example Wire",
                         "author": "Bo Rann", "published": "2016-11-01", "published_precision": "month"}
    assert (got["c1"]["title"], got["c1"]["author"], got["c1"]["published"], got["c1"]["published_precision"]) \
        == ("CSV story", "Cy Dorn", "2016-01-01", "year")
    assert (got["f1"]["title"], got["f1"]["author"], got["f1"]["publisher"], got["f1"]["published"]) \
        == ("Feed story", "Ada Vell", "Dunmore Daily", "2016-11-23")
    # negative: an unreadable date is stored as no date, the title still kept
    assert (got["j2"]["title"], got["j2"]["published"], got["j2"]["published_precision"], got["j2"]["author"]) \
        == ("Undated story", None, None, None)


@pytest.mark.slow
@pytest.mark.data
def test_store_record_metadata_voa_titles(data_dir: Path, tmp_path, settings):
    """All 89 VOA stories are stored with their title and byline (none had a title before)."""
    db = tmp_path / "voa.duckdb"
    ingest([data_dir / "corpora" / "voa_stories.jsonl"], db, settings.replace(extractors=("entities",)))
    with Store(db, read_only=True) as store:
        row = store.fetch("SELECT count(*) AS n, count(title) AS titled, count(author) AS bylined FROM documents")[0]
    assert row == {"n": 89, "titled": 89, "bylined": 89}
