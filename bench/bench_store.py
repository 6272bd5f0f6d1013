"""Store benchmarks (not tests). Modes:

  ingest   `claimgraph read FEED --format jsonl` against `claimgraph ingest FEED` (fresh SQLite
           store), whole processes, alternating, median of --repeat runs; plus, in one process,
           the time to read the feed against the time to store the same readings (storing only)
  memory   peak memory over a long ingest: the feed repeated with new ids up to --articles
           (default 2,000); RSS sampled while the store fills
  search   --quotes (default 100,000) synthetic quotes stored through the Store API, then
           p50/p95 of a speaker filter, an entity (--about) filter and a full-text query
  ray      `ingest --engine ray` with 2 workers against a one-process ingest of the same
           --articles (default 200) articles, with where the time goes

Usage: python bench/bench_store.py MODE [--feed ../shared/data/voa/articles.jsonl]
       [--db postgresql://…] (search: the server to use besides SQLite)
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402
from synthetic import Vocabulary  # noqa: E402

FEED = ROOT.parent / "shared" / "data" / "voa" / "articles.jsonl"
ENV = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))
CLI = [sys.executable, "-m", "claimgraph.cli"]


def run_measured(cmd, stdout=subprocess.DEVNULL) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, env=ENV, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd} failed ({proc.returncode}): {err[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def repeated_feed(src: Path, n: int, dst: Path) -> Path:
    lines = [json.loads(x) for x in src.read_text(encoding="utf-8").splitlines() if x.strip()]
    with open(dst, "w", encoding="utf-8") as fh:
        for i in range(n):
            rec = dict(lines[i % len(lines)])
            rec["id"] = f"{rec.get('id', 'a')}-copy{i // len(lines)}"
            rec.pop("url", None)
            fh.write(json.dumps(rec) + "\n")
    return dst


def mode_ingest(args) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-store-"))
    reads, ingests = [], []
    for r in range(args.repeat):
        db = tmp / f"run{r}.db"
        order = [("read", CLI + ["read", str(args.feed), "--format", "jsonl", "-q"]),
                 ("ingest", CLI + ["ingest", str(args.feed), "--db", str(db), "-q"])]
        if r % 2:
            order.reverse()
        for name, cmd in order:
            wall, rss = run_measured(cmd)
            (reads if name == "read" else ingests).append((wall, rss))
            print(f"  run {r + 1} {name:<6} {wall:6.1f} s  {rss:6.0f} MB", flush=True)
    rt, it = statistics.median(w for w, _ in reads), statistics.median(w for w, _ in ingests)
    rm, im = max(m for _, m in reads), max(m for _, m in ingests)
    print(f"read   {rt:.1f} s, {rm:.0f} MB\ningest {it:.1f} s, {im:.0f} MB\n"
          f"time ratio {it / rt:.3f}, memory ratio {im / rm:.3f}")
    # in one process: reading against storing the very same readings
    from claimgraph.ingest.feeds import iter_inputs
    from claimgraph.reader import Reader
    from claimgraph.store import Store
    from claimgraph.store.ingest import Summary, store_articles

    reader = Reader()
    reader.nlp
    inputs = [i for i in iter_inputs(str(args.feed)) if not hasattr(i, "message")]
    t = time.perf_counter()
    arts = list(reader.read_many(inputs))
    read_s = time.perf_counter() - t
    store = Store(str(tmp / "inproc.db"))
    writer = store.writer()
    t = time.perf_counter()
    store_articles(writer, arts, Summary(), batch_size=32)
    store_s = time.perf_counter() - t
    writer.close()
    print(f"in one process: read {read_s:.2f} s, store {store_s:.2f} s "
          f"({100 * store_s / read_s:.1f}% of reading; {1000 * store_s / len(arts):.1f} ms/article)")


def _rss(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def mode_memory(args) -> None:
    import sqlalchemy as sa

    tmp = Path(tempfile.mkdtemp(prefix="bench-store-"))
    feed = repeated_feed(args.feed, args.articles, tmp / "long.jsonl")
    db = tmp / "long.db"
    proc = subprocess.Popen(CLI + ["ingest", str(feed), "--db", str(db), "-q"], env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    samples = []  # (stored, rss)
    engine = None
    t0 = time.perf_counter()
    while proc.poll() is None:
        time.sleep(2)
        rss = _rss(proc.pid)
        stored = 0
        if db.exists():
            try:
                engine = engine or sa.create_engine(f"sqlite:///{db}")
                with engine.connect() as conn:
                    stored = conn.execute(sa.text("SELECT COUNT(*) FROM articles")).scalar()
            except sa.exc.SQLAlchemyError:
                pass
        samples.append((stored, rss))
    wall = time.perf_counter() - t0
    print(f"{args.articles} articles in {wall:.0f} s ({args.articles / wall:.1f} articles/s)")
    for frac in (0.1, 0.25, 0.5, 0.75, 1.0):
        want = frac * args.articles
        near = [m for s, m in samples if s <= want]
        print(f"  up to {int(want):5d} stored: peak RSS {max(near) if near else 0:.0f} MB")


# -------------------------------------------------------------------------- search

#: names and words of the synthetic corpus: 500 people, 34 topic words
VOCAB = Vocabulary(
    first=tuple("Ana Ben Cara Dov Eli Fay Gil Hana Ivo Jon Kim Lea Max Nia Oto Pia Raf Sol Tea Uma "
                "Vic Wes Xan Yul Zoe".split()),
    last=tuple("Reyes Okafor Petit Brenner Sato Quinn Lindqvist Moreau Haddad Novak Costa Weber Ito "
               "Adeyemi Kowalski Rossi Dubois Ivanova Tanaka Larsen".split()),
    words=tuple("ceasefire talks budget harbour ferry bridge election vote tariff grain drought flood "
                "troops border reform court ruling strike wages inflation school hospital vaccine "
                "pipeline sanctions treaty summit protest police mayor council minister".split()))
FIRST, LAST, WORDS = VOCAB.first, VOCAB.last, VOCAB.words



def pct(values, p):
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


def mode_search(args) -> None:
    from claimgraph.store import Store

    urls = [] if args.no_sqlite else \
        [("sqlite", args.sqlite or str(Path(tempfile.mkdtemp(prefix="bench-store-")) / "search.db"))]
    if args.db:
        urls.append(("postgresql", args.db))
    for label, url in urls:
        store = Store(url)
        t = time.perf_counter()
        if synthetic.fill(store, args.quotes, VOCAB):
            print(f"{label}: stored {store.stats()['quotes']} quotes in {time.perf_counter() - t:.0f} s",
                  flush=True)
        rng = random.Random(11)
        names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(args.queries)]
        cases = {"speaker filter": lambda i: store.search(speaker=names[i], limit=50),
                 "entity filter (--about)": lambda i: store.search(about=names[i], limit=50),
                 "full text, a name": lambda i: store.search(f'"{names[i]}"', limit=50),
                 "full text, 2 common words": lambda i: store.search(
                     f"{WORDS[i % len(WORDS)]} {WORDS[(3 * i + 1) % len(WORDS)]}", limit=50)}
        for case, fn in cases.items():
            fn(0)  # warm
            times, hits = [], []
            for i in range(args.queries):
                t = time.perf_counter()
                hits.append(len(fn(i)))
                times.append(1000 * (time.perf_counter() - t))
            print(f"{label:<10} {case:<26} p50 {pct(times, 50):6.1f} ms  p95 {pct(times, 95):6.1f} ms  "
                  f"(hits/query median {statistics.median(hits):.0f}, limit 50)", flush=True)
        store.close()


def mode_ray(args) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-store-"))
    feed = repeated_feed(args.feed, args.articles, tmp / "ray.jsonl")
    wall1, _ = run_measured(CLI + ["ingest", str(feed), "--db", str(tmp / "one.db"), "-q"])
    print(f"one process: {wall1:.1f} s", flush=True)
    t = time.perf_counter()
    proc = subprocess.run(CLI + ["ingest", str(feed), "--db", str(tmp / "ray.db"), "--engine", "ray",
                                 "--workers", "2", "--batch-size", "16"],
                          env=ENV, capture_output=True, text=True)
    wall2 = time.perf_counter() - t
    print("\n".join(line for line in proc.stderr.splitlines() if line.startswith("claimgraph:")))
    print(f"ray, 2 workers: {wall2:.1f} s (ratio to one process {wall2 / wall1:.2f})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["ingest", "memory", "search", "ray"])
    ap.add_argument("--feed", type=Path, default=FEED)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--articles", type=int, default=None)
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=100)
    ap.add_argument("--db", default=None, help="search: a PostgreSQL URL to measure too")
    ap.add_argument("--sqlite", default=None, help="search: this SQLite file (kept; filled if short)")
    ap.add_argument("--no-sqlite", action="store_true", help="search: PostgreSQL only")
    args = ap.parse_args()
    if args.articles is None:
        args.articles = 2000 if args.mode == "memory" else 200
    {"ingest": mode_ingest, "memory": mode_memory, "search": mode_search, "ray": mode_ray}[args.mode](args)


if __name__ == "__main__":
    main()
