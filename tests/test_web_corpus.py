"""The corpus through the web: POST /articles stores (idempotently), GET /articles/{id}
gives the stored record, search / quotes / attributions page with a total, the entity
profile, bad filters and injections are 4xx (never SQL), and the corpus pages render."""
from __future__ import annotations

import warnings
from pathlib import Path

import pytest

pytest.importorskip("claimgraph.store.search", reason="the store (claimgraph.store) is not in this build")

from claimgraph.store import Store  # noqa: E402
from claimgraph.web import Settings, create_app  # noqa: E402

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402

ARTICLES = Path(__file__).parent / "web_articles"
ROUNDUP = (ARTICLES / "river-roundup.txt").read_text(encoding="utf-8")
FERRY = ("“The ferry will run every hour from June,” said Ana Reyes, the harbour master. "
         "Passenger numbers rose by 8 percent last year, according to the port authority. "
         "“We expect a busy summer,” Reyes said.")
INJECTIONS = ["' OR 1=1 --", "x'); DROP TABLE articles; --", '" OR ""="', "%' OR '%'='",
              "Robert'); DELETE FROM quotes; --", "1; SELECT * FROM sqlite_master"]


@pytest.fixture(scope="module")
def corpus(reader, tmp_path_factory):
    store = Store(str(tmp_path_factory.mktemp("corpus") / "corpus.db"))
    with TestClient(create_app(Settings(), reader=reader, store=store)) as client:
        for body in ({"id": "river-roundup", "text": ROUNDUP, "published": "2026-03-04",
                      "outlet": "Tidewire"},
                     {"id": "ferry", "text": FERRY, "published": "2026-05-04", "outlet": "Coastwire"}):
            r = client.post("/articles", json=body)
            assert r.status_code == 201, r.text
            assert r.json()["stored"] is True and r.json()["href"] == f"/articles/{body['id']}"
        yield client, store
    store.close()


def test_ingest_is_idempotent(corpus):
    client, _ = corpus
    r = client.post("/articles", json={"id": "ferry", "text": FERRY, "published": "2026-05-04",
                                       "outlet": "Coastwire"})
    assert r.status_code == 200 and r.json()["stored"] is False
    assert client.get("/stats").json()["articles"] == 2


def test_stored_record_is_the_read_record(corpus):
    client, _ = corpus
    read = client.post("/read", json={"id": "river-roundup", "text": ROUNDUP,
                                      "published": "2026-03-04", "outlet": "Tidewire"})
    stored = client.get("/articles/river-roundup")
    assert stored.status_code == 200
    assert stored.json() == read.json()
    r = client.get("/articles/no-such-article")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_search_pages_with_a_total(corpus):
    client, _ = corpus
    hit = client.get("/search", params={"q": "downstream"}).json()
    assert hit["total"] == 1 and hit["items"][0]["article_id"] == "river-roundup"
    assert hit["items"][0]["speaker"] and hit["items"][0]["layer"] == "quotes"
    everything = client.get("/quotes", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) >= 5
    assert all(h["layer"] == "quotes" for h in everything["items"])
    first = client.get("/quotes", params={"limit": 2, "offset": 0}).json()
    second = client.get("/quotes", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == everything["total"]
    assert len(first["items"]) == len(second["items"]) == 2
    key = lambda h: (h["article_id"], h["item"])  # noqa: E731
    assert [key(h) for h in first["items"] + second["items"]] == [key(h) for h in everything["items"][:4]]
    sources = client.get("/attributions").json()
    assert sources["total"] >= 2 and all(h["layer"] == "attributions" for h in sources["items"])


def test_filters_as_on_the_command_line(corpus):
    client, _ = corpus
    said = client.get("/quotes", params={"speaker": "Okonjo"}).json()  # an alias finds him
    assert said["total"] == 3 and {h["speaker_key"] for h in said["items"]} == {said["items"][0]["speaker_key"]}
    assert {h["speaker_name"] for h in said["items"]} == {"Piet Okonjo"}  # though written "He", "Okonjo"
    assert client.get("/search", params={"outlet": "Coastwire"}).json()["total"] >= 2
    assert client.get("/search", params={"since": "2026-05-01"}).json()["total"] == \
        client.get("/search", params={"outlet": "Coastwire"}).json()["total"]
    assert client.get("/search", params={"kind": "attribution"}).json()["total"] == \
        client.get("/attributions").json()["total"]
    r = client.get("/search", params={"speaker": "Nobody Atall"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "query.bad_filter"
    r = client.get("/search", params={"q": '"unclosed'})
    assert r.status_code == 400 and r.json()["error"]["code"] == "query.bad_filter"


@pytest.mark.parametrize("name", ["q", "speaker", "source", "about", "outlet", "kind", "certainty",
                                  "since"])
def test_injections_never_reach_sql(corpus, name):
    client, store = corpus
    before = store.stats()
    for value in INJECTIONS:
        r = client.get("/search", params={name: value})
        assert r.status_code in (200, 400), (name, value, r.text)
        if r.status_code == 200:
            assert r.json()["total"] == 0
    assert store.stats()["articles"] == before["articles"] and store.stats()["quotes"] == before["quotes"]


def test_entity_profile(corpus):
    client, _ = corpus
    p = client.get("/entities/Clara Vance").json()
    assert p["name"] == "Clara Vance" and "river-roundup" in p["articles"]
    assert any("downstream" in h["content"] for h in p["said"])
    r = client.get("/entities/Nobody Atall")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"


def test_corpus_pages(corpus):
    client, _ = corpus
    r = client.get("/corpus", params={"q": "downstream"})
    assert r.status_code == 200 and 'class="hit-link" href="/corpus/articles/river-roundup#st-Q' in r.text
    r = client.get("/corpus", params={"kind": "bogus"})
    assert r.status_code == 400 and "kind" in r.text
    r = client.get("/corpus/articles/river-roundup")
    assert r.status_code == 200 and 'id="text-view"' in r.text and "Tidewire" in r.text
    r = client.get("/corpus/entities/Clara Vance")
    assert r.status_code == 200 and "downstream" in r.text
    r = client.get("/corpus/articles/missing")
    assert r.status_code == 404 and "missing" in r.text and "<html" in r.text
    many = client.get("/corpus", params={"kind": "direct", "limit": 2})
    assert 'rel="next"' in many.text


def test_entities_list_with_filters(corpus):
    client, store = corpus
    everything = client.get("/entities", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) >= 3
    mentions = [e["mentions"] for e in everything["items"]]
    assert mentions == sorted(mentions, reverse=True)
    people = client.get("/entities", params={"type": "person", "limit": 500}).json()
    assert people["items"] and all(e["type"] == "PERSON" for e in people["items"])
    vance = client.get("/entities", params={"q": "vance"}).json()
    assert [e["name"] for e in vance["items"]] == ["Clara Vance"]
    assert client.get("/entities", params={"q": "%"}).json()["total"] == 0  # a literal %, not a wildcard
    page = client.get("/entities", params={"limit": 1, "offset": 1}).json()
    assert page["items"][0]["key"] == everything["items"][1]["key"]
    for bad in ({"type": "ALIEN"}, {"min_mentions": "x"}, {"colour": "red"}):
        r = client.get("/entities", params=bad)
        assert r.status_code == 400 and r.json()["error"]["code"] == "query.bad_filter", bad
