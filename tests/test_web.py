"""The web API and the Read page, in-process (no browser): the record of POST /read is
byte for byte the record of ``claimgraph read --format json``; bad input is a JSON error
with a stable code and the right 4xx; the page escapes everything a hostile article holds
and every response carries the Content-Security-Policy; writes need the token."""
from __future__ import annotations

import json
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pytest

from claimgraph.cli import main
from claimgraph.web import Settings, create_app
from claimgraph.web.render import marked_text
from claimgraph.web.security import CSP

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

ARTICLES = Path(__file__).parent / "web_articles"
ROUNDUP = ARTICLES / "river-roundup.txt"
HOSTILE = ARTICLES / "hostile.txt"
SMALL = ("“The ferry will run every hour from June,” said Ana Reyes, the harbour master. "
         "Passenger numbers rose by 8 percent last year, according to the port authority.")


def cli_json(record) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


@pytest.fixture(scope="module")
def client(reader):
    with TestClient(create_app(Settings(max_body=200_000), reader=reader)) as c:
        yield c


def error_of(response) -> dict:
    body = response.json()
    assert set(body) == {"error"}, body
    assert body["error"]["status"] == response.status_code
    assert body["error"]["message"]
    return body["error"]


# ----------------------------------------------------------------------------- POST /read

