"""marsad.times: weekdays and relative expressions resolved against the publication date."""

import datetime as dt

import pytest

from marsad.times import find_times, resolve_weekday
from support import only_time

SAT = dt.date(2025, 7, 12)  # a Saturday


def one(text, published=SAT):
    return only_time(text, published)


@pytest.mark.parametrize("text, surface, value", [
    ("وأعلنت الوزارة يوم الجمعة أن المفاوضات ستستأنف", "يوم الجمعة", "2025-07-11"),
    ("وصل الوفد السبت إلى العاصمة في زيارة رسمية", "السبت", "2025-07-12"),
    ("ويلتقي الرئيسان الأحد المقبل في القاهرة", "الأحد المقبل", "2025-07-13"),
    ("اندلعت اشتباكات مساء الخميس في ريف إدلب", "مساء الخميس", "2025-07-10"),
    ("شنت الطائرات غارات فجر الثلاثاء على مواقع المسلحين", "فجر الثلاثاء", "2025-07-08"),
    ("وكان الرئيس قد التقى الجمعة الماضية نظيره الفرنسي", "الجمعة الماضية", "2025-07-04"),
    ("وكانت الحكومة أعلنت الخميس الماضي خطة جديدة", "الخميس الماضي", "2025-07-10"),
    ("عقد البرلمان جلسة طارئة الأربعاء لمناقشة الأزمة", "الأربعاء", "2025-07-09"),
    ("ومن المقرر أن يزور الوزير بغداد الخميس لبحث ملف المياه", "الخميس", "2025-07-17"),
])
def test_times_weekday_resolution(text, surface, value):
    t = one(text)
    assert (t.text, t.value, t.granularity) == (surface, value, "day")


@pytest.mark.parametrize("text, surface, value", [
    ("قال المتحدث اليوم إن الحكومة لن تتراجع", "اليوم", "2025-07-12"),
    ("وأعلن الجيش أمس مقتل خمسة مسلحين", "أمس", "2025-07-11"),
    ("وكانت الشرطة قد اعتقلت بالأمس ثلاثة مشتبهين", "الأمس", "2025-07-11"),
    ("جرى الاتفاق أمس الأول بعد مفاوضات شاقة", "أمس الأول", "2025-07-10"),
    ("وصلت التعزيزات أول أمس إلى المدينة", "أول أمس", "2025-07-10"),
    ("يصوت المجلس غداً على مشروع القرار", "غداً", "2025-07-13"),
    ("تبدأ الانتخابات بعد غد في جميع المحافظات", "بعد غد", "2025-07-14"),
    ("يلقي الرئيس خطابا الليلة أمام البرلمان", "الليلة", "2025-07-12"),
    ("وقعت الانفجارات صباح اليوم قرب السفارة", "صباح اليوم", "2025-07-12"),
    ("أفرجت السلطات عن الصحفي منذ يومين", "منذ يومين", "2025-07-10"),
])
def test_times_relative_days(text, surface, value):
    t = one(text)
    assert (t.text, t.value, t.granularity) == (surface, value, "day")


def test_times_today_with_named_weekday_takes_the_weekday():
    # Published a day after the event: "اليوم الثلاثاء" names the Tuesday, not the publication day.
    wed = dt.date(2025, 7, 9)
    text = "ويشارك الوزير في اجتماع يعقد اليوم (الثلاثاء) في باريس"
    t = one(text, wed)
    assert t.text == "اليوم (الثلاثاء)"
    assert t.value == "2025-07-08"


@pytest.mark.parametrize("text, surface, value, gran", [
    ("زار الوزير موسكو الأسبوع الماضي", "الأسبوع الماضي", "2025-06-30", "week"),
    ("تعقد القمة الأسبوع المقبل في الرياض", "الأسبوع المقبل", "2025-07-14", "week"),
    ("ارتفعت الأسعار الشهر الماضي بنسبة كبيرة", "الشهر الماضي", "2025-06", "month"),
    ("تنتهي المهلة نهاية الشهر الجاري", "الشهر الجاري", "2025-07", "month"),
    ("فاز الحزب في الانتخابات العام الماضي", "العام الماضي", "2024", "year"),
    ("يزور الرئيس الصين العام المقبل", "العام المقبل", "2026", "year"),
    ("تراجع عدد اللاجئين هذا العام", "هذا العام", "2025", "year"),
    ("بدأت المحاكمة في العاشر من الشهر الجاري", "العاشر من الشهر الجاري", "2025-07-10", "day"),
])
def test_times_relative_periods(text, surface, value, gran):
    t = one(text)
    assert (t.text, t.value, t.granularity) == (surface, value, gran)


def test_times_without_publication_date_keep_expression_without_value():
    text = "قصفت المدفعية القرية يوم الأحد وأمس"
    found = find_times(text, None)
    assert [t.text for t in found] == ["يوم الأحد", "أمس"]
    assert all(t.value is None for t in found)


@pytest.mark.parametrize("text", [
    "وقعت جمعية خيرية اتفاقا مع البلدية",          # جمعية is not الجمعة
    "وقال محمد جمعة إن الوضع هادئ",                 # a name
    "وجرى الاتصال بين الاثنين لتنسيق المواقف",      # الاثنين = the two
    "ولم يبلغ أحد عن وقوع إصابات",                 # أحد = anyone
    "مارس الاتحاد ضغوطا كبيرة على الحكومة",        # مارس = exerted
    "وتحتفل البلاد باليوم الوطني",                  # not today
    "وأشارت صحيفة الغد إلى أن الحكومة",             # a newspaper
    "ولامس المؤشر أعلى مستوياته",                   # لامس = touched
])
def test_times_no_false_hits(text):
    assert find_times(text, SAT) == []


def test_times_weekday_rule_directions():
    assert resolve_weekday(SAT, 5) == SAT  # same day counts for past-tense news
    assert resolve_weekday(SAT, 5, direction=-1) == dt.date(2025, 7, 5)
    assert resolve_weekday(SAT, 4, direction=-1) == dt.date(2025, 7, 4)  # not yesterday: أمس
    assert resolve_weekday(SAT, 5, direction=1) == dt.date(2025, 7, 19)
    assert resolve_weekday(SAT, 0, future=True) == dt.date(2025, 7, 14)
    assert resolve_weekday(SAT, 4, anchor_offset=-1) == dt.date(2025, 7, 11)


def test_times_publication_datetime_is_used_as_date():
    t = find_times("قال أمس", dt.datetime(2025, 7, 12, 23, 30))
    assert t[0].value == "2025-07-11"


@pytest.mark.parametrize("text, published, value", [
    # present tense in copy dated the day after writing: yesterday's Thursday
    ("لندن (وكالات) - يقوم رئيس الوزراء الخميس بزيارة مفاجئة إلى بغداد", dt.date(2013, 2, 1), "2013-01-31"),
    # present tense about the coming days
    ("ويحشد الحزبان أنصارهما الخميس في تظاهرات مضادة", dt.date(2013, 2, 20), "2013-02-21"),
    # past tense: the latest Thursday
    ("واعتقلت الشرطة الخميس ثلاثة أشخاص", dt.date(2013, 2, 20), "2013-02-14"),
    # a country name is not a present-tense verb
    ("وتونس الخميس شهدت احتجاجات واسعة", dt.date(2013, 2, 20), "2013-02-14"),
])
def test_times_present_tense_clause_looks_around_publication(text, published, value):
    assert one(text, published).value == value
