"""Entities take their identity from what stands around them: a name in brackets the knowledge
base knows, a nationality inside the name, a news agency named by its country; short forms
link back to full names, but not through a spelling that normalization merged (على / علي)."""

import pytest

from marsad import extract


def _orgs(text: str) -> list:
    return [e for e in extract(text, published="2024-06-01").entities if e.type == "ORG"]


def test_org_and_bracketed_known_name_are_one_entity():
    orgs = _orgs("أعلنت وكالة الأنباء الإيرانية (إرنا) اختطاف عدد من عناصر حرس الحدود جنوب شرق البلاد.")
    (irna,) = [e for e in orgs if e.code == "IRN"]
    assert irna.sector == "MED"
    assert {m.text for m in irna.mentions} == {"وكالة الأنباء الإيرانية", "إرنا"}


def test_two_known_orgs_in_brackets_stay_apart():
    orgs = _orgs("وقال مسؤول في الأمم المتحدة (اليونيسف) إن المساعدات وصلت.")
    assert sorted(e.text for e in orgs) == ["الأمم المتحدة", "اليونيسف"]


def test_tagged_org_with_nationality_takes_its_country():
    orgs = _orgs("وأعلن الاتحاد العام التونسي للشغل إضرابا عاما في القطاع العام الأسبوع المقبل.")
    assert [(e.text, e.code) for e in orgs] == [("الاتحاد العام التونسي للشغل", "TUN")]


@pytest.mark.parametrize("text, code", [
    ("وقالت وكالة الأنباء الموريتانية إن الرئيس وصل إلى نواكشوط قادما من داكار.", "MRT"),
    ("ونقلت وكالة الأنباء الأردنية عن مصدر رسمي أن الملك سيزور واشنطن.", "JOR"),
])
def test_news_agency_named_by_nationality(text, code):
    (agency,) = [e for e in _orgs(text) if e.text.startswith("وكالة الأنباء")]
    assert (agency.code, agency.sector) == (code, "MED")


def test_preposition_ala_is_not_the_name_ali():
    doc = extract("قال المرشد الإيراني علي خامنئي إن بلاده لن تتراجع. وأكد على أن الاتفاق لا يزال قائما. "
                  "وأضاف علي أن الحوار ممكن.", published="2018-05-01")
    (khamenei,) = [e for e in doc.entities if e.type == "PER"]
    assert [m.text for m in khamenei.mentions] == ["علي خامنئي", "علي"]
    assert khamenei.mentions[1].start == doc.text.index("علي أن")


def _place_of(text: str, surface: str):
    doc = extract(text, published="2018-05-01")
    (ent,) = [e for e in doc.entities if e.text == surface]
    place = next(p for p in doc.places if p.entity == ent.id)
    return ent, place


def test_amman_in_a_jordanian_story_is_the_capital_not_oman():
    # عمّان (Amman) and عُمان (Oman) are one word without diacritics; the story's country decides
    ent, place = _place_of("اعتصم مئات الأردنيين أمام مجلس النواب في عمان احتجاجا على رفع الأسعار، "
                           "وقال وزير الداخلية الأردني إن الحكومة ستحاور النقابات.", "عمان")
    assert (ent.code, place.name, place.country) == ("JOR", "Amman", "JOR")


def test_oman_stays_oman_without_jordan_in_the_story():
    ent, place = _place_of("استقبل السلطان قابوس في مسقط وزير الخارجية الإيراني، وقال الوزير إن عمان "
                           "تلعب دورا مهما في تقريب وجهات النظر في المنطقة.", "عمان")
    assert (ent.code, place.country) == ("OMN", "OMN")
