"""Negation, doubt, futurity and background are read from the words around the trigger."""

from __future__ import annotations

import pytest

from test_events_support import codes, events_of

PARTIES = {
    "الولايات المتحدة": ("GPE", "USA", None), "إيران": ("GPE", "IRN", None),
    "روسيا": ("GPE", "RUS", None), "تركيا": ("GPE", "TUR", None), "الصين": ("GPE", "CHN", None),
    "روسي": ("NORP", "RUS", None),
}


def first(text, etype, **kw):
    evs = [e for e in events_of(text, PARTIES, **kw) if e.type == etype]
    assert evs, f"no {etype} in {text}"
    return evs[0]


@pytest.mark.parametrize("text, etype", [
    ("لم تتهم روسيا تركيا بالتورط في الحادث.", "ACCUSE"),
    ("لا تعترف الصين بنتائج الاستفتاء في تايوان.", "SUPPORT"),
    ("نفت الصين أن تكون قد فرضت عقوبات على الشركات الأمريكية.", "SANCTION"),
    ("أكدت تركيا عدم اعتقال أي صحفي روسي خلال الأسبوع الماضي.", "COERCE"),
])
def test_events_modality_negated(text, etype):
    assert first(text, etype).negated


@pytest.mark.parametrize("text, etype", [
    ("قد تفرض الولايات المتحدة عقوبات جديدة على إيران.", "SANCTION"),
    ("يمكن أن تهاجم روسيا مواقع المعارضة إذا فشلت المفاوضات.", "ASSAULT"),
    ("حذر مسؤولون من أن إيران ربما تستهدف السفن في الخليج.", "ASSAULT"),
])
def test_events_modality_hypothetical(text, etype):
    ev = first(text, etype)
    assert ev.hypothetical and not ev.negated


@pytest.mark.parametrize("text, etype", [
    ("سيزور وزير الخارجية الروسي أنقرة الأسبوع المقبل.", "CONSULT"),
    ("من المقرر أن تلتقي روسيا وتركيا في موسكو لبحث الأزمة.", "CONSULT"),
    ("سوف تفرض الولايات المتحدة رسوما جمركية على الصين.", "SANCTION"),
])
def test_events_modality_future(text, etype):
    ev = first(text, etype)
    assert ev.future and not ev.historical


def test_events_modality_past_year_is_historical():
    ev = first("وكانت روسيا قد قصفت مواقع في تركيا عام 2014 خلال الأزمة.", "ASSAULT", published="2018-03-01")
    assert ev.historical and not ev.future


def test_events_modality_plain_report_has_no_flags():
    ev = first("اتهمت إيران الولايات المتحدة بدعم الإرهاب يوم الأحد.", "ACCUSE")
    assert not (ev.negated or ev.hypothetical or ev.future or ev.historical)
    assert codes(ev.actor) == {"IRN"} and codes(ev.recipient) == {"USA"}


def test_events_modality_refusal_becomes_reject():
    """'Will not intervene' is a refusal that happened, not a negated attack."""
    ev = first("أعلنت الولايات المتحدة أنها لن تتدخل عسكريا في إيران.", "REJECT")
    assert not ev.negated and codes(ev.actor) == {"USA"}
