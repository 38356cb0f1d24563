"""POST /api/extract: one article through the pipeline, not stored; size-limited."""

from __future__ import annotations

import pytest

from diurna.server import create_app
from diurna.server.schemas import MAX_EXTRACT_CHARS

TEXT = ("Gondor's King Elessar met Rohan's Queen Eowyn in Minas Tirith on Tuesday. "
        "\"We stand together,\" Eowyn told reporters.")


@pytest.fixture(scope="module")
def extract_client(db, settings, pipeline):
    from fastapi.testclient import TestClient

    with TestClient(create_app(db, settings, pipeline=pipeline), base_url="http://localhost") as c:
        yield c


def test_extract_one_article(extract_client):
    resp = extract_client.post("/api/extract", json={"text": TEXT, "published": "2026-03-04"})
    assert resp.status_code == 200, resp.text
    out = resp.json()
    text = out["text"]
    assert out["events"] and out["quotes"]
    for quote in out["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    assert extract_client.get("/api/events").json()["total"] == 4   # nothing stored


def test_extract_written_date_and_byline(extract_client):
    body = {"text": TEXT, "title": "Elessar and Eowyn meet", "author": "Ada Vell", "published": "Wed Mar 4, 2026"}
    out = extract_client.post("/api/extract", json=body).json()
    assert (out["published"], out["title"], out["author"]) == ("2026-03-04", "Elessar and Eowyn meet", "Ada Vell")


@pytest.mark.parametrize(("body", "status"), [
    ({}, 422),                                        # neither text nor html
    ({"text": TEXT, "html": "<p>x</p>"}, 422),        # both
    ({"text": "   "}, 422),                           # empty: the pipeline's E001 comes back
    ({"text": TEXT, "published": "soon"}, 422),       # no date (04/03/2026 now reads month first)
    ({"text": "x" * (MAX_EXTRACT_CHARS + 1)}, 422),   # over the per-article cap
    ({"text": TEXT, "model": "other"}, 422),          # unknown field
])
def test_extract_refuses(extract_client, body, status):
    assert extract_client.post("/api/extract", json=body).status_code == status
