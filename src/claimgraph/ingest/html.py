"""HTML pages → article text, title and publication date.

The article body is found by trafilatura (Barbaresi 2021, *Trafilatura: A Web Scraping
Library and Command-Line Tool for Text Discovery and Extraction*, ACL demos), which drops
navigation, footers, comments and other boilerplate. The publication date comes from the
page's metadata through htmldate (``original_date=True``: the first publication, not the
last edit; ``extensive_search=False``: no guessing from dates that merely appear in the
text). A page too short for trafilatura's thresholds falls back to the text of its
paragraphs; a page with no text at all (only scripts, say) is an :class:`IngestError`.

A page whose only text is navigation (menus, link lists, a header and a footer) is an
:class:`IngestError` too, "no article text found" (code ``input.no_article_text``):
trafilatura, finding nothing better, would return the menu as the article. A page has
article text only when some of its text lies outside links and outside ``nav``,
``header``, ``footer``, ``aside`` and ``menu`` elements (:func:`has_text_outside_navigation`).
"""
from __future__ import annotations

import logging
import re
from typing import Optional, Union

from claimgraph.ingest.text import IngestError, looks_binary
from claimgraph.model import ArticleInput

MAX_HTML_BYTES = 20_000_000  # trafilatura's own ceiling (max_file_size)
NO_TEXT = "no article text found"
NO_TEXT_CODE = "input.no_article_text"

# Elements whose text is never article text (used by the fallback extractor).
NON_TEXT_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer",
                 "aside", "form", "button", "select", "svg", "iframe", "head")
# Elements whose text is navigation, never an article (with links: see has_text_outside_navigation).
NAVIGATION_TAGS = ("nav", "header", "footer", "aside", "menu", "a")
NAVIGATION_ROLES = ("navigation", "banner", "contentinfo", "menu", "menubar")
_WORD = re.compile(r"[^\W\d_]{2}")  # two letters in a row: a word, not a "|" or a "»"
BLOCK_XPATH = "//p | //h1 | //h2 | //h3 | //h4 | //li | //blockquote | //pre"
DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")

_CONFIG = None


def _config():
    """trafilatura's settings, with the size floors lowered so short news items pass."""
    global _CONFIG
    if _CONFIG is None:
        from trafilatura.settings import use_config

        _CONFIG = use_config()
        _CONFIG["DEFAULT"]["MIN_EXTRACTED_SIZE"] = "1"
        _CONFIG["DEFAULT"]["MIN_OUTPUT_SIZE"] = "1"
        _CONFIG["DEFAULT"]["MIN_FILE_SIZE"] = "1"
        for name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
            logging.getLogger(name).setLevel(logging.ERROR)
    return _CONFIG


def extract_html(page: Union[str, bytes], *, id: str = "article", origin: str = "",
                 url: Optional[str] = None) -> ArticleInput:
    """The article in an HTML page, as an :class:`ArticleInput` (text, title, date, url)."""
    if isinstance(page, bytes):
        if len(page) > MAX_HTML_BYTES:
            raise IngestError("input.too_long", f"HTML page too large ({len(page):,} bytes; the limit is "
                              f"{MAX_HTML_BYTES:,})")
        if looks_binary(page):
            raise IngestError("input.binary", "binary data (NUL bytes), not an HTML page")
    elif len(page) > MAX_HTML_BYTES:
        raise IngestError("input.too_long", f"HTML page too large ({len(page):,} characters)")
    if not page.strip():
        raise IngestError("input.empty", "empty HTML page")
    if not has_text_outside_navigation(page):
        raise IngestError(NO_TEXT_CODE, NO_TEXT)

    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            page, url=url, with_metadata=True, include_comments=False, include_tables=True,
            date_extraction_params=dict(DATE_PARAMS, url=url), config=_config())
    except Exception as err:  # noqa: BLE001 - malformed markup is bad input, not a crash
        raise IngestError("input.bad_html", f"unreadable HTML ({type(err).__name__}: {err})") from None
    text = _tidy(doc.text) if doc is not None and doc.text else ""
    title = (doc.title or None) if doc is not None else None
    published = (doc.date or None) if doc is not None else None
    if not text.strip():
        text, fallback_title = _fallback_text(page)
        title = title or fallback_title
    if not text.strip():
        raise IngestError(NO_TEXT_CODE, NO_TEXT)
    return ArticleInput(id=id, text=text, title=title, published=published,
                        url=url or (doc.url if doc is not None else None), origin=origin or id)


def has_text_outside_navigation(page: Union[str, bytes]) -> bool:
    """Whether some word of the page lies outside links, navigation, headers, footers,
    asides, menus, scripts and the like (True, too, when lxml cannot parse the page:
    trafilatura then decides)."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return True
    roles = " or ".join(f"@role='{r}'" for r in NAVIGATION_ROLES)
    for element in tree.xpath(f"//*[{roles}]"):
        if element.getparent() is not None:
            element.drop_tree()  # keeps the element's tail text
    etree.strip_elements(tree, *NON_TEXT_TAGS, *NAVIGATION_TAGS, etree.Comment, with_tail=False)
    return _WORD.search(tree.text_content()) is not None


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _fallback_text(page: Union[str, bytes]) -> tuple[str, Optional[str]]:
    """Paragraph text of a page that trafilatura found too small: blocks minus non-text."""
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return "", None
    titles = tree.xpath("//title/text()")
    title = _SPACES.sub(" ", titles[0]).strip() or None if titles else None
    etree.strip_elements(tree, *NON_TEXT_TAGS, etree.Comment, with_tail=False)
    blocks = [b.text_content() for b in tree.xpath(BLOCK_XPATH)]
    if not any(b.strip() for b in blocks):
        body = tree.find("body")
        blocks = [body.text_content()] if body is not None else []
    return _tidy("\n".join(blocks)), title
