"""The date model: which day an event happened, among the days the article names, the story's
day, the publication day and the day before it. Published Wednesday 2024-03-06. Articles
written for these tests."""

from __future__ import annotations

from marsad import extract
from marsad.events.dating import DateSite, candidates, choose_date, read_days, stated_text
from marsad.events.learned import story_date
from marsad.events.modelfile import load_event_model

PUBLISHED = "2024-03-06"
LEDE = "أعلنت وزارة الداخلية العراقية أمس الثلاثاء اعتقال عشرين متظاهرا في وسط بغداد."
LATER = "وفرقت قوات الأمن بالقوة تظاهرة لمئات المحتجين قرب ساحة التحرير."


def _days(text: str):
    doc = extract(text, published=PUBLISHED)
    return doc, read_days(doc, story_date(doc))


def _site(doc, phrase: str, *, told=None, historical=False, future=False) -> DateSite:
    start = doc.text.index(phrase)
    sentence = next(s for s in doc.sentences if s.start <= start < s.end)
    return DateSite(sentence.start, sentence.end, start, "ASSAULT", told, historical, future)


def test_dating_candidates_are_named_days_story_and_publication():
    doc, days = _days(LEDE + " " + LATER)
    assert days.story == "2024-03-05"  # the lede's day
    found = candidates(days, _site(doc, "وفرقت"))
    assert set(found) == {"2024-03-05", "2024-03-06"}  # the lede's Tuesday is also the day before publication
    assert {"at=lede", "story", "pub-1"} <= set(found["2024-03-05"])
    assert "pub" in found["2024-03-06"] and "story" not in found["2024-03-06"]


def test_dating_background_event_keeps_to_its_own_days():
    text = LEDE + " وكانت الشرطة قد فرقت في 20 كانون الأول/ديسمبر الماضي مسيرة مماثلة في البصرة."
    doc, days = _days(text)
    site = _site(doc, "فرقت", told="2023-12-20", historical=True)
    found = candidates(days, site)
    # the lede's day is named in the sentence before, but background has no story or publication day
    assert set(found) == {"2023-12-20", "2024-03-05"}
    assert not {"story", "pub", "pub-1"} & {f for facts in found.values() for f in facts}
    assert choose_date(load_event_model().dates, days, site) == "2023-12-20"
    assert stated_text(days, site, "2023-12-20") == "20 كانون الأول/ديسمبر الماضي"
    assert stated_text(days, site, "2024-03-05") is None


def test_dating_model_prefers_the_sentence_own_day_over_the_story_day():
    text = LEDE + " وكانت قوات الأمن قد فرقت يوم الأحد مسيرة لأنصار التيار الصدري في البصرة."
    doc, days = _days(text)
    site = _site(doc, "فرقت", told="2024-03-03")
    assert choose_date(load_event_model().dates, days, site) == "2024-03-03"


def test_dating_undated_event_takes_the_story_day():
    doc = extract(LEDE + " " + LATER, published=PUBLISHED)
    event = next(ev for ev in doc.events if doc.text[ev.sentence.start:].startswith("وفرقت"))
    assert event.date == "2024-03-05"
    assert event.date_text is None  # implied, not stated


def test_dating_a_call_to_march_dates_the_march_ahead():
    doc = extract("دعت أحزاب المعارضة التونسية أنصارها إلى التظاهر يوم الجمعة المقبل أمام مقر البرلمان "
                  "للمطالبة بإطلاق سراح المعتقلين السياسيين.", published=PUBLISHED)
    protest = next(ev for ev in doc.events if ev.type == "PROTEST")
    assert protest.date == "2024-03-08" and protest.future
