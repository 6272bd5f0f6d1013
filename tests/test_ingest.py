"""Ingest: text files, HTML pages, JSONL feeds, WARC archives, standard input, bad bytes,
and the reader's handling of empty and very long texts."""
from __future__ import annotations

import gzip
import io
import json

import pytest

import claimgraph.reader as reader_module
from claimgraph.ingest.feeds import iso_date, iter_inputs, sniff_format
from claimgraph.ingest.html import NO_TEXT, extract_html
from claimgraph.ingest.text import IngestError, decode_bytes, normalise
from claimgraph.model import ArticleInput, ReadError
from claimgraph.reader import Reader, split_windows

BODY_1 = ("The port authority approved a new ferry terminal on Monday after a vote of "
          "seven to two, officials said.")
BODY_2 = ("“The old pier is falling apart,” said Marta Quill, who chairs the authority. "
          "Work on the terminal is expected to start in the spring and take two years.")
PAGE = f"""<!DOCTYPE html>
<html><head><title>Port approves ferry terminal | Bayside Ledger</title>
<meta property="article:published_time" content="2024-03-11T08:30:00Z">
<script>window.track = function () {{ return 1; }};</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
<article><h1>Port approves ferry terminal</h1>
<p>{BODY_1}</p>
<p>{BODY_2}</p></article>
<footer><p>Copyright 2024 Bayside Ledger. All rights reserved. Subscribe to our newsletter.</p></footer>
</body></html>"""
SCRIPTS_ONLY = "<html><head><script>var a = 1;</script></head><body><script>a++;</script></body></html>"


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return str(path)


# ------------------------------------------------------------------ HTML

def test_html_keeps_article_drops_boilerplate():
    art = extract_html(PAGE, id="ferry")
    assert BODY_1 in art.text and BODY_2 in art.text
    for boilerplate in ("Sport", "Weather", "Copyright", "window.track"):
        assert boilerplate not in art.text
    assert art.title and "Port approves ferry terminal" in art.title
    assert art.published == "2024-03-11"


def test_html_with_only_scripts_is_a_clear_error():
    with pytest.raises(IngestError, match=NO_TEXT):
        extract_html(SCRIPTS_ONLY)


def test_short_html_page_still_gives_its_text():
    art = extract_html("<html><body><p>The mayor resigned, aides said.</p></body></html>")
    assert art.text == "The mayor resigned, aides said."


def test_html_file_through_iter_inputs(tmp_path):
    path = _write(tmp_path, "ferry.html", PAGE)
    (item,) = list(iter_inputs(path))
    assert isinstance(item, ArticleInput)
    assert item.id == "ferry" and item.origin == path and BODY_2 in item.text


def test_scripts_only_html_file_names_the_file(tmp_path):
    path = _write(tmp_path, "empty.html", SCRIPTS_ONLY)
    (item,) = list(iter_inputs(path))
    assert isinstance(item, ReadError)
    assert str(item) == f"{path}: {NO_TEXT}"


# ------------------------------------------------------------------ JSONL

def test_jsonl_feed_reports_bad_lines_and_keeps_the_rest(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": BODY_1, "published": "2024-05-02T10:00:00Z",
                    "outlet": "Ledger"}),
        "{not json at all",
        json.dumps({"id": "a3", "title": "no body here"}),
        "",
        json.dumps({"id": "a5", "html": PAGE, "url": "https://example.org/ferry"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "text": BODY_2, "published": "last week"}),
    ]
    path = _write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    warnings = []
    items = list(iter_inputs(path, warn=warnings.append))
    assert [type(i).__name__ for i in items] == [
        "ArticleInput", "ReadError", "ReadError", "ArticleInput", "ReadError", "ArticleInput"]
    good, bad_json, no_text, html, a_list, no_date = items
    assert good.id == "a1" and good.text == BODY_1 and good.published == "2024-05-02"
    assert good.outlet == "Ledger" and good.origin == f"{path}:1"
    assert str(bad_json).startswith(f"{path}:2: not JSON")
    assert str(no_text) == f'{path}:3: no "text" or "html" field'
    assert html.url == "https://example.org/ferry" and BODY_1 in html.text
    assert html.published == "2024-03-11" and html.origin == f"{path}:5"
    assert str(a_list) == f"{path}:6: expected a JSON object, got list"
    assert no_date.id == "7" and no_date.published is None
    assert warnings and warnings[0].startswith(f"{path}:7:")


