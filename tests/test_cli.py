"""``claimgraph read``: formats, exit codes, and one-line errors (never a traceback)."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-water-plant.txt"
ARTICLE_1 = ("“The library will stay open on Sundays,” said Nadia Petrov, the head librarian. "
             "Visitor numbers rose by 12 percent last year, according to the city council.")
ARTICLE_2 = ("Farmers in the valley expect a poor harvest. “It has not rained since April,” "
             "one grower said. Officials say the reservoir is half empty.")


def _cli(*args, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimgraph.cli", *args], input=stdin,
                          capture_output=True, timeout=300, cwd=ROOT)


def _main(capsys, *argv) -> tuple[int, str, str]:
    code = main(["read", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _feed(tmp_path, lines) -> str:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_example_report_in_a_fresh_process():
    proc = _cli("read", str(EXAMPLE))
    out, err = proc.stdout.decode(), proc.stderr.decode()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert "Who said what" in out and "Rafael Okafor" in out and "Elena Varga" in out


def test_json_record_follows_the_contract(capsys):
    code, out, err = _main(capsys, str(EXAMPLE), "--format", "json", "--published", "2026-11-26")
    assert code == 0, err
    rec = json.loads(out)
    text = EXAMPLE.read_text(encoding="utf-8")
    assert rec["text"] == text and rec["id"] == "harbour-water-plant"
    assert rec["published"] == "2026-11-26"
    entity_ids = {e["id"] for e in rec["entities"]}
    assert rec["quotes"] and rec["attributions"]
    for q in rec["quotes"]:
        assert q["kind"] in ("direct", "partial", "mixed", "indirect")
        s, e = q["content"]
        assert 0 <= s < e <= len(text)
        assert q["speaker"] is None or q["speaker"] in entity_ids
    for a in rec["attributions"]:
        assert set(a) >= {"id", "source", "source_text", "source_mention", "cue", "claim", "anonymous"}
    assert "“" in out  # ensure_ascii=False: characters as they are


def test_jsonl_feed_with_bad_lines(tmp_path, capsys):
    path = _feed(tmp_path, [
        json.dumps({"id": "one", "text": ARTICLE_1}),
        "{broken",
        json.dumps({"id": "three"}),
        json.dumps({"id": "four", "text": ARTICLE_2, "outlet": "Valley Post"}),
        json.dumps({"id": "five", "text": "   "}),
    ])
    code, out, err = _main(capsys, path, "--format", "jsonl")
    assert code == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["one", "four"]
    assert records[1]["outlet"] == "Valley Post"
    lines = err.strip().splitlines()
    assert lines[0].startswith(f"claimgraph: {path}:2: not JSON")
    assert lines[1] == f'claimgraph: {path}:3: no "text" or "html" field'
    assert lines[2].startswith(f"claimgraph: {path}:5: empty text")
    assert lines[3] == "claimgraph: 3 of 5 inputs could not be read"
    assert "Traceback" not in err


def test_json_with_several_articles_is_a_list(tmp_path, capsys):
    path = _feed(tmp_path, [json.dumps({"id": "a", "text": ARTICLE_1}),
                            json.dumps({"id": "b", "text": ARTICLE_2})])
    code, out, _ = _main(capsys, path, "--format", "json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)] == ["a", "b"]


@pytest.mark.parametrize("name, data, message", [
    ("blob.txt", bytes(range(256)), "binary data"),
    ("old.txt", "Der Bürgermeister sagte nein.".encode("latin-1"), "not UTF-8 text (byte 0xFC"),
    ("scripts.html", b"<html><body><script>go()</script></body></html>", "no article text found"),
    ("blank.txt", b"  \n\n  ", "empty text"),
])
def test_bad_files_give_one_line_naming_the_file(tmp_path, capsys, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = _main(capsys, str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"claimgraph: {path}: ")
    assert message in err


def test_missing_file(tmp_path, capsys):
    code, _, err = _main(capsys, str(tmp_path / "absent.txt"))
    assert code == 1 and "absent.txt: cannot read file" in err


def test_bad_option_values_are_usage_errors(capsys):
    for argv in (["--published", "yesterday"], ["--processes", "0"], ["--batch-size", "x"]):
        with pytest.raises(SystemExit) as exc:
            main(["read", str(EXAMPLE), *argv])
        assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_stdin_text_and_jsonl(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE_1.encode())))
    code, out, _ = _main(capsys, "-", "--format", "json")
    assert code == 0 and json.loads(out)["text"] == ARTICLE_1
    feed = (json.dumps({"id": "s", "text": ARTICLE_2}) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(feed)))
    code, out, _ = _main(capsys, "-", "--format", "jsonl")
    assert code == 0 and json.loads(out)["id"] == "s"


def test_stdin_binary_in_a_subprocess():
    proc = _cli("read", "-", stdin=b"\x00\x01\x02garbage\xff\xfe")
    err = proc.stderr.decode()
    assert proc.returncode == 1 and "Traceback" not in err
    assert err.strip() == "claimgraph: <stdin>: binary data (NUL bytes), not a text file"


def test_processes_give_the_same_records_in_order(tmp_path):
    lines = [json.dumps({"id": f"n{i}", "text": (ARTICLE_1, ARTICLE_2)[i % 2]}) for i in range(6)]
    path = _feed(tmp_path, lines)
    one = _cli("read", path, "--format", "jsonl", "--batch-size", "2")
    two = _cli("read", path, "--format", "jsonl", "--batch-size", "2", "--processes", "2")
    assert one.returncode == two.returncode == 0, two.stderr.decode()
    recs1 = [json.loads(x) for x in one.stdout.decode().splitlines()]
    recs2 = [json.loads(x) for x in two.stdout.decode().splitlines()]
    assert [r["id"] for r in recs2] == [f"n{i}" for i in range(6)]
    assert recs1 == recs2


def test_report_groups_statements_by_speaker():
    from claimgraph.model import Article, Attribution, Entity, Quote
    from claimgraph.report import NO_SPEAKER, group_by_speaker, render

    text = ("“Taxes will not rise,” said Ana Ruiz, the finance minister, Nordwire reported. "
            "Growth slowed, according to officials. Ruiz said the deficit would shrink. "
            "“Nobody knows,” someone shouted.")

    def span(s, length=None):
        i = text.index(s)
        return (i, i + (len(s) if length is None else length))
    ruiz = Entity("E1", "Ana Ruiz", "PERSON", [span("Ana Ruiz"), span("Ruiz said", 4)])
    wire = Entity("E2", "Nordwire", "NEWS_OUTLET", [span("Nordwire")])
    art = Article(id="t", text=text, entities=[ruiz, wire], quotes=[
        Quote("Q1", "direct", span("Taxes will not rise,"), span("said"), "E1", span("Ana Ruiz"), via="E2"),
        Quote("Q2", "indirect", span("the deficit would shrink"), span("said the deficit", 4), "E1",
              ruiz.mentions[1]),
        Quote("Q3", "direct", span("Nobody knows,"), span("shouted")),
    ], attributions=[Attribution("A1", None, "officials", span("officials"), span("according to"),
                                 span("Growth slowed"), anonymous=True)])
    groups = group_by_speaker(art)
    assert [label for label, _ in groups] == ["Ana Ruiz (PERSON)", "officials (anonymous)", NO_SPEAKER]
    assert [q.id for q in groups[0][1]] == ["Q1", "Q2"]
    out = render(art)
    assert "“Taxes will not rise,”" in out and "via Nordwire" in out
    assert "anonymous source" in out and "cue “according to”" in out
    assert out.index("Ana Ruiz (PERSON)") < out.index("officials (anonymous)") < out.index(NO_SPEAKER)


# ------------------------------------------------------------------ every command: one line, never a traceback

def test_an_unexpected_failure_in_any_command_is_one_line(capsys, monkeypatch):
    import claimgraph.commands.eval as eval_command

    def boom(*_args):
        raise RuntimeError("something broke")

    monkeypatch.setattr(eval_command, "_load_jsonl", boom)
    monkeypatch.delenv("CLAIMGRAPH_DEBUG", raising=False)
    assert main(["eval", "gold.jsonl"]) == 3
    err = capsys.readouterr().err
    assert err == ("claimgraph: internal error [internal]: RuntimeError: something broke "
                   "(set CLAIMGRAPH_DEBUG=1 for the traceback)\n")


def test_entities_and_eval_odd_input_is_one_line(tmp_path, capsys):
    latin = tmp_path / "old.txt"
    latin.write_bytes("Der Bürgermeister sagte nein.".encode("latin-1"))
    deep = tmp_path / "deep.jsonl"
    deep.write_text('{"id": "d", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n", encoding="utf-8")
    no_id = tmp_path / "gold.jsonl"
    no_id.write_text('{"source": "polnear", "text": "x"}\n', encoding="utf-8")
    cases = [
        # entities reads through iter_inputs: the same line as `read` gives
        (["entities", str(latin)], 1, f"claimgraph: {latin}: not UTF-8 text (byte 0xFC at offset"),
        # the registry lives in the store now: a store that cannot be opened is a database error (2)
        (["entities", str(latin), "--db", str(tmp_path)], 2, f"claimgraph: {tmp_path}: cannot open"),
        (["entities", str(deep)], 1, f"claimgraph: {deep}:1: not JSON (nested too deeply)"),
        (["eval", str(latin)], 1, f"claimgraph eval: {latin}: gold file is not UTF-8 (byte 0xFC)"),
        (["eval", str(deep)], 1, f"claimgraph eval: {deep}:1: gold line is not JSON (nested too deeply)"),
        (["eval", str(no_id)], 2, f'claimgraph eval: {no_id}: gold record 1 has no "id" field'),
    ]
    for argv, code, line in cases:
        try:
            got = main(argv)
        except SystemExit as exc:  # eval reports unreadable files by SystemExit(message)
            print(exc.code, file=sys.stderr)
            got = 1
        err = capsys.readouterr().err
        assert got == code and err.startswith(line) and err.count("\n") == 1, (argv, err)


def test_progress_count_of_an_unreadable_feed_is_unknown(tmp_path, monkeypatch):
    import claimgraph.commands.read as read_command

    feed = _feed(tmp_path, [json.dumps({"id": "a", "text": ARTICLE_1})])
    assert read_command._count_articles([feed]) == 1

    def refuse(*_args, **_kw):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(read_command, "open", refuse, raising=False)
    assert read_command._count_articles([feed]) is None


def test_python_dash_m_claimgraph_is_the_command_line():
    proc = subprocess.run([sys.executable, "-m", "claimgraph", "read", "-", "--format", "json"],
                          input=ARTICLE_1.encode(), capture_output=True, timeout=300, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr.decode()
    record = json.loads(proc.stdout)
    assert any(q["speaker_text"] == "Nadia Petrov" for q in record["quotes"])
