"""Across articles, measured: stories, same-statement links, wire copy, cost.

Usage: python bench/bench_across.py [--cache FILE] [--tune] [--synthetic 10000]

- Reads BASIL dev (93 articles, 31 gold stories) and the VOA articles (each its own
  story) with the reader once, caching the records in ``--cache`` (a temporary file by
  default; delete it to read again).
- Gives every entity its registry key (one in-memory registry, publication order), then
  links all 182 articles in publication order, incrementally, and scores the stories
  (pairwise and B-cubed F1, :mod:`claimgraph.eval.stories`) on all articles, on the
  *train* half of BASIL's stories (story id hashed) and on the *held-out* half (each with
  all VOA articles). ``--tune`` grid-searches the story weights on the train half.
- Same statement: :mod:`claimgraph.eval.statements` (its rule is documented there).
- Wire copy: VOA articles and variants made from them (trimmed, retitled, paragraphs
  dropped, a paragraph added, another outlet), mixed with the unrelated articles of both
  corpora: pairwise F1 of "same text".
- Cost: linking time per article against reading time per article (a sample re-read in
  this run), and ``--synthetic N`` articles (the records copied with new ids and dates)
  linked, with the time to list stories and sources.
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

from claimgraph.across.linker import Linker, publication_order
from claimgraph.across.stories import StoryIndex, Weights
from claimgraph.across.wirecopy import WireIndex
from claimgraph.store.registry import Registry
from claimgraph.eval import statements as st_eval
from claimgraph.eval import stories as story_eval
from claimgraph.model import Article, ArticleInput, ReadError

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
BASIL = DATA / "basil" / "dev.jsonl"
VOA = DATA / "voa" / "articles.jsonl"
VOA_EVENTS = Path(__file__).with_name("voa_events.json")  # hand labels (see the file)


def load_inputs() -> tuple[list[dict], dict[str, str]]:
    """The articles of both corpora and their gold story: BASIL's ``story``; for VOA the
    hand-labelled event of ``voa_events.json``, or the article alone."""
    events = json.loads(VOA_EVENTS.read_text(encoding="utf-8"))["events"]
    voa_event = {i: f"voa:{name}" for name, ids in events.items() for i in ids}
    rows, gold = [], {}
    for path in (BASIL, VOA):
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            rows.append(r)
            gold[r["id"]] = r.get("story") or voa_event.get(r["id"], f"voa:{r['id']}")
    return rows, gold


def read_records(rows: list[dict], cache: Path) -> list[Article]:
    if not cache.exists():
        from claimgraph.reader import Reader

        inputs = [ArticleInput(id=r["id"], text=r["text"], title=r.get("title"),
                               published=r.get("published"), url=r.get("url"),
                               outlet=r.get("outlet")) for r in rows]
        t = time.perf_counter()
        tmp = cache.with_suffix(".part")
        with open(tmp, "w", encoding="utf-8") as f:
            for res in Reader().read_many(inputs):
                if isinstance(res, ReadError):
                    print(f"  {res}", file=sys.stderr)
                    continue
                f.write(json.dumps(res.to_record(), ensure_ascii=False) + "\n")
        tmp.rename(cache)
        print(f"read {len(inputs)} articles in {time.perf_counter() - t:.1f} s -> {cache}")
    return [Article.from_record(json.loads(line)) for line in open(cache, encoding="utf-8")]


def with_keys(articles: list[Article]) -> list[Article]:
    reg = Registry(":memory:")
    for a in articles:
        for e in a.entities:
            e.key = None
        reg.resolve_article(a)
    return articles


def split_of(story: str) -> str:
    return "train" if hashlib.sha1(story.encode()).digest()[0] % 2 == 0 else "heldout"


def subsets(gold: dict[str, str]) -> dict[str, dict[str, str]]:
    basil = {i: s for i, s in gold.items() if not s.startswith("voa:")}
    out = {"all": dict(gold), "basil only": basil}
    for part in ("train", "heldout"):  # BASIL stories and VOA events, split by hash
        out[part] = {i: s for i, s in gold.items() if split_of(s) == part}
    return out


def run_stories(articles, statements_of, copy_of, weights) -> dict[str, str]:
    idx = StoryIndex(weights)
    return {a.id: idx.add(a, copy_of[a.id], statements_of[a.id]) for a in articles}


def show_scores(title: str, gold: dict[str, str], pred: dict[str, str]) -> dict:
    out = {}
    for name, part in subsets(gold).items():
        s = story_eval.score(part, pred)
        out[name] = s
        pw, b3 = s["pairwise"], s["bcubed"]
        print(f"  {title:<10} {name:<11} n={s['articles']:>3}  pairwise P {pw['precision']:.3f} "
              f"R {pw['recall']:.3f} F1 {pw['f1']:.3f}   B3 P {b3['precision']:.3f} "
              f"R {b3['recall']:.3f} F1 {b3['f1']:.3f}")
    return out


def tune(articles, statements_of, copy_of, gold) -> Weights:
    train = subsets(gold)["train"]
    best, best_f = None, -1.0
    for ent, quotes, thr, gap in itertools.product((0.0, 0.25, 0.5, 0.75), (0.0, 0.15),
                                                    (0.25, 0.3, 0.35, 0.4, 0.45, 0.5),
                                                    (2, 4, 7)):
        w = Weights(ent, quotes, thr, gap)
        pred = run_stories(articles, statements_of, copy_of, w)
        s = story_eval.score(train, pred)
        f = (s["pairwise"]["f1"] + s["bcubed"]["f1"]) / 2
        if f > best_f + 1e-9:
            best, best_f = w, f
    print(f"  tuned on the train half: {best} (mean of pairwise and B3 F1 {best_f:.3f})")
    return best


# ------------------------------------------------------------------------ wire copy
def variants(text: str, title: str, rng: random.Random, filler: list[str]) -> list[tuple[str, str, str]]:
    from claimgraph.parsed import text_sentences

    sents = [text[s:e] for s, e in text_sentences(text)]
    paras = [" ".join(sents[i:i + 3]) for i in range(0, len(sents), 3)]
    out = []
    k = max(2, int(len(paras) * 0.6))
    out.append(("trimmed", "\n\n".join(paras[:k]), title))
    out.append(("retitled", "\n\n".join(paras), "Update: " + title.lower()))
    drop = set(rng.sample(range(len(paras)), max(1, len(paras) // 4)))
    out.append(("dropped", "\n\n".join(p for i, p in enumerate(paras) if i not in drop), title))
    extra = rng.choice(filler)
    pos = rng.randrange(1, len(paras))
    out.append(("added", "\n\n".join(paras[:pos] + [extra] + paras[pos:]), title))
    return out


def wire_bench(rows: list[dict]) -> dict:
    rng = random.Random(12)
    voa = [r for r in rows if r.get("outlet") == "VOA"]
    basil = [r for r in rows if r.get("outlet") != "VOA"]
    chosen = rng.sample(voa, 40)
    chosen_ids = {r["id"] for r in chosen}
    filler = ["Local officials were not immediately available for comment on the report, "
              "and the ministry declined to say when it would publish its own figures.",
              "This story has been updated with additional reporting from the region and "
              "comments from officials who spoke after the announcement."]
    docs, gold = [], {}
    for r in chosen:
        docs.append((r["id"], r["text"], r["published"]))
        gold[r["id"]] = r["id"]
        for n, (kind, text, title) in enumerate(variants(r["text"], r["title"], rng, filler)):
            vid = f"{r['id']}~{kind}"
            pub = r["published"][:10] + f"T23:5{n}:00Z"
            docs.append((vid, text, pub))
            gold[vid] = r["id"]
    for r in voa + basil:
        if r["id"] not in chosen_ids:
            docs.append((r["id"], r["text"], r["published"]))
            gold[r["id"]] = r["id"]
    docs.sort(key=lambda d: (d[2] or "", d[0]))
    idx = WireIndex()
    t = time.perf_counter()
    copy = {d[0]: idx.add(d[0], d[1], d[2]) for d in docs}
    elapsed = time.perf_counter() - t
    pred = {i: (c or i) for i, c in copy.items()}
    s = story_eval.score(gold, pred)
    pw = s["pairwise"]
    firsts = sum(1 for r in chosen if copy[r["id"]] is None and all(
        copy[f"{r['id']}~{k}"] == r["id"] for k in ("trimmed", "retitled", "dropped", "added")))
    print(f"  wire copy: {len(docs)} texts ({len(chosen)} originals x 4 variants + "
          f"{len(docs) - 5 * len(chosen)} unrelated): pairwise P {pw['precision']:.3f} "
          f"R {pw['recall']:.3f} F1 {pw['f1']:.3f}; B3 F1 {s['bcubed']['f1']:.3f}; "
          f"first publication right for {firsts}/{len(chosen)}; "
          f"{1000 * elapsed / len(docs):.2f} ms per text")
    # BASIL: three outlets, one event, never the same text
    same_story_copies = sum(1 for r in basil if copy.get(r["id"]))
    print(f"  wire copy: BASIL articles wrongly taken for copies: {same_story_copies}/{len(basil)}")
    return s


# ------------------------------------------------------------------------ statements
def statement_bench(articles, linker, gold) -> dict:
    outlet = {a.id: a.outlet for a in articles}
    out = {}
    for name, part in subsets(gold).items():
        if name == "all":
            continue
        scope = {i for i in part if not part[i].startswith("voa:")}
        ref = st_eval.reference_links([a for a in articles if a.id in scope], gold)
        pred = st_eval.predicted_links(linker.statements.statements.values(), outlet, scope)
        s = st_eval.score(ref, pred)
        out[name] = s
        print(f"  statements {name:<11} reference {s['reference']:>3}, predicted {s['predicted']:>3}, "
              f"correct {s['correct']:>3}: P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    return out


# ------------------------------------------------------------------------ cost
def synthetic(articles: list[Article], n: int) -> list[Article]:
    """``n`` articles made from the read ones: new ids, outlets and dates (about 30 a day),
    entity keys renewed every 300 articles, and every fifth word (a different fifth for each
    copy) replaced by random letters of the same length, so that the texts are not wire
    copies of each other and every offset stays valid."""
    import datetime as dt
    import re

    out = []
    rng = random.Random(5)
    base = dt.date(2020, 1, 1)
    word = re.compile(r"[A-Za-z]+")
    for k in range(n):
        src = articles[k % len(articles)]
        rec = src.to_record()
        rec["id"] = f"syn{k}"
        rec["published"] = (base + dt.timedelta(days=k // 30 + rng.randrange(2))).isoformat()
        rec["outlet"] = f"outlet{rng.randrange(40)}"
        phase = k % 5
        chars = list(rec["text"])
        for i, m in enumerate(word.finditer(rec["text"])):
            if i % 5 == phase:
                chars[m.start():m.end()] = [rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in m.group()]
        rec["text"] = "".join(chars)
        a = Article.from_record(rec)
        for e_src, e in zip(src.entities, a.entities):
            e.key = f"{e_src.key}#{k // 300}" if e_src.key else None
        out.append(a)
    return out


def store_cost(articles: list[Article], n: int) -> dict:
    """Ingest ``n`` read articles into a fresh SQLite store: time in the linking hook
    against the whole store step."""
    import claimgraph.across.persist as persist
    from claimgraph.store.api import Store

    spent = [0.0]
    original = persist.link_batch

    def timed(*a, **kw):
        t0 = time.perf_counter()
        try:
            return original(*a, **kw)
        finally:
            spent[0] += time.perf_counter() - t0

    persist.link_batch = timed
    recs = [Article.from_record(a.to_record()) for a in articles[:n]]
    for a in recs:
        for e in a.entities:
            e.key = None
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(os.path.join(tmp, "cost.db"))
        t = time.perf_counter()
        store.ingest(recs, batch_size=32)
        total = time.perf_counter() - t
        store.close()
    persist.link_batch = original
    persist.forget()
    return {"articles": n, "store_s": total, "link_s": spent[0]}


def synthetic_store(articles: list[Article], n: int, keep: Optional[str] = None) -> dict:
    """``n`` synthetic articles in a fresh SQLite store (article rows inserted directly,
    then linked by the ingest hook's code in batches of 64); the time of
    ``Store.stories()`` / ``source_graph()`` and of the ``claimgraph stories`` and
    ``claimgraph sources`` commands (whole processes)."""
    import datetime as dt

    import sqlalchemy as sa

    from claimgraph.across import persist
    from claimgraph.store import backend
    from claimgraph.store.api import Store
    from claimgraph.store.schema import across_tables
    from claimgraph.store.schema import articles as articles_t

    out: dict = {"articles": n}
    with tempfile.TemporaryDirectory() as tmp:
        path = keep or os.path.join(tmp, "syn.db")
        store = Store(path)
        with store.engine.connect() as conn:
            have = conn.execute(sa.select(sa.func.count()).select_from(across_tables["state"])).scalar_one()
        syn = synthetic(articles, n) if have < n else []
        now = dt.datetime.now(dt.timezone.utc)
        t = time.perf_counter()
        with backend.write_connection(store.engine) as conn:
            for k in range(0, len(syn), 64):
                chunk = syn[k:k + 64]
                tx = backend.begin_write(conn)
                uids = []
                for a in chunk:
                    uids.append(conn.execute(articles_t.insert().returning(articles_t.c.uid), {
                        "id": a.id, "ident": f"id:{a.id}", "version": 1, "superseded": False,
                        "content_hash": hashlib.sha256(a.id.encode()).hexdigest(), "title": a.title,
                        "url": None, "outlet": a.outlet, "published": a.published, "text": a.text,
                        "reader_version": "synthetic", "stored_at": now, "extra": {}}).scalar_one())
                persist.link_batch(conn, across_tables, list(zip(uids, chunk)))
                tx.commit()
                if (k + 64) % 1024 < 64:
                    print(f"    ... {k + len(chunk)} linked, {time.perf_counter() - t:.0f} s", flush=True)
        out["link_s"] = time.perf_counter() - t
        persist.forget()
        store.close()
        out.update(query_times(path))
    return out


def query_times(path: str) -> dict:
    """Median of 3 timings of each query on a store, in this process (``api``) and as a
    whole ``claimgraph`` process (``cli``, start-up and opening the store included;
    ``claimgraph stats`` is the store's own command, for comparison)."""
    import subprocess

    from claimgraph.store.api import Store

    out: dict = {}
    store = Store(path)
    calls = {"stories(limit=100)": lambda: store.stories(limit=100),
             "stories() all": lambda: store.stories(),
             "sources()": lambda: store.sources(),
             "source_graph()": lambda: store.source_graph()}
    for name, fn in calls.items():
        times = []
        for _ in range(3):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        out[f"api {name}"] = round(statistics.median(times), 3)
    out["stories"] = len(store.stories())
    store.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    for argv in (["stats"], ["stories"], ["stories", "--format", "json"], ["sources"],
                 ["stories", "--format", "json", "--limit", "0"], ["sources", "--format", "json"]):
        times = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "claimgraph.cli", *argv, "--db", path],
                           check=True, stdout=subprocess.DEVNULL, env=env)
            times.append(time.perf_counter() - t)
        out["cli " + " ".join(argv)] = round(statistics.median(times), 3)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "claimgraph-across-records.jsonl"))
    ap.add_argument("--tune", action="store_true")
    ap.add_argument("--read-sample", type=int, default=20)
    ap.add_argument("--synthetic", type=int, default=0, help="N synthetic articles linked in memory")
    ap.add_argument("--synthetic-store", type=int, default=0, help="N synthetic articles in a store")
    ap.add_argument("--store-cost", type=int, default=0, help="ingest N read articles into a store")
    ap.add_argument("--skip-quality", action="store_true")
    ap.add_argument("--keep-db", help="the synthetic store's file (kept; linked only if short)")
    args = ap.parse_args()
    if not BASIL.exists() or not VOA.exists():
        print(f"needs {BASIL} and {VOA}", file=sys.stderr)
        return 2
    rows, gold = load_inputs()
    articles = read_records(rows, Path(args.cache))
    articles = publication_order(with_keys(publication_order(articles)))
    if args.skip_quality:
        if args.synthetic_store:
            for k, v in synthetic_store(articles, args.synthetic_store, args.keep_db).items():
                print(f"  {k}: {v}")
        return 0
    print(f"{len(articles)} articles ({sum(1 for s in gold.values() if not s.startswith('voa:'))} BASIL "
          f"in {len({s for s in gold.values() if not s.startswith('voa:')})} stories, "
          f"{sum(1 for s in gold.values() if s.startswith('voa:'))} VOA)")

    t = time.perf_counter()
    linker = Linker()
    links = {}
    for a in articles:
        links[a.id] = linker.add(a)
    link_s = time.perf_counter() - t
    statements_of = {a.id: linker.statements.of_article(a) for a in articles}
    weights = tune(articles, statements_of, linker.copy_of, gold) if args.tune else Weights()
    pred = run_stories(articles, statements_of, linker.copy_of, weights)
    print("stories (incremental, publication order):")
    scores = show_scores("stories", gold, pred)
    statement_scores = statement_bench(articles, linker, gold)
    print(f"  misquote flags {sum(len(l.misquotes) for l in links.values())}, number contradictions "
          f"{sum(len(l.contradictions) for l in links.values())}")
    wire = wire_bench(rows)

    print("cost:")
    per_link = link_s / len(articles)
    print(f"  linking: {1000 * per_link:.1f} ms per article (all indexes)")
    per_read = None
    if args.read_sample:
        from claimgraph.reader import Reader

        sample = [r for r in rows][: args.read_sample]
        reader = Reader()
        reader.nlp  # load first
        t = time.perf_counter()
        list(reader.read_many([ArticleInput(id=r["id"], text=r["text"]) for r in sample]))
        per_read = (time.perf_counter() - t) / len(sample)
        print(f"  reading: {1000 * per_read:.0f} ms per article ({len(sample)} re-read now); "
              f"linking adds {100 * per_link / per_read:.1f}% to reading")
    if args.store_cost:
        c = store_cost(articles, args.store_cost)
        per_store = c["store_s"] / c["articles"]
        per_hook = c["link_s"] / c["articles"]
        line = (f"  store ingest of {c['articles']} read articles: {1000 * per_store:.0f} ms per article, "
                f"of which the linking hook {1000 * per_hook:.1f} ms")
        if per_read:
            line += (f"; linking is {100 * per_hook / (per_read + per_store):.1f}% of ingest "
                     f"(read + store)")
        print(line)
    if args.synthetic_store:
        c = synthetic_store(articles, args.synthetic_store)
        print(f"  synthetic store, {c['articles']} articles: linked in {c['link_s']:.0f} s")
        for k, v in c.items():
            print(f"    {k}: {v}")
    if args.synthetic:
        syn = synthetic(articles, args.synthetic)
        lk = Linker(weights)
        t = time.perf_counter()
        times = []
        for a in syn:
            t0 = time.perf_counter()
            lk.add(a)
            times.append(time.perf_counter() - t0)
        total = time.perf_counter() - t
        last = times[-1000:]
        t = time.perf_counter()
        listing = lk.story_list()
        list_s = time.perf_counter() - t
        t = time.perf_counter()
        lk.sources.outlets()
        src_s = time.perf_counter() - t
        print(f"  synthetic {len(syn)} articles: linked in {total:.1f} s ({1000 * statistics.mean(times):.1f} ms "
              f"mean, last 1000: {1000 * statistics.mean(last):.1f} ms); {len(listing)} stories listed in "
              f"{list_s:.2f} s, sources in {src_s:.2f} s")
    print(json.dumps({"stories": {k: {"pairwise_f1": round(v["pairwise"]["f1"], 3),
                                      "bcubed_f1": round(v["bcubed"]["f1"], 3)} for k, v in scores.items()},
                      "statements": {k: {m: round(v[m], 3) for m in ("precision", "recall")}
                                     for k, v in statement_scores.items()},
                      "wire_pairwise_f1": round(wire["pairwise"]["f1"], 3),
                      "weights": weights.__dict__}, indent=None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
