"""A story that names its day (اليوم الثلاثاء) means that day by a bare اليوم or أمس too."""

from __future__ import annotations

import datetime as dt

from marsad.times import find_times

PUB = dt.date(2025, 7, 16)  # a Wednesday: the copy was written on Tuesday the 15th


def values(text, pub=PUB):
    return {t.text: t.value for t in find_times(text, pub)}


def test_times_story_today_bare_today_follows_the_named_weekday():
    found = values("أكد الوزير اليوم أن بلاده لن تتدخل، وقال في مؤتمر صحفي عقده اليوم الثلاثاء "
                   "في باريس إنه التقى أمس نظيره الفرنسي.")
    assert found["اليوم الثلاثاء"] == "2025-07-15"
    assert found["اليوم"] == "2025-07-15"
    assert found["أمس"] == "2025-07-14"


def test_times_story_today_without_a_named_day_is_publication():
    assert values("أكد الوزير اليوم أن بلاده لن تتدخل.")["اليوم"] == "2025-07-16"


def test_times_story_today_two_different_named_days_change_nothing():
    found = values("قال الوزير اليوم الثلاثاء إن الاجتماع عقد، وأضاف المتحدث اليوم الأربعاء أن "
                   "المحادثات مستمرة، فيما أعلن الجيش اليوم وقف العمليات.")
    assert found["اليوم"] == "2025-07-16"
