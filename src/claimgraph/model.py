"""The article model: one set of small typed records shared by every layer.

Every span is a ``(start, end)`` pair of Python ``str`` offsets, end-exclusive, into
the text exactly as the user gave it (for HTML: the extracted text). Pipeline
components produce these records; the store, the CLI and the API only read them.
``Article.to_record()`` gives the JSON contract documented in the README.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Optional

Span = tuple[int, int]

QUOTE_KINDS = ("direct", "partial", "mixed", "indirect")


@dataclass
class Entity:
    """One real-world thing mentioned in the article, with all its mentions."""

    id: str
    name: str
    type: str  # PERSON, ORG, NEWS_OUTLET, GOVERNMENT, GPE, LOC, NORP, GROUP ...
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: Optional[str] = None  # ISO 3166-1 alpha-3
    role: Optional[str] = None
    coords: Optional[tuple[float, float]] = None
    key: Optional[str] = None  # stable id across articles (registry)


@dataclass
class Quote:
    """A statement the article attributes to a speaker (direct, partial, mixed or indirect)."""

    id: str
    kind: str
    content: Span
    cue: Optional[Span] = None
    speaker: Optional[str] = None  # entity id
    speaker_mention: Optional[Span] = None
    via: Optional[str] = None  # entity id of the outlet / office that carries it
    speaker_text: Optional[str] = None
    confidence: float = 1.0
    certainty: Optional[str] = None  # how firmly the content is put (see Hedge.certainty)
    act: str = "speech"  # "speech": said or written; "attitude": a belief, intention or stance


@dataclass
class Attribution:
    """A claim the article reports on someone's authority ("according to X", "X notes")."""

    id: str
    source: Optional[str]  # entity id
    source_text: str
    source_mention: Optional[Span]
    cue: Span
    claim: Span
    anonymous: bool = False
    via: Optional[str] = None
    certainty: Optional[str] = None


@dataclass
class Quantity:
    id: str
    span: Span
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    per: list[str] = field(default_factory=list)
    approximate: bool = False
    bound: Optional[str] = None  # "lower" | "upper" | None
    counts: Optional[str] = None
    text: str = ""


@dataclass
class DateExpr:
    id: str
    span: Span
    value: Optional[str] = None  # ISO date / interval "a/b" / duration "P6W"
    resolved: bool = False
    confidence: str = "low"  # "exact" | "high" | "low"
    type: str = "DATE"  # DATE | TIME | DURATION | SET
    text: str = ""
    start: Optional[str] = None  # ISO date: first day the expression covers, when known
    end: Optional[str] = None  # ISO date: last day it covers
    note: str = ""  # why it is unresolved or how sure the resolution is


@dataclass
class Hedge:
    id: str
    cue: Span
    scope: Span
    certainty: str  # "uncertain" | "probable" | "negated" ...
    cue_text: str = ""


@dataclass
class Check:
    id: str
    quantities: list[str]  # quantity ids
    derivation: str
    verdict: str  # "consistent" | "inconsistent"
    kind: str = ""
    stated: Optional[str] = None
    expected: Optional[list[float]] = None


@dataclass
class Claim:
    """A sentence the article states in its own voice, with how firmly it states it."""

    span: Span
    certainty: str
    cues: list[str] = field(default_factory=list)


@dataclass
class ArticleMeta:
    """What every article carries before and after reading: its id, text and metadata."""

    id: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None


@dataclass
class Article(ArticleMeta):
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    hedges: list[Hedge] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)  # unattributed sentences with a hedge or negation
    errors: list[str] = field(default_factory=list)

    def entity(self, entity_id: Optional[str]) -> Optional[Entity]:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def span_text(self, span: Optional[Span]) -> str:
        return self.text[span[0]:span[1]] if span else ""

    def to_record(self) -> dict[str, Any]:
        """The JSON contract: plain dicts, lists for spans."""
        return _plain(asdict(self))

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> "Article":
        kinds = {"entities": Entity, "quotes": Quote, "attributions": Attribution,
                 "quantities": Quantity, "dates": DateExpr, "hedges": Hedge, "checks": Check,
                 "claims": Claim}
        kw: dict[str, Any] = {}
        names = {f.name for f in fields(cls)}
        for key, value in rec.items():
            if key not in names:
                continue
            if key in kinds:
                allowed = {f.name for f in fields(kinds[key])}
                value = [kinds[key](**{k: _spanify(v) for k, v in item.items() if k in allowed})
                         for item in value]
            kw[key] = value
        return cls(**kw)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _spanify(value: Any) -> Any:
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return (value[0], value[1])
    if isinstance(value, list) and value and all(isinstance(v, list) for v in value):
        return [_spanify(v) for v in value]
    return value


@dataclass
class ArticleInput(ArticleMeta):
    """One article as it comes in, before reading; ``origin`` names its file and line."""

    origin: str = ""


@dataclass
class ReadError:
    """An input that could not be read: one clear line, never a traceback."""

    id: Optional[str]
    origin: str
    message: str
    code: str = "input.invalid"  # a stable code from claimgraph.errors.CODES

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"
