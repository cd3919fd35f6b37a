"""Sentence splitting on news paragraphs, and wire datelines."""

import pytest

from marsad.text import split_sentences
from marsad.text.sentences import find_dateline


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_text_sentences_news_paragraph_with_decimal_and_abbreviation():
    text = ("أعلن البنك المركزي أن معدل النمو بلغ 3.5 في المئة خلال الربع الأول. "
            "ونقلت وكالة أ.ف.ب عن مسؤول قوله إن التوقعات تحسنت! "
            "هل يستمر التحسن؟ يرى محللون ذلك؛ لكن المخاطر قائمة.")
    assert _sentences(text) == [
        "أعلن البنك المركزي أن معدل النمو بلغ 3.5 في المئة خلال الربع الأول.",
        "ونقلت وكالة أ.ف.ب عن مسؤول قوله إن التوقعات تحسنت!",
        "هل يستمر التحسن؟",
        "يرى محللون ذلك؛",
        "لكن المخاطر قائمة.",
    ]


def test_text_sentences_initials_and_latin_abbreviations():
    text = "وأوضح د. خالد المنصور أن U.S. Navy ستشارك في التدريب. وانتهى الاجتماع مساء."
    assert _sentences(text) == ["وأوضح د. خالد المنصور أن U.S. Navy ستشارك في التدريب.",
                                "وانتهى الاجتماع مساء."]


def test_text_sentences_bullets_and_lines():
    text = ("وتضمن البيان الختامي ما يلي:\n"
            "- الدعوة إلى وقف فوري لإطلاق النار.\n"
            "• فتح الممرات الإنسانية دون شروط.\n"
            "1. إطلاق سراح المحتجزين")
    assert _sentences(text) == ["وتضمن البيان الختامي ما يلي:",
                                "الدعوة إلى وقف فوري لإطلاق النار.",
                                "فتح الممرات الإنسانية دون شروط.",
                                "إطلاق سراح المحتجزين"]


def test_text_sentences_quote_spanning_sentences_stays_whole():
    text = ("وقال المتحدث باسم الجيش: «لن نسمح بتكرار الهجوم. وسنرد بحزم على أي اعتداء». "
            'وأضاف أن "الوضع تحت السيطرة. والتحقيقات جارية" دون أن يقدم تفاصيل. ثم غادر.')
    assert _sentences(text) == [
        "وقال المتحدث باسم الجيش: «لن نسمح بتكرار الهجوم. وسنرد بحزم على أي اعتداء».",
        'وأضاف أن "الوضع تحت السيطرة. والتحقيقات جارية" دون أن يقدم تفاصيل.',
        "ثم غادر.",
    ]


def test_text_sentences_offsets_point_into_text_with_start():
    title = "عنوان الخبر"
    text = title + "\nجملة أولى. جملة ثانية."
    spans = split_sentences(text, len(title) + 1)
    assert [text[s:e] for s, e in spans] == ["جملة أولى.", "جملة ثانية."]
    assert spans[0][0] == len(title) + 1


@pytest.mark.parametrize("line, place, agency, dateline", [
    ("سيول، كوريا الجنوبية (AP) – قالت وزارة الدفاع", "سيول، كوريا الجنوبية", "AP",
     "سيول، كوريا الجنوبية (AP) –"),
    ("واشنطن (رويترز) - قال مسؤولون", "واشنطن", "رويترز", "واشنطن (رويترز) -"),
    ("باريس (أ ف ب) - أعلنت الرئاسة", "باريس", "أ ف ب", "باريس (أ ف ب) -"),
    ("بيروت، 14 آذار (رويترز) - قال الوزير", "بيروت", "رويترز", "بيروت، 14 آذار (رويترز) -"),
    ("الدوحة في 20 يناير /قنا/ أكد الوزير", "الدوحة", "قنا", "الدوحة في 20 يناير /قنا/"),
    ("الرياض 20 رجب 1446 هـ الموافق 20 يناير 2025 م واس استقبل الأمير", "الرياض", "واس",
     "الرياض 20 رجب 1446 هـ الموافق 20 يناير 2025 م واس"),
    ("أبوظبي في 3 مارس / وام / استقبل الرئيس", "أبوظبي", "وام", "أبوظبي في 3 مارس / وام /"),
    ("الكويت - 20 - 1 (كونا) -- استقبل سمو الأمير", "الكويت", "كونا", "الكويت - 20 - 1 (كونا) --"),
    ("الدوحة - قنا - أكد رئيس الوزراء", "الدوحة", "قنا", "الدوحة - قنا -"),
])
def test_text_sentences_agency_datelines(line, place, agency, dateline):
    m = find_dateline(line)
    assert m is not None
    assert (m.place, m.agency, line[m.start:m.end]) == (place, agency, dateline)
    # the dateline is a sentence of its own
    assert _sentences(line + ".")[0] == dateline


def test_text_sentences_bare_dateline_only_on_request():
    line = "طهران – أعلنت الخارجية الإيرانية"
    assert find_dateline(line) is None
    m = find_dateline(line, bare=True)
    assert m is not None and m.place == "طهران" and m.agency is None


def test_text_sentences_no_dateline_in_plain_sentence():
    assert find_dateline("قال وزير الخارجية إن بلاده تدعم الحوار.") is None
