"""Every input shape: files, folders (by extension and by content), stdin, JSONL, CSV,
RSS/Atom, WARC; bad records become errors in place and the rest go on."""

from __future__ import annotations

import gzip
import io

import pytest

from diurna.model import ErrorResult, RawDocument
from diurna.read import read_jsonl_lines, read_paths

STORY = "Gondor and Arnor signed a water pact on Tuesday, officials said."


def kinds(items):
    return [(i.kind if isinstance(i, RawDocument) else i.error.code) for i in items]


def test_sources_jsonl_bad_lines_in_place(tmp_path, settings):
    lines = ['{"id": "a", "text": "%s"}' % STORY, "{not json", '["a list"]', '{"id": "d"}',
             '{"id": "e", "html": "<p>%s</p>", "published": "Fri, 14 Mar 2025 20:30:26 GMT"}' % STORY,
             '{"id": "f", "text": "%s", "published": "someday"}' % STORY]
    items = list(read_jsonl_lines(lines))
    assert kinds(items) == ["text", "E005", "E005", "E006", "html", "text"]
    assert [i.index for i in items] == list(range(6))
    assert items[4].published == "2025-03-14" and items[3].id == "d"
    # an unreadable date is left out with a warning; the document is not lost
    assert items[5].published is None and [w.code for w in items[5].warnings] == ["W001"]


def test_sources_jsonl_keeps_u2028_inside_strings(tmp_path, settings):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Gondor said\u2028the talks would resume."}\n', encoding="utf-8")
    assert kinds(read_paths([path], settings)) == ["text"]


def test_sources_csv_rows_and_missing_text(tmp_path, settings):
    path = tmp_path / "export.csv"
    path.write_text(f'id,title,text,published\n1,Pact,"{STORY}",2026-03-04\n2,Empty,,\n3,Q,"Line one, with comma\nline two.",\n',
                    encoding="utf-8")
    items = list(read_paths([path], settings))
    assert kinds(items) == ["text", "E006", "text"]
    assert items[0].id == "1" and items[0].title == "Pact" and items[0].published == "2026-03-04"


@pytest.mark.parametrize(
    ("content", "title", "text"),
    [
        # a quote inside a quoted field is doubled (RFC 4180, as Excel and pandas write it)
        ('id,title,text\n1,"He said ""no""","The minister said: ""We stay."" Talks, he added, go on."\n',
         'He said "no"', 'The minister said: "We stay." Talks, he added, go on.'),
        ('id;title;text\n1;"A ""quoted"" title";"Gondor said ""yes""; Arnor said no."\n',
         'A "quoted" title', 'Gondor said "yes"; Arnor said no.'),
        ('id\ttitle\ttext\n1\t"Tabs ""here"""\t"Rohan, Gondor and ""Arnor"" met."\n',
         'Tabs "here"', 'Rohan, Gondor and "Arnor" met.'),
        ("id, title, text\n1, Spaced, Gondor signed the pact.\n", "Spaced", "Gondor signed the pact."),
        # negative: quotes inside an unquoted field are text, not quoting
        ('id,title,text\n1,Plain,Gondor called it a "good day".\n', "Plain", 'Gondor called it a "good day".'),
    ],
)
def test_sources_csv_quoted_quotes_keep_the_row(tmp_path, settings, content, title, text):
    path = tmp_path / "export.csv"
    path.write_text(content, encoding="utf-8")
    items = list(read_paths([path], settings))
    assert [(i.title, i.content) for i in items] == [(title, text)]


@pytest.mark.parametrize("header", ["id,url,body", "a;b;c"])
def test_sources_csv_without_text_column_is_an_error(tmp_path, settings, header):
    path = tmp_path / "x.csv"
    path.write_text(f"{header}\n1,2,3\n", encoding="utf-8")
    assert kinds(read_paths([path], settings)) == ["E006"]


RSS = f"""<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Anduin Herald</title>
<item><title>Pact signed</title><link>https://herald.example/a</link><guid>a1</guid>
<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate><content:encoded><![CDATA[<p>{STORY}</p><p>Talks go on.</p>]]></content:encoded></item>
<item><title>Short</title><description>{STORY}</description></item>
<item><title>Empty</title></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Bree Gazette</title>
<entry><title>Pact</title><id>urn:x:1</id><link rel="alternate" href="https://bree.example/1"/>
<published>2026-03-03T10:00:00Z</published><content type="html">&lt;p&gt;{STORY}&lt;/p&gt;</content></entry></feed>"""


def test_sources_rss_items(tmp_path, settings):
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    items = list(read_paths([path], settings))
    assert kinds(items) == ["html", "text", "E006"]
    first = items[0]
    assert (first.id, first.url, first.title, first.published, first.publisher) == (
        "a1", "https://herald.example/a", "Pact signed", "2026-03-03", "Anduin Herald")


def test_sources_atom_entries_by_content(tmp_path, settings):
    path = tmp_path / "feed"  # no extension: sniffed
    path.write_text(ATOM, encoding="utf-8")
    (item,) = read_paths([path], settings)
    assert (item.kind, item.url, item.published, item.publisher) == ("html", "https://bree.example/1", "2026-03-03",
                                                                      "Bree Gazette")


def test_sources_broken_feed_recovers_or_reports(tmp_path, settings):
    path = tmp_path / "broken.rss"
    path.write_text(RSS[: len(RSS) // 2], encoding="utf-8")
    items = list(read_paths([path], settings))
    assert items and all(isinstance(i, (RawDocument, ErrorResult)) for i in items)


def _warc(records: list[tuple[str, str, bytes]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for url, ctype, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


@pytest.mark.parametrize("gz,name", [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_sources_warc_html_responses_only(tmp_path, settings, gz, name):
    data = _warc([("https://a.example/1", "text/html; charset=utf-8", f"<html><body><p>{STORY}</p></body></html>".encode()),
                  ("https://a.example/logo.png", "image/png", b"\x89PNG...."),
                  ("https://a.example/2", "text/plain", STORY.encode("cp1252"))], gz)
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_paths([path], settings))
    assert kinds(items) == ["html", "text"]
    assert items[0].url == "https://a.example/1"


def test_sources_truncated_warc_reports_error(tmp_path, settings):
    data = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\nshort")
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(data)
    items = list(read_paths([path], settings))
    assert all(isinstance(i, ErrorResult) for i in items)


def test_sources_folder_walk_sniffs_and_skips_assets(tmp_path, settings):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(f"<html><body><p>{STORY}</p></body></html>", encoding="utf-8")
    (tmp_path / "sub" / "noext").write_text(f'{{"text": "{STORY}"}}\n', encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "style.css").write_text("p{}", encoding="utf-8")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    assert kinds(read_paths([tmp_path], settings)) == ["text", "E002", "html", "text"]


def test_sources_stdin_is_sniffed(settings):
    stdin = io.BytesIO(f'id,text\n1,"{STORY}"\n'.encode())
    assert kinds(read_paths(["-"], settings, stdin=stdin)) == ["text"]


def test_sources_oversized_file_not_read(tmp_path, settings):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    small = settings.replace(max_bytes=1000)
    assert kinds(read_paths([path], small)) == ["E004"]


def test_sources_missing_path(tmp_path, settings):
    assert kinds(read_paths([tmp_path / "nope.txt"], settings)) == ["E008"]
