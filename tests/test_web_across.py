"""Across articles through the web: stories (paged, with a total), one story with its
statements and flags, statements, the source graph — as JSON, and drawn on the pages
(a story's timeline, the source graph as SVG, "also reported by" on an article)."""
from __future__ import annotations

import re
import warnings
from urllib.parse import quote

import pytest
from test_across_opposites import _mayor
from test_across_stories import _corpus

pytest.importorskip("claimgraph.store.search", reason="the store (claimgraph.store) is not in this build")

from claimgraph.across import persist  # noqa: E402
from claimgraph.across.linker import publication_order  # noqa: E402
from claimgraph.store import Store  # noqa: E402
from claimgraph.web import Settings, create_app  # noqa: E402

warnings.filterwarnings("ignore", message=".*httpx2.*")
from fastapi.testclient import TestClient  # noqa: E402


@pytest.fixture(scope="module")
def linked(reader, tmp_path_factory):
    arts = publication_order(_corpus())
    arts.append(_mayor("plant-a", '"The desalination plant will close next spring," Hana Pellworm said.',
                       "The desalination plant will close next spring", "direct",
                       outlet="<script>alert(1)</script>", published="2024-05-06"))
    arts.append(_mayor("plant-b", "Hana Pellworm said the desalination plant would not close next spring.",
                       "the desalination plant would not close next spring", outlet="Coast Daily",
                       published="2024-05-07"))
    store = Store(str(tmp_path_factory.mktemp("across-web") / "corpus.db"))
    store.ingest(arts)
    with TestClient(create_app(Settings(), reader=reader, store=store)) as client:
        yield client, store
    store.close()
    persist.forget()


def _ferry(client) -> dict:
    items = client.get("/stories", params={"limit": 500}).json()["items"]
    return next(s for s in items if any(a["id"] == "ferry-a" for a in s["articles"]))


def test_stories_page_with_a_total(linked):
    client, store = linked
    everything = client.get("/stories", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) == len(store.stories())
    ferry = _ferry(client)
    assert {a["id"]: a["copy_of"] for a in ferry["articles"]} == {
        "ferry-a": None, "ferry-b": None, "ferry-copy": "ferry-a"}
    first = client.get("/stories", params={"limit": 1}).json()
    second = client.get("/stories", params={"limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] == everything["total"]
    assert [first["items"][0]["id"], second["items"][0]["id"]] == [s["id"] for s in everything["items"][:2]]
    about = client.get("/stories", params={"about": "Ines Varga"}).json()
    assert ferry["id"] in [s["id"] for s in about["items"]] and about["total"] < everything["total"]
    for bad in ({"since": "last week"}, {"min_size": "x"}, {"colour": "red"}, {"limit": "0"}):
        r = client.get("/stories", params=bad)
        assert r.status_code == 400 and r.json()["error"]["code"] == "query.bad_filter", bad


def test_one_story_and_statements(linked):
    client, _ = linked
    ferry = _ferry(client)
    story = client.get(f"/stories/{ferry['id']}").json()
    [st] = [s for s in story["statements"] if s["speaker"] == "person:ines-varga"]
    assert st["first"] == "ferry-a"
    r = client.get("/stories/no-such-story")
    assert r.status_code == 404 and r.json()["error"]["code"] == "not_found"
    listed = client.get("/statements", params={"speaker": "Ines Varga"}).json()
    assert listed["total"] == 1 and listed["items"][0]["first"] == "ferry-a"
    one = client.get("/statements/ferry-b/Q1").json()
    assert [r["article"] for r in one["reports"]] == ["ferry-a", "ferry-b", "ferry-copy"]
    assert client.get("/statements/ferry-b/Q99").status_code == 404
    assert client.get("/statements", params={"misquotes": "perhaps"}).status_code == 400


def test_contradicting_statements_are_flags_of_their_story(linked):
    client, _ = linked
    stories = client.get("/stories", params={"limit": 500}).json()["items"]
    flags = [f for s in stories for f in client.get(f"/stories/{s['id']}").json()["flags"]
             if f["type"] == "statements"]
    assert flags and {(f["a"]["article"], f["b"]["article"]) for f in flags} == {("plant-a", "plant-b")}


def test_source_graph_and_table(linked):
    client, store = linked
    graph = client.get("/sources/graph").json()
    assert graph == store.source_graph()
    assert {"outlet:Harbour Post", "person:ines-varga"} <= {n["id"] for n in graph["nodes"]}
    table = client.get("/sources", params={"outlet": "Harbour Post", "top": 3}).json()
    assert [o["outlet"] for o in table] == ["Harbour Post"] and len(table[0]["sources"]) <= 3
    assert client.get("/sources", params={"top": "many"}).status_code == 400


def test_pages_draw_the_timeline_the_graph_and_other_reports(linked):
    client, store = linked
    ferry = _ferry(client)
    listing = client.get("/corpus/stories").text
    assert f'href="/corpus/stories/{quote(ferry["id"])}"' in listing
    page = client.get(f"/corpus/stories/{ferry['id']}").text
    days = re.findall(r'<time datetime="([^"]+)"', page)
    assert days == sorted(days) and days[0] == "2024-05-02"
    assert "republishes" in page and 'href="/corpus/articles/ferry-a"' in page
    graph_page = client.get("/corpus/sources")
    assert graph_page.status_code == 200
    svg = graph_page.text
    assert '<svg id="source-graph"' in svg
    drawn = len(re.findall(r'<path class="edge', svg))
    assert drawn == len(store.source_graph()["links"])
    assert "<script>alert(1)</script>" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "style=" not in svg and "style=" not in page  # the CSP forbids inline style
    article = client.get("/corpus/articles/ferry-b").text
    assert "Also reported by" in article and 'href="/corpus/articles/ferry-a#st-Q1"' in article
    plant = [f for s in client.get("/stories", params={"limit": 500}).json()["items"]
             for f in client.get(f"/stories/{s['id']}").json()["flags"] if f["type"] == "statements"]
    assert plant
    assert client.get("/corpus/stories/nope").status_code == 404


def test_the_story_pages_keep_their_size(linked):
    """The previous/next links of /corpus/stories keep the page's limit (they fell back to
    20 stories a page, so the next page overlapped the one after)."""
    client, store = linked
    total = client.get("/stories").json()["total"]
    assert total >= 3
    page = client.get("/corpus/stories", params={"limit": 1, "offset": 1}).text
    assert 'href="/corpus/stories?limit=1&amp;offset=2"' in page
    assert 'href="/corpus/stories?limit=1&amp;offset=0"' in page


def test_statements_page_in_the_database_and_unknown_outlets_are_errors(linked):
    client, store = linked
    everything = client.get("/statements", params={"all": "true", "limit": 500}).json()
    assert everything["total"] == len(everything["items"]) == len(store.statements(everything=True))
    second = client.get("/statements", params={"all": "true", "limit": 2, "offset": 2}).json()
    assert second["total"] == everything["total"]
    assert [s["id"] for s in second["items"]] == [s["id"] for s in everything["items"][2:4]]
    r = client.get("/sources", params={"outlet": "No Such Gazette"})
    assert r.status_code == 400 and "No Such Gazette" in r.json()["error"]["message"]
