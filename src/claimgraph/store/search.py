"""Searching stored statements (quotes and attributions).

**Query language** (the same on SQLite and PostgreSQL; :class:`TextQuery`): words must
all occur (stemmed: *talks* finds *talk*), ``"a phrase"`` in order, ``word*`` a prefix,
``-word`` excludes, ``OR`` between groups of words. Anything else (an unclosed quote, a
query of exclusions only, a lone ``*``) is a :class:`~claimgraph.store.errors.QueryError`
with the reason. Every word reaches the database as a bound parameter.

**Filters** (:class:`Filters`; each takes one value or a list, any of which may match):
``speaker`` (who said it: a quote's speaker, an attribution's source), ``source`` (on
whose authority: an attribution's source, or the outlet or office a statement comes
``via``), ``about`` (an entity mentioned inside the content), ``outlet``, ``since`` /
``until`` (publication date, inclusive), ``kind`` (direct, partial, mixed, indirect,
attribution), ``anonymous``, ``certainty``. Names go through the entity registry: any
alias (or the registry key) finds the entity, whatever spelling each article used.
Only current versions of articles are searched.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Any, Iterator, Optional, Sequence, Union

import sqlalchemy as sa

from claimgraph.store import backend
from claimgraph.store.errors import QueryError
from claimgraph.store.terms import CERTAINTIES, KINDS
from claimgraph.store.schema import (articles, attributions, mentions, quotes, registry,
                                     registry_names)


Many = Union[None, str, Sequence[str]]


# ------------------------------------------------------------------------------ query text

_TOKEN = re.compile(r'\s*(?:(-?)"([^"]*)"|(\S+))')
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class Term:
    words: list[str]          # one word, or a phrase
    prefix: bool = False
    negated: bool = False


@dataclass
class TextQuery:
    """A parsed full-text query: OR of groups; each group all its terms (minus exclusions)."""

    groups: list[list[Term]]
    text: str = ""

    @classmethod
    def parse(cls, text: str) -> "TextQuery":
        if text.count('"') % 2:
            raise QueryError(f"malformed search query {text!r}: a quotation mark is not closed")
        groups: list[list[Term]] = [[]]
        pos = 0
        while pos < len(text):
            m = _TOKEN.match(text, pos)
            if m is None:  # only spaces left
                break
            pos = m.end()
            neg, phrase, bare = m.group(1), m.group(2), m.group(3)
            if bare == "OR":
                if not groups[-1]:
                    raise QueryError(f"malformed search query {text!r}: OR needs words on both sides")
                groups.append([])
                continue
            if phrase is not None:
                words = _WORD.findall(phrase)
                if not words:
                    raise QueryError(f"malformed search query {text!r}: an empty phrase")
                groups[-1].append(Term(words, negated=bool(neg)))
                continue
            negated = bare.startswith("-")
            core = bare[1:] if negated else bare
            prefix = core.endswith("*")
            words = _WORD.findall(core.rstrip("*"))
            if not words:
                if core.strip("*-") == "":
                    raise QueryError(f"malformed search query {text!r}: {bare!r} is not a word")
                continue  # punctuation only: nothing to look for
            if prefix and len(words) > 1:
                groups[-1].append(Term(words[:-1], negated=negated))
                groups[-1].append(Term(words[-1:], prefix=True, negated=negated))
            elif len(words) > 1:  # "ex-president", "U.S.": the words in order
                groups[-1].append(Term(words, negated=negated))
            else:
                groups[-1].append(Term(words, prefix=prefix, negated=negated))
        if not groups[-1] and len(groups) > 1:
            raise QueryError(f"malformed search query {text!r}: OR needs words on both sides")
        for group in groups:
            if group and all(t.negated for t in group):
                raise QueryError(f"malformed search query {text!r}: a query needs at least one "
                                 f"word that is not excluded (-word)")
        groups = [g for g in groups if g]
        if not groups:
            raise QueryError(f"malformed search query {text!r}: no words to search for")
        return cls(groups, text)

    # SQLite FTS5: every word as a quoted string, so no user text is FTS syntax
    def fts5(self) -> str:
        def term(t: Term) -> str:
            quoted = '"' + " ".join(w.replace('"', '""') for w in t.words) + '"'
            return quoted + ("*" if t.prefix else "")

        out = []
        for group in self.groups:
            pos = " AND ".join(term(t) for t in group if not t.negated)
            neg = "".join(f" NOT {term(t)}" for t in group if t.negated)
            out.append(f"({pos}{neg})")
        return " OR ".join(out)

    # PostgreSQL: the text of a to_tsquery() argument (passed as one bound parameter): every
    # word single-quoted (words are letters and digits only), phrases with <->, prefixes :*
    def ts_text(self) -> str:
        def term(t: Term) -> str:
            words = " <-> ".join(f"'{w}'" for w in t.words)
            if len(t.words) > 1:
                words = f"({words})"
            return ("!" if t.negated else "") + words + (":*" if t.prefix else "")

        return " | ".join("(" + " & ".join(term(t) for t in group) + ")" for group in self.groups)


# ------------------------------------------------------------------------------ filters

@dataclass
class Filters:
    speaker: Many = None
    source: Many = None
    about: Many = None
    outlet: Many = None
    since: Optional[str] = None
    until: Optional[str] = None
    kind: Many = None
    anonymous: Optional[bool] = None
    certainty: Many = None
    limit: Optional[int] = None

    def values(self, name: str) -> list[str]:
        value = getattr(self, name)
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value]


@dataclass
class Hit:
    article_id: str
    outlet: Optional[str]
    published: Optional[str]
    speaker: Optional[str]
    kind: str
    content: str
    start: int
    end: int
    layer: str                      # "quotes" | "attributions"
    item: str                       # the record's id in the article (Q3, A1 …)
    speaker_key: Optional[str] = None
    certainty: Optional[str] = None
    anonymous: bool = False
    url: Optional[str] = None
    title: Optional[str] = None
    article_uid: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


FIELDS = [f for f in Hit.__dataclass_fields__]


def _date(value: str, name: str) -> str:
    from claimgraph.ingest.feeds import iso_date

    iso = iso_date(value) if isinstance(value, str) else None
    if iso is None:
        raise QueryError(f"--{name}: expected a date as YYYY-MM-DD, got {value!r}")
    return iso


_KEYS_FOR = (sa.select(registry.c.key, registry.c.mentions).distinct()
             .join_from(registry, registry_names, registry.c.key == registry_names.c.key, isouter=True)
             .where(sa.or_(registry_names.c.norm == sa.bindparam("norm"),
                           registry.c.key == sa.bindparam("name"))))
_OUTLET = (sa.select(articles.c.outlet)
           .where(sa.func.lower(articles.c.outlet) == sa.bindparam("outlet")).limit(1))


def resolve_names(conn, names: list[str], what: str) -> list[str]:
    """Registry keys for names (any alias, or a key); an unknown name is a QueryError."""
    from claimgraph.store.registry import norm_key

    keys: list[str] = []
    for name in names:
        found = sorted(conn.execute(_KEYS_FOR, {"norm": norm_key(name), "name": name}).all(),
                       key=lambda r: (-r[1], r[0]))
        if not found:
            raise QueryError(f"--{what}: no stored entity is called {name!r}")
        keys.extend(r[0] for r in found)
    return keys


def _p(name: str) -> sa.BindParameter:
    return sa.bindparam(name, expanding=True)


def _statement_select(dialect: str, table: sa.Table, layer: str, shape: dict):
    """One half of the search's SELECT, every value a named bound parameter."""
    cols = [articles.c.id.label("article_id"), articles.c.outlet, articles.c.published,
            table.c.speaker_text.label("speaker"), table.c.kind, table.c.content,
            table.c.span_start.label("start"), table.c.span_end.label("end"),
            sa.literal_column(f"'{layer}'").label("layer"), table.c.item, table.c.speaker_key,
            table.c.certainty, table.c.anonymous, articles.c.url, articles.c.title,
            articles.c.uid.label("article_uid")]
    sel = (sa.select(*cols).join_from(table, articles, articles.c.uid == table.c.article)
           .where(articles.c.superseded == sa.false()))
    if shape["text"]:
        match = backend.fulltext_match(dialect, table, sa.bindparam("text"))
        if shape.get("scan") and dialect == "sqlite":
            # a broad query (much of the table matches): walk the statements newest first
            # and keep those in the match set, instead of sorting every match
            index = next(i.name for i in table.indexes if [c.name for c in i.columns] == ["published"])
            match = (table.c.pk + 0).in_(backend.fulltext_rowids(table, sa.bindparam("text")))
            sel = sel.with_hint(table, f"INDEXED BY {index}", dialect_name="sqlite")
        sel = sel.where(match)
    if shape["speaker"]:
        sel = sel.where(table.c.speaker_key.in_(_p("speaker")))
    if shape["source"]:
        via = table.c.via_key.in_(_p("source"))
        sel = sel.where(sa.or_(via, table.c.speaker_key.in_(_p("source")))
                        if layer == "attributions" else via)
    if shape["about"]:  # driven by the mentions of the entity (index on mentions.key)
        inner = table.alias("inner")
        sel = sel.where(table.c.pk.in_(
            sa.select(inner.c.pk).join_from(mentions, inner, sa.and_(
                inner.c.article == mentions.c.article, inner.c.span_start <= mentions.c.span_start,
                inner.c.span_end >= mentions.c.span_end))
            .where(mentions.c.key.in_(_p("about")))))
    if shape["outlet"]:
        sel = sel.where(sa.func.lower(table.c.outlet).in_(_p("outlet")))
    if shape["since"]:
        sel = sel.where(table.c.published >= sa.bindparam("since"))
    if shape["until"]:
        sel = sel.where(table.c.published < sa.bindparam("until"))
    if shape["kind"]:
        sel = sel.where(table.c.kind.in_(_p("kind")))
    if shape["anonymous"]:
        sel = sel.where(table.c.anonymous == sa.bindparam("anonymous"))
    if shape["certainty"]:
        sel = sel.where(table.c.certainty.in_(_p("certainty")))
    if shape.get("page"):  # each half keeps only what the page can need, newest first
        sel = (sel.order_by(sa.nulls_last(table.c.published.desc()), articles.c.id, table.c.span_start)
               .limit(sa.bindparam("top", type_=sa.Integer)).subquery(f"{layer}_top").select())
    return sel


