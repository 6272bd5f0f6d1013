"""``claimgraph eval GOLD.jsonl``: score the reader on gold data, one table per section.

The gold file's ``source`` field names the corpus and so the metric: PolNeAR quotes and
attributions (:mod:`claimgraph.eval.quotes`), GUM coreference (:mod:`.coref`), TimeBank
dates (:mod:`.timex`), Szeged hedges (:mod:`.hedges`). Each metric module agrees with
the reference scorer in ``shared/scoring/`` to the third decimal. ``--pred`` scores an
existing ``claimgraph read --format jsonl`` output instead of reading the texts again.
"""
from __future__ import annotations

import argparse
import importlib
import inspect
import json
import sys

from claimgraph.errors import exit_status_help

CORPUS_METRIC = {"polnear": "quotes", "gum": "coref", "te3": "timex", "timebank": "timex",
                 "szeged-wiki": "hedges", "hedges": "hedges"}


def add_parser(sub) -> None:
    ev = sub.add_parser("eval", help="score the reader on gold data (PolNeAR, GUM, TimeBank, hedges)",
                        epilog=exit_status_help(), formatter_class=argparse.RawDescriptionHelpFormatter)
    ev.add_argument("gold", help="gold JSONL in the shared/data format")
    ev.add_argument("--pred", help="score these predictions (claimgraph read --format jsonl) instead")
    ev.add_argument("--metric", choices=sorted(set(CORPUS_METRIC.values())),
                    help="override the metric chosen from the gold file's 'source'")
    ev.add_argument("--processes", type=int, default=1)
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--save-pred", help="write the predictions made to this JSONL file")
    ev.add_argument("--scope", choices=["speech", "all"], default=None,
                    help="what counts as a quote (see 'claimgraph read --scope'); default: 'all' for "
                         "PolNeAR, whose annotation counts beliefs and attitudes, else 'speech'")


def _load_jsonl(path: str, what: str) -> list[dict]:
    records = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        records.append(json.loads(line))
                    except json.JSONDecodeError as err:
                        raise SystemExit(f"claimgraph eval: {path}:{n}: {what} line is not JSON ({err.msg})")
                    except RecursionError:
                        raise SystemExit(f"claimgraph eval: {path}:{n}: {what} line is not JSON "
                                         "(nested too deeply)") from None
    except OSError as err:
        raise SystemExit(f"claimgraph eval: cannot read {path}: {err.strerror}")
    except UnicodeDecodeError as err:
        raise SystemExit(f"claimgraph eval: {path}: {what} file is not UTF-8 "
                         f"(byte 0x{err.object[err.start:err.start + 1].hex().upper()})") from None
    return records


def _table(result: dict) -> str:
    """Rows = sections, columns = metrics, for flat section → metrics dicts."""
    rows = {k: v for k, v in result.items() if isinstance(v, dict)
            and all(not isinstance(x, dict) for x in v.values())}
    if not rows:
        flat = {k: v for k, v in result.items() if not isinstance(v, (dict, list))}
        if not flat:
            return json.dumps(result, indent=2)
        width = max(len(k) for k in flat)
        return "\n".join(f"{k.ljust(width)}  {v:.4f}" if isinstance(v, float) else f"{k.ljust(width)}  {v}"
                         for k, v in flat.items())
    cols = list(dict.fromkeys(c for v in rows.values() for c in v))
    lines = ["section".ljust(14) + "".join(c.rjust(max(9, len(c) + 2)) for c in cols)]
    for name, v in rows.items():
        cells = []
        for c in cols:
            x = v.get(c, "")
            cells.append((f"{x:.4f}" if isinstance(x, float) else str(x)).rjust(max(9, len(c) + 2)))
        lines.append(name.ljust(14) + "".join(cells))
    return "\n".join(lines)


def run(args) -> int:
    gold = _load_jsonl(args.gold, "gold")
    if not gold:
        print(f"claimgraph eval: {args.gold}: no gold records", file=sys.stderr)
        return 2
    needed = ("id",) if args.pred else ("id", "text")
    for n, g in enumerate(gold, 1):
        missing = [f'"{k}"' for k in needed if k not in g] if isinstance(g, dict) else None
        if missing is None or missing:
            why = "is not a JSON object" if missing is None else f"has no {' or '.join(missing)} field"
            print(f"claimgraph eval: {args.gold}: gold record {n} {why}", file=sys.stderr)
            return 2
    metric = args.metric or CORPUS_METRIC.get(gold[0].get("source", ""))
    if metric is None:
        print(f"claimgraph eval: {args.gold}: unknown corpus {gold[0].get('source')!r}; use --metric",
              file=sys.stderr)
        return 2
    module = importlib.import_module(f"claimgraph.eval.{metric}")
    if args.pred:
        pred = _load_jsonl(args.pred, "prediction")
    else:
        from claimgraph.reader import Reader

        scope = args.scope or ("all" if gold[0].get("source") == "polnear" else "speech")
        reader = Reader(scope=scope)
        # Only pass n_process to scorers that take it (catching TypeError instead would
        # also swallow a TypeError raised by a bug inside predict and run it again).
        if "n_process" in inspect.signature(module.predict).parameters:
            pred = module.predict(gold, reader, n_process=args.processes)
        else:
            pred = module.predict(gold, reader)
    if args.save_pred:
        with open(args.save_pred, "w", encoding="utf-8") as fh:
            for rec in pred:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    result = module.score(gold, pred)
    if args.json:
        print(json.dumps(result))
    elif hasattr(module, "format_table"):
        print(module.format_table(result))
    else:
        print(f"{metric} on {args.gold} ({len(gold)} gold records)")
        print(_table(result))
    return 0
