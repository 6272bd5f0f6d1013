"""Linking stored articles: the hook the store calls per batch, ``relink``, and the
queries behind ``claimgraph stories | story | statements | sources`` on a store.

**Incremental.** :func:`link_batch` runs inside the store's transaction for each batch of
newly stored articles (whole articles, or nothing): it links them with the process's
:class:`~claimgraph.across.linker.Linker` and writes what changed — the story rows they
joined, their statements and reports, new flags, source-graph counts, and each article's
linker state. The linker itself is rebuilt from ``across_state`` (restoring, not deciding
again) when this process has none or the database moved on without it (another process
ingested, or a batch was rolled back), so a new article costs time in proportion to its
own size. An article linked before that comes again (re-read, or a new version) changes
what every later article was linked against: it is marked (:func:`mark_stale`, as is
everything stored after it), and the writer relinks once when its ingest ends — the same
result as ``claimgraph relink``, at the cost of one relink per ingest that re-reads. A
process killed before that leaves the mark, and the next ingest (or ``relink``) clears it.

**From scratch.** :func:`relink` empties the tables and links every current article in
the order it was stored: the same order as ingest, so the same result.
"""
from __future__ import annotations

import pickle
import zlib
from typing import Callable, Iterable, Optional

import sqlalchemy as sa

from claimgraph.across.linker import Linker, Links
from claimgraph.across.sources import outlets_of  # noqa: F401  (re-exported for the CLI)
from claimgraph.model import Article

_CACHE: dict[str, tuple[Linker, int]] = {}


def _key(conn) -> str:
    return conn.engine.url.render_as_string(hide_password=False)


def _linker(conn, tables) -> tuple[Linker, int]:
    """The linker for this database, up to date with its stored states."""
    state = tables["state"]
    count = conn.execute(sa.select(sa.func.count()).select_from(state)).scalar_one()
    cached = _CACHE.get(_key(conn))
    if cached is not None and cached[1] == count:
        return cached
    linker = Linker()
    for blob in conn.execute(sa.select(state.c.state).order_by(state.c.arrival)).scalars():
        linker.restore(pickle.loads(zlib.decompress(blob)))
    return linker, count


def is_stale(conn, tables) -> bool:
    """Some stored article waits for a relink (:func:`mark_stale`)."""
    state = tables["state"]
    low = conn.execute(sa.select(sa.func.min(state.c.arrival))).scalar()
    return low is not None and low < 0


def mark_stale(conn, tables, uids: list[int]) -> None:
    """Leave these articles unlinked and the links as they are until the next relink
    (the writer relinks when its ingest ends): an empty state at a negative arrival."""
    state = tables["state"]
    for chunk in _chunks(uids):
        conn.execute(state.delete().where(state.c.article.in_(chunk)))
    conn.execute(state.insert(), [{"article": uid, "arrival": -uid, "state": b""} for uid in uids])
    forget(conn)


def forget(conn=None) -> None:
    """Drop the cached linker (of one database, or all)."""
    if conn is None:
        _CACHE.clear()
    else:
        _CACHE.pop(_key(conn), None)


def link_batch(conn, tables, items: Iterable[tuple[int, Article]], renewed: bool = False) -> list[Links]:
    """Link newly stored articles (``(uid, article)``, entities with registry keys) and
    write the results, in the caller's transaction. ``renewed``: the store replaced or
    superseded an article it had (a re-read or a new version, perhaps under another id or
    earlier in this very batch): the batch is marked stale, as for an id linked before."""
    items = list(items)
    if not items:
        return []
    if is_stale(conn, tables):
        mark_stale(conn, tables, [uid for uid, _ in items])
        return []
    linker, count = _linker(conn, tables)
    if renewed or any(article.id in linker.copy_of for _, article in items):
        # a re-read, or a new version of an article linked before: what later articles
        # decided rested on its old reading, so only a relink gives relink's result
        mark_stale(conn, tables, [uid for uid, _ in items])
        return []
    _CACHE.pop(_key(conn), None)  # until this batch is written, the cache is not to be trusted
    done, rows = [], _Rows()
    for uid, article in items:
        links = linker.add(article)
        count += 1
        rows.add(linker, links, uid, count)
        done.append(links)
    rows.write(conn, tables, linker)
    _CACHE[_key(conn)] = (linker, count)
    return done


