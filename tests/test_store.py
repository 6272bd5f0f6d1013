"""The store: round trip (``read`` = ``show``), idempotent and versioned ingest, re-reading,
database faults, migrations. Every test runs on SQLite and on PostgreSQL (``store_url``).
All article text here was written for these tests."""
from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from claimgraph.cli import main
from claimgraph.model import Article, ArticleInput, Entity, Quote
from claimgraph.store import Store
from claimgraph.store.errors import SchemaTooNew, StoreError

HARBOUR = ("“The new ferry will run every hour from June,” Mayor Lena Ortiz said on Monday. "
           "According to the port authority, the service cost 12 million dollars and may be "
           "delayed.\n\nOrtiz added that about 300 people use the old boat each day.")
BRIDGE = ("The city council said the bridge repairs would take six weeks. “We have no choice,” "
          "said council leader Tom Aker, a former engineer. Some residents said the works were "
          "probably too late.")
SCHOOL = ("Lena Ortiz told parents on Friday that the school would reopen next week, officials said.")


def feed(tmp_path, records, name="feed.jsonl"):
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


RECORDS = [
    {"id": "h1", "text": HARBOUR, "outlet": "Harbour Times", "published": "2024-03-04",
     "url": "https://example.org/ferry"},
    {"id": "b1", "text": BRIDGE, "outlet": "Coast Daily", "published": "2024-03-09"},
    {"id": "s1", "text": SCHOOL, "outlet": "Harbour Times", "published": "2024-04-12"},
]


def stats(url):
    out = Store(url).stats()
    return {k: v for k, v in out.items() if k not in ("database",)}


def test_read_output_equals_show_output(store_url, tmp_path, capsys):
    for rec in RECORDS:
        path = feed(tmp_path, [rec], name=f"{rec['id']}.jsonl")
        assert main(["read", str(path)]) == 0
        printed = capsys.readouterr().out
        assert main(["read", str(path), "--format", "json"]) == 0
        record = json.loads(capsys.readouterr().out)
        assert main(["ingest", str(path), "--db", store_url, "-q"]) == 0
        capsys.readouterr()
        assert main(["show", rec["id"], "--db", store_url]) == 0
        assert capsys.readouterr().out == printed  # byte for byte
        assert main(["show", rec["id"], "--db", store_url, "--format", "json"]) == 0
        assert json.loads(capsys.readouterr().out) == record
        assert Store(store_url).record(rec["id"]) == record


