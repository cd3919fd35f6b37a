"""marsad.times: the pipeline stage and the event_date helper for the events stage."""

from marsad.model import Article, Document
from marsad.pipeline import Pipeline
from marsad.times import event_date

TITLE = "اشتباكات على الحدود"
BODY = ("قال الجيش أمس إن قواته صدت هجوما، وأضاف أن المعارك ستستأنف الأحد المقبل.\n"
        "وكانت المنطقة قد شهدت معارك مماثلة عام 2019.\n"
        "ودعا المجلس إلى ضبط النفس.")


def run(published="2025-07-12"):
    pipe = Pipeline(["marsad.text.v1", "marsad.times.v1"], raise_errors=True)
    return pipe(Article(id="t1", title=TITLE, text=BODY, published=published))


def test_times_stage_fills_doc_times_with_offsets_into_full_text():
    doc = run()
    assert [(t.text, t.value) for t in doc.times] == [
        ("أمس", "2025-07-11"), ("الأحد المقبل", "2025-07-13"), ("عام 2019", "2019")]
    for t in doc.times:
        assert doc.text[t.start:t.end] == t.text
    assert Document.from_dict(doc.to_dict()).times == doc.times


def test_times_event_date_prefers_same_clause_as_trigger():
    doc = run()
    first = doc.sentences[1]  # sentence 0 is the title
    trigger = doc.text.index("صدت")
    assert event_date(doc, first.start, first.end, anchor=trigger).value == "2025-07-11"
    later = doc.text.index("ستستأنف")
    assert event_date(doc, first.start, first.end, anchor=later).value == "2025-07-13"


def test_times_event_date_is_none_without_expression_in_span():
    doc = run()
    last = doc.sentences[-1]
    assert "ضبط" in doc.text[last.start:last.end]
    assert event_date(doc, last.start, last.end) is None


def test_times_event_date_prefers_day_over_year():
    doc = run()
    start = doc.text.index("قال")
    end = doc.text.index("ودعا")
    assert event_date(doc, start, end).granularity == "day"


def test_times_stage_without_published_keeps_expressions():
    doc = run(published=None)
    assert [t.value for t in doc.times] == [None, None, "2019"]
    assert doc.article.published_date is None
