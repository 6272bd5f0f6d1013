"""Errors that speak: stable codes, a bug is exit 3 (not bad input), a missing model file
names the file, no command skipped silently, --version, exit statuses in --help,
warnings through logging, error lines in input order, navigation-only pages."""
from __future__ import annotations

import json
import logging
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import claimgraph.cli as cli
from claimgraph.cli import main
from claimgraph.errors import (CODES, ClaimgraphError, InputError, InternalError, ModelFileError,
                               exit_status_help)
from claimgraph.ingest.feeds import iter_inputs
from claimgraph.ingest.html import NO_TEXT, extract_html
from claimgraph.ingest.text import IngestError
from claimgraph.model import ArticleInput, ReadError
from claimgraph.reader import Reader

ROOT = Path(__file__).resolve().parents[1]
GOOD_1 = "“The ferry will run every hour,” said Ines Calder, who manages the harbour."
GOOD_2 = "The school board voted on Tuesday to extend the term by a week, officials said."
NAV_ONLY = """<!DOCTYPE html><html><head><title>Bayside Ledger</title></head><body>
<header><h1>Bayside Ledger</h1></header>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li><li><a href="/about">About us</a></li></ul></nav>
<div class="menu"><a href="/b">Business</a> | <a href="/c">Culture</a></div>
<footer><p>Copyright 2024 Bayside Ledger. All rights reserved.</p></footer>
</body></html>"""
BOOM = "ZZBOOMZZ"


def _write(tmp_path, name, data) -> str:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


def _boom(doc):
    if BOOM in doc.text:
        raise RuntimeError("the component broke")
    return doc


def _blank_nlp_with(component: str):
    import spacy
    from spacy.language import Language

    if not Language.has_factory("cg_test_boom"):
        Language.component("cg_test_boom", func=_boom)
    nlp = spacy.blank("en")
    nlp.add_pipe(component)
    return nlp


@pytest.fixture
def shared_nlp(reader, monkeypatch):
    """Every Reader the CLI makes uses the session's loaded pipeline (no model reload)."""
    nlp = reader.nlp
    monkeypatch.setattr(Reader, "nlp", property(lambda self: nlp))
    monkeypatch.delenv("CLAIMGRAPH_DEBUG", raising=False)


# ------------------------------------------------------------------ codes

def test_every_code_has_a_description_and_errors_carry_codes():
    assert all(code and text and "\n" not in text for code, text in CODES.items())
    for code in ("input.empty", "input.not_utf8", "input.not_json", "input.no_text_field",
                 "input.no_article_text", "input.too_long", "input.binary", "model.missing",
                 "model.mismatch", "internal", "usage"):
        assert code in CODES
    assert ReadError("a", "f:1", "bad").code == "input.invalid"
    with pytest.raises(ValueError):
        ClaimgraphError("no.such.code", "x")
    assert issubclass(IngestError, InputError) and issubclass(InputError, ValueError)
    for err in (InternalError("it broke"), ModelFileError.missing("data/m.json", "cue model"),
                InputError("input.empty", "empty text")):
        back = pickle.loads(pickle.dumps(err))  # crosses worker-process boundaries
        assert type(back) is type(err) and back.code == err.code and str(back) == str(err)
    assert "0" in exit_status_help() and "3" in exit_status_help()


@pytest.mark.parametrize("name, data, code", [
    ("blank.html", b"   ", "input.empty"),
    ("blob.txt", bytes(range(256)), "input.binary"),
    ("old.txt", "Der Bürgermeister sagte nein.".encode("latin-1"), "input.not_utf8"),
    ("scripts.html", b"<html><body><script>go()</script></body></html>", "input.no_article_text"),
    ("nav.html", NAV_ONLY.encode(), "input.no_article_text"),
    ("broken.jsonl", b"{broken\n", "input.not_json"),
    ("notext.jsonl", b'{"id": "x"}\n', "input.no_text_field"),
    ("list.jsonl", b'[1, 2]\n', "input.not_object"),
    ("number.jsonl", b'{"id": "x", "text": 5}\n', "input.bad_field"),
    ("latin.jsonl", b'{"id": "x", "text": "caf\xe9"}\n', "input.not_utf8"),
    ("bad.json", b"{nope", "input.not_json"),
    ("fake.warc", b"this is not an archive\n", "input.not_warc"),
    ("truncated.txt.gz", b"\x1f\x8b\x08\x00\x00\x00", "input.bad_gzip"),
])
def test_ingest_errors_have_codes(tmp_path, name, data, code):
    (item,) = list(iter_inputs(_write(tmp_path, name, data)))
    assert isinstance(item, ReadError) and item.code == code, item


def test_missing_file_and_empty_folder_codes(tmp_path):
    (item,) = list(iter_inputs(str(tmp_path / "absent.txt")))
    assert item.code == "input.unreadable"
    (item,) = list(iter_inputs(str(tmp_path)))
    assert item.code == "input.empty_folder"


