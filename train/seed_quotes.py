"""The seed article's reference quotes scored with the quote metric.

The reference reading (``../shared/seed/*.gold.json``) gives contents and speakers as
text; this script locates each quote's content in the article and takes every
occurrence of the speaker's aliases as the gold speaker spans, then scores the quotes of
``claimgraph read`` with the project metric. Attributions are left to
``shared/scoring/score_seed.py``: the reference gives only the first words of each claim,
which the overlap metric cannot match against a whole claim.

    python train/seed_quotes.py [ARTICLE.txt GOLD.json]
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from claimgraph.eval.quotes import score
from claimgraph.reader import Reader

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"


def gold_record(text: str, gold: dict) -> dict:
    aliases = {e["name"]: set(e.get("aliases", [])) | {e["name"]} for e in gold["entities"]}
    items = []
    for item in gold["quotes"]:
        content = item["content"]
        start = text.find(content)
        if start < 0:
            continue
        who = item.get("speaker")
        spans = [[m.start(), m.end()] for name in aliases.get(who, {who} if who else set())
                 for m in re.finditer(re.escape(name), text)]
        items.append({"content": [start, start + len(content)], "speaker_spans": spans, "speaker_text": who})
    return {"id": "seed", "quotes": items, "attributions": []}


def main(article: Path, gold_path: Path) -> None:
    text = article.read_text(encoding="utf-8")
    gold = gold_record(text, json.loads(gold_path.read_text(encoding="utf-8")))
    pred = {**Reader().read(text, id="seed").to_record(), "attributions": []}
    for section, m in score([gold], [pred], sections=("both",)).items():
        print(section, "  ".join(f"{k}={v}" for k, v in m.items()))


if __name__ == "__main__":
    args = [Path(a) for a in sys.argv[1:]] or [SEED / "nk-troops-roundup.txt", SEED / "nk-troops-roundup.gold.json"]
    main(*args)
