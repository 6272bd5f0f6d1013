"""Entity registry across articles, the coreference scorer and ``claimgraph entities``."""
from __future__ import annotations

import importlib.util
import json

import pytest

from claimgraph.cli import main
from claimgraph.entities.registry import Registry
from claimgraph.eval import coref
from claimgraph.model import Article, Entity


def art(aid: str, *ents: Entity) -> Article:
    return Article(id=aid, text="", entities=list(ents))


def person(name, role=None, country=None, aliases=()):
    return Entity(id="E1", name=name, type="PERSON", mentions=[(0, 1)], aliases=list(aliases) or [name],
                  role=role, country=country)


def test_same_entity_gets_the_same_key_across_articles():
    reg = Registry()
    a1 = art("a1", person("Maria Lopez", role="Senator", country="USA"),
             Entity("E2", "Texas", "GPE", [(0, 1)], ["Texas"], country="USA"))
    a2 = art("a2", person("Maria Lopez", role="senator from Texas"),
             Entity("E2", "Texas", "GPE", [(0, 1)], ["Texas"], country="USA"))
    reg.resolve_article(a1)
    reg.resolve_article(a2)
    assert a1.entities[0].key == a2.entities[0].key
    assert a1.entities[1].key == a2.entities[1].key != a1.entities[0].key
    entry = next(e for e in reg.entries() if e.key == a1.entities[0].key)
    assert entry.articles == ["a1", "a2"] and entry.mentions == 2


def test_namesakes_with_other_country_or_job_stay_apart():
    reg = Registry()
    k1 = reg.resolve(person("Kim Min-jae", role="defender", country="KOR"), "a1", ["Bayern Munich"])
    k2 = reg.resolve(person("Kim Min-jae", role="defender"), "a2", ["Bayern Munich", "Napoli"])
    k3 = reg.resolve(person("Kim Min-jae", role="economist at the central bank"), "a3", ["Bank of Korea"])
    k4 = reg.resolve(person("Kim Min-jae", country="PRK"), "a4", [])
    assert k1 == k2
    assert k3 != k1 and k4 != k1 and k3 != k4


def test_aliases_link_and_bare_names_need_evidence():
    reg = Registry()
    ap = Entity("E1", "Associated Press", "NEWS_OUTLET", [(0, 1)], ["Associated Press", "AP"])
    k_ap = reg.resolve(ap, "a1")
    again = Entity("E1", "AP", "NEWS_OUTLET", [(0, 1)], ["AP"])
    assert reg.resolve(again, "a2") == k_ap
    k_yoon = reg.resolve(person("Yoon Suk-yeol", aliases=["Yoon Suk-yeol", "Yoon"], role="President"),
                         "a1", ["South Korea", "Seoul", "Kim Jong-un"])
    assert reg.lookup("Yoon", "PERSON") is None  # a bare family name alone is not enough
    assert reg.lookup("Yoon", "PERSON", context=["South Korea"]) is None  # one shared name: no
    assert reg.lookup("Yoon", "PERSON", context=["Seoul", "South Korea"]).key == k_yoon
    assert reg.lookup("Yoon Suk-yeol", "ORG") is None  # type family must agree


def test_registry_persists_in_a_file(tmp_path):
    path = str(tmp_path / "reg.sqlite")
    reg = Registry(path)
    key = reg.resolve(person("Maria Lopez", role="Senator"), "a1")
    reg.close()
    reg = Registry(path)
    assert reg.lookup("Maria Lopez", "PERSON").key == key and len(reg) == 1


# -- coreference scorer ---------------------------------------------------------------------
GOLD = {"id": "d", "text": "Alice Smith met Bob Jones in Paris. She said he liked Paris.",
        "entities": [
            {"id": "1", "type": "person", "mentions": [[0, 11], [36, 39]], "mention_heads": [[0, 5], [36, 39]]},
            {"id": "2", "type": "person", "mentions": [[16, 25], [45, 47]], "mention_heads": [[16, 19], [45, 47]]},
            {"id": "3", "type": "place", "mentions": [[29, 34], [54, 59]], "mention_heads": [[29, 34], [54, 59]]},
        ]}


def test_coref_score_perfect_split_and_merged():
    perfect = {"id": "d", "entities": [{"mentions": e["mentions"]} for e in GOLD["entities"]]}
    res = coref.score([GOLD], [perfect])
    assert res["conll_f1"] == pytest.approx(1.0) and res["whole_clusters"]["share"] == 1.0
    merged = {"id": "d", "entities": [{"mentions": [m for e in GOLD["entities"] for m in e["mentions"]]}]}
    res = coref.score([GOLD], [merged])
    assert res["muc"]["R"] == pytest.approx(1.0) and res["muc"]["P"] == pytest.approx(0.6)
    assert res["b3"]["P"] == pytest.approx(1 / 3)
    res = coref.score([GOLD], [])
    assert res["conll_f1"] == 0.0 and res["counts"]["pred_docs_missing"] == 1


