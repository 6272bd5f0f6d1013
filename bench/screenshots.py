"""Screenshots of the web pages for the README: ``docs/read-view.png`` (the Read page with a
statement open), ``docs/read-view-phone.png`` (the same at phone width),
``docs/corpus-view.png`` (a corpus search), ``docs/story-view.png`` (a story's timeline and
flags) and ``docs/sources-view.png`` (the source graph). Rerun after changing the pages:

    PYTHONPATH=src python bench/screenshots.py

Needs Debian's Chromium (``apt-get install chromium``) and Playwright; the corpus view needs
the store (``claimgraph.store``). Articles are the project's own (tests/web_articles, bench).
"""
from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--hide-scrollbars", "--force-color-profile=srgb"]
ROUNDUP = (ROOT / "tests" / "web_articles" / "river-roundup.txt").read_text(encoding="utf-8")
POOLS = (ROOT / "bench" / "web_article.txt").read_text(encoding="utf-8")
STORY = ROOT / "bench" / "story_articles.jsonl"  # three reports of one event, written here


def main() -> int:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from claimgraph.web import Settings, create_app

    store = None
    try:
        from claimgraph.store import Store

        store = Store(str(Path(tempfile.mkdtemp(prefix="cg-shots-")) / "corpus.db"))
    except ImportError:
        print("no store in this build: the corpus view is not taken", file=sys.stderr)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(), store=store), host="127.0.0.1",
                                           port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.1)
    DOCS.mkdir(exist_ok=True)
    try:
        import httpx

        if store is not None:
            for body in ({"id": "river-roundup", "text": ROUNDUP, "published": "2026-03-04",
                          "outlet": "Tidewire", "title": "Marrow flood walls to rise by a metre"},
                         {"id": "lakeview-pools", "text": POOLS, "published": "2026-06-18",
                          "outlet": "Northwire", "title": "Lakeview to close two public pools"}):
                httpx.post(base + "/articles", json=body, timeout=300).raise_for_status()
            import json

            for line in STORY.read_text(encoding="utf-8").splitlines():
                httpx.post(base + "/articles", json=json.loads(line), timeout=300).raise_for_status()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 1000})
            page.goto(base + "/")
            page.fill("#text", ROUNDUP)
            page.fill("#title", "Marrow flood walls to rise by a metre")
            page.fill("#published", "2026-03-04")
            page.fill("#outlet", "Tidewire")
            page.click("#read-button")
            page.wait_for_selector("#text-view")
            quote = page.locator("#text-view [data-item][tabindex]", has_text="Nobody asked us").first
            quote.click()
            page.locator("#doc-h").scroll_into_view_if_needed()
            page.evaluate("window.scrollTo(0, document.getElementById('reading').offsetTop - 8)")
            page.screenshot(path=str(DOCS / "read-view.png"))
            page.set_viewport_size({"width": 390, "height": 844})
            quote.click()
            page.evaluate("window.scrollTo(0, document.getElementById('text-view').offsetTop + 380)")
            page.screenshot(path=str(DOCS / "read-view-phone.png"))
            if store is not None:
                page.set_viewport_size({"width": 1280, "height": 1000})
                page.goto(base + "/corpus?q=pool&limit=6")
                page.wait_for_selector(".hit-link")
                page.screenshot(path=str(DOCS / "corpus-view.png"))
                page.goto(base + "/corpus/stories")
                page.get_by_role("link", name="Ferry runs aground off Varnholm; no injuries").click()
                page.wait_for_selector("#timeline")
                page.screenshot(path=str(DOCS / "story-view.png"))
                page.goto(base + "/corpus/sources")
                page.screenshot(path=str(DOCS / "sources-view.png"))
            browser.close()
    finally:
        server.should_exit = True
        if store is not None:
            store.close()
    print("wrote", ", ".join(str(p.relative_to(ROOT)) for p in sorted(DOCS.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
