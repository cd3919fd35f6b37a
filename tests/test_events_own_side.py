"""A recipient of the actor's own country: police and the country's protesters, a government
and its citizens; a foreign target stays foreign (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad import extract
from marsad.events.decode import Detection, own_side_features
from marsad.events.learned import EventReader
from marsad.events.parties import Party
from marsad.model import Article
from marsad.pipeline import Pipeline


def _sides(text: str, etype: str) -> tuple[set[str], set[str]]:
    doc = extract(Article(id="own", text=text, published=dt.date(2019, 1, 7)))
    ev = next((e for e in doc.events if e.type == etype), None)
    assert ev is not None, [e.type for e in doc.events]
    return {a.code for a in ev.actor}, {a.code for a in ev.recipient}


@pytest.mark.parametrize("text, etype, country", [
    ("اعتقلت الشرطة التونسية عشرات المتظاهرين في العاصمة تونس مساء الأحد.", "COERCE", "TUN"),
    ("تظاهر آلاف التونسيين أمام مقر الحكومة في تونس احتجاجا على غلاء الأسعار.", "PROTEST", "TUN"),
])
def test_events_own_side_domestic_events_keep_one_country(text, etype, country):
    assert _sides(text, etype) == ({country}, {country})


def test_events_own_side_foreign_target_stays_foreign():
    actors, recipients = _sides("قصفت طائرات إسرائيلية مواقع لحركة حماس في قطاع غزة فجر اليوم.", "ASSAULT")
    assert actors == {"ISR"} and recipients == {"PSE"}


def test_events_own_side_features_compare_the_recipients_by_country():
    doc = Pipeline(["marsad.text.v1", "marsad.entities.v1", "marsad.times.v1", "marsad.places.v1"])(
        Article(id="own", text="اعتقلت الشرطة المصرية ناشطين في القاهرة.", published=dt.date(2019, 1, 7)))
    view = EventReader()(doc)
    police = Party(0, 5, 0, 0, "ORG", "EGY", "COP", "police", "الشرطة")
    foreign = Party(0, 5, 0, 0, "GPE", "USA", None, "United States", "أمريكا")
    det = Detection(view.sentences[0], "COERCE", 0.9, actors=[police])
    facts = own_side_features(view, det, [(police, 0.02), (foreign, 0.6)])
    assert {"atype=ORG", "asec=COP", "rsame=none", "rother=high", "COERCE|rother=high"} <= set(facts)
