"""Long articles: a text without punctuation is cut into bounded sentences, so per-sentence
stages stay linear; the bisection lookups give what a scan gives."""

import re

from marsad import extract
from marsad.model import Document, TimeExpression
from marsad.places import event_location
from marsad.text.sentences import MAX_SENTENCE_CHARS, split_sentences
from marsad.times import event_date
from support import doc_with_entities

WORDS = ("أكد رئيس الوزراء العراقي في بغداد اليوم أن الحكومة ماضية في تنفيذ برنامجها الإصلاحي "
         "وأن الانتخابات المقبلة ستجري في موعدها المحدد رغم التحديات الأمنية والاقتصادية").split()


def _plain(n_words: int) -> str:
    return " ".join(WORDS[i % len(WORDS)] for i in range(n_words))


def test_unpunctuated_text_is_cut_at_spaces_into_bounded_sentences():
    text = _plain(3000)
    spans = split_sentences(text)
    assert len(spans) > 1
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    # Nothing lost, nothing cut inside a word: the pieces give back every word in order.
    assert " ".join(text[s:e] for s, e in spans).split() == text.split()
    assert all(text[s - 1].isspace() for s, _ in spans[1:])


def test_a_long_sentence_is_cut_after_a_comma_when_there_is_one():
    clause = _plain(20)
    text = "، ".join([clause] * 12) + "."
    spans = split_sentences(text)
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    assert all(text[e - 1] == "،" for _, e in spans[:-1])


def test_short_sentences_are_untouched():
    text = "قال الوزير إن المحادثات مستمرة. وأضاف أن الوفد سيعود غدا؟ نعم."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "قال الوزير إن المحادثات مستمرة.", "وأضاف أن الوفد سيعود غدا؟", "نعم."]


def test_unclosed_quotation_over_a_long_paragraph_still_splits():
    body = " ".join(f"وقال المتحدث إن الجولة {i} انتهت." for i in range(400))
    text = "«" + body  # never closed: the punctuation inside still ends sentences
    spans = split_sentences(text)
    assert len(spans) >= 400
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)


def test_long_unpunctuated_article_offsets_exact():
    doc = extract(_plain(4000), published="2025-03-02")
    assert not doc.errors
    assert all(s.end - s.start <= MAX_SENTENCE_CHARS for s in doc.sentences)
    text = doc.text
    for ent in doc.entities:
        assert text[ent.start:ent.end] == ent.text
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text


def _scan_location_names(doc: Document, start: int, end: int) -> list[str]:
    """Places whose mentions lie inside [start, end), by a plain scan (what the index replaces)."""
    return sorted({e.text for e in doc.entities for m in e.mentions
                   if e.type in ("GPE", "LOC") and start <= m.start and m.end <= end})


def test_event_location_with_many_mentions_finds_the_clause_place():
    sentences = ["تظاهر المئات في بغداد للمطالبة بالإصلاح.", "وقصفت الطائرات مواقع في الموصل.",
                 "واجتمع الوزراء في البصرة لبحث الموازنة."]
    text = " ".join(sentences * 60)
    doc = doc_with_entities(text, [("T1", "GPE", "بغداد", "IRQ"), ("T2", "GPE", "الموصل", "IRQ"),
                                   ("T3", "GPE", "البصرة", "IRQ")])
    for m in re.finditer(re.escape(sentences[1]), text):
        loc = event_location(doc, m.start(), m.end())
        assert loc is not None and loc.text == "الموصل"
        assert text[loc.start:loc.end] == "الموصل"
        assert _scan_location_names(doc, m.start(), m.end()) == ["الموصل"]
    # Entities changed after a first call: the index follows.
    doc.entities = [e for e in doc.entities if e.text != "الموصل"]
    first = text.index(sentences[1])
    assert event_location(doc, first, first + len(sentences[1])) is None


def test_event_date_over_many_times_takes_the_one_in_the_span():
    text = " ".join(f"في {d} مارس 2024 وقع الانفجار." for d in range(1, 29))
    doc = Document(article=doc_with_entities(text, []).article)
    doc.times = []
    for m in re.finditer(r"\d+ مارس 2024", text):
        day = int(m.group().split()[0])
        doc.times.append(TimeExpression(m.start(), m.end(), m.group(), f"2024-03-{day:02d}", "day"))
    for i, t in enumerate(doc.times):
        span_start = text.rfind("في", 0, t.start)
        span_end = text.find(".", t.end) + 1
        assert event_date(doc, span_start, span_end).value == f"2024-03-{i + 1:02d}"
    doc.times = list(reversed(doc.times))  # out of order: still right
    assert event_date(doc, 0, text.find(".") + 1).value == "2024-03-01"
