"""A crowd of protesters reports a protest when it does what makes one (gathers, marches,
sits in, stands at a site, acts in protest at something); a crowd that only does something
else, and a protest voiced in words, are not protests (marsad.events.concrete)."""

from __future__ import annotations

import pytest

from support import told
from test_events_support import events_of

PLACES = {"القاهرة": ("GPE", "EGY", None), "عمان": ("GPE", "JOR", None)}


def protests(text):
    return told(events_of(text, PLACES), "PROTEST")


@pytest.mark.parametrize("text", [
    "توجه المتظاهرون أمس إلى مقر البرلمان في القاهرة.",
    "أحرق بائع متجول نفسه أمس احتجاجا على مصادرة بضاعته في عمان.",
    "ويعتصم مئات المحتجين منذ الأحد أمام مبنى الحكومة في عمان.",
    "فرقت الشرطة مساء الأحد آلاف المتظاهرين أمام مبنى المحافظة في القاهرة.",
    "وقام مئات العمال في مصانع الإسمنت أمس بالاحتجاج على تأخر صرف رواتبهم في عمان.",
    "وفرقت الشرطة مساء السبت مئات المحتجين الذين تجمعوا وسط القاهرة رفضا لقانون الانتخابات.",
    "ونزل آلاف العمال في مدن عدة إلى الشوارع أمس للاحتجاج على تدني الأجور في القاهرة.",
])
def test_events_protest_crowds_a_crowd_protesting_is_a_protest(text):
    assert protests(text), text


@pytest.mark.parametrize("text", [
    # the crowd does something else: the sentence tells that, not a protest
    "واستقل عشرات المتظاهرين حافلات عائدين إلى مدنهم مساء أمس.",
    # a protest lodged in words is a verbal act (ACCUSE), not a demonstration
    "وسجلت وزارة الخارجية أمس احتجاجا على تصريحات السفير في عمان.",
    # a boycott the protesters demand of others is the content of their demand
    "وطالب المحتجون أمس الحكومة بمقاطعة المنتجات المستوردة.",
    # a place further on belongs to what the crowd does, not to a protest
    "وقال شهود إن عشرات المحتجين ركبوا سيارات أجرة قرب المحطة عائدين إلى منازلهم.",
    # a protest of years ago is background
    "وقبل عامين خرجت مظاهرات حاشدة في القاهرة ضد رفع الأسعار.",
])
def test_events_protest_crowds_no_protest_without_a_protest_act(text):
    assert not protests(text), text


def test_events_protest_crowds_an_event_measured_from_is_background():
    text = "وعقد مجلس الوزراء جلسة طارئة في عمان بعد ساعات من مقتل 12 شخصا في انفجار."
    evs = [e for e in events_of(text, PLACES) if e.type == "ASSAULT" and not e.negated and not e.hypothetical]
    assert not evs