class _Rows:
    """What one batch changes, written with a few statements at the end."""

    def __init__(self):
        self.state, self.members, self.reports, self.flags = [], [], [], []
        self.stories: dict[str, None] = {}
        self.statements: dict[str, None] = {}
        self.sources: dict[tuple[str, str], list] = {}

    def add(self, linker: Linker, links: Links, uid: int, arrival: int) -> None:
        state = linker.state()
        self.state.append({"article": uid, "arrival": arrival,
                           "state": zlib.compress(pickle.dumps(state, protocol=5), 3)})
        story = linker.stories.stories[links.story]
        self.stories[story.id] = None
        member = story.members[-1]
        self.members.append({"article": uid, "article_id": member.id, "story": story.id,
                             "outlet": member.outlet, "published": member.published,
                             "title": member.title, "copy_of": member.copy_of,
                             "score": member.score, "arrival": arrival})
        for sid, rep in state["statements"]["reports"]:
            self.statements[sid] = None
            self.reports.append({"statement": sid, "article": uid, "article_id": rep.article,
                                 "quote": rep.quote, "kind": rep.kind, "outlet": rep.outlet,
                                 "published": rep.published, "via": rep.via,
                                 "copy_of": rep.copy_of, "cites": rep.cites})
        flags = [m.to_json() | {"type": f"misquote:{m.type}"} for m in links.misquotes]
        flags += [c.to_json() for c in links.contradictions]
        flags += [o.to_json() for o in links.opposites]
        for f in flags:
            a, b = (f["a"], f["b"]) if "a" in f else (f["first"], f["other"])
            self.flags.append({"type": f["type"], "statement": f.get("statement"),
                               "article_a": a["article"], "article_b": b["article"], "record": f})
        seen = set()
        for outlet, label, key, name, type_, _article, quote, anonymous in state["sources"]:
            row = self.sources.setdefault((outlet, key), [label, name, type_, 0, 0, 0, 0])
            row[3 if quote else 4] += 1
            row[5] += int(anonymous)
            if (outlet, key) not in seen:
                seen.add((outlet, key))
                row[6] += 1

    def write(self, conn, tables, linker: Linker) -> None:
        if self.state:
            conn.execute(tables["state"].insert(), self.state)
        st_t = tables["stories"]
        ids = list(self.stories)
        for chunk in _chunks(ids):
            conn.execute(st_t.delete().where(st_t.c.id.in_(chunk)))
        if ids:
            conn.execute(st_t.insert(), [_story_row(linker.stories.stories[i]) for i in ids])
        if self.members:
            conn.execute(tables["members"].insert(), self.members)
        sts_t = tables["statements"]
        sids = list(self.statements)
        for chunk in _chunks(sids):
            conn.execute(sts_t.delete().where(sts_t.c.id.in_(chunk)))
        if sids:
            rows = []
            for sid in sids:
                st = linker.statements.statements[sid]
                rows.append({"id": sid, "speaker": st.speaker, "speaker_name": st.speaker_name,
                             "content": st.first.content, "first": st.first.article,
                             "reports": len(st.reports), "articles": len(st.articles),
                             "misquotes": len(st.misquotes), "record": st.to_json()})
            conn.execute(sts_t.insert(), rows)
        if self.reports:
            conn.execute(tables["reports"].insert(), self.reports)
        if self.flags:
            conn.execute(tables["flags"].insert(), self.flags)
        self._write_sources(conn, tables["sources"])

    def _write_sources(self, conn, src_t) -> None:
        by_outlet: dict[str, list[str]] = {}
        for outlet, key in self.sources:
            by_outlet.setdefault(outlet, []).append(key)
        existing = set()
        for outlet, keys in by_outlet.items():
            for chunk in _chunks(keys):
                existing.update((outlet, k) for k in conn.execute(
                    sa.select(src_t.c.source).where(src_t.c.outlet == outlet,
                                                    src_t.c.source.in_(chunk))).scalars())
        updates, inserts = [], []
        for (outlet, key), (label, name, type_, q, a, anon, n) in sorted(self.sources.items()):
            if (outlet, key) in existing:
                updates.append({"o": outlet, "s": key, "q": q, "a": a, "an": anon, "n": n})
            else:
                inserts.append({"outlet": outlet, "source": key, "outlet_label": label, "name": name,
                                "type": type_, "quotes": q, "attributions": a, "anonymous": anon,
                                "articles": n})
        if updates:
            b = sa.bindparam
            conn.execute(src_t.update().where(src_t.c.outlet == b("o"), src_t.c.source == b("s"))
                         .values(quotes=src_t.c.quotes + b("q"),
                                 attributions=src_t.c.attributions + b("a"),
                                 anonymous=src_t.c.anonymous + b("an"),
                                 articles=src_t.c.articles + b("n")), updates)
        if inserts:
            conn.execute(src_t.insert(), inserts)


