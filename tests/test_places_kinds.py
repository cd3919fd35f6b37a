"""Event places of each kind news names: a camp, an air base, a square, a capital named like its
country, a city named like its country. Small places the gazetteer does not know resolve to
the known place that contains them. Sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad import extract


@pytest.mark.parametrize(("kind", "text", "etype", "country", "lat", "lon"), [
    ("camp", "اندلعت اشتباكات عنيفة بين فصائل فلسطينية في مخيم عين الحلوة للاجئين قرب مدينة صيدا جنوبي لبنان.",
     "ASSAULT", "LBN", 33.56, 35.37),  # the camp lies at Sidon's edge
    ("base", "استهدفت صواريخ قاعدة عين الأسد الجوية في محافظة الأنبار غربي العراق فجر الأحد.",
     "ASSAULT", "IRQ", 33.4, 42.0),  # the base, unknown to the gazetteer: its province
    ("square", "تظاهر آلاف المصريين في ميدان التحرير وسط القاهرة احتجاجا على ارتفاع الأسعار.",
     "PROTEST", "EGY", 30.06, 31.25),
    ("capital named like its country", "تظاهر مئات التونسيين في العاصمة تونس للمطالبة بالإفراج عن المعتقلين.",
     "PROTEST", "TUN", 36.82, 10.17),  # Tunis, not Tunisia's centre
    ("city named like its country", "اعتقلت الشرطة الكويتية عشرة أشخاص في مدينة الكويت بعد احتجاجات على نتائج "
     "الانتخابات.", "COERCE", "KWT", 29.37, 47.97),
])
def test_event_place_of_each_kind(kind, text, etype, country, lat, lon):
    doc = extract(text, published="2024-03-02")
    event = next((ev for ev in doc.events if ev.type == etype), None)
    assert event is not None, (kind, [ev.type for ev in doc.events])
    where = event.location
    assert where is not None and where.country == country, (kind, where)
    assert abs(where.lat - lat) < 0.3 and abs(where.lon - lon) < 0.3, (kind, where)
    assert doc.text[where.start:where.end] == where.text
