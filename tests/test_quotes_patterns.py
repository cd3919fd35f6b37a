"""marsad.quotes matching helpers: frame patterns and mention lookups are exact, not approximate."""

import re

from marsad.knowledge import load_jsonl
from marsad.model import Entity
from marsad.quotes.finder import _Ctx, _Mention
from marsad.quotes.frames import REPORTING_FILE, _form_pieces, fold, form_key, frames
from marsad.text import normalize

SENTENCES = [
    "وقالَت الوزيرة إن الحكومة ستواصل دعمها، وأضافـت أن الخطة جاهزة",
    "ونقلت وكالة الأنباء عن المتحدث قوله إن المحادثات مستمرة",
    "وأكد الرئيس، وفقا لبيان الرئاسة، أن الاتفاق سيوقع قريبا",
    "وأوضح مصدر مطلع في تصريح لـ«الشرق الأوسط» أن الوفد غادر، بحسب ما أفادت مصادر محلية",
]


def test_quotes_frame_patterns_match_like_longest_first_lists():
    entries = load_jsonl(REPORTING_FILE)
    f = frames()
    found = 0
    for kind, tree in (("verb", f.triggers), ("via_phrase", f.via_phrases), ("speaker_phrase", f.speaker_phrases)):
        keys = {form_key(normalize(form)) for x in entries if x["kind"] == kind for form in x["forms"]}
        flat = re.compile(r"(?<!\w)(?:[وف](?=\w))?(?P<t>" + "|".join(
            "".join(_form_pieces(k)) for k in sorted(keys, key=len, reverse=True)) + ")")
        for text in SENTENCES:
            spans = [m.span("t") for m in tree.finditer(fold(text))]
            assert spans == [m.span("t") for m in flat.finditer(fold(text))], (kind, text)
            found += len(spans)
    assert found >= 8


def test_quotes_mentions_within_equals_a_scan():
    text = "وقال وزير الخارجية سامح شكري للصحفيين في القاهرة إن مصر ترفض التهجير"
    mentions = []
    for surface, etype in (("وزير الخارجية", "ROLE"), ("سامح شكري", "PER"), ("القاهرة", "GPE"), ("مصر", "GPE")):
        s = text.index(surface)
        mentions.append(_Mention(s, s + len(surface), Entity(id=f"T{len(mentions)}", type=etype, start=s,
                                                             end=s + len(surface), text=surface)))
    ctx = _Ctx(text, fold(text), mentions, [], [(0, len(text))], [], [])
    for start in range(0, len(text) + 1, 3):
        for end in range(start, len(text) + 2, 4):
            assert ctx.within(start, end) == [m for m in mentions if start <= m.start and m.end <= end]
