"""Typed, checked views of the actor knowledge: countries, organizations, role phrases.

    countries()          every ISO 3166-1 territory: Arabic names, demonyms, capitals
    organizations()      named bodies: IGOs, media, armed groups, parties, fixed-name institutions
    roles()              role/institution heads that combine with a country (وزير الخارجية + الروسي)
    country_by_code()    one Country, or None for IGO/NGO/UNK and unknown codes

Each loader reads its JSONL file once per process (via `load_jsonl`) and checks codes, sectors,
kinds and alias lists; a bad entry raises `KnowledgeError` naming file, line and key. Matching
(normalization, clitics, adding ال to demonyms) is the entity stage's job, not this module's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from marsad.errors import KnowledgeError
from marsad.knowledge import DATA, load_jsonl

SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "OPP", "CVL", "MED", "BUS", "REL",
           "IGO", "NGO")
SPECIAL_CODES = ("IGO", "NGO", "UNK")
ORG_KINDS = ("igo", "ngo", "media", "military", "armed_group", "party", "government",
             "legislature", "judiciary", "security", "police", "religious", "company", "civil")
ROLE_KINDS = ("office", "institution", "group")
# Usual form of the demonym that follows (الجيش الروسي, القوات الروسية, المتظاهرون الروس); a hint:
# news also writes رئيس الحكومة الإسرائيلي and الإسرائيلية, so a matcher should accept any form.
AGREEMENT = ("m", "f", "mp", "fp")
TAKES = ("country", "body")  # what completes the phrase: a country, or an institution/organization

_CODE_RE = re.compile(r"^[A-Z]{3}$")
_ARABIC_RE = re.compile(r"[\u0600-\u06ff]")


@dataclass(frozen=True, slots=True)
class Country:
    code: str                     # ISO 3166-1 alpha-3 (XKX for Kosovo)
    alpha2: str
    name: str                     # English
    ar: tuple[str, ...]           # names as written, first = CLDR name
    demonyms: tuple[str, ...]     # without ال: روسي روسية روسيون روسيين روسيات روس
    capital: str | None
    capital_ar: tuple[str, ...]
    ambiguous_ar: frozenset[str] = frozenset()         # names that are also common words/shared
    ambiguous_demonyms: frozenset[str] = frozenset()
    ambiguous_capital_ar: frozenset[str] = frozenset()
    metonyms_ar: tuple[str, ...] = ()                  # cities standing for the government


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str                     # English canonical name
    ar: tuple[str, ...]
    latin: tuple[str, ...]        # matched case-sensitively: UN, NATO, KCNA
    code: str                     # home country, or IGO/NGO/UNK
    sector: str
    kind: str
    type: str = "ORG"
    ambiguous_ar: frozenset[str] = frozenset()
    alt_sectors: tuple[str, ...] = ()   # Hezbollah: PTY as well as REB


@dataclass(frozen=True, slots=True)
class Role:
    ar: str                       # وزير الخارجية
    construct: str | None         # وزير خارجية (before a country name); None when not used
    office: str                   # English
    sector: str
    kind: str                     # office (person), institution (body), group (people)
    agree: str = "m"              # usual demonym form after it (see AGREEMENT)
    takes: tuple[str, ...] = ("country",)  # body: المتحدث باسم + الخارجية/الجيش/an organization
    ambiguous: bool = False       # too generic alone: an actor only with its country/body (الأمير)


def _lines(name: str) -> list[int]:
    """Line number of each entry, by the same skipping rule as load_jsonl."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [n for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.strip().startswith("//")]


Rows = Iterable[tuple[int, dict[str, Any]]]  # (line number, entry)


def _rows(name: str, required: tuple[str, ...]) -> tuple[str, Rows]:
    return str(DATA / name), zip(_lines(name), load_jsonl(name, required=required), strict=True)


class _Checker:
    """Field checks for one entry; errors name file, line and key."""

    def __init__(self, path: str, line: int, entry: dict[str, Any]):
        self.path, self.line, self.entry = path, line, entry

    def fail(self, key: str, message: str) -> KnowledgeError:
        return KnowledgeError(message, path=self.path, line=self.line, key=key)

    def text(self, key: str, *, optional: bool = False) -> str | None:
        value = self.entry.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(key, f"must be a non-empty string, not {value!r}")
        return value

    def arabic(self, key: str, *, optional: bool = False) -> str | None:
        value = self.text(key, optional=optional)
        if value is not None and not _ARABIC_RE.search(value):
            raise self.fail(key, f"{value!r} has no Arabic letters; Latin forms go in 'latin'")
        return value

    def strings(self, key: str, *, arabic: bool | None = None) -> tuple[str, ...]:
        value = self.entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(key, "must be a list of non-empty strings")
        for v in value:
            if v != v.strip() or "  " in v:
                raise self.fail(key, f"{v!r} has stray spaces")
            if arabic is True and not _ARABIC_RE.search(v):
                raise self.fail(key, f"{v!r} has no Arabic letters")
            if arabic is False and _ARABIC_RE.search(v):
                raise self.fail(key, f"{v!r} is Arabic; put it in 'ar'")
        if len(set(value)) != len(value):
            raise self.fail(key, "has duplicates; list each form once")
        return tuple(value)

    def subset(self, key: str, of: tuple[str, ...], of_key: str) -> frozenset[str]:
        values = self.strings(key, arabic=True)
        stray = [v for v in values if v not in of]
        if stray:
            raise self.fail(key, f"{stray} not in {of_key!r}; list it there too")
        return frozenset(values)

    def choice(self, key: str, options: tuple[str, ...], *, default: str | None = None) -> str:
        value = self.entry.get(key, default)
        if value not in options:
            raise self.fail(key, f"{value!r} is not one of {', '.join(options)}")
        return value

    def code(self, key: str, known: frozenset[str] | None = None) -> str:
        value = self.text(key)
        if not _CODE_RE.match(value):
            raise self.fail(key, f"{value!r} is not 3 uppercase letters (ISO alpha-3, IGO, NGO, UNK)")
        if known is not None and value not in known and value not in SPECIAL_CODES:
            raise self.fail(key, f"{value!r} is no country in countries.jsonl nor IGO/NGO/UNK")
        return value


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    return parse_countries(*_rows("countries.jsonl", ("code", "name", "ar")))


