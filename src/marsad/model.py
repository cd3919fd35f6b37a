"""Records: `Article` in, `Document` out.

Every finding points into `Document.text` (= `title + "\\n" + text` when the article has a title,
else `text`) with character offsets, end exclusive. Records are slotted dataclasses with
`to_dict` / `from_dict` so that a Document survives a JSON round trip unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields
from typing import Any

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
VERBAL_QUADS = frozenset([1, 3])  # verbal cooperation and verbal conflict: said, not done
# Types whose sides act together (a meeting, an agreement): GOLD.md puts both sides in `actor`.
RECIPROCAL_TYPES = frozenset(["CONSULT", "AGREE", "COOPERATE"])
CAMEO_ROOT = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
    "CONCEDE": "08", "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
    "ASSAULT": "19",
}

# Lone UTF-16 surrogates: no UTF-8 writer takes them.
SURROGATE_RE = re.compile("[\ud800-\udfff]")


def parse_published(value: Any) -> dt.date | dt.datetime | None:
    """Accept a date, a datetime, or an ISO string (YYYY-MM-DD or full datetime)."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            if len(text) == 10:
                return dt.date.fromisoformat(text)
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(
                f"published={value!r} is not an ISO date; write YYYY-MM-DD or an ISO datetime"
            ) from None
    raise TypeError(f"published must be a date, datetime or ISO string, not {type(value).__name__}")


class _Record:
    """Shared (de)serialization for the slotted dataclasses below."""

    __slots__ = ()
    _nested: dict[str, type] = {}
    _nested_lists: dict[str, type] = {}

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if isinstance(value, _Record):
                value = value.to_dict()
            elif isinstance(value, list):
                value = [v.to_dict() if isinstance(v, _Record) else v for v in value]
            out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        kwargs: dict[str, Any] = {}
        names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
        for key, value in data.items():
            if key not in names:
                continue
            if key in cls._nested and value is not None:
                value = cls._nested[key].from_dict(value)
            elif key in cls._nested_lists:
                value = [cls._nested_lists[key].from_dict(v) for v in value or []]
            kwargs[key] = value
        return cls(**kwargs)


@dataclass(slots=True)
class Span(_Record):
    """A stretch of the document text."""

    start: int
    end: int
    text: str = ""


@dataclass(slots=True)
class Sentence(_Record):
    start: int
    end: int


@dataclass(slots=True)
class Mention(_Record):
    """One place where an entity is named. `how` says which layer found it:
    lexicon, model, role, coref."""

    start: int
    end: int
    text: str
    how: str = "lexicon"


@dataclass(slots=True)
class Entity(_Record):
    """A real-world entity named in the article, with all its mentions.

    `text`/`start`/`end` give its first full mention; `mentions` lists every one.
    """

    id: str
    type: str  # PER | ORG | GPE | LOC
    text: str
    start: int
    end: int
    name: str = ""  # canonical English name
    code: str | None = None  # ISO alpha-3, IGO, NGO or UNK
    sector: str | None = None
    office: str | None = None  # office held at the publication date
    kb_id: str | None = None
    confidence: float = 0.5
    how: str = "lexicon"
    mentions: list[Mention] = field(default_factory=list)
    _nested_lists = {"mentions": Mention}


@dataclass(slots=True)
class Actor(_Record):
    """A party to an event: an entity, or a role phrase standing for a state or body."""

    code: str
    name: str = ""
    sector: str | None = None
    text: str = ""
    entity: str | None = None  # Entity.id
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Location(_Record):
    name: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country: str | None = None
    entity: str | None = None
    text: str = ""
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Event(_Record):
    """A PLOVER event with its evidence. `evidence` is the clause stating it; `also` holds
    further statements of the same event elsewhere in the article."""

    id: str
    type: str
    actor: list[Actor]
    recipient: list[Actor]
    evidence: Span
    sentence: Sentence
    trigger: Span
    mode: str | None = None
    quad: int = 0
    cameo: str = ""
    location: Location | None = None
    date: str | None = None
    date_text: str | None = None
    negated: bool = False
    hypothetical: bool = False
    historical: bool = False
    future: bool = False
    reported_by: Actor | None = None
    rule: str = ""
    confidence: float = 0.5
    also: list[Span] = field(default_factory=list)
    _nested = {"evidence": Span, "sentence": Sentence, "trigger": Span,
               "location": Location, "reported_by": Actor}
    _nested_lists = {"actor": Actor, "recipient": Actor, "also": Span}


@dataclass(slots=True)
class Attribution(_Record):
    """Who speaks in a quote, or through whom it is relayed."""

    name: str
    text: str
    entity: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Quote(_Record):
    id: str
    start: int
    end: int
    text: str
    speaker: Attribution | None = None
    via: Attribution | None = None
    verb: str | None = None
    confidence: float = 0.5
    _nested = {"speaker": Attribution, "via": Attribution}