def test_gzipped_jsonl_and_non_utf8_line(tmp_path):
    raw = (json.dumps({"id": "x", "text": BODY_1}).encode() + b"\n"
           + b'{"id": "y", "text": "caf\xe9"}\n')
    path = _write(tmp_path, "feed.jsonl.gz", gzip.compress(raw))
    good, bad = list(iter_inputs(path))
    assert good.text == BODY_1
    assert isinstance(bad, ReadError) and bad.origin == f"{path}:2" and "not UTF-8" in bad.message


def test_published_default_fills_only_missing_dates(tmp_path):
    lines = [json.dumps({"id": "a", "text": BODY_1, "published": "2023-01-02"}),
             json.dumps({"id": "b", "text": BODY_2})]
    path = _write(tmp_path, "feed.jsonl", "\n".join(lines))
    a, b = list(iter_inputs(path, published="2024-07-07"))
    assert (a.published, b.published) == ("2023-01-02", "2024-07-07")


@pytest.mark.parametrize("value, expected", [
    ("2025-03-14T20:30:26Z", "2025-03-14"), ("2025-03-14", "2025-03-14"),
    ("2025-03-14 08:00:00+02:00", "2025-03-14"), ("14/03/2025", None), ("", None), (None, None)])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


# ------------------------------------------------------------------ WARC

def _warc_bytes(records) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, rec_type, status, ctype, body in records:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, rec_type, payload=io.BytesIO(body), http_headers=headers))
    return buf.getvalue()


def test_warc_reads_html_responses_only(tmp_path):
    data = _warc_bytes([
        ("https://example.org/ferry", "response", "200 OK", "text/html; charset=utf-8",
         PAGE.encode()),
        ("https://example.org/logo.png", "response", "200 OK", "image/png", b"\x89PNG\x00\x00"),
        ("https://example.org/old", "response", "301 Moved", "text/html", b"<p>moved</p>"),
        ("https://example.org/blank", "response", "200 OK", "text/html", SCRIPTS_ONLY.encode()),
    ])
    path = _write(tmp_path, "crawl.warc.gz", data)
    items = list(iter_inputs(path))
    assert len(items) == 2
    art, err = items
    assert art.url == art.id == "https://example.org/ferry"
    assert BODY_2 in art.text and art.published == "2024-03-11"
    assert isinstance(err, ReadError) and err.message == NO_TEXT
    assert err.origin == f"{path}:4"


def test_damaged_warc_is_one_error(tmp_path):
    path = _write(tmp_path, "broken.warc", b"this is not an archive\n" * 5)
    items = list(iter_inputs(path))
    assert len(items) == 1 and isinstance(items[0], ReadError)
    assert items[0].origin.startswith(path)


def test_warc_record_with_malformed_headers_is_one_error(tmp_path):
    # a response record without WARC-Target-URI makes warcio itself raise AttributeError
    path = _write(tmp_path, "headless.warc", b"WARC/1.0\r\nWARC-Type: response\r\n\r\n")
    (item,) = list(iter_inputs(path))
    assert isinstance(item, ReadError) and item.origin == f"{path}:1"
    assert item.message == "not a readable WARC record (malformed record header)"


# ------------------------------------------------------------------ bytes and text files

def test_non_utf8_text_file_is_a_one_line_error(tmp_path):
    path = _write(tmp_path, "latin.txt", "The caf\u00e9 reopened, the owner said.".encode("cp1252"))
    (item,) = list(iter_inputs(path))
    assert isinstance(item, ReadError)
    assert str(item).startswith(f"{path}: not UTF-8 text (byte 0xE9 at offset 7)")
    assert "\n" not in str(item)
    (ok,) = list(iter_inputs(path, encoding="cp1252"))
    assert ok.text == "The caf\u00e9 reopened, the owner said."


def test_binary_file_is_rejected(tmp_path):
    path = _write(tmp_path, "blob.txt", bytes(range(256)) * 4)
    (item,) = list(iter_inputs(path))
    assert isinstance(item, ReadError) and "binary" in item.message


def test_utf16_with_bom_is_decoded():
    text = "“Yes,” she said."
    assert decode_bytes(text.encode("utf-16")) == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode()) == text


