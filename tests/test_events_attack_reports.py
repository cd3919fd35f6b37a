"""Attacks told as happening count; foiled ones, charges and what befell someone described in
passing do not (marsad.events.concrete, modality cues, trigger lexicon)."""

from __future__ import annotations

import pytest

from support import rule_extract, told
from test_events_support import events_of

PLACES = {"بغداد": ("GPE", "IRQ", None), "كابل": ("GPE", "AFG", None), "الموصل": ("GPE", "IRQ", None)}


def attacks(text):
    return told(events_of(text, PLACES), "ASSAULT")


@pytest.mark.parametrize("text", [
    "وفتح مسلحون مجهولون النار مساء أمس على دورية للشرطة في الموصل مما أدى إلى إصابة ثلاثة عناصر.",
    "واغتيل ضابط كبير في الاستخبارات صباح اليوم أمام منزله في بغداد برصاص مسلحين مجهولين.",
    "واحتجز مسلحون 30 رهينة أمس داخل فندق في كابل بعد اقتحامه.",
    "وتعرض نائب رئيس المجلس البلدي في الموصل صباح أمس لمحاولة اغتيال بعبوة ناسفة.",
    "ورفضت الجماعة وقف إطلاق النار واحتجزت 30 رهينة أمس في فندق وسط كابل.",
    "وفجر انتحاري سيارة مفخخة صباح أمس أمام مركز للشرطة في الموصل.",
    "ونجا محافظ الموصل صباح أمس من انفجار عبوة ناسفة استهدفت موكبه.",
    # the firers stand between the verb and the fire
    "وأطلق مسلحون مجهولون النار صباح أمس على حاجز للجيش في الموصل.",
    # the victim and where it stood come between تعرض and the attack
    "وتعرضت قافلة للأمم المتحدة في الموصل أمس لإطلاق نار كثيف.",
    # قام X بـ + an indefinite verbal noun is the act done
    "وقام مسلحون ملثمون صباح أمس باغتيال مهندس أجنبي أمام منزله في بغداد.",
    # the attack told again as the means of the killing
    "واغتيل قاض بتفجير عبوة ناسفة أمام منزله في بغداد.",
    # the verbal noun carrying the attack after a verb of doing
    "وقامت طائرات حربية صباح أمس بشن غارات على مواقع المسلحين قرب الموصل.",
    # a hedged count of victims (ما لا يقل عن) is still a count
    "وتحدث شهود عن مقتل ما لا يقل عن خمسة مدنيين صباح أمس في قرية قرب الموصل.",
    # placed at a site the gazetteer cannot name
    "وانفجرت خمس قذائف هاون في سوق شعبي قرب مقر الحكومة.",
])
def test_events_attack_reports_told_attacks_count(text):
    assert attacks(text), text


@pytest.mark.parametrize("text", [
    # foiled: the attack did not happen
    "وأحبطت قوات الأمن أمس محاولة اغتيال محافظ الموصل بعد اعتقال ثلاثة مسلحين.",
    # a charge: the act is what someone is suspected of
    "واعتقلت الشرطة أمس رجلين في بغداد على علاقة بخطف مهندسين أجنبيين.",
    # described in passing, before the news of the sentence
    "وعثرت الشرطة أمس على جثث خمسة عمال كان مسلحون قد خطفوهم الأسبوع الماضي قرب الموصل.",
    # a habit told with the verb of doing
    "وغالبا ما تقوم الميليشيات بخطف المدنيين على الحواجز في بغداد.",
    # an attempt caught before it was done
    "واعتقلت الشرطة أمس ثلاثة مسلحين أثناء محاولتهم إطلاق صواريخ على بلدة قرب الموصل.",
    # a purpose: the attack is still being prepared
    "ووصلت تعزيزات عسكرية أمس إلى أطراف الموصل استعدادا لشن هجوم واسع على مواقع المسلحين.",
])
def test_events_attack_reports_foiled_charged_or_described_attacks_do_not(text):
    assert not attacks(text), text



def test_events_attack_reports_not_stopping_is_going_on():
    ents = {"الوزير": ("ROLE", "IRQ", "GOV"), "الحكومة التركية": ("ORG", "TUR", "GOV")}
    evs = [e for e in events_of("ولم يتوقف الوزير عن انتقاد الحكومة التركية.", ents) if e.type == "ACCUSE"]
    assert evs and not any(e.negated for e in evs)


def test_events_attack_reports_a_record_since_a_year_is_not_a_date():
    # through the whole pipeline, so that the year is read as a time; no publication date,
    # so any written year would otherwise make the attack background

    record = "وقصفت طائرات حربية ليلة الأربعاء مواقع للمسلحين قرب الموصل في أعنف غارات منذ عام 2015."
    assert told(rule_extract(record).events, "ASSAULT")
    dated = "وفي عام 2015 قصفت طائرات حربية مواقع للمسلحين قرب الموصل."
    assert not told(rule_extract(dated).events, "ASSAULT")
