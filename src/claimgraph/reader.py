"""The Python API: ``Reader().read(text)`` → :class:`~claimgraph.model.Article`.

Many articles go through ``nlp.pipe`` in batches; with ``n_process > 1`` each worker
process loads its own pipeline and sends back plain records (custom ``Doc`` attributes
do not cross process boundaries).
"""
from __future__ import annotations

import multiprocessing
from typing import Iterable, Iterator, Optional, Union

from claimgraph.article import article_from_doc
from claimgraph.ingest.text import normalise
from claimgraph.model import Article, ArticleInput, ReadError
from claimgraph.pipeline import DEFAULT_COMPONENTS, build_nlp

MAX_CHARS = 2_000_000  # longer texts are read in paragraph-aligned windows


class Reader:
    def __init__(self, components=DEFAULT_COMPONENTS, batch_size: int = 32):
        self.components = tuple(components)
        self.batch_size = batch_size
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = build_nlp(self.components)
            self._nlp.max_length = max(self._nlp.max_length, MAX_CHARS + 1)
        return self._nlp

    def read(self, text: str, *, id: str = "article", title: Optional[str] = None,
             published: Optional[str] = None, url: Optional[str] = None,
             outlet: Optional[str] = None) -> Article:
        source = ArticleInput(id=id, text=text, title=title, published=published, url=url,
                              outlet=outlet, origin=id)
        result = next(self.read_many([source]))
        if isinstance(result, ReadError):
            raise ValueError(str(result))
        return result

    def read_many(self, sources: Iterable[ArticleInput],
                  n_process: int = 1) -> Iterator[Union[Article, ReadError]]:
        """Read articles in order; a bad one yields a :class:`ReadError`, the rest go on."""
        if n_process > 1:
            yield from _read_parallel(self, sources, n_process)
            return
        yield from self._read_batches(sources)

    def _read_batches(self, sources: Iterable[ArticleInput]) -> Iterator[Union[Article, ReadError]]:
        def checked():
            for src in sources:
                problem = check_input(src)
                yield src, problem

        pending: list[tuple[ArticleInput, Optional[str]]] = []
        for item in checked():
            pending.append(item)
            if len(pending) >= self.batch_size:
                yield from self._run(pending)
                pending = []
        if pending:
            yield from self._run(pending)

    def _run(self, batch) -> Iterator[Union[Article, ReadError]]:
        good = [src for src, problem in batch if problem is None]
        docs = iter(self.nlp.pipe(((normalise(s.text), s) for s in good), as_tuples=True,
                                  batch_size=self.batch_size))
        for src, problem in batch:
            if problem is not None:
                yield ReadError(src.id, src.origin, problem)
                continue
            try:
                doc, ctx = next(docs)
                doc._.cg_published = ctx.published
            except Exception as err:  # noqa: BLE001 - a bad article never stops the feed
                yield ReadError(src.id, src.origin, f"could not be read ({type(err).__name__}: {err})")
                continue
            yield article_from_doc(doc, src)


def check_input(src: ArticleInput) -> Optional[str]:
    """Why an input cannot be read, or None."""
    if not isinstance(src.text, str):
        return "text is not a string"
    if not src.text.strip():
        return "empty text (nothing but whitespace)"
    if len(src.text) > MAX_CHARS:
        return f"text too long ({len(src.text):,} characters; the limit is {MAX_CHARS:,})"
    return None


_WORKER_READER: Optional[Reader] = None


def _worker_init(components, batch_size):
    global _WORKER_READER
    _WORKER_READER = Reader(components, batch_size)


def _worker_read(chunk: list[ArticleInput]) -> list[Union[dict, ReadError]]:
    out = []
    for res in _WORKER_READER.read_many(chunk):
        out.append(res if isinstance(res, ReadError) else res.to_record())
    return out


def _chunks(sources: Iterable[ArticleInput], size: int):
    chunk = []
    for src in sources:
        chunk.append(src)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _read_parallel(reader: Reader, sources, n_process: int):
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(n_process, initializer=_worker_init,
                  initargs=(reader.components, reader.batch_size)) as pool:
        for results in pool.imap(_worker_read, _chunks(sources, reader.batch_size)):
            for res in results:
                yield res if isinstance(res, ReadError) else Article.from_record(res)
