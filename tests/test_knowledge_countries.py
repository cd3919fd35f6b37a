"""countries.jsonl: loads, covers the states news is about, and its aliases are safe to match."""

from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from marsad.errors import KnowledgeError
from marsad.knowledge.lexicon import countries, country_by_code, parse_countries
from marsad.text.normalize import normalize

ARAB_LEAGUE = ("DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR",
               "OMN", "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM")
G20 = ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR", "MEX",
       "RUS", "SAU", "ZAF", "TUR", "GBR", "USA")
OTHERS = ("IRN", "ISR", "UKR", "PRK", "PAK", "AFG", "ETH", "NGA", "VEN", "BLR", "ESP", "NLD")

# Single-word aliases above this Zipf frequency (about once per 30,000 words of Arabic) are
# either marked ambiguous in the data or reviewed here as names news uses in that sense.
FREQUENT = 4.5
REVIEWED_FREQUENT = {
    "السعودية", "مصر", "اليمن", "العراق", "إيران", "سوريا", "سورية", "الكويت", "لبنان", "إسرائيل",
    "أمريكا", "روسيا", "تركيا", "الصين", "فلسطين", "قطر", "البحرين", "الهند", "الإمارات", "تونس",
    "فرنسا", "الجزائر", "السودان", "اليابان", "الأردن", "ليبيا", "البرازيل", "المكسيك", "ألمانيا",
    "كولومبيا", "بريطانيا", "إسبانيا", "باكستان", "اليونان", "ماليزيا", "كندا", "كوبا", "إيطاليا",
    "أفغانستان", "القاهرة", "الرياض", "دمشق", "لندن", "باريس", "بيروت", "بغداد", "مدريد",
    "واشنطن", "صنعاء", "موسكو", "طهران", "روما", "أمريكي", "مصري", "مصرية", "سعودي", "سعودية",
    "أمريكية", "سوري",
}


@pytest.fixture(scope="module")
def by_code():
    return {c.code: c for c in countries()}


def test_knowledge_countries_cover_all_iso_territories(by_code):
    assert len(by_code) >= 245
    assert all(len(code) == 3 and code.isupper() for code in by_code)


@pytest.mark.parametrize("code", sorted(set(ARAB_LEAGUE + G20 + OTHERS)))
def test_knowledge_countries_key_states_have_names_and_demonyms(by_code, code):
    country = by_code[code]
    assert country.ar and country.demonyms
    # masculine, feminine and at least one plural form
    assert len(country.demonyms) >= 4
    assert country.capital_ar or code in ("PSE", "ISR")


def test_knowledge_countries_known_forms(by_code):
    assert country_by_code("RUS").name == "Russia"
    assert country_by_code("IGO") is None and country_by_code("XYZ") is None
    usa = by_code["USA"]
    assert {"الولايات المتحدة", "أمريكا", "أميركا"} <= set(usa.ar)
    assert {"أمريكي", "أميركيون", "أمريكيين"} <= set(usa.demonyms)
    assert {"بريطانيا", "المملكة المتحدة"} <= set(by_code["GBR"].ar)
    assert "كوريا الديمقراطية" in by_code["PRK"].ar
    assert "كوري شمالي" in by_code["PRK"].demonyms
    assert "فلسطين" in by_code["PSE"].ar
    assert "أتراك" in by_code["TUR"].demonyms
    assert "هونغ كونغ" in by_code["HKG"].ar


def _with_proclitic(alias: str, known: set[str]) -> bool:
    """والعراق, بروسيا, للعراق: a known alias with و/ب/ل/ف glued on."""
    if alias[:1] in "وبلف" and alias[1:] in known:
        return True
    return alias.startswith("لل") and "ال" + alias[2:] in known


