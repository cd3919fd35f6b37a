"""event_location: the place a clause says an event happened in."""

import pytest

from marsad.places import event_location, make_places_layer
from support import doc_with_entities

_doc = doc_with_entities


@pytest.fixture(scope="module")
def places():
    return make_places_layer()


def _clause(doc, needle):
    start = doc.text.index(needle)
    return start, start + len(needle)


def test_event_location_picks_the_clause_place(places):
    doc = places(_doc(
        "قال مسؤول في موسكو إن وزير الخارجية الروسي التقى نظيره السوري في دمشق يوم الأحد.",
        [("e1", "GPE", "موسكو", "RUS"), ("e2", "GPE", "دمشق", "SYR")]))
    start, end = _clause(doc, "التقى نظيره السوري في دمشق يوم الأحد")
    loc = event_location(doc, start, end)
    assert loc is not None and loc.name == "Damascus" and loc.entity == "e2"
    assert doc.text[loc.start:loc.end] == "دمشق"
    assert loc.lat == pytest.approx(33.5, abs=0.1)


def test_event_location_ignores_places_outside_the_clause(places):
    doc = places(_doc(
        "وفي موسكو، قال المتحدث إن الطرفين وقعا اتفاقا للتعاون الاقتصادي.",
        [("e1", "GPE", "موسكو", "RUS")]))
    assert event_location(doc, *_clause(doc, "وقعا اتفاقا للتعاون الاقتصادي")) is None


def test_event_location_needs_a_locative(places):
    doc = places(_doc("اتهمت إيران إسرائيل بتنفيذ الهجوم.",
                      [("e1", "GPE", "إيران", "IRN"), ("e2", "GPE", "إسرائيل", "ISR")]))
    assert event_location(doc, 0, len(doc.text)) is None


@pytest.mark.parametrize("sentence, name", [
    ("قتل ثلاثة مدنيين بغارة جوية بالقرب من الحديدة غربي اليمن", "Al Ḩudaydah"),
    ("سقطت قذائف على مدينة حلب صباح اليوم", "Aleppo"),
    ("انفجرت عبوة ناسفة بمحافظة إدلب", "Idlib Governorate"),
    ("تظاهر الآلاف في العاصمة الفرنسية باريس", "Paris"),
    ("اندلعت اشتباكات شمال دمشق", "Damascus"),
    ("وقع الانفجار داخل بغداد", "Baghdad"),
    ("تتواصل المعارك على مشارف الخرطوم", "Khartoum"),
    ("نفذت البحرية مناورات في البحر الأحمر", "Red Sea"),
    ("اعترضت الدفاعات الجوية صاروخا فوق إيلات وفي أسدود", "Ashdod"),
])
def test_event_location_locatives(places, sentence, name):
    surfaces = [s for s in ("الحديدة", "اليمن", "حلب", "إدلب", "باريس", "دمشق", "بغداد", "الخرطوم",
                            "البحر الأحمر", "إيلات", "أسدود") if s in sentence]
    ents = [(f"e{i}", "LOC" if s == "البحر الأحمر" else "GPE", s, None) for i, s in enumerate(surfaces)]
    doc = places(_doc(sentence + ".", ents))
    loc = event_location(doc, 0, len(sentence))
    assert loc is not None and loc.name == name


def test_event_location_skips_the_dateline(places):
    doc = places(_doc(
        "بيروت (رويترز) - قال مسؤولون إن الطيران شن غارات عنيفة ليلا. واستقبل الرئيس وفدا في بيروت.",
        [("e1", "GPE", "بيروت", "LBN")]))
    assert doc.dateline is not None
    first = doc.text.index("قال مسؤولون")
    assert event_location(doc, doc.dateline.start, doc.text.index(".", first)) is None
    start, end = _clause(doc, "واستقبل الرئيس وفدا في بيروت")
    loc = event_location(doc, start, end)
    assert loc is not None and loc.name == "Beirut" and loc.start > doc.dateline.end


def test_event_location_destination_only_when_asked(places):
    doc = places(_doc("وصل وزير الخارجية إلى موسكو في زيارة رسمية.", [("e1", "GPE", "موسكو", "RUS")]))
    span = (0, len(doc.text))
    assert event_location(doc, *span) is None
    loc = event_location(doc, *span, destination=True)
    assert loc is not None and loc.name == "Moscow"


def test_event_location_clitic_conjunction_is_not_locative(places):
    doc = places(_doc("دعت فرنسا وروسيا إلى وقف إطلاق النار.",
                      [("e1", "GPE", "فرنسا", "FRA"), ("e2", "GPE", "روسيا", "RUS")]))
    assert event_location(doc, 0, len(doc.text)) is None


def test_dateline_location_gives_the_filing_place(places):
    from marsad.places import dateline_location

    doc = places(_doc("باريس، فرنسا (أ ف ب) - أعلن الرئيس الفرنسي عن خطة جديدة للطاقة.", []))
    loc = dateline_location(doc)
    assert loc is not None and loc.name == "Paris" and loc.country == "FRA"
    assert doc.text[loc.start:loc.end] == "باريس"
    assert dateline_location(places(_doc("أعلن الرئيس عن خطة جديدة للطاقة.", []))) is None


def test_event_location_place_noun_and_hashtag(places):
    doc = places(_doc("صدت القوات هجوما قرب المدخل الغربي لمدينة #تعز فجر اليوم.",
                      [("e1", "GPE", "تعز", "YEM")]))
    loc = event_location(doc, 0, len(doc.text))
    assert loc is not None and loc.name == "Taiz"


def test_event_location_glued_ba_before_a_country_is_an_object(places):
    doc = places(_doc("خرج المتظاهرون منددين بالولايات المتحدة وإسرائيل.",
                      [("e1", "GPE", "الولايات المتحدة", "USA"), ("e2", "GPE", "إسرائيل", "ISR")]))
    assert event_location(doc, 0, len(doc.text)) is None
    doc = places(_doc("انفجرت سيارة مفخخة بدمشق صباح اليوم.", [("e1", "GPE", "دمشق", "SYR")]))
    assert event_location(doc, 0, len(doc.text)).name == "Damascus"
