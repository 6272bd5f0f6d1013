"""Ray: ``ingest --engine ray`` on a local Ray (2 CPUs) writes Parquet shards; ``claimgraph
load`` stores them; the counts equal a single-process ingest of the same articles, on
SQLite and PostgreSQL. Six short articles written for this test keep it quick."""
from __future__ import annotations

import json

import pytest

from claimgraph.cli import main
from claimgraph.store import Store

TOWNS = ("Arden", "Belmont", "Corran", "Dunmore", "Elsby", "Fenwick")


def feed(path):
    with open(path, "w", encoding="utf-8") as fh:
        for i, town in enumerate(TOWNS):
            text = (f"“The road to {town} will reopen on Friday,” said police chief Ana Reyes. "
                    f"According to the {town} council, {10 + i} trucks were stuck overnight, and "
                    f"the repairs may take two weeks.")
            fh.write(json.dumps({"id": f"road-{i}", "text": text, "outlet": "Valley Wire",
                                 "published": f"2024-06-{i + 1:02d}"}) + "\n")
        fh.write('{"id": "empty", "text": "   "}\n')
    return path


@pytest.fixture(scope="module")
def ray_shards(tmp_path_factory):
    ray = pytest.importorskip("ray")
    from claimgraph.ingest.feeds import iter_inputs
    from claimgraph.store.shards import ray_read

    tmp = tmp_path_factory.mktemp("ray")
    path = feed(tmp / "roads.jsonl")
    try:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    except Exception as err:  # noqa: BLE001 - say why, do not fail the rest of the suite
        pytest.skip(f"Ray could not start here: {type(err).__name__}: {err}")
    try:
        inputs = list(iter_inputs(str(path)))
        timings = ray_read(inputs, str(tmp / "shards"), workers=2, batch_size=4)
    finally:
        ray.shutdown()
    return path, tmp / "shards", timings


def test_ray_shards_load_to_the_same_counts_as_one_process(ray_shards, store_url, tmp_path,
                                                            reader, capsys):
    path, shards, timings = ray_shards
    assert timings["workers"] == 2 and list(shards.glob("*.parquet"))
    assert main(["load", str(shards), "--db", store_url]) == 1  # the empty article is an error
    err = capsys.readouterr().err
    assert "empty text" in err and "read 6, stored 6" in err
    assert main(["load", str(shards), "--db", store_url, "-q"]) == 1  # idempotent
    assert "skipped 6" in capsys.readouterr().err

    single = str(tmp_path / "single.db")
    with Store(single) as one:
        summary = one.ingest([str(path)], reader=reader, batch_size=4)
        expected = {k: v for k, v in one.stats().items() if k not in ("database", "backend", "readers")}
        records = {a: one.record(a) for a in (f"road-{i}" for i in range(6))}
    assert (summary.stored, summary.failed) == (6, 1)
    with Store(store_url) as loaded:
        got = {k: v for k, v in loaded.stats().items() if k not in ("database", "backend", "readers")}
        assert got == expected
        assert all(loaded.record(a) == rec for a, rec in records.items())
