"""The article model: one set of small typed records shared by every layer.

Every span is a ``(start, end)`` pair of Python ``str`` offsets, end-exclusive, into
the text exactly as the user gave it (for HTML: the extracted text). Pipeline
components produce these records; the store, the CLI and the API only read them.
``Article.to_record()`` gives the JSON contract documented in the README; its
``schema_version`` says which contract (see ``CHANGELOG.md``).

:data:`LAYERS` is the one table of layers: the article's fields, the ``doc._.cg_<name>``
extensions, the JSON record, the window merge of long texts and the report's sections
are all derived from it. Adding a layer means adding a record type and one row here.
Enum-like fields are ``Literal`` types, checked when a record is made
(:func:`check_record`) and when a record is read back (:meth:`Article.from_record`).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal, Optional, Union, get_args, get_origin, get_type_hints

#: version of the JSON record (and of the stored readings); bumped when a field changes
#: meaning or name. 2: ``schema_version`` itself, ``DateExpr.resolution`` /
#: ``first_day`` / ``last_day`` (old names kept as aliases for one version).
SCHEMA_VERSION = 2

Span = tuple[int, int]

QuoteKind = Literal["direct", "partial", "mixed", "indirect"]
QUOTE_KINDS: tuple[str, ...] = get_args(QuoteKind)
Act = Literal["speech", "attitude"]
#: how firmly a claim is put, from most to least certain (hedges and negations)
Certainty = Literal["certain", "probable", "reported", "believed", "possible", "conditional", "unconfirmed",
                    "not denied", "negated", "denied"]
CERTAINTY_ORDER: tuple[str, ...] = get_args(Certainty)
EntityType = Literal["PERSON", "ORG", "NEWS_OUTLET", "GOVERNMENT", "GPE", "LOC", "NORP", "GROUP",
                     "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "MISC"]
DateType = Literal["DATE", "TIME", "DURATION", "SET"]
#: how sure a date's resolution is: stated in full, inferred with a clear anchor, or a guess
Resolution = Literal["exact", "high", "low"]
Bound = Literal["lower", "upper"]
Verdict = Literal["consistent", "inconsistent"]


class _Checked:
    """Records check their enum-like fields when made (see :func:`check_record`)."""

    def __post_init__(self) -> None:
        check_record(self)


@dataclass
class Entity(_Checked):
    """One real-world thing mentioned in the article, with all its mentions."""

    id: str
    name: str
    type: EntityType
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    country: Optional[str] = None  # ISO 3166-1 alpha-3
    role: Optional[str] = None
    coords: Optional[tuple[float, float]] = None
    key: Optional[str] = None  # stable id across articles (registry)


@dataclass
class Quote(_Checked):
    """A statement the article attributes to a speaker (direct, partial, mixed or indirect)."""

    id: str
    kind: QuoteKind
    content: Span
    cue: Optional[Span] = None
    speaker: Optional[str] = field(default=None, metadata={"ref": "entities"})  # entity id
    speaker_mention: Optional[Span] = None
    via: Optional[str] = field(default=None, metadata={"ref": "entities"})  # the outlet / office that carries it
    speaker_text: Optional[str] = None
    #: the probability that the speaker and the content are both right (calibrated on
    #: PolNeAR's train part: claimgraph.quotes.confidence)
    confidence: float = 1.0
    certainty: Optional[Certainty] = None  # how firmly the content is put (see Hedge.certainty)
    act: Act = "speech"  # "speech": said or written; "attitude": a belief, intention or stance
    #: the quoted passages without the frame, in order (``"We will appeal," the mayor said.
    #: "The ruling ignores the facts."`` → two fragments; ``content`` covers them all)
    fragments: list[Span] = field(default_factory=list)
    #: every speaker of a statement made by several ("X and Y confirmed"), in order;
    #: ``speaker`` is the first. Empty when there is one speaker.
    speakers: list[str] = field(default_factory=list, metadata={"ref": "entities"})
    #: why ``speaker`` is None for a statement found without one (a quoted passage with no
    #: cue in its sentence and no speaker the discourse makes clear; a pronoun that stands for
    #: no one the article names); None when there is a speaker
    reason: Optional[str] = None


@dataclass
class Attribution(_Checked):
    """A claim the article reports on someone's authority ("according to X", "X notes")."""

    id: str
    source: Optional[str] = field(metadata={"ref": "entities"})  # entity id
    source_text: str
    source_mention: Optional[Span]
    cue: Span
    claim: Span
    anonymous: bool = False
    via: Optional[str] = field(default=None, metadata={"ref": "entities"})
    certainty: Optional[Certainty] = None
    #: the probability that the source and the claim are both right (see Quote.confidence)
    confidence: float = 1.0
    #: the claim's passages without the source phrase that interrupts it ("Cases rose, according
    #: to the WHO, and hospitals are full" → two fragments; ``claim`` covers them all); one
    #: fragment, equal to ``claim``, when nothing interrupts it (see Quote.fragments)
    fragments: list[Span] = field(default_factory=list)
    #: why ``source`` is None ("It was reported that X", "It is understood that X": a report
    #: whose source the article does not give); None otherwise
    reason: Optional[str] = None