def test_read_json_body_is_the_record_byte_for_byte(client, reader):
    r = client.post("/read", json={"id": "ferry", "text": SMALL, "published": "2026-05-04",
                                   "outlet": "Coastwire", "extra": "ignored"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    expected = reader.read(SMALL, id="ferry", published="2026-05-04", outlet="Coastwire")
    assert r.content == cli_json(expected.to_record()).encode("utf-8")
    assert list(r.json())[0] == "schema_version"
    timing = dict(part.strip().split(";dur=") for part in r.headers["server-timing"].split(","))
    assert set(timing) == {"input", "read", "json"} and all(float(v) >= 0 for v in timing.values())


def test_read_upload_equals_claimgraph_read_output(client, capsys):
    assert main(["read", str(ROUNDUP), "--format", "json", "--published", "2026-03-04"]) == 0
    cli_out = capsys.readouterr().out
    r = client.post("/read", files={"file": (ROUNDUP.name, ROUNDUP.read_bytes(), "text/plain")},
                    data={"published": "2026-03-04"})
    assert r.status_code == 200, r.text
    assert r.content == cli_out.encode("utf-8")


def test_read_feed_line_with_html_and_a_plain_text_body(client):
    page = ("<html><head><title>Ferry news</title></head><body><nav>Home | Sport</nav>"
            f"<article><p>{SMALL}</p></article></body></html>")
    r = client.post("/read", json={"html": page, "url": "https://example.org/ferry"})
    assert r.status_code == 200, r.text
    rec = r.json()
    assert "Ana Reyes" in rec["text"] and "Home | Sport" not in rec["text"]
    assert rec["title"] == "Ferry news" and rec["url"] == "https://example.org/ferry"
    r = client.post("/read", files={"file": ("ferry.html", page.encode(), "text/html")})
    assert r.status_code == 200 and r.json()["id"] == "ferry" and r.json()["title"] == "Ferry news"
    assert "Home | Sport" not in r.json()["text"]
    r = client.post("/read?title=Ferry&published=2026-05-04", content=SMALL.encode(),
                    headers={"content-type": "text/plain; charset=utf-8"})
    assert r.status_code == 200 and r.json()["title"] == "Ferry" and r.json()["text"] == SMALL


def test_bad_published_date_is_ignored_with_a_warning(client):
    r = client.post("/read", json={"text": SMALL, "published": "next week"})
    assert r.status_code == 200 and r.json()["published"] is None
    assert "published" in r.headers["x-claimgraph-warning"]


@pytest.mark.parametrize("kwargs, status, code", [
    ({"json": {"text": ""}}, 422, "input.empty"),
    ({"json": {"text": " \n\t "}}, 422, "input.empty"),
    ({"json": {"title": "no text"}}, 422, "input.no_text_field"),
    ({"json": {"text": 42}}, 422, "input.bad_field"),
    ({"json": [{"text": "a list"}]}, 400, "input.not_object"),
    ({"content": b'{"text": "unclosed', "headers": {"content-type": "application/json"}}, 400,
     "input.not_json"),
    ({"content": b'{"text": "caf\xe9"}', "headers": {"content-type": "application/json"}}, 400,
     "input.not_utf8"),
    ({"files": {"file": ("old.txt", "Caf\u00e9 au lait, said Ana.".encode("cp1252"))}}, 400,
     "input.not_utf8"),
    ({"files": {"file": ("blob.txt", b"\x00\x01\x02binary" * 10)}}, 400, "input.binary"),
    ({"files": {"file": ("empty.txt", b"   ")}}, 422, "input.empty"),
    ({"content": b"<x/>", "headers": {"content-type": "application/xml"}}, 415,
     "request.bad_content_type"),
])
def test_bad_input_is_a_json_error_with_code_and_status(client, kwargs, status, code):
    r = client.post("/read", **kwargs)
    assert r.status_code == status, r.text
    assert error_of(r)["code"] == code


def test_body_too_large_is_413_declared_or_streamed(client):
    r = client.post("/read", json={"text": "word " * 50_000})
    assert r.status_code == 413 and error_of(r)["code"] == "request.too_large"
    assert "200,000 bytes" in error_of(r)["message"]

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(30):
            yield b"x" * 10_000

    r = client.post("/read", content=chunks(), headers={"content-type": "text/plain"})
    assert r.status_code == 413 and error_of(r)["code"] == "request.too_large"


def test_default_limit_is_ten_megabytes():
    from claimgraph.web.security import MAX_BODY

    assert Settings().max_body == MAX_BODY == 10_000_000


def test_unknown_route_and_method(client):
    r = client.get("/no/such/thing")
    assert r.status_code == 404 and error_of(r)["code"] == "not_found"
    r = client.get("/read")
    assert r.status_code == 405 and error_of(r)["code"] == "request.method"
    assert set(client.get("/errors").json()) >= {"request.method", "request.too_large", "not_found"}


# ----------------------------------------------------------------------------- server

def test_health_version_docs(client):
    assert client.get("/health").json() == {"status": "ok", "model_loaded": True, "store": False}
    v = client.get("/version").json()
    assert v["claimgraph"] and v["schema_version"] == 2
    schema = client.get("/openapi.json").json()
    assert {"/read", "/articles", "/articles/{article_id}", "/search", "/health"} <= set(schema["paths"])
    body = schema["paths"]["/read"]["post"]["requestBody"]["content"]
    assert {"application/json", "multipart/form-data", "text/plain"} <= set(body)
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/read" in docs.text and "request.too_large" in docs.text
    assert "cdn" not in docs.text.lower()


def test_every_response_has_the_security_headers(client):
    for r in (client.get("/"), client.get("/static/app.js"), client.get("/nope"),
              client.post("/read", json={"text": SMALL}), client.post("/read", json={"text": ""})):
        assert r.headers["content-security-policy"] == CSP
        assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_no_store_means_503_for_the_corpus(client):
    for path in ("/search", "/quotes", "/attributions", "/articles/x", "/entities/x", "/stats"):
        r = client.get(path)
        assert r.status_code == 503 and error_of(r)["code"] == "store.none", path
    assert client.get("/corpus").status_code == 503


@pytest.mark.parametrize("query, name", [("kind=bogus", "kind"), ("since=yesterday", "since"),
                                         ("certainty=sure", "certainty"), ("limit=0", "limit"),
                                         ("limit=abc", "limit"), ("anonymous=maybe", "anonymous"),
                                         ("speakr=Ana", "speakr"),
                                         ("since=2026-05-02&until=2026-05-01", "since")])
def test_bad_filter_is_400(client, query, name):
    r = client.get(f"/search?{query}")
    assert r.status_code == 400, r.text
    err = error_of(r)
    assert err["code"] == "query.bad_filter" and err["message"].startswith(name)


# ----------------------------------------------------------------------------- writes

@pytest.fixture(scope="module")
def locked(reader):
    with TestClient(create_app(Settings(token="s3cret-token"), reader=reader)) as c:
        yield c


def test_writes_need_the_token(locked):
    r = locked.post("/articles", json={"text": SMALL})
    assert r.status_code == 401 and error_of(r)["code"] == "auth.token_required"
    r = locked.post("/articles", json={"text": SMALL}, headers={"authorization": "Bearer nope"})
    assert r.status_code == 403 and error_of(r)["code"] == "auth.bad_token"
    r = locked.post("/articles", json={"text": SMALL},
                    headers={"authorization": "Bearer s3cret-token"})
    assert r.status_code == 503 and error_of(r)["code"] == "store.none"  # past the token
    # reading is no write: no token needed
    assert locked.post("/read", json={"text": SMALL}).status_code == 200


def test_writes_from_another_site_are_refused(client):
    r = client.post("/articles", json={"text": SMALL}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403 and error_of(r)["code"] == "auth.cross_origin"
    r = client.post("/articles", json={"text": SMALL}, headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403


def test_serve_refuses_a_public_address_without_a_token(monkeypatch, capsys):
    from claimgraph.commands import serve

    monkeypatch.delenv("CLAIMGRAPH_TOKEN", raising=False)
    assert main(["serve", "--host", "0.0.0.0", "--port", "8999"]) == 2
    assert "CLAIMGRAPH_TOKEN" in capsys.readouterr().err
    import argparse

    ap = argparse.ArgumentParser()
    serve.add_parser(ap.add_subparsers())
    args = ap.parse_args(["serve", "--host", "0.0.0.0"])
    monkeypatch.setenv("CLAIMGRAPH_TOKEN", "t0ken")
    settings, problem = serve.settings_from(args)
    assert problem is None and settings.token == "t0ken"
    settings, problem = serve.settings_from(ap.parse_args(["serve", "--max-body", "2MB"]))
    assert settings.max_body == 2_000_000


# ----------------------------------------------------------------------------- the page

class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside <script> elements."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


SAFE_TAGS = {"html", "head", "meta", "title", "link", "script", "body", "a", "header", "nav",
             "main", "footer", "section", "h1", "h2", "h3", "h4", "p", "div", "form", "label",
             "textarea", "input", "button", "span", "article", "details", "summary", "ul", "li",
             "code", "strong", "br", "aside", "blockquote", "dl", "dt", "dd"}


def test_page_reads_and_marks_the_roundup(client, reader):
    text = ROUNDUP.read_text(encoding="utf-8")
    r = client.post("/", data={"text": text.replace("\n", "\r\n"), "published": "2026-03-04"})
    assert r.status_code == 200
    article = reader.read(text, published="2026-03-04")
    for q in article.quotes:  # every quote is a focusable highlight with its details
        assert f'id="st-{q.id}"' in r.text and f'id="detail-{q.id}"' in r.text
    assert "Piet Okonjo" in r.text and "Who said what" in r.text
    assert "1 consistency check failed" in r.text and "$36,000/year" in r.text
    assert 'class="qty bad"' in r.text


def test_page_shows_a_statement_with_no_speaker_and_its_reason(client, reader):
    text = ("“We are running out of time and nobody in this city seems to care.”\n\n"
            "The council met on Monday to discuss the budget for next year.")
    r = client.post("/", data={"text": text})
    assert r.status_code == 200
    q = reader.read(text).quotes[0]
    assert q.speaker is None and q.reason
    assert f'id="detail-{q.id}"' in r.text
    assert 'class="d-no-speaker">no speaker<' in r.text and q.reason in r.text


def test_page_errors_are_shown_in_the_form(client):
    r = client.post("/", data={"text": "   "})
    assert r.status_code == 422 and "empty text" in r.text and 'role="alert"' in r.text


def test_hostile_article_is_escaped_everywhere(client):
    text = HOSTILE.read_text(encoding="utf-8")
    r = client.post("/", data={"text": text, "title": '<script>alert("t")</script>',
                               "outlet": '"><img src=x onerror=alert(1)>',
                               "url": "javascript:alert(1)"})
    assert r.status_code == 200
    parser = Tags()
    parser.feed(r.text)
    scripts = [a for t, a in parser.tags if t == "script"]
    assert scripts == [{"src": "/static/app.js?v=" + client.get("/version").json()["claimgraph"],
                        "defer": None}]
    for tag, attrs in parser.tags:
        assert tag in SAFE_TAGS, tag
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        for key in ("href", "src", "action"):
            assert not (attrs.get(key) or "").strip().lower().startswith("javascript"), (tag, attrs)
        assert "style" not in attrs
    assert "&lt;script&gt;" in r.text and "&lt;/textarea&gt;" in r.text
    assert "{{ 7*7 }}" in r.text  # data, not a template


def test_marked_text_nests_crossing_spans_and_escapes():
    from claimgraph.model import Article, Attribution, DateExpr, Entity, Quote

    text = "“A <b> & B,” said Ana Reyes on Monday, according to the board."

    def at(part, n=0):
        start = text.index(part)
        return (start, start + len(part))

    article = Article(id="x", text=text,
                      entities=[Entity("E1", "Ana Reyes", "PERSON", mentions=[at("Ana Reyes")])],
                      quotes=[Quote("Q1", "direct", at("A <b> & B,"), cue=at("said"), speaker="E1",
                                    speaker_mention=at("Ana Reyes"))],
                      # a claim that starts inside the quote and ends inside the date
                      attributions=[Attribution("A1", None, "the board", at("the board"),
                                                at("according to"), (text.index("&"), text.index("day")))],
                      dates=[DateExpr("D1", at("Monday"), value="2026-05-04", resolved=True)])
    html = str(marked_text(article))
    depth, opened = 0, 0
    for token in html.replace("<span", "\0<span").replace("</span>", "\0</span>\0").split("\0"):
        if token.startswith("<span"):
            depth += 1
            opened += 1
        elif token == "</span>":
            depth -= 1
        assert depth >= 0
    assert depth == 0 and opened >= 7
    assert html.count('data-item="Q1"') == 1 and html.count('data-item="A1"') == 2  # split once
    assert html.count('tabindex="0"') == 2  # one focusable piece per statement
    assert "&lt;b&gt;" in html and "&amp;" in html and "<b>" not in html
    import re

    assert re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">") \
        .replace("&amp;", "&").replace("&#34;", '"').replace("&#39;", "'") == article.text


def test_concurrent_requests_are_read_in_batches_with_the_same_records(reader):
    import asyncio

    import httpx

    app = create_app(Settings(), reader=reader)
    texts = [ROUNDUP.read_text(encoding="utf-8"), SMALL, HOSTILE.read_text(encoding="utf-8"),
             SMALL.replace("Ana Reyes", "Jon Pike")] * 2
    batches = []
    service = app.state.service
    original = service.read_batch
    service.read_batch = lambda items: batches.append(len(items)) or original(items)

    async def go():
        await service.start()
        try:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                return await asyncio.gather(*(client.post("/read", json={"text": t}) for t in texts),
                                            client.post("/read", json={"text": ""}))
        finally:
            await service.stop()

    *answers, empty = asyncio.run(go())
    assert empty.status_code == 422  # a bad article among good ones
    for text, r in zip(texts, answers):
        assert r.status_code == 200
        assert r.content == cli_json(reader.read(text, id="article").to_record()).encode("utf-8")
    assert max(batches) > 1 and sum(batches) == len(texts)


class StubReader:
    """A reader that finds nothing, fast: for tests about the transport, not the reading."""

    _nlp = nlp = object()

    def read_many(self, items):
        from claimgraph.model import Article

        for item in items:
            yield Article(id=item.id, text=item.text, title=item.title, published=item.published)


def test_a_long_article_pasted_into_the_page_is_read():
    # over python-multipart's default part size (1 MB) but under the body limit: not refused
    with TestClient(create_app(Settings(max_body=3_000_000), reader=StubReader())) as big:
        text = ("The ferry ran late again on Monday, passengers said. " * 24_000)[:1_200_000]
        r = big.post("/", files={"text": (None, text)})
        assert r.status_code == 200, r.text[:300]
        assert 'id="text-view"' in r.text
        r = big.post("/read", files={"text": (None, text)})
        assert r.status_code == 200 and len(r.json()["text"]) == 1_200_000


def test_serve_with_a_store_this_build_lacks_or_cannot_open(monkeypatch, capsys, tmp_path):
    try:
        import claimgraph.store  # noqa: F401
    except ImportError:
        assert main(["serve", "--db", str(tmp_path / "corpus.db")]) == 2
        assert "no store" in capsys.readouterr().err
        return
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not a database" * 100)
    assert main(["serve", "--db", str(bad)]) == 2
    assert "cannot use the store" in capsys.readouterr().err
