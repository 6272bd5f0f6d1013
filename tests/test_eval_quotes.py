"""``claimgraph eval`` agrees with the reference scorer (shared/scoring/score_quotes.py)."""
from __future__ import annotations

import importlib.util
import json

import pytest

from claimgraph.eval.quotes import predict, score


def _reference(shared_dir):
    path = shared_dir / "scoring" / "score_quotes.py"
    if not path.exists():
        pytest.skip(f"reference scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("score_quotes_reference", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quote_scores_agree_with_the_reference_scorer(reader, shared_dir):
    ref = _reference(shared_dir)
    gold_path = shared_dir / "data" / "polnear" / "dev.jsonl"
    if not gold_path.exists():
        pytest.skip(f"PolNeAR dev split not found at {gold_path}")
    with gold_path.open() as fh:
        gold = [json.loads(next(fh)) for _ in range(12)]
    pred = predict(gold, reader)
    ours = score(gold, pred)
    gold_by_id = {g["id"]: g for g in gold}
    pred_by_id = {p["id"]: ref.adapt(p) for p in pred}
    for section in ("both", "quotes", "attributions"):
        theirs = ref.score(gold_by_id, pred_by_id, section, 0.5)
        for key in ("content_P", "content_R", "content_F1", "speaker_acc_on_matched", "end_to_end_F1"):
            assert ours[section][key] == pytest.approx(theirs[key], abs=5e-4), (section, key)
    assert ours["both"]["match"] > 0


def test_eval_command_prints_a_table_per_section(tmp_path, capsys):
    from claimgraph.cli import main

    text = "“The road will open in June,” said Ana Ruiz, the mayor."
    gold = {"id": "g1", "source": "polnear", "text": text,
            "quotes": [{"content": [1, 27], "speaker": [34, 42], "speaker_text": "Ana Ruiz"}],
            "attributions": []}
    pred = {"id": "g1", "text": text, "entities": [{"id": "E1", "name": "Ana Ruiz", "mentions": [[34, 42]]}],
            "quotes": [{"content": [1, 27], "speaker": "E1", "speaker_mention": [34, 42]}], "attributions": []}
    (tmp_path / "gold.jsonl").write_text(json.dumps(gold) + "\n")
    (tmp_path / "pred.jsonl").write_text(json.dumps(pred) + "\n")
    assert main(["eval", str(tmp_path / "gold.jsonl"), "--pred", str(tmp_path / "pred.jsonl")]) == 0
    out = capsys.readouterr().out
    lines = {line.split()[0]: line.split() for line in out.splitlines() if line.strip()}
    assert {"both", "quotes", "attributions"} <= set(lines)
    assert lines["quotes"][-1] == "1.0000"  # end-to-end F1 of the one matched quote, speaker right


def test_components_score_their_own_layer(reader):
    article = reader.read("Prices rose again, according to the central bank.", id="x")
    gold = {"id": "x", "text": article.text, "quotes": [],
            "attributions": [{"content": [0, 17], "speaker": [32, 48], "speaker_text": "the central bank"}]}
    scores = reader.nlp.get_pipe("claimgraph_sources").score([(gold, article.to_record())])
    assert scores["match"] == 1 and scores["end_to_end_F1"] == 1.0
