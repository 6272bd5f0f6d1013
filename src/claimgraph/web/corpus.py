"""The corpus side of the web: requests → :class:`claimgraph.store.Store` calls → plain JSON.

The web does no SQL of its own: every question goes through the Store API (whose queries
are parameterised), and what comes back (hits, profiles) is turned into plain values here.
Filters are checked before the store sees them, so a bad one is a 400 naming the filter.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from collections import OrderedDict
from typing import Any, Mapping, Optional, Sequence
from urllib.parse import urlencode

from claimgraph.model import CERTAINTY_ORDER, QUOTE_KINDS
from claimgraph.web.errors import ApiError

#: the filters of ``claimgraph search`` (names as on the command line, without ``--``)
TEXT_FILTERS = ("speaker", "source", "about", "outlet")
FILTERS = TEXT_FILTERS + ("since", "until", "kind", "anonymous", "certainty")
KINDS = QUOTE_KINDS + ("attribution",)
PAGING = ("limit", "offset")
DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET = 20, 500, 10_000_000
MAX_QUERY = 500
LAYERS = {"search": None, "quotes": "quotes", "attributions": "attributions"}


@dataclasses.dataclass
class Query:
    text: Optional[str]
    filters: dict[str, Any]
    limit: int = DEFAULT_LIMIT
    offset: int = 0

    def params(self) -> dict[str, Any]:
        """The query as URL parameters (for links to the next page)."""
        out = {"q": self.text} if self.text else {}
        for k, v in self.filters.items():
            out[k] = ("true" if v else "false") if isinstance(v, bool) else v
        return out


def bad(name: str, message: str) -> ApiError:
    return ApiError(400, "query.bad_filter", f"{name}: {message}")


def parse_query(params: Mapping[str, str]) -> Query:
    """URL parameters → a checked :class:`Query`; an unknown parameter is an error too."""
    only(params, ("q", *FILTERS, *PAGING))
    filters: dict[str, Any] = {}
    for name in TEXT_FILTERS:
        value = text(params, name)
        if value:
            filters[name] = value
    for name in ("since", "until"):
        value = day(params, name)
        if value:
            filters[name] = value
    if filters.get("since") and filters.get("until") and filters["since"] > filters["until"]:
        raise bad("since", "is after until")
    kind = (params.get("kind") or "").strip()
    if kind:
        if kind not in KINDS:
            raise bad("kind", f"{kind[:40]!r} is not one of {', '.join(KINDS)}")
        filters["kind"] = kind
    certainty = (params.get("certainty") or "").strip()
    if certainty:
        if certainty not in CERTAINTY_ORDER:
            raise bad("certainty", f"{certainty[:40]!r} is not one of {', '.join(CERTAINTY_ORDER)}")
        filters["certainty"] = certainty
    anonymous = flag(params, "anonymous")
    if anonymous is not None:
        filters["anonymous"] = anonymous
    return Query(text(params, "q"), filters, *paging(params))


# ------------------------------------------------------------------- one parameter each
# Every endpoint checks its URL parameters with these, so a bad one is always the same
# 400 (``query.bad_filter``) naming the parameter.

def only(params: Mapping[str, str], known: Sequence[str]) -> None:
    """An unknown parameter is an error (a misspelt filter must not be ignored)."""
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise bad(unknown[0], f"unknown filter (known: {', '.join(known)})")


def text(params: Mapping[str, str], name: str) -> Optional[str]:
    """A text parameter, stripped (None when empty), at most :data:`MAX_QUERY` characters."""
    value = (params.get(name) or "").strip()
    if len(value) > MAX_QUERY:
        raise bad(name, f"longer than {MAX_QUERY} characters")
    return value or None


def day(params: Mapping[str, str], name: str) -> Optional[str]:
    """A date parameter (YYYY-MM-DD) as an ISO date, or None."""
    value = (params.get(name) or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise bad(name, f"expected a date as YYYY-MM-DD, got {value[:40]!r}") from None


def flag(params: Mapping[str, str], name: str) -> Optional[bool]:
    """A true/false parameter (also 1/0, yes/no), or None when absent."""
    value = (params.get(name) or "").strip().lower()
    if not value:
        return None
    if value not in ("true", "false", "1", "0", "yes", "no"):
        raise bad(name, f"expected true or false, got {value[:20]!r}")
    return value in ("true", "1", "yes")


def whole(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    """A whole-number parameter between ``low`` and ``high``, or ``default``."""
    value = (params.get(name) or "").strip()
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        raise bad(name, f"expected a whole number, got {value[:20]!r}") from None
    if not low <= number <= high:
        raise bad(name, f"must be between {low} and {high:,}")
    return number


def paging(params: Mapping[str, str]) -> tuple[int, int]:
    """``(limit, offset)``: limit 1–:data:`MAX_LIMIT` (default :data:`DEFAULT_LIMIT`)."""
    return (whole(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
            whole(params, "offset", 0, 0, MAX_OFFSET))


def pages(params: Mapping[str, Any], limit: int, offset: int, more: bool) -> dict[str, Optional[str]]:
    """Query strings of the previous and next pages (None where there is none); ``params``
    are the page's other parameters, kept as they are."""
    params = {k: v for k, v in params.items() if k not in PAGING}
    out: dict[str, Optional[str]] = {"prev": None, "next": None}
    if offset > 0:
        out["prev"] = "?" + urlencode({**params, "limit": limit, "offset": max(0, offset - limit)})
    if more:
        out["next"] = "?" + urlencode({**params, "limit": limit, "offset": offset + limit})
    return out


