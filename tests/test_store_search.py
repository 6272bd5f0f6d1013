"""Search, entity profiles and export over a small stored corpus (readings written by hand,
stored through the Store API), on SQLite and PostgreSQL; SQL injection in every filter."""
from __future__ import annotations

import csv
import io
import json

import pytest

from claimgraph.cli import main
from claimgraph.model import Article, Attribution, Entity, Quote
from claimgraph.store import Store
from claimgraph.store.errors import NotFound, QueryError
from claimgraph.store.search import TextQuery

EVIL = "Robert'); DROP TABLE articles;--"


def build(aid, text, outlet, published, ents, quotes=(), attrs=()):
    """An article from substrings: ents = [(name, type, [mention substrings], aliases)],
    quotes = [(content, speaker name, kind, certainty)], attrs = [(claim, source name, anonymous)]."""
    entities, ids = [], {}
    for n, (name, type_, mention_texts, aliases) in enumerate(ents, 1):
        spans = [(text.index(m), text.index(m) + len(m)) for m in mention_texts]
        entities.append(Entity(f"E{n}", name, type_, spans, [name, *aliases]))
        ids[name] = f"E{n}"
    qs = [Quote(f"Q{n}", kind, (text.index(c), text.index(c) + len(c)), speaker=ids.get(sp),
                certainty=cert, speaker_text=sp)
          for n, (c, sp, kind, cert) in enumerate(quotes, 1)]
    at = [Attribution(f"A{n}", ids.get(src), src, None, (0, 1), (text.index(c), text.index(c) + len(c)),
                      anonymous=anon, certainty="certain")
          for n, (c, src, anon) in enumerate(attrs, 1)]
    return Article(id=aid, text=text, outlet=outlet, published=published, entities=entities,
                   quotes=qs, attributions=at)


T1 = ("Mayor Lena Ortiz said the ferry runs every hour from June. According to the port authority, "
      "Tom Aker approved a budget of 12 million dollars for the ferry.")
T2 = ("Officials said the ferry schedule might change in winter. Ortiz told reporters that Tom Aker "
      "had resigned from the harbour board.")
T3 = (f"{EVIL} said the bridge tolls were illegal. Tom Aker said he would appeal the ruling on tolls.")


@pytest.fixture
def corpus(store_url):
    store = Store(store_url)
    store.ingest([
        build("a1", T1, "Harbour Times", "2024-03-04",
              [("Lena Ortiz", "PERSON", ["Lena Ortiz"], ["Ortiz", "Mayor Ortiz"]),
               ("port authority", "ORG", ["port authority"], []),
               ("Tom Aker", "PERSON", ["Tom Aker"], ["Aker"])],
              quotes=[("the ferry runs every hour from June", "Lena Ortiz", "indirect", "certain")],
              attrs=[("Tom Aker approved a budget of 12 million dollars for the ferry",
                      "port authority", False)]),
        build("a2", T2, "Coast Daily", "2024-04-10",
              [("Lena Ortiz", "PERSON", ["Ortiz"], ["Ortiz"]),
               ("Tom Aker", "PERSON", ["Tom Aker"], ["Aker"]),
               ("Officials", "GROUP", ["Officials"], [])],
              quotes=[("Tom Aker had resigned from the harbour board", "Lena Ortiz", "indirect",
                       "certain")],
              attrs=[("the ferry schedule might change in winter", "Officials", True)]),
        build("a3", T3, "Coast Daily", "2024-05-20",
              [(EVIL, "PERSON", [EVIL], []), ("Tom Aker", "PERSON", ["Tom Aker"], ["Aker"])],
              quotes=[("the bridge tolls were illegal", EVIL, "indirect", "certain"),
                      ("he would appeal the ruling on tolls", "Tom Aker", "indirect", "possible")]),
    ])
    yield store
    store.close()


def ids(hits):
    return sorted((h.article_id, h.item) for h in hits)


