"""A prefix-tree alternation matches exactly what the same forms listed longest first match."""

import re

from marsad.text.alternation import tree_alternation

_MARKS = "[\u064b-\u065f\u0670\u0640]*"


def _times_pieces(form):
    return [r"\s+" if ch == " " else re.escape(ch) for ch in form]


def _marked_pieces(form):
    # quotes-style: harakat may sit before every letter but a word's first, a word boundary at the end
    pieces = []
    for n, word in enumerate(form.split()):
        if n:
            pieces.append(r"\s+")
        pieces += [re.escape(c) if i == 0 else _MARKS + re.escape(c) for i, c in enumerate(word)]
    return pieces + [_MARKS + r"(?!\w)"]


def _agree(forms, make_pieces, texts):
    tree = re.compile(tree_alternation(make_pieces(f) for f in forms))
    flat = re.compile("|".join("".join(make_pieces(f)) for f in sorted(forms, key=len, reverse=True)))
    for text in texts:
        got = [m.span() for m in tree.finditer(text)]
        assert got == [m.span() for m in flat.finditer(text)], text
        yield got


def test_text_alternation_prefers_longest_form():
    forms = ["امس", "اول امس", "اول", "الخامس", "الخامس عشر"]
    texts = ["وصل اول امس الي", "في الخامس   عشر من", "الخامس من", "اوله"]
    spans = list(_agree(forms, _times_pieces, texts))
    assert spans[0][0] == (4, 11) and spans[1][0] == (3, 15)


def test_text_alternation_with_marks_between_letters():
    forms = ["قال", "قالت", "قال ان", "اضاف", "اضافت"]
    texts = ["وقالَت الوزيرة", "قال   ان الحكومة", "واضافـت المصادر", "قالوا", "قالَ"]
    spans = list(_agree(forms, _marked_pieces, texts))
    assert spans[0] == [(1, 6)]  # قالَت, the haraka inside
    assert spans[3] == []  # قالوا is not قال


def test_text_alternation_of_one_form_is_that_form():
    assert tree_alternation([["a", "b"]]) == "ab"
