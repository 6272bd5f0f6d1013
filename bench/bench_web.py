"""Benchmarks of the web server (``claimgraph serve``), on loopback only.

  read    POST /read of bench/web_article.txt (996 words, written for the project): p50 and
          p95 end to end, against the reader's own time for the same article (Reader.read in
          this process), requests and direct reads alternating.
  load    --clients (50) concurrent clients for --seconds (60): POST /read of a short
          article, the Read page (POST /), /health and a static file, mixed; every status
          counted (anything but 200 is an error) and the server's RSS sampled each second.
  search  --quotes (100,000) synthetic quotes stored through the Store API in a fresh
          SQLite file, then GET /search (a speaker filter, an entity filter, a full-text
          query) end to end, p50 and p95.

    PYTHONPATH=src python bench/bench_web.py [read|load|search|all] [--requests 30] ...

Each mode starts its own server (one uvicorn worker, model loaded once at start) as a
subprocess and stops it at the end.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synthetic  # noqa: E402
from synthetic import Vocabulary  # noqa: E402

ARTICLE = (HERE / "web_article.txt").read_text(encoding="utf-8")
SHORT = ("“The ferry will run every hour from June,” said Ana Reyes, the harbour master. "
         "Passenger numbers rose by 8 percent last year, according to the port authority. "
         "“We expect a busy summer,” Reyes said, adding that two new boats may arrive in May.")


def pct(values, p):
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Server:
    def __init__(self, *extra: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env.setdefault("PYTHONPATH", str(HERE.parent / "src"))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "claimgraph.cli", "serve", "--port", str(self.port),
             "--log-level", "warning", *extra], env=env)
        deadline = time.time() + 300
        while True:
            try:
                if httpx.get(self.url + "/health", timeout=5).json().get("model_loaded"):
                    break
            except httpx.HTTPError:
                pass
            if self.proc.poll() is not None or time.time() > deadline:
                raise SystemExit("the server did not start")
            time.sleep(0.2)

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def mode_read(args) -> None:
    from claimgraph.reader import Reader

    reader = Reader()
    reader.read(ARTICLE)  # load and warm
    server = Server()
    try:
        with httpx.Client(timeout=120) as client:
            for _ in range(3):
                client.post(server.url + "/read", json={"text": ARTICLE}).raise_for_status()
            web, direct, inside = [], [], []
            for _ in range(args.requests):
                t = time.perf_counter()
                r = client.post(server.url + "/read", json={"text": ARTICLE})
                web.append(1000 * (time.perf_counter() - t))
                assert r.status_code == 200, r.text
                parts = dict(p.strip().split(";dur=") for p in r.headers["server-timing"].split(","))
                inside.append(float(parts["read"]))
                t = time.perf_counter()
                reader.read(ARTICLE)
                direct.append(1000 * (time.perf_counter() - t))
    finally:
        server.stop()
    words = len(ARTICLE.split())
    print(f"read: {words} words, {args.requests} requests, alternating with direct reads")
    print(f"  POST /read          p50 {pct(web, 50):7.1f} ms   p95 {pct(web, 95):7.1f} ms")
    print(f"  of which the server's reader (Server-Timing: read)  p50 {pct(inside, 50):7.1f} ms")
    print(f"  Reader.read direct  p50 {pct(direct, 50):7.1f} ms   p95 {pct(direct, 95):7.1f} ms")
    print(f"  overhead at p50: {100 * (pct(web, 50) / pct(direct, 50) - 1):+.1f}%")


async def _client(url: str, stop_at: float, stats: dict, rng: random.Random) -> None:
    async with httpx.AsyncClient(timeout=300) as client:
        while time.time() < stop_at:
            roll = rng.random()
            t = time.perf_counter()
            try:
                if roll < 0.6:
                    r = await client.post(url + "/read", json={"text": SHORT})
                    kind = "POST /read"
                elif roll < 0.75:
                    r = await client.post(url + "/", data={"text": SHORT})
                    kind = "POST / (page)"
                elif roll < 0.9:
                    r = await client.get(url + "/health")
                    kind = "GET /health"
                else:
                    r = await client.get(url + "/static/app.css")
                    kind = "GET /static"
                ok = r.status_code == 200
            except httpx.HTTPError as err:
                ok, kind = False, f"{type(err).__name__}"
            ms = 1000 * (time.perf_counter() - t)
            stats.setdefault(kind, []).append(ms)
            if not ok:
                stats.setdefault("errors", []).append(kind)


async def _load(url: str, clients: int, seconds: float, pid: int):
    stats: dict = {}
    samples: list[tuple[float, float]] = []
    start = time.time()
    stop_at = start + seconds

    async def sample():
        while time.time() < stop_at:
            samples.append((time.time() - start, rss_mb(pid)))
            await asyncio.sleep(1)

    tasks = [asyncio.create_task(_client(url, stop_at, stats, random.Random(i))) for i in range(clients)]
    await asyncio.gather(sample(), *tasks)
    return stats, samples, time.time() - start


def mode_load(args) -> None:
    server = Server()
    try:
        with httpx.Client(timeout=120) as client:  # warm: the first page render, the first read
            client.post(server.url + "/", data={"text": SHORT}).raise_for_status()
            client.post(server.url + "/read", json={"text": SHORT}).raise_for_status()
        rss_before = rss_mb(server.proc.pid)
        stats, samples, took = asyncio.run(_load(server.url, args.clients, args.seconds, server.proc.pid))
        rss_after = rss_mb(server.proc.pid)
    finally:
        server.stop()
    errors = stats.pop("errors", [])
    total = sum(len(v) for v in stats.values())
    print(f"load: {args.clients} clients for {took:.0f} s on loopback, {total} requests "
          f"({total / took:.1f}/s), {len(errors)} errors")
    for kind, times in sorted(stats.items()):
        print(f"  {kind:<15} n={len(times):5d}  p50 {pct(times, 50):7.1f} ms  p95 {pct(times, 95):7.1f} ms")
    first = [m for t, m in samples if t < 10]
    last = [m for t, m in samples if t > took - 10]
    print(f"  server RSS: {rss_before:.0f} MB before, {statistics.mean(first):.0f} MB in the first 10 s, "
          f"{statistics.mean(last):.0f} MB in the last 10 s, max {max(m for _, m in samples):.0f} MB, "
          f"{rss_after:.0f} MB after")
    marks = [f"{t:.0f}s {m:.0f}" for t, m in samples[::10]]
    print(f"  RSS every 10 s (MB): {', '.join(marks)}")
    if errors:
        raise SystemExit(f"{len(errors)} errors: {sorted(set(errors))}")


#: the web's synthetic corpus is harder than the store's: 100 people and 18 words, so a
#: speaker, an entity or two words each match about 1,000 of 100,000 quotes
VOCAB = Vocabulary(
    first=("Ana", "Ben", "Chloe", "Dmitri", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonas"),
    last=("Abara", "Bergmann", "Castell", "Duarte", "Eriksen", "Fontaine", "Gallo", "Haddad",
          "Ibsen", "Jovanovic"),
    words=("budget", "harbour", "school", "bridge", "water", "tax", "rail", "clinic", "housing",
           "energy", "police", "farm", "road", "park", "court", "market", "power", "library"),
    words_per_quote=10, outlets=("North Post", "Valley Wire", "Coast Daily"), year=2025)
FIRST, LAST, WORDS = VOCAB.first, VOCAB.last, VOCAB.words


def mode_search(args) -> None:
    from claimgraph.store import Store
    from claimgraph.store import search as store_search

    db = args.db or str(Path(tempfile.mkdtemp(prefix="bench-web-")) / "corpus.db")
    store = Store(db)
    t = time.perf_counter()
    if synthetic.fill(store, args.quotes, VOCAB):
        print(f"search: stored {store.stats()['quotes']:,} quotes in {time.perf_counter() - t:.0f} s")
    server = Server("--db", db)
    rng = random.Random(11)
    cases = {
        "speaker filter": lambda: {"speaker": f"{rng.choice(FIRST)} {rng.choice(LAST)}"},
        "entity filter (about)": lambda: {"about": f"{rng.choice(FIRST)} {rng.choice(LAST)}"},
        "full text": lambda: {"q": f"{rng.choice(WORDS)} {rng.choice(WORDS)}"},
    }
    print(f"search at {store.stats()['quotes']:,} stored quotes: GET /search end to end (a page of 20 "
          f"and the total), against the store's own page query (claimgraph.store.search.page) in this "
          f"process, alternating")
    try:
        with httpx.Client(timeout=60) as client:
            for case, params in cases.items():
                client.get(server.url + "/search", params=params()).raise_for_status()
                web, direct, totals = [], [], []
                for _ in range(args.queries):
                    p = params()
                    t = time.perf_counter()
                    r = client.get(server.url + "/search", params={**p, "limit": 20})
                    web.append(1000 * (time.perf_counter() - t))
                    assert r.status_code == 200, r.text
                    totals.append(r.json()["total"])
                    t = time.perf_counter()
                    with store.engine.connect() as conn:
                        store_search.page(conn, p.pop("q", None), store_search.Filters(**p), limit=20)
                    direct.append(1000 * (time.perf_counter() - t))
                print(f"  {case:<22} web p50 {pct(web, 50):6.1f} ms  p95 {pct(web, 95):6.1f} ms   "
                      f"store alone p50 {pct(direct, 50):6.1f} ms   (hits per query median "
                      f"{statistics.median(totals):.0f})")
    finally:
        server.stop()
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", nargs="?", default="all", choices=["read", "load", "search", "all"])
    ap.add_argument("--requests", type=int, default=30)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--db", default=None, help="store for the search mode (default: a fresh SQLite file)")
    args = ap.parse_args()
    for mode in (["read", "load", "search"] if args.mode == "all" else [args.mode]):
        globals()[f"mode_{mode}"](args)


if __name__ == "__main__":
    main()
