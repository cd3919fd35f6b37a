"""Reading the training corpus: gold files, annotations joined with the news by id, judged sentences."""

from __future__ import annotations

import gzip
import json

import pytest

from marsad.events.corpus import CorpusError, fold_of, gold_article, read_gold, read_judged

# Invented articles written for these tests.
_NEWS = [
    {"id": "n-1", "title": "انسحاب القوات من البلدة", "text": "انسحبت القوات الحكومية من البلدة الحدودية فجر الأحد."},
    {"id": "n-2", "title": "", "text": "وقعت الحكومة والنقابات اتفاقا لإنهاء الإضراب."},
]


def _news_dir(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    with gzip.open(news / "written.jsonl.gz", "wt", encoding="utf-8") as fh:
        for article in _NEWS:
            fh.write(json.dumps(article, ensure_ascii=False) + "\n")
    return news


def _annotation(article_id: str, evidence: str) -> dict:
    return {"news_file": "written.jsonl.gz", "id": article_id, "published": "2018-03-04", "entities": [],
            "events": [{"type": "RETREAT", "actor": [], "recipient": [], "evidence": [evidence]}], "quotes": []}


def test_corpus_annotation_takes_its_text_from_the_news_file(tmp_path):
    news = _news_dir(tmp_path)
    made = tmp_path / "annotations"
    made.mkdir()
    (made / "n-1.json").write_text(json.dumps(_annotation("n-1", "انسحبت القوات الحكومية"), ensure_ascii=False),
                                   encoding="utf-8")
    (gold, ) = read_gold([made], news)
    assert gold["title"] == "انسحاب القوات من البلدة"
    assert gold["events"][0]["evidence"][0] in gold["text"]
    article = gold_article(gold)
    assert article.published.isoformat() == "2018-03-04" and article.text.startswith("انسحبت")


def test_corpus_annotation_of_a_missing_article_names_it(tmp_path):
    news = _news_dir(tmp_path)
    made = tmp_path / "annotations"
    made.mkdir()
    (made / "n-9.json").write_text(json.dumps(_annotation("n-9", "انسحبت"), ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CorpusError, match="n-9"):
        read_gold([made], news)
    with pytest.raises(CorpusError, match="--news"):
        read_gold([made], None)


def test_corpus_gold_without_text_or_events_is_refused(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"id": "x", "events": []}), encoding="utf-8")
    with pytest.raises(CorpusError, match="needs 'id', 'text' and 'events'"):
        read_gold([bad])
    with pytest.raises(CorpusError, match="does not exist"):
        read_gold([tmp_path / "absent"])


def test_corpus_malformed_publication_date_is_left_out():
    article = gold_article({"id": "x", "text": "نص قصير.", "published": "2012-20-15", "events": []})
    assert article.published is None


def test_corpus_judged_sentences_leave_out_ambiguous_ones(tmp_path):
    csv = tmp_path / "judged.csv"
    csv.write_text("id,event_type,label,text\n"
                   "a,PROTEST,yes,تظاهر المئات أمام البرلمان.\n"
                   "b,PROTEST,difficult no,قال الوزير إن المظاهرات لن تغير شيئا.\n"
                   "c,PROTEST,ambiguous,خرجت مسيرة في المدينة.\n", encoding="utf-8")
    judged = read_judged([csv])
    assert [(s.id, s.yes) for s in judged] == [("a", True), ("b", False)]


def test_corpus_folds_are_fixed_by_the_id():
    assert fold_of("BB-middleEast-1-20180101", 5) == fold_of("BB-middleEast-1-20180101", 5)
    assert {fold_of(f"article-{n}", 5) for n in range(50)} == set(range(5))