@dataclass(slots=True)
class Place(_Record):
    """A GPE/LOC entity resolved to a GeoNames record."""

    entity: str
    name: str
    text: str
    start: int
    end: int
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    population: int | None = None
    confidence: float = 0.5


@dataclass(slots=True)
class TimeExpression(_Record):
    """A temporal expression resolved against the publication date.
    `value` is YYYY-MM-DD, YYYY-MM or YYYY by `granularity`; None when unresolvable."""

    start: int
    end: int
    text: str
    value: str | None
    granularity: str | None = None  # day | month | year


@dataclass(slots=True)
class Dateline(_Record):
    """The leading 'City, Country (Agency) –' of a wire story: where it was filed."""

    start: int
    end: int
    text: str
    place: str | None = None
    agency: str | None = None


@dataclass(slots=True)
class ErrorRecord(_Record):
    """Why an article (or one stage on it) could not be processed."""

    code: str
    message: str
    stage: str | None = None
    where: str | None = None


@dataclass(slots=True)
class Article(_Record):
    id: str
    text: str
    title: str = ""
    published: dt.date | dt.datetime | None = None
    source: str | None = None
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    # Problems with the input that did not stop its processing (a malformed `published`).
    warnings: list[ErrorRecord] = field(default_factory=list)
    _nested_lists = {"warnings": ErrorRecord}

    def __post_init__(self) -> None:
        self.published = parse_published(self.published)
        if self.title is None:
            self.title = ""
        # A lone surrogate (from a "\ud800" JSON escape) could not be written as UTF-8: it
        # becomes U+FFFD, one character for one, so offsets are unchanged.
        for name in ("id", "text", "title"):
            value = getattr(self, name)
            if isinstance(value, str) and SURROGATE_RE.search(value):
                setattr(self, name, SURROGATE_RE.sub("\ufffd", value))

    @property
    def full_text(self) -> str:
        """The text all offsets count in."""
        return f"{self.title}\n{self.text}" if self.title else self.text

    @property
    def body_offset(self) -> int:
        """Where `text` begins inside `full_text`."""
        return len(self.title) + 1 if self.title else 0

    @property
    def published_date(self) -> dt.date | None:
        p = self.published
        return p.date() if isinstance(p, dt.datetime) else p

    def to_dict(self) -> dict[str, Any]:
        out = _Record.to_dict(self)
        out["published"] = self.published.isoformat() if self.published else None
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        known = {"id", "text", "title", "published", "source", "url", "meta", "warnings"}
        meta = dict(data.get("meta") or {})
        meta.update({k: v for k, v in data.items() if k not in known})
        return cls(
            id=str(data["id"]), text=data["text"], title=data.get("title") or "",
            published=data.get("published"), source=data.get("source"), url=data.get("url"),
            meta=meta, warnings=[ErrorRecord.from_dict(w) for w in data.get("warnings") or []],
        )


@dataclass(slots=True)
class Provenance(_Record):
    marsad: str
    knowledge: str
    stages: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Document(_Record):
    """An article and everything found in it. `text` is `article.full_text`."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    dateline: Dateline | None = None
    errors: list[ErrorRecord] = field(default_factory=list)
    provenance: Provenance | None = None
    # Working layers shared between stages in one process; never serialized.
    layers: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    _nested = {"article": Article, "dateline": Dateline, "provenance": Provenance}
    _nested_lists = {
        "sentences": Sentence, "entities": Entity, "events": Event, "quotes": Quote,
        "places": Place, "times": TimeExpression, "errors": ErrorRecord,
    }

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.full_text

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def warnings(self) -> list[ErrorRecord]:
        """Problems with the input that did not stop its processing (the article's own)."""
        return self.article.warnings

    def entity(self, entity_id: str) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_dict(self) -> dict[str, Any]:
        """The output record: article fields at top level (as the scorers read them)."""
        art = self.article.to_dict()
        out: dict[str, Any] = {
            "id": art["id"], "title": art["title"], "text": art["text"],
            "published": art["published"], "source": art["source"], "url": art["url"],
            "meta": art["meta"], "warnings": art["warnings"],
        }
        for name in ("sentences", "entities", "events", "quotes", "places", "times", "errors"):
            out[name] = [r.to_dict() for r in getattr(self, name)]
        out["dateline"] = self.dateline.to_dict() if self.dateline else None
        out["provenance"] = self.provenance.to_dict() if self.provenance else None
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        article = Article.from_dict({k: data.get(k) for k in
                                     ("id", "title", "text", "published", "source", "url", "meta",
                                      "warnings")})
        rest = {k: v for k, v in data.items() if k in cls._nested_lists or k in
                ("dateline", "provenance")}
        doc = _Record.from_dict.__func__(cls, {"article": article.to_dict(), **rest})
        doc.article = article
        return doc