@dataclass
class Quantity(_Checked):
    id: str
    span: Span
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    per: list[str] = field(default_factory=list)
    approximate: bool = False
    bound: Optional[Bound] = None
    counts: Optional[str] = None
    text: str = ""


@dataclass
class DateExpr(_Checked):
    id: str
    span: Span
    value: Optional[str] = None  # ISO date / interval "a/b" / duration "P6W"
    resolved: bool = False
    resolution: Resolution = field(default="low", metadata={"alias": "confidence"})
    type: DateType = "DATE"
    text: str = ""
    #: ISO date on which the expression's time starts / ends, when known (JSON aliases
    #: "start" / "end" until schema 3: elsewhere start and end are offsets)
    first_day: Optional[str] = field(default=None, metadata={"alias": "start"})
    last_day: Optional[str] = field(default=None, metadata={"alias": "end"})
    note: str = ""  # why it is unresolved or how sure the resolution is


@dataclass
class Hedge(_Checked):
    id: str
    cue: Span
    scope: Span
    certainty: Certainty
    cue_text: str = ""


@dataclass
class Check(_Checked):
    id: str
    quantities: list[str] = field(metadata={"ref": "quantities"})  # quantity ids
    derivation: str
    verdict: Verdict
    kind: str = ""  # what was checked, in words ("share of an amount, per year")
    stated: Optional[str] = None
    expected: Optional[list[float]] = None


@dataclass
class Claim(_Checked):
    """A sentence the article states in its own voice, with how firmly it states it."""

    span: Span
    certainty: Certainty
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


@dataclass(frozen=True)
class Layer:
    """One layer of a reading: the :class:`Article` field and JSON key ``name`` (also
    ``doc._.cg_<name>``), its record type, the prefix of its record ids (``None``: its
    records have no id), the report section's title, and the pipeline step that owns it."""

    name: str
    record: type
    id_prefix: Optional[str]
    title: str
    owner: str


LAYERS: tuple[Layer, ...] = (
    Layer("entities", Entity, "E", "Entities", "claimgraph_entities"),
    Layer("quotes", Quote, "Q", "Quotes", "claimgraph_quotes"),
    Layer("attributions", Attribution, "A", "Attributions", "claimgraph_sources"),
    Layer("quantities", Quantity, "N", "Quantities", "claimgraph_quantities"),
    Layer("dates", DateExpr, "D", "Dates", "claimgraph_dates"),
    Layer("hedges", Hedge, "H", "Hedges", "claimgraph_hedges"),
    Layer("checks", Check, "C", "Checks", "claimgraph_checks"),
    Layer("claims", Claim, None, "Claims", "claimgraph_certainty"),
)
LAYER_NAMES: tuple[str, ...] = tuple(layer.name for layer in LAYERS)
LAYER_BY_NAME: dict[str, Layer] = {layer.name: layer for layer in LAYERS}


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
    schema_version: int = SCHEMA_VERSION

    def entity(self, entity_id: Optional[str]) -> Optional[Entity]:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def span_text(self, span: Optional[Span]) -> str:
        return self.text[span[0]:span[1]] if span else ""

    def records(self, layer: str) -> list:
        """The records of one layer (a name from :data:`LAYER_NAMES`)."""
        return getattr(self, LAYER_BY_NAME[layer].name)

    def to_record(self) -> dict[str, Any]:
        """The JSON contract: plain dicts, lists for spans, ``schema_version`` first."""
        rec: dict[str, Any] = {"schema_version": self.schema_version}
        for f in fields(ArticleMeta):
            rec[f.name] = getattr(self, f.name)
        for layer in LAYERS:
            rec[layer.name] = [record_to_json(r) for r in getattr(self, layer.name)]
        rec["errors"] = list(self.errors)
        return rec

    @classmethod
    def from_record(cls, rec: dict[str, Any]) -> "Article":
        """An article from its JSON record (any schema up to :data:`SCHEMA_VERSION`);
        enum-like values are checked, so a damaged record fails here, not later."""
        version = rec.get("schema_version", 1)
        if not isinstance(version, int) or version > SCHEMA_VERSION:
            raise ValueError(f"record of schema {version!r} is newer than this claimgraph "
                             f"(schema {SCHEMA_VERSION}); upgrade claimgraph to read it")
        kw: dict[str, Any] = {f.name: rec.get(f.name) for f in fields(ArticleMeta)}
        for layer in LAYERS:
            kw[layer.name] = [record_from_json(layer.record, item) for item in rec.get(layer.name) or []]
        kw["errors"] = list(rec.get("errors") or [])
        return cls(**kw)


