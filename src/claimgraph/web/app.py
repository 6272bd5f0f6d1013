"""The web application: ``create_app(Settings(...))`` → a FastAPI app.

Two layers. The Read side (``POST /read``, the Read page ``/``, ``/health``,
``/version``, ``/docs``) needs nothing but the reader, loaded once per worker process
when the app starts. The corpus side (``/articles``, ``/search``, ``/quotes``,
``/attributions``, ``/entities/…``, ``/stats`` and the ``/corpus`` pages) goes through
:class:`claimgraph.store.Store`; without a store (no ``--db``) it answers 503
``store.none``.

One reader per process, used by one request at a time (a lock; requests wait their
turn in a thread, so the server keeps answering ``/health`` and static files meanwhile).
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any, Optional, get_args
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimgraph import __version__
from claimgraph.model import SCHEMA_VERSION, Article, ArticleInput, ReadError
from claimgraph.web import across, corpus, inputs
from claimgraph.web.errors import WEB_CODES, ApiError, from_read_error
from claimgraph.web.render import reading_view
from claimgraph.web.security import MAX_BODY, Guard, check_write

HERE = files("claimgraph.web")
JSON_TYPE = "application/json"


@dataclass
class Settings:
    """How the server runs (``claimgraph serve`` fills it from its options)."""

    db: Optional[str] = None  # a store URL or SQLite path; None: no corpus
    token: Optional[str] = None  # required on write endpoints when set
    max_body: int = MAX_BODY  # bytes
    scope: str = "speech"
    batch_size: int = 32
    title: str = "claimgraph"
    extra: dict[str, Any] = field(default_factory=dict)


class ReadService:
    """The process's one :class:`~claimgraph.reader.Reader`, fed by one task.

    Requests wait in an asyncio queue, not in threads: a request that arrives while the
    reader is busy costs no thread, so pages, static files and ``/health`` are answered
    meanwhile. Whatever has queued up while one batch was being read goes through the
    reader together as the next batch (``nlp.pipe``, up to ``batch_size`` articles), so a
    lone request is read at once and a crowd is read in batches."""

    def __init__(self, reader=None, scope: str = "speech", batch_size: int = 32):
        self._reader = reader
        self.scope = scope
        self.batch_size = batch_size
        self.lock = threading.Lock()
        self._queue: Optional[asyncio.Queue] = None
        self._task: Optional[asyncio.Task] = None

    @property
    def reader(self):
        if self._reader is None:
            from claimgraph.reader import Reader

            self._reader = Reader(batch_size=self.batch_size, scope=self.scope)
        return self._reader

    def load(self) -> None:
        with self.lock:
            self.reader.nlp  # noqa: B018 - the model loads here, once

    @property
    def loaded(self) -> bool:
        return self._reader is not None and self._reader._nlp is not None

    def read_batch(self, items: list[ArticleInput]) -> list:
        """Article or ReadError per input, in order (one thread at a time)."""
        with self.lock:
            return list(self.reader.read_many(items))

    async def start(self) -> None:
        self._queue = asyncio.Queue()
        self._task = asyncio.create_task(self._serve())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _serve(self) -> None:
        queue = self._queue
        while True:
            batch = [await queue.get()]
            while len(batch) < self.batch_size and not queue.empty():
                batch.append(queue.get_nowait())
            batch = [(item, fut) for item, fut in batch if not fut.done()]  # client gone
            if not batch:
                continue
            try:
                results = await run_in_threadpool(self.read_batch, [item for item, _ in batch])
            except Exception as err:  # noqa: BLE001 - handed to each waiting request
                for _, fut in batch:
                    if not fut.done():
                        fut.set_exception(err)
                continue
            for (_, fut), result in zip(batch, results):
                if not fut.done():
                    fut.set_result(result)

    async def read(self, item: ArticleInput) -> Article:
        if self._queue is None:  # no running loop task (used outside the app's lifespan)
            (result,) = await run_in_threadpool(self.read_batch, [item])
        else:
            fut = asyncio.get_running_loop().create_future()
            await self._queue.put((item, fut))
            result = await fut
        if isinstance(result, ReadError):
            raise from_read_error(result)
        return result


def record_json(record: dict) -> bytes:
    """A record exactly as ``claimgraph read --format json`` prints it."""
    return (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def create_app(settings: Optional[Settings] = None, *, reader=None, store=None) -> FastAPI:
    """The app. ``reader``/``store``: already-made ones (tests share theirs); otherwise the
    reader is made and loaded, and the store opened, when the app starts."""
    settings = settings or Settings()
    service = ReadService(reader, settings.scope, settings.batch_size)
    state: dict[str, Any] = {"store": store, "write_lock": threading.Lock()}

    @contextlib.asynccontextmanager
    async def lifespan(app):
        await run_in_threadpool(service.load)
        await service.start()
        opened = None
        if state["store"] is None and settings.db:
            from claimgraph.store import Store

            opened = state["store"] = await run_in_threadpool(Store, settings.db)
        try:
            yield
        finally:
            await service.stop()
            if opened is not None:
                opened.close()

    app = FastAPI(title="claimgraph", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None,
                  description="Who said what, according to whom: read news articles with their "
                              "sources. Errors are JSON: `{\"error\": {\"code\", \"message\", "
                              f"\"status\"}}`. Request bodies are limited to {settings.max_body:,} bytes.")
    app.add_middleware(Guard, max_body=settings.max_body)
    app.state.settings = settings
    app.state.service = service
    app.state.corpus = state
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.globals.update(version=__version__, settings=settings)
    templates.env.filters["urlencode_params"] = lambda d: urlencode(d)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def has_store() -> bool:
        return state["store"] is not None

    templates.env.globals["has_store"] = has_store

    def the_store():
        if state["store"] is None:
            raise ApiError(503, "store.none",
                           "no store configured: start the server with --db PATH_OR_URL")
        return state["store"]

    async def in_store(func, *args, **kw):
        try:
            return await run_in_threadpool(func, *args, **kw)
        except ApiError:
            raise
        except Exception as err:  # noqa: BLE001 - the store's own errors become 4xx/503
            mapped = corpus.api_error(err)
            if mapped is None:
                raise
            raise mapped from None

    # ----------------------------------------------------------------------------- errors
    def wants_html(request: Request) -> bool:
        path = request.url.path
        return path == "/" or path.startswith("/corpus") or path == "/docs"

    def error_page(request: Request, err: ApiError):
        return templates.TemplateResponse(request, "error.html", {"error": err},
                                          status_code=err.status)

    @app.exception_handler(ApiError)
    async def api_error(request: Request, err: ApiError):
        if wants_html(request):
            return error_page(request, err)
        return JSONResponse(err.body(), status_code=err.status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException):
        code = "not_found" if err.status_code == 404 else (
            "request.method" if err.status_code == 405 else "request.invalid")
        message = "no such page or endpoint" if err.status_code == 404 else str(err.detail)
        return await api_error(request, ApiError(err.status_code, code, message))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, err: RequestValidationError):
        first = err.errors()[0] if err.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return await api_error(request, ApiError(422, "request.invalid",
                                                 f"{where}: {first.get('msg', 'invalid')}"))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, err: Exception):
        mapped = corpus.api_error(err)
        if mapped is not None:
            return await api_error(request, mapped)
        message = f"internal error ({type(err).__name__}); see the server's log"
        return await api_error(request, ApiError(500, "internal", message))

    # ----------------------------------------------------------------------------- input
    async def article_input(request: Request, warnings: list[str], page: bool = False) -> ArticleInput:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        warn = warnings.append
        if ctype in (JSON_TYPE, "") and not page:
            return inputs.from_json(await request.body(), warn)
        if ctype == "application/x-www-form-urlencoded" and not page:
            body = await request.body()
            if body.lstrip()[:1] == b"{":  # `curl -d @line.json` without a content type
                return inputs.from_json(body, warn)
        if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
            form = await request.form(max_files=1, max_fields=20, max_part_size=settings.max_body)
            fields = {k: v for k, v in form.items() if isinstance(v, str)}
            if page:
                fields["text"] = inputs.textarea(fields.get("text"))
            upload = form.get("file")
            up = None
            if upload is not None and not isinstance(upload, str) and upload.filename:
                up = (upload.filename, await upload.read(), upload.content_type or "")
            return inputs.from_fields(fields, warn, upload=up)
        if ctype in ("text/plain", "text/html"):
            return inputs.from_raw(await request.body(), ctype == "text/html",
                                   dict(request.query_params), warn)
        raise ApiError(415, "request.bad_content_type",
                       f"send JSON (a feed line), a file upload or text/plain, not {ctype!r}")

    def warning_headers(warnings: list[str]) -> dict[str, str]:
        if not warnings:
            return {}
        text = "; ".join(warnings)
        return {"X-Claimgraph-Warning": text.encode("ascii", "replace").decode()[:500]}

    # ----------------------------------------------------------------------------- API
    @app.get("/health", tags=["server"], summary="Is the server up, with its model loaded?")
    async def health():
        return {"status": "ok" if service.loaded else "loading", "model_loaded": service.loaded,
                "store": has_store()}

    @app.get("/version", tags=["server"], summary="Versions of claimgraph and its record")
    async def version():
        import spacy

        return {"claimgraph": __version__, "schema_version": SCHEMA_VERSION,
                "spacy": spacy.__version__, "scope": settings.scope}

    @app.get("/errors", tags=["server"], summary="The web's own error codes")
    async def error_codes():
        codes = dict(WEB_CODES)
        with contextlib.suppress(ImportError):
            from claimgraph.errors import CODES

            codes.update({k: v for k, v in CODES.items() if k.startswith("input.")})
        return codes

    @app.post("/read", tags=["read"], openapi_extra=inputs.body_schema(),
              summary="Read one article (not stored): the JSON record of `claimgraph read --format json`",
              responses={200: {"content": {JSON_TYPE: {}}}, 400: {}, 413: {}, 415: {}, 422: {}})
    async def read(request: Request):
        warnings: list[str] = []
        t0 = time.perf_counter()
        item = await article_input(request, warnings)
        t1 = time.perf_counter()
        article = await service.read(item)
        t2 = time.perf_counter()
        body = record_json(article.to_record())
        t3 = time.perf_counter()
        timing = f"input;dur={1000 * (t1 - t0):.1f}, read;dur={1000 * (t2 - t1):.1f}, json;dur={1000 * (t3 - t2):.1f}"
        return Response(body, media_type=JSON_TYPE,
                        headers={**warning_headers(warnings), "Server-Timing": timing})

    @app.post("/articles", tags=["corpus"], openapi_extra=inputs.body_schema(),
              summary="Read and store one article (idempotent, as `claimgraph ingest`)",
              responses={200: {"description": "already stored"}, 201: {"description": "stored"},
                         401: {}, 403: {}, 413: {}, 503: {}})
    async def post_article(request: Request):
        check_write(request, settings.token)
        store = the_store()
        warnings: list[str] = []
        item = await article_input(request, warnings)
        article = await service.read(item)

        def write():
            with state["write_lock"]:
                try:
                    return store.ingest([article])
                finally:
                    corpus.forget_names()

        summary = corpus.plain(await in_store(write))
        stored = bool(summary.get("stored")) if isinstance(summary, dict) else True
        body = {"id": article.id, "stored": stored, "summary": summary,
                "href": f"/articles/{article.id}"}
        return JSONResponse(body, status_code=201 if stored else 200,
                            headers=warning_headers(warnings))

    @app.get("/articles/{article_id:path}", tags=["corpus"],
             summary="A stored article's record (404 when there is none)")
    async def get_article(article_id: str):
        record = await in_store(the_store().record, article_id)
        return Response(record_json(record), media_type=JSON_TYPE)

    def paged(layer):
        async def endpoint(request: Request):
            query = corpus.parse_query(request.query_params)
            return JSONResponse(await in_store(corpus.search, the_store(), query, layer))
        return endpoint

    filters_doc = ("Filters as `claimgraph search`: `q` (full text), `speaker`, `source`, `about`, "
                   "`outlet`, `since`, `until` (YYYY-MM-DD), `kind`, `anonymous` (true/false), "
                   "`certainty`; pages with `limit` (1–500, default 20) and `offset`. "
                   "Answers `{total, total_exact, more, limit, offset, items}`: the total is exact "
                   "up to 1,000 hits; past that `total_exact` is false and `total` is a lower "
                   "bound; `more`: a next page exists.")
    for path, layer in corpus.LAYERS.items():
        app.add_api_route(f"/{path}", paged(layer), methods=["GET"], tags=["corpus"],
                          summary=f"Stored {path if layer else 'quotes and attributions'}",
                          description=filters_doc, name=f"list_{path}")

    @app.get("/entities", tags=["corpus"],
             summary="Entities of the registry (resolved across articles), most mentioned first",
             description="`q` (a part of the name, any case), `type` (PERSON, ORG, GPE …; "
                         "repeatable), `min_mentions`; `limit` (1–500) and `offset`. Answers "
                         "`{total, limit, offset, items}`; each item `{key, name, type, country, "
                         "role, articles, mentions}`.")
    async def list_entities(request: Request):
        from claimgraph.model import EntityType

        params = request.query_params
        corpus.only(params, ("q", "type", "min_mentions", "limit", "offset"))
        types = [t.strip().upper() for t in params.getlist("type") if t.strip()]
        known = get_args(EntityType)
        for t in types:
            if t not in known:
                raise corpus.bad("type", f"{t[:40]!r} is not one of {', '.join(known)}")
        limit, offset = corpus.paging(params)
        min_mentions = corpus.whole(params, "min_mentions", 1, 0, corpus.MAX_OFFSET)
        total, items = await in_store(the_store().entity_page, name=corpus.text(params, "q"), types=types,
                                      min_mentions=min_mentions, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": corpus.plain(items)}

    @app.get("/entities/{name:path}", tags=["corpus"],
             summary="One entity's profile: names, what it said, what was said about it")
    async def get_entity(name: str):
        return JSONResponse(corpus.plain(await in_store(the_store().entity, name)))

    @app.get("/stats", tags=["corpus"], summary="Counts per table, outlets, date range")
    async def stats():
        return corpus.plain(await in_store(the_store().stats))

    # ------------------------------------------------------------------- across articles
    async def story_page(request: Request) -> tuple[across.StoryQuery, int, list[dict]]:
        q = across.parse_story_query(request.query_params)
        total, items = await in_store(the_store().story_page, since=q.since, about=q.about,
                                      min_size=q.min_size, limit=q.limit, offset=q.offset)
        return q, total, corpus.plain(items)

    @app.get("/stories", tags=["across"],
             summary="Stories (articles about one event), largest first",
             description="Filters as `claimgraph stories`: `since` (YYYY-MM-DD: stories still "
                         "reported then), `about` (an entity), `min_size`; `limit` (1–500) and "
                         "`offset`. Answers `{total, limit, offset, items}`; each item as "
                         "`claimgraph stories --format json` prints it.")
    async def list_stories(request: Request):
        q, total, items = await story_page(request)
        return {"total": total, "limit": q.limit, "offset": q.offset, "items": items}

    @app.get("/stories/{story_id:path}", tags=["across"],
             summary="One story: its articles by date, the statements they share, its flags")
    async def get_story(story_id: str):
        story = await in_store(the_store().story, story_id)
        if story is None:
            raise ApiError(404, "not_found", f"no story {story_id!r}")
        return corpus.plain(story)

    @app.get("/statements", tags=["across"],
             summary="Statements reported by several articles, with every report and the first",
             description="`speaker` (a name or registry key), `misquotes=true` (only those with "
                         "a flagged misquote), `all=true` (statements reported once too); "
                         "`limit` and `offset`. Answers `{total, limit, offset, items}`.")
    async def list_statements(request: Request):
        params = request.query_params
        corpus.only(params, ("speaker", "misquotes", "all", "limit", "offset"))
        limit, offset = corpus.paging(params)
        total, rows = await in_store(the_store().statement_page, speaker=corpus.text(params, "speaker"),
                                     misquotes=bool(corpus.flag(params, "misquotes")),
                                     everything=bool(corpus.flag(params, "all")),
                                     limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "items": corpus.plain(rows)}

    @app.get("/statements/{article_id:path}/{quote_id}", tags=["across"],
             summary="The statement a stored quote reports: every article that carries it")
    async def get_statement(article_id: str, quote_id: str):
        st = await in_store(the_store().statement, quote_id, article=article_id)
        if st is None:
            raise ApiError(404, "not_found", f"quote {quote_id!r} of {article_id!r} is linked to no statement")
        return corpus.plain(st)

    @app.get("/sources", tags=["across"],
             summary="Per outlet: citations, the anonymous share, the most cited sources",
             description="`outlet` (repeatable) narrows to those outlets; `top` (1–100, default 10).")
    async def list_sources(request: Request):
        params = request.query_params
        corpus.only(params, ("outlet", "top"))
        top = corpus.whole(params, "top", 10, 1, 100)
        outlets = [o.strip() for o in params.getlist("outlet") if o.strip()]
        table = corpus.plain(await in_store(the_store().sources, outlets, top=top))
        missing = sorted(set(outlets) - {o["outlet"] for o in table})
        if missing:
            raise corpus.bad("outlet", f"no stored citations from {missing[0][:80]!r}")
        return table

    @app.get("/sources/graph", tags=["across"],
             summary="The source graph (outlets → cited sources) as networkx node-link JSON")
    async def get_source_graph():
        return corpus.plain(await in_store(the_store().source_graph))

    # ----------------------------------------------------------------------------- pages
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def read_page(request: Request):
        return templates.TemplateResponse(request, "read.html", {"form": {}, "view": None})

    @app.post("/", response_class=HTMLResponse, include_in_schema=False)
    async def read_page_post(request: Request):
        warnings: list[str] = []
        form: dict[str, Any] = {}
        try:
            ctype = request.headers.get("content-type", "")
            if "form" in ctype:
                raw = await request.form(max_files=1, max_fields=20, max_part_size=settings.max_body)
                form = {k: v for k, v in raw.items() if isinstance(v, str)}
            item = await article_input(request, warnings, page=True)
            article = await service.read(item)
        except ApiError as err:
            return templates.TemplateResponse(request, "read.html",
                                              {"form": form, "view": None, "error": err},
                                              status_code=err.status)
        view = reading_view(article, store_link=has_store())
        return templates.TemplateResponse(request, "read.html",
                                          {"form": {**form, "text": article.text}, "view": view,
                                           "warnings": warnings})

    @app.get("/corpus", response_class=HTMLResponse, include_in_schema=False)
    async def corpus_page(request: Request):
        context: dict[str, Any] = {"params": dict(request.query_params), "result": None}
        if not has_store():
            context["error"] = ApiError(503, "store.none",
                                        "no store configured: start the server with --db PATH_OR_URL")
            return templates.TemplateResponse(request, "corpus.html", context, status_code=503)
        try:
            query = corpus.parse_query(request.query_params)
            context["stats"] = corpus.plain(await in_store(the_store().stats))
            if query.text or query.filters:
                result = await in_store(corpus.search, the_store(), query, None)
                context["result"] = result
                context["pages"] = corpus.pages(query.params(), query.limit, query.offset,
                                                bool(result.get("more")))
        except ApiError as err:
            context["error"] = err
            return templates.TemplateResponse(request, "corpus.html", context,
                                              status_code=err.status)
        return templates.TemplateResponse(request, "corpus.html", context)

    @app.get("/corpus/articles/{article_id:path}", response_class=HTMLResponse,
             include_in_schema=False)
    async def article_page(request: Request, article_id: str):
        article = await in_store(the_store().article, article_id)
        view = reading_view(article, store_link=True)
        linked = await in_store(the_store().statements_of, article.id)
        for d in view["details"]:
            st = linked.get(d["id"])
            if st:
                d["elsewhere"] = [r for r in st["reports"] if r["article"] != article.id]
                d["first"] = st["first"]
        return templates.TemplateResponse(request, "article.html", {"view": view})

    @app.get("/corpus/entities/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    async def entity_page(request: Request, name: str):
        profile = corpus.plain(await in_store(the_store().entity, name))
        return templates.TemplateResponse(request, "entity.html", {"name": name, "profile": profile})

    @app.get("/corpus/stories", response_class=HTMLResponse, include_in_schema=False)
    async def stories_page(request: Request):
        q, total, items = await story_page(request)
        params = {k: v for k, v in request.query_params.items() if k not in corpus.PAGING}
        pages = corpus.pages(params, q.limit, q.offset, q.offset + q.limit < total)
        return templates.TemplateResponse(request, "stories.html",
                                          {"stories": items, "total": total, "query": q,
                                           "pages": pages, "params": params})

    @app.get("/corpus/stories/{story_id:path}", response_class=HTMLResponse, include_in_schema=False)
    async def story_view(request: Request, story_id: str):
        story = await in_store(the_store().story, story_id)
        if story is None:
            raise ApiError(404, "not_found", f"no story {story_id!r}")
        story = corpus.plain(story)
        return templates.TemplateResponse(request, "story.html",
                                          {"story": story, "days": across.timeline(story)})

    @app.get("/corpus/sources", response_class=HTMLResponse, include_in_schema=False)
    async def sources_page(request: Request):
        graph = corpus.plain(await in_store(the_store().source_graph))
        table = corpus.plain(await in_store(the_store().sources, (), top=5))
        return templates.TemplateResponse(request, "sources.html",
                                          {"graph": across.graph_layout(graph), "table": table})

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    async def docs(request: Request):
        return templates.TemplateResponse(request, "docs.html",
                                          {"schema": app.openapi(), "codes": await error_codes()})

    return app
