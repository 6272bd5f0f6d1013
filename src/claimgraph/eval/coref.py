"""Named-entity coreference scores on GUM-style gold (``shared/data/gum-news``).

The metrics of the CoNLL-2012 shared task as the reference scorer defines them
(Pradhan et al. 2014, "Scoring coreference partitions of predicted mentions: a
reference implementation", ACL): MUC (Vilain et al. 1995), B-cubed (Bagga & Baldwin
1998), CEAF-e (Luo 2005) and their mean, the CoNLL F1. The setting is the project's
reference scorer (``shared/scoring/score_coref.py``), and :func:`score` agrees with it:

- only named clusters count: GUM types person / organization / place with at least one
  proper-name mention (head word capitalised other than by sentence position, or a
  "descriptor + Name" tail); all mentions of such a cluster are kept;
- predicted mentions are aligned one-to-one to gold mentions, best first: exact span,
  then same head (gold head inside the prediction, prediction inside the gold span),
  then character overlap of at least half of both spans;
- singletons are dropped from key and response for the link metrics; also reported:
  gold clusters recovered whole and mention detection.

:func:`predict` reads the gold texts with a :class:`claimgraph.reader.Reader` and returns
records in the ``claimgraph read --format jsonl`` shape.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from claimgraph.eval import f1

NAMED_TYPES = ("person", "organization", "place")
_PRONOUNS = frozenset("""i me my mine myself we us our ours ourselves you your yours yourself
yourselves he him his himself she her hers herself it its itself they them their theirs
themselves this that these those who whom whose which what one ones both each either neither
all some any none many most several few other others another everyone everybody someone
somebody anyone anybody nobody there here the a an such""".split())
_PARTICLES = frozenset("de del della der den van von da di du dos le la bin ibn al el y "
                       "van't st.".split())
_ABBREVIATIONS = frozenset("mr mrs ms dr prof st jr sr gen gov sen rep lt col capt sgt mt no "
                           "vs etc inc co corp ltd rev hon pres sec dept fig approx jan feb mar "
                           "apr jun jul aug sep sept oct nov dec".split())
_BRACKETS = set("\"'“”‘’«»()[]{}")
_WORD = re.compile(r"[^\W\d_][\w\-]*")
_POSSESSIVE_END = re.compile(r"(?:['’]s|['’])\s*$")
_NAME_WORD = re.compile(r"[A-Z0-9][\w.\-'’]*")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]\.")


# -- which gold mentions are proper names ---------------------------------------------------
def opens_sentence(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and (text[i] in " \t" or text[i] in _BRACKETS):
        i -= 1
    if i < 0 or text[i] in "\n\r!?":
        return True
    if text[i] != ".":
        return False
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    word = text[j:i + 1].strip("".join(_BRACKETS))
    return not (word[:-1].lower() in _ABBREVIATIONS or _INITIALS.fullmatch(word))


class _Vocabulary:
    def __init__(self, text: str):
        self.lower: set[str] = set()
        self.capital_inside: set[str] = set()
        for m in _WORD.finditer(text):
            w = m.group()
            if w[0].islower():
                self.lower.add(w.lower())
            elif w[0].isupper() and not opens_sentence(text, m.start()):
                self.capital_inside.add(w)


def _name_tail(text: str, head_end: int, end: int) -> bool:
    words = _POSSESSIVE_END.sub("", text[head_end:end]).split()
    capital = False
    for w in words:
        if w in ("-", "–", "—") or w.lower() in _PARTICLES:
            continue
        if _NAME_WORD.fullmatch(w) and any(c.isupper() for c in w):
            capital = True
            continue
        return False
    return capital


def is_proper(text: str, span, head, vocab: _Vocabulary, linked: bool = False) -> bool:
    s, e = span
    hs, he = head
    m = _WORD.search(text, hs, he) if he > hs else None
    if m is not None:
        w = m.group()
        caps = len(w) > 1 and w.isupper()
        bare = _POSSESSIVE_END.sub("", text[s:e].strip())
        pronoun = w.lower() in _PRONOUNS and not caps and bare.lower() == w.lower()
        if w[0].isupper() and not pronoun:
            if caps or not opens_sentence(text, m.start()):
                return True
            if w.lower() not in vocab.lower and (w in vocab.capital_inside or linked):
                return True
    return _name_tail(text, he, e)


# -- reading gold and predictions ----------------------------------------------------------
def _pair(m) -> tuple[int, int]:
    if isinstance(m, dict):
        m = m["span"] if "span" in m else (m["start"], m["end"])
    return int(m[0]), int(m[1])


def _gold(doc: dict):
    text = doc.get("text", "")
    vocab = _Vocabulary(text)
    mentions, clusters, kept = [], [], []
    for ci, ent in enumerate(doc.get("entities", [])):
        spans = [_pair(m) for m in ent.get("mentions", [])]
        heads = [_pair(h) for h in (ent.get("mention_heads") or spans)]
        linked = bool(ent.get("wikidata") or ent.get("wikipedia"))
        idx = []
        any_proper = False
        for sp, hd in zip(spans, heads):
            proper = is_proper(text, sp, hd, vocab, linked)
            any_proper |= proper
            idx.append(len(mentions))
            mentions.append({"span": sp, "head": hd, "cluster": ci, "proper": proper, "kept": False})
        if ent.get("type") in NAMED_TYPES and any_proper:
            for i in idx:
                mentions[i]["kept"] = True
            kept.append(ci)
        clusters.append(idx)
    return text, mentions, clusters, kept


def _pred(doc: Optional[dict], text: str):
    out, seen, bad, dup = [], set(), 0, 0
    n = len(text)
    for ci, ent in enumerate((doc or {}).get("entities", []) or []):
        for m in ent.get("mentions", []) or []:
            try:
                s, e = _pair(m)
            except (TypeError, ValueError, KeyError, IndexError):
                bad += 1
                continue
            while s < e and s < n and text[s].isspace():
                s += 1
            while e > s and e <= n and text[e - 1].isspace():
                e -= 1
            if not 0 <= s < e <= n:
                bad += 1
            elif (s, e) in seen:
                dup += 1
            else:
                seen.add((s, e))
                out.append(((s, e), ci))
    return out, bad, dup


def align(gold_mentions: list[dict], pred_spans: list, min_overlap: float = 0.5) -> dict[int, int]:
    """One-to-one greedy alignment, best tier first (exact > head > overlap), then Dice."""
    cands = []
    for pi, (ps, pe) in enumerate(pred_spans):
        for gi, g in enumerate(gold_mentions):
            gs, ge = g["span"]
            ov = min(pe, ge) - max(ps, gs)
            if ov <= 0:
                continue
            hs, he = g["head"]
            if (ps, pe) == (gs, ge):
                tier = 3
            elif gs <= ps and pe <= ge and ps <= hs and he <= pe:
                tier = 2
            elif ov >= min_overlap * (pe - ps) and ov >= min_overlap * (ge - gs):
                tier = 1
            else:
                continue
            cands.append((-tier, -2.0 * ov / ((pe - ps) + (ge - gs)), pi, gi))
    cands.sort()
    p2g: dict[int, int] = {}
    used: set[int] = set()
    for _, _, pi, gi in cands:
        if pi not in p2g and gi not in used:
            p2g[pi] = gi
            used.add(gi)
    return p2g


# -- metrics ---------------------------------------------------------------------------------
def _muc(key, resp):
    def part(a, b):
        where = {m: i for i, cl in enumerate(b) for m in cl}
        num = den = 0
        for cl in a:
            num += len(cl) - len({where.get(m, ("alone", m)) for m in cl})
            den += len(cl) - 1
        return num, den
    return (*part(key, resp), *part(resp, key))


def _b3(key, resp):
    def part(a, b):
        where = {m: i for i, cl in enumerate(b) for m in cl}
        num, den = 0.0, 0
        for cl in a:
            counts: dict[int, int] = {}
            for m in cl:
                if m in where:
                    counts[where[m]] = counts.get(where[m], 0) + 1
            num += sum(c * c for c in counts.values()) / len(cl)
            den += len(cl)
        return num, den
    return (*part(key, resp), *part(resp, key))


def _ceafe(key, resp):
    if not key or not resp:
        return 0.0, len(key), 0.0, len(resp)
    ks, rs = [set(k) for k in key], [set(r) for r in resp]
    sim = [[2.0 * len(k & r) / (len(k) + len(r)) for r in rs] for k in ks]
    best = max_weight_matching(sim)
    return best, len(key), best, len(resp)


def max_weight_matching(sim: list[list[float]]) -> float:
    """Value of the maximum-weight assignment (Kuhn-Munkres, rows <= columns after transpose)."""
    if len(sim) > len(sim[0]):
        sim = [list(col) for col in zip(*sim)]
    n, m = len(sim), len(sim[0])
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    match, way = [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = -sim[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j], way[j] = cur, j0
                if minv[j] < delta:
                    delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return float(sum(sim[match[j] - 1][j - 1] for j in range(1, m + 1) if match[j]))


def _prf(rn, rd, pn, pd) -> dict:
    r = rn / rd if rd else 0.0
    p = pn / pd if pd else 0.0
    return {"P": p, "R": r, "F1": f1(p, r)}


def score_document(gold: dict, pred: Optional[dict], keep_singletons: bool = False,
                   min_overlap: float = 0.5) -> dict:
    """Raw counts for one document (summed by :func:`score`)."""
    text, gm, gclusters, kept = _gold(gold)
    pm, bad, dup = _pred(pred, text)
    p2g = align(gm, [s for s, _ in pm], min_overlap)
    by_cluster: dict[int, list[int]] = {}
    for pi, (_, ci) in enumerate(pm):
        by_cluster.setdefault(ci, []).append(pi)
    response = []
    for pis in by_cluster.values():
        ids = [("g", p2g[pi]) if pi in p2g and gm[p2g[pi]]["kept"] else ("p", pi) for pi in pis]
        if any(t == "g" for t, _ in ids):
            response.append(ids)
    key_all = [[("g", i) for i in gclusters[ci]] for ci in kept]
    key = key_all if keep_singletons else [k for k in key_all if len(k) > 1]
    resp = response if keep_singletons else [r for r in response if len(r) > 1]
    c = {"muc": _muc(key, resp), "b3": _b3(key, resp), "ceafe": _ceafe(key, resp)}
    g2p = {gi: pi for pi, gi in p2g.items()}
    p2c = {pi: ci for pi, (_, ci) in enumerate(pm)}
    whole = strict = multi = 0
    for ci in kept:
        idx = gclusters[ci]
        if len(idx) < 2:
            continue
        multi += 1
        if any(gi not in g2p for gi in idx):
            continue
        pcs = {p2c[g2p[gi]] for gi in idx}
        if len(pcs) != 1:
            continue
        pis = by_cluster[pcs.pop()]
        if any(pi in p2g and gm[p2g[pi]]["cluster"] != ci for pi in pis):
            continue
        whole += 1
        strict += len(pis) == len(idx)
    c["whole"] = (whole, strict, multi)
    kept_g = [i for i, m in enumerate(gm) if m["kept"]]
    proper_g = [i for i in kept_g if gm[i]["proper"]]
    c["md"] = (sum(i in g2p for i in proper_g), len(proper_g), sum(i in g2p for i in kept_g),
               len(kept_g), sum(t == "g" for r in response for t, _ in r),
               sum(len(r) for r in response))
    c["info"] = {"gold_named_clusters": len(key_all),
                 "gold_named_clusters_multi": sum(len(k) > 1 for k in key_all),
                 "gold_named_mentions": len(kept_g), "gold_proper_mentions": len(proper_g),
                 "pred_clusters": len(by_cluster), "pred_clusters_kept": len(response),
                 "pred_mentions": len(pm), "pred_mentions_kept": sum(len(r) for r in response),
                 "pred_mentions_invalid": bad, "pred_mentions_duplicate": dup}
    return c


def _summary(c: dict) -> dict:
    out = {k: _prf(*c[k]) for k in ("muc", "b3", "ceafe")}
    out["conll_f1"] = sum(out[k]["F1"] for k in ("muc", "b3", "ceafe")) / 3
    w, s, n = c["whole"]
    out["whole_clusters"] = {"recovered": w, "strict": s, "of": n,
                             "share": w / n if n else 0.0, "share_strict": s / n if n else 0.0}
    a, b, x, d, e, f = c["md"]
    out["mention_detection"] = {
        "proper_recall": a / b if b else 0.0, "proper_found": a, "proper_gold": b,
        "all_recall": x / d if d else 0.0, "all_found": x, "all_gold": d,
        "kept_pred_precision": e / f if f else 0.0, "kept_pred_aligned": e, "kept_pred": f}
    return out


def _by_id(records) -> dict:
    if isinstance(records, dict):
        return records
    out: dict = {}
    for r in records:
        out.setdefault(r.get("id"), r)
    return out


def score(gold_records, pred_records, keep_singletons: bool = False,
          min_overlap: float = 0.5) -> dict:
    """Micro-averaged MUC, B3, CEAF-e, CoNLL F1, whole clusters and mention detection.

    ``gold_records`` / ``pred_records``: lists of records (or dicts by id)."""
    gold, pred = _by_id(gold_records), _by_id(pred_records)
    total: dict = {}
    info: dict = {}
    for gid, g in gold.items():
        c = score_document(g, pred.get(gid), keep_singletons, min_overlap)
        for k in ("muc", "b3", "ceafe", "whole", "md"):
            total[k] = tuple(x + y for x, y in zip(total[k], c[k])) if k in total else tuple(c[k])
        for k, v in c["info"].items():
            info[k] = info.get(k, 0) + int(v)
    res = _summary(total) if total else {}
    info.update({"docs": len(gold), "pred_docs_missing": sum(k not in pred for k in gold),
                 "pred_docs_not_in_gold": sum(k not in gold for k in pred)})
    res["counts"] = info
    return res


def predict(gold_records: Iterable[dict], reader, n_process: int = 1) -> list[dict]:
    """Read each gold document's text with ``reader`` and return ``claimgraph read`` records."""
    from claimgraph.model import ArticleInput, ReadError

    gold = list(gold_records.values()) if isinstance(gold_records, dict) else list(gold_records)
    inputs = [ArticleInput(id=g["id"], text=g["text"], title=g.get("title"),
                           published=g.get("date"), origin=g["id"]) for g in gold]
    out = []
    for res in reader.read_many(inputs, n_process=n_process):
        if not isinstance(res, ReadError):
            out.append(res.to_record())
    return out


def format_table(res: dict) -> str:
    lines = [f"{'metric':<8}{'P':>8}{'R':>8}{'F1':>8}"]
    for k, name in (("muc", "MUC"), ("b3", "B3"), ("ceafe", "CEAF-e")):
        lines.append(f"{name:<8}{res[k]['P']:8.4f}{res[k]['R']:8.4f}{res[k]['F1']:8.4f}")
    lines.append(f"{'CoNLL':<8}{'':>16}{res['conll_f1']:8.4f}")
    w = res["whole_clusters"]
    lines.append(f"clusters recovered whole: {w['recovered']}/{w['of']} = {w['share']:.4f}")
    return "\n".join(lines)
