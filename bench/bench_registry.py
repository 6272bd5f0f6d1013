"""Registry lookup time with 100k registered entities (a benchmark, not a test).

Usage: python bench/bench_registry.py [--entities 100000] [--lookups 20000] [--db FILE]

Fills a registry with synthetic people, organisations and places (names built from
syllables, so there are namesakes; each with a country, a role and context), then
times ``Registry.lookup`` for registered names, namesakes and unknown names.
"""
from __future__ import annotations

import argparse
import random
import statistics
import time

from claimgraph.entities.registry import Registry
from claimgraph.model import Entity

SYLLABLES = ("ka ri mo na te lu vi so da pe ja no mi ro sa be le ku fa zi ho ta ne yo "
             "gu ma ki do ra si").split()
TYPES = ("PERSON", "PERSON", "PERSON", "ORG", "GPE", "NEWS_OUTLET")
COUNTRIES = ("USA", "GBR", "FRA", "DEU", "KOR", "PRK", "RUS", "UKR", "CHN", "IND", "BRA", None)
ROLES = ("president", "minister", "defender", "economist", "senator", "spokesman", "coach",
         "analyst", None)


def word(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(n)).capitalize()


def fill(reg: Registry, n: int, rng: random.Random) -> list[tuple[str, str]]:
    names = []
    t = time.perf_counter()
    i = 0
    while i < n or len(reg) < n:
        i += 1
        type_ = rng.choice(TYPES)
        name = f"{word(rng, rng.choice((2, 3)))} {word(rng, rng.choice((2, 3)))}"
        ent = Entity(id="E1", name=name, type=type_, mentions=[(0, 1)], aliases=[name, name.split()[-1]],
                     country=rng.choice(COUNTRIES), role=rng.choice(ROLES) if type_ == "PERSON" else None)
        reg.resolve(ent, f"a{i // 20}", [word(rng, 2) for _ in range(5)])
        names.append((name, type_))
        if i % 5000 == 0:
            reg.commit()
    reg.commit()
    print(f"filled {len(reg)} entities ({i} resolved) in {time.perf_counter() - t:.1f} s")
    return names


def timed(fn, queries) -> list[float]:
    out = []
    for q in queries:
        t = time.perf_counter()
        fn(*q)
        out.append((time.perf_counter() - t) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entities", type=int, default=100_000)
    ap.add_argument("--lookups", type=int, default=20_000)
    ap.add_argument("--db", default=":memory:")
    args = ap.parse_args()
    rng = random.Random(42)
    reg = Registry(args.db)
    names = fill(reg, args.entities, rng)
    known = [rng.choice(names) for _ in range(args.lookups)]
    unknown = [(f"{word(rng, 3)} {word(rng, 3)}", "PERSON") for _ in range(args.lookups)]
    with_evidence = [(n, t, rng.choice(COUNTRIES), rng.choice(ROLES), [word(rng, 2)]) for n, t in known]
    for label, queries in (("registered name", known), ("unknown name", unknown),
                           ("name + country/role/context", with_evidence)):
        ms = timed(reg.lookup, queries)
        ms.sort()
        print(f"{label:<30} mean {statistics.fmean(ms):.4f} ms  median {ms[len(ms) // 2]:.4f} ms  "
              f"p99 {ms[int(len(ms) * 0.99)]:.4f} ms")
    reg.close()


if __name__ == "__main__":
    main()
