"""Material-conflict words count as events only when the sentence reports one happening
(marsad.events.concrete): not as background, purpose, habit, topic or question."""

from __future__ import annotations

import pytest

from marsad.events.lexicon import load_lexicon
from marsad.events.matcher import find_triggers
from marsad.text import tokenize
from test_events_support import codes, events_of

IRAQ = {"الموصل": ("GPE", "IRQ", None), "بغداد": ("GPE", "IRQ", None)}


def asserted(events, etype):
    return [e for e in events if e.type == etype and not e.negated and not e.hypothetical]


@pytest.mark.parametrize("text", [
    "قتل خمسة جنود أمس في هجوم انتحاري استهدف قافلة عسكرية في الموصل.",
    "انفجرت سيارة مفخخة صباح اليوم قرب مركز للشرطة في بغداد مما أسفر عن مقتل سبعة أشخاص.",
    "اغتال مسلحون مجهولون مساء الثلاثاء ضابطا كبيرا في الشرطة أمام منزله في الموصل.",
])
def test_events_reports_incidents_are_events(text):
    assert asserted(events_of(text, IRAQ), "ASSAULT")


@pytest.mark.parametrize("text", [
    # background: a relative clause describes the attack the sentence is not about
    "أدان الوزير في بيان الهجوم الذي استهدف السفارة في بغداد الشهر الماضي.",
    # purpose: what someone meant to do
    "اعتقلت الشرطة رجلا في الموصل كان يخطط لتفجير سيارة مفخخة في السوق.",
    # habit: an imperfect with no time
    "يقتل المتطرفون الأبرياء باسم الدين في كل مكان.",
    # topic: verbal nouns after a frame word
    "وتحدث التقرير السنوي عن جرائم اغتصاب وقتل في الإقليم.",
    # question
    "هل يمكن تبرير قتل المدنيين في أي حرب؟",
])
def test_events_reports_mentions_are_not_events(text):
    assert not asserted(events_of(text, IRAQ), "ASSAULT")


@pytest.mark.parametrize("text", [
    "احتل المنتخب المغربي المرتبة الأولى في مجموعته بعد الفوز.",
    "ضربت الوزيرة مثالا على نجاح الخطة الاقتصادية.",
    "انفجرت فضيحة جديدة في وجه رئيس البلدية بعد نشر الوثائق.",
])
def test_events_reports_figurative_violence_words(text):
    assert not [e for e in events_of(text) if e.type == "ASSAULT"]


def test_events_reports_a_crowd_gathering_is_a_protest():
    text = "تجمع آلاف المتظاهرين أمام البرلمان في بغداد للمطالبة برحيل الحكومة."
    assert asserted(events_of(text, IRAQ), "PROTEST")


def test_events_reports_details_of_known_protesters_are_not_a_new_protest():
    text = "ورفع المتظاهرون الأعلام الوطنية وصور الضحايا."
    assert not asserted(events_of(text, IRAQ), "PROTEST")


def test_events_reports_a_state_protest_is_diplomatic():
    ents = {"مصر": ("GPE", "EGY", None), "إيران": ("GPE", "IRN", None)}
    evs = events_of("احتجت مصر رسميا لدى إيران على منع دبلوماسييها من السفر.", ents)
    assert not asserted(evs, "PROTEST")
    accuse = [e for e in evs if e.type == "ACCUSE"]
    assert accuse and codes(accuse[0].actor) == {"EGY"}


def test_events_reports_a_politician_attacking_is_criticism():
    ents = {"رئيس الوزراء": ("ROLE", "LBN", "GOV"), "وليد جنبلاط": ("PER", "LBN", "PTY")}
    evs = events_of("هاجم وليد جنبلاط رئيس الوزراء في خطاب أمام أنصاره.", ents)
    assert not [e for e in evs if e.type == "ASSAULT"]
    assert [e for e in evs if e.type == "ACCUSE"]


def test_events_reports_taa_marbuta_ends_no_verb():
    """إصابة and أصابه fold together in normalized text; the original ة says it is a noun."""
    text = "أكدت الوزارة إصابة ثلاثة جنود."
    tokens = tokenize(text)
    hits = find_triggers(tokens, 0, len(tokens), load_lexicon())
    kinds = {tokens[h.head].text: h.kind for h in hits}
    assert kinds.get("إصابة") == "noun"
