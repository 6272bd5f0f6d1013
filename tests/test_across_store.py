"""Across articles in the store: linking at ingest (incremental, also after the process's
linker is gone), ``relink`` giving the same result, the CLI and API on a store — on SQLite
and PostgreSQL (``store_url``)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from test_across_stories import _corpus

from claimgraph.across import persist
from claimgraph.across.linker import publication_order
from claimgraph.cli import main
from claimgraph.store.api import Store


def _snapshot(store: Store) -> str:
    return json.dumps({"stories": store.stories(), "statements": store.statements(everything=True),
                       "graph": store.source_graph(),
                       "flags": [s["flags"] for s in (store.story(x["id"]) for x in store.stories())]},
                      sort_keys=True)


def test_incremental_linking_equals_relink(store_url):
    arts = publication_order(_corpus())
    store = Store(store_url)
    try:
        store.ingest(arts[:3], batch_size=2)
        persist.forget()  # as if another process went on: the linker is rebuilt from the store
        store.ingest(arts[3:], batch_size=2)
        incremental = _snapshot(store)
        stories = store.stories()
        ferry = next(s for s in stories if any(a["id"] == "ferry-a" for a in s["articles"]))
        assert {a["id"]: a["copy_of"] for a in ferry["articles"]} == {
            "ferry-a": None, "ferry-b": None, "ferry-copy": "ferry-a"}
        assert ferry["texts"] == 2
        st = store.statement("ferry-b/Q1")
        assert st["first"] == "ferry-a" and [r["article"] for r in st["reports"]] == [
            "ferry-a", "ferry-b", "ferry-copy"]
        from claimgraph.across.sources import outlets_of

        assert store.sources() == outlets_of(store.source_graph())  # SQL table = graph's
        assert store.stories(limit=1) == stories[:1]
        assert store.relink() == len(arts)
        assert _snapshot(store) == incremental
        # ingesting the same articles again changes nothing
        store.ingest(arts)
        assert _snapshot(store) == incremental
    finally:
        store.close()
        persist.forget()


def test_a_reread_article_relinks_to_the_same_result_as_relink(store_url):
    arts = publication_order(_corpus())
    store = Store(store_url)
    try:
        store.ingest(arts)
        before = _snapshot(store)
        # a new version of ferry-b that no longer reports Varga's statement, and another
        # article after it
        ferry_b = next(a for a in arts if a.id == "ferry-b")
        changed = type(ferry_b).from_record(ferry_b.to_record())
        changed.text = changed.text.replace("the hull was intact", "the hull was not yet inspected")
        changed.quotes = []
        summary = store.ingest([changed])
        assert summary.versions == 1 and summary.relinked == len(arts)
        incremental = _snapshot(store)
        assert incremental != before
        st = store.statement("ferry-a/Q1")
        assert [r["article"] for r in st["reports"]] == ["ferry-a", "ferry-copy"]
        persist.forget()
        assert store.relink() == len(arts)
        assert _snapshot(store) == incremental
        # a mark left by a process killed before its relink is cleared by the next ingest
        from claimgraph.store.schema import across_tables

        with store.engine.begin() as conn:
            persist.mark_stale(conn, across_tables, [1])
            assert persist.is_stale(conn, across_tables)
        extra = type(changed).from_record(changed.to_record())
        extra.id, extra.url = "ferry-note", None
        extra.text = "A short note on the Varnholm ferry, written later."
        assert store.ingest([extra]).relinked == len(arts) + 1
        with store.engine.connect() as conn:
            assert not persist.is_stale(conn, across_tables)
    finally:
        store.close()
        persist.forget()


def test_a_new_version_in_the_same_batch_or_under_another_id_relinks(store_url):
    """A correction in the same ingest batch as the article it corrects, or a new version
    under another id (same URL: the store's identity): neither leaves the superseded
    version's reports linked."""
    arts = publication_order(_corpus())
    for a in arts:
        a.url = f"https://news.example/{a.id}"
    ferry_b = next(a for a in arts if a.id == "ferry-b")
    changed = type(ferry_b).from_record(ferry_b.to_record())
    changed.text = changed.text.replace("the hull was intact", "the hull was not yet inspected")
    changed.quotes = []
    store = Store(store_url)
    try:
        for case in ("same batch", "another id"):
            if case == "same batch":
                summary = store.ingest(arts + [changed])
            else:
                renamed = type(changed).from_record(changed.to_record())
                renamed.id = "ferry-b-updated"
                renamed.text += " Updated."
                summary = store.ingest([renamed])
            assert summary.versions == 1 and summary.relinked == len(arts), case
            st = store.statement("ferry-a/Q1")
            assert [r["article"] for r in st["reports"]] == ["ferry-a", "ferry-copy"], case
            incremental = _snapshot(store)
            persist.forget()
            store.relink()
            assert _snapshot(store) == incremental, case
    finally:
        store.close()
        persist.forget()


def test_cli_on_the_store(store_url, capsys):
    arts = publication_order(_corpus())
    store = Store(store_url)
    store.ingest(arts)
    store.close()
    try:
        assert main(["stories", "--db", store_url, "--format", "json"]) == 0
        stories = json.loads(capsys.readouterr().out)
        assert {"id", "title", "articles"} <= set(stories[0])
        assert {"id", "outlet", "published", "copy_of"} <= set(stories[0]["articles"][0])
        ferry = next(s for s in stories if any(a["id"] == "ferry-a" for a in s["articles"]))
        assert main(["stories", "--db", store_url, "--about", "Ivo Brandt", "--format", "json"]) == 0
        about = json.loads(capsys.readouterr().out)
        assert about and all(s["id"] != ferry["id"] for s in about)
        assert main(["story", ferry["id"], "--db", store_url]) == 0
        out = capsys.readouterr().out
        assert "republishes ferry-a" in out and "Ines Varga" in out
        assert main(["statements", "--db", store_url, "--format", "json"]) == 0
        [st] = json.loads(capsys.readouterr().out)
        assert {"id", "speaker", "reports", "first", "misquotes"} <= set(st)
        assert {"article", "quote"} <= set(st["reports"][0])
        assert main(["sources", "--db", store_url, "--format", "graphml"]) == 0
        root = ET.fromstring(capsys.readouterr().out)
        assert root.findall(".//{http://graphml.graphdrawing.org/xmlns}edge")
        assert main(["sources", "--db", store_url, "--outlet", "Harbour Post"]) == 0
        assert capsys.readouterr().out.startswith("Harbour Post")
        assert main(["relink", "--db", store_url, "-q"]) == 0
        assert main(["story", "no-such-story", "--db", store_url]) == 1
    finally:
        persist.forget()


def test_stories_from_a_feed_of_read_records(tmp_path, capsys):
    feed = tmp_path / "read.jsonl"
    feed.write_text("".join(json.dumps(a.to_record()) + "\n" for a in _corpus()), encoding="utf-8")
    assert main(["stories", str(feed), "--format", "json", "--min-size", "2"]) == 0
    stories = json.loads(capsys.readouterr().out)
    assert sorted(len(s["articles"]) for s in stories) == [2, 3]