def test_coref_score_agrees_with_the_reference_scorer(shared_dir):
    path = shared_dir / "scoring" / "score_coref.py"
    spec = importlib.util.spec_from_file_location("ref_score_coref", path)
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    head = {"id": "d", "entities": [
        {"mentions": [[0, 5], [36, 39], [16, 25]]},   # head-aligned Alice, She, and Bob (wrong)
        {"mentions": [[45, 47], [29, 35]]},           # he + overlapping "Paris."
        {"mentions": [[54, 59], [4, 9]]}]}            # Paris + a spurious span
    mine = coref.score([GOLD], [head])
    theirs = ref.score({"d": GOLD}, {"d": head}, use_scipy=False)
    for k in ("muc", "b3", "ceafe"):
        for m in ("P", "R", "F1"):
            assert mine[k][m] == pytest.approx(theirs[k][m], abs=1e-9)
    assert mine["whole_clusters"] == theirs["whole_clusters"]


def test_coref_predict_gives_read_records(reader):
    recs = coref.predict([{"id": "x", "text": "Maria Lopez spoke. She left."}], reader)
    assert recs[0]["id"] == "x" and any(e["type"] == "PERSON" for e in recs[0]["entities"])


# -- claimgraph entities --------------------------------------------------------------------
def test_entities_command_lists_entities_across_articles(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in [
        {"id": "one", "text": "Senator Maria Lopez visited Berlin. Lopez met the mayor."},
        {"id": "two", "text": "Maria Lopez returned from Germany on Friday, the Associated Press said."},
    ]) + "\nnot json\n", encoding="utf-8")
    assert main(["entities", str(feed), "--format", "json"]) == 1  # one line could not be read
    captured = capsys.readouterr()
    out = [json.loads(line) for line in captured.out.splitlines()]
    lopez = next(e for e in out if e["name"] == "Maria Lopez")
    assert lopez["articles"] == ["one", "two"] and lopez["mentions"] >= 3
    assert "Lopez" in lopez["aliases"]
    assert "feed.jsonl:3" in captured.err  # the bad line is reported, the rest read


# -- measured on the shared gold (skipped when ../shared is absent) ---------------------------
def test_gum_news_dev_named_coreference(shared_dir, reader):
    gold = [json.loads(line) for line in
            (shared_dir / "data" / "gum-news" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    res = coref.score(gold, coref.predict(gold, reader))
    assert res["conll_f1"] >= 0.70, coref.format_table(res)


def test_seed_entities_every_alias_occurrence_in_one_entity(shared_dir, reader):
    import re

    gold = json.loads((shared_dir / "seed" / "nk-troops-roundup.gold.json").read_text(encoding="utf-8"))
    text = (shared_dir / "seed" / "nk-troops-roundup.txt").read_text(encoding="utf-8")
    ents = reader.read(text).entities
    missed = []
    for g in gold["entities"]:
        occ = [m.span() for a in g["aliases"] for m in re.finditer(r"(?<!\w)" + re.escape(a) + r"(?!\w)", text)]
        best = max(sum(any(min(e, me) - max(s, ms) >= 0.8 * (e - s) for ms, me in ent.mentions)
                       for s, e in occ) for ent in ents)
        if best < len(occ):
            missed.append(g["name"])
    assert not missed, missed


def test_entities_command_reads_a_text_file(tmp_path, capsys):
    path = tmp_path / "one.txt"
    path.write_text("The Associated Press said AP staff in Berlin were safe.", encoding="utf-8")
    assert main(["entities", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Associated Press" in out and "aliases: AP" in out


def test_component_score_on_processed_docs(reader):
    from claimgraph.ingest.text import normalise

    from claimgraph.article import article_from_doc
    from claimgraph.model import ArticleInput

    doc = reader.nlp(normalise(GOLD["text"]))
    predicted = article_from_doc(doc, ArticleInput(id=GOLD["id"], text=GOLD["text"])).to_record()
    res = reader.nlp.get_pipe("claimgraph_entities").score([(GOLD, predicted)])
    assert 0.0 <= res["conll_f1"] <= 1.0 and res["counts"]["docs"] == 1
    assert res["mention_detection"]["proper_found"] >= 2  # Alice Smith, Bob Jones, Paris
