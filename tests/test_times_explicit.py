"""marsad.times: explicit Gregorian and Hijri dates, month names of every region, years."""

import datetime as dt

import pytest

from marsad.times import find_times, hijri_to_gregorian
from support import only_time

PUB = dt.date(2025, 7, 12)


def one(text, published=PUB):
    return only_time(text, published)


@pytest.mark.parametrize("text, surface, value", [
    ("وقعت الاتفاقية في 15 مايو 2018 في جنيف", "15 مايو 2018", "2018-05-15"),
    ("صدر القرار بتاريخ 15/5/2018 عن المحكمة", "15/5/2018", "2018-05-15"),
    ("نشر التقرير 2018-05-15 على موقع الوزارة", "2018-05-15", "2018-05-15"),
    ("انطلقت الاحتجاجات في ١٥ مايو ٢٠١٨ في العاصمة", "١٥ مايو ٢٠١٨", "2018-05-15"),
    ("اعتقل في الخامس عشر من مايو الماضي", "الخامس عشر من مايو الماضي", "2025-05-15"),
    ("جرى التصويت في الأول من تشرين الثاني 2019", "الأول من تشرين الثاني 2019", "2019-11-01"),
    ("اندلعت المعارك في 12 حزيران/يونيو 2018 قرب الحدود", "12 حزيران/يونيو 2018", "2018-06-12"),
    ("وقعت الهجمات في 3 أيار (مايو) 2017", "3 أيار (مايو) 2017", "2017-05-03"),
    ("وأعلنت الحكومة يوم الأحد 4 مايو 2025 حالة الطوارئ", "يوم الأحد 4 مايو 2025", "2025-05-04"),
    ("ووقعت الحادثة في 5 يونيه 2016", "5 يونيه 2016", "2016-06-05"),
    ("وتعود القضية إلى 9 يوليه 2015", "9 يوليه 2015", "2015-07-09"),
    ("وصل الوفد في 20 اغسطس 2020", "20 اغسطس 2020", "2020-08-20"),
])
def test_times_explicit_day_dates(text, surface, value):
    t = one(text)
    assert (t.text, t.value, t.granularity) == (surface, value, "day")


@pytest.mark.parametrize("month_word, month", [
    ("كانون الثاني", 1), ("شباط", 2), ("آذار", 3), ("نيسان", 4), ("أيار", 5), ("حزيران", 6),
    ("تموز", 7), ("آب", 8), ("أيلول", 9), ("تشرين الأول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
    ("ماي", 5), ("يوليوز", 7), ("غشت", 8), ("شتنبر", 9), ("نونبر", 11), ("دجنبر", 12),
    ("جانفي", 1), ("فيفري", 2), ("أفريل", 4), ("جوان", 6), ("جويلية", 7), ("أوت", 8),
])
def test_times_regional_month_names(month_word, month):
    text = f"عقد المؤتمر في 7 {month_word} 2019 بمشاركة واسعة"
    t = one(text)
    assert t.text == f"7 {month_word} 2019"
    assert t.value == f"2019-{month:02d}-07"


def test_times_day_month_without_year_takes_nearest_year():
    assert one("التقى الوفدان في 20 ديسمبر", dt.date(2018, 1, 5)).value == "2017-12-20"
    assert one("التقى الوفدان في 20 يونيو", dt.date(2018, 7, 5)).value == "2018-06-20"


@pytest.mark.parametrize("text, surface, value", [
    ("وكانت الحرب قد اندلعت في مايو الماضي", "مايو الماضي", "2025-05"),
    ("وتعقد الانتخابات في ديسمبر المقبل", "ديسمبر المقبل", "2025-12"),
    ("عاد إلى البلاد في مارس", "مارس", "2025-03"),
    ("تراجعت الصادرات خلال شهر أكتوبر", "شهر أكتوبر", "2024-10"),
    ("وقع الانقلاب في يوليو 2016", "يوليو 2016", "2016-07"),
])
def test_times_months(text, surface, value):
    t = one(text)
    assert (t.text, t.value, t.granularity) == (surface, value, "month")


@pytest.mark.parametrize("text, surface", [
    ("احتل التنظيم المدينة عام 2014", "عام 2014"),
    ("وكانت الأزمة بدأت في 2014 بعد الاستفتاء", "2014"),
    ("يعيش في المنفى منذ العام 2014", "العام 2014"),
])
def test_times_years(text, surface):
    t = one(text)
    assert (t.text, t.value, t.granularity) == (surface, "2014", "year")


def test_times_bare_numbers_are_not_years():
    assert find_times("قتل 2014 شخصا في الهجمات", PUB) == []


@pytest.mark.parametrize("hijri, greg", [
    ((1446, 9, 1), dt.date(2025, 3, 1)),     # 1 Ramadan 1446 (Umm al-Qura: 2025-03-01)
    ((1446, 1, 1), dt.date(2024, 7, 7)),     # 1 Muharram 1446 (Umm al-Qura: 2024-07-07)
    ((1445, 10, 1), dt.date(2024, 4, 10)),   # 1 Shawwal 1445 (Eid al-Fitr, Umm al-Qura)
    ((1439, 9, 15), dt.date(2018, 5, 30)),
])
def test_times_hijri_conversion_within_a_day(hijri, greg):
    assert abs((hijri_to_gregorian(*hijri) - greg).days) <= 1


def test_times_hijri_rejects_bad_day():
    with pytest.raises(ValueError, match="out of range"):
        hijri_to_gregorian(1446, 13, 1)


@pytest.mark.parametrize("text, surface, value", [
    ("وصدر المرسوم في 15 رمضان 1439 هـ", "15 رمضان 1439 هـ", "2018-05-30"),
    ("ويبدأ العمل بالقرار في الأول من ذي الحجة 1445هـ", "الأول من ذي الحجة 1445هـ", None),
])
def test_times_hijri_dates_in_text(text, surface, value):
    t = one(text)
    assert t.text == surface and t.granularity == "day"
    expected = value or hijri_to_gregorian(1445, 12, 1).isoformat()
    assert t.value == expected


def test_times_several_expressions_keep_exact_offsets():
    text = "التقى الوزير أمس نظيره الروسي، على أن يعودا إلى الاجتماع في 3 آب 2025.\nوكان قد زار الرياض عام 2019."
    found = find_times(text, PUB)
    assert [t.text for t in found] == ["أمس", "3 آب 2025", "عام 2019"]
    for t in found:
        assert text[t.start:t.end] == t.text