def test_knowledge_countries_names_are_clean(by_code):
    known = {a for c in by_code.values() for a in c.ar + c.demonyms + c.capital_ar}
    assert _with_proclitic("والعراق", known) and _with_proclitic("للعراق", known)
    for c in by_code.values():
        for alias in c.ar + c.demonyms + c.capital_ar:
            assert "(" not in alias and " - " not in alias, (c.code, alias)
            # proclitics belong to the matcher, not the lexicon
            assert not _with_proclitic(alias, known), (c.code, alias)
        for d in c.demonyms:
            assert not d.startswith("ال"), (c.code, d)


def _collisions(field: str, ambiguous_field: str) -> list[tuple[str, list[str]]]:
    owners: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for c in countries():
        for alias in getattr(c, field):
            owners[normalize(alias)].append((c.code, alias in getattr(c, ambiguous_field)))
    return [(key, [code for code, _ in who]) for key, who in owners.items()
            if len({code for code, _ in who}) > 1 and not all(amb for _, amb in who)]


def test_knowledge_countries_names_belong_to_one_country():
    assert _collisions("ar", "ambiguous_ar") == []


def test_knowledge_countries_demonyms_belong_to_one_country():
    assert _collisions("demonyms", "ambiguous_demonyms") == []


def test_knowledge_countries_forms_do_not_cross_fields():
    """A capital of one country must not read as another's name or demonym (ماليه / مالية)."""
    owners: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for c in countries():
        ambiguous = c.ambiguous_ar | c.ambiguous_demonyms | c.ambiguous_capital_ar
        for alias in set(c.ar + c.demonyms + c.capital_ar):
            owners[normalize(alias)].append((c.code, alias in ambiguous))
    clashes = [(key, who) for key, who in owners.items()
               if len({code for code, _ in who}) > 1 and not all(amb for _, amb in who)]
    assert clashes == []


def test_knowledge_countries_no_common_word_aliases():
    wordfreq = pytest.importorskip("wordfreq")
    flagged = []
    for c in countries():
        ambiguous = c.ambiguous_ar | c.ambiguous_demonyms | c.ambiguous_capital_ar
        for alias in c.ar + c.demonyms + c.capital_ar:
            if " " in alias or alias in ambiguous or alias in REVIEWED_FREQUENT:
                continue
            if wordfreq.zipf_frequency(alias, "ar") >= FREQUENT:
                flagged.append((c.code, alias))
    assert flagged == []


def test_knowledge_countries_common_words_are_marked(by_code):
    # مالي = "financial", عمان = Amman too, العيون = "the eyes": kept, but marked
    assert "مالي" in by_code["MLI"].ambiguous_ar and "مالية" in by_code["MLI"].ambiguous_demonyms
    assert "عمان" in by_code["OMN"].ambiguous_ar
    assert "العيون" in by_code["ESH"].ambiguous_capital_ar


def test_knowledge_countries_file_is_generated():
    root = Path(__file__).resolve().parent.parent
    script = root / "tools" / "build_countries.py"
    if not script.exists():
        pytest.skip("tools/ is not shipped with an installed package")
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_knowledge_countries_bad_entry_names_line_and_key():
    good = {"code": "RUS", "alpha2": "RU", "name": "Russia", "ar": ["روسيا"], "demonyms": [],
            "capital": "Moscow", "capital_ar": [], "source": "test"}
    assert parse_countries("c.jsonl", [(1, good)])[0].code == "RUS"
    with pytest.raises(KnowledgeError, match=r"c\.jsonl:7 \[code\]"):
        parse_countries("c.jsonl", [(7, {**good, "code": "ru"})])
    with pytest.raises(KnowledgeError, match=r"c\.jsonl:2 \[code\].*duplicate"):
        parse_countries("c.jsonl", [(1, good), (2, good)])
    with pytest.raises(KnowledgeError, match=r"\[ambiguous_ar\]"):
        parse_countries("c.jsonl", [(1, {**good, "ambiguous_ar": ["موسكو"]})])
    with pytest.raises(KnowledgeError, match=r"\[demonyms\]"):
        parse_countries("c.jsonl", [(1, {**good, "demonyms": ["Russian"]})])