# --------------------------------------------------------------------------- records <-> JSON

_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = get_type_hints(cls)
    return hints


def _is_span(hint: Any) -> bool:
    return hint == Span or (get_origin(hint) is Union and Span in get_args(hint))


def _is_span_list(hint: Any) -> bool:
    return get_origin(hint) is list and get_args(hint) == (Span,)


def _literal_values(hint: Any) -> Optional[tuple]:
    """The allowed values of a ``Literal`` (or ``Optional[Literal]``) hint, else None."""
    if get_origin(hint) is Literal:
        return get_args(hint)
    if get_origin(hint) is Union:
        for arg in get_args(hint):
            if get_origin(arg) is Literal:
                return get_args(arg) + (None,)
    return None


def span_fields(cls: type) -> tuple[list[str], list[str]]:
    """Names of a record type's span fields and span-list fields, from their types."""
    hints = _hints(cls)
    return ([f.name for f in fields(cls) if _is_span(hints[f.name])],
            [f.name for f in fields(cls) if _is_span_list(hints[f.name])])


def ref_fields(cls: type) -> dict[str, str]:
    """Fields holding ids of records in another layer: field name → layer name."""
    return {f.name: f.metadata["ref"] for f in fields(cls) if "ref" in f.metadata}


_CHOICES: dict[type, tuple[tuple[str, tuple], ...]] = {}


def _choice_fields(cls: type) -> tuple[tuple[str, tuple], ...]:
    """A record type's enum-like fields with their allowed values, read from its hints once."""
    table = _CHOICES.get(cls)
    if table is None:
        hints = _hints(cls)
        table = _CHOICES[cls] = tuple((f.name, allowed) for f in fields(cls)
                                      if (allowed := _literal_values(hints[f.name])) is not None)
    return table


def check_record(rec: Any) -> None:
    """Raise ``ValueError`` if an enum-like field holds a value its ``Literal`` does not allow."""
    for name, allowed in _choice_fields(type(rec)):
        value = getattr(rec, name)
        if value not in allowed:
            raise ValueError(f"{type(rec).__name__}.{name} = {value!r}; "
                             f"expected one of {', '.join(repr(a) for a in allowed)}")


def record_to_json(rec: Any) -> dict[str, Any]:
    """One record as plain JSON. A renamed field is written under its old name (its
    ``alias``, at the old place) as well as its new one (last), for one schema version."""
    out: dict[str, Any] = {}
    renamed: dict[str, Any] = {}
    for f in fields(rec):
        value = _plain(getattr(rec, f.name))
        alias = f.metadata.get("alias")
        if alias:
            out[alias] = value
            renamed[f.name] = value
        else:
            out[f.name] = value
    out.update(renamed)
    return out


def record_from_json(cls: type, item: dict[str, Any]) -> Any:
    """A record of type ``cls`` from its JSON (old field names accepted); spans are found
    by the field types, not by the shape of the values."""
    spans, span_lists = span_fields(cls)
    kw: dict[str, Any] = {}
    for f in fields(cls):
        alias = f.metadata.get("alias")
        if f.name in item:
            value = item[f.name]
        elif alias and alias in item:
            value = item[alias]
        else:
            continue
        if f.name in spans and value is not None:
            value = (value[0], value[1])
        elif f.name in span_lists and value is not None:
            value = [(s, e) for s, e in value]
        kw[f.name] = value
    return cls(**kw)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
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