def test_reader_input_problems_have_codes(monkeypatch):
    import claimgraph.reader as reader_module

    rd = Reader(components=())
    rd._nlp = _blank_nlp_with("cg_test_boom")
    monkeypatch.setattr(reader_module, "MAX_CHARS", 20)
    results = list(rd.read_many([ArticleInput(id="e", text="  ", origin="f:1"),
                                 ArticleInput(id="n", text=None, origin="f:2"),
                                 ArticleInput(id="l", text="x" * 21, origin="f:3")]))
    assert [r.code for r in results] == ["input.empty", "input.not_text", "input.too_long"]
    with pytest.raises(InputError) as info:  # Reader.read: an InputError (a ValueError too)
        rd.read("   ")
    assert info.value.code == "input.empty"


# ------------------------------------------------------------------ a bug is exit 3, not bad input

def _fake_nlp(monkeypatch, nlp):
    monkeypatch.setattr(Reader, "nlp", property(lambda self: nlp))


def test_component_that_raises_is_exit_3_with_one_line(tmp_path, capsys, monkeypatch):
    _fake_nlp(monkeypatch, _blank_nlp_with("cg_test_boom"))
    monkeypatch.delenv("CLAIMGRAPH_DEBUG", raising=False)
    feed = _write(tmp_path, "feed.jsonl", "\n".join(
        json.dumps({"id": i, "text": t}) for i, t in (("a", GOOD_1), ("b", f"{BOOM} {GOOD_2}"))))
    assert main(["read", feed, "--format", "jsonl"]) == 3
    out, err = capsys.readouterr()
    assert err == (f"claimgraph: internal error [internal]: component 'cg_test_boom' failed on "
                   f"{feed}:2 (id b): RuntimeError: the component broke "
                   "(set CLAIMGRAPH_DEBUG=1 for the traceback)\n")
    assert "could not be read" not in err


def test_component_that_raises_with_debug_prints_the_traceback(tmp_path, capsys, monkeypatch):
    _fake_nlp(monkeypatch, _blank_nlp_with("cg_test_boom"))
    monkeypatch.setenv("CLAIMGRAPH_DEBUG", "1")
    path = _write(tmp_path, "a.txt", f"{BOOM} {GOOD_1}")
    assert main(["read", path]) == 3
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert "RuntimeError: the component broke" in err and "in _boom" in err
    assert "The above exception was the direct cause" in err
    assert err.splitlines()[-1] == (f"claimgraph: internal error [internal]: component "
                                    f"'cg_test_boom' failed on {path} (id a): RuntimeError: "
                                    "the component broke")


def test_missing_model_file_names_the_file(tmp_path, capsys, monkeypatch):
    model_file = tmp_path / "data" / "cue_model.json"

    def no_model(self):
        raise ModelFileError.missing(model_file, "cue model", "reinstall claimgraph")

    monkeypatch.setattr(Reader, "nlp", property(no_model))
    monkeypatch.delenv("CLAIMGRAPH_DEBUG", raising=False)
    path = _write(tmp_path, "a.txt", GOOD_1)
    assert main(["read", path]) == 3
    err = capsys.readouterr().err
    assert err == (f"claimgraph: model file error [model.missing]: {model_file}: cue model not "
                   "found; reinstall claimgraph\n")


