"""roles.jsonl: loads, covers the usual offices and institutions, and combines with countries."""

from __future__ import annotations

import pytest

from marsad.errors import KnowledgeError
from marsad.knowledge.lexicon import countries, organizations, parse_roles, roles
from marsad.text.normalize import normalize

OFFICES = (
    "الرئيس", "رئيس الوزراء", "رئيس الحكومة", "نائب الرئيس", "الملك", "ولي العهد", "الأمير",
    "السلطان", "المستشار", "وزير الخارجية", "وزير الدفاع", "وزير الداخلية", "وزير العدل",
    "وزير المالية", "وزير الاقتصاد", "وزير النفط", "وزير الطاقة", "وزير الإعلام", "وزير الصحة",
    "وزيرة الخارجية", "وزيرة الدفاع", "المتحدث باسم", "الناطق باسم", "السفير", "القنصل",
    "المبعوث الخاص", "الممثل الأعلى", "المندوب", "رئيس الأركان", "قائد الجيش", "رئيس البرلمان",
    "رئيس مجلس النواب", "الزعيم", "المرشد الأعلى", "مستشار الأمن القومي", "قائد الشرطة",
)
INSTITUTIONS = (
    "الحكومة", "الجيش", "القوات المسلحة", "القوات الجوية", "البحرية", "الشرطة", "قوات الأمن",
    "الأمن العام", "الاستخبارات", "المخابرات", "البرلمان", "مجلس النواب", "مجلس الشيوخ",
    "المحكمة العليا", "القضاء", "النيابة العامة", "وزارة الخارجية", "وزارة الدفاع",
    "وزارة الداخلية", "الرئاسة", "الديوان الملكي", "السلطات", "المعارضة", "حرس الحدود",
    "خفر السواحل", "القوات الخاصة",
)


@pytest.fixture(scope="module")
def by_ar():
    return {r.ar: r for r in roles()}


def test_knowledge_roles_cover_offices_and_institutions(by_ar):
    for phrase in OFFICES:
        assert by_ar[phrase].kind == "office", phrase
    for phrase in INSTITUTIONS:
        assert by_ar[phrase].kind == "institution", phrase
    assert by_ar["المتظاهرون"].kind == "group" and by_ar["المتظاهرون"].sector == "CVL"
    assert by_ar["الجماعات المسلحة"].sector == "REB"
    assert by_ar["المعارضة"].sector == "OPP"
    assert "الشيخ" not in by_ar  # a title and a name part far more often than an office


@pytest.mark.parametrize(("phrase", "sector"), [
    ("وزير الدفاع", "MIL"), ("وزارة الدفاع", "MIL"), ("الجيش", "MIL"), ("الشرطة", "COP"),
    ("البرلمان", "LEG"), ("النيابة العامة", "JUD"), ("وزير الخارجية", "GOV"),
    ("التلفزيون الرسمي", "MED"), ("المفتي", "REL"),
])
def test_knowledge_roles_sectors(by_ar, phrase, sector):
    assert by_ar[phrase].sector == sector


def test_knowledge_roles_construct_drops_the_article(by_ar):
    for role in by_ar.values():
        if role.construct is None:
            continue
        words, cwords = role.ar.split(), role.construct.split()
        assert len(words) == len(cwords), role.ar
        # the last word loses ال (وزير الخارجية -> وزير خارجية); others keep or lose it
        assert cwords[-1] == words[-1].removeprefix("ال") != words[-1], role.ar
        for w, cw in zip(words[:-1], cwords[:-1], strict=True):
            assert cw in (w, w.removeprefix("ال")), role.ar


def test_knowledge_roles_spokesperson_takes_a_body(by_ar):
    assert "body" in by_ar["المتحدث باسم"].takes
    assert by_ar["وزير الخارجية"].takes == ("country",)


def test_knowledge_roles_do_not_shadow_names():
    names = {normalize(a) for c in countries() for a in c.ar + c.demonyms}
    names |= {normalize(a) for o in organizations() for a in o.ar}
    assert [r.ar for r in roles() if normalize(r.ar) in names] == []


def _phrases():
    """role phrase + country, the two ways news writes them, normalized -> (office, code, sector)."""
    table = {}
    for c in countries():
        for role in roles():
            for dem in c.demonyms:
                table[normalize(f"{role.ar} ال{dem}")] = (role.office, c.code, role.sector)
            if role.construct:
                for name in c.ar:
                    table[normalize(f"{role.construct} {name}")] = (role.office, c.code, role.sector)
    return table


@pytest.fixture(scope="module")
def phrases():
    return _phrases()


def _resolve(phrases, sentence):
    """Longest role+country phrase in the sentence (a stand-in for the entity matcher)."""
    words = normalize(sentence).split()
    hits = [(j - i, phrases[key]) for i in range(len(words)) for j in range(i + 2, len(words) + 1)
            if (key := " ".join(words[i:j])) in phrases]
    return max(hits)[1] if hits else None


@pytest.mark.parametrize(("sentence", "expected"), [
    ("قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للحوار",
     ("Foreign Minister", "RUS", "GOV")),
    ("وصل وزير خارجية إيران إلى بغداد في زيارة رسمية", ("Foreign Minister", "IRN", "GOV")),
    ("أعلنت وزارة الدفاع الأمريكية نشر مزيد من القوات", ("Ministry of Defence", "USA", "MIL")),
    ("وقال المتحدث باسم الجيش الإسرائيلي إن القصف استهدف مواقع", ("Army Spokesperson", "ISR", "MIL")),
    ("اعتقلت الشرطة المصرية ثلاثة أشخاص", ("Police", "EGY", "COP")),
    ("صوت البرلمان العراقي على القانون", ("Parliament", "IRQ", "LEG")),
    ("رحبت الحكومة اليمنية بالمبادرة", ("Government", "YEM", "GOV")),
    ("خرج المتظاهرون العراقيون إلى ساحة التحرير", ("Protesters", "IRQ", "CVL")),
    ("التقى رئيس وزراء باكستان بالوفد", ("Prime Minister", "PAK", "GOV")),
    ("قالت وزيرة الخارجية الألمانية إن برلين قلقة", ("Foreign Minister", "DEU", "GOV")),
])
def test_knowledge_roles_combine_with_countries(phrases, sentence, expected):
    assert _resolve(phrases, sentence) == expected


def test_knowledge_roles_bad_entry_names_line_and_key():
    good = {"ar": "وزير الخارجية", "construct": "وزير خارجية", "office": "Foreign Minister",
            "sector": "GOV", "kind": "office", "source": "test"}
    assert parse_roles("r.jsonl", [(1, good)])[0].agree == "m"
    for entry, key in [
        ({**good, "sector": "ARMY"}, "sector"),
        ({**good, "kind": "person"}, "kind"),
        ({**good, "agree": "x"}, "agree"),
        ({**good, "takes": ["city"]}, "takes"),
        ({**good, "ar": "Foreign Minister"}, "ar"),
        ({**good, "ambiguous": "yes"}, "ambiguous"),
    ]:
        with pytest.raises(KnowledgeError, match=rf"r\.jsonl:9 \[{key}\]"):
            parse_roles("r.jsonl", [(9, entry)])
    with pytest.raises(KnowledgeError, match="duplicate"):
        parse_roles("r.jsonl", [(1, good), (2, good)])
