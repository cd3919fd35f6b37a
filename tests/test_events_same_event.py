"""Two statements of one type: what the same-event features compare (sentences written for
these tests)."""

from __future__ import annotations

import datetime as dt

from marsad.events.decode import Detection, same_event_features
from marsad.events.learned import EventReader
from marsad.model import Article
from marsad.pipeline import Pipeline

_PRE = ("marsad.text.v1", "marsad.entities.v1", "marsad.times.v1", "marsad.places.v1")


def _view(text: str, title: str = ""):
    doc = Pipeline(list(_PRE))(Article(id="same", text=text, title=title, published=dt.date(2017, 6, 13)))
    return EventReader()(doc)


def test_same_event_two_raids_apart_in_numbers_places_and_days():
    view = _view("قتل 10 مسلحين في غارة على إدلب يوم الأحد. "
                 "وفي حادث آخر قتل 6 مدنيين في غارة على حماة يوم الاثنين.")
    first, second = view.sentences[0], view.sentences[1]
    facts = same_event_features(view, Detection(first, "ASSAULT", 0.9), Detection(second, "ASSAULT", 0.9))
    assert {"diff_number", "diff_place", "diff_day"} <= set(facts)
    assert "ASSAULT|diff_place" in facts  # each fact also with the type


def test_same_event_title_and_lede_share_place_and_trigger():
    view = _view("اتهمت تركيا الولايات المتحدة اليوم الاثنين بدعم جماعات إرهابية في شمال سوريا.",
                 title="تركيا تتهم الولايات المتحدة بدعم الإرهاب في سوريا")
    title, lede = view.sentences[0], view.sentences[1]
    assert title.cand.in_title and lede.position == 0
    facts = set(same_event_features(view, Detection(title, "ACCUSE", 0.9), Detection(lede, "ACCUSE", 0.9)))
    assert {"title", "title_lede", "same_place", "same_lemma"} <= facts
