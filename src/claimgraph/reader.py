"""The Python API: ``Reader().read(text)`` → :class:`~claimgraph.model.Article`.

Many articles go through ``nlp.pipe`` in batches; with ``n_process > 1`` each worker
process loads its own pipeline and sends back plain records (custom ``Doc`` attributes
do not cross process boundaries).

Long texts (over :data:`WINDOW_CHARS`, far beyond any news article) are read in
paragraph-aligned windows: each window is parsed on its own, then the windows' records
are merged back into one article with every span shifted to its place in the whole
text, ids renumbered, references between records (quote → speaker entity, check →
quantities) rewritten, and entities of the same name and type joined. Memory then grows
with the window, not with the article, and spaCy's ``nlp.max_length`` is respected.
A bad article (or one that makes a component fail) becomes a
:class:`~claimgraph.model.ReadError`; the rest of the batch goes on.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import re
from typing import Iterable, Iterator, Optional, Union

from claimgraph.article import article_from_doc
from claimgraph.ingest.text import normalise
from claimgraph.model import LAYERS, Article, ArticleInput, ReadError, ref_fields, span_fields
from claimgraph.pipeline import DEFAULT_COMPONENTS, build_nlp
from claimgraph.quotes.finder import SCOPES

MAX_CHARS = 10_000_000  # longer inputs are refused with a clear error
BATCH_CHARS = 200_000  # at most this much text in one nlp.pipe batch (long texts' windows)
WINDOW_CHARS = 20_000  # longer texts are read in paragraph-aligned windows of at most this

# Where a window may end, best first: a blank line, a line break, a sentence end, a space.
_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"”’)]?\s+"),
           re.compile(r"\s+"))
_ID_PREFIX = re.compile(r"^\D*")

Result = Union[Article, ReadError]


class Reader:
    def __init__(self, components=DEFAULT_COMPONENTS, batch_size: int = 32, scope: str = "speech"):
        """``scope``: "speech" keeps what people said or wrote (the default, what a news
        reader expects); "all" also keeps beliefs, intentions and attitudes attributed to
        someone (*hopes that*, *wants*, *criticised X*), PolNeAR's broader notion."""
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(SCOPES)}, not {scope!r}")
        self.components = tuple(components)
        self.batch_size = batch_size
        self.scope = scope
        self._nlp = None

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = build_nlp(self.components, config={"claimgraph_quotes": {"scope": self.scope}})
            self._nlp.max_length = max(self._nlp.max_length, WINDOW_CHARS + 1)
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

    def read_many(self, sources: Iterable[ArticleInput], n_process: int = 1) -> Iterator[Result]:
        """Read articles in order; a bad one yields a :class:`ReadError`, the rest go on."""
        if n_process > 1:
            yield from _read_parallel(self, sources, n_process)
            return
        for batch in _chunks(sources, self.batch_size):
            yield from self._run(batch)

    def _run(self, batch: list[ArticleInput]) -> Iterator[Result]:
        """One batch: every good article's windows through ``nlp.pipe``, then merged."""
        problems: dict[int, str] = {}
        jobs: list[tuple[int, int, str]] = []  # (index in batch, window offset, window text)
        for k, src in enumerate(batch):
            problem = check_input(src)
            if problem is None:
                try:
                    work = normalise(src.text)
                except Exception as err:  # noqa: BLE001 - a bad article never stops the feed
                    problem = f"could not be cleaned ({type(err).__name__}: {err})"
            if problem is not None:
                problems[k] = problem
                continue
            limit = min(WINDOW_CHARS, self.nlp.max_length - 1)
            jobs.extend((k, start, work[start:end]) for start, end in split_windows(work, limit))
        parts: dict[int, list[tuple[int, Article]]] = {}
        for (k, start, window_text), (doc, err) in zip(jobs, self._process(jobs, batch)):
            if err is not None:
                problems.setdefault(k, f"could not be read ({type(err).__name__}: {err})")
                continue
            window = dataclasses.replace(batch[k], text=batch[k].text[start:start + len(window_text)])
            parts.setdefault(k, []).append((start, article_from_doc(doc, window)))
        for k, src in enumerate(batch):
            if k in problems:
                yield ReadError(src.id, src.origin, problems[k])
            elif len(parts[k]) == 1 and parts[k][0][0] == 0:
                yield parts[k][0][1]
            else:
                yield merge_windows(src, parts[k])

    def _process(self, jobs, batch) -> Iterator[tuple]:
        """``(doc, None)`` or ``(None, error)`` per job, in order. Jobs go through
        ``nlp.pipe`` in groups of at most ``batch_size`` documents and :data:`BATCH_CHARS`
        characters (so the windows of a long text do not all sit in memory at once); if a
        component fails, the rest of the group is retried one document at a time so that
        only the article at fault is lost."""
        for group in _groups(jobs, self.batch_size, BATCH_CHARS):
            yield from self._process_group(group, batch)

    def _process_group(self, jobs, batch) -> Iterator[tuple]:
        def make(job):
            doc = self.nlp.make_doc(job[2])
            doc._.cg_published = batch[job[0]].published
            return doc

        done = 0
        try:
            for doc in self.nlp.pipe((make(job) for job in jobs), batch_size=len(jobs)):
                done += 1
                yield doc, None
        except Exception:  # noqa: BLE001 - isolate the failing document below
            for job in jobs[done:]:
                try:
                    yield self.nlp(make(job)), None
                except Exception as err:  # noqa: BLE001
                    yield None, err