# --------------------------------------------------------------------------- the store

def store_errors():
    """The store's exception classes (NotFound, QueryError, StoreError), or None."""
    try:
        from claimgraph.store import errors
    except ImportError:
        return None
    return errors


def api_error(err: Exception) -> Optional[ApiError]:
    """The ApiError for an exception the store raised (None: not the store's)."""
    errors = store_errors()
    if errors is None or not isinstance(err, errors.StoreError):
        return None
    if isinstance(err, getattr(errors, "NotFound", ())):
        return ApiError(404, "not_found", str(err))
    if isinstance(err, getattr(errors, "QueryError", ())):
        return ApiError(400, "query.bad_filter", str(err))
    return ApiError(503, "store.error", str(err))


def plain(value: Any) -> Any:
    """Hits, profiles and summaries (dataclasses, named tuples, rows) as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if hasattr(value, "_asdict"):
        return {k: plain(v) for k, v in value._asdict().items()}
    if hasattr(value, "_mapping"):
        return {k: plain(v) for k, v in dict(value._mapping).items()}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [plain(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def hit_layer(hit: dict[str, Any]) -> str:
    """``quotes`` or ``attributions``: which table a hit comes from."""
    for key in ("layer", "table", "type", "record_type"):
        value = hit.get(key)
        if isinstance(value, str):
            return "attributions" if value.startswith("attribution") else "quotes"
    return "quotes" if hit.get("kind") in QUOTE_KINDS else "attributions"


def search(store, query: Query, layer: Optional[str] = None) -> dict[str, Any]:
    """One page of hits: ``{"total", "total_exact", "more", "limit", "offset", "items"}``.

    ``layer`` ("quotes" / "attributions") narrows to one table through the ``kind``
    filter. The page comes from :func:`claimgraph.store.search.page`: each table keeps
    only the hits the page can need, and the total is exact up to
    :data:`~claimgraph.store.search.EXACT_TOTAL` hits (past it ``total_exact`` is false and
    ``total`` is that lower bound); the last page needs no count at all."""
    from claimgraph.store import search as store_search

    filters = dict(query.filters)
    empty = {"total": 0, "total_exact": True, "more": False, "limit": query.limit, "offset": query.offset, "items": []}
    if layer == "attributions":
        if filters.get("kind") not in (None, "attribution"):
            return empty
        filters["kind"] = "attribution"
    elif layer == "quotes":
        if filters.get("kind") == "attribution":
            return empty
        filters.setdefault("kind", list(QUOTE_KINDS))
    known = {f.name for f in dataclasses.fields(store_search.Filters)}
    unknown = [k for k in filters if k not in known]
    if unknown:
        raise bad(unknown[0], "this store does not support the filter")
    with store.engine.connect() as conn:
        page = store_search.page(conn, query.text, store_search.Filters(**filters),
                                 limit=query.limit, offset=query.offset)
    items = [h.to_dict() for h in page.hits]
    add_speaker_names(store, items)
    return {"total": page.total, "total_exact": page.exact, "more": page.more,
            "limit": query.limit, "offset": query.offset, "items": items}


_NAMES: "OrderedDict[tuple[int, str], Optional[str]]" = OrderedDict()
_NAMES_SIZE = 10_000


def add_speaker_names(store, hits: list[dict[str, Any]]) -> None:
    """``speaker_name``: the registry's name for each hit's speaker (a hit's ``speaker`` is
    what the article wrote: "she", "the mayor"). Names are cached per store and key, and
    forgotten when this server stores an article (the registry may then take a fuller name
    for a key; one stored by another process shows up after a restart)."""
    keys = {h.get("speaker_key") for h in hits if h.get("speaker_key")}
    if not keys or not hasattr(store, "registry"):
        return
    missing = [k for k in keys if (id(store), k) not in _NAMES]
    if missing:
        registry = store.registry()
        try:
            found = {e.key: e.name for e in registry.entries(missing)}
        finally:
            registry.close()
        for key in missing:
            _NAMES[(id(store), key)] = found.get(key)
        while len(_NAMES) > _NAMES_SIZE:
            _NAMES.popitem(last=False)
    for h in hits:
        if h.get("speaker_key"):
            h["speaker_name"] = _NAMES.get((id(store), h["speaker_key"]))


def forget_names() -> None:
    _NAMES.clear()