def test_full_text_query_language(corpus):
    assert ids(corpus.search("ferry")) == [("a1", "A1"), ("a1", "Q1"), ("a2", "A1")]
    assert ids(corpus.search("run")) == [("a1", "Q1")]                 # stemmed: runs
    assert ids(corpus.search('"every hour"')) == [("a1", "Q1")]
    assert ids(corpus.search('"hour every"')) == []
    assert ids(corpus.search("ferr*")) == ids(corpus.search("ferry"))
    assert ids(corpus.search("ferry -winter")) == [("a1", "A1"), ("a1", "Q1")]
    assert ids(corpus.search("winter OR tolls")) == [("a2", "A1"), ("a3", "Q1"), ("a3", "Q2")]
    for bad in ('"unclosed', "-ferry", "OR ferry", "ferry OR", "*", "-"):
        with pytest.raises(QueryError, match="malformed search query"):
            corpus.search(bad)


def test_filters(corpus):
    assert ids(corpus.search(speaker="Mayor Ortiz")) == [("a1", "Q1"), ("a2", "Q1")]
    assert ids(corpus.search(speaker="lena ortiz", since="2024-04-01")) == [("a2", "Q1")]
    assert ids(corpus.search(source="port authority")) == [("a1", "A1")]
    assert ids(corpus.search(about="Aker")) == [("a1", "A1"), ("a2", "Q1")]
    assert ids(corpus.search(outlet="coast daily", kind="attribution")) == [("a2", "A1")]
    assert ids(corpus.search(until="2024-03-04")) == [("a1", "A1"), ("a1", "Q1")]
    assert ids(corpus.search(anonymous=True)) == [("a2", "A1")]
    assert ids(corpus.search(certainty="possible")) == [("a3", "Q2")]
    assert ids(corpus.search("tolls", speaker=["Tom Aker", EVIL])) == [("a3", "Q1"), ("a3", "Q2")]
    hit = corpus.search(speaker="Aker")[0]
    text = corpus.article(hit.article_id).text
    assert text[hit.start:hit.end] == hit.content and hit.outlet == "Coast Daily"
    assert hit.published == "2024-05-20" and hit.speaker == "Tom Aker" and hit.kind == "indirect"
    for bad in ({"speaker": "Nobody Known"}, {"about": "Atlantis"}, {"outlet": "Daily Planet"},
                {"kind": "rumour"}, {"certainty": "sure"}, {"since": "last week"},
                {"until": "2024-13-45"}, {"limit": 0}):
        with pytest.raises(QueryError):
            corpus.search(**bad)


INJECTIONS = ["x' OR '1'='1", "'; DROP TABLE articles; --", "%", "_", "\\", "*", "ferry\" OR \"x",
              "NEAR(ferry tolls)", "content:ferry", "1) OR (1=1", "' UNION SELECT text FROM articles --",
              "ferry'||'", "a\x00b", "ferry & tolls | !x", "ferry:*"]


def test_injections_in_every_filter_are_only_data(corpus):
    before = corpus.stats()
    for value in INJECTIONS + [EVIL.replace("Robert", "Bobby")]:
        for name in ("speaker", "source", "about", "outlet", "kind", "certainty", "since", "until"):
            with pytest.raises(QueryError):  # an unknown value, never SQL
                corpus.search(**{name: value})
        try:
            hits = corpus.search(value)
        except QueryError:
            continue
        legit = {(h.article_id, h.item) for h in corpus.search("ferry OR tolls OR illegal OR winter "
                                                                "OR resigned OR near OR content OR x "
                                                                "OR union OR select OR text OR b")}
        assert set(ids(hits)) <= legit | {(a, i) for a, i in ids(corpus.search(speaker="Aker"))}
    assert corpus.stats() == before
    # a name that looks like SQL is found as a name
    assert ids(corpus.search(speaker=EVIL)) == [("a3", "Q1")]
    assert corpus.entity(EVIL).name == EVIL


def test_search_command_formats_and_errors(corpus, capsys):
    db = ["--db", str(corpus.url.render_as_string(hide_password=False))
          if corpus.url.get_backend_name() != "sqlite" else corpus.url.database]
    assert main(["search", "ferry", *db]) == 0
    table = capsys.readouterr().out
    assert "Harbour Times" in table and "Lena Ortiz" in table and "[a1 " in table
    assert main(["search", "--speaker", "Ortiz", "--format", "jsonl", *db]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["article_id"] for r in rows} == {"a1", "a2"}
    assert {"article_id", "outlet", "published", "speaker", "kind", "content", "start", "end"} <= set(rows[0])
    assert main(["search", "--about", "Aker", "--format", "csv", *db]) == 0
    assert len(list(csv.DictReader(io.StringIO(capsys.readouterr().out)))) == 2
    for argv, message in ((['"ferry'], "quotation mark is not closed"),
                          (["--speaker", "Nobody"], "no stored entity is called 'Nobody'"),
                          (["--outlet", "Daily Planet"], "no stored article is from"),
                          (["--since", "yesterday"], "expected a date")):
        assert main(["search", *argv, *db]) == 2
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1, err
    with pytest.raises(SystemExit) as exc:  # argparse: a usage error
        main(["search", "--kind", "rumour", *db])
    assert exc.value.code == 2
    capsys.readouterr()


