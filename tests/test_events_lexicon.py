"""The trigger lexicon: every PLOVER type covered, inflections generated, bad entries explained."""

from __future__ import annotations

import pytest

from marsad.errors import KnowledgeError
from marsad.events.inflect import imperfect_forms, noun_forms, perfect_forms
from marsad.events.lexicon import _entry, load_lexicon
from marsad.model import PLOVER_TYPES
from marsad.text import normalize


def test_events_lexicon_covers_all_plover_types():
    lex = load_lexicon()
    assert {e.type for e in lex.entries} == set(PLOVER_TYPES)
    assert len(lex.entries) >= 250


@pytest.mark.parametrize("surface, lemma", [
    ("حذرت", "حذر"), ("يحذرون", "حذر"), ("تحذيرات", "حذر"), ("التقيا", "التقى"), ("يلتقي", "التقى"),
    ("دعت", "دعا"), ("يدعون", "دعا"), ("زيارته", "زار"), ("اعتقلوه", "اعتقل"), ("ألغت", "ألغى"),
    ("مظاهرات", "تظاهر"), ("اعتقالات", "اعتقل"), ("منددين", "ندد"),
])
def test_events_lexicon_inflected_forms_are_indexed(surface, lemma):
    lemmas = {e.lemma for e, _ in load_lexicon().get(normalize(surface))}
    assert lemma in lemmas


def test_events_lexicon_templates():
    assert {"حذرت", "حذروا", "حذرته"} <= perfect_forms("حذر")
    assert {"دعا", "دعت", "دعوا"} <= perfect_forms("دعا")
    assert {"الغت", "الغوا"} <= perfect_forms("ألغى")
    assert {"يحذرون", "تحذر", "نحذر", "يحذره"} <= imperfect_forms("يحذر")
    assert {"يدعو", "تدعو", "يدعون"} <= imperfect_forms("يدعو")
    assert {"زيارته", "زيارتها", "زيارات"} <= noun_forms("زيارة")
    # no feminine-plural ن: وعدن must read as و + عدن, not 'they promised'
    assert "وعدن" not in perfect_forms("وعد")


def test_events_lexicon_clitics_read_through():
    from marsad.events.matcher import find_triggers
    from marsad.text import tokenize

    toks = tokenize("وسيلتقي الرئيسان غدا")
    hits = find_triggers(toks, 0, len(toks), load_lexicon())
    assert hits and hits[0].entry.lemma == "التقى" and hits[0].future_prefix


def test_events_lexicon_bad_entry_names_the_key():
    with pytest.raises(KnowledgeError, match="type"):
        _entry({"lemma": "x", "type": "ATTACK", "source": "t"}, 7)
    with pytest.raises(KnowledgeError, match="words"):
        _entry({"lemma": "x", "type": "ASSAULT", "pos": "mwe", "source": "t"}, 8)
    with pytest.raises(ValueError, match="must start with"):
        imperfect_forms("تحذر")


@pytest.mark.parametrize("word", ["لاحقا", "نصف", "الحكم", "تكلفة", "دعونا", "هاتف", "لوحة"])
def test_events_lexicon_common_words_never_trigger(word):
    """Templates can produce other words (لاحق + ا = لاحقا 'later'): those never trigger."""
    from marsad.events.matcher import find_triggers
    from marsad.text import tokenize

    toks = tokenize(word)
    assert find_triggers(toks, 0, len(toks), load_lexicon()) == []