def test_ingest_is_idempotent_and_reports(store_url, tmp_path, capsys):
    path = feed(tmp_path, RECORDS)
    path.write_text(path.read_text() + "{not json\n" + json.dumps({"id": "e", "text": "  "}) + "\n")
    assert main(["ingest", str(path), "--db", store_url]) == 1
    err = capsys.readouterr().err
    assert "feed.jsonl:4: not JSON" in err and "feed.jsonl:5" in err
    assert "read 3, stored 3, skipped 0 (already stored), failed 2" in err
    first = stats(store_url)
    assert first["articles"] == 3 and first["quotes"] >= 2 and first["attributions"] >= 1
    assert main(["ingest", str(path), "--db", store_url]) == 1
    assert "read 0, stored 0, skipped 3 (already stored), failed 2" in capsys.readouterr().err
    assert stats(store_url) == first
    assert main(["stats", "--db", store_url, "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["articles"] == 3 and out["outlets"] == {"Harbour Times": 2, "Coast Daily": 1}
    assert out["published"] == {"first": "2024-03-04", "last": "2024-04-12"}


def test_changed_text_is_a_new_version(store_url, tmp_path, capsys):
    assert main(["ingest", str(feed(tmp_path, RECORDS[:2])), "--db", store_url, "-q"]) == 0
    store = Store(store_url)
    old_uid = store.versions("h1")[0]["uid"]
    changed = dict(RECORDS[0], id="h1-renamed", text=HARBOUR.replace("every hour", "twice a day"))
    changed_b = dict(RECORDS[1], text=BRIDGE + " The mayor did not comment.")
    assert main(["ingest", str(feed(tmp_path, [changed, changed_b], "v2.jsonl")), "--db", store_url,
                 "-q"]) == 0
    out = stats(store_url)
    assert out["articles"] == 2 and out["versions"] == 4 and out["superseded"] == 2
    versions = store.versions("https://example.org/ferry")  # the same URL: the same article
    assert [v["version"] for v in versions] == [1, 2] and versions[0]["superseded"]
    assert versions[0]["uid"] == old_uid
    assert "twice a day" in store.article("h1-renamed").text
    assert "every hour" in store.article("https://example.org/ferry", version=1).text
    assert store.article("b1").text.endswith("did not comment.")
    assert main(["show", "b1", "--version", "1", "--db", store_url, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["text"] == BRIDGE


def test_reread_replaces_layers_in_place(store_url, tmp_path, capsys):
    path = feed(tmp_path, RECORDS)
    assert main(["ingest", str(path), "--db", store_url, "-q"]) == 0
    before = stats(store_url)
    uids = {r["id"]: Store(store_url).versions(r["id"])[0]["uid"] for r in RECORDS}
    with sa.create_engine(Store(store_url).url).begin() as conn:  # as if an older reader stored it
        conn.execute(sa.text("DELETE FROM quotes"))
        conn.execute(sa.text("UPDATE articles SET reader_version = 'claimgraph 0.0.1'"))
    assert stats(store_url)["quotes"] == 0
    assert main(["ingest", "--reread", "--db", store_url]) == 0
    assert "re-read 3" in capsys.readouterr().err
    after = stats(store_url)
    assert after == before
    assert {r["id"]: Store(store_url).versions(r["id"])[0]["uid"] for r in RECORDS} == uids
    assert main(["ingest", str(path), "--reread", "--db", store_url, "-q"]) == 0
    assert stats(store_url) == before


def test_registry_keys_link_spellings_across_articles(store_url):
    def art(aid, name, aliases, text):
        end = text.index(" said")
        ent = Entity("E1", name, "PERSON", [(0, end)], aliases, country="UKR", role="President")
        q = Quote("Q1", "direct", (end + 7, len(text) - 1), cue=(end + 1, end + 5), speaker="E1")
        return Article(id=aid, text=text, entities=[ent], quotes=[q], outlet="Wire",
                       published="2024-01-0" + aid[-1])

    store = Store(store_url)
    summary = store.ingest([
        art("z1", "Volodymyr Zelensky", ["Volodymyr Zelensky", "Zelensky"],
            "Volodymyr Zelensky said: help is coming."),
        art("z2", "Volodymyr Zelensky", ["Volodymyr Zelensky", "Zelensky", "Mr. Zelensky"],
            "Mr. Zelensky said: talks continue now."),
    ])
    assert summary.stored == 2
    k1 = store.article("z1").entities[0].key
    assert k1 and store.article("z2").entities[0].key == k1
    for name in ("Zelensky", "Mr. Zelensky", "volodymyr zelensky", k1):
        assert sorted(h.article_id for h in store.search(speaker=name)) == ["z1", "z2"], name


def test_entities_command_keeps_its_registry_in_the_store(store_url, tmp_path, capsys):
    path = feed(tmp_path, RECORDS)
    assert main(["entities", str(path), "--db", store_url, "--format", "json"]) == 0
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    ortiz = next(e for e in out if e["name"] == "Lena Ortiz")
    assert ortiz["articles"] == ["h1", "s1"]
    assert stats(store_url)["articles"] == 3  # the readings are stored too
    mention_keys = Store(store_url).article("s1").entities
    assert ortiz["key"] in {e.key for e in mention_keys}


# -- faults ------------------------------------------------------------------------------------
def test_unopenable_and_foreign_databases_exit_2(tmp_path, capsys):
    assert main(["stats", "--db", str(tmp_path / "no" / "such" / "dir" / "x.db")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot open" in err
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    assert main(["ingest", str(feed(tmp_path, RECORDS[:1])), "--db", str(junk)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a claimgraph database" in err
    assert main(["stats", "--db", "postgresql://nobody@127.0.0.1:1/none"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert main(["stats", "--db", "mysql://x@y/z"]) == 2
    assert "unsupported database" in capsys.readouterr().err


def test_newer_schema_is_refused(store_url, tmp_path, capsys):
    Store(store_url).close()
    with sa.create_engine(Store(store_url).url).begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(SchemaTooNew):
        Store(store_url)
    for argv in (["stats"], ["ingest", str(feed(tmp_path, RECORDS[:1]))], ["show", "h1"],
                 ["db", "upgrade"], ["search", "ferry"]):
        assert main([*argv, "--db", store_url]) == 2
        err = capsys.readouterr().err
        assert "newer than this claimgraph" in err and err.count("\n") == 1, argv


def test_locked_database_exit_2(store_url, tmp_path, capsys, monkeypatch):
    from claimgraph.store import backend

    monkeypatch.setenv(backend.TIMEOUT_ENV, "0.5")
    store = Store(store_url)
    holder = backend.write_connection(store.engine)
    tx = backend.begin_write(holder)  # another writer, mid-transaction
    try:
        with pytest.raises(StoreError, match="locked by another writer"):
            store.writer()
        assert main(["ingest", str(feed(tmp_path, RECORDS[:1])), "--db", store_url]) == 2
        err = capsys.readouterr().err
        assert "locked by another writer" in err and err.count("\n") == 1
    finally:
        tx.rollback()
        holder.close()
    assert main(["ingest", str(feed(tmp_path, RECORDS[:1])), "--db", store_url, "-q"]) == 0


def test_migrations_match_the_schema_and_db_commands(store_url, capsys):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from claimgraph.store import db
    from claimgraph.store.schema import metadata

    assert main(["db", "upgrade", "--db", store_url]) == 0
    assert "upgraded from empty to " + db.head_revision() in capsys.readouterr().out
    assert main(["db", "upgrade", "--db", store_url]) == 0
    assert "(latest)" in capsys.readouterr().out
    assert main(["db", "current", "--db", store_url]) == 0
    assert f"revision {db.head_revision()}" in capsys.readouterr().out

    def keep(obj, name, type_, reflected, compare_to):
        return not (type_ == "table" and (name.endswith("_fts") or "_fts_" in name
                                          or name == "alembic_version"))\
            and not (type_ == "index" and name and name.endswith("_fts"))

    engine = sa.create_engine(Store(store_url).url)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": keep, "compare_type": True})
        diffs = compare_metadata(ctx, metadata)
    engine.dispose()
    assert diffs == []


def test_every_layer_of_the_model_has_its_table_after_migration(tmp_path):
    import sqlalchemy as sa

    from claimgraph.model import LAYER_NAMES
    from claimgraph.store import Store

    url = f"sqlite:///{tmp_path / 'layers.db'}"
    Store(url).close()
    tables = set(sa.inspect(sa.create_engine(url)).get_table_names())
    assert set(LAYER_NAMES) <= tables, set(LAYER_NAMES) - tables


def test_store_api_ingests_inputs_and_paths(store_url, tmp_path, reader):
    store = Store(store_url)
    summary = store.ingest([ArticleInput(id="x1", text=SCHOOL, outlet="Wire")], reader=reader)
    assert (summary.read, summary.stored) == (1, 1)
    summary = store.ingest([str(feed(tmp_path, RECORDS))], reader=reader)
    assert (summary.read, summary.stored, summary.skipped) == (3, 3, 0)
    assert store.article("x1").outlet == "Wire"
    assert store.stats()["articles"] == 4


def test_export_tables_are_the_schemas_tables():
    """The command line lists the exportable tables without loading the schema: the list
    must be every table but Alembic's and the linker's binary state."""
    from claimgraph.store.schema import TABLES
    from claimgraph.store.terms import EXPORT_TABLES

    assert list(EXPORT_TABLES) == sorted(t for t in TABLES if not t.startswith("alembic") and t != "across_state")