def test_entity_profile(corpus, capsys):
    prof = corpus.entity("Aker")
    assert prof.name == "Tom Aker" and prof.type == "PERSON" and "Aker" in prof.names
    assert prof.articles == ["a3", "a2", "a1"]
    assert ids(prof.said) == [("a3", "Q2")]
    assert ids(prof.about) == [("a1", "A1"), ("a2", "Q1")]
    ortiz = corpus.entity("Mayor Ortiz")
    assert {o["outlet"]: o["cites"] for o in ortiz.outlets} == {"Harbour Times": 1, "Coast Daily": 1}
    officials = corpus.entity("Officials")
    assert officials.said and officials.said[0].anonymous
    with pytest.raises(NotFound):
        corpus.entity("Nobody Known")
    db = ["--db", corpus.url.database if corpus.url.get_backend_name() == "sqlite"
          else corpus.url.render_as_string(hide_password=False)]
    assert main(["entity", "Ortiz", *db]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Lena Ortiz (PERSON)") and "the ferry runs every hour" in out
    assert main(["entity", "Ortiz", "--format", "json", *db]) == 0
    assert json.loads(capsys.readouterr().out)["key"] == ortiz.key
    assert main(["entity", "Nobody Known", *db]) == 1


def test_export_formats(corpus, tmp_path, capsys):
    import pyarrow.parquet as pq

    db = ["--db", corpus.url.database if corpus.url.get_backend_name() == "sqlite"
          else corpus.url.render_as_string(hide_password=False)]
    assert main(["export", "ferry", "--output", str(tmp_path / "ferry.jsonl"), *db]) == 0
    rows = [json.loads(x) for x in (tmp_path / "ferry.jsonl").read_text().splitlines()]
    assert len(rows) == 3 and {r["article_id"] for r in rows} == {"a1", "a2"}
    assert main(["export", "--speaker", "Ortiz", "--output", str(tmp_path / "o.csv"), *db]) == 0
    assert len(list(csv.DictReader(open(tmp_path / "o.csv", encoding="utf-8")))) == 2
    assert main(["export", "--table", "quotes", "--output", str(tmp_path / "q.parquet"), *db]) == 0
    table = pq.read_table(tmp_path / "q.parquet")
    assert table.num_rows == corpus.stats()["quotes"] == 4
    assert json.loads(table.column("record")[0].as_py())["id"] == "Q1"
    assert main(["export", "--table", "articles", "--format", "parquet", "--output",
                 str(tmp_path / "a.parquet"), *db]) == 0
    assert pq.read_table(tmp_path / "a.parquet").num_rows == 3
    assert main(["export", "zzznothing", "--output", str(tmp_path / "none.parquet"), *db]) == 0
    assert pq.read_table(tmp_path / "none.parquet").num_rows == 0
    assert main(["export", '"bad', "--output", str(tmp_path / "bad.csv"), *db]) == 2
    assert not (tmp_path / "bad.csv").exists()
    capsys.readouterr()


def test_query_parser_only_emits_quoted_words():
    q = TextQuery.parse('ferry "every hour" -winter tol* OR x\'y')
    assert q.fts5() == '("ferry" AND "every hour" AND "tol"* NOT "winter") OR ("x y")'


def _many(store_url, n_articles: int = 30):
    """``n_articles`` articles of three quotes each, on days that repeat (ties in the order)."""
    store = Store(store_url)
    arts = []
    for i in range(n_articles):
        text = (f"Mayor Lena Ortiz said the ferry runs every hour, report {i}. Tom Aker said the "
                f"ferry fares rise in June. Ortiz said the harbour stays open.")
        arts.append(build(f"m{i:02d}", text, "Harbour Times", f"2024-03-{1 + i % 7:02d}",
                          [("Lena Ortiz", "PERSON", ["Lena Ortiz"], ["Ortiz"]),
                           ("Tom Aker", "PERSON", ["Tom Aker"], ["Aker"])],
                          quotes=[(f"the ferry runs every hour, report {i}", "Lena Ortiz", "indirect", "certain"),
                                  ("the ferry fares rise in June", "Tom Aker", "indirect", "certain"),
                                  ("the harbour stays open", "Lena Ortiz", "indirect", "certain")]))
    store.ingest(arts)
    return store


@pytest.mark.parametrize("broad", [False, True])
def test_a_page_is_that_slice_of_the_search_with_its_total(store_url, monkeypatch, broad):
    from claimgraph.store import search as S

    if broad:  # every full-text query counts as broad: the walk by date is taken (SQLite)
        monkeypatch.setattr(S, "BROAD", 0)
    store = _many(store_url)
    try:
        with store.engine.connect() as conn:
            for text, filters in ((None, {}), ("ferry", {}), ("ferry", {"speaker": "Ortiz"}),
                                  (None, {"about": "Tom Aker"}), ("harbour OR fares", {"kind": "indirect"})):
                everything = store.search(text, **filters)
                key = [(h.article_id, h.item) for h in everything]
                for offset in sorted({0, 7, 20, max(0, len(everything) - 3), len(everything)}):
                    page = S.page(conn, text, S.Filters(**filters), limit=10, offset=offset)
                    assert [(h.article_id, h.item) for h in page.hits] == key[offset:offset + 10], (text, filters, offset)
                    assert page.total == len(everything) and page.exact
                    assert page.more == (offset + 10 < len(everything))
            bounded = S.page(conn, "ferry", S.Filters(), limit=5, offset=0, exact_up_to=12)
            assert not bounded.exact and bounded.total == 12 and bounded.more
            assert len(bounded.hits) == 5
    finally:
        store.close()


@pytest.mark.parametrize("broad", [False, True])
def test_a_page_with_undated_articles_and_new_versions_is_that_slice(store_url, monkeypatch, broad):
    """Undated articles come last in the search (NULLS LAST on every backend): each table's
    top hits must be taken in that order too, or a page misses dated hits (PostgreSQL sorts
    NULL first in a plain DESC). Attributions and quotes mixed; a superseded version is out."""
    from claimgraph.store import search as S

    if broad:
        monkeypatch.setattr(S, "BROAD", 0)
    store = Store(store_url)
    try:
        arts = []
        for i in range(12):
            text = (f"Mayor Lena Ortiz said the ferry runs every hour, note {i}. According to the port "
                    f"authority, the ferry fares rise in June, note {i}.")
            arts.append(build(f"u{i:02d}", text, "Harbour Times", None if i % 2 else f"2024-03-{1 + i % 3:02d}",
                              [("Lena Ortiz", "PERSON", ["Lena Ortiz"], ["Ortiz"]),
                               ("port authority", "ORG", ["port authority"], [])],
                              quotes=[(f"the ferry runs every hour, note {i}", "Lena Ortiz", "indirect", "certain")],
                              attrs=[(f"the ferry fares rise in June, note {i}", "port authority", False)]))
        store.ingest(arts)
        text = "Mayor Lena Ortiz said the ferry runs every hour, note 0, again."
        store.ingest([build("u00", text, "Harbour Times", "2024-03-09",
                            [("Lena Ortiz", "PERSON", ["Lena Ortiz"], ["Ortiz"])],
                            quotes=[("the ferry runs every hour, note 0, again", "Lena Ortiz", "indirect", "certain")])])
        with store.engine.connect() as conn:
            for text, filters in ((None, {}), ("ferry", {}), ("ferry", {"kind": "attribution"})):
                everything = store.search(text, **filters)
                key = [(h.article_id, h.layer, h.item) for h in everything]
                assert any(h.published is None for h in everything)
                for offset in range(0, len(everything) + 1, 3):
                    page = S.page(conn, text, S.Filters(**filters), limit=4, offset=offset)
                    assert [(h.article_id, h.layer, h.item) for h in page.hits] == key[offset:offset + 4], (text, filters, offset)
                    assert page.total == len(everything) and page.exact
            # past the end: the total is never more than there is
            far = S.page(conn, "ferry", S.Filters(), limit=5, offset=500, exact_up_to=10)
            assert far.hits == [] and not far.more and far.total <= len(store.search("ferry"))
    finally:
        store.close()
