"""Tokens keep surface spans; clitic readings are offered, Latin and digit tokens stay whole."""

from marsad.text import clitic_splits, normalize, tokenize


def _readings(word: str) -> list[str]:
    return ["+".join(prefix + (stem,)) for prefix, stem in clitic_splits(normalize(word))]


def test_text_tokens_clitic_readings():
    assert "و+ب+ال+ولايات" in _readings("وبالولايات")
    assert "ل+ال+رييس" in _readings("للرئيس")  # normalized: ئ -> ي
    assert "و+س+يعقد" in _readings("وسيعقد")
    assert _readings("القاهرة")[0] == "القاهره"  # the unsplit reading comes first


def test_text_tokens_short_stems_not_split():
    # "ولد" must not become و + لد; stems shorter than two letters are never offered.
    assert all(len(stem) >= 2 for _, stem in clitic_splits("ولد"))
    assert clitic_splits("في") == (((), "في"),)


def test_text_tokens_latin_and_digits_whole():
    text = "أفادت KCNA بأن طائرة F-16 سقطت عام 2025 بخسائر 3.5 مليار، وU.S. تنفي ١٢٣."
    tokens = [t.text for t in tokenize(text)]
    for whole in ("KCNA", "F-16", "2025", "3.5", "U.S", "١٢٣"):
        assert whole in tokens
    assert "بأن" in tokens and "،" in tokens


def test_text_tokens_offsets_and_norm():
    text = "وصلَ الرئيــس إلى ﻻهاي"
    for tok in tokenize(text):
        assert text[tok.start:tok.end] == tok.text
        assert tok.norm == normalize(tok.text)
    assert [t.norm for t in tokenize(text)][:2] == ["وصل", "الرييس"]


def test_text_tokens_range():
    text = "عنوان\nقال الوزير"
    tokens = tokenize(text, 6)
    assert [t.text for t in tokens] == ["قال", "الوزير"] and tokens[0].start == 6


def test_text_tokens_norms_are_normalized_words():
    # Most norms are slices of the folded text; words with harakat, tatweel or a ligature are
    # normalized one by one: either way a token's norm is normalize(its text).
    text = "قالَ الرئيسُ إن الخارجـية ﻻ تعلق على ١٢٣ تقريراً، وأضاف KCNA أن الوفد\u200c غادر"
    for start in (0, 3, 17):
        tokens = tokenize(text, start)
        assert tokens[0].start >= start
        for t in tokens:
            assert t.norm == normalize(t.text), t
            assert t.is_arabic == ("\u0621" <= t.norm[:1] <= "\u06ff")
    norms = [t.norm for t in tokenize(text)]
    assert "الرييس" in norms and "الخارجيه" in norms and "لا" in norms and "123" in norms


def test_text_tokens_equal_and_hashable():
    text = "قال الرئيس إن الرئيس سيزور"
    first, second = tokenize(text), tokenize(text)
    assert first == second
    assert len({first[1], second[1], first[3]}) == 2  # equal tokens hash alike
