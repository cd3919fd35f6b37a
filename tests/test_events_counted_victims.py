"""A counted group before a verb of harm is its victims: news counts who was killed, wounded or
kidnapped (14 جنديا قتلوا reads "were killed"), not who did it."""

import pytest

from support import rule_extract


@pytest.mark.parametrize("text, victims", [
    ("وقال مسؤولون أفغان إن 14 جنديا قتلوا في حادث إطلاق نار اليوم.", "جنديا"),
    ("وقال مسؤولون عراقيون إن سبعة جنود قتلوا في هجوم على نقطة تفتيش اليوم.", "جنود"),
    ("وأفاد مصدر طبي بأن 12 شرطيا أصيبوا في انفجار سيارة مفخخة صباح اليوم.", "شرطيا"),
])
def test_counted_group_before_harm_verb_is_the_victims(text, victims):
    doc = rule_extract(text, published="2018-05-01")
    (attack,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert victims in {r.text for r in attack.recipient}
    assert victims not in {a.text for a in attack.actor}


def test_soldiers_who_kill_counted_militants_stay_the_doers():
    doc = rule_extract("وقال الجيش إن جنودا قتلوا ثلاثة مسلحين في اشتباك قرب الحدود.", published="2018-05-01")
    (attack,) = [e for e in doc.events if e.type == "ASSAULT"]
    assert "مسلحين" in {r.text for r in attack.recipient}


@pytest.mark.parametrize("text", [
    "وأعلنت وزارة الداخلية أن عشرة شرطيين أصيبوا في هجوم انتحاري على مركز للشرطة.",
    "وقتل ثلاثة أشخاص في تفجير انتحاري استهدف سوقا شعبيا صباح اليوم.",
])
def test_same_words_are_never_both_doer_and_target(text):
    doc = rule_extract(text, published="2018-05-01")
    assert doc.events
    for ev in doc.events:
        doers = {(a.start, a.end) for a in ev.actor if a.text}
        assert not doers & {(r.start, r.end) for r in ev.recipient if r.text}, ev
