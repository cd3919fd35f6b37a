"""A speaker named only in a medium's frame (نقلت القناة عن فلان قوله) speaks at the meeting
the story puts that person at."""

from marsad import extract

STORY = (
    "أكد وزير الخارجية الفرنسي جان إيف لودريان أن بلاده لن ترسل قوات إلى ليبيا.\n"
    "وتابع لودريان – الذي يشارك في اجتماع يعقد اليوم الاثنين في بروكسل حول الأوضاع في ليبيا – أن الحل سياسي.\n"
    "ونقلت قناة فرانس 24 الإخبارية عن لودريان قوله \"إن فرنسا تدين بشدة الهجمات التي تشنها الميليشيات"
    " على المدنيين\".\n"
)


def test_quote_through_a_medium_takes_the_speakers_meeting():
    doc = extract(STORY, published="2024-03-12")
    accuse = next(ev for ev in doc.events if ev.type == "ACCUSE")
    assert accuse.reported_by is not None and accuse.reported_by.sector == "MED"
    assert accuse.location is not None and accuse.location.name == "Brussels"
    assert accuse.date == "2024-03-11"