def test_missing_file_is_an_error_not_an_exception(tmp_path):
    path = str(tmp_path / "nowhere.txt")
    (item,) = list(iter_inputs(path))
    assert isinstance(item, ReadError) and item.origin == path and "cannot read" in item.message


def test_folder_reads_known_files_in_order(tmp_path):
    _write(tmp_path, "b.txt", BODY_2)
    _write(tmp_path, "a.txt", BODY_1)
    _write(tmp_path, "notes.bin", b"\x00\x01")
    items = list(iter_inputs(str(tmp_path)))
    assert [i.id for i in items] == ["a", "b"]


@pytest.mark.parametrize("data, fmt", [
    (b'{"id": "1", "text": "x"}\n{"id": "2", "text": "y"}\n', "jsonl"),
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    (b"The minister said on Monday that taxes would rise.", "text"),
    (b"{ said the sign, in braces", "text"),
    (b'[{"id": "1", "text": "x"}]', "json"),
])
def test_sniff_stdin_format(data, fmt):
    assert sniff_format(data) == fmt


def test_json_nested_too_deeply_is_one_error_per_item(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    feed = _write(tmp_path, "deep.jsonl", f'{{"id": "d", "text": {deep}}}\n{json.dumps({"id": "ok", "text": BODY_1})}\n')
    bad, good = list(iter_inputs(feed))
    assert isinstance(bad, ReadError) and bad.origin == f"{feed}:1"
    assert bad.message == "not JSON (nested too deeply)" and good.id == "ok"
    (item,) = list(iter_inputs(_write(tmp_path, "deep.json", deep)))
    assert isinstance(item, ReadError) and item.message == "not JSON (nested too deeply)"
    (item,) = list(iter_inputs("-", stdin=io.BytesIO(deep.encode())))
    assert isinstance(item, ReadError) and item.message == "not JSON (nested too deeply)"


def test_stdin_jsonl(tmp_path):
    data = (json.dumps({"id": "s1", "text": BODY_1}) + "\nnope\n").encode()
    good, bad = list(iter_inputs("-", stdin=io.BytesIO(data)))
    assert good.id == "s1" and bad.origin == "<stdin>:2"


def test_stdin_warc_is_sniffed():
    data = _warc_bytes([("https://example.org/a", "response", "200 OK", "text/html", PAGE.encode())])
    (art,) = list(iter_inputs("-", stdin=io.BytesIO(data)))
    assert BODY_1 in art.text


# ------------------------------------------------------------------ the reader on odd texts

@pytest.mark.parametrize("text", ["", "   \n\t \u00a0 \n"])
def test_empty_and_whitespace_texts_are_read_errors(reader, text):
    good = ArticleInput(id="ok", text=BODY_2, origin="feed.jsonl:2")
    results = list(reader.read_many([ArticleInput(id="e", text=text, origin="feed.jsonl:1"), good]))
    assert isinstance(results[0], ReadError) and results[0].origin == "feed.jsonl:1"
    assert "empty" in results[0].message
    assert results[1].id == "ok" and results[1].quotes


BAD_MARKER = "ZZBADZZ"


def _fragile(doc):
    if BAD_MARKER in doc.text:
        raise RuntimeError("boom")
    return doc


def test_failing_component_is_an_internal_error_not_bad_input():
    """A component that raises on one document is a bug, not bad data: an InternalError
    naming the component and the article, chained to the component's exception (it used
    to be reported as the input "could not be read")."""
    import spacy
    from spacy.language import Language

    from claimgraph.errors import InternalError

    if not Language.has_factory("cg_test_fragile"):
        Language.component("cg_test_fragile", func=_fragile)
    rd = Reader(components=())
    rd._nlp = spacy.blank("en")
    rd._nlp.add_pipe("cg_test_fragile")
    inputs = [ArticleInput(id=str(i), text=t, origin=f"f:{i}")
              for i, t in enumerate([BODY_1, f"{BAD_MARKER} {BODY_2}", BODY_2])]
    with pytest.raises(InternalError) as info:
        list(rd.read_many(inputs))
    err = info.value
    assert err.code == "internal"
    assert str(err) == "component 'cg_test_fragile' failed on f:1 (id 1): RuntimeError: boom"
    assert isinstance(err.__cause__, RuntimeError)
    # bad input before the pipeline is still a ReadError, and the rest goes on
    results = list(rd.read_many([ArticleInput(id="e", text=" ", origin="f:0"), inputs[0]]))
    assert [type(r).__name__ for r in results] == ["ReadError", "Article"]
    assert results[0].code == "input.empty"


def test_long_text_read_in_windows_keeps_offsets(reader, monkeypatch):
    """A text read in windows gives what each window gives alone, shifted to its place:
    same records, spans into the whole text, one entity per name, references resolved."""
    para = ("“We will keep the bridge open,” said Lena Brandt, the transport minister.\n\n"
            "Traffic fell by a third last year, according to the city council.\n\n")
    size, copies = len(para), 12
    single = reader.read(para)
    assert single.quotes and single.attributions
    text = para * copies
    monkeypatch.setattr(reader_module, "WINDOW_CHARS", size)
    article = reader.read(text)
    assert split_windows(normalise(text), size) == [(i * size, (i + 1) * size) for i in range(copies)]

    def name(art, ent_id):
        ent = art.entity(ent_id)
        return ent.name if ent else None

    def quote_key(art, q, shift=0):
        return (q.kind, q.content[0] + shift, q.content[1] + shift, name(art, q.speaker),
                q.speaker_mention and q.speaker_mention[0] + shift)

    def source_key(art, a, shift=0):
        return (a.claim[0] + shift, a.claim[1] + shift, a.cue[0] + shift, name(art, a.source))

    for records, key in ((lambda art: art.quotes, quote_key), (lambda art: art.attributions, source_key)):
        expected = sorted(key(single, r, i * size) for i in range(copies) for r in records(single))
        assert sorted(key(article, r) for r in records(article)) == expected
    assert sorted(e.name for e in article.entities) == sorted(e.name for e in single.entities)
    by_name = {e.name: e for e in single.entities}
    for ent in article.entities:
        assert len(ent.mentions) == copies * len(by_name[ent.name].mentions)
        assert all(text[s:e] == para[s % size:(e - s) + s % size] for s, e in ent.mentions)
    for layer in ("entities", "quotes", "attributions"):
        ids = [r.id for r in getattr(article, layer)]
        assert len(ids) == len(set(ids)), layer


def test_split_windows_cover_text_at_paragraphs():
    text = ("word " * 30 + "\n\n") * 20
    spans = split_windows(text, 400)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(e - s <= 400 for s, e in spans)
    assert all(text[e - 2:e] == "\n\n" for _, e in spans[:-1])
    assert split_windows("x" * 1000, 300) == [(0, 300), (300, 600), (600, 900), (900, 1000)]


def test_five_megabyte_article_does_not_crash():
    """5 MB through the windowed reader (on a blank pipeline, so the test stays fast:
    the full model reads the same windows one by one)."""
    import spacy

    para = "The council met again on Thursday. “Nothing was decided,” a clerk said.\n\n"
    text = para * (5_000_000 // len(para) + 1)
    rd = Reader(components=())
    rd._nlp = spacy.blank("en")
    art = rd.read(text)
    assert art.text == text and len(text) > 5_000_000
    assert rd.nlp.max_length > reader_module.WINDOW_CHARS
    too_long = ArticleInput(id="huge", text="x " * (reader_module.MAX_CHARS // 2 + 1), origin="huge.txt")
    (err,) = list(rd.read_many([too_long]))
    assert isinstance(err, ReadError) and "too long" in err.message


def test_truncated_gzip_feed_keeps_lines_before_the_damage(tmp_path):
    raw = "".join(json.dumps({"id": f"t{i}", "text": BODY_1}) + "\n" for i in range(200))
    data = gzip.compress(raw.encode())
    path = _write(tmp_path, "cut.jsonl.gz", data[: len(data) // 2])
    items = list(iter_inputs(path))
    assert isinstance(items[-1], ReadError) and "damaged gzip data" in items[-1].message
    assert all(isinstance(i, ArticleInput) for i in items[:-1])


def test_windowed_ids_number_each_layer_from_one(reader, monkeypatch):
    text = ("“Prices rose by 3 percent,” said Omar Haddad, the trade minister.\n\n" * 6)
    monkeypatch.setattr(reader_module, "WINDOW_CHARS", 150)
    article = reader.read(text)
    for layer in ("quotes", "quantities"):
        records = getattr(article, layer)
        assert records, layer
        numbers = [int("".join(c for c in r.id if c.isdigit())) for r in records]
        assert numbers == list(range(1, len(records) + 1)), layer
