"""Normalization folds for matching and maps every span back to the original characters."""

import pytest

from marsad.text import normalize, normalize_with_map


def _roundtrip(original: str, needle: str, expected_surface: str) -> None:
    nt = normalize_with_map(original)
    i = nt.norm.find(needle)
    assert i >= 0, (nt.norm, needle)
    s, e = nt.to_original(i, i + len(needle))
    assert original[s:e] == expected_surface


@pytest.mark.parametrize("original, needle, surface", [
    # harakat dropped, the surface keeps them
    ("قال إنّ الرئيسَ المصريَّ سيزور بكين", "الرييس المصري", "الرئيسَ المصريَّ"),
    # tatweel inside a word
    ("أعلنت وزارة الخارجـــية الأمريكية", "الخارجيه الامريكيه", "الخارجـــية الأمريكية"),
    # lam-alef presentation form expands to two letters
    ("قالت إنها \ufefb تقبل بالشروط", "لا تقبل", "\ufefb تقبل"),
    # zero-width and bidi controls vanish
    ("وصل \u200fالوفد\u200c الروسي\u2069 إلى دمشق", "الوفد الروسي", "الوفد\u200c الروسي"),
    # Arabic-Indic and Persian digits fold to ASCII, one for one
    ("قتل ١٥ شخصا في ۲۰۲۵", "15 شخصا في 2025", "١٥ شخصا في ۲۰۲۵"),
    # hamza forms, alef maqsura, taa marbuta
    ("مؤتمر في مدينة إسطنبول على البحر", "مدينه اسطنبول علي", "مدينة إسطنبول على"),
])
def test_text_normalize_span_maps_back(original, needle, surface):
    _roundtrip(original, needle, surface)


def test_text_normalize_identity_map_when_only_substitutions():
    nt = normalize_with_map("أعلنت الحكومة")
    assert nt.index is None
    assert nt.norm == "اعلنت الحكومه"
    assert nt.to_original(0, 5) == (0, 5)


def test_text_normalize_index_covers_every_character():
    text = "\ufeffالرئيسُ \ufef5 ـ لبنان\u200b ٣"
    nt = normalize_with_map(text)
    assert len(nt.index) == len(nt.norm)
    assert list(nt.index) == sorted(nt.index)
    for i, ch in enumerate(nt.norm):
        # every normalized character comes from an original one that normalizes to include it
        assert ch in normalize(text[nt.index[i]]) or normalize(text[nt.index[i]]) == ""


def test_text_normalize_agrees_with_mapped_version():
    text = "وقال الوزيرُ: «لن نتراجـع» عن ﷲ ١٢"
    assert normalize(text) == normalize_with_map(text).norm


def test_text_normalize_long_text_folds_like_its_words():
    # Long strings go through regexes and replace passes, short ones through one translate
    # table and a cache: the same result either way.
    words = ("أعلنت وزارة الخارجـية المصريّة إطلاقَ مبادرة \u200fجديدة للسلام في ٢٠٢٥ مع ﻻعبين "
             "إقليميين باسم ﷲ").split()
    text = " ".join(words)
    assert len(text) > 48
    assert normalize(text) == " ".join(normalize(w) for w in words)
    assert normalize(text) == normalize(text)  # a second call (cached or not) agrees


def test_text_normalize_char_fold_refuses_chained_mapping():
    from marsad.text.normalize import CharFold

    fold = CharFold({"أ": "ا", "ة": "ه"})
    assert fold("مدينة أسوان " * 5) == "مدينه اسوان " * 5
    with pytest.raises(ValueError, match="not keys"):
        CharFold({"أ": "ا", "ا": "ء"})  # one replace pass after another would fold twice
