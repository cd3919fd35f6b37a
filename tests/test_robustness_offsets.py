"""Offsets hold on any text: property-based tests over mutated Arabic news.

Every record with offsets gives back its `text` from `doc.text[start:end]`, no stage raises,
and a Document survives a JSON round trip. CI runs a fixed budget (MARSAD_FUZZ_EXAMPLES
raises it for a long run).
"""

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad import extract
from marsad.model import Actor, Article, Document, Event, Sentence, Span
from marsad.pipeline import Pipeline

BASE = [
    "القاهرة (أ ش أ) – استقبل الرئيس المصري اليوم الأحد وزير الخارجية الأمريكي في قصر الاتحادية.",
    "وأجرى الرئيس اتصالا هاتفيا مع نظيره الروسي بحثا خلاله الأوضاع في سوريا.",
    "وقال المتحدث باسم الخارجية الإيرانية إن «طهران لن تقبل بأي تهديد»، بحسب وكالة إرنا.",
    "قُتل ثلاثة جنود وأصيب خمسة آخرون في هجوم بعبوة ناسفة قرب مدينة الموصل شمالي العراق أمس.",
    "تظاهر الآلاف في شوارع تونس العاصمة يوم 14 يناير 2025 احتجاجا على غلاء الأسعار.",
    "ودعت الأمم المتحدة الأطراف المتنازعة في السودان إلى وقف فوري لإطلاق النار، وحذرت من مجاعة.",
    "واتهمت وزارة الدفاع الروسية أوكرانيا بقصف منشآت مدنية في مدينة بيلغورود الليلة الماضية.",
    "وأعلن الاتحاد الأوروبي فرض عقوبات جديدة على شركات متهمة بتزويد موسكو بالطائرات المسيرة.",
]
# Marks that real pages carry: harakat, tatweel, bidi controls, zero-width joiners, quotes,
# brackets, emoji, odd spaces, line breaks.
NOISE = list("\u064b\u064e\u064f\u0650\u0651\u0652\u0640\u200e\u200f\u202a\u202b\u202c\u202e\u2066\u2067"
             "\u2069\u200c\u200d\ufeff«»\"“”'()[]{}،؛؟.!:-–—\u00a0\t\n\r") + ["😀", "🇸🇦", "‏#", "\u2028", "  "]


@st.composite
def mutated_article(draw) -> tuple[str, str]:
    text = " ".join(draw(st.lists(st.sampled_from(BASE), min_size=1, max_size=4)))
    for _ in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from(["insert", "noise", "delete", "cut", "char"]))
        pos = draw(st.integers(0, len(text)))
        if kind == "noise" or kind == "insert":
            piece = draw(st.sampled_from(NOISE)) if kind == "noise" else draw(st.sampled_from(BASE))[:draw(
                st.integers(1, 40))]
            text = text[:pos] + piece + text[pos:]
        elif kind == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 6)):]
        elif kind == "cut":
            text = text[:pos] if draw(st.booleans()) else text[pos:]
        else:  # any code point, surrogates included (an Article turns those into U+FFFD)
            text = text[:pos] + draw(st.characters(min_codepoint=0, max_codepoint=0x10FFFF)) + text[pos:]
    title = draw(st.one_of(st.just(""), st.sampled_from(BASE).map(lambda s: s[:60])))
    return title, text


def _spans(doc: Document):
    """(what, start, end, text) of every record that carries offsets and a surface."""
    for e in doc.entities:
        yield "entity", e.start, e.end, e.text
        for m in e.mentions:
            yield "mention", m.start, m.end, m.text
    for ev in doc.events:
        yield "evidence", ev.evidence.start, ev.evidence.end, ev.evidence.text
        yield "trigger", ev.trigger.start, ev.trigger.end, ev.trigger.text
        for span in ev.also:
            yield "also", span.start, span.end, span.text
        for a in [*ev.actor, *ev.recipient, ev.reported_by, ev.location]:
            if a is not None and a.start is not None:
                yield "party", a.start, a.end, a.text
    for q in doc.quotes:
        yield "quote", q.start, q.end, q.text
        for a in (q.speaker, q.via):
            if a is not None and a.start is not None:
                yield "speaker", a.start, a.end, a.text
    for p in doc.places:
        yield "place", p.start, p.end, p.text
    for t in doc.times:
        yield "time", t.start, t.end, t.text
    if doc.dateline:
        yield "dateline", doc.dateline.start, doc.dateline.end, doc.dateline.text


BUDGET = settings(max_examples=int(os.environ.get("MARSAD_FUZZ_EXAMPLES", "200")), deadline=None,
                  suppress_health_check=[HealthCheck.too_slow], derandomize="MARSAD_FUZZ_EXAMPLES" not in os.environ)


@BUDGET
@given(mutated_article())
def test_extract_on_mutated_arabic_keeps_every_offset(article):
    title, text = article
    doc = extract(text, title=title, published="2025-01-15")
    assert not [e for e in doc.errors if e.code != "E104"], doc.errors  # no stage raised
    full = doc.text
    for what, start, end, surface in _spans(doc):
        assert 0 <= start <= end <= len(full), (what, start, end)
        assert full[start:end] == surface, (what, full[start:end], surface)
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(full)
    back = Document.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)))
    assert back == doc
    json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8")  # writable as UTF-8


def test_counterpart_phrase_actor_text_is_the_whole_phrase():
    # Whatever phrase a stage grows a party into, its text is the words at its offsets.
    text = "وأجرى الرئيس اتصالا هاتفيا مع نظيره الروسي"
    start = text.index("نظيره")
    pipeline = Pipeline(["marsad.text.v1"])

    def counterpart_event(doc: Document) -> Document:
        actor = Actor(code="RUS", text="الروسي", start=start, end=len(text))  # text of the NORP alone
        doc.events.append(Event(id="E1", type="CONSULT", actor=[], recipient=[actor],
                                evidence=Span(0, len(text), text), sentence=Sentence(0, len(text)),
                                trigger=Span(13, 19, text[13:19]), reported_by=Actor(code="RUS", text="x",
                                                                                      start=start, end=start + 5)))
        return doc

    pipeline._stages.append(("counterpart", counterpart_event))
    pipeline.stage_seconds["counterpart"] = 0.0
    (ev,) = pipeline(Article(id="c", text=text)).events
    assert ev.recipient[0].text == "نظيره الروسي"
    assert ev.reported_by.text == "نظيره"


def test_extracted_parties_are_exact():
    doc = extract("وأجرى الرئيس اتصالا هاتفيا مع نظيره الروسي، وبحثا العلاقات بين البلدين.")
    for ev in doc.events:
        for a in [*ev.actor, *ev.recipient, ev.reported_by]:
            if a is not None and a.start is not None:
                assert a.text == doc.text[a.start:a.end]