def parse_countries(path: str, rows: Rows) -> tuple[Country, ...]:
    """Check and type country entries; `path` only names the file in errors."""
    out: list[Country] = []
    seen: set[str] = set()
    for line, e in rows:
        c = _Checker(path, line, e)
        code = c.code("code")
        if code in SPECIAL_CODES:
            raise c.fail("code", f"{code} is reserved for organizations")
        if code in seen:
            raise c.fail("code", f"duplicate country {code}")
        seen.add(code)
        ar = c.strings("ar", arabic=True)
        if not ar:
            raise c.fail("ar", "a country needs at least one Arabic name")
        demonyms = c.strings("demonyms", arabic=True)
        capital_ar = c.strings("capital_ar", arabic=True)
        out.append(Country(
            code=code, alpha2=c.text("alpha2"), name=c.text("name"), ar=ar, demonyms=demonyms,
            capital=c.text("capital", optional=True), capital_ar=capital_ar,
            ambiguous_ar=c.subset("ambiguous_ar", ar, "ar"),
            ambiguous_demonyms=c.subset("ambiguous_demonyms", demonyms, "demonyms"),
            ambiguous_capital_ar=c.subset("ambiguous_capital_ar", capital_ar, "capital_ar"),
            metonyms_ar=c.strings("metonyms_ar", arabic=True),
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Country]:
    return {c.code: c for c in countries()}


def country_by_code(code: str) -> Country | None:
    """The Country with ISO alpha-3 `code`; None for IGO/NGO/UNK or a code not in the file."""
    return _by_code().get(code)


@lru_cache(maxsize=1)
def organizations() -> tuple[Organization, ...]:
    required = ("id", "name", "ar", "code", "sector", "kind")
    return parse_organizations(*_rows("organizations.jsonl", required),
                               known=frozenset(_by_code()))


def parse_organizations(path: str, rows: Rows, *, known: frozenset[str]) -> tuple[Organization, ...]:
    """Check and type organization entries; `known` are the valid country codes."""
    out: list[Organization] = []
    seen: set[str] = set()
    for line, e in rows:
        c = _Checker(path, line, e)
        oid = c.text("id")
        if not re.fullmatch(r"[a-z0-9_]+", oid):
            raise c.fail("id", f"{oid!r}: ids are lowercase ascii letters, digits and _")
        if oid in seen:
            raise c.fail("id", f"duplicate id {oid!r}")
        seen.add(oid)
        ar = c.strings("ar", arabic=True)
        latin = c.strings("latin", arabic=False)
        if not ar and not latin:
            raise c.fail("ar", "an organization needs an Arabic or a Latin alias")
        alt = c.strings("alt_sectors", arabic=False)
        for s in alt:
            if s not in SECTORS:
                raise c.fail("alt_sectors", f"{s!r} is not one of {', '.join(SECTORS)}")
        out.append(Organization(
            id=oid, name=c.text("name"), ar=ar, latin=latin, code=c.code("code", known),
            sector=c.choice("sector", SECTORS), kind=c.choice("kind", ORG_KINDS),
            type=c.choice("type", ("ORG",), default="ORG"),
            ambiguous_ar=c.subset("ambiguous_ar", ar, "ar"), alt_sectors=alt,
        ))
    return tuple(out)


@lru_cache(maxsize=1)
def roles() -> tuple[Role, ...]:
    return parse_roles(*_rows("roles.jsonl", ("ar", "office", "sector", "kind")))


def parse_roles(path: str, rows: Rows) -> tuple[Role, ...]:
    """Check and type role entries."""
    out: list[Role] = []
    seen: set[str] = set()
    for line, e in rows:
        c = _Checker(path, line, e)
        ar = c.arabic("ar")
        if ar in seen:
            raise c.fail("ar", f"duplicate role phrase {ar!r}")
        seen.add(ar)
        ambiguous = e.get("ambiguous", False)
        if not isinstance(ambiguous, bool):
            raise c.fail("ambiguous", "must be true or false")
        takes = c.strings("takes", arabic=False) or ("country",)
        if not set(takes) <= set(TAKES):
            raise c.fail("takes", f"{list(takes)}: use {', '.join(TAKES)}")
        out.append(Role(
            ar=ar, construct=c.arabic("construct", optional=True), office=c.text("office"),
            sector=c.choice("sector", SECTORS), kind=c.choice("kind", ROLE_KINDS),
            agree=c.choice("agree", AGREEMENT, default="m"), takes=takes, ambiguous=ambiguous,
        ))
    return tuple(out)