_SHAPES: dict[tuple, sa.Select] = {}


def _select_for(dialect: str, shape: dict) -> sa.Select:
    """The SELECT for a combination of filters (built once, then reused with new values)."""
    cache_key = (dialect, *sorted(shape.items()))
    sel = _SHAPES.get(cache_key)
    if sel is None:
        parts = []
        if shape["quotes"]:
            parts.append(_statement_select(dialect, quotes, "quotes", shape))
        if shape["attributions"]:
            parts.append(_statement_select(dialect, attributions, "attributions", shape))
        union = (sa.union_all(*parts) if len(parts) > 1 else parts[0]).subquery("hits")
        sel = sa.select(union).order_by(sa.nulls_last(union.c.published.desc()),
                                        union.c.article_id, union.c.start, union.c.layer)
        if shape["limit"]:
            sel = sel.limit(sa.bindparam("limit", type_=sa.Integer))
        if shape.get("page"):
            sel = (sel.limit(sa.bindparam("page_limit", type_=sa.Integer))
                   .offset(sa.bindparam("page_offset", type_=sa.Integer)))
        _SHAPES[cache_key] = sel
    return sel


def build(conn, text: Optional[str], f: Filters) -> tuple[sa.Select, dict]:
    """The SELECT for a search and its parameters (validated: unknown values are QueryErrors)."""
    shape, params = prepare(conn, text, f)
    return _select_for(conn.dialect.name, shape), params