def _groups(jobs: list, size: int, max_chars: int) -> Iterator[list]:
    group: list = []
    chars = 0
    for job in jobs:
        if group and (len(group) >= size or chars + len(job[2]) > max_chars):
            yield group
            group, chars = [], 0
        group.append(job)
        chars += len(job[2])
    if group:
        yield group


def check_input(src: ArticleInput) -> Optional[str]:
    """Why an input cannot be read, or None."""
    if not isinstance(src.text, str):
        return "text is not a string"
    if not src.text.strip():
        return "empty text (nothing but whitespace)"
    if len(src.text) > MAX_CHARS:
        return f"text too long ({len(src.text):,} characters; the limit is {MAX_CHARS:,})"
    return None


# --------------------------------------------------------------------------- long texts

def split_windows(text: str, limit: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` windows covering ``text``, each at most ``limit`` long,
    ending at a paragraph break where one lies in the window's second half (else a line
    break, a sentence end, a space, or, failing all, exactly at ``limit``)."""
    spans = []
    start = 0
    while len(text) - start > limit:
        cut = start + limit
        floor = start + limit // 2
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(text, floor, cut)]
            if ends:
                cut = ends[-1]
                break
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def merge_windows(src: ArticleInput, parts: list[tuple[int, Article]]) -> Article:
    """One article from the articles read on its windows (``(offset, article)`` pairs):
    every layer of :data:`~claimgraph.model.LAYERS` shifted, renumbered and relinked."""
    merged = Article(id=src.id, text=src.text, title=src.title, published=src.published,
                     url=src.url, outlet=src.outlet)
    counters: dict[tuple[str, str], int] = {}  # (layer, id prefix) -> last number
    entity_by_key: dict[tuple[str, str], object] = {}
    for offset, part in parts:
        ids: dict[str, dict[str, str]] = {spec.name: {} for spec in LAYERS}
        for ent in part.entities:
            key = (ent.name.casefold(), ent.type)
            _shift(ent, offset)
            if key in entity_by_key:
                kept = entity_by_key[key]
                kept.mentions.extend(ent.mentions)
                kept.aliases.extend(a for a in ent.aliases if a not in kept.aliases)
                ids["entities"][ent.id] = kept.id
            else:
                ids["entities"][ent.id] = ent.id = _new_id("entities", ent.id, counters)
                entity_by_key[key] = ent
                merged.entities.append(ent)
        for spec in LAYERS:
            if spec.name == "entities":
                continue
            for rec in part.records(spec.name):
                _shift(rec, offset)
                if spec.id_prefix is not None:
                    ids[spec.name][rec.id] = rec.id = _new_id(spec.name, rec.id, counters)
                merged.records(spec.name).append(rec)
        for spec in LAYERS:
            for rec in part.records(spec.name):
                _relink(rec, ids)
        merged.errors.extend(part.errors)
    return merged


def _new_id(layer: str, old: str, counters: dict[tuple[str, str], int]) -> str:
    """The next id of a layer, keeping the component's prefix: ``Q7`` → ``Q23``."""
    prefix = _ID_PREFIX.match(str(old)).group(0)
    key = (layer, prefix)
    counters[key] = counters.get(key, 0) + 1
    return f"{prefix}{counters[key]}"


def _shift(rec, offset: int) -> None:
    """Move every span of a record (its fields typed ``Span`` or ``list[Span]``) by ``offset``."""
    spans, span_lists = span_fields(type(rec))
    for name in spans:
        value = getattr(rec, name)
        if value is not None:
            setattr(rec, name, (value[0] + offset, value[1] + offset))
    for name in span_lists:
        setattr(rec, name, [(s + offset, e + offset) for s, e in getattr(rec, name)])


def _relink(rec, ids: dict[str, dict[str, str]]) -> None:
    """Rewrite the ids a record holds of other records (its ``ref`` fields)."""
    for name, layer_name in ref_fields(type(rec)).items():
        value = getattr(rec, name, None)
        table = ids[layer_name]
        if isinstance(value, str):
            setattr(rec, name, table.get(value, value))
        elif isinstance(value, list):
            setattr(rec, name, [table.get(v, v) for v in value])


# --------------------------------------------------------------------------- processes

_WORKER_READER: Optional[Reader] = None


def _worker_init(components, batch_size, scope):
    global _WORKER_READER
    _WORKER_READER = Reader(components, batch_size, scope)


def _worker_read(chunk: list[ArticleInput]) -> list[Union[dict, ReadError]]:
    out = []
    for res in _WORKER_READER.read_many(chunk):
        out.append(res if isinstance(res, ReadError) else res.to_record())
    return out


def _chunks(sources: Iterable[ArticleInput], size: int) -> Iterator[list[ArticleInput]]:
    """Lists of ``size`` sources (the last one shorter), in order."""
    chunk: list[ArticleInput] = []
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
                  initargs=(reader.components, reader.batch_size, reader.scope)) as pool:
        for results in pool.imap(_worker_read, _chunks(sources, reader.batch_size)):
            for res in results:
                yield res if isinstance(res, ReadError) else Article.from_record(res)
