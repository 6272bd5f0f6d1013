"""Made-up readings for the store and web benchmarks (no reader needed): ``articles(n, per,
rng, vocabulary)`` yields :class:`~claimgraph.model.Article` records of 4 people each,
``per`` quotes, each quote by one of them and mentioning another, and one anonymous
attribution. The vocabulary (given names, family names, topic words) sets how selective a
query is: the fewer names and words, the more hits a speaker or a word has."""
from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Vocabulary:
    first: tuple[str, ...]
    last: tuple[str, ...]
    words: tuple[str, ...]
    words_per_quote: int = 12
    outlets: tuple[str, ...] = ("North Post", "Valley Wire", "Coast Daily", "Harbour Times")
    year: int = 2024


def articles(n_articles: int, quotes_per: int, rng: random.Random, vocab: Vocabulary):
    from claimgraph.model import Article, Attribution, Entity, Quote

    people = [f"{f} {last}" for f in vocab.first for last in vocab.last]
    for a in range(n_articles):
        speakers = rng.sample(people, 4)
        text = ""
        mentions = {name: [] for name in speakers}
        for name in speakers:
            mentions[name].append((len(text), len(text) + len(name)))
            text += name + ". "
        quotes = []
        for q in range(quotes_per):
            sp = rng.choice(speakers)
            about = rng.choice([p for p in speakers if p != sp])
            content = f"{about} and the {' '.join(rng.choice(vocab.words) for _ in range(vocab.words_per_quote))} plan"
            start = len(text)
            mentions[about].append((start, start + len(about)))
            text += f"{content}, {sp.split()[1]} said. "
            cue = text.rindex("said")
            quotes.append(Quote(f"Q{q + 1}", rng.choice(("direct", "indirect", "partial")),
                                (start, start + len(content)), cue=(cue, cue + 4),
                                speaker=f"E{speakers.index(sp) + 1}",
                                certainty=rng.choice(("certain", "possible"))))
        ents = [Entity(f"E{i + 1}", name, "PERSON", mentions[name], [name, name.split()[1]])
                for i, name in enumerate(speakers)]
        yield Article(id=f"syn-{a}", text=text, entities=ents, quotes=quotes,
                      attributions=[Attribution("A1", None, "officials", None, (0, 1),
                                                quotes[0].content, anonymous=True)],
                      outlet=rng.choice(vocab.outlets),
                      published=f"{vocab.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")


def fill(store, n_quotes: int, vocab: Vocabulary, quotes_per: int = 10, seed: int = 7) -> int:
    """Store synthetic articles until ``store`` holds ``n_quotes`` quotes; the number stored.

    They are stored without linking them across articles: the same few speakers in every
    article make the statement linker compare each quote with hundreds (a search benchmark
    measures search; ``bench/bench_across.py`` measures linking)."""
    from claimgraph.across import persist

    have = store.stats()["quotes"]
    if have >= n_quotes:
        return 0
    link_batch, persist.link_batch = persist.link_batch, lambda conn, tables, items: []
    try:
        batch, stored = [], 0
        for art in articles((n_quotes - have) // quotes_per + 1, quotes_per, random.Random(seed), vocab):
            art.id += f"-{have}"
            batch.append(art)
            if len(batch) == 500:
                stored += store.ingest(batch, batch_size=100).stored
                batch = []
        if batch:
            stored += store.ingest(batch, batch_size=100).stored
        return stored
    finally:
        persist.link_batch = link_batch
