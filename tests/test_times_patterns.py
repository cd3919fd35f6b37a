"""marsad.times grammar: form alternations prefer the longest form; each pattern's cue is in every match."""

import re

from marsad.text import normalize
from marsad.times import _alt, grammar

SENTENCES = [
    "وقعت الاتفاقية يوم الخميس 15 مايو 2018 في جنيف",
    "اعتقل في الخامس عشر من رمضان 1439 هـ بعد مداهمة",
    "وصل الوفد أمس، وكان قد غادر منذ ثلاثة أيام إلى العاصمة",
    "تعقد القمة في العاشر من الشهر المقبل، بعد اجتماع الأسبوع الماضي",
    "صدر القرار بتاريخ 15/5/2018 في عام 2018 الذي شهد انتخابات",
]


def test_times_alternation_prefers_the_longest_form():
    pattern = re.compile(_alt(["الخامس", "الخامس عشر", "الخامس والعشرين", "أول أمس", "أمس"]))
    assert pattern.match("الخامس عشر من مايو").group() == "الخامس عشر"
    assert pattern.match("الخامس   والعشرين").group() == "الخامس   والعشرين"
    assert pattern.match("الخامس من مايو").group() == "الخامس"
    assert pattern.match("اول امس").group() == "اول امس"  # forms are normalized
    assert pattern.match("السادس") is None


def test_times_pattern_cues_are_in_every_match():
    # A text without a pattern's cue skips that pattern, so the cue must be in all its matches.
    seen = set()
    for text in SENTENCES:
        for name, pattern, cue in grammar().patterns:
            for m in pattern.finditer(normalize(text)):
                seen.add(name)
                assert cue.search(m.group()), (name, m.group())
    assert {"weekday", "date", "hijri", "relday", "ago", "dayofmonth", "period", "numeric", "year"} <= seen
