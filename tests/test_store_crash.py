"""Crash safety: a real ``claimgraph ingest`` process killed with SIGKILL mid-way, then run
again, ends with exactly what a clean run stores (SQLite and PostgreSQL)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from claimgraph.store import Store
from claimgraph.store.backend import database_url

SRC = Path(__file__).resolve().parents[1] / "src"
N = 40
TOWNS = ("Arden", "Belmont", "Corran", "Dunmore", "Elsby", "Fenwick", "Garrow", "Hollin")
PEOPLE = ("Mara Quinn", "Jonas Petit", "Ada Brenner", "Luis Okafor", "Nina Sato")


def article(i: int) -> dict:
    town, person = TOWNS[i % len(TOWNS)], PEOPLE[i % len(PEOPLE)]
    text = (f"“The flood barrier in {town} will be finished by autumn,” said {person}, "
            f"the regional planning chief, on Tuesday. According to the {town} council, "
            f"{120 + i} homes were damaged in the storm and repairs may cost {3 + i % 7} million "
            f"euros.\n\n{person.split()[1]} added that about {40 + i} families still lived in "
            f"temporary housing.")
    return {"id": f"flood-{i:03d}", "text": text, "outlet": ("North Post", "Valley Wire")[i % 2],
            "published": f"2024-05-{1 + i % 28:02d}"}


def counts(url: str) -> dict:
    store = Store(url)
    try:
        out = {k: v for k, v in store.stats().items() if k != "database"}
        with store.engine.connect() as conn:
            out["registry"] = [tuple(r) for r in conn.execute(sa.text(
                "SELECT key, name, articles, mentions FROM registry ORDER BY key"))]
            out["per_article"] = [tuple(r) for r in conn.execute(sa.text(
                "SELECT a.id, a.version, (SELECT COUNT(*) FROM quotes q WHERE q.article = a.uid), "
                "(SELECT COUNT(*) FROM mentions m WHERE m.article = a.uid) FROM articles a "
                "ORDER BY a.id, a.version"))]
    finally:
        store.close()
    return out


def stored(url: str) -> int:
    engine = sa.create_engine(database_url(url))
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT COUNT(*) FROM articles")).scalar())
    except sa.exc.SQLAlchemyError:
        return 0  # not created yet
    finally:
        engine.dispose()


def ingest_cmd(path, url):
    return [sys.executable, "-m", "claimgraph.cli", "ingest", str(path), "--db", url,
            "--batch-size", "4", "-q"]


def test_kill_9_mid_ingest_then_rerun_equals_clean_run(store_url, tmp_path, reader):
    feed = tmp_path / "floods.jsonl"
    feed.write_text("".join(json.dumps(article(i)) + "\n" for i in range(N)), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))

    proc = subprocess.Popen(ingest_cmd(feed, store_url), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    seen = 0
    while time.monotonic() < deadline and proc.poll() is None:
        seen = stored(store_url)
        if seen >= 8:
            break
        time.sleep(0.05)
    assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read()!r}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    partial = stored(store_url)
    assert 0 < partial < N and partial % 4 == 0  # whole batches only

    rerun = subprocess.run(ingest_cmd(feed, store_url), env=env, capture_output=True, text=True,
                           timeout=300)
    assert rerun.returncode == 0, rerun.stderr

    if store_url.endswith(".db"):
        clean_url = str(tmp_path / "clean.db")
    else:
        clean_url = store_url + "_clean"
        admin = sa.create_engine(database_url(store_url).set(database="postgres"),
                                 isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{database_url(clean_url).database}"')
    try:
        with Store(clean_url) as clean:  # the same ingest, in this process (model loaded once)
            summary = clean.ingest([str(feed)], reader=reader, batch_size=4)
        assert (summary.stored, summary.failed) == (N, 0)
        after, expected = counts(store_url), counts(clean_url)
        assert after["articles"] == after["versions"] == N
        assert after == expected
    finally:
        if not clean_url.endswith(".db"):
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS '
                                     f'"{database_url(clean_url).database}" WITH (FORCE)')
            admin.dispose()
