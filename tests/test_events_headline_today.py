"""A headline in the present tense tells the news of the publication day (the rule extractor's
reading, which lends the learned stage its dates)."""

from support import rule_extract

BODY = "ودعا الرئيس التونسي قيس سعيد وزير الداخلية إلى تشكيل حكومة جديدة بعد استقالة الحكومة السابقة."


def _title_events(title):
    doc = rule_extract(BODY, published="2024-03-12", title=title)
    return [ev for ev in doc.events if ev.sentence.end <= len(title)]


def test_present_tense_headline_is_dated_on_publication():
    events = _title_events("الرئيس التونسي يطالب وزير الداخلية بتشكيل حكومة جديدة")
    assert events and all(ev.date == "2024-03-12" for ev in events)


def test_past_tense_headline_stays_undated():
    events = _title_events("الرئيس التونسي طالب وزير الداخلية بتشكيل حكومة جديدة")
    assert events and all(ev.date is None for ev in events)