def _chunks(seq: list, size: int = 500):
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def _story_row(story) -> dict:
    d = story.to_json()
    ranked = sorted(story.entities.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    return {"id": story.id, "title": d["title"], "first": d["first"], "last": d["last"],
            "size": d["size"], "texts": d["texts"], "outlets": d["outlets"],
            "entities": [{"key": k, "name": story.names.get(k, k)} for k, _ in ranked]}


def clear(conn, tables) -> None:
    for name in ("state", "reports", "statements", "members", "stories", "flags", "sources"):
        conn.execute(tables[name].delete())
    forget(conn)


def relink(conn, tables, articles: Iterable[tuple[int, Article]],
           on_progress: Callable[[int], None] = lambda n: None) -> int:
    """Recompute everything from scratch over ``articles`` (``(uid, article)`` in the
    order they were stored), in the caller's transaction; the number linked."""
    clear(conn, tables)
    n, batch = 0, []
    for item in articles:
        batch.append(item)
        if len(batch) >= 64:
            n += len(link_batch(conn, tables, batch))
            on_progress(len(batch))
            batch = []
    n += len(link_batch(conn, tables, batch))
    on_progress(len(batch))
    return n


# ------------------------------------------------------------------------------ queries
def stories(conn, tables, since: Optional[str] = None, about: Optional[str] = None,
            min_size: int = 1, with_articles: bool = True, limit: Optional[int] = None,
            offset: int = 0) -> list[dict]:
    """Stories, largest first (``limit``: the first so many after ``offset``), each with its
    articles."""
    return story_page(conn, tables, since, about, min_size, with_articles, limit, offset)[1]


def _page(conn, q, limit: Optional[int], offset: int) -> tuple[int, list]:
    """``(rows the query matches, the rows of one page)``; without a limit the page is
    everything after ``offset``, and its length gives the total unless it is empty."""
    def count() -> int:
        return conn.execute(sa.select(sa.func.count()).select_from(q.order_by(None).subquery())).scalar_one()

    if limit:
        return count(), conn.execute(q.limit(limit).offset(offset)).all()
    rows = conn.execute(q.offset(offset)).all()
    return (offset + len(rows) if rows or not offset else count()), rows


def story_page(conn, tables, since: Optional[str] = None, about: Optional[str] = None,
               min_size: int = 1, with_articles: bool = True, limit: Optional[int] = None,
               offset: int = 0) -> tuple[int, list[dict]]:
    """``(how many stories match, the page of them)``: :func:`stories` with the total."""
    from claimgraph.lexicon.gazetteer import norm_key

    st = tables["stories"]
    q = sa.select(st).where(st.c.size >= min_size)
    if since:
        q = q.where(st.c.last >= since)
    q = q.order_by(st.c.size.desc(), st.c.first, st.c.id)
    if about:
        want = norm_key(about)
        rows = [r for r in conn.execute(q).all()
                if any(want == norm_key(e["name"]) or want in norm_key(e["name"]).split()
                       or want == e["key"] for e in r.entities)]
        total = len(rows)
        rows = rows[offset:offset + limit] if limit else rows[offset:]
    else:
        total, rows = _page(conn, q, limit, offset)
    out = [{"id": r.id, "title": r.title, "size": r.size, "texts": r.texts, "outlets": r.outlets,
            "first": r.first, "last": r.last, "entities": [e["name"] for e in r.entities[:5]]}
           for r in rows]
    if with_articles and out:
        m = tables["members"]
        cols = (m.c.story, m.c.article_id, m.c.outlet, m.c.published, m.c.title, m.c.copy_of, m.c.score,
                m.c.arrival)
        by_story: dict[str, list] = {s["id"]: [] for s in out}
        if len(out) > 500:  # most of the table: one scan is cheaper than many lookups
            result = conn.execute(sa.select(*cols))
        else:
            result = conn.execute(sa.select(*cols).where(m.c.story.in_(list(by_story))))
        for story_id, aid, outlet, published, title, copy_of, score, arrival in result:
            members = by_story.get(story_id)
            if members is not None:
                members.append((published is None, published or "", arrival, {
                    "id": aid, "outlet": outlet, "published": published, "title": title,
                    "copy_of": copy_of, "score": round(score, 4)}))
        for s in out:  # by date (undated last), then as they arrived (a date without a time ties)
            s["articles"] = [t[-1] for t in sorted(by_story[s["id"]], key=lambda t: t[:3])]
    return total, out


def story(conn, tables, story_id: str) -> Optional[dict]:
    st = tables["stories"]
    ids = [story_id, f"story:{story_id}"]
    row = conn.execute(sa.select(st.c.id).where(st.c.id.in_(ids))).first()
    if row is None:
        return None
    [s] = _one_story(conn, tables, row.id)
    article_ids = [a["id"] for a in s["articles"]]
    rep = tables["reports"]
    sts = tables["statements"]
    sids = set(conn.execute(sa.select(rep.c.statement).where(rep.c.article_id.in_(article_ids))).scalars())
    records = [r.record for r in conn.execute(sa.select(sts).where(sts.c.id.in_(sorted(sids)),
                                                                   sts.c.articles > 1)
                                              .order_by(sts.c.id))]
    fl = tables["flags"]
    flags = [r.record for r in conn.execute(
        sa.select(fl).where(sa.or_(fl.c.article_a.in_(article_ids), fl.c.article_b.in_(article_ids)))
        .order_by(fl.c.pk))]
    return s | {"statements": records, "flags": flags}


def _one_story(conn, tables, story_id: str) -> list[dict]:
    st = tables["stories"]
    r = conn.execute(sa.select(st).where(st.c.id == story_id)).one()
    s = {"id": r.id, "title": r.title, "size": r.size, "texts": r.texts, "outlets": r.outlets,
         "first": r.first, "last": r.last, "entities": [e["name"] for e in r.entities[:5]]}
    m = tables["members"]
    s["articles"] = [{"id": x.article_id, "outlet": x.outlet, "published": x.published,
                      "title": x.title, "copy_of": x.copy_of, "score": round(x.score, 4)}
                     for x in conn.execute(sa.select(m).where(m.c.story == story_id)
                                           .order_by(sa.nulls_last(m.c.published.asc()), m.c.arrival))]
    return [s]


def statements(conn, tables, speaker: Optional[str] = None, misquotes: bool = False,
               everything: bool = False) -> list[dict]:
    return statement_page(conn, tables, speaker, misquotes, everything)[1]


def statement_page(conn, tables, speaker: Optional[str] = None, misquotes: bool = False,
                   everything: bool = False, limit: Optional[int] = None,
                   offset: int = 0) -> tuple[int, list[dict]]:
    """``(how many, the page)`` of the statements (by id); without a speaker filter the
    page is cut in the database."""
    sts = tables["statements"]
    q = sa.select(sts.c.record)
    if not everything:
        q = q.where(sts.c.articles > 1)
    if misquotes:
        q = q.where(sts.c.misquotes > 0)
    q = q.order_by(sts.c.id)
    if not speaker:
        total, rows = _page(conn, q, limit, offset)
        return total, [r[0] for r in rows]
    from claimgraph.lexicon.gazetteer import norm_key

    want = norm_key(speaker)
    out = [s for s in conn.execute(q).scalars()
           if want == s["speaker"] or want == norm_key(s["speaker_name"] or "")
           or want in norm_key(s["speaker_name"] or "").split()]
    return len(out), out[offset:offset + limit] if limit else out[offset:]


def statement(conn, tables, quote: str, article: Optional[str] = None) -> Optional[dict]:
    """The statement a quote reports: ``quote`` is ``ARTICLE/QUOTE`` or a quote id with
    ``article``."""
    if article is None and "/" in quote:
        article, quote = quote.rsplit("/", 1)
    rep = tables["reports"]
    q = sa.select(rep.c.statement).where(rep.c.quote == quote)
    if article is not None:
        q = q.where(rep.c.article_id == article)
    sid = conn.execute(q.limit(1)).scalar()
    if sid is None:
        return None
    sts = tables["statements"]
    return conn.execute(sa.select(sts.c.record).where(sts.c.id == sid)).scalar()


def statements_of(conn, tables, article: str) -> dict[str, dict]:
    """quote id → the statement it reports, for an article's quotes that other articles
    report too (what the article page shows as "also reported by")."""
    rep, sts = tables["reports"], tables["statements"]
    rows = conn.execute(sa.select(rep.c.quote, sts.c.record)
                        .join_from(rep, sts, sts.c.id == rep.c.statement)
                        .where(rep.c.article_id == article, sts.c.articles > 1)).all()
    return {quote: record for quote, record in rows}


def source_table(conn, tables, outlets: Iterable[str] = (), top: int = 10) -> list[dict]:
    """Per outlet: citations, anonymous ones and their share, and the ``top`` sources —
    computed in the database (what ``claimgraph sources`` prints)."""
    src = tables["sources"]
    weight = src.c.quotes + src.c.attributions
    totals = sa.select(src.c.outlet, sa.func.max(src.c.outlet_label).label("label"),
                       sa.func.sum(weight).label("citations"),
                       sa.func.sum(src.c.anonymous).label("anonymous")).group_by(src.c.outlet)
    ranked = sa.select(src, weight.label("total"), sa.func.row_number().over(
        partition_by=src.c.outlet, order_by=(weight.desc(), src.c.source)).label("rank"))
    outlets = list(outlets)
    if outlets:
        totals = totals.where(src.c.outlet_label.in_(outlets))
        ranked = ranked.where(src.c.outlet_label.in_(outlets))
    ranked = ranked.subquery()
    tops: dict[str, list[dict]] = {}
    for r in conn.execute(sa.select(ranked).where(ranked.c.rank <= top)
                          .order_by(ranked.c.outlet, ranked.c.rank)):
        tops.setdefault(r.outlet, []).append(
            {"key": r.source, "name": r.name, "total": r.total, "quotes": r.quotes,
             "attributions": r.attributions, "anonymous": r.anonymous, "articles": r.articles})
    out = []
    for r in conn.execute(totals.order_by(src.c.outlet)):
        total, anon = int(r.citations or 0), int(r.anonymous or 0)
        out.append({"outlet": r.label, "citations": total, "anonymous": anon,
                    "anonymous_share": round(anon / total, 3) if total else 0.0,
                    "sources": tops.get(r.outlet, [])})
    return out


def source_graph(conn, tables) -> dict:
    """The whole graph as networkx node-link data."""
    src = tables["sources"]
    nodes: dict[str, dict] = {}
    links = []
    cols = (src.c.outlet, src.c.source, src.c.outlet_label, src.c.name, src.c.type, src.c.quotes,
            src.c.attributions, src.c.anonymous, src.c.articles)
    for outlet, source, label, name, type_, q, a, anon, n in conn.execute(
            sa.select(*cols).order_by(src.c.outlet, src.c.source)):
        if outlet not in nodes:
            nodes[outlet] = {"id": outlet, "label": label, "kind": "outlet"}
        if source not in nodes:
            nodes[source] = {"id": source, "label": name, "kind": "source", "type": type_}
        links.append({"source": outlet, "target": source, "weight": q + a, "quotes": q,
                      "attributions": a, "anonymous": anon, "articles": n})
    return {"directed": True, "multigraph": False, "graph": {},
            "nodes": [nodes[k] for k in sorted(nodes)], "links": links}
