"""Search matches Arabic as people type it: folded letters, no diacritics or tatweel, and
attached clitics (روسيا finds وروسيا، بروسيا، لروسيا)."""

from __future__ import annotations

import pytest

import marsad.store
from marsad.model import Article, Document
from marsad.store.search import index_terms, query_terms

ARTICLES = {
    "conj": ("لقاء في موسكو", "اجتمع وزير الخارجية السوري مع نظيره في موسكو وروسيا تعد بالدعم."),
    "prep": ("اتفاق تجاري", "وقعت الحكومة اتفاقا تجاريا بروسيا الأسبوع الماضي."),
    "lam": ("رسالة", "بعثت الحكومة رسالة لروسيا بشأن الحدود."),
    "hamza": ("أزمة الإسكان", "أعلنت الوزارة إنشاء ألف مسكن جديد في الإسكندرية."),
    "diacritics": ("مَدْرَسَةٌ جديدة", "افتُتِحَت المدرسـة الجديدة في قريـــة صغيرة على الحدود."),
    "maqsura": ("مستشفى", "زار الوزير مستشفى الأطفال في المدينة."),
}


@pytest.fixture
def store(store_target):
    docs = [Document(article=Article(id=k, title=t, text=x, source="s")) for k, (t, x) in ARTICLES.items()]
    with marsad.store.open(store_target, write=True) as s:
        marsad.store.ingest_documents(s, docs)
        yield s


def _found(store, query: str) -> set[str]:
    return {a["article_id"] for a in store.search(query)}


@pytest.mark.parametrize("query, expected", [
    ("روسيا", {"conj", "prep", "lam"}),           # وروسيا، بروسيا، لروسيا
    ("الحكومه", {"prep", "lam"}),                 # ة typed as ه
    ("الحكومة رسالة", {"lam"}),                    # every word required
    ("اسكان", {"hamza"}),                         # الإسكان: article and hamza folded
    ("الاسكندريه", {"hamza"}),
    ("أعلنت", {"hamza"}),
    ("مدرسة", {"diacritics"}),                    # مَدْرَسَةٌ and المدرسـة (tatweel)
    ("قرية", {"diacritics"}),                     # قريـــة
    ("مستشفي", {"maqsura"}),                      # ى typed as ي
    ("موسكو", {"conj"}),
    ("واشنطن", set()),
])
def test_store_search_matches_arabic_as_typed(store, query, expected):
    assert _found(store, query) == expected


def test_store_search_terms_hold_the_word_and_its_clitic_free_forms():
    terms = index_terms("وبالولايات المتحدة").split()
    assert {"وبالولايات", "بالولايات", "الولايات", "ولايات", "المتحده", "متحده"} <= set(terms)
    assert query_terms("  الحكومَة،  الحكومة ") == ["الحكومه"]


def test_store_search_query_without_words_is_refused(store):
    with pytest.raises(ValueError, match="no words"):
        store.search("؟! ...")
