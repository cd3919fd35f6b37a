"""Sentences with no political interaction stay silent: sport, markets, culture, opinion."""

from __future__ import annotations

import pytest

from test_events_support import events_of

TEAMS = {"السعودية": ("GPE", "SAU", None), "مصر": ("GPE", "EGY", None), "الأهلي": ("ORG", "EGY", None)}


@pytest.mark.parametrize("text", [
    "سجل محمد صلاح هدفين في مباراة مصر والسعودية ضمن بطولة كأس العالم.",
    "فاز الأهلي على الزمالك بثلاثة أهداف مقابل هدف في نهائي الدوري، وتقدم اللاعب بطلب انتقال.",
    "قاد المدرب الفريق إلى هجوم كاسح في الشوط الثاني من المباراة على ملعب القاهرة.",
    "ارتفعت أسعار النفط في البورصة بعد إعلان أرقام التضخم ومؤشر الأسهم في السعودية.",
    "افتتح المهرجان السينمائي عروضه بفيلم مصري عن الحياة في القاهرة القديمة.",
    "يرى الكاتب أن الشعر العربي الحديث يعيش أزمة هوية منذ عقود.",
    "انخفض سعر صرف الجنيه مقابل الدولار خلال تعاملات الأسبوع.",
])
def test_events_silence_no_political_event(text):
    assert events_of(text, TEAMS) == []


def test_events_silence_drone_is_not_a_march():
    """طائرة مسيرة is a drone; the word مسيرة alone would be a march."""
    ents = {"الحوثيين": ("ORG", "YEM", "REB")}
    evs = events_of("أعلن التحالف إسقاط طائرة مسيرة أطلقها الحوثيين.", ents)
    assert not [e for e in evs if e.type == "PROTEST"]


def test_events_silence_peace_process_is_not_a_march():
    ents = {"فتح": ("ORG", "PSE", "PTY")}
    evs = events_of("تحدث قادة فتح عن المسيرة السلمية وتاريخها الطويل.", ents)
    assert not [e for e in evs if e.type == "PROTEST"]


def test_events_silence_a_charge_is_not_a_fresh_attack():
    """المتهم بقتل: violence named as a charge or topic needs more than the word."""
    ents = {"المحكمة": ("ORG", "EGY", "JUD")}
    evs = events_of("أجلت المحكمة النظر في قضية المتهم بقتل المتظاهرين إلى الشهر المقبل.", ents)
    assert not [e for e in evs if e.type == "ASSAULT" and not e.hypothetical]


def test_events_silence_words_inside_institution_names():
    """منظمة حظر الأسلحة الكيميائية names a body; حظر is no ban here."""
    ents = {"سوريا": ("GPE", "SYR", None)}
    evs = events_of("وصل مفتشو منظمة حظر الأسلحة الكيميائية إلى سوريا أمس.", ents)
    assert not [e for e in evs if e.type in ("SANCTION", "COERCE")]
    evs = events_of("وجه النائب العام مكتب التعاون الدولي بمتابعة القضية في سوريا.", ents)
    assert not [e for e in evs if e.type == "COOPERATE"]
