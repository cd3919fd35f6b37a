"""The one who reports an event is not, by default, its target: a guessed recipient never is
the speaker of the frame that tells the event."""

import pytest

from support import rule_extract


@pytest.mark.parametrize("text", [
    "وقال مسؤولون أفغان إن أربعة عشر جنديا قتلوا في حادث إطلاق نار اليوم في قندهار.",
    "وقال جون بولتون إن الكثير من الشركات الأوروبية ستدعم الولايات المتحدة في قرارها.",
    "وقالت مصادر إسرائيلية إن طائرات حربية قصفت الليلة الماضية قافلة أسلحة قرب الحدود.",
])
def test_reporter_is_not_the_guessed_recipient(text):
    doc = rule_extract(text, published="2018-05-01")
    assert doc.events, "expected the reported event"
    for ev in doc.events:
        assert ev.reported_by is not None
        assert ev.reported_by.text not in {r.text for r in ev.recipient}, ev