def prepare(conn, text: Optional[str], f: Filters) -> tuple[dict, dict]:
    """The shape of a search (which filters it has) and its parameters, checked."""
    for name in ("speaker", "source", "about", "outlet", "kind", "certainty", "since", "until"):
        for value in f.values(name):
            if "\x00" in value:
                raise QueryError(f"--{name}: a value may not contain a NUL character")
    if text is not None and "\x00" in text:
        raise QueryError("malformed search query: it contains a NUL character")
    for kind in f.values("kind"):
        if kind not in KINDS:
            raise QueryError(f"--kind: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    for cert in f.values("certainty"):
        if cert not in CERTAINTIES:
            raise QueryError(f"--certainty: unknown certainty {cert!r} "
                             f"(one of {', '.join(CERTAINTIES)})")
    if f.limit is not None and (not isinstance(f.limit, int) or isinstance(f.limit, bool)
                                or f.limit < 1):
        raise QueryError(f"--limit: expected a whole number of at least 1, got {f.limit!r}")
    params: dict[str, Any] = {}
    for outlet in f.values("outlet"):
        if conn.execute(_OUTLET, {"outlet": outlet.lower()}).first() is None:
            known = conn.execute(sa.select(articles.c.outlet).distinct()
                                 .where(articles.c.outlet.is_not(None))
                                 .order_by(articles.c.outlet).limit(8)).scalars().all()
            raise QueryError(f"--outlet: no stored article is from {outlet!r}"
                             + (f" (known: {', '.join(known)}{' …' if len(known) == 8 else ''})"
                                if known else ""))
        params.setdefault("outlet", []).append(outlet.lower())
    if f.since:
        params["since"] = _date(f.since, "since")
    if f.until:
        params["until"] = (dt.date.fromisoformat(_date(f.until, "until"))
                           + dt.timedelta(days=1)).isoformat()
    if text is not None and text.strip():
        query = TextQuery.parse(text)
        params["text"] = query.fts5() if conn.dialect.name == "sqlite" else query.ts_text()
    for name in ("speaker", "source", "about"):
        if f.values(name):
            params[name] = resolve_names(conn, f.values(name), name)
    if f.values("kind"):
        params["kind"] = f.values("kind")
    if f.values("certainty"):
        params["certainty"] = f.values("certainty")
    if f.anonymous is not None:
        params["anonymous"] = bool(f.anonymous)
    if f.limit:
        params["limit"] = f.limit
    kinds = set(f.values("kind"))
    shape = {name: name in params for name in ("text", "speaker", "source", "about", "outlet",
                                               "since", "until", "kind", "anonymous", "certainty",
                                               "limit")}
    shape["quotes"] = not kinds or bool(kinds - {"attribution"})
    shape["attributions"] = not kinds or "attribution" in kinds
    return shape, params


#: a full-text query matching more statements than this (of one table) is broad
BROAD = 2000
#: totals are counted exactly up to this many hits; past it ``Page.exact`` is False
EXACT_TOTAL = 1000


@dataclass
class Page:
    """One page of hits and the total: exact, or (``exact`` False) a lower bound."""

    hits: list[Hit]
    total: int
    exact: bool = True
    more: bool = False  # a next page exists


def _broad(conn, text_param: str, shape: dict) -> bool:
    """Does a full-text query match more than :data:`BROAD` statements of a table the
    search reads (SQLite)?"""
    for table in (t for t in ("quotes", "attributions") if shape[t]):
        n = conn.execute(sa.text(f"SELECT count(*) FROM (SELECT 1 FROM {table}_fts "
                                 f"WHERE {table}_fts MATCH :q LIMIT {BROAD + 1})"),
                         {"q": text_param}).scalar_one()
        if n > BROAD:
            return True
    return False


def page(conn, text: Optional[str], f: Filters, limit: int = 20, offset: int = 0,
         exact_up_to: int = EXACT_TOTAL) -> Page:
    """One page of :func:`search` (the same order) and its total, fast at any corpus size:
    each table's half of the query keeps only the ``offset + limit + 1`` newest hits; a broad
    full-text query on SQLite walks the statements by date instead of sorting every match;
    the total is counted up to ``exact_up_to`` (the last page needs no count at all)."""
    shape, params = prepare(conn, text, Filters(**{**f.__dict__, "limit": None}))
    sel = _select_for(conn.dialect.name, shape)
    shape = {**shape, "page": True}
    if shape["text"] and conn.dialect.name == "sqlite" and _broad(conn, params["text"], shape):
        shape["scan"] = True
    paged = _select_for(conn.dialect.name, shape)
    rows = conn.execute(paged, {**params, "top": offset + limit + 1, "page_limit": limit + 1,
                                "page_offset": offset}).all()
    hits = [_hit(r) for r in rows[:limit]]
    if len(rows) <= limit and (rows or offset == 0):
        return Page(hits, offset + len(rows))  # the last page: no count needed
    more = len(rows) > limit
    bounded = sa.select(sa.func.count()).select_from(
        sel.order_by(None).limit(exact_up_to + 1).subquery())
    total = conn.execute(bounded, params).scalar_one()
    if total > exact_up_to:
        # past the last hit (no rows) the offset is no lower bound of the total
        return Page(hits, max(exact_up_to, offset + len(rows) if rows else 0), exact=False, more=more)
    return Page(hits, total, more=more)


def _hit(row) -> Hit:
    """A row of the search SELECT (its columns are Hit's fields, in order; SQLite gives
    ``anonymous`` as 0/1)."""
    row = tuple(row)
    return Hit(*row[:12], bool(row[12]), *row[13:])


def iter_search(engine: sa.Engine, text: Optional[str], f: Filters) -> Iterator[Hit]:
    with engine.connect() as conn:
        sel, params = build(conn, text, f)
        for row in conn.execution_options(yield_per=1000).execute(sel, params):
            yield _hit(row)


def search(engine: sa.Engine, text: Optional[str], f: Filters) -> list[Hit]:
    return list(iter_search(engine, text, f))
