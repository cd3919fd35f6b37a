"""A Document with every kind of record survives a JSON round trip unchanged."""

import datetime as dt
import json

import pytest

from marsad.model import (
    Actor,
    Article,
    Attribution,
    Dateline,
    Document,
    Entity,
    ErrorRecord,
    Event,
    Location,
    Mention,
    Place,
    Provenance,
    Quote,
    Sentence,
    Span,
    TimeExpression,
)

TITLE = "لافروف يحذر من التصعيد"
BODY = ("موسكو (تاس) – حذر وزير الخارجية الروسي سيرغي لافروف الولايات المتحدة من التصعيد. "
        "وقال لافروف: «لن نقبل بالتهديدات».")


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def build_document() -> Document:
    article = Article(id="rt-1", title=TITLE, text=BODY, published="2025-03-04",
                      source="اختبار", url="https://example.org/x", meta={"section": "دولي"})
    text = article.full_text
    ls, le = _span(text, "سيرغي لافروف")
    us, ue = _span(text, "الولايات المتحدة")
    ms, me = _span(text, "موسكو")
    qs, qe = _span(text, "لن نقبل بالتهديدات")
    s2 = text.index("وقال")
    lav = Entity(id="e1", type="PER", text="سيرغي لافروف", start=ls, end=le, name="Sergey Lavrov",
                 code="RUS", sector="GOV", office="Minister of Foreign Affairs", kb_id="Q131729",
                 confidence=0.93, how="lexicon",
                 mentions=[Mention(ls, le, "سيرغي لافروف", "lexicon"),
                           Mention(s2 + 5, s2 + 11, "لافروف", "coref")])
    usa = Entity(id="e2", type="GPE", text="الولايات المتحدة", start=us, end=ue, name="United States",
                 code="USA", mentions=[Mention(us, ue, "الولايات المتحدة")])
    ev = Event(
        id="ev1", type="THREATEN", mode="warn",
        actor=[Actor(code="RUS", name="Sergey Lavrov", sector="GOV", text="سيرغي لافروف", entity="e1",
                     start=ls, end=le)],
        recipient=[Actor(code="USA", name="United States", entity="e2", start=us, end=ue)],
        evidence=Span(ls - 30, ue, text[ls - 30:ue]), sentence=Sentence(len(TITLE) + 1, s2 - 1),
        trigger=Span(ls - 33, ls - 30, text[ls - 33:ls - 30]), quad=3, cameo="13",
        location=Location(name="Moscow", lat=55.75, lon=37.62, geonameid=524901, country="RUS",
                          text="موسكو", start=ms, end=me),
        date="2025-03-04", date_text=None, negated=False, future=True,
        reported_by=Actor(code="RUS", name="TASS", sector="MED", text="تاس"),
        rule="warn.v1", confidence=0.71, also=[Span(qs, qe, "لن نقبل بالتهديدات")])
    quote = Quote(id="q1", start=qs, end=qe, text=text[qs:qe],
                  speaker=Attribution(name="Sergey Lavrov", text="لافروف", entity="e1"),
                  via=Attribution(name="TASS", text="تاس"), verb="قال", confidence=0.8)
    place = Place(entity="e3", name="Moscow", text="موسكو", start=ms, end=me, geonameid=524901,
                  lat=55.75, lon=37.62, country="RUS", admin1="48", feature_class="P",
                  feature_code="PPLC", population=10381222, confidence=0.9)
    return Document(
        article=article, sentences=[Sentence(0, len(TITLE)), Sentence(len(TITLE) + 1, s2 - 1)],
        entities=[lav, usa], events=[ev], quotes=[quote], places=[place],
        times=[TimeExpression(0, 0, "", "2025-03-04", "day"),
               TimeExpression(1, 2, "x", None, None)],
        dateline=Dateline(len(TITLE) + 1, len(TITLE) + 14, "موسكو (تاس) –", "موسكو", "تاس"),
        errors=[ErrorRecord(code="E301", message="boom; retry", stage="marsad.events.v1", where="rt-1")],
        provenance=Provenance(marsad="0.1.0", knowledge="k1", stages=["marsad.text.v1"]),
        layers={"tokens": ["not serialized"]},
    )


def test_model_roundtrip_json_equal():
    doc = build_document()
    payload = json.dumps(doc.to_dict(), ensure_ascii=False)
    back = Document.from_dict(json.loads(payload))
    assert back == doc  # layers are excluded from comparison and serialization
    assert back.to_dict() == doc.to_dict()
    assert back.layers == {}
    assert isinstance(back.events[0].location, Location)
    assert isinstance(back.quotes[0].speaker, Attribution)
    assert back.article.published == dt.date(2025, 3, 4)


def test_model_offsets_give_surface_forms():
    doc = build_document()
    for ent in doc.entities:
        assert doc.text[ent.start:ent.end] == ent.text
        for m in ent.mentions:
            assert doc.text[m.start:m.end] == m.text
    q = doc.quotes[0]
    assert doc.text[q.start:q.end] == q.text
    assert doc.text[doc.dateline.start:doc.dateline.end] == doc.dateline.text


def test_model_output_top_level_fields_for_scorer():
    record = build_document().to_dict()
    for key in ("id", "title", "text", "published", "entities", "events", "quotes"):
        assert key in record
    assert record["published"] == "2025-03-04"
    assert "layers" not in record and "article" not in record


def test_model_datetime_published_roundtrip():
    art = Article(id="a", text="نص", published="2025-03-04T10:15:00+03:00")
    back = Document.from_dict(json.loads(json.dumps(Document(article=art).to_dict())))
    assert back.article.published == art.published and back.article.published_date == dt.date(2025, 3, 4)


def test_model_bad_published_says_what_to_write():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        Article(id="a", text="نص", published="04/03/2025")
