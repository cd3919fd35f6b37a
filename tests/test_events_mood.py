"""The learned stage decides modality with its model: background, future and plain reports,
as Arabic news tells them (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad import extract
from marsad.events.modality import date_relation
from marsad.events.mood import FLAGS, decide_mood
from marsad.linear import LinearModel
from marsad.model import Article, Event, Sentence, Span


def _events(text: str, published: str, etype: str) -> list[Event]:
    doc = extract(Article(id="mood", text=text, published=dt.date.fromisoformat(published)))
    return [ev for ev in doc.events if ev.type == etype]


def test_events_mood_background_arrests_in_a_past_year_are_historical():
    text = ("أفرجت السلطات البحرينية يوم الأحد عن عشرين معارضا بعد وساطة قطرية. "
            "وكانت قوات الأمن قد اعتقلت مئات المعارضين عام 2011 خلال الاحتجاجات التي شهدتها المنامة.")
    arrests = [ev for ev in _events(text, "2019-04-08", "COERCE") if "2011" in text[ev.sentence.start:ev.sentence.end]]
    assert arrests, "the background arrests are an event"
    assert arrests[0].historical and not arrests[0].future


def test_events_mood_talks_set_for_next_week_are_future():
    text = ("أعلنت الأمم المتحدة أن الحكومة اليمنية والحوثيين سيعقدون جولة جديدة من المحادثات "
            "في جنيف الأسبوع المقبل لبحث تبادل الأسرى.")
    talks = _events(text, "2018-08-20", "CONSULT")
    assert talks and talks[0].future and not talks[0].historical


def test_events_mood_plain_report_has_no_flags():
    text = "قصفت طائرات حربية مواقع لتنظيم داعش قرب مدينة الرقة صباح اليوم الثلاثاء وقتلت عشرات المسلحين."
    strikes = _events(text, "2017-06-13", "ASSAULT")
    assert strikes
    assert not any(getattr(strikes[0], flag) for flag in FLAGS)


@pytest.mark.parametrize("value, relation", [
    (None, "none"), ("2019-04-08", "same"), ("2019-04-03", "week"), ("2019-03-01", "month"),
    ("2018-12", "season"), ("2018-06", "year"), ("2017", "years"), ("2011", "older"), ("2019-05-01", "ahead"),
])
def test_events_mood_date_relation_to_publication(value, relation):
    assert date_relation(value, dt.date(2019, 4, 8)) == relation


def test_events_mood_historical_and_future_exclude_each_other():
    # both flags above 0.5: the likelier one (historical, 0.88 against 0.62) stays
    model = LinearModel("binary", FLAGS, (-3.0, -3.0, 2.0, 0.5), {})
    ev = Event(id="EV1", type="CONSULT", actor=[], recipient=[], evidence=Span(0, 1), sentence=Sentence(0, 1),
               trigger=Span(0, 1))
    decide_mood(model, [], ev)
    assert (ev.negated, ev.hypothetical, ev.historical, ev.future) == (False, False, True, False)