def test_a_command_that_cannot_be_imported_fails_loudly(capsys, monkeypatch):
    monkeypatch.setattr(cli, "COMMANDS", ("read", "no_such_command"))
    monkeypatch.delenv("CLAIMGRAPH_DEBUG", raising=False)
    assert main(["read", "x.txt"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("claimgraph: internal error [internal]: command 'no_such_command' "
                          "cannot be loaded: ModuleNotFoundError")
    assert err.count("\n") == 1


def test_eval_does_not_rerun_predict_on_its_own_type_error(tmp_path, capsys, monkeypatch):
    import claimgraph.eval.quotes as quotes_metric

    calls = []

    def predict(gold, reader, n_process=1):
        calls.append(n_process)
        raise TypeError("a bug inside predict")

    monkeypatch.setattr(quotes_metric, "predict", predict)
    monkeypatch.delenv("CLAIMGRAPH_DEBUG", raising=False)
    gold = _write(tmp_path, "gold.jsonl", json.dumps({"id": "g", "text": GOOD_1, "source": "polnear"}))
    assert main(["eval", gold]) == 3
    assert calls == [1]
    assert "internal error [internal]: TypeError: a bug inside predict" in capsys.readouterr().err


# ------------------------------------------------------------------ --version, --help

def test_version(capsys, monkeypatch):
    import claimgraph
    import claimgraph.model

    monkeypatch.delattr(claimgraph.model, "SCHEMA_VERSION", raising=False)
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"claimgraph {claimgraph.__version__}\n"
    monkeypatch.setattr(claimgraph.model, "SCHEMA_VERSION", "9", raising=False)
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out == f"claimgraph {claimgraph.__version__} (record schema 9)\n"


@pytest.mark.parametrize("argv", [["--help"], ["read", "--help"]])
def test_help_lists_exit_statuses(capsys, argv):
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "exit status:" in out
    for status in ("0", "1", "2", "3"):
        assert f"\n  {status}  " in out
    assert "CLAIMGRAPH_DEBUG" in out or argv[0] == "read"


# ------------------------------------------------------------------ logging

def test_warnings_go_through_logging_and_quiet_silences_them(tmp_path, capsys, shared_nlp):
    feed = _write(tmp_path, "feed.jsonl", json.dumps({"id": "a", "text": GOOD_2, "published": "soon"}))
    assert main(["read", feed, "--format", "jsonl"]) == 0
    err = capsys.readouterr().err
    assert err == (f"claimgraph: warning: {feed}:1: \"published\" is not an ISO date ('soon'); "
                   "ignored\n")
    assert logging.getLogger("claimgraph").handlers  # set up once, by the CLI
    assert main(["read", feed, "--format", "jsonl", "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["read", feed, "--format", "jsonl"]) == 0  # -q does not stick
    assert "warning" in capsys.readouterr().err
    assert sum(isinstance(h, cli._StderrHandler) for h in logging.getLogger("claimgraph").handlers) == 1


# ------------------------------------------------------------------ error lines in input order

def test_error_lines_come_out_in_input_order(tmp_path, capsys, shared_nlp):
    """Ingest failures (not JSON, no text field, missing file) and reader failures (empty
    text) interleave by input position, though the reader holds a whole batch."""
    feed = _write(tmp_path, "feed.jsonl", "\n".join([
        json.dumps({"id": "one", "text": GOOD_1}),
        json.dumps({"id": "two", "text": "  "}),      # reader: empty
        "{broken",                                      # ingest: not JSON
        json.dumps({"id": "four", "text": GOOD_2}),
        json.dumps({"id": "five"}),                     # ingest: no text field
        json.dumps({"id": "six", "text": "\n\t"}),      # reader: empty
    ]))
    blank = _write(tmp_path, "blank.txt", " \n ")       # reader: empty
    missing = str(tmp_path / "missing.txt")             # ingest: cannot read
    code = main(["read", feed, blank, missing, "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["one", "four"]
    origins = [line.split(": ")[1] for line in err.splitlines()[:-1]]
    assert origins == [f"{feed}:2", f"{feed}:3", f"{feed}:5", f"{feed}:6", blank, missing]
    assert err.splitlines()[-1] == "claimgraph: 6 of 8 inputs could not be read"


def test_error_lines_in_input_order_with_processes(tmp_path):
    feed = _write(tmp_path, "feed.jsonl", "\n".join([
        json.dumps({"id": "a", "text": "  "}),
        json.dumps({"id": "b", "text": GOOD_1}),
        json.dumps({"id": "c", "text": GOOD_2}),
        json.dumps({"id": "d"}),
        json.dumps({"id": "e", "text": GOOD_1}),
        json.dumps({"id": "f", "text": ""}),
        "{broken",
    ]))
    proc = subprocess.run([sys.executable, "-m", "claimgraph.cli", "read", feed, "--format", "jsonl",
                           "--processes", "2", "--batch-size", "2"],
                          capture_output=True, timeout=300, cwd=ROOT)
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert [json.loads(x)["id"] for x in proc.stdout.decode().splitlines()] == ["b", "c", "e"]
    origins = [line.split(": ")[1] for line in err.splitlines()[:-1]]
    assert origins == [f"{feed}:1", f"{feed}:4", f"{feed}:6", f"{feed}:7"]


# ------------------------------------------------------------------ navigation-only pages

def test_navigation_only_page_has_no_article_text(tmp_path, capsys):
    with pytest.raises(IngestError, match=NO_TEXT) as info:
        extract_html(NAV_ONLY)
    assert info.value.code == "input.no_article_text"
    links = '<html><body><ul><li><a href="/a">Harbour news</a></li></ul><p><a href="/b">More</a></p></body></html>'
    with pytest.raises(IngestError, match=NO_TEXT):
        extract_html(links)
    feed = _write(tmp_path, "pages.jsonl", json.dumps({"id": "p", "html": NAV_ONLY}))
    (item,) = list(iter_inputs(feed))
    assert isinstance(item, ReadError) and item.code == "input.no_article_text"
    page = _write(tmp_path, "menu.html", NAV_ONLY)
    assert main(["read", page]) == 1
    assert capsys.readouterr().err == f"claimgraph: {page}: no article text found\n"


def test_article_with_links_and_navigation_still_reads():
    page = ("<html><body><nav><a href='/'>Home</a></nav><p>The council <a href='/v'>voted</a> "
            "to close the bridge, the mayor said.</p><footer>Contact us</footer></body></html>")
    art = extract_html(page)
    assert "The council voted to close the bridge, the mayor said." in art.text
