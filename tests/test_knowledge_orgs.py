"""organizations.jsonl: loads, codes resolve, aliases are unique and safe to match."""

from __future__ import annotations

from collections import defaultdict

import pytest

from marsad.errors import KnowledgeError
from marsad.knowledge.lexicon import (
    SPECIAL_CODES,
    countries,
    country_by_code,
    organizations,
    parse_organizations,
)
from marsad.text.normalize import normalize

# Single-word Arabic aliases at or above this Zipf frequency must be marked ambiguous in the
# data or be reviewed here as names that news uses in that sense.
FREQUENT = 4.5
REVIEWED_FREQUENT = {"داعش", "حماس", "الحوثيين", "جوجل", "تويتر", "فيسبوك", "يوتيوب"}


@pytest.fixture(scope="module")
def by_id():
    return {o.id: o for o in organizations()}


def test_knowledge_orgs_load_with_enough_entries(by_id):
    assert len(by_id) >= 250
    kinds = {o.kind for o in by_id.values()}
    assert {"igo", "media", "armed_group", "party", "government", "military"} <= kinds


@pytest.mark.parametrize(("oid", "code", "sector", "alias"), [
    ("un", "IGO", "IGO", "الأمم المتحدة"),
    ("unsc", "IGO", "IGO", "مجلس الأمن"),
    ("nato", "IGO", "IGO", "الناتو"),
    ("eu", "IGO", "IGO", "الاتحاد الأوروبي"),
    ("arab_league", "IGO", "IGO", "جامعة الدول العربية"),
    ("iaea", "IGO", "IGO", "الوكالة الدولية للطاقة الذرية"),
    ("opcw", "IGO", "IGO", "منظمة حظر الأسلحة الكيماوية"),
    ("opcw", "IGO", "IGO", "منظمة حظر الأسلحة الكيميائية"),
    ("icc", "IGO", "JUD", "المحكمة الجنائية الدولية"),
    ("kcna", "PRK", "MED", "وكالة الأنباء المركزية الكورية"),
    ("tass", "RUS", "MED", "تاس"),
    ("reuters", "GBR", "MED", "رويترز"),
    ("afp", "FRA", "MED", "أ ف ب"),
    ("mena", "EGY", "MED", "وكالة أنباء الشرق الأوسط"),
    ("houthis", "YEM", "REB", "أنصار الله"),
    ("isis", "UNK", "REB", "داعش"),
    ("hamas", "PSE", "REB", "حركة حماس"),
    ("hezbollah", "LBN", "REB", "حزب الله"),
    ("irgc", "IRN", "MIL", "الحرس الثوري"),
    ("sdf", "SYR", "REB", "قسد"),
    ("akp", "TUR", "PTY", "حزب العدالة والتنمية"),
    ("white_house", "USA", "GOV", "البيت الأبيض"),
    ("pentagon", "USA", "MIL", "البنتاغون"),
    ("knesset", "ISR", "LEG", "الكنيست"),
    ("aramco", "SAU", "BUS", "أرامكو"),
    ("icrc", "NGO", "NGO", "الصليب الأحمر"),
])
def test_knowledge_orgs_key_entries(by_id, oid, code, sector, alias):
    org = by_id[oid]
    assert (org.code, org.sector) == (code, sector)
    assert alias in org.ar


def test_knowledge_orgs_codes_resolve(by_id):
    for org in by_id.values():
        assert org.code in SPECIAL_CODES or country_by_code(org.code) is not None, org.id


def test_knowledge_orgs_kinds_fit_sectors(by_id):
    for org in by_id.values():
        if org.kind == "media":
            assert org.sector == "MED" and org.code not in ("IGO", "NGO"), org.id
        if org.kind == "armed_group":
            assert org.sector == "REB", org.id
        if org.code == "IGO":
            assert org.kind in ("igo", "military", "judiciary", "legislature"), org.id


def test_knowledge_orgs_latin_aliases_unique():
    owners = defaultdict(list)
    for org in organizations():
        for latin in org.latin:
            owners[latin].append(org.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_knowledge_orgs_short_latin_aliases_are_acronyms():
    # matched case-sensitively, so "UN", "AP" and "AfD" never fire on ordinary words ("Kan")
    short = [(o.id, x) for o in organizations() for x in o.latin
             if len(x) <= 3 and x.isalpha() and (x.islower() or x[1:].islower())]
    assert short == []


def test_knowledge_orgs_arabic_aliases_unique():
    owners = defaultdict(list)
    for org in organizations():
        for alias in org.ar:
            owners[normalize(alias)].append(org.id)
    assert {k: v for k, v in owners.items() if len(v) > 1} == {}


def test_knowledge_orgs_do_not_shadow_countries():
    country_forms = {normalize(a) for c in countries() for a in c.ar + c.demonyms + c.capital_ar}
    clashes = [(o.id, a) for o in organizations() for a in o.ar if normalize(a) in country_forms]
    assert clashes == []


def test_knowledge_orgs_no_common_word_aliases():
    wordfreq = pytest.importorskip("wordfreq")
    flagged = [
        (o.id, a) for o in organizations() for a in o.ar
        if " " not in a and a not in o.ambiguous_ar and a not in REVIEWED_FREQUENT
        and wordfreq.zipf_frequency(a, "ar") >= FREQUENT
    ]
    assert flagged == []


def test_knowledge_orgs_common_words_are_marked(by_id):
    # فتح "opened", الشباب "the youth", القاعدة "the base", الجزيرة "the island"
    assert "فتح" in by_id["fatah"].ambiguous_ar
    assert "الشباب" in by_id["al_shabaab"].ambiguous_ar
    assert "القاعدة" in by_id["al_qaeda"].ambiguous_ar
    assert "الجزيرة" in by_id["jazeera"].ambiguous_ar
    # the Moroccan namesake of Turkey's AKP keeps the bare name ambiguous
    assert "حزب العدالة والتنمية" in by_id["akp"].ambiguous_ar


def test_knowledge_orgs_bad_entry_names_line_and_key():
    good = {"id": "un", "name": "United Nations", "ar": ["الأمم المتحدة"], "latin": ["UN"],
            "code": "IGO", "sector": "IGO", "kind": "igo", "source": "test"}
    known = frozenset({"RUS"})
    assert parse_organizations("o.jsonl", [(1, good)], known=known)[0].id == "un"
    cases = [
        ({**good, "code": "XYZ"}, "code"),
        ({**good, "sector": "ARMY"}, "sector"),
        ({**good, "kind": "club"}, "kind"),
        ({**good, "latin": ["الأمم"]}, "latin"),
        ({**good, "ambiguous_ar": ["الأمم"]}, "ambiguous_ar"),
        ({**good, "id": "U N"}, "id"),
    ]
    for entry, key in cases:
        with pytest.raises(KnowledgeError, match=rf"o\.jsonl:4 \[{key}\]"):
            parse_organizations("o.jsonl", [(4, entry)], known=known)
    with pytest.raises(KnowledgeError, match=r"duplicate id"):
        parse_organizations("o.jsonl", [(1, good), (2, good)], known=known)
