"""The date of an event, by the forms news gives it; a date well before publication makes the
event background. Published Saturday 2024-03-02. Sentences written for these tests."""

from __future__ import annotations

import pytest

from marsad import extract

PUBLISHED = "2024-03-02"


def _arrest(text: str):
    doc = extract(text, published=PUBLISHED)
    event = next((ev for ev in doc.events if ev.type == "COERCE"), None)
    assert event is not None, [ev.type for ev in doc.events]
    return event


@pytest.mark.parametrize(("text", "date", "historical"), [
    ("اعتقلت الشرطة أمس عشرين متظاهرا في وسط بغداد.", "2024-03-01", False),
    ("اعتقلت الشرطة يوم الخميس عشرين متظاهرا في وسط بغداد.", "2024-02-29", False),
    ("اعتقلت الشرطة مساء الثلاثاء الماضي عشرين متظاهرا في وسط بغداد.", "2024-02-27", False),
    # last March 15: the one before publication, nearly a year back, so background
    # told as background after the lede, as news tells it
    ("تظاهر مئات العراقيين أمس في وسط بغداد للمطالبة بالإفراج عن المعتقلين. "
     "وكانت الشرطة قد اعتقلت في 15 آذار/مارس الماضي عشرين متظاهرا في وسط بغداد.", "2023-03-15", True),
    ("وكانت الشرطة قد اعتقلت في عام 2019 عشرين متظاهرا في وسط بغداد.", "2019", True),
])
def test_event_date_by_its_form(text, date, historical):
    event = _arrest(text)
    assert event.date == date and event.date_text
    assert event.historical is historical
