"""The Read page and the corpus pages as a person uses them: Debian's Chromium, headless,
driven by Playwright. One server (uvicorn in a thread, the session's reader) and one
browser for the whole module.

Chromium is needed (``apt-get install chromium``; ``.ci/run`` installs it): without it
these tests fail rather than skip, unless ``CLAIMGRAPH_SKIP_BROWSER=1`` is set.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

from claimgraph.web import Settings, create_app

CHROMIUM = os.environ.get("CLAIMGRAPH_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTICLES = Path(__file__).parent / "web_articles"
ROUNDUP = (ARTICLES / "river-roundup.txt").read_text(encoding="utf-8")
HOSTILE = (ARTICLES / "hostile.txt").read_text(encoding="utf-8")

if os.environ.get("CLAIMGRAPH_SKIP_BROWSER"):
    pytest.skip("CLAIMGRAPH_SKIP_BROWSER is set", allow_module_level=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def has_store() -> bool:
    try:
        import claimgraph.store.search  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.fixture(scope="module")
def server(reader, tmp_path_factory):
    import uvicorn

    store = None
    if has_store():
        from claimgraph.store import Store

        store = Store(str(tmp_path_factory.mktemp("web") / "corpus.db"))
    app = create_app(Settings(), reader=reader, store=store)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 120
    while not srv.started:
        assert time.time() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", store
    srv.should_exit = True
    thread.join(timeout=10)
    if store is not None:
        store.close()


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: apt-get install -y chromium "
                    "(or set CLAIMGRAPH_SKIP_BROWSER=1 to skip the browser tests)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []

    def on_dialog(dialog):
        pg.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda err: pg.errors.append(str(err)))
    yield pg
    context.close()


def post_json(url: str, path: str, body: dict) -> dict:
    import httpx

    r = httpx.post(url + path, json=body, timeout=120)
    assert r.status_code in (200, 201), r.text
    return r.json()


def read_on_page(page, base: str, text: str, **fields) -> None:
    page.goto(base + "/")
    page.fill("#text", text)
    for name, value in fields.items():
        page.fill(f"#{name}", value)
    page.click("#read-button")
    page.wait_for_selector("#text-view")


def background(page, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor")


def test_paste_a_roundup_quotes_in_their_speakers_colours_and_click_one(server, page):
    base, _ = server
    record = post_json(base, "/read", {"text": ROUNDUP, "published": "2026-03-04"})
    read_on_page(page, base, ROUNDUP, published="2026-03-04")
    names = {e["id"]: e["name"] for e in record["entities"]}
    colours: dict[str, set] = {}
    for q in record["quotes"]:
        colour = background(page, f"#st-{q['id']}")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), q["id"]
        if q["speaker"] in names:
            colours.setdefault(q["speaker"], set()).add(colour)
    assert all(len(c) == 1 for c in colours.values()), colours  # one colour per speaker
    firsts = [next(iter(c)) for c in colours.values()]
    assert len(set(firsts)) == len(firsts)  # and a different one for each (8 colours, fewer speakers)
    okonjo = next(k for k, v in names.items() if v == "Piet Okonjo")
    vance = next(k for k, v in names.items() if v == "Clara Vance")
    assert colours[okonjo] != colours[vance]

    # click a quote: its speaker, the source chain and the certainty
    q = next(q for q in record["quotes"] if q["speaker"] == okonjo)
    page.click(f"#st-{q['id']}")
    detail = page.locator(f"#detail-{q['id']}")
    assert detail.is_visible()
    assert detail.locator(".d-name").inner_text() == "Piet Okonjo"
    assert "Okonjo" in detail.locator(".d-aliases").inner_text()
    assert detail.locator(".d-certainty").inner_text() == (q["certainty"] or "certain")
    assert page.get_attribute(f"#st-{q['id']}", "aria-expanded") == "true"
    # the who-said-what chip of that speaker has the quote's colour
    chip = page.locator(".who-group", has_text="Piet Okonjo").locator(".chip").first
    assert chip.evaluate("el => getComputedStyle(el).backgroundColor") in colours[okonjo]

    # the keyboard: a quote is focusable and Enter opens it
    v = next(q for q in record["quotes"] if q["speaker"] == vance)
    page.focus(f"#st-{v['id']}")
    page.keyboard.press("Enter")
    assert page.locator(f"#detail-{v['id']}").is_visible()
    assert not detail.is_visible()
    assert page.locator(f"#detail-{v['id']} .d-name").inner_text() == "Clara Vance"

    # the failed check stands out with its arithmetic
    alert = page.locator("#failed-checks")
    assert alert.is_visible() and "$36,000/year" in alert.inner_text()
    assert page.locator("#text-view .qty.bad").count() == 2
    assert page.errors == [] and page.dialogs == []


def test_hostile_article_runs_nothing(server, page):
    base, store = server
    read_on_page(page, base, HOSTILE, title='<script>window.__pwned="title"</script>',
                 outlet='"><img src=x onerror="window.__pwned=1">')
    for el in page.locator("#text-view [data-item]").all():  # click every statement
        el.click()
    page.hover("#text-view")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert page.evaluate("document.scripts.length") == 1
    assert page.evaluate("document.querySelectorAll('#main [onerror], #main [onload], "
                         "#main iframe, #main svg, #main object, #main img, "
                         "#main a[href^=\"javascript\"]').length") == 0
    assert "<script>" in page.locator("#text-view").inner_text()  # shown as text
    assert page.locator("#text").input_value() == HOSTILE  # the </textarea> did not break out
    if store is not None:  # and the stored copy, in the corpus view
        post_json(base, "/articles", {"id": "hostile", "text": HOSTILE,
                                      "title": "<svg onload=alert(1)>"})
        page.goto(base + "/corpus/articles/hostile")
        page.wait_for_selector("#text-view")
        page.wait_for_timeout(300)
        assert page.evaluate("typeof window.__pwned") == "undefined" and page.dialogs == []


def test_phone_width(server, page):
    base, _ = server
    page.set_viewport_size({"width": 390, "height": 844})
    read_on_page(page, base, ROUNDUP)
    assert page.evaluate("document.documentElement.scrollWidth") <= 391  # no sideways scrolling
    first = page.locator("#text-view [data-item][tabindex]").first
    first.click()
    box = page.locator("#detail-box")
    assert box.is_visible() and box.evaluate("el => getComputedStyle(el).position") == "fixed"
    page.click("#detail-close")
    assert box.evaluate("el => getComputedStyle(el).position") != "fixed"


def test_search_the_corpus_and_open_a_hit(server, page):
    base, store = server
    if store is None:
        pytest.skip("no store in this build (claimgraph.store.search)")
    post_json(base, "/articles", {"id": "river-roundup", "text": ROUNDUP, "published": "2026-03-04",
                                  "outlet": "Tidewire"})
    page.goto(base + "/corpus")
    page.fill("#q", "downstream")
    page.click("#search-button")
    page.wait_for_selector(".hit-link")
    assert "1 result" in page.locator("#result-count").inner_text()
    page.click(".hit-link")
    page.wait_for_selector("#text-view")
    assert "/corpus/articles/river-roundup#st-" in page.url
    opened = page.locator(".detail:not([hidden])")
    assert opened.count() == 1 and opened.locator(".d-name").inner_text() == "Clara Vance"
    # the speaker's entity page lists what she said
    page.goto(base + "/corpus/entities/Clara%20Vance")
    assert "downstream" in page.locator("main").inner_text()


def test_story_timeline_and_source_graph(server, page):
    base, store = server
    if store is None:
        pytest.skip("no store in this build (claimgraph.store.search)")
    from test_across_stories import _corpus

    from claimgraph.across.linker import publication_order

    store.ingest(publication_order(_corpus()))
    page.goto(base + "/corpus/stories")
    page.get_by_role("link", name="Ferry runs aground off Varnholm").first.click()
    page.wait_for_selector("#timeline")
    days = page.locator("#timeline time").all_inner_texts()
    assert days == sorted(days) and len(days) >= 2
    assert "republishes" in page.locator("#timeline").inner_text()
    page.goto(base + "/corpus/sources")
    graph = page.locator("#source-graph")
    assert graph.is_visible() and graph.bounding_box()["width"] > 500
    assert page.locator("#source-graph path.edge").count() == len(store.source_graph()["links"]) >= 2
    # keyboard: Tab reaches a node of the graph, Enter opens it
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('svg') !== null"):
            break
    else:
        raise AssertionError("no node of the source graph takes the keyboard focus")
    with page.expect_navigation(timeout=15000):
        page.keyboard.press("Enter")
    assert "/corpus" in page.url and page.url != base + "/corpus/sources"
    assert not page.errors
