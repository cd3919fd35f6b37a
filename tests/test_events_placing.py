"""The place model decides every event's place among the places the article names, the
clause's own reading (في، قرب) being one of its features. Articles written for these tests."""

from __future__ import annotations

from marsad import extract
from marsad.events.modelfile import load_event_model
from marsad.events.parties import filed_range
from marsad.events.placing import EventSite, choose_place, place_features, read_places

PUBLISHED = "2024-04-10"
STORY = ("تظاهر آلاف العراقيين في مدينة البصرة جنوب العراق احتجاجا على انقطاع الكهرباء. "
         "وأطلقت قوات الأمن النار على المتظاهرين قرب مبنى المحافظة في البصرة فقتلت ثلاثة منهم. "
         "وكان رئيس الوزراء قد زار بغداد الأسبوع الماضي.")


def _site(doc, word: str, told: str | None) -> EventSite:
    start = doc.text.index(word)
    sentence = next(s for s in doc.sentences if s.start <= start < s.end)
    return EventSite(sentence.start, sentence.end, start, "ASSAULT", frozenset(), frozenset(), "IRQ", told)


def _places():
    doc = extract(STORY, published=PUBLISHED)
    return doc, read_places(doc, filed_range(doc)), {p.name: p for p in doc.places}


def test_placing_reads_a_place_in_the_event_sentence_near_its_trigger():
    doc, article, by_name = _places()
    basra = by_name["Basrah"]
    site = _site(doc, "وأطلقت", told=basra.entity)
    features = place_features(article, basra, site)
    assert {"where=sentence", "told", "told|where=sentence"} <= set(features)
    assert any(f.startswith("after:") for f in features)  # named after the trigger, in its sentence


def test_placing_a_place_the_clause_did_not_choose_is_marked_so():
    doc, article, by_name = _places()
    site = _site(doc, "وأطلقت", told=by_name["Basrah"].entity)
    baghdad = place_features(article, by_name["Baghdad"], site)
    assert "not_told" in baghdad and "where=after:1" in baghdad
    untold = place_features(article, by_name["Baghdad"], _site(doc, "وأطلقت", told=None))
    assert "untold" in untold


def test_placing_a_country_with_a_town_named_is_marked_as_having_a_finer_answer():
    doc, article, by_name = _places()
    iraq = place_features(article, by_name["Iraq"], _site(doc, "وأطلقت", told=None))
    assert "finer_named" in iraq


def test_placing_shipped_model_keeps_the_shooting_in_basra():
    doc, article, by_name = _places()
    site = _site(doc, "وأطلقت", told=by_name["Basrah"].entity)
    chosen = choose_place(load_event_model().places, article, site, 0.2)
    assert chosen is not None and chosen.name == "Basrah"
    shooting = next(ev for ev in doc.events if ev.type == "ASSAULT")
    assert shooting.location is not None and shooting.location.name == "Basrah"


def test_placing_no_place_below_the_minimum():
    doc, article, by_name = _places()
    site = _site(doc, "وأطلقت", told=None)
    assert choose_place(load_event_model().places, article, site, 1.01) is None
