"""A counted group before a verb of harm is its victims: news counts who was killed, wounded or
kidnapped (14 جنديا قتلوا reads "were killed"), not who did it."""

import pytest

from marsad import extract


@pytest.mark.parametrize("text, victims", [
    ("وقال مسؤولون أفغان إن 14 جنديا قتلوا في حادث إطلاق نار اليوم.", "جنديا"),
    ("وقال مسؤولون عراقيون إن سبعة جنود قتلوا في هجوم على نقطة تفتيش اليوم.", "جنود"),
    ("وأفاد مصدر طبي بأن 12 شرطيا أصيبوا في انفجار سيارة مفخخة صباح اليوم.", "شرطيا"),
])
def test_counted_group_before_harm_verb_is_the_victims(text, victims):
    doc = extract(text, published="2018-05-01")
    (attack,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert victims in {r.text for r in attack.recipient}
    assert victims not in {a.text for a in attack.actor}


def test_soldiers_who_kill_counted_militants_stay_the_doers():
    doc = extract("وقال الجيش إن جنودا قتلوا ثلاثة مسلحين في اشتباك قرب الحدود.", published="2018-05-01")
    (attack,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert "مسلحين" in {r.text for r in attack.recipient}
