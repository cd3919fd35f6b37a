"""Shared by the store tests: Arabic articles written for them, Documents built by hand, and
the store under test (a SQLite file, or a PostgreSQL database when a server can be had)."""

from __future__ import annotations

import json
import random
from pathlib import Path

from marsad.model import (
    Actor,
    Article,
    Document,
    Entity,
    Event,
    Location,
    Mention,
    Provenance,
    Sentence,
    Span,
)

CITIES = ["دمشق", "القاهرة", "بغداد", "عمّان", "بيروت", "الرياض", "تونس", "الخرطوم", "الرباط", "صنعاء"]
COUNTRIES = ["سوريا", "مصر", "العراق", "الأردن", "لبنان", "السعودية", "تونس", "السودان", "المغرب", "اليمن"]
DAYS = ["أمس", "اليوم", "الأسبوع الماضي", "يوم الأحد", "يوم الخميس"]
SENTENCES = [
    "قال وزير الخارجية في {city} {day} إن بلاده ترحب بالمبادرة الجديدة لحل الأزمة.",
    "تظاهر مئات الطلاب في {city} {day} احتجاجا على ارتفاع الأسعار.",
    "التقى رئيس الوزراء وفدا من {country} في {city} لبحث التعاون الاقتصادي.",
    "أعلنت الحكومة في {city} عن خطة لإعادة إعمار المدارس المتضررة خلال {n} أشهر.",
    "وصل وفد رسمي من {country} إلى {city} {day} في زيارة تستمر {n} أيام.",
    "اعتقلت الشرطة {n} أشخاص في {city} بعد اشتباكات قرب السوق القديم.",
]


def arabic_articles(n: int, *, seed: int = 7, source: str = "tests") -> list[dict]:
    """`n` short news articles, written from the sentences above (ids n0, n1, ...)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        slots = dict(city=rng.choice(CITIES), country=rng.choice(COUNTRIES), day=rng.choice(DAYS),
                     n=rng.randint(2, 40))
        body = " ".join(s.format(**slots) for s in rng.sample(SENTENCES, 3))
        month = 1 + i % 12
        out.append(dict(id=f"n{i}", source=source, published=f"2019-{month:02d}-{1 + i % 28:02d}",
                        title=f"أخبار {slots['city']} رقم {i}", text=body))
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _party(text: str, full: str, code: str, name: str, sector: str | None = None) -> Actor:
    start = full.index(text)
    return Actor(code=code, name=name, sector=sector, text=text, start=start, end=start + len(text))


def _span(full: str, text: str) -> Span:
    start = full.index(text)
    return Span(start, start + len(text), text)


def hand_document(article_id: str, *, title: str, text: str, published: str | None, event_type: str,
                  actor: tuple[str, str, str], recipient: tuple[str, str, str] | None, trigger: str,
                  place: tuple[str, str, str] | None = None, source: str = "hand", confidence: float = 0.9,
                  mode: str | None = None) -> Document:
    """A Document built by hand: one event whose parties, trigger and place are spans of the
    text; `actor`/`recipient` are (words in the text, code, name), `place` (words, name, country)."""
    article = Article(id=article_id, title=title, text=text, published=published, source=source)
    full = article.full_text
    sentence = Sentence(len(title) + 1 if title else 0, len(full))
    ent_text, code, name = actor
    entities = [Entity(id="T1", type="GPE", text=ent_text, start=full.index(ent_text),
                       end=full.index(ent_text) + len(ent_text), name=name, code=code,
                       mentions=[Mention(full.index(ent_text), full.index(ent_text) + len(ent_text), ent_text)])]
    location = None
    if place:
        words, place_name, country = place
        span = _span(full, words)
        location = Location(name=place_name, country=country, lat=33.5, lon=36.3, text=words,
                            start=span.start, end=span.end)
    event = Event(
        id="EV1", type=event_type, actor=[_party(ent_text, full, code, name, "GOV")],
        recipient=[_party(recipient[0], full, recipient[1], recipient[2])] if recipient else [],
        evidence=Span(sentence.start, sentence.end, full[sentence.start:sentence.end]), sentence=sentence,
        trigger=_span(full, trigger), mode=mode, quad=4 if event_type in ("ASSAULT", "PROTEST") else 1,
        location=location, confidence=confidence)
    return Document(article=article, sentences=[sentence], entities=entities, events=[event],
                    provenance=Provenance(marsad="0.1.0", knowledge="hand", stages=["hand"]))


def hand_documents() -> list[Document]:
    """Four events over three months: written to be counted and filtered exactly."""
    return [
        hand_document("h1", title="غارة على حلب", text="قصفت القوات الروسية مدينة حلب صباح الاثنين.",
                      published="2018-01-15", event_type="ASSAULT", actor=("الروسية", "RUS", "Russia"),
                      recipient=("حلب", "SYR", "Aleppo"), trigger="قصفت", place=("حلب", "Aleppo", "SYR")),
        hand_document("h2", title="مظاهرة في بيروت", text="تظاهر آلاف اللبنانيين في بيروت ضد الحكومة.",
                      published="2018-01-20", event_type="PROTEST", actor=("اللبنانيين", "LBN", "Lebanon"),
                      recipient=None, trigger="تظاهر", place=("بيروت", "Beirut", "LBN"), mode="demo"),
        hand_document("h3", title="زيارة إلى الرياض", text="زار وزير الخارجية الكندي الرياض والتقى نظيره السعودي.",
                      published="2018-02-03", event_type="CONSULT", actor=("الكندي", "CAN", "Canada"),
                      recipient=("السعودي", "SAU", "Saudi Arabia"), trigger="زار", mode="visit",
                      confidence=0.6),
        hand_document("h4", title="قصف جديد", text="وقصفت الطائرات الروسية ريف إدلب مرة أخرى.",
                      published="2019-03-09", event_type="ASSAULT", actor=("الروسية", "RUS", "Russia"),
                      recipient=("إدلب", "SYR", "Idlib"), trigger="وقصفت", place=("إدلب", "Idlib", "SYR"),
                      source="other"),
    ]


def fresh_postgres_database(url: str) -> str:
    """An empty schema for one test: everything of the last test is dropped first."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS public CASCADE")
        conn.execute("CREATE SCHEMA public")
    return url
