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
Only bad *input* (empty, not a string, too long) becomes a
:class:`~claimgraph.model.ReadError` (with a code from :data:`claimgraph.errors.CODES`);
the rest of the batch goes on. An exception inside a pipeline component, or while the
record is built, is a bug, not bad data: it propagates as an
:class:`~claimgraph.errors.InternalError` naming the component and the article, chained
to the original exception. A :class:`~claimgraph.errors.ModelFileError` propagates as it is.
"""
from __future__ import annotations

import dataclasses
import multiprocessing
import re
from typing import Iterable, Iterator, Optional, Union

from claimgraph.article import article_from_doc
from claimgraph.errors import ClaimgraphError, InputError, InternalError, describe
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
_JOB_KEY = ("claimgraph", "job")  # doc.user_data key: the job a doc was made for

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
        """One article; bad input raises :class:`~claimgraph.errors.InputError` (a
        ``ValueError``) with the :class:`ReadError`'s code and message."""
        source = ArticleInput(id=id, text=text, title=title, published=published, url=url,
                              outlet=outlet, origin=id)
        result = next(self.read_many([source]))
        if isinstance(result, ReadError):
            raise InputError(result.code, str(result))
        return result

    def read_many(self, sources: Iterable[ArticleInput], n_process: int = 1) -> Iterator[Result]:
        """Read articles in order; a bad one yields a :class:`ReadError`, the rest go on.
        Raises :class:`~claimgraph.errors.InternalError` when a component fails (a bug)."""
        if n_process > 1:
            yield from _read_parallel(self, sources, n_process)
            return
        for batch in _chunks(sources, self.batch_size):
            yield from self._run(batch)

    def _run(self, batch: list[ArticleInput]) -> Iterator[Result]:
        """One batch: every good article's windows through ``nlp.pipe``, then merged."""
        problems: dict[int, ReadError] = {}
        jobs: list[tuple[int, int, str]] = []  # (index in batch, window offset, window text)
        for k, src in enumerate(batch):
            problem = input_problem(src)
            if problem is not None:
                problems[k] = problem.read_error(src.id, src.origin)
                continue
            with _internal("cleaning the text", src):
                work = normalise(src.text)
            limit = min(WINDOW_CHARS, self.nlp.max_length - 1)
            jobs.extend((k, start, work[start:end]) for start, end in split_windows(work, limit))
        parts: dict[int, list[tuple[int, Article]]] = {}
        for (k, start, window_text), doc in zip(jobs, self._process(jobs, batch)):
            window = dataclasses.replace(batch[k], text=batch[k].text[start:start + len(window_text)])
            with _internal("building the record", batch[k], start):
                parts.setdefault(k, []).append((start, article_from_doc(doc, window)))
        for k, src in enumerate(batch):
            if k in problems:
                yield problems[k]
                continue
            with _internal("finishing the record", src):
                if len(parts[k]) == 1 and parts[k][0][0] == 0:
                    article = parts[k][0][1]
                else:
                    article = merge_windows(src, parts[k])
            yield article

    def _process(self, jobs, batch) -> Iterator:
        """The processed doc of each job, in order. Jobs go through ``nlp.pipe`` in groups
        of at most ``batch_size`` documents and :data:`BATCH_CHARS` characters (so the
        windows of a long text do not all sit in memory at once)."""
        for group in _groups(jobs, self.batch_size, BATCH_CHARS):
            yield from self._process_group(group, batch)

    def _process_group(self, jobs, batch) -> Iterator:
        """``nlp.pipe`` over one group. A component that raises is a bug, not bad input:
        :class:`InternalError` naming the component (spaCy's error handler tells which)
        and the article, chained to the component's exception."""
        nlp = self.nlp
        failure: dict = {}

        def on_error(name, _proc, docs, err):
            failure.setdefault("component", name)
            failure.setdefault("docs", list(docs))
            raise err

        # Function components report through the language's default handler (spaCy's own
        # trainable pipes keep their own: an error there names neither component nor article).
        nlp.default_error_handler = on_error

        def make(number, job):
            doc = nlp.make_doc(job[2])
            doc._.cg_published = batch[job[0]].published
            doc.user_data[_JOB_KEY] = number
            return doc

        try:
            yield from nlp.pipe((make(n, job) for n, job in enumerate(jobs)), batch_size=len(jobs))
        except ClaimgraphError:  # a model file, say: already says what is wrong
            raise
        except Exception as err:
            raise _component_error(err, failure, jobs, batch) from err


def _where(src: ArticleInput, start: int = 0) -> str:
    """The article (and window) an internal error happened on, for its message."""
    where = src.origin or str(src.id)
    if src.id is not None and str(src.id) != where:
        where += f" (id {src.id})"
    return where + (f", window at character {start:,}" if start else "")


class _internal:
    """``with _internal(step, src):`` — an exception (a bug) becomes an InternalError
    naming the step and the article; claimgraph's own errors pass unchanged."""

    def __init__(self, step: str, src: ArticleInput, start: int = 0):
        self.step, self.src, self.start = step, src, start

    def __enter__(self):
        return self

    def __exit__(self, kind, err, _tb):
        if err is None or not isinstance(err, Exception) or isinstance(err, ClaimgraphError):
            return False
        raise InternalError(f"{self.step} failed on {_where(self.src, self.start)}: "
                            f"{describe(err)}") from err


def _component_error(err: Exception, failure: dict, jobs, batch) -> InternalError:
    name = failure.get("component")
    what = f"component {name!r}" if name else "the pipeline"
    numbers = [doc.user_data.get(_JOB_KEY) for doc in failure.get("docs", ())
               if hasattr(doc, "user_data")]
    numbers = [n for n in numbers if n is not None]
    where = ""
    if len(numbers) == 1:
        k, start, _ = jobs[numbers[0]]
        where = f" on {_where(batch[k], start)}"
    elif numbers:
        firsts = dict.fromkeys(_where(batch[jobs[n][0]]) for n in numbers)
        shown = ", ".join(list(firsts)[:3]) + (", …" if len(firsts) > 3 else "")
        where = f" on a batch of {len(numbers)} texts ({shown})"
    return InternalError(f"{what} failed{where}: {describe(err)}")


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


def input_problem(src: ArticleInput) -> Optional[InputError]:
    """Why an input cannot be read (an :class:`InputError` with its code), or None."""
    if not isinstance(src.text, str):
        return InputError("input.not_text", "text is not a string")
    if not src.text.strip():
        return InputError("input.empty", "empty text (nothing but whitespace)")
    if len(src.text) > MAX_CHARS:
        return InputError("input.too_long",
                          f"text too long ({len(src.text):,} characters; the limit is {MAX_CHARS:,})")
    return None


def check_input(src: ArticleInput) -> Optional[str]:
    """Why an input cannot be read, or None (the message of :func:`input_problem`)."""
    problem = input_problem(src)
    return None if problem is None else problem.message


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
