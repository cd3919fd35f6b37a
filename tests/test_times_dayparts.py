"""Night spans (ليل الخميس الجمعة) and bare day parts (صباحاً، الخميس مساءً)."""

import datetime as dt

from marsad.times import find_times

PUB = dt.date(2024, 3, 9)  # a Saturday


def _values(text):
    return [(t.text, t.value) for t in find_times(text, PUB)]


def test_night_between_two_days_is_the_first_day():
    found = _values("وقال مصدر دبلوماسي منتصف ليل الخميس الجمعة إن الاتفاق أنجز في بروكسل")
    assert found == [("منتصف ليل الخميس الجمعة", "2024-03-07")]


def test_night_from_one_day_to_the_next_is_the_first_day():
    found = _values("قصفت الطائرات ليلة الأربعاء إلى الخميس مواقع في ريف إدلب")
    assert found == [("ليلة الأربعاء إلى الخميس", "2024-03-06")]


def test_two_days_without_a_night_stay_two_days():
    found = _values("اجتمع وزراء الخارجية العرب يومي الأربعاء والخميس")
    assert [v for _, v in found] == ["2024-03-06", "2024-03-07"]


def test_bare_morning_is_the_story_day():
    found = _values("استهدفت طائرات التحالف خلال ساعات الصباح معسكراً للمسلحين")
    assert found == [("ساعات الصباح", "2024-03-09")]


def test_bare_tanween_day_part_is_the_story_day():
    assert _values("انفجرت سيارة مفخخة صباحاً قرب سوق شعبي") == [("صباحاً", "2024-03-09")]


def test_day_part_after_a_weekday_belongs_to_that_weekday():
    assert _values("اجتمع مجلس الأمن الخميس مساءً في نيويورك") == [("الخميس مساءً", "2024-03-07")]


def test_day_part_after_yesterday_belongs_to_yesterday():
    assert _values("وصل الوفد المصري أمس صباحاً إلى غزة") == [("أمس صباحاً", "2024-03-08")]


def test_past_form_v_verb_is_no_present_clause():
    # تعهد (he pledged) begins with ت like a present verb; Friday is the last one, not the next
    found = find_times("من جهته، تعهد وزير الخارجية الأمريكي الجمعة بإعادة بناء الاقتصاد", dt.date(2024, 3, 12))
    assert [(t.text, t.value) for t in found] == [("الجمعة", "2024-03-08")]


def test_present_clause_still_looks_ahead():
    assert _values("يزور الرئيس الفرنسي الاثنين العاصمة السعودية") == [("الاثنين", "2024-03-11")]
