"""Places stage: entities to coordinates, datelines, and where an event happened."""

import pytest

from marsad.pipeline import available_stages
from marsad.places import make_places_layer
from support import doc_with_entities

_doc = doc_with_entities


@pytest.fixture(scope="module")
def places():
    return make_places_layer()


def test_places_stage_is_registered():
    assert "marsad.places.v1" in available_stages()


def test_places_resolves_cities_and_countries(places):
    doc = places(_doc(
        "أعلن الجيش السوري أن قواته استعادت السيطرة على مواقع قرب حلب، فيما شهدت دمشق هدوءا حذرا. "
        "وقالت وزارة الخارجية إن سوريا ترفض أي تدخل.",
        [("e1", "GPE", "حلب", "SYR"), ("e2", "GPE", "دمشق", "SYR"), ("e3", "GPE", "سوريا", "SYR", "Syria"),
         ("e4", "ORG", "وزارة الخارجية", "SYR")]))
    by_entity = {p.entity: p for p in doc.places}
    assert set(by_entity) == {"e1", "e2", "e3"}
    assert by_entity["e1"].name == "Aleppo" and by_entity["e1"].country == "SYR"
    assert by_entity["e2"].feature_code == "PPLC"
    syria = by_entity["e3"]
    assert syria.feature_code == "PCLI" and syria.lat == pytest.approx(34.8, abs=0.3)
    assert doc.text[syria.start:syria.end] == "سوريا"
    assert isinstance(by_entity["e2"].geonameid, int)


def test_places_tripoli_follows_the_article(places):
    libya = places(_doc("اندلعت اشتباكات عنيفة في طرابلس بين فصائل مسلحة، بحسب حكومة الوحدة الوطنية.",
                        [("e1", "GPE", "طرابلس", None)]))
    assert libya.places[0].country == "LBY"
    lebanon = places(_doc("قال الجيش اللبناني إن اشتباكات اندلعت في طرابلس شمالي لبنان.",
                          [("e1", "GPE", "طرابلس", None), ("e2", "GPE", "لبنان", "LBN")]))
    assert {p.entity: p.country for p in lebanon.places}["e1"] == "LBN"


def test_places_washington_is_the_us_capital(places):
    doc = places(_doc("وصل الوزير إلى واشنطن في زيارة رسمية.", [("e1", "GPE", "واشنطن", "USA")]))
    assert doc.places[0].lat == pytest.approx(38.9, abs=0.1)


def test_places_pyongyang_spellings_share_one_place(places):
    doc = places(_doc("أطلقت بيونغ يانغ صاروخا. وقالت بيونج يانج إن التجربة ناجحة.",
                      [("e1", "GPE", "بيونغ يانغ", "PRK"), ("e2", "GPE", "بيونج يانج", "PRK")]))
    assert {p.name for p in doc.places} == {"Pyongyang"}


def test_places_skips_unknown_and_non_place_entities(places):
    doc = places(_doc("التقى سيرجي لافروف في قرية زوغلافيتسا بوفد من حركة حماس.",
                      [("e1", "PER", "سيرجي لافروف", "RUS"), ("e2", "GPE", "زوغلافيتسا", None),
                       ("e3", "ORG", "حماس", "PSE")]))
    assert doc.places == []


@pytest.mark.parametrize("text, place, agency", [
    ("بيروت (رويترز) - قال مسؤولون لبنانيون إن الغارات استمرت طوال الليل.", "Beirut", "رويترز"),
    ("سيول، كوريا الجنوبية (AP) – أطلقت كوريا الشمالية صاروخا باليستيا.", "Seoul", "AP"),
    ("القاهرة (أ ف ب) - أعلنت وزارة الداخلية المصرية توقيف خلية.", "Cairo", "أ ف ب"),
    ("الدوحة (قنا) - استقبل أمير البلاد وزير الخارجية الأمريكي.", "Doha", "قنا"),
    ("الرياض (واس) - وصل ولي العهد إلى جدة.", "Riyadh", "واس"),
    ("أبوظبي (وام) - أكدت الإمارات دعمها للحل السياسي.", "Abu Dhabi", "وام"),
    ("الكويت (كونا) - بحث وزير الخارجية الكويتي مع نظيره العماني العلاقات.", "Kuwait", "كونا"),
])
def test_places_agency_datelines_get_english_place(places, text, place, agency):
    doc = places(_doc(text, []))
    assert doc.dateline is not None
    assert doc.dateline.agency == agency
    assert doc.dateline.place == place


def test_places_bare_dateline_confirmed_by_gazetteer(places):
    doc = places(_doc("واشنطن - أعلنت وزارة الخارجية الأمريكية فرض عقوبات جديدة على إيران.", []))
    assert doc.dateline is not None and doc.dateline.place == "Washington, D.C."
    assert doc.dateline.agency is None
    assert doc.text[doc.dateline.start:doc.dateline.end].startswith("واشنطن")


def test_places_bare_dash_without_place_is_no_dateline(places):
    doc = places(_doc("أكد الوزير - في تصريح مقتضب - أن المفاوضات مستمرة.", []))
    assert doc.dateline is None


def test_places_bare_dateline_after_title(places):
    doc = places(_doc("موسكو - بحث الرئيس الروسي مع ضيفه الملفات الإقليمية.", [],
                      title="محادثات في الكرملين"))
    assert doc.dateline is not None and doc.dateline.place == "Moscow"
    assert doc.dateline.start == len("محادثات في الكرملين") + 1


def test_places_village_abroad_needs_article_context(places):
    # الحسينية is, in GeoNames, only a town of 50k in Egypt; a Yemeni article means another one.
    doc = places(_doc("قالت مصادر محلية في اليمن إن مسلحين هاجموا الحسينية فجر اليوم.",
                      [("e1", "GPE", "اليمن", "YEM"), ("e2", "GPE", "الحسينية", None)]))
    assert [p.entity for p in doc.places] == ["e1"]
    # Without a competing country in the article, the town stands.
    doc = places(_doc("هاجم مسلحون الحسينية فجر اليوم.", [("e2", "GPE", "الحسينية", None)]))
    assert [p.country for p in doc.places] == ["EGY"]
